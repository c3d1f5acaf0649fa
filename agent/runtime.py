"""The agent as the CLI, the UI, the evals and the benches see it: a turn's input (a message or a
command, :mod:`~.contract`) on a thread, its events as they happen, one :class:`TurnResult` at the end.

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
import time
from pathlib import Path

from . import checkpoints, pg, recovery
from .contract import (Event, Explain, Message, Restore, RunCode, SetParameters, TurnInput, TurnResult, Version,
                       as_input)
from .diskfaults import WorkspaceError, check_writable, describe as describe_fault
from .graph import STEPS, build_graph
from .locking import TurnBusy, turn_lock
from .model_calls import ModelCaller
from .nodes.common import Deps
from .providers import caches_prefix, compact_prompts, decides_intent, get as get_provider, uses_tools
from .sessions import SessionStore
from .state import current_entry

__all__ = ["Agent", "Event", "TurnBusy", "TurnResult", "Version", "WorkspaceError", "describe"]


class Agent:
    def __init__(self, settings, llm=None, kb="default", sandbox=None) -> None:
        self.settings = settings
        self.workspace = Path(settings.workspace)
        check_writable(self.workspace)  # a read-only or full workspace is said here, before anything starts
        self.provider = get_provider(settings.agent.llm)
        llm = llm or self.provider.build(settings)  # a misconfigured provider fails here, before anything starts
        self._own_sandbox = sandbox is None
        try:
            self.sandbox = sandbox or settings.sandbox_factory()
        except OSError as exc:
            raise WorkspaceError(describe_fault(exc, self.workspace) or str(exc)) from exc
        if kb == "default":
            kb = settings.knowledge_base()
        self.kb = kb
        self.sessions = SessionStore(settings.files_dir(), jobs_root=self.sandbox.jobs_root)
        from .lc_tools import make_tools

        self.caller = ModelCaller(llm=llm, provider=self.provider, tools=make_tools(self.sandbox, kb),
                                  use_tools=uses_tools(settings))
        self.deps = Deps(caller=self.caller, sandbox=self.sandbox, sessions=self.sessions, kb=kb,
                         max_attempts=settings.agent.max_attempts, settings=settings,
                         handbook=caches_prefix(settings), compact=compact_prompts(settings),
                         routes_with_model=decides_intent(settings))
        self.notes: list[str] = []
        self._db_lock = threading.RLock()
        self._generation = 0
        self._turns = 0
        self._open_checkpoints()
        self.prune()

    # -- checkpoints -------------------------------------------------------------------------
    def _open_checkpoints(self) -> str | None:
        from langgraph.checkpoint.sqlite import SqliteSaver

        url = self.settings.checkpoint_url
        if pg.is_postgres(url):  # server mode: checkpoints, version numbers and turn locks in Postgres
            try:
                self._conn = self.sessions.index = self.sessions.index or pg.Postgres(url)
            except pg.BackendUnavailable:
                if self._own_sandbox:
                    self.sandbox.close()
                raise
            self.graph = build_graph(self._conn.saver())
            self._generation += 1
            return None
        try:
            self._conn, note = checkpoints.open_checked(checkpoints.sqlite_path(url, self.workspace))
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(describe_fault(exc, self.workspace) or str(exc)) from exc
        if note:
            self.notes.append(note)
        self.graph = build_graph(SqliteSaver(self._conn))
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

        if self.settings.files_dir() != self.workspace:  # job folders on the files volume
            prune(self.settings.files_dir(), self.settings.storage)
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
    def turn(self, thread_id: str, turn_input: TurnInput | str, *, max_attempts: int | None = None) -> TurnResult:
        """One turn, to its end."""
        result = None
        for ev in self.stream(thread_id, turn_input, max_attempts=max_attempts):
            result = ev.result or result
        return result

    def stream(self, thread_id: str, turn_input: TurnInput | str, *,
               max_attempts: int | None = None) -> Iterator[Event]:
        """One turn, step by step: an :class:`Event` per step, the last one (node ``done``) carrying
        the :class:`TurnResult`.

        Waits (a ``wait`` event) while another turn runs on the same thread, up to
        ``agent.turn_wait_s``, then raises :class:`TurnBusy`."""
        inputs = {"turn": {"fresh": True, **_turn_fields(as_input(turn_input)), "max_attempts": max_attempts}}
        try:
            lock = turn_lock(self.workspace / "locks", thread_id, self.sessions.index)
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
                events: list[Event] = []
                clock = time.perf_counter()
                for update in self.graph.stream(inputs, config, stream_mode="updates", context=self.deps):
                    for node, data in update.items():
                        saved = saved or node == "save"
                        now = time.perf_counter()
                        ev = _event(node, data or {}, now - clock)
                        clock = now
                        events.append(ev)
                        yield ev
                result = self._result(thread_id, events)
                yield Event("done", result.answer, {"answer": result.answer}, title="Done", ok=result.ok, result=result)
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
                    entry = current_entry(self._values(thread_id))
                    version = self._version(entry) if entry else None
                    yield Event("done", text, title="Done", ok=True, result=TurnResult(
                        thread=thread_id, intent="recovered", answer=text, ok=True, version=version))
                    return
            except OSError as exc:
                if (fault := self._fault(exc)) is None:
                    raise
                raise fault from exc
            except Exception as exc:  # a Postgres connection lost mid-turn is said like a refused one
                if (lost := pg.fault(exc, self.settings.checkpoint_url)) is None:
                    raise
                raise lost from exc

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

    def _values(self, thread_id: str) -> dict:
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

    def versions(self, thread_id: str) -> list[Version]:
        """Every saved version of the thread, oldest first."""
        return [self._version(v) for v in self._values(thread_id).get("versions") or []]

    def current(self, thread_id: str) -> Version | None:
        """The version the next edit starts from (None before the first design)."""
        entry = current_entry(self._values(thread_id))
        return self._version(entry) if entry else None

    def messages(self, thread_id: str) -> list[tuple[str, str]]:
        """The conversation as (role, text): role is "user" or "agent"."""
        out = []
        for m in self._values(thread_id).get("messages") or []:
            out.append(("user" if getattr(m, "type", "") == "human" else "agent", str(m.content)))
        return out

    def _version(self, entry: dict) -> Version:
        v = Version.from_dict(entry)
        if v.dir:  # the store names the files (they are read from disk, not from the checkpoint)
            v.files = {k: str(p) for k, p in self.sessions.files(v.dir).items()}
        return v

    def _result(self, thread_id: str, events: list[Event]) -> TurnResult:
        values = dict(self.graph.get_state(self._config(thread_id)).values)
        t = values.get("turn") or {}
        saved = t.get("saved")
        version = next((self._version(v) for v in values.get("versions") or [] if v["version"] == saved), None) \
            if saved else None
        check = t.get("check") or {}
        problems = list(check.get("problems") or [])
        if check.get("error"):
            err = check["error"]
            problems.insert(0, f"{err.get('type')}: {err.get('message')}")
        if not problems and t.get("model_failed") and t.get("model_note"):
            problems.append(t["model_note"])
        ok = version is not None or bool(check.get("answered"))
        return TurnResult(thread=thread_id, intent=t.get("intent", ""), answer=t.get("answer", ""), ok=ok,
                          version=version, problems=problems, events=events, usage=t.get("usage") or {},
                          decided_by=t.get("decided_by", ""), attempts=list(t.get("history") or []),
                          code=t.get("code"), path=t.get("path", ""),
                          measured=((t.get("exec") or {}).get("report") if (t.get("exec") or {}).get("ok") else None))


def _turn_fields(inp: TurnInput) -> dict:
    """A turn's input as the graph's ``turn`` data."""
    if isinstance(inp, Message):
        return {"kind": "message", "request": inp.text, "attachment": inp.attachment}
    if isinstance(inp, Restore):
        return {"kind": "restore", "target": int(inp.version), "request": ""}
    if isinstance(inp, RunCode):
        return {"kind": "run_code", "code_input": inp.code, "request": ""}
    if isinstance(inp, Explain):
        return {"kind": "explain", "explain_path": inp.path, "request": inp.question}
    if isinstance(inp, SetParameters):
        return {"kind": "set_parameters", "changes": dict(inp.changes), "target": inp.version, "request": ""}
    raise TypeError(f"not a turn input: {inp!r}")


_OK = {"generate": lambda d: d.get("code") is not None, "execute": lambda d: bool((d.get("exec") or {}).get("ok")),
       "validate": lambda d: bool((d.get("check") or {}).get("ok"))}


def _event(node: str, data: dict, elapsed: float) -> Event:
    flat = {**(data.get("turn") or {}), **{k: v for k, v in data.items() if k != "turn"}}
    step = STEPS.get(node)
    ok = _OK[node](flat) if node in _OK else (step.ok(flat) if step is not None and step.ok else None)
    return Event(node, describe(node, flat), flat, title=step.title if step else node, ok=ok,
                 elapsed_s=round(elapsed, 3))


def describe(node: str, data: dict) -> str:
    """One line per step, for the terminal chat and the UI's step messages."""
    step = STEPS.get(node)
    return step.describe(data) if step else node
