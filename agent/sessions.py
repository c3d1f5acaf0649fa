"""Design versions on disk: ``<workspace>/sessions/<thread>/v<N>/`` with the script, the STEP /
STL / GLB exports and report.json. Append-only.

A version number is claimed with an exclusive ``mkdir`` of ``v<N>`` (the first free number at or
above the one asked for), so two writers can never get the same number. The files are written to a
temp folder that is then renamed over the (empty) claimed folder, so a crash never leaves a
half-written version: a folder without report.json is an interrupted claim (see :mod:`agent.recovery`).
In server mode a :class:`VersionIndex` shared by every process (Postgres, :mod:`agent.pg`) hands out the
numbers first (a row per number, taken under a lock), so the processes sharing a files volume do not
depend on its ``mkdir`` being atomic across machines.

Only regular files that lie directly in a job folder under the sandbox's jobs root are copied: a
path a job reported is never followed (no symlinks, no hard links, nothing outside the job folder).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Protocol

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")
_VERSION = re.compile(r"^v(\d+)$")
_CHUNK = 1 << 20


class UnsafeArtifact(ValueError):
    """A job result names a file the session store will not copy (outside its job folder, a link...)."""


def safe_name(thread_id: str) -> str:
    return _SAFE.sub("_", thread_id)[:80] or "default"


class VersionIndex(Protocol):
    """Version numbers taken across processes (server mode); the folders stay the record."""

    def claim(self, thread_id: str, at_least: int) -> int:
        """Take and return the first number >= ``at_least`` that nobody has taken on the thread."""

    def release(self, thread_id: str, version: int) -> None:
        """Give back a number whose claim was interrupted (its empty folder was removed)."""


class SessionStore:
    def __init__(self, workspace: Path, jobs_root: Path | None = None, index: VersionIndex | None = None) -> None:
        self.root = Path(workspace) / "sessions"
        root = Path(jobs_root) if jobs_root is not None else Path(workspace) / "jobs"
        self.jobs_root = Path(os.path.realpath(root))
        self.index = index  # None: the exclusive mkdir alone allocates numbers

    def thread_dir(self, thread_id: str) -> Path:
        return self.root / safe_name(thread_id)

    # -- reading -----------------------------------------------------------------------------
    def numbers(self, thread_id: str, complete: bool = True) -> list[int]:
        """Version numbers on disk, ascending; ``complete``: only those with a report.json."""
        d = self.thread_dir(thread_id)
        try:
            names = os.listdir(d)
        except FileNotFoundError:
            return []
        found = []
        for name in names:
            m = _VERSION.match(name)
            if m and (not complete or (d / name / "report.json").is_file()):
                found.append(int(m.group(1)))
        return sorted(found)

    @staticmethod
    def files(folder: str | Path) -> dict[str, Path]:
        """A version folder's files by kind (script, step, stl, glb, report, cadjson): the one place
        that knows the layout. Only the files that exist."""
        folder = Path(folder)
        names = {"script": "part.py", "step": "part.step", "stl": "part.stl", "glb": "part.glb",
                 "report": "report.json", "cadjson": "part.cadjson.json"}
        return {kind: folder / name for kind, name in names.items() if (folder / name).is_file()}

    def saved(self):
        """Every complete version of every thread: (report.json data, script text), oldest folder first."""
        for report in sorted(self.root.glob("*/v*/report.json")):
            meta = self.version_report(report.parent)
            try:
                code = (report.parent / "part.py").read_text(encoding="utf-8")
            except OSError:
                continue
            if meta is not None:
                yield meta, code

    @staticmethod
    def version_report(folder: str | Path) -> dict | None:
        """A version folder's report.json (measurements, request, title, parent), or None."""
        path = Path(folder) / "report.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # -- writing -----------------------------------------------------------------------------
    def claim(self, thread_id: str, at_least: int = 1) -> Path:
        """Atomically take the first free version number >= ``at_least`` (the index's, then an exclusive mkdir)."""
        d = self.thread_dir(thread_id)
        d.mkdir(parents=True, exist_ok=True)
        n = max(int(at_least), max(self.numbers(thread_id, complete=False), default=0) + 1)
        while True:
            if self.index is not None:
                n = self.index.claim(thread_id, n)
            try:
                os.mkdir(d / f"v{n}")
                return d / f"v{n}"
            except FileExistsError:
                n += 1

    def save(self, thread_id: str, version: int, code: str, exec_result: dict, meta: dict) -> Path:
        """Copy the job's artifacts into a new version folder numbered ``version`` or, when that is
        taken, the next free number; returns its path (``v<N>``: the number actually used)."""
        sources = self._sources(exec_result)  # refused before anything is written
        final = self.claim(thread_id, version)
        number = int(final.name[1:])
        tmp = Path(tempfile.mkdtemp(prefix=f".v{number}-", dir=final.parent))
        try:
            (tmp / "part.py").write_text(code, encoding="utf-8")
            artifacts = {}
            for kind, src in sources.items():
                name = "part.brep" if kind == "brep" else f"part.{kind}"
                _copy_regular(src, tmp / name)
                if kind != "brep":
                    artifacts[kind] = str(final / name)
            report = {**exec_result, "artifacts": artifacts,
                      "shape_file": str(final / "part.brep") if "brep" in sources else None,
                      "version": number, **meta}
            (tmp / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
            os.replace(tmp, final)  # over the empty claimed folder
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            self.remove_claim(thread_id, number)
            raise
        return final

    def _sources(self, exec_result: dict) -> dict[str, Path]:
        """The files to copy, checked: each must be a plain name directly inside a job folder that
        is a real directory under the jobs root."""
        wanted = dict(exec_result.get("artifacts") or {})
        if exec_result.get("shape_file"):
            wanted["brep"] = exec_result["shape_file"]
        out = {}
        for kind, src in wanted.items():
            if not src:
                continue
            if not re.fullmatch(r"[a-z0-9]{1,8}", str(kind)):
                raise UnsafeArtifact(f"refused artifact kind {kind!r}: expected a short lowercase name like 'step'")
            path = Path(os.path.normpath(os.path.abspath(src)))
            job = path.parent
            if job.parent != self.jobs_root or not job.name.startswith("job-"):
                raise UnsafeArtifact(f"refused {kind} file {src}: it is not inside a job folder of "
                                     f"{self.jobs_root}")
            if os.path.realpath(job) != str(job):
                raise UnsafeArtifact(f"refused {kind} file {src}: its job folder is a link")
            if not path.exists() and not path.is_symlink():
                continue  # that export was not made (e.g. exports=()); nothing to copy
            out[kind] = path
        return out

    def remove_claim(self, thread_id: str, version: int) -> bool:
        """Remove an interrupted claim (an empty ``v<N>`` folder); True when one was removed."""
        try:
            os.rmdir(self.thread_dir(thread_id) / f"v{version}")
        except OSError:
            return False
        if self.index is not None:
            self.index.release(thread_id, version)
        return True


def _copy_regular(src: Path, dest: Path) -> None:
    """Copy ``src`` only if it is a regular file with one link, never following a symlink."""
    try:
        st = os.lstat(src)
    except FileNotFoundError as exc:
        raise UnsafeArtifact(f"refused {src}: it vanished while being copied") from exc
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeArtifact(f"refused {src}: not a regular file (a link or a device)")
    if st.st_nlink != 1:
        raise UnsafeArtifact(f"refused {src}: it has {st.st_nlink} hard links (it may point outside the job)")
    fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino) or not stat.S_ISREG(now.st_mode):
            raise UnsafeArtifact(f"refused {src}: it was replaced while being copied")
        with open(dest, "wb") as out:
            while chunk := os.read(fd, _CHUNK):
                out.write(chunk)
    finally:
        os.close(fd)
