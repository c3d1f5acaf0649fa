"""The LangGraph StateGraph: route → plan → retrieve → generate → execute → validate →
(retry | save) → respond, plus the explain, question, undo, run-code and set-parameters paths.

Every node is declared once in :data:`STEPS`: its function, its title (what the CLI and the UI
show), the turn keys it reads and writes, and how its update reads as one line. A node that
writes a key it did not declare fails loudly (:class:`ContractError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from .nodes import answers, candidates, design, explain, routing, versions
from .nodes.common import Deps
from .state import AgentState, TurnInput


class ContractError(AssertionError):
    """A node wrote a key it did not declare."""


@dataclass(frozen=True)
class Step:
    fn: Callable
    title: str
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    thread_writes: tuple[str, ...] = ()          # versions, current, messages
    describe: Callable[[dict], str] = field(default=lambda d: "")
    ok: Callable[[dict], bool] | None = None     # whether the step went well (None: not a check)


def _plan_line(d: dict) -> str:
    if d.get("edits"):
        return "edits: " + ", ".join(f"{e['kind']} {e['role']} {e['value']:g}" for e in d["edits"])
    from .plan import Plan

    return "plan: " + Plan.from_dict(d["plan"]).summary() if d.get("plan") else "plan: -"


def _generate_line(d: dict) -> str:
    n = d.get("attempts")
    tools = ", ".join(t["tool"] for t in d.get("tool_log") or [] if t.get("tool"))
    tools = f" (looked up: {tools})" if tools else ""
    via = f" from the {d['path']}" if d.get("path") in ("spec", "example", "edit") else ""
    if d.get("code"):
        return f"attempt {n}: script of {d['code'].count(chr(10))} lines{via}{tools}"
    return f"attempt {n}: no code — {(d.get('model_note') or '')[:200]}"


def _execute_line(d: dict) -> str:
    from cadagent.tools.results import thousands

    ex = d.get("exec") or {}
    if ex.get("ok"):
        r = ex["report"]
        sx, sy, sz = r["size"]
        state = "valid solid" if ex.get("valid_solid") else "INVALID solid"
        return f"ran: {state} · bbox {sx:.1f} x {sy:.1f} x {sz:.1f} · volume {thousands(r['volume'])} mm³"
    err = ex.get("error") or {}
    return f"ran: {err.get('type')}: {(err.get('message') or '')[:300]}"


def _validate_line(d: dict) -> str:
    check = d.get("check", {})
    if check.get("ok"):
        return "check: ok" + _choice(d)
    return "check: " + "; ".join(check.get("problems") or [str((check.get("error") or {}).get("type"))]) + _choice(d)


def _choice(d: dict) -> str:
    return f" · {d['choice']}" if d.get("choice") else ""


def _route_line(d: dict) -> str:
    by = {"model": " (the model's reading)", "parser": "", "command": " (a command)"}.get(d.get("decided_by"), "")
    note = f" — {d['route_note']}" if d.get("route_note") else ""
    return f"intent: {d.get('intent')}{by}{note}"


_ANSWER = lambda d: d.get("answer", "")  # noqa: E731

STEPS: dict[str, Step] = {
    "route": Step(routing.route, "Understand", reads=("kind", "request", "attachment"),
                  writes=("attempts", "history", "intent", "decided_by", "route_note", "usage", "target", "decision",
                          "request", "said"),
                  thread_writes=("messages",), describe=_route_line),
    "plan": Step(design.plan_node, "Plan", reads=("intent", "request", "decision"),
                 writes=("plan", "edits", "cadjson", "model_note"), describe=_plan_line),
    "retrieve": Step(design.retrieve, "Retrieve", reads=("intent", "request"), writes=("hits",),
                     describe=lambda d: "examples: " + ", ".join(h["id"] for h in d.get("hits", [])
                                                                 if h["kind"] == "example")),
    "generate": Step(design.generate, "Write the part",
                     reads=("intent", "request", "plan", "edits", "hits", "history", "fixes", "cadjson", "attempts"),
                     writes=("code", "spec", "path", "model_note", "attempts", "model_failed", "fixes", "tool_log",
                             "usage", "cadjson", "assumed", "unchanged"), describe=_generate_line),
    "spec": Step(candidates.spec, "Write a part spec",
                 reads=("intent", "request", "plan", "attempts", "spec_try", "usage", "cadjson", "model_failed"),
                 writes=("spec_try", "usage"), describe=candidates.spec_line, ok=candidates.spec_ok),
    "ensemble": Step(candidates.ensemble_node, "Spec candidates", reads=("intent", "request", "cadjson", "history"),
                     writes=("candidates", "ensemble_note"), describe=lambda d: d.get("ensemble_note", "")),
    "candidate": Step(candidates.candidate, "Candidate", reads=("candidates", "intent", "plan", "cadjson"),
                      writes=("candidates", "candidate"), describe=candidates.candidate_line,
                      ok=candidates.candidate_ok),
    "rank": Step(candidates.rank_node, "Rank the candidates", reads=("candidates", "request", "ensemble_note",
                                                                     "attempts"),
                 writes=("code", "spec", "path", "attempts", "model_failed", "choice", "ranking"),
                 describe=candidates.rank_line, ok=lambda d: d.get("code") is not None),
    "execute": Step(design.execute, "Run", reads=("code",), writes=("exec",), describe=_execute_line),
    "validate": Step(design.validate, "Check", reads=("exec", "code", "spec", "plan", "intent", "cadjson", "history",
                                                      "spec_try", "attempts", "unchanged"),
                     writes=("check", "history", "code", "spec", "exec", "path", "choice"), describe=_validate_line),
    "save": Step(design.save, "Save", reads=("exec", "code", "spec", "intent", "hits", "title", "cadjson", "request",
                                            "said", "assumed", "parent"),
                 writes=("saved",), thread_writes=("versions", "current"),
                 describe=lambda d: f"v{d.get('current')} saved"),
    "respond": Step(answers.respond, "Answer", reads=("intent", "check", "saved", "answer", "model_note", "history",
                                                     "code", "attempts", "route_note", "choice"),
                    writes=("answer",), thread_writes=("messages",), describe=_ANSWER),
    "explain": Step(explain.explain, "Explain", reads=("attachment", "explain_path", "request"),
                    writes=("answer", "check", "code", "exec", "title"),
                    describe=lambda d: "built and measured the document" if (d.get("check") or {}).get("ok")
                    else "nothing built"),
    "question": Step(answers.question, "Answer the question", reads=("request",), writes=("answer", "check"),
                     describe=lambda d: "answered from the current version's measurements"
                     if (d.get("check") or {}).get("answered") else "nothing to answer from"),
    "undo": Step(versions.undo, "Restore", reads=("target",),
                 writes=("answer", "check", "code", "spec", "exec", "title", "parent"),
                 describe=lambda d: "rebuilt the earlier version" if (d.get("check") or {}).get("ok") else "nothing restored"),
    "take_code": Step(versions.take_code, "Your script", reads=("code_input",), writes=("code", "attempts", "path"),
                      describe=lambda d: "running your script"),
    "set_parameters": Step(versions.set_parameters, "Set parameters", reads=("target", "changes"),
                           writes=("code", "spec", "attempts", "path", "title", "model_note", "model_failed"),
                           describe=lambda d: d.get("model_note") or "parameters set"),
}


def _checked(name: str, step: Step):
    allowed_turn, allowed_thread = set(step.writes), set(step.thread_writes)

    def node(state: AgentState, runtime: Runtime[Deps]):
        out = step.fn(state, runtime) or {}
        extra = sorted(set(out.get("turn") or {}) - allowed_turn) + \
            sorted(k for k in out if k != "turn" and k not in allowed_thread)
        if extra:
            raise ContractError(f"node {name!r} wrote undeclared keys: {', '.join(extra)}")
        return out
    node.__name__ = name
    return node


def build_graph(checkpointer=None):
    g = StateGraph(AgentState, context_schema=Deps, input_schema=TurnInput)
    for name, step in STEPS.items():
        g.add_node(name, _checked(name, step))

    def turn_of(s):
        return s.get("turn") or {}

    g.add_edge(START, "route")
    g.add_conditional_edges("route", lambda s: turn_of(s)["intent"], {
        "new_design": "plan", "modify": "plan", "explain": "explain", "question": "question", "undo": "undo",
        "run_code": "take_code", "set_parameters": "set_parameters"})
    g.add_edge("take_code", "execute")
    g.add_conditional_edges("set_parameters", lambda s: "execute" if turn_of(s).get("code") else "respond",
                            {"execute": "execute", "respond": "respond"})
    g.add_edge("plan", "retrieve")
    g.add_conditional_edges("retrieve", lambda s, runtime: "ensemble" if candidates.wants_ensemble(s, runtime.context)
                            else "generate", {"ensemble": "ensemble", "generate": "generate"})
    g.add_edge("ensemble", "candidate")
    g.add_conditional_edges("candidate", candidates.more_candidates, {"candidate": "candidate", "rank": "rank"})
    g.add_conditional_edges("rank", lambda s: "execute" if turn_of(s).get("code") else "generate",
                            {"execute": "execute", "generate": "generate"})
    g.add_conditional_edges("generate", lambda s, runtime: "spec" if candidates.wants_spec(s, runtime.context)
                            else "execute" if turn_of(s).get("code") else "validate",
                            {"spec": "spec", "execute": "execute", "validate": "validate"})
    g.add_conditional_edges("spec", lambda s: "execute" if turn_of(s).get("code") else "validate",
                            {"execute": "execute", "validate": "validate"})
    g.add_edge("execute", "validate")
    g.add_conditional_edges("validate", design.after_validate, {"save": "save", "generate": "generate",
                                                                "respond": "respond"})
    for node in ("explain", "undo"):
        g.add_conditional_edges(node, lambda s: "save" if turn_of(s).get("check", {}).get("ok") else "respond",
                                {"save": "save", "respond": "respond"})
    g.add_edge("question", "respond")
    g.add_edge("save", "respond")
    g.add_edge("respond", END)
    return g.compile(checkpointer=checkpointer)
