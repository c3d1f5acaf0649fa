"""Disk and permission faults in words: what failed, where, and what to do.

A full disk, a file-size limit, a read-only or not-writable workspace surface as ``OSError`` from a
write or as an ``sqlite3.OperationalError`` from the checkpoint database; either becomes a
:class:`WorkspaceError` whose message a person can act on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_SQLITE_FULL = ("database or disk is full", "disk is full")
_SQLITE_READ_ONLY = ("readonly database", "read-only", "unable to open database file")


class WorkspaceError(RuntimeError):
    """The workspace cannot be written (full disk, read-only, no permission)."""


def _where(exc: BaseException, workspace: Path) -> str:
    path = getattr(exc, "filename", None)
    return str(path) if path else str(workspace)


def describe(exc: BaseException, workspace: Path) -> str | None:
    """A readable message for a disk or permission fault, or None when ``exc`` is something else."""
    workspace = Path(workspace)
    kind = None
    if isinstance(exc, OSError) and exc.errno in FULL:
        kind = "full"
    elif isinstance(exc, OSError) and exc.errno in READ_ONLY:
        kind = "read-only"
    elif isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        kind = ("full" if any(w in text for w in _SQLITE_FULL) else
                "read-only" if any(w in text for w in _SQLITE_READ_ONLY) else None)
    if kind is None:
        return None
    where = _where(exc, workspace)
    if kind == "full":
        limit = " (or a file-size limit was reached)" if getattr(exc, "errno", None) == errno.EFBIG else ""
        return (f"The disk holding the workspace {workspace} is full{limit}: writing {where} failed. "
                "Nothing was saved for this turn; earlier versions are kept. Free some space (`cadagent doctor` "
                "shows what the workspace uses; old job folders are pruned down to `storage.max_mb`), or set "
                "CADAGENT_WORKSPACE to a folder on another disk.")
    return (f"The workspace {workspace} is read-only or not writable by this user: writing {where} failed. "
            "Nothing was saved for this turn; earlier versions are kept. Make the folder writable "
            f"(e.g. `chmod -R u+w {workspace}`, or remount the disk read-write), or set CADAGENT_WORKSPACE to a "
            "writable folder.")


def check_writable(workspace: Path) -> None:
    """Raise :class:`WorkspaceError` unless a file can be created in the workspace."""
    workspace = Path(workspace)
    try:
        workspace.mkdir(parents=True, exist_ok=True)
        probe = workspace / f".write-probe-{os.getpid()}"
        with open(probe, "wb") as fh:
            fh.write(b"ok")
        probe.unlink()
    except OSError as exc:
        message = describe(exc, workspace)
        if message is None:
            raise
        raise WorkspaceError(message.replace("Nothing was saved for this turn; earlier versions are kept. ", "")) from exc
