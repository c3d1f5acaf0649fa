"""Design versions on disk: ``<workspace>/sessions/<thread>/v<N>/`` with the script, the STEP /
STL / GLB exports and report.json. Append-only; each version is written to a temp folder and
renamed into place, so a crash never leaves a half-written version."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


class SessionStore:
    def __init__(self, workspace: Path) -> None:
        self.root = Path(workspace) / "sessions"

    def thread_dir(self, thread_id: str) -> Path:
        safe = _SAFE.sub("_", thread_id)[:80] or "default"
        return self.root / safe

    def save(self, thread_id: str, version: int, code: str, exec_result: dict, meta: dict) -> Path:
        """Copy the job's artifacts into the next version folder; returns its path."""
        final = self.thread_dir(thread_id) / f"v{version}"
        if final.exists():
            raise FileExistsError(f"{final} exists: versions are append-only")
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".v{version}-", dir=final.parent))
        try:
            (tmp / "part.py").write_text(code, encoding="utf-8")
            artifacts = {}
            for kind, src in (exec_result.get("artifacts") or {}).items():
                if src and Path(src).exists():
                    dest = tmp / f"part.{kind}"
                    shutil.copyfile(src, dest)
                    artifacts[kind] = str(final / dest.name)
            if exec_result.get("shape_file") and Path(exec_result["shape_file"]).exists():
                shutil.copyfile(exec_result["shape_file"], tmp / "part.brep")
            report = {**exec_result, "artifacts": artifacts, "shape_file": str(final / "part.brep"),
                      "version": version, **meta}
            (tmp / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
            os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return final

    def report(self, thread_id: str, version: int) -> dict | None:
        path = self.thread_dir(thread_id) / f"v{version}" / "report.json"
        return json.loads(path.read_text()) if path.exists() else None
