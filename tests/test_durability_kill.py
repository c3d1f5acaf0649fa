"""kill -9 of the agent (or of its sandbox worker) mid-job: no job process is left spinning."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

AGENT = r'''
import sys, threading
from cadagent.tools.sandbox import Limits, Sandbox
sb = Sandbox(Limits(timeout_s=120), jobs_root=sys.argv[1]).warm()
threading.Thread(target=sb.run_script, daemon=True,
                 args=("import pathlib\npathlib.Path('started').write_text('1')\nwhile True:\n    pass\n",
                       sys.argv[1] + "/spin"), kwargs={"exports": (), "screen": False}).start()
print("running", flush=True)
threading.Event().wait()
'''

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _describe(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return f"{stat.split(')')[0]}) state {stat.rsplit(')', 1)[1].split()[0]} ppid {stat.rsplit(')', 1)[1].split()[1]}"
    except OSError:
        return "gone"


def _spinning_job(tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    proc = subprocess.Popen([sys.executable, "-c", AGENT, str(tmp_path / "jobs")], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "running"
    deadline = time.monotonic() + 60
    while not (tmp_path / "jobs" / "spin" / "started").exists():   # the job itself is running
        assert time.monotonic() < deadline, "the spinning job never started"
        time.sleep(0.05)
    tree = _descendants(proc.pid)
    assert len(tree) >= 3, tree   # the zygote, the job's warden and the job
    return proc, tree


@pytest.mark.parametrize("victim", ["agent", "worker"])
def test_no_job_process_is_alive_2_s_after_a_kill(tmp_path, victim):
    proc, tree = _spinning_job(tmp_path)
    try:
        if victim == "agent":
            proc.kill()
            proc.wait()
        else:
            zygote = min(tree, key=lambda p: len(_descendants(p)) * -1)  # the worker: the one with children
            os.kill(zygote, signal.SIGKILL)
            tree = tree - {zygote}
        time.sleep(2.0)
        left = {p: _describe(p) for p in tree if _alive(p)}
        assert left == {}, f"still running 2 s after the kill: {left}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in _descendants(proc.pid) | tree:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
