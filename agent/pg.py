"""Postgres for server mode (``CADAGENT_CHECKPOINT_URL=postgresql://…``): one connection pool per
process for LangGraph's checkpoints, the version index and the per-thread turn lock.

- **Checkpoints**: ``langgraph-checkpoint-postgres``'s :class:`PostgresSaver` over a
  ``psycopg_pool.ConnectionPool`` (``autocommit=True, prepare_threshold=0``, as the saver needs);
  ``setup()`` runs once per database (under an advisory lock, so two processes starting together
  do not race on the migrations).
- **Version index** (table ``cadagent_versions``): a version number is an inserted row, taken under
  a transaction-scoped advisory lock on the thread, so two processes never allocate the same number.
- **Turn lock**: a session-level advisory lock on the thread, held on a connection of its own for
  the turn. A process that dies (kill -9 included) drops its connection, and Postgres releases the
  lock with it: nothing stale is left.

Advisory lock keys are ``(namespace, hashtext(thread_id))``; two threads whose ids hash alike only
share a lock (their turns queue), they never share versions (the index is keyed by the id itself).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from .diskfaults import WorkspaceError

_NS_SETUP, _NS_INDEX, _NS_TURN = 0x43414401, 0x43414402, 0x43414403  # "CAD" + 1..3
CONNECT_TIMEOUT_S = 5.0
SETUP_WAIT_S = 60.0


class BackendUnavailable(WorkspaceError):
    """The configured Postgres cannot be reached or used (a :class:`WorkspaceError`: the CLI and the UI
    say it as they say a full disk)."""


def is_postgres(url: str | None) -> bool:
    return bool(url) and urlsplit(str(url)).scheme in ("postgres", "postgresql")


def redact(url: str) -> str:
    """The URL without its password (for messages and ``cadagent doctor``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def _unreachable(url: str, exc: BaseException) -> BackendUnavailable:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return BackendUnavailable(f"cannot use the Postgres database {redact(url)} ({first}). Start the server, or "
                              "fix CADAGENT_CHECKPOINT_URL (postgresql://user:password@host:port/dbname); "
                              "unset it to keep conversations in the workspace's SQLite file")


class Postgres:
    """The pool of one process, and what lives in the database besides the checkpoints."""

    def __init__(self, url: str, max_size: int = 16) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.pool = ConnectionPool(url, min_size=1, max_size=max_size, open=False, name="cadagent",
                                   kwargs={"autocommit": True, "prepare_threshold": 0,
                                           "connect_timeout": int(CONNECT_TIMEOUT_S)})
        try:
            psycopg.connect(url, connect_timeout=int(CONNECT_TIMEOUT_S)).close()  # the reason, at once
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
            self._setup()
        except Exception as exc:  # noqa: BLE001 - psycopg's errors and the pool's timeout alike
            self.pool.close()
            raise _unreachable(url, exc) from exc

    def _setup(self) -> None:
        """The tables, once per database. The setup lock is polled, never waited on: a statement waiting
        on it holds a snapshot, which the saver's ``CREATE INDEX CONCURRENTLY`` in the process that holds
        the lock would wait for (a deadlock between two processes starting together)."""
        from langgraph.checkpoint.postgres import PostgresSaver

        with self.pool.connection() as conn:
            deadline = time.monotonic() + SETUP_WAIT_S
            while not conn.execute("SELECT pg_try_advisory_lock(%s, 0)", (_NS_SETUP,)).fetchone()[0]:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another process has been setting up the database for {SETUP_WAIT_S:g} s")
                time.sleep(0.05)
            try:
                conn.execute("CREATE TABLE IF NOT EXISTS cadagent_versions (thread_id text NOT NULL, "
                             "version integer NOT NULL, claimed_at timestamptz NOT NULL DEFAULT now(), "
                             "PRIMARY KEY (thread_id, version))")
                PostgresSaver(conn).setup()  # its migrations, those not run yet
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s, 0)", (_NS_SETUP,))

    def saver(self):
        from langgraph.checkpoint.postgres import PostgresSaver

        return PostgresSaver(self.pool)

    def close(self) -> None:
        self.pool.close()

    # -- the version index -------------------------------------------------------------------
    def claim(self, thread_id: str, at_least: int) -> int:
        """Take the first version number >= ``at_least`` that no process has taken on this thread."""
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_NS_INDEX, thread_id))
            top = conn.execute("SELECT coalesce(max(version), 0) FROM cadagent_versions WHERE thread_id = %s",
                               (thread_id,)).fetchone()[0]
            n = max(int(at_least), top + 1)
            conn.execute("INSERT INTO cadagent_versions (thread_id, version) VALUES (%s, %s)", (thread_id, n))
            return n

    def release(self, thread_id: str, version: int) -> None:
        """Forget an interrupted claim (its folder was removed), so the number is taken again."""
        with self.pool.connection() as conn:
            conn.execute("DELETE FROM cadagent_versions WHERE thread_id = %s AND version = %s", (thread_id, version))

    def claimed(self, thread_id: str) -> list[int]:
        with self.pool.connection() as conn:
            rows = conn.execute("SELECT version FROM cadagent_versions WHERE thread_id = %s ORDER BY version",
                                (thread_id,)).fetchall()
        return [r[0] for r in rows]

    # -- the turn lock -----------------------------------------------------------------------
    def turn_lock(self, thread_id: str) -> PgTurnLock:
        return PgTurnLock(self.url, thread_id)


class PgTurnLock:
    """One turn at a time per thread, across processes and machines (see the module's doc)."""

    def __init__(self, url: str, thread_id: str) -> None:
        self.url, self.thread_id = url, thread_id
        self._conn = None

    def _try(self) -> bool:
        import psycopg

        if self._conn is None:
            try:
                self._conn = psycopg.connect(self.url, autocommit=True, prepare_threshold=0,
                                             connect_timeout=int(CONNECT_TIMEOUT_S))
            except psycopg.Error as exc:
                raise _unreachable(self.url, exc) from exc
        got = self._conn.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))",
                                 (_NS_TURN, self.thread_id)).fetchone()[0]
        return bool(got)

    def try_acquire(self) -> bool:
        return self._try()

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if self._try():
                return True
            if time.monotonic() >= deadline:
                self._close()
                return False
            time.sleep(0.05)

    def release(self) -> None:
        self._close()  # closing the session releases its advisory locks

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


def server_version(url: str) -> str:
    """The server's version string (``cadagent doctor``); :class:`BackendUnavailable` when unreachable."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=int(CONNECT_TIMEOUT_S)) as conn:
            return "PostgreSQL " + str(conn.execute("SHOW server_version").fetchone()[0]).split()[0]
    except psycopg.Error as exc:
        raise _unreachable(url, exc) from exc


def fault(exc: BaseException, url: str | None) -> BackendUnavailable | None:
    """A Postgres connection lost or refused in the middle of a turn, as a :class:`BackendUnavailable`
    with the usual message (None for anything else, and when Postgres is not configured)."""
    if not is_postgres(url):
        return None
    try:
        import psycopg
        from psycopg_pool import PoolTimeout
    except ImportError:
        return None
    if isinstance(exc, (psycopg.OperationalError, PoolTimeout)):
        return _unreachable(url, exc)
    return None
