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
    merged = _completes_previous(state, text)
    if merged is not None:
        # '3 mm thick' right after 'L bracket, legs 60 and 40, 30 wide' (asked for its thickness): that request, completed
        return {**patch(**base, intent="new_design", decided_by="parser", request=merged, said=text,
                        route_note=f"read with your previous message, as: '{merged[:160]}'"),
                "messages": [("human", text)]}
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


def _completes_previous(state, text: str) -> str | None:
    """The previous message completed by this one ('6mm', 'oh sorry, 3 mm thick', 'M6 clearance', '6 off'), when
    that message asked for a new part and saved none (declined: a size missing), or saved the current version with
    sizes assumed; else None."""
    from cadagent.tools.understand.replies import read_with_previous

    from ..intent import parse_intent
    from .versions import made_from

    messages = list(state.get("messages") or [])
    humans = [m for m in messages if getattr(m, "type", "") == "human"]
    if not humans or not isinstance(humans[-1].content, str) or not text.strip():
        return None
    before = humans[-1].content.strip()
    cur = current_entry(state)
    made = bool(cur) and (cur.get("said") or cur.get("request") or "").strip() == before
    if made and not cur.get("assumed"):
        return None                 # the part it made assumed nothing: this message is a change of it, or its own
    if not made and before in made_from(state):
        return None                 # it made an earlier version: this one is not its reply
    if not made and parse_intent(before, cur is not None).intent != "new_design":
        return None                 # a change, a question or an undo that made nothing: not a part to complete
    return read_with_previous(before, text, made)
