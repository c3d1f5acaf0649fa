"""The checkpoint database (LangGraph's SqliteSaver) opened with care.

On open, and again whenever SQLite says the file is damaged, the database is checked
(``PRAGMA quick_check``). A damaged one is moved aside with a timestamp (``checkpoints.sqlite.broken-
<time>``, with its -wal / -shm files) and a fresh one is started: the conversations' versions are
rebuilt from the version folders (:mod:`agent.recovery`), so nothing committed is lost.

WAL mode lets readers (the UI refreshing a session) run while a turn writes; the busy timeout makes
a second process wait for a write lock instead of failing with "database is locked".

``CADAGENT_CHECKPOINT_URL`` chooses the database: unset, the workspace's ``checkpoints.sqlite``; a path
(or ``sqlite:///path``), that file; ``postgresql://…``, a Postgres shared by many processes
(:mod:`agent.pg`, server mode).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

BUSY_TIMEOUT_S = 30.0
_DAMAGE = ("malformed", "not a database", "file is encrypted", "disk image", "database corrupt")


class CheckpointDamaged(sqlite3.DatabaseError):
    """The checkpoint database is unreadable (raised only by :func:`check`)."""


def sqlite_path(url: str | None, workspace: Path) -> Path:
    """The SQLite file a checkpoint URL names (None: the workspace's own)."""
    if not url:
        return Path(workspace) / "checkpoints.sqlite"
    url = str(url)
    return Path(url[len("sqlite://"):] if url.startswith("sqlite://") else url)


def is_damage(exc: BaseException) -> bool:
    """Whether an error from SQLite means the file itself is damaged (not busy, not full)."""
    return isinstance(exc, sqlite3.DatabaseError) and any(w in str(exc).lower() for w in _DAMAGE)


def connect(path: Path) -> sqlite3.Connection:
    """A connection shared by the app's threads (SqliteSaver serialises its own use of it)."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def check(conn: sqlite3.Connection) -> None:
    """Raise :class:`CheckpointDamaged` unless SQLite's quick check says ``ok``."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        raise CheckpointDamaged(str(exc)) from exc
    found = [r[0] for r in rows]
    if found != ["ok"]:
        raise CheckpointDamaged("; ".join(str(x) for x in found[:3]))


def move_aside(path: Path) -> Path:
    """Rename the database and its -wal / -shm files to ``<name>.broken-<time>``; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            os.replace(src, Path(str(dest) + suffix))
    return dest


def open_checked(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open the checkpoint database; a damaged one is moved aside and a fresh one started.

    Returns the connection and, when something was moved aside, a note saying what and where."""
    path = Path(path)
    conn = None
    try:
        conn = connect(path)
        check(conn)
        return conn, None
    except sqlite3.DatabaseError as exc:
        if not (isinstance(exc, CheckpointDamaged) or is_damage(exc)):
            raise
        if conn is not None:
            conn.close()
        moved = move_aside(path)
        note = (f"the checkpoint database {path} was damaged ({exc}); it was moved to {moved.name} and a fresh one "
                "started. Designs are rebuilt from the version folders; earlier chat messages are in the old file.")
        return connect(path), note
