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


def test_old_job_folders_in_the_shared_temp_root_are_swept(tmp_path, monkeypatch):
    """A Sandbox made without ``jobs_root`` (scripts, benchmarks) leaves its job folders in the temp root for
    the caller to read; nothing pruned them (71,000 folders, 6 GB, filled a disk). A new Sandbox there removes
    the ones older than TEMP_JOB_MAX_AGE_S, and only job folders: not young ones, not other names, not links."""
    from cadagent.tools.sandbox.pool import TEMP_JOB_MAX_AGE_S, default_jobs_root

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    root = default_jobs_root()
    root.mkdir()
    old = folder(root, "job-" + "a" * 32, age_s=TEMP_JOB_MAX_AGE_S + 60)
    young = folder(root, "job-" + "b" * 32, age_s=TEMP_JOB_MAX_AGE_S - 600)
    other = folder(root, "keep-" + "c" * 32, age_s=TEMP_JOB_MAX_AGE_S + 60)
    target = folder(tmp_path, "job-" + "d" * 32, age_s=TEMP_JOB_MAX_AGE_S + 60)   # outside the root
    (root / ("job-" + "e" * 32)).symlink_to(target)
    sb = Sandbox(Limits(timeout_s=5))          # sweeps at start; no worker is started
    assert sb.jobs_root == root.resolve()
    assert not old.exists()
    assert young.is_dir() and other.is_dir() and target.is_dir() and (target / "w.step").is_file()
    sb.close()


def test_a_sandbox_with_its_own_jobs_root_sweeps_nothing(tmp_path):
    """The workspace's jobs/ folder follows the [storage] settings (agent.pruning), not the temp-root rule."""
    from cadagent.tools.sandbox.pool import TEMP_JOB_MAX_AGE_S

    old = folder(tmp_path, "job-" + "f" * 32, age_s=TEMP_JOB_MAX_AGE_S * 4)
    Sandbox(Limits(timeout_s=5), jobs_root=tmp_path).close()
    assert old.is_dir()
