"""The agent as the CLI and the UI see it: send a message on a thread, get events as they happen."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import nodes
from .graph import build_graph
from .providers import caches_prefix, chat_model, compact_prompts, uses_tools
from .sessions import SessionStore


@dataclass
class Event:
    node: str
    text: str
    data: dict = field(default_factory=dict)


class Agent:
    def __init__(self, settings, llm=None, kb="default", sandbox=None) -> None:
        self.settings = settings
        self.workspace = Path(settings.workspace)
        self.workspace.mkdir(parents=True, exist_ok=True)
        llm = llm or chat_model(settings)  # a misconfigured provider fails here, before anything starts
        self._own_sandbox = sandbox is None
        self.sandbox = sandbox or settings.sandbox_factory()
        if kb == "default":
            kb = settings.knowledge_base()
        self.kb = kb
        self.sessions = SessionStore(self.workspace)
        self.deps = nodes.Deps(llm=llm, sandbox=self.sandbox,
                               sessions=self.sessions, kb=kb, max_attempts=settings.agent.max_attempts,
                               settings=settings, use_tools=uses_tools(settings),
                               handbook=caches_prefix(settings), compact=compact_prompts(settings),
                               llm_explains=settings.agent.llm != "offline")
        from langgraph.checkpoint.sqlite import SqliteSaver

        self._conn = sqlite3.connect(str(self.workspace / "checkpoints.sqlite"), check_same_thread=False)
        self.graph = build_graph(self.deps, SqliteSaver(self._conn))

    def close(self) -> None:
        self._conn.close()
        if self._own_sandbox:
            self.sandbox.close()

    def __enter__(self) -> Agent:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def _config(thread_id: str) -> dict:
        return {"configurable": {"thread_id": thread_id}, "recursion_limit": 60}

    def stream(self, thread_id: str, message: str, attachment: str | None = None, *,
               code: str | None = None, max_attempts: int | None = None) -> Iterator[Event]:
        """One turn. ``code``: run this (user-edited) script as the next version instead."""
        inputs = {"request": message, "attachment": attachment, "code_input": code, "max_attempts": max_attempts}
        for update in self.graph.stream(inputs, self._config(thread_id), stream_mode="updates"):
            for node, data in update.items():
                yield Event(node, describe(node, data or {}), data or {})

    def send(self, thread_id: str, message: str, attachment: str | None = None) -> str:
        answer = ""
        for ev in self.stream(thread_id, message, attachment):
            if ev.node == "respond":
                answer = ev.data.get("answer", "")
        return answer

    def state(self, thread_id: str) -> dict:
        return dict(self.graph.get_state(self._config(thread_id)).values)


def describe(node: str, data: dict) -> str:
    """One line per step, for the terminal chat and the UI's step messages."""
    if node == "route":
        return f"intent: {data.get('intent')}"
    if node == "plan":
        if data.get("edits"):
            return "edits: " + ", ".join(f"{e['kind']} {e['role']} {e['value']:g}" for e in data["edits"])
        from .plan import Plan

        return "plan: " + Plan.from_dict(data["plan"]).summary() if data.get("plan") else "plan: -"
    if node == "retrieve":
        return "examples: " + ", ".join(h["id"] for h in data.get("hits", []) if h["kind"] == "example")
    if node == "generate":
        n = data.get("attempts")
        tools = ", ".join(t["tool"] for t in data.get("tool_log") or [] if t.get("tool"))
        tools = f" (looked up: {tools})" if tools else ""
        if data.get("code"):
            return f"attempt {n}: script of {data['code'].count(chr(10))} lines{tools}"
        return f"attempt {n}: no code — {data.get('model_note', '')[:200]}"
    if node == "execute":
        from tools.results import thousands

        ex = data.get("exec") or {}
        if ex.get("ok"):
            r = ex["report"]
            sx, sy, sz = r["size"]
            state = "valid solid" if ex.get("valid_solid") else "INVALID solid"
            return f"ran: {state} · bbox {sx:.1f} x {sy:.1f} x {sz:.1f} · volume {thousands(r['volume'])} mm³"
        err = ex.get("error") or {}
        return f"ran: {err.get('type')}: {err.get('message', '')[:300]}"
    if node == "validate":
        check = data.get("check", {})
        return "check: ok" if check.get("ok") else "check: " + "; ".join(check.get("problems") or
                                                                        [str((check.get("error") or {}).get("type"))])
    if node == "save":
        return f"v{data.get('current')} saved"
    if node == "take_code":
        return "running your edited script"
    if node in ("respond", "question", "explain", "undo"):
        return data.get("answer", "")
    return node
