"""The route node: what this turn is (a command's type, or a message read by the model or the parser)."""

from __future__ import annotations

from langgraph.runtime import Runtime

from ..intent import route_message
from ..state import current_entry
from .common import Deps, patch, turn

COMMAND_INTENTS = {"restore": "undo", "run_code": "run_code", "explain": "explain",
                   "set_parameters": "set_parameters"}


def route(state, runtime: Runtime[Deps]):
    t = turn(state)
    kind = t.get("kind", "message")
    base = {"attempts": 0, "history": []}
    if kind != "message":
        shown = {"restore": f"restore v{t.get('target')}", "run_code": "run your script",
                 "explain": "explain " + (t.get("explain_path") or "the current design"),
                 "set_parameters": "set " + ", ".join(f"{k} = {v}" for k, v in (t.get("changes") or {}).items())}
        return {**patch(**base, intent=COMMAND_INTENTS[kind], decided_by="command"),
                "messages": [("human", t.get("request") or f"({shown[kind]})")]}
    deps = runtime.context
    text = t.get("request", "")
    routed, usage = route_message(deps.caller, text, state.get("versions") or [],
                                  state.get("current") if current_entry(state) else None, t.get("attachment"),
                                  decides=deps.routes_with_model,
                                  current_spec=(current_entry(state) or {}).get("spec"))
    update = {**base, "intent": routed.intent, "decided_by": routed.decided_by, "route_note": routed.note,
              "usage": usage}
    if routed.intent == "undo":
        update["target"] = routed.target
    if routed.decision:
        update["decision"] = routed.decision
    return {**patch(**update), "messages": [("human", text)]}
