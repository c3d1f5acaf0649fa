"""Which backend each store uses, and whether it is reachable (``cadagent doctor``).

Embedded (the default, one process or one machine): checkpoints in a SQLite file, the knowledge
base in a Chroma folder, versions and jobs in the workspace, a file lock per thread. Server mode,
each part chosen by a setting: ``CADAGENT_CHECKPOINT_URL=postgresql://…`` (checkpoints, the version
index and the turn lock in Postgres), ``CADAGENT_KB_URL=http://host:port`` (a Chroma server),
``CADAGENT_FILES=/shared/volume`` (versions and job files)."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Check:
    store: str
    backend: str
    where: str
    ok: bool
    detail: str

    def line(self) -> str:
        state = "ok" if self.ok else "UNREACHABLE"
        return f"  {self.store:<13} {self.backend:<15} {self.where}: {state} ({self.detail})"


def _checkpoints(settings) -> list[Check]:
    from . import checkpoints, pg

    url = settings.checkpoint_url
    if pg.is_postgres(url):
        where = pg.redact(url)
        t0 = time.perf_counter()
        try:
            version = pg.server_version(url)
        except pg.BackendUnavailable as exc:
            return [Check("checkpoints", "postgres", where, False, str(exc))]
        ms = (time.perf_counter() - t0) * 1000
        detail = f"{version}, connected in {ms:.0f} ms"
        return [Check("checkpoints", "postgres", where, True, detail),
                Check("turn locks", "postgres", where, True, "advisory locks; version numbers in cadagent_versions")]
    path = checkpoints.sqlite_path(url, Path(settings.workspace))
    if path.exists():
        state = f"{path.stat().st_size / 1e6:.1f} MB"
    else:
        state = "not created yet"
    ok = os.access(path if path.exists() else _existing_parent(path), os.W_OK)
    locks = Path(settings.workspace) / "locks"
    return [Check("checkpoints", "sqlite", str(path), ok, state if ok else f"{state}; not writable"),
            Check("turn locks", "file locks", str(locks), True, "one process or one machine")]


def _existing_parent(path: Path) -> Path:
    path = Path(path).resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _knowledge(settings) -> Check:
    from cadagent.knowledge.store import Store, StoreUnavailable, kb_location

    url, path = kb_location(settings.kb_url, Path(settings.workspace))
    if url:
        try:
            n = Store.server_count(url)
        except StoreUnavailable as exc:
            return Check("knowledge", "chroma server", url, False, str(exc))
        return Check("knowledge", "chroma server", url, True, f"{n} records" if n is not None else "no store built "
                     "yet: run `cadagent kb build`")
    state = "built" if (path / "chroma.sqlite3").exists() else "not built yet, built on first use"
    return Check("knowledge", "chroma folder", str(path), True, state)


def _files(settings) -> Check:
    files = Path(settings.files_dir())
    base = files if files.exists() else _existing_parent(files)
    ok = os.access(base, os.W_OK)
    free = shutil.disk_usage(base).free / 1e9
    shared = "shared volume setting" if settings.files else "the workspace"
    return Check("files", "folder", str(files), ok,
                 f"versions and jobs; {shared}; {free:.1f} GB free" + ("" if ok else "; NOT writable"))


def checks(settings) -> list[Check]:
    return [*_checkpoints(settings), _knowledge(settings), _files(settings)]
