"""The design loop: plan → retrieve → generate → execute → validate → (retry | save)."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime

from cadagent.tools.results import ExecResult

from .. import from_text
from ..drafts import DesignContext
from ..feature_check import feature_problems, solids_problems, spec_promises, volume_problems
from ..lc_tools import size_problems
from ..model_calls import add_usage, text_of
from ..plan import Plan, parse_edits, parse_request
from ..spec_candidates import choose, entry_ok
from ..prompting import build_messages, extract_code
from ..state import current_entry
from .common import Deps, patch, thread_id, turn
from .versions import _changes_not_made_before, _last_change_not_made

REFUSALS = {"SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "CONTENT_FILTER", "REFUSAL"}
_DECLINES = re.compile(r"\b(cannot|can't|can not|unable|not able|sorry|choose|please|which|clarify)\b|\?\s*$", re.I)


def plan_node(state, runtime: Runtime[Deps]):
    t = turn(state)
    request = t.get("request", "")
    if t["intent"] == "modify":
        return patch(edits=[e.to_dict() for e in parse_edits(request)], plan=Plan(text=request, change=True).to_dict())
    if from_text.is_instructions(request):
        document, note = from_text.read_instructions(request)
        if document is not None:  # sizes come from the document, not from words: no size plan
            return patch(plan=Plan(text=request).to_dict(), edits=[], cadjson=document, model_note=note)
    plan = parse_request(request)
    decision = t.get("decision") or {}
    for role, value in (decision.get("sizes") or {}).items():  # what the model read and the parser did not
        if isinstance(value, (int, float)) and value > 0 and role not in plan.dims:
            plan.notes.append(f"{role} {value:g} mm: read by the model, not checked by the parser")
    return patch(plan=plan.to_dict(), edits=[])


def retrieve(state, runtime: Runtime[Deps]):
    deps = runtime.context
    if deps.kb is None:
        return patch(hits=[])
    t = turn(state)
    query = t.get("request", "")
    if t["intent"] == "modify":
        query = f"{(current_entry(state) or {}).get('title', '')} {query}"
    search = deps.tools["search_knowledge"]
    hits = search.invoke({"query": query, "k": 4, "kind": "example"}) + \
        search.invoke({"query": query, "k": 2, "kind": "doc"})
    return patch(hits=hits)


def generate(state, runtime: Runtime[Deps]):
    deps = runtime.context
    t = turn(state)
    if t.get("cadjson"):  # construction steps: the compiled document, never a guess instead
        if t.get("history"):  # it did not build: say why; a model's guess would not follow the steps
            last = t["history"][-1]
            why = "; ".join([*([f"{last['error'].get('type')}: {last['error'].get('message')}"]
                               if last.get("error") else []), *(last.get("problems") or [])])
            return patch(code=None, model_failed=True, attempts=t.get("attempts", 1),
                         model_note=f"{t.get('model_note') or ''}\nThe part built from this CAD JSON is not "
                                    f"valid: {why or 'no solid'}. Check the steps' coordinates and depths.")
        return patch(code=from_text.script_for(t["cadjson"]), attempts=1, model_failed=False, path="cadjson")
    if not t.get("history") and not deps.drafts and from_text.is_instructions(t.get("request", "")):
        # steps our parser could not read: the model writes the CAD JSON, the validator checks it
        writer = getattr(deps.llm, "cadjson_writer", None)   # the local model's cadjson adapter, constrained
        document, note, calls = from_text.ask_local(writer, t["request"]) if writer is not None else \
            from_text.ask_model(lambda m: text_of(deps.caller.ask(m, "gen")[0].content), t["request"])
        if document is not None:
            return patch(code=from_text.script_for(document), cadjson=document, attempts=1, model_failed=False,
                         model_note=note, path="cadjson")
    if deps.drafts:
        return _draft(state, deps)
    return _ask_model(state, deps)


def _design_context(state, task: str) -> DesignContext:
    t = turn(state)
    cur = current_entry(state)
    history = t.get("history") or []
    last = history[-1] if history else None
    return DesignContext(
        task=task, request=t.get("request", ""), attempt=int(t.get("attempts", 0)) + 1, plan=t.get("plan") or {},
        edits=t.get("edits") or [],
        examples=[{"id": h["id"], "title": h["title"], "code": h.get("body", ""),
                   "parameters": h.get("meta", {}).get("parameters", {})}
                  for h in t.get("hits") or [] if h.get("kind") == "example"],
        current={**{k: cur.get(k) for k in ("version", "code", "spec", "size", "volume", "title", "request")},
                 "not_made": _last_change_not_made(state, cur),     # the change asked before, unsaved
                 "not_made_before": _changes_not_made_before(state, cur) if _last_change_not_made(state, cur) else []}
        if cur else None,
        previous={"code": last.get("code"), "spec": last.get("spec"), "error": last.get("error"),
                  "problems": last.get("problems")} if last else None,
        base=t["intent"] if t.get("intent") in ("new_design", "modify") else "new_design")


def _draft(state, deps: Deps):
    """An engine that drafts from data (the offline engine): no prompt, no text to parse."""
    t = turn(state)
    task = "fix" if t.get("history") else t["intent"]
    draft = deps.llm.draft(_design_context(state, task))
    return patch(code=draft.code, spec=draft.spec, path=draft.path, model_note=draft.note, assumed=draft.assumed,
                 attempts=t.get("attempts", 0) + 1, model_failed=bool(draft.declined), unchanged=draft.unchanged)


def _ask_model(state, deps: Deps):
    t = turn(state)
    task = "fix" if t.get("history") else t["intent"]
    fixes = t.get("fixes") or []
    if task == "fix" and deps.kb is not None and not fixes:
        err = (t["history"][-1].get("error") or {})
        query = f"{err.get('exception') or ''} {err.get('message') or ''} " + " ".join(t["history"][-1].get("problems") or [])
        fixes = deps.tools["search_knowledge"].invoke({"query": query.strip() or "error", "k": 2, "kind": "error_fix"})
    messages = build_messages(task, {**t, "fixes": fixes, "versions": state.get("versions"),
                                     "current": state.get("current")},
                              with_handbook=deps.handbook, compact=deps.compact)
    attempts = t.get("attempts", 0) + 1
    try:
        reply, tool_log = deps.caller.ask(messages, task)
    except Exception as exc:  # noqa: BLE001 - a failed model call is a readable answer, the thread lives on
        from ..providers import explain_failure

        return patch(code=None, model_note=explain_failure(exc, deps.settings), model_failed=True,
                     attempts=attempts, fixes=fixes)
    text = text_of(reply.content)
    reason = str((getattr(reply, "response_metadata", None) or {}).get("finish_reason") or "")
    usage = add_usage(t.get("usage"), reply)
    if not text.strip() and reason.upper() in REFUSALS:
        return patch(code=None, model_failed=True, attempts=attempts, fixes=fixes, usage=usage, tool_log=tool_log,
                     model_note=f"The model refused to answer (finish reason {reason}). "
                                "Rephrase the request, or choose another model.")
    code, note = extract_code(text)
    if code is None and reason.upper() in ("LENGTH", "MAX_TOKENS"):
        note = (note + "\n" if note else "") + "(The answer was cut off at agent.max_tokens; raise it if this repeats.)"
    return patch(code=code, model_note=note, attempts=attempts, fixes=fixes, tool_log=tool_log,
                 model_failed=False, usage=usage, path="model")


def execute(state, runtime: Runtime[Deps]):
    return patch(exec=runtime.context.tools["run_cadquery"].invoke({"code": turn(state)["code"]}))


def checked_entry(t: dict, code: str | None, ex: dict | None, deps: Deps, spec: dict | None = None,
                  before: str | None = None) -> dict:
    """An attempt's record: its error, and the problems the checks found (a valid solid, the plan's
    body count, size and requested features on a new design; on an edit, that the script changed:
    ``before`` is the current version's). Any candidate is checked with this."""
    entry = {"code": code, "spec": spec, "error": None, "problems": []}
    if code is None:
        entry["problems"] = ["no part was made" if t.get("model_failed") else "the model returned no code"]
    elif t.get("intent") == "modify" and before is not None and _same_script(code, before) and not t.get("unchanged"):
        entry["problems"] = ["the script is the current version's, unchanged: the change was not applied"]
    elif not ex["ok"]:
        entry["error"] = ex["error"]
    else:
        report = ex["report"]
        if not report["valid"] or report["solids"] < 1 or report["volume"] <= 0:
            entry["problems"] += ["not a valid solid: " + "; ".join(report["problems"] or ["no volume"])]
        bodies = (t.get("plan") or {}).get("bodies", 1)   # how many solids the plan asks for ("any")
        if t.get("cadjson"):
            bodies = "any"  # the steps say how many bodies there are
        # (an edit made on a part spec keeps one body: a slot across a whole leg cuts it in two, never ok)
        if t["intent"] == "new_design" or t.get("path") == "edit":
            entry["problems"] += solids_problems(report["solids"], bodies)
        if t["intent"] == "modify" and spec and t.get("path") == "edit" and not entry["problems"]:
            # an edit made on the part spec: the measured part must show it (sizes, volume, holes, edges, walls)
            promised = spec_promises(spec)
            entry["problems"] += size_problems(promised, report["size"]) + volume_problems(promised, ex)
            if not entry["problems"]:
                entry["problems"] += feature_problems(promised, ex, deps.sandbox)
        if t["intent"] == "new_design" and not t.get("cadjson"):
            entry["problems"] += deps.tools["check_size"].invoke({"size": report["size"],
                                                                  "plan": t.get("plan") or {}})
            if not entry["problems"]:  # the requested holes, fillets, chamfers and walls, measured
                entry["problems"] += feature_problems(t.get("plan") or {}, ex, deps.sandbox)
    return entry


def _same_script(a: str, b: str) -> bool:
    """The same script up to blank lines, trailing spaces and comments."""
    def norm(code: str) -> list[str]:
        return [ln.split("#", 1)[0].rstrip() for ln in code.splitlines() if ln.split("#", 1)[0].strip()]
    return norm(a) == norm(b)


def validate(state, runtime: Runtime[Deps]):
    """Check the attempt; when a part-spec candidate was made on this attempt (agent.spec_candidates),
    the better-checked of the two goes on, and ``choice`` says which and why."""
    t = turn(state)
    ex = t.get("exec")
    code = t.get("code")
    entry = checked_entry(t, code, ex, runtime.context, t.get("spec"), before=(current_entry(state) or {}).get("code"))
    out = {}
    tried = t.get("spec_try") or {}
    if tried and tried.get("attempt") == t.get("attempts"):
        spec_entry = {"code": tried.get("code"), "spec": tried.get("spec"), "error": tried.get("error"),
                      "problems": list(tried.get("check_problems") or []) if tried.get("code") else
                      ["the part spec was not usable: " + "; ".join(
                          [*(tried.get("problems") or [])[:4], *([tried["note"]] if tried.get("note") else [])])],
                      "note": tried.get("note") or ""}
        winner, why = choose(entry, spec_entry)
        entry["candidates"] = {"code": {"ok": entry_ok(entry), "problems": entry["problems"], "error": entry["error"]},
                               "spec": {"ok": entry_ok(spec_entry), "problems": spec_entry["problems"],
                                        "error": spec_entry["error"]}}
        if winner == "spec":
            candidates = entry["candidates"]
            entry = {k: spec_entry[k] for k in ("code", "spec", "error", "problems")}
            entry["candidates"] = candidates
            ex = tried.get("exec")
            out = {"code": entry["code"], "spec": entry["spec"], "exec": ex, "path": "spec-model"}
        out["choice"] = why
    ok = entry["code"] is not None and ex is not None and ex["ok"] and not entry["problems"]
    return patch(check={"ok": ok, "problems": entry["problems"], "error": entry["error"]},
                 history=(t.get("history") or []) + [entry], **out)


def after_validate(state, runtime: Runtime[Deps]) -> str:
    t = turn(state)
    if t["check"]["ok"]:
        return "save"
    if t.get("code") is None and (t.get("model_failed") or _DECLINES.search(t.get("model_note") or "")):
        return "respond"  # the call failed after the SDK's retries, or the engine said why it cannot
    if t["intent"] in ("run_code", "set_parameters"):
        return "respond"  # the user's own script or values: report, do not rewrite them
    budget = t.get("max_attempts") or runtime.context.max_attempts
    return "generate" if t.get("attempts", 0) < budget else "respond"


def save(state, runtime: Runtime[Deps]):
    from langgraph.config import get_config

    deps = runtime.context
    t = turn(state)
    versions = list(state.get("versions") or [])
    number = (versions[-1]["version"] + 1) if versions else 1
    ex = t["exec"]
    report = ex["report"]
    cur = current_entry(state) or {}
    title = t.get("title") or next((h["title"] for h in t.get("hits") or [] if h.get("kind") == "example"), "part")
    if t["intent"] in ("modify", "run_code", "undo", "set_parameters") and not t.get("title"):
        title = cur.get("title", title)
    if t.get("cadjson"):
        title = from_text.part_name(t["cadjson"])
    thread = thread_id(get_config())
    path = deps.sessions.save(thread, number, t["code"], ex,
                              {"request": t.get("request", ""), "said": t.get("said"), "intent": t["intent"], "title": title,
                               "parent": t.get("parent", state.get("current")), "spec": t.get("spec"),
                               "assumed": t.get("assumed") or []})
    number = int(path.name[1:])  # the number claimed on disk (taken atomically; see SessionStore.claim)
    entry = {"version": number, "code": t["code"], "summary": ExecResult.from_dict(ex).report.summary(),
             "dir": str(path), "title": title, "request": t.get("request", ""), "said": t.get("said"),
             "size": report["size"],
             "volume": report["volume"], "parent": t.get("parent", state.get("current")), "spec": t.get("spec"),
             "assumed": t.get("assumed") or [],
             "files": {k: str(v) for k, v in deps.sessions.files(path).items()}}
    if t.get("cadjson"):
        entry["cadjson"] = str(from_text.save_beside(path, t["cadjson"]))
    return {"versions": [*versions, entry], "current": number, **patch(saved=number)}
