"""The zygote cannot be poisoned, and nothing outlives its parent.

- a zygote whose limits or nice value changed during a job is replaced at once, and that
  job gets a clear ``internal`` error;
- the zygote never sees a script (the host writes it into the job folder; the job screens
  it under the job's own time limit), so a job cannot find the previous job's script in memory;
- kill -9 of the process that owns the sandbox leaves no zygote and no job process alive.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.sandbox import Limits, Sandbox

from .conftest import ROOT, assert_still_works


@pytest.fixture()
def own_sandbox(tmp_path):
    sb = Sandbox(Limits(timeout_s=5), jobs_root=tmp_path / "jobs")
    sb.warm()
    yield sb
    sb.close()


def test_poisoned_zygote_is_replaced_and_the_job_told(own_sandbox):
    for restarts, poison in enumerate(("nofile", "nice"), start=1):
        zygote = own_sandbox._all[0].proc.pid
        if poison == "nofile":
            soft, hard = resource.prlimit(zygote, resource.RLIMIT_NOFILE)
            resource.prlimit(zygote, resource.RLIMIT_NOFILE, (64, hard))
        else:
            os.setpriority(os.PRIO_PROCESS, zygote, 19)
        res = own_sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().box(1, 1, 1)\n",
                                     exports=())
        assert res.error.type == "internal"
        what = "resource limits" if poison == "nofile" else "nice value"
        assert f"the sandbox worker's {what} changed during the job" in res.error.message
        assert "was replaced" in res.error.message
        assert own_sandbox.restarts == restarts
        assert_still_works(own_sandbox)
        assert own_sandbox._all[0].proc.pid != zygote


def test_job_cannot_find_the_previous_script_in_memory(sandbox):
    marker = "previous-job-secret-" + os.urandom(6).hex()
    first = sandbox.run_script(f"import cadquery as cq\nsecret = {marker!r}\n"
                               "result = cq.Workplane().box(1, 1, 1)\n", exports=())
    assert first.ok
    needle = marker.encode()
    spy = ("import gc\nfound = any(isinstance(o, (str, bytes, dict)) and "
           f"{needle!r}.decode() in str(o) for o in gc.get_objects())\nprint(found)\n")
    res = sandbox.run_script(spy, exports=(), screen=False)
    assert res.stdout.strip() == "False", res.stdout


def test_screening_runs_in_the_job_under_its_time_limit(own_sandbox):
    # 40 000 statements (under the 1 MiB size limit) take the screen seconds: the job's own
    # clock stops it, and the zygote is never busy with it
    big = "".join(f"a{i} = {i} + {i}\n" for i in range(40_000))
    t0 = time.monotonic()
    res = own_sandbox.run_script(big, exports=(), timeout=0.3)
    assert res.error.type == "timeout" and "0.3 s" in res.error.message
    assert time.monotonic() - t0 < 10
    assert own_sandbox.restarts == 0  # the zygote was never busy
    assert_still_works(own_sandbox)


_AGENT = """
import sys, threading, time
from tools.sandbox import Limits, Sandbox
sb = Sandbox(Limits(timeout_s=120), jobs_root=sys.argv[1])
sb.warm()
job = sys.argv[1] + "/spin"
threading.Thread(target=sb.run_script, daemon=True,
                 args=("import pathlib\\npathlib.Path('started').write_text('1')\\nwhile True:\\n    pass\\n", job),
                 kwargs={"exports": (), "screen": False}).start()
print(sb._all[0].proc.pid, flush=True)
time.sleep(600)
"""


def _descendants(root: int) -> set[int]:
    parents = {}
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            parents[int(name)] = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    found, frontier = set(), {root}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def test_kill_9_of_the_agent_leaves_no_sandbox_process(tmp_path):
    agent = subprocess.Popen([sys.executable, "-c", _AGENT, str(tmp_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        zygote = int(agent.stdout.readline())
        deadline = time.monotonic() + 60
        while not (tmp_path / "spin" / "started").exists():
            assert time.monotonic() < deadline, "the spinning job never started"
            time.sleep(0.05)
        family = _descendants(agent.pid)
        assert zygote in family and len(family) >= 3  # zygote, the job's warden and the job
        agent.send_signal(signal.SIGKILL)
        agent.wait()
        deadline = time.monotonic() + 2.0
        while any(_alive(p) for p in family) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p for p in family if _alive(p)] == []
    finally:
        agent.kill()
