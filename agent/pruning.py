"""Keep the workspace's disk use bounded: one pruner for everything that is only a by-product.

Prunable: sandbox job folders (``jobs/job-*``), upload copies (``uploads/*``), broken-store copies
(``kb/chroma.broken-*``, ``checkpoints.sqlite.broken-*``) and interrupted version temps
(``sessions/<thread>/.v<N>-*``). Never pruned: the version folders, the live stores, feedback.

Rules (``[storage]`` settings): the newest ``keep_jobs`` job folders and anything younger than a
minute stay; the rest goes when older than ``max_age_h``; then, oldest first, until the prunable
files fit in ``max_mb``. Runs at start and every ``prune_every`` turns (:class:`agent.runtime.Agent`).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

MIN_AGE_S = 60.0  # younger than this may belong to a turn in progress
AREAS = ("sessions", "jobs", "uploads", "kb", "checkpoints", "broken copies", "temp folders", "other")


@dataclass
class Item:
    path: Path
    kind: str      # job | upload | broken | temp
    mtime: float
    size: int


@dataclass
class PruneReport:
    removed: list[Path] = field(default_factory=list)
    freed: int = 0
    kept: int = 0
    remaining: int = 0   # bytes of prunable files left

    def summary(self) -> str:
        return (f"pruned {len(self.removed)} item(s), freed {self.freed / 1e6:.1f} MB; {self.kept} kept "
                f"({self.remaining / 1e6:.1f} MB)")


def tree_size(path: Path) -> int:
    """Bytes used by a file or a folder (links are counted, never followed)."""
    try:
        st = os.lstat(path)
    except OSError:
        return 0
    if not os.path.isdir(path) or os.path.islink(path):
        return st.st_size
    total = 0
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _mtime(path: Path) -> float:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return 0.0


def _glob(folder: Path, pattern: str, kind: str) -> list[Item]:
    try:
        paths = list(folder.glob(pattern))
    except OSError:
        return []
    return [Item(p, kind, _mtime(p), tree_size(p)) for p in paths]


def candidates(workspace: Path) -> list[Item]:
    ws = Path(workspace)
    items = _glob(ws / "jobs", "job-*", "job") + _glob(ws / "uploads", "*", "upload")
    items += _glob(ws / "kb", "chroma.broken-*", "broken") + _glob(ws, "checkpoints.sqlite.broken-*", "broken")
    items += _glob(ws / "sessions", "*/.v*-*", "temp")
    return items


def prune(workspace: Path, storage, now: float | None = None) -> PruneReport:
    """Remove what the ``storage`` settings allow (see the module's rules); returns what was done."""
    now = time.time() if now is None else now
    items = sorted(candidates(workspace), key=lambda i: i.mtime, reverse=True)  # newest first
    jobs = [i for i in items if i.kind == "job"]
    protected = {id(i) for i in jobs[:storage.keep_jobs]}
    protected |= {id(i) for i in items if now - i.mtime < MIN_AGE_S}
    max_age = storage.max_age_h * 3600
    report = PruneReport()
    keep: list[Item] = []
    for item in items:
        if id(item) not in protected and now - item.mtime > max_age:
            _remove(item, report)
        else:
            keep.append(item)
    budget = storage.max_mb * 1e6
    total = sum(i.size for i in keep)
    for item in sorted((i for i in keep if id(i) not in protected), key=lambda i: i.mtime):
        if total <= budget:
            break
        if _remove(item, report):
            total -= item.size
    report.kept = len(keep) - sum(1 for i in keep if i.path in report.removed)
    report.remaining = total
    return report


def _remove(item: Item, report: PruneReport) -> bool:
    try:
        if item.path.is_dir() and not item.path.is_symlink():
            shutil.rmtree(item.path)
        else:
            item.path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return False
    report.removed.append(item.path)
    report.freed += item.size
    return True


def disk_use(workspace: Path) -> dict[str, int]:
    """Bytes per area of the workspace (for ``cadagent doctor``)."""
    ws = Path(workspace)
    use = dict.fromkeys(AREAS, 0)
    for item in candidates(ws):
        use[{"job": "jobs", "upload": "uploads", "broken": "broken copies", "temp": "temp folders"}[item.kind]] \
            += item.size
    use["sessions"] = tree_size(ws / "sessions") - use["temp folders"]
    use["kb"] = tree_size(ws / "kb") - sum(i.size for i in _glob(ws / "kb", "chroma.broken-*", "broken"))
    use["checkpoints"] = sum(tree_size(p) for p in ws.glob("checkpoints.sqlite*") if ".broken-" not in p.name)
    use["jobs"] = tree_size(ws / "jobs") if (ws / "jobs").exists() else use["jobs"]
    use["other"] = max(0, tree_size(ws) - sum(use.values()))
    return use


def disk_report(workspace: Path, storage) -> str:
    """``cadagent doctor``'s lines on the workspace: use per area, the budget, the free space."""
    ws = Path(workspace)
    if not ws.exists():
        return f"workspace {ws}: not created yet"
    use = disk_use(ws)
    prunable = use["jobs"] + use["uploads"] + use["broken copies"] + use["temp folders"]
    free = shutil.disk_usage(ws).free
    parts = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in use.items() if v)
    return (f"workspace {ws.resolve()}: {sum(use.values()) / 1e6:.1f} MB ({parts or 'empty'}); prunable "
            f"{prunable / 1e6:.1f} MB of a {storage.max_mb:g} MB budget (storage.max_mb), kept {storage.max_age_h:g} h; "
            f"{free / 1e9:.1f} GB free on its disk")
