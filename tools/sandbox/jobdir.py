"""The host's side of a job folder: hand it to the job user, take it back, list what is in it.

Artifacts are never taken from what a job says. After the job's processes are gone, the
host walks the folder itself: anything that is not a plain file or folder (symlinks, device
nodes, FIFOs, sockets), set-uid / set-gid files and hard links are removed; the remaining
files are owned by the host again; and an artifact is ``<stem>.<fmt>`` only if it is such a
regular file, directly inside the folder, under the size cap.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

_SPECIAL_BITS = stat.S_ISUID | stat.S_ISGID


def hand_over(job_dir: Path, uid: int | None, gid: int | None) -> tuple[int, int] | None:
    """Make ``job_dir`` writable by the job user; returns the owner to give it back to."""
    st = os.lstat(job_dir)
    if not stat.S_ISDIR(st.st_mode):
        raise ValueError(f"{job_dir} is not a plain folder")
    if uid is None or os.geteuid() != 0:
        return None
    os.chown(job_dir, uid, gid if gid is not None else -1, follow_symlinks=False)
    os.chmod(job_dir, 0o700)
    return st.st_uid, st.st_gid


def take_back(job_dir: Path, owner: tuple[int, int] | None, max_entries: int = 10_000) -> list[str]:
    """Remove what no artifact may be, give the rest back to ``owner``; returns what was removed."""
    removed: list[str] = []
    seen = 0
    for root, dirs, files in os.walk(job_dir, topdown=True, followlinks=False):
        for name in [*files, *dirs]:
            seen += 1
            path = os.path.join(root, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            plain = stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)
            if (not plain or st.st_mode & _SPECIAL_BITS or seen > max_entries
                    or (stat.S_ISREG(st.st_mode) and st.st_nlink > 1)):
                _remove(path, st)
                removed.append(os.path.relpath(path, job_dir))
                if name in dirs:
                    dirs.remove(name)
            elif owner is not None:
                os.chown(path, *owner, follow_symlinks=False)
    if owner is not None:
        os.chown(job_dir, *owner, follow_symlinks=False)
        os.chmod(job_dir, 0o755)
    return removed


def _remove(path: str, st: os.stat_result) -> None:
    try:
        if stat.S_ISDIR(st.st_mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def regular_file(path: Path, max_bytes: int) -> bool:
    """A plain file (no link, no device, no set-uid, one name), at most ``max_bytes``."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISREG(st.st_mode) and not st.st_mode & _SPECIAL_BITS and st.st_nlink == 1
            and 0 < st.st_size <= max_bytes)


def artifacts(job_dir: Path, stem: str, formats, max_bytes: int) -> dict[str, Path]:
    """``fmt -> path`` for each ``<stem>.<fmt>`` that is a plain file directly in ``job_dir``."""
    found = {}
    for fmt in formats:
        path = job_dir / f"{stem}.{fmt}"
        if regular_file(path, max_bytes):
            found[fmt] = path
    return found


def usage(job_dir: str, max_entries: int = 10_000) -> int:
    """Bytes allocated under ``job_dir`` (a folder with too many entries counts as infinite)."""
    total, seen = 0, 0
    stack = [job_dir]
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                for entry in it:
                    seen += 1
                    if seen > max_entries:
                        return 1 << 62
                    st = entry.stat(follow_symlinks=False)
                    total += st.st_blocks * 512
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        except OSError:
            continue
    return total
