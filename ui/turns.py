"""One turn of the page: the agent's stream run in a worker thread, turned into chat messages.

The worker owns the turn's chat (step messages with their own durations, failures marked, then the
answer) and writes it to the session's trace as it goes, so a page that stops waiting (Stop, a
reload) loses nothing: Stop ends the turn after its current step; a reload finds it still running.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback

from cadagent.agent.diskfaults import WorkspaceError
from cadagent.agent.locking import TurnBusy

from .wording import for_page

# Steps whose text is the answer itself (shown once, as the answer) and the turn's end are not step messages.
NOT_STEPS = ("respond", "done", "explain", "question", "undo")
WAIT_TITLES = {"wait": "Waiting for the previous turn", "recover": "Recovered"}
STOP_WAIT_S = 0.5  # how long a Stop waits for the current step before the page moves on


def failure(ev) -> dict | None:
    """The error of a failed step ({type, message, line}), None when the step went well."""
    if ev.ok is not False:
        return None
    if ev.node == "execute":
        return dict((ev.data.get("exec") or {}).get("error") or {"type": "Error", "message": "the script did not run"})
    return {"type": "Failed", "message": ev.text}


def step_message(ev) -> dict:
    title = ev.title or WAIT_TITLES.get(ev.node, ev.node)
    err = failure(ev)
    if err is None:
        return {"role": "assistant", "content": for_page(ev.text) or title,
                "metadata": {"title": f"✓ {title}", "status": "done", "duration": round(ev.elapsed_s, 2)}}
    line = f" (line {err['line']})" if err.get("line") else ""
    return {"role": "assistant", "content": for_page(f"**Failed{line}** — {ev.text}"),
            "metadata": {"title": f"✗ {title} failed", "duration": round(ev.elapsed_s, 2)}}


class Turn:
    def __init__(self, agent, sid: str, history: list[dict], traces, turn_input, **kwargs) -> None:
        self.agent, self.sid, self.traces = agent, sid, traces
        self.history = list(history)
        self.error: dict | None = None  # the last failed run's error (the edited-script case keeps the text)
        self.saved: int | None = None
        self.followed = False  # a page is waiting for this turn's events
        self.done = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._changed = queue.Queue()
        self.traces.save(sid, self.history, pending=True)
        self.result = None  # the agent's TurnResult
        self._thread = threading.Thread(target=self._work, args=(turn_input, kwargs), daemon=True,
                                        name=f"turn-{sid[:8]}")
        self._thread.start()

    def snapshot(self) -> list[dict]:
        with self._lock:
            return [dict(m) for m in self.history]

    def _add(self, message: dict) -> None:
        with self._lock:
            self.history.append(message)
        self.traces.save(self.sid, self.snapshot(), pending=not self.done.is_set())
        self._changed.put(True)

    def stop(self) -> None:
        self._stop.set()
        self._changed.put(True)

    def follow(self):
        """Yield the chat whenever it changes, until the turn ends (or a Stop, after a short wait)."""
        while not self.done.is_set():
            try:
                self._changed.get(timeout=0.25)
            except queue.Empty:
                continue
            if self._stop.is_set() and not self.done.wait(STOP_WAIT_S):
                with self._lock:
                    self.history.append({"role": "assistant", "content": "Stopping after the current step; "
                                         "nothing after it runs. The chat updates when you reload.",
                                         "metadata": {"title": "■ Stopping"}})
                yield self.snapshot()
                return
            yield self.snapshot()

    def _work(self, turn_input, kwargs: dict) -> None:
        t0 = time.perf_counter()
        answer = None
        try:
            for ev in self.agent.stream(self.sid, turn_input, **kwargs):
                if ev.node == "save":
                    self.saved = ev.data.get("current")
                if ev.node == "execute":
                    self.error = failure(ev)
                if ev.result is not None:
                    self.result = ev.result
                    answer = ev.result.answer
                elif ev.node not in NOT_STEPS:
                    self._add(step_message(ev))
                if self._stop.is_set():
                    break
        except (WorkspaceError, TurnBusy) as exc:  # says what happened and what to do
            answer = str(exc)
        except Exception as exc:  # noqa: BLE001 - the page must keep working after any error
            traceback.print_exc()
            answer = (f"Something went wrong on our side ({type(exc).__name__}: {exc}). The saved versions of "
                      "this conversation are kept; the next message starts from the latest one.")
        if self._stop.is_set() and answer is None:
            answer = (f"Stopped after v{self.saved} was saved." if self.saved else
                      "Stopped — nothing from this turn was saved.")
        if answer is not None:
            failed = (self.result is not None and not self.result.ok) or (
                self.result is None and self.saved is None and not self._stop.is_set())
            with self._lock:
                self.history.append({"role": "assistant", "content": ("✗ " if failed else "") + for_page(answer)})
        self.elapsed = time.perf_counter() - t0
        try:
            cur = self.agent.current(self.sid)
            current = cur.number if cur else None
        except Exception:  # noqa: BLE001 - the chat is saved either way
            current = None
        self.done.set()
        self.traces.save(self.sid, self.snapshot(), pending=False, version=current)
        self._changed.put(True)
