"""A spare process killed while it warms up cannot remove its warm-up folder; the next zygote does.
(Left alone, every test run and every server restart left a few ~100 kB folders in /tmp.)"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cadagent.tools.sandbox import Limits, Sandbox
from cadagent.tools.sandbox.warm import SPARE_PREFIX, STALE_S, sweep_spare_dirs


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def folder(root: Path, name: str, age_s: float = 0) -> Path:
    path = root / name
    path.mkdir()
    (path / "w.step").write_text("x" * 1000)
    if age_s:
        t = time.time() - age_s
        os.utime(path, (t, t))
    return path


def test_sweep_removes_only_folders_of_spares_that_are_gone(tmp_path):
    gone = folder(tmp_path, f"{SPARE_PREFIX}{dead_pid()}-abc123")
    live = folder(tmp_path, f"{SPARE_PREFIX}{os.getpid()}-def456")
    old_unnamed = folder(tmp_path, f"{SPARE_PREFIX}qwerty12", age_s=STALE_S + 60)
    new_unnamed = folder(tmp_path, f"{SPARE_PREFIX}asdfgh34")
    other = folder(tmp_path, f"cadagent-jobs-{dead_pid()}-x")
    (tmp_path / f"{SPARE_PREFIX}{dead_pid()}-link").symlink_to(other)
    assert sweep_spare_dirs(str(tmp_path)) == 2
    assert not gone.exists() and not old_unnamed.exists()
    assert live.is_dir() and new_unnamed.is_dir() and other.is_dir()        # a link is never followed


def test_a_new_sandbox_sweeps_the_left_over_folders():
    leftover = folder(Path(tempfile.gettempdir()), f"{SPARE_PREFIX}{dead_pid()}-zz9999")
    with Sandbox(Limits(timeout_s=20)) as sandbox:
        assert sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().box(1, 2, 3)\n",
                                  exports=()).valid_solid
    assert not leftover.exists()
