"""The LangGraph StateGraph: route → plan → retrieve → generate → execute → validate →
(retry | save) → respond, plus the explain, question and undo paths."""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph

from . import nodes
from .state import AgentState


def build_graph(deps: nodes.Deps, checkpointer=None):
    g = StateGraph(AgentState)
    g.add_node("route", nodes.route)
    g.add_node("plan", nodes.plan_node)
    g.add_node("retrieve", nodes.make_retrieve(deps))
    g.add_node("generate", nodes.make_generate(deps))
    g.add_node("execute", nodes.make_execute(deps))
    g.add_node("validate", nodes.make_validate(deps))
    g.add_node("save", nodes.make_save(deps))
    g.add_node("respond", nodes.respond)
    g.add_node("explain", nodes.make_explain(deps))
    g.add_node("question", nodes.question)
    g.add_node("undo", nodes.make_undo(deps))
    g.add_node("take_code", nodes.take_code)

    g.add_edge(START, "route")
    g.add_conditional_edges("route", lambda s: s["intent"], {
        "new_design": "plan", "modify": "plan", "explain": "explain", "question": "question", "undo": "undo",
        "run_code": "take_code"})
    g.add_edge("take_code", "execute")
    g.add_edge("plan", "retrieve")
    g.add_edge("retrieve", "generate")
    g.add_conditional_edges("generate", lambda s: "execute" if s.get("code") else "validate",
                            {"execute": "execute", "validate": "validate"})
    g.add_edge("execute", "validate")
    g.add_conditional_edges("validate", nodes.make_after_validate(deps),
                            {"save": "save", "generate": "generate", "respond": "respond"})
    for node in ("explain", "undo"):
        g.add_conditional_edges(node, lambda s: "save" if s.get("check", {}).get("ok") else "respond",
                                {"save": "save", "respond": "respond"})
    g.add_edge("question", "respond")
    g.add_edge("save", "respond")
    g.add_edge("respond", END)
    return g.compile(checkpointer=checkpointer)
