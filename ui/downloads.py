"""Downloads of a version, named after the design and the version (``mounting_plate_v3.step``), and a
zip of all of them. Named copies live in a temp folder (Gradio serves files from the system's temp
directory and copies them to its cache); the version folders are never renamed or exposed."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

FORMATS = (("step", "step"), ("stl", "stl"), ("glb", "glb"), ("script", "py"))  # (the version's file kind, ext)
ROOT = Path(tempfile.gettempdir()) / "cadagent-downloads"
KEEP_S = 86400  # named copies older than a day are removed (the version folders keep the files)
_pruned = [0.0]


def prune(now: float | None = None) -> int:
    """Remove the named copies of sessions untouched for a day (at most once an hour); how many went."""
    now = time.time() if now is None else now
    if now - _pruned[0] < 3600 or not ROOT.is_dir():
        return 0
    _pruned[0] = now
    gone = 0
    for folder in ROOT.iterdir():
        try:
            if now - folder.stat().st_mtime > KEEP_S:
                shutil.rmtree(folder, ignore_errors=True)
                gone += 1
        except OSError:
            continue
    return gone


def design_name(title: str | None) -> str:
    """A file-name stem from a design's title: 'Mounting plate with 4 holes' -> 'mounting_plate_with_4'."""
    words = re.findall(r"[a-z0-9]+", (title or "").lower())
    return "_".join(words[:4]) or "part"


def files(sid: str, version) -> dict[str, str]:
    """{ext: path} of the named copies of a :class:`Version`'s files (made once), "zip" holding all."""
    prune()
    stem = f"{design_name(version.title)}_v{version.number}"
    folder = ROOT / re.sub(r"[^A-Za-z0-9_-]", "", sid)[:64] / stem
    out: dict[str, str] = {}
    for kind, ext in FORMATS:
        src = version.file(kind)
        if src is None or not src.is_file():
            continue
        dest = folder / f"{stem}.{ext}"
        if not dest.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_suffix(".part")
            shutil.copyfile(src, tmp)
            tmp.replace(dest)
        out[ext] = str(dest)
    if out:
        archive = folder / f"{stem}.zip"
        if not archive.exists():
            tmp = archive.with_suffix(".partzip")
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in out.values():
                    zf.write(path, Path(path).name)
            tmp.replace(archive)
        out["zip"] = str(archive)
    return out
