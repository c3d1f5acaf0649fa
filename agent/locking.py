"""One turn at a time per thread, across threads and processes: a file lock per thread in
``<workspace>/locks/`` (``filelock``: ``flock`` on POSIX, so the lock goes with the process that
held it, a kill -9 included; nothing stale is left to clean up). In server mode (Postgres) the lock is
an advisory lock in the database instead (:class:`agent.pg.PgTurnLock`), which holds across machines."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from .sessions import safe_name


class TurnBusy(RuntimeError):
    """Another turn on the same thread is still running and did not finish in time."""


class ThreadLock:
    """The lock of one thread. A fresh lock object per turn: two turns of the same process
    (two browser tabs on one session) exclude each other just as two processes do."""

    def __init__(self, locks_dir: Path, thread_id: str) -> None:
        locks_dir = Path(locks_dir)
        locks_dir.mkdir(parents=True, exist_ok=True)
        self.path = locks_dir / f"{safe_name(thread_id)}.lock"
        self._lock = FileLock(str(self.path), thread_local=False, preserve_lock_file=True)

    def try_acquire(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
            return True
        except Timeout:
            return False

    def acquire(self, timeout: float) -> bool:
        try:
            self._lock.acquire(timeout=timeout, poll_interval=0.05)
            return True
        except Timeout:
            return False

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def turn_lock(locks_dir: Path, thread_id: str, server=None):
    """The lock for one turn: the server's (Postgres) when there is one, else the file lock."""
    return server.turn_lock(thread_id) if server is not None else ThreadLock(locks_dir, thread_id)
