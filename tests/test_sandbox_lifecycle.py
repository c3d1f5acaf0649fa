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
import time

import pytest

from cadagent.tools.sandbox import Limits, Sandbox

from .conftest import assert_still_works


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
