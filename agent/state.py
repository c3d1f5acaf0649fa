"""The agent's typed state (what the checkpointer keeps per thread). Plain data only."""

from __future__ import annotations

from typing import Annotated, TypedDict

from langgraph.graph.message import add_messages

class AgentState(TypedDict, total=False):
    messages: Annotated[list, add_messages]   # the conversation (Human / AI messages)
    request: str                              # this turn's text
    attachment: str | None                    # a file the user gave with this turn
    code_input: str | None                    # a script the user edited and ran (the UI's code tab)
    max_attempts: int | None                  # this turn's retry budget (UI setting)
    intent: str
    plan: dict                                # agent.plan.Plan as a dict
    edits: list[dict]                         # agent.plan.Edit dicts (modify)
    hits: list[dict]                          # retrieved examples / notes (id, kind, title, code, ...)
    fixes: list[dict]                         # retrieved error -> fix notes (retries)
    code: str | None                          # the script of the current attempt
    attempts: int                             # generate attempts this turn
    exec: dict | None                         # ExecResult.to_dict() of the current attempt
    check: dict                               # {"ok": bool, "problems": [...]} from validate
    history: list[dict]                       # this turn's attempts: code, error, problems
    model_note: str                           # what the model said besides its code
    model_failed: bool                        # the model call itself failed (provider error)
    tool_log: list[dict]                      # read-only tools the model called natively this attempt
    usage: dict                               # tokens the provider reported, summed over this turn
    answer: str                               # the reply of this turn
    versions: list[dict]                      # every saved version: {version, code, summary, dir, ...}
    current: int | None                       # the version being worked on
    cadjson: dict | None                      # CAD JSON read from construction steps this turn
