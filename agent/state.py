"""The agent's state, in three parts.

- :class:`TurnInput` (the graph's input schema): one turn's input, as data.
- :class:`ThreadState`: what a conversation keeps from turn to turn (messages, versions, current).
- :class:`TurnState`: one turn's scratch, under the ``turn`` key. Each turn's input arrives marked
  ``fresh``, and the reducer then drops the whole previous scratch: nothing a node wrote last turn
  can leak into this one, by construction.

Versions are kept as plain dicts (``Version.to_dict()``), so that checkpoints stay readable as the
code changes; they become
:class:`~.contract.Version` records at the agent's API (``Agent.versions``). Nodes declare which keys they read and write (graph.py).
"""

from __future__ import annotations

from typing import Annotated, TypedDict

from langgraph.graph.message import add_messages


def merge_turn(old: dict | None, new: dict | None) -> dict:
    """The ``turn`` channel: a fresh input replaces everything; a node's update is merged in."""
    if not new:
        return dict(old or {})
    if new.get("fresh"):
        return {k: v for k, v in new.items() if k != "fresh"}
    return {**(old or {}), **new}


class TurnState(TypedDict, total=False):
    # the input (from the caller)
    kind: str                 # message | restore | run_code | explain | set_parameters
    request: str              # the message's words ("" for a command)
    said: str                 # the message's own words, when ``request`` is them read with the message before
    attachment: str | None    # a file given with the message
    code_input: str | None    # RunCode: the script to run
    target: int | None        # Restore / SetParameters: the version named
    changes: dict             # SetParameters: spec parameter -> value
    explain_path: str | None  # Explain: the CAD JSON file
    max_attempts: int | None  # this turn's retry budget
    # routing
    intent: str
    decided_by: str           # model | parser | command
    route_note: str           # why the model's decision was not used, when it was not
    # the design loop
    plan: dict                # agent.plan.Plan as a dict
    edits: list[dict]         # agent.plan.Edit dicts (modify)
    hits: list[dict]          # retrieved examples / notes
    fixes: list[dict]         # retrieved error -> fix notes (retries)
    code: str | None          # the script of the current attempt
    spec: dict | None         # the part spec the script was compiled from (when there is one)
    assumed: list[str]        # what the engine assumed (shown with the version)
    decision: dict            # the model's structured reading of the message (agent.intent.RouteDecision)
    path: str                 # how the attempt was made (spec, example, edit, model, ...)
    attempts: int
    exec: dict | None         # ExecResult.to_dict() of the current attempt
    check: dict               # {"ok", "problems", "error"} from validate
    history: list[dict]       # this turn's attempts: code, error, problems
    model_note: str
    model_failed: bool
    unchanged: bool           # the engine's edit asked for what the part already is (the same script is right)
    tool_log: list[dict]
    usage: dict
    cadjson: dict | None      # CAD JSON read from construction steps this turn
    # part-spec candidates (agent.spec_candidates, agent/nodes/candidates.py)
    spec_try: dict            # a model provider's spec candidate of this attempt: spec, code, exec, problems
    candidates: list[dict]    # the local ensemble's candidates (model samples, parser readings), as checked
    candidate: int            # the one the last candidate step built
    ensemble_note: str        # how the ensemble's candidates were made
    ranking: dict             # local_model.rank.Ranking.to_dict()
    choice: str               # which candidate won and why (said in the answer)
    title: str                # the saved version's title
    answer: str               # the reply of this turn
    saved: int | None         # the version this turn saved
    parent: int | None        # the saved version's parent when not the current one (an undo that keeps it)


class ThreadState(TypedDict, total=False):
    messages: Annotated[list, add_messages]   # the conversation (Human / AI messages)
    versions: list[dict]                      # every saved version (Version.to_dict())
    current: int | None                       # the version the next edit starts from


class AgentState(ThreadState, total=False):
    turn: Annotated[TurnState, merge_turn]


class TurnInput(TypedDict):
    turn: dict


def current_entry(state) -> dict | None:
    """The version dict the next edit starts from (the one place this lookup is written)."""
    for v in state.get("versions") or []:
        if v["version"] == state.get("current"):
            return v
    return None
