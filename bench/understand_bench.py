"""The offline engine on language written elsewhere, through ``OfflineChatModel.draft`` (the data
entry point the design loop calls): the user-words set (``evals/userset/<split>``) and the Text2CAD
prompts at the ``intermediate`` / ``beginner`` levels (IoU ≥ 0.5, both parts scaled to the same
largest extent, as the text2cad suite in evals/conversations.py measures it).

Each turn is drafted, run in the sandbox, retried as a ``fix`` up to three attempts, and measured
with the eval checks (evals/checks.py). Routing is not measured here: a turn goes where its
``expect.intent`` says (new design, modify, undo); the agent's own eval (`cadagent eval`) measures
routing too. ``ok`` is this bench's own verdict: a valid solid whose sizes match the plan's
extents and whose requested features (agent.feature_check) are all found.

    python -m cadagent.bench.understand_bench userset evals/userset/dev --out evals/baselines/understand-dev.md
    python -m cadagent.bench.understand_bench text2cad --level intermediate --limit 100
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from cadagent.agent.drafts import DesignContext
from cadagent.agent.feature_check import feature_problems, solids_problems
from cadagent.agent.nodes.versions import FIRST as _FIRST
from cadagent.agent.offline.engine import OfflineChatModel
from cadagent.agent.plan import parse_request
from cadagent.evals.checks import References, check_turn
from cadagent.evals.conversations import load_all
from cadagent.tools.part.expect import expectations
from cadagent.tools.part.validation import parse as parse_spec
from cadagent.tools.sandbox import Limits, Sandbox
from cadagent.tools.understand import understand
from cadagent.tools.understand.replies import read_with_previous

TEXT2CAD = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "text2cad_random100"
ATTEMPTS = 3
FIRST = re.compile(_FIRST.pattern)       # the agent's words for the first version ("from the start" too)


def _features_of(spec: dict | None) -> dict:
    if not spec:
        return {}
    try:
        e = expectations(parse_spec(spec))
    except Exception:  # noqa: BLE001 - a spec that does not parse promises nothing
        return {}
    return {k: e[k] for k in ("holes", "fillets", "chamfers", "cavities") if e.get(k)}


def _sizes_ok(plan_extents: list[float], size) -> bool:
    if not plan_extents or not size:
        return True
    got = sorted(size)
    return all(abs(a - b) <= max(0.1, 0.01 * max(plan_extents)) for a, b in zip(got, plan_extents))


def drive(engine, sandbox, turn: dict, versions: list[dict], examples: list[dict], not_made: str | None = None,
          not_made_before: list[str] | None = None) -> dict:
    """One turn: draft (and fix) until a valid part or a decline; the outcome the eval checks read.
    ``not_made``: the change asked in the turn before, when it saved no version (as the agent passes it)."""
    text, expect = turn["user"], turn.get("expect") or {}
    from cadagent.agent.nodes.versions import version_named_by_change
    named = version_named_by_change(text, [(i + 1, v["request"], i or None) for i, v in enumerate(versions)]) \
        if versions and expect.get("intent") in (None, "undo") else None
    intent = expect.get("intent") or ("undo" if versions and (FIRST.search(text.lower()) or "undo" in text.lower()
                                                               or named is not None)
                                      else "modify" if versions else "new_design")
    if intent == "undo":
        if named is not None:        # "revert to how it was right after I added the hole" (as the agent's router reads it)
            del versions[named:]
        elif FIRST.search(text.lower()) and versions:
            del versions[1:]
        elif len(versions) > 1 and not not_made:     # right after a change not made, the agent keeps the part
            from cadagent.agent.nodes.versions import _steps
            for _ in range(min(_steps(text), len(versions) - 1)):   # "undo the last two changes", "undo, undo"
                versions.pop()
        v = versions[-1] if versions else None
        return {"ok": v is not None, "intent": "undo", **(v["outcome"] if v else {}), "answer": "undo",
                "path": "undo"}
    task = "modify" if intent == "modify" and versions else "new_design"
    plan = parse_request(text).to_dict() if task == "new_design" else {}
    current = versions[-1] if versions else None
    previous, d, res, t0 = None, None, None, time.perf_counter()
    notes = []
    for attempt in range(1, ATTEMPTS + 1):
        ctx = DesignContext(task=task if previous is None else "fix", base=task, request=text, attempt=attempt,
                            plan=plan, examples=examples, previous=previous,
                            current={"version": len(versions), "code": current["code"], "spec": current["spec"],
                                     "not_made": not_made, "not_made_before": not_made_before or [],
                                     "request": current.get("request")}
                            if current else None)     # (a new part may be said as a variant of it, as in the agent)
        d = engine.draft(ctx)
        notes.append(d.note)
        if d.code is None:
            break
        res = sandbox.run_script(d.code, exports=("step",))
        problems = []
        if res.ok and res.valid_solid:
            # as the agent's design node: a part spec makes one body (a slot across a whole bar cuts it in two)
            problems += solids_problems(res.report.solids, plan.get("bodies", 1) if task == "new_design" else 1)
            if task == "new_design" and not _sizes_ok(plan.get("extents") or [], list(res.report.size)):
                problems.append(f"size {sorted(res.report.size)} is not the planned {plan.get('extents')}")
            promised = {"features_expected": _features_of(d.spec) or plan.get("features_expected") or {}}
            problems += feature_problems(promised, res.to_dict(), sandbox)
            if not problems:
                break
        previous = {"code": d.code, "spec": d.spec, "error": (res.to_dict().get("error") if res else None),
                    "problems": problems}
        res = None if not (res and res.ok and res.valid_solid) else res
        if problems:
            res = None
    ms = (time.perf_counter() - t0) * 1000
    outcome = {"intent": intent, "answer": " | ".join(n for n in notes if n), "path": d.path if d else "",
               "attempts": len(notes), "ms": ms, "ok": res is not None, "assumed": list(d.assumed) if d else []}
    if res is not None:
        r = res.report
        outcome.update(size=list(r.size), bbox_min=list(r.bbox_min), volume=r.volume, solids=r.solids,
                       step=str(res.artifacts.get("step")) if res.artifacts.get("step") else None)
        versions.append({"code": d.code, "spec": d.spec, "request": text, "outcome": {k: outcome[k] for k in (
            "size", "bbox_min", "volume", "solids", "step")}})
    elif task == "modify" and current is not None:
        outcome.update(current["outcome"])     # a declined edit leaves the part as it was: that part is measured
    return outcome


def _completes(last: tuple[dict, dict] | None, turn: dict) -> str | None:
    """The request before completed by this turn's words, as the agent's router reads them (agent/nodes/routing.py):
    after a new-part request that made nothing, or made a part with sizes assumed."""
    if last is None or (turn.get("expect") or {}).get("intent") not in (None, "new_design"):
        return None
    before, out = last
    if out.get("intent") != "new_design" or (out.get("ok") and not out.get("assumed")):
        return None
    return read_with_previous(before["user"], turn["user"], bool(out.get("ok")))


def run(sources: list[str], *, level: str = "intermediate", limit: int | None = None) -> dict:
    convs = load_all([Path(s) for s in sources], text2cad_level=level)[:limit]
    engine = OfflineChatModel()
    rows = []
    with tempfile.TemporaryDirectory() as work, Sandbox(Limits(timeout_s=60), jobs_root=Path(work) / "jobs") as sandbox:
        refs = References(sandbox, Path(work))
        for conv in convs:
            versions: list[dict] = []
            not_made, missed, last = None, [], None
            for i, turn in enumerate(conv.turns):
                said = turn
                merged = _completes(last, turn)
                if merged is not None:     # as the agent's router reads a reply to the request before it
                    turn = {**turn, "user": merged, "expect": {**(turn.get("expect") or {}), "intent": "new_design"}}
                out = drive(engine, sandbox, turn, versions, [], not_made, missed[:-1])
                last, turn = (said, out), said
                not_made = turn["user"] if out.get("intent") == "modify" and versions and not out.get("ok") else None
                missed = missed + [not_made] if not_made else []      # every change since the last version, unsaved
                expect = dict(turn.get("expect") or {})
                checks = check_turn(expect, out, conv, refs)
                kind = "edit" if (expect.get("intent") in ("modify", "undo") or (i and not expect.get("intent")
                                                                                  and versions)) else "new"
                failed = [c for c in checks if not c["ok"]]
                rows.append({"id": conv.id, "turn": i + 1, "kind": kind, "text": turn["user"], "ok": not failed,
                             "path": out.get("path"), "ms": round(out.get("ms", 0), 1),
                             "failed": [f"{c['check']}: expected {c['expected']}, got {c['measured']}"
                                        + (f" ({c['detail']})" if c.get("detail") else "") for c in failed],
                             "answer": out.get("answer", "")[:400],
                             **({"iou": c["measured"] for c in checks if c["check"] == "iou"})})
    return summarize(rows)


def summarize(rows: list[dict]) -> dict:
    def rate(rs):
        return {"passed": sum(r["ok"] for r in rs), "turns": len(rs),
                "rate": round(sum(r["ok"] for r in rs) / len(rs), 4) if rs else None}
    reasons = Counter(_reason(r) for r in rows if not r["ok"])
    ious = [r["iou"] if r["iou"] is not None else 0.0 for r in rows if "iou" in r]
    return {"all": rate(rows), "new": rate([r for r in rows if r["kind"] == "new"]),
            "edit": rate([r for r in rows if r["kind"] == "edit"]),
            "paths": dict(Counter(r["path"] for r in rows)),
            "turn_ms_median": round(statistics.median(r["ms"] for r in rows), 1) if rows else None,
            "iou_ge_0.5": round(sum(v >= 0.5 for v in ious) / len(ious), 4) if ious else None,
            "iou_median": round(statistics.median(ious), 4) if ious else None,
            "reasons": reasons.most_common(10), "rows": rows}


def _reason(r: dict) -> str:
    """A short, countable reason for a miss."""
    a = r["answer"].lower()
    if "not built by the spec path" in a or "does not build '" in a:
        return "asks for a feature the spec path does not build (declined or example)"
    if "missing:" in a or "missing " in a and "i read" in a:
        return "spec path: a size it could not find"
    if "cannot be built as i read them" in a:
        return "a feature sized in the request cannot be built as read (declined)"
    if "left out (its size" in a:
        return "built, but a feature was left out (it could not be placed as read)"
    if "approximated by the block" in a:
        return "a shape it cannot size, approximated by its bounding block"
    if r["path"] == "example":
        return "no body the spec path knows: example fallback"
    if "could not apply that change" in a or "no change i could read" in a:
        return "edit not understood"
    if "cannot be built" in a:
        return "spec not buildable (validator)"
    names = sorted({f.split(":")[0] for f in r["failed"]})
    if names == ["iou"]:
        return "shape differs (IoU below the minimum)"
    if "ok" in names and len(names) > 1:
        return "no valid part (" + ", ".join(n for n in names if n != "ok") + ")"
    return "wrong " + " and ".join(names)


def markdown(title: str, rep: dict, command: str) -> str:
    lines = [f"# {title}", "", f"`{command}`", "",
             "| turns | passed | new designs | edits | paths | median turn (ms) |", "|---|---|---|---|---|---|",
             f"| {rep['all']['turns']} | {rep['all']['passed']} ({rep['all']['rate']:.1%}) | "
             f"{rep['new']['passed']}/{rep['new']['turns']} | {rep['edit']['passed']}/{rep['edit']['turns']} | "
             f"{', '.join(f'{k}: {v}' for k, v in rep['paths'].items())} | {rep['turn_ms_median']} |", ""]
    if rep.get("iou_ge_0.5") is not None:
        lines += [f"IoU ≥ 0.5 on {rep['iou_ge_0.5']:.1%} of the prompts; median IoU {rep['iou_median']}.", ""]
    lines += ["## The most common reasons for misses", ""]
    lines += [f"{i}. {why}: {n}" for i, (why, n) in enumerate(rep["reasons"], 1)]
    lines += ["", "## Every miss", ""]
    for r in rep["rows"]:
        if not r["ok"]:
            lines.append(f"- `{r['id']}` turn {r['turn']} ({r['kind']}, path {r['path'] or 'none'}): "
                         f"\"{r['text'][:160]}\" — {_reason(r)}; " + "; ".join(r["failed"]) +
                         (f". Engine: {r['answer'][:240]}" if r["answer"] else ""))
    return "\n".join(lines) + "\n"


def speed(sources: list[str], repeats: int = 5) -> dict:
    """Median parse time of ``understand`` beside the regex plan parser (agent.plan.parse_request without
    the spec facts) on the same requests: the ratio is the number to watch, not the milliseconds."""
    from cadagent.agent import plan as plan_mod
    texts = [t["user"] for c in load_all([Path(s) for s in sources]) for t in c.turns]
    understand(texts[0])

    def med(fn) -> float:
        out = []
        for t in texts:
            t0 = time.perf_counter()
            for _ in range(repeats):
                fn(t)
            out.append((time.perf_counter() - t0) * 1000 / repeats)
        return statistics.median(out)

    regex = med(lambda t: plan_mod.parse_request(t, spec_facts=False))
    ours = med(understand)
    return {"requests": len(texts), "understand_ms_median": round(ours, 3), "regex_plan_ms_median": round(regex, 3),
            "ratio": round(ours / regex, 2) if regex else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suite", choices=["userset", "text2cad", "speed"])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--level", default="intermediate", choices=["beginner", "intermediate"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    sources = a.paths or ([str(TEXT2CAD)] if a.suite == "text2cad" else ["evals/userset/dev"])
    if a.suite == "speed":
        print(json.dumps(speed(sources)))
        return 0
    rep = run(sources, level=a.level, limit=a.limit)
    cmd = "python -m cadagent.bench.understand_bench " + " ".join(argv if argv is not None else __import__("sys").argv[1:])
    title = (f"Offline engine (spec path first) on Text2CAD {a.level}" if a.suite == "text2cad"
             else f"Offline engine (spec path first) on {', '.join(sources)}")
    text = markdown(title, rep, cmd)
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(text, encoding="utf-8")
    if a.json:
        a.json.write_text(json.dumps(rep, indent=1), encoding="utf-8")
    print(text.split("## Every miss")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
