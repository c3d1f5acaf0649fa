"""The agent as the CLI and the UI see it: send a message on a thread, get events as they happen.

Durability and concurrency (see the README's "Data and durability"): one turn at a time per thread
(a file lock, so across processes too); before each turn the thread's version list is checked against
the version folders on disk; a damaged checkpoint database is moved aside and the turn retried; disk
and permission faults become :class:`~agent.diskfaults.WorkspaceError` with a readable message. One
Agent serves many threads at once (the UI's sessions): the sandbox is a pool, the knowledge base and
the checkpointer serialise their own shared state.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import checkpoints, nodes, recovery
from .diskfaults import WorkspaceError, check_writable, describe as describe_fault
from .graph import build_graph
from .locking import ThreadLock, TurnBusy
from .providers import caches_prefix, chat_model, compact_prompts, uses_tools
from .sessions import SessionStore

__all__ = ["Agent", "Event", "TurnBusy", "WorkspaceError", "describe"]


@dataclass
class Event:
    node: str
    text: str
    data: dict = field(default_factory=dict)


class Agent:
    def __init__(self, settings, llm=None, kb="default", sandbox=None) -> None:
        self.settings = settings
        self.workspace = Path(settings.workspace)
        check_writable(self.workspace)  # a read-only or full workspace is said here, before anything starts
        llm = llm or chat_model(settings)  # a misconfigured provider fails here, before anything starts
        self._own_sandbox = sandbox is None
        try:
            self.sandbox = sandbox or settings.sandbox_factory()
        except OSError as exc:
            raise WorkspaceError(describe_fault(exc, self.workspace) or str(exc)) from exc
        if kb == "default":
            kb = settings.knowledge_base()
        self.kb = kb
        self.sessions = SessionStore(self.workspace, jobs_root=self.sandbox.jobs_root)
        self.deps = nodes.Deps(llm=llm, sandbox=self.sandbox,
                               sessions=self.sessions, kb=kb, max_attempts=settings.agent.max_attempts,
                               settings=settings, use_tools=uses_tools(settings),
                               handbook=caches_prefix(settings), compact=compact_prompts(settings),
                               llm_explains=settings.agent.llm != "offline")
        self.notes: list[str] = []
        self._db_lock = threading.RLock()
        self._generation = 0
        self._turns = 0
        self._open_checkpoints()
        self.prune()

    # -- checkpoints -------------------------------------------------------------------------
    def _open_checkpoints(self) -> str | None:
        from langgraph.checkpoint.sqlite import SqliteSaver

        try:
            self._conn, note = checkpoints.open_checked(self.workspace / "checkpoints.sqlite")
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(describe_fault(exc, self.workspace) or str(exc)) from exc
        if note:
            self.notes.append(note)
        self.graph = build_graph(self.deps, SqliteSaver(self._conn))
        self._generation += 1
        return note

    def _recover_checkpoints(self, seen_generation: int) -> str | None:
        """The database said it is damaged: check it, move it aside if so, start a fresh one."""
        with self._db_lock:
            if seen_generation != self._generation:
                return None  # another turn already recovered it
            try:
                checkpoints.check(self._conn)
                return None
            except sqlite3.DatabaseError:
                pass
            self._conn.close()
            return self._open_checkpoints()

    def prune(self):
        """Prune the workspace's by-products (job folders, uploads, broken copies, temps)."""
        from .pruning import prune

        return prune(self.workspace, self.settings.storage)

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

    # -- turns -------------------------------------------------------------------------------
    def stream(self, thread_id: str, message: str, attachment: str | None = None, *,
               code: str | None = None, max_attempts: int | None = None) -> Iterator[Event]:
        """One turn. ``code``: run this (user-edited) script as the next version instead.

        Waits (a ``wait`` event) while another turn runs on the same thread, up to
        ``agent.turn_wait_s``, then raises :class:`TurnBusy`."""
        inputs = {"request": message, "attachment": attachment, "code_input": code, "max_attempts": max_attempts}
        try:
            lock = ThreadLock(self.workspace / "locks", thread_id)
            free = lock.try_acquire()
        except OSError as exc:
            if (fault := self._fault(exc)) is None:
                raise
            raise fault from exc
        if not free:
            yield Event("wait", "waiting for the previous turn on this conversation to finish …")
            wait = self.settings.agent.turn_wait_s
            if not lock.acquire(wait):
                raise TurnBusy(f"The previous turn on this conversation is still running after {wait:g} s; this "
                               "message was not sent. Wait for its answer, then send it again.")
        try:
            yield from self._turn(thread_id, inputs)
        finally:
            lock.release()
            self._turns += 1
            if self._turns % self.settings.storage.prune_every == 0:
                self.prune()

    def _turn(self, thread_id: str, inputs: dict) -> Iterator[Event]:
        config = self._config(thread_id)
        for attempt in (1, 2):
            generation, saved = self._generation, False
            try:
                note = self._sync(thread_id)
                if note:
                    yield Event("recover", note)
                for update in self.graph.stream(inputs, config, stream_mode="updates"):
                    for node, data in update.items():
                        saved = saved or node == "save"
                        yield Event(node, describe(node, data or {}), data or {})
                return
            except (sqlite3.DatabaseError, sqlite3.ProgrammingError) as exc:
                fault = describe_fault(exc, self.workspace)
                if fault:
                    raise WorkspaceError(fault) from exc
                if not (checkpoints.is_damage(exc) or generation != self._generation) or attempt == 2:
                    raise
                moved = self._recover_checkpoints(generation)
                if moved:
                    yield Event("recover", moved)
                if saved:  # the version is on disk; the rebuilt thread has it, do not make it twice
                    note = self._sync(thread_id) or ""
                    text = f"Your design was saved; the conversation record was repaired. {note}".strip()
                    yield Event("respond", text, {"answer": text})
                    return
            except OSError as exc:
                if (fault := self._fault(exc)) is None:
                    raise
                raise fault from exc

    def _fault(self, exc: BaseException) -> WorkspaceError | None:
        """A disk or permission fault as a :class:`WorkspaceError` (None for anything else)."""
        message = describe_fault(exc, self.workspace)
        return WorkspaceError(message) if message else None

    def _sync(self, thread_id: str) -> str | None:
        """Put every committed version folder into the thread's version list (under the thread lock)."""
        for n in recovery.interrupted_claims(self.sessions, thread_id):
            self.sessions.remove_claim(thread_id, n)
        config = self._config(thread_id)
        values = dict(self.graph.get_state(config).values)
        new, added = recovery.merged(self.sessions, thread_id, values)
        if not added:
            return None
        from langchain_core.messages import AIMessage

        note = recovery.note(added)
        self.graph.update_state(config, {"versions": new["versions"], "current": new["current"],
                                         "messages": [AIMessage(content=note)]}, as_node="respond")
        return note

    def send(self, thread_id: str, message: str, attachment: str | None = None) -> str:
        answer = ""
        for ev in self.stream(thread_id, message, attachment):
            if ev.node == "respond":
                answer = ev.data.get("answer", "")
        return answer

    def state(self, thread_id: str) -> dict:
        """The thread's state, its version list completed from the version folders on disk."""
        generation = self._generation
        try:
            values = dict(self.graph.get_state(self._config(thread_id)).values)
        except sqlite3.DatabaseError as exc:
            if not checkpoints.is_damage(exc):
                raise
            self._recover_checkpoints(generation)
            values = dict(self.graph.get_state(self._config(thread_id)).values)
        return recovery.merged(self.sessions, thread_id, values)[0]


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
        from cadagent.tools.results import thousands

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
