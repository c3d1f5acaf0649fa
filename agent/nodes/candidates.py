"""Part-spec candidates in the design loop (agent.spec_candidates):

- ``spec``: a model provider's spec candidate for this attempt (one call + one repair), compiled,
  run and checked; ``validate`` then keeps the better-checked of it and the free code.
- ``ensemble`` → ``candidate`` (once per candidate, each a streamed step) → ``rank``: the local
  model's N constrained specs and the parser's readings, each built and checked (and the fallbacks of a
  parser reading that did not pass), ranked; the winner goes on through execute and validate.
"""

from __future__ import annotations

from langgraph.runtime import Runtime

from ..local_model.fallback import fallback_candidates
from ..local_model.rank import rank as rank_specs
from ..spec_candidates import Checked, canonical, compiled, ensemble, spec_context, write_spec
from ..state import current_entry
from .common import Deps, patch, turn
from .design import checked_entry


def mode(deps: Deps) -> str:
    """ "structured" | "ensemble" | "" for this agent (providers.spec_candidates)."""
    if deps.settings is None or deps.drafts:
        return ""
    from ..providers import spec_candidates

    return spec_candidates(deps.settings, deps.llm)


def eligible(state) -> bool:
    """A new design (not construction steps), or an edit of a version that carries a spec."""
    t = turn(state)
    if t.get("cadjson") or not (t.get("request") or "").strip():
        return False
    if t.get("intent") == "modify":
        return bool((current_entry(state) or {}).get("spec"))
    return t.get("intent") == "new_design"


def wants_spec(state, deps: Deps) -> bool:
    t = turn(state)
    return mode(deps) == "structured" and eligible(state) and not t.get("model_failed")


def wants_ensemble(state, deps: Deps) -> bool:
    return mode(deps) == "ensemble" and eligible(state) and not turn(state).get("history")


def _current_spec(state) -> dict | None:
    t = turn(state)
    return (current_entry(state) or {}).get("spec") if t.get("intent") == "modify" else None


# -- a model provider's spec candidate -----------------------------------------------------------
def spec(state, runtime: Runtime[Deps]):
    deps = runtime.context
    t = turn(state)
    last = t.get("spec_try") or None
    previous = None
    if last:
        why = list(last.get("problems") or []) + list(last.get("check_problems") or [])
        if last.get("error"):
            why.insert(0, f"{last['error'].get('type')}: {last['error'].get('message')}")
        previous = {"spec": last.get("spec"), "problems": why or [last.get("note") or "it was not used"]}
    cur = current_entry(state) if t.get("intent") == "modify" else None
    tried, usage = write_spec(deps.caller, spec_context(t, cur, previous), t.get("usage"))
    out = {**tried.to_dict(), "attempt": t.get("attempts"), "exec": None, "error": None, "check_problems": []}
    if tried.code:
        ex = deps.tools["run_cadquery"].invoke({"code": tried.code})
        entry = checked_entry(t, tried.code, ex, deps, tried.spec)
        out.update(exec=ex, error=entry["error"], check_problems=entry["problems"])
    return patch(spec_try=out, usage=usage)


def spec_line(d: dict) -> str:
    s = d.get("spec_try") or {}
    how = {"json_schema": "structured output", "prompt": "schema in the prompt"}.get(s.get("mode"), "")
    head = f"part spec ({how}{', repaired once' if s.get('repaired') else ''})" if how else "part spec"
    if not s.get("code"):
        why = s.get("note") or "; ".join((s.get("problems") or [])[:3]) or "no spec"
        return f"{head}: not usable — {why}"
    if s.get("error"):
        return f"{head}: did not run — {s['error'].get('type')}: {str(s['error'].get('message'))[:160]}"
    size = ((s.get("exec") or {}).get("report") or {}).get("size")
    bbox = f" · bbox {' x '.join(f'{v:.1f}' for v in size)}" if size else ""
    probs = s.get("check_problems") or []
    return f"{head}: {'check: ' + '; '.join(probs) if probs else 'check ok'}{bbox}"


def spec_ok(d: dict) -> bool:
    s = d.get("spec_try") or {}
    return bool(s.get("code")) and not s.get("error") and not s.get("check_problems")


# -- the local ensemble --------------------------------------------------------------------------
def ensemble_node(state, runtime: Runtime[Deps]):
    deps = runtime.context
    t = turn(state)
    n = deps.settings.agent.spec_samples
    try:
        cands, line = ensemble(deps.llm.spec_writer, t.get("request", ""), _current_spec(state), n)
    except Exception as exc:  # noqa: BLE001 - the parser's readings still rank; the step says why
        from ..spec_candidates import parser_readings

        cands = parser_readings(t.get("request", ""), _current_spec(state))
        for c in cands:
            c["problems"] = compiled(c["spec"])[2]
        line = f"the local model wrote no spec ({type(exc).__name__}: {str(exc)[:160]}); {len(cands)} parser reading(s)"
    return patch(candidates=cands, ensemble_note=line)


def candidate(state, runtime: Runtime[Deps]):
    """Build and check the next unchecked candidate (one streamed step per candidate). After the last one,
    a parser reading that did not pass adds its fallbacks (its body alone, its body with a passing model
    candidate's features: ``local_model.fallback``) as more candidates, once."""
    out = _check_next(state, runtime)
    cands = out["turn"]["candidates"]
    if all(c.get("checked") for c in cands):
        cands += fallback_candidates(cands)
    return out


def _check_next(state, runtime: Runtime[Deps]):
    deps = runtime.context
    t = turn(state)
    cands = [dict(c) for c in t.get("candidates") or []]
    i = next(k for k, c in enumerate(cands) if not c.get("checked"))
    c = cands[i]
    c["checked"] = True
    if c.get("spec") is None or c.get("problems"):
        c.update(passed=False, code=None)
        return patch(candidates=cands, candidate=i)
    key = canonical(c["spec"])
    same = next((o for o in cands[:i] if o.get("code") and canonical(o["spec"]) == key), None)
    if same is not None:
        c.update({k: same.get(k) for k in ("code", "passed", "check_problems", "error", "size")}, same_as=same["source"])
        return patch(candidates=cands, candidate=i)
    _, code, problems = compiled(c["spec"])
    if code is None:
        c.update(passed=False, code=None, problems=problems)
        return patch(candidates=cands, candidate=i)
    ex = deps.tools["run_cadquery"].invoke({"code": code})
    entry = checked_entry(t, code, ex, deps, c["spec"])
    c.update(code=code, passed=not entry["error"] and not entry["problems"], check_problems=entry["problems"],
             error=entry["error"], size=((ex.get("report") or {}).get("size") if ex.get("ok") else None))
    return patch(candidates=cands, candidate=i)


def more_candidates(state) -> str:
    return "candidate" if any(not c.get("checked") for c in turn(state).get("candidates") or []) else "rank"


def candidate_line(d: dict) -> str:
    cands, i = d.get("candidates") or [], d.get("candidate")
    if i is None or i >= len(cands):
        return "candidate: -"
    c = cands[i]
    if c.get("spec") is None or (c.get("problems") and not c.get("code")):
        return f"{c['source']}: invalid — {'; '.join((c.get('problems') or ['no spec'])[:2])}"
    size = c.get("size")
    bbox = f" · bbox {' x '.join(f'{v:.1f}' for v in size)}" if size else ""
    same = f" (the same spec as {c['same_as']})" if c.get("same_as") else ""
    if c.get("error"):
        return f"{c['source']}: did not run — {c['error'].get('type')}: {str(c['error'].get('message'))[:160]}{same}"
    probs = c.get("check_problems") or []
    return f"{c['source']}: built · {'check: ' + '; '.join(probs) if probs else 'check ok'}{bbox}{same}"


def candidate_ok(d: dict) -> bool:
    cands, i = d.get("candidates") or [], d.get("candidate")
    return bool(i is not None and i < len(cands) and cands[i].get("passed"))


def rank_node(state, runtime: Runtime[Deps]):
    t = turn(state)
    cands = t.get("candidates") or []
    results = {canonical(c["spec"]): Checked(c) for c in cands if c.get("code")}
    unbuilt = Checked({})

    def build(spec):
        return results.get(canonical(spec.model_dump(mode="json")), unbuilt)

    ranking = rank_specs(t.get("request", ""), [(c["source"], c["spec"]) for c in cands], build=build,
                         prefer=("parser",))
    w = ranking.winner
    code = next((c.get("code") for c in cands if w is not None and c["source"] == w.source), None)
    head = f"Best of {len(cands)} spec candidates ({t.get('ensemble_note', '')}): "
    if w is None or code is None:
        return patch(code=None, choice=head + ranking.reason + ". Writing free code instead.",
                     ranking=ranking.to_dict())
    return patch(code=code, spec=w.spec, path="ensemble", attempts=t.get("attempts", 0) + 1, model_failed=False,
                 choice=head + ranking.reason + ".", ranking=ranking.to_dict())


def rank_line(d: dict) -> str:
    r = d.get("ranking") or {}
    return f"winner: {r.get('winner')} — {r.get('reason', '')}" if r.get("winner") else \
        f"no winner — {r.get('reason', '')}"
