"""Answers: a question about the current design, and the turn's reply."""

from __future__ import annotations

from langchain_core.messages import AIMessage
from langgraph.runtime import Runtime

from ..answers import answer_question
from ..state import current_entry
from .common import Deps, patch, turn

SAVING_INTENTS = ("new_design", "modify", "explain", "run_code", "undo", "set_parameters")


def question(state, runtime: Runtime[Deps]):
    cur = current_entry(state)
    if cur is None:
        return patch(answer="There is no design in this conversation yet, so there is nothing to change or measure. "
                            "Describe a part first, e.g. 'a 60 x 40 mm plate, 5 mm thick'.", check={"ok": False})
    report = (runtime.context.sessions.version_report(cur["dir"]) or {}).get("report") or {}
    return patch(answer=answer_question(turn(state).get("request", ""), report, cur["code"]),
                 check={"ok": False, "answered": True})


def respond(state, runtime: Runtime[Deps]):
    t = turn(state)
    intent = t.get("intent")
    if t.get("check", {}).get("ok") and intent in SAVING_INTENTS and t.get("saved"):
        cur = current_entry(state)
        kept = f" (v{cur['parent']} kept)" if cur.get("parent") else ""
        head = t.get("answer") or ""
        text = (f"{head}\n" if head else "") + f"v{cur['version']} saved{kept}: {cur['summary']}."
        if t.get("model_note"):
            text += f"\n{t['model_note']}"
    elif t.get("answer"):
        text = t["answer"]
    elif t.get("code") is None and (t.get("model_note") or "").strip() and t.get("attempts", 0) <= 1:
        text = t["model_note"]  # the engine said plainly why it cannot: no retries were spent
    else:
        last = (t.get("history") or [{}])[-1]
        reasons = last.get("problems") or []
        if last.get("error"):
            err = last["error"]
            reasons = [f"{err['type']}: {err['message']}" + (f" (line {err['line']})" if err.get("line") else "")] + reasons
        note = t.get("model_note") or ""
        text = (f"I could not make a valid part after {t.get('attempts', 0)} attempt(s). "
                f"Last problem: {'; '.join(reasons) or 'none reported'}.")
        if note:
            text += f"\n{note}"
        if last.get("code"):
            text += "\nNo version was saved; the last attempt's script is shown with this answer."
    if t.get("choice") and t.get("choice") not in text:
        text += f"\n{t['choice']}"   # which candidate won (the spec or the free code, the ensemble's) and why
    if t.get("route_note"):
        text += f"\n({t['route_note']})"
    return {**patch(answer=text), "messages": [AIMessage(content=text)]}
