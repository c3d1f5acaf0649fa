"""The second layer: what a job process may do even when the screen is bypassed
(``screen=False``), and how the pool survives crashes, kills and hangs."""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from cadagent.tools.sandbox import Limits, Sandbox
from cadagent.tools.sandbox.confine import landlock_abi

from .conftest import assert_still_works

needs_landlock = pytest.mark.skipif(landlock_abi() < 1, reason="Landlock not available on this kernel")
needs_landlock_net = pytest.mark.skipif(landlock_abi() < 4, reason="Landlock ABI < 4 (no TCP rules)")
needs_landlock_scope = pytest.mark.skipif(landlock_abi() < 6, reason="Landlock ABI < 6 (no signal scope)")


def _unscreened(sandbox, source, job_dir=None, **kw):
    return sandbox.run_script(source, job_dir, exports=(), screen=False, **kw)


@needs_landlock
def test_write_outside_job_dir_is_denied(sandbox, tmp_path):
    target = tmp_path / f"escape-{uuid.uuid4().hex}.txt"
    res = _unscreened(sandbox, f"open({str(target)!r}, 'w').write('x')\n", tmp_path / "job")
    assert res.error.type == "runtime" and res.error.exception == "PermissionError"
    assert not target.exists()


@needs_landlock
def test_write_inside_job_dir_is_allowed(sandbox, tmp_path):
    job = tmp_path / "job"
    src = ("open('inside.txt', 'w').write('ok')\nimport cadquery as cq\n"
           "result = cq.Workplane().box(1, 1, 1)\n")
    res = _unscreened(sandbox, src, job)
    assert res.ok, res.error
    assert (job / "inside.txt").read_text() == "ok"


@needs_landlock
def test_reading_private_files_is_denied(sandbox, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("api-key")
    res = _unscreened(sandbox, f"print(open({str(secret)!r}).read())\n")
    assert res.error.exception == "PermissionError"
    assert "api-key" not in res.stdout


@needs_landlock_net
def test_network_is_denied(sandbox):
    src = ("import socket\ns = socket.socket()\ns.settimeout(2)\n"
           "s.connect(('127.0.0.1', 9))\n")
    res = _unscreened(sandbox, src)
    assert res.error.type == "runtime"
    assert res.error.exception == "PermissionError"  # seccomp refuses the socket, Landlock the connect
    assert "landlock-net: no TCP bind/connect" in res.protections
    assert any(p.startswith("seccomp:") for p in res.protections)


def test_no_api_keys_reach_the_job(monkeypatch, tmp_path):
    monkeypatch.setenv("GEMINI_API_KEY", "sk-should-not-leak")
    with Sandbox(Limits(timeout_s=10), jobs_root=tmp_path) as sb:
        res = sb.run_script("import os\nprint(sorted(os.environ))\nprint(os.environ.get('GEMINI_API_KEY'))\n",
                            exports=(), screen=False)
    assert "sk-should-not-leak" not in res.stdout
    assert "GEMINI_API_KEY" not in res.stdout


def test_job_cannot_signal_the_zygote(sandbox):
    restarts = sandbox.restarts
    zygote_pid = sandbox._all[0].proc.pid
    res = _unscreened(sandbox, f"import os, signal\nprint(os.getppid())\nos.kill({zygote_pid}, signal.SIGKILL)\n")
    # in its own PID namespace the job sees no parent and cannot name the zygote at all;
    # without one, Landlock's signal scope (ABI >= 6) or the unprivileged user refuses it
    assert res.error.exception in ("ProcessLookupError", "PermissionError"), res.error
    assert_still_works(sandbox)
    assert sandbox.restarts == restarts  # the same zygote answered: it was never hit


def test_segfault_is_a_crash_result(sandbox):
    res = _unscreened(sandbox, "import ctypes\nctypes.string_at(0)\n")
    assert not res.ok and res.error.type == "crash"
    assert "signal" in res.error.message and "segmentation" in res.error.message
    assert_still_works(sandbox)


def test_grandchildren_are_killed_with_the_job(sandbox, tmp_path):
    job = tmp_path / "job"
    # the child calls setsid (a new session escapes a process-group kill) and reports its pid
    # as the host sees it (/proc/self: getpid() says 2 in the job's PID namespace)
    src = ("import os, time\npid = os.fork()\nif pid == 0:\n    os.setsid()\n"
           "    open('child.pid', 'w').write(os.readlink('/proc/self'))\n    time.sleep(120)\n"
           "    os._exit(0)\nwhile not os.path.exists('child.pid'):\n    time.sleep(0.01)\n"
           "while True:\n    pass\n")
    res = _unscreened(sandbox, src, job, timeout=1.5)
    assert res.error.type == "timeout"
    pid = int((job / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        # a zombie waiting for init still answers kill(0); check its state
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except OSError:
            break
        if state == "Z":
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"grandchild {pid} survived the job")


def test_killed_zygote_is_replaced(tmp_path):
    with Sandbox(Limits(timeout_s=10), jobs_root=tmp_path) as sb:
        sb.warm()
        os.kill(sb._all[0].proc.pid, signal.SIGKILL)
        # dead once the kernel says so (a fixed sleep raced a loaded machine: the job went to the dying one)
        sb._all[0].proc.wait(timeout=10)
        assert_still_works(sb)


def test_hung_zygote_gives_an_internal_error_then_recovers(tmp_path):
    sb = Sandbox(Limits(timeout_s=1), jobs_root=tmp_path)
    sb.grace_s = 1.0
    try:
        sb.warm()
        zygote = sb._all[0]
        os.kill(zygote.proc.pid, signal.SIGSTOP)
        t0 = time.monotonic()
        res = sb.run_script("result = 1\n", exports=())
        assert time.monotonic() - t0 < 10
        assert res.error.type == "internal" and "did not answer" in res.error.message
        assert sb.restarts == 1
        assert_still_works(sb)
    finally:
        sb.close()


def test_cpu_limit_stops_busy_native_code(tmp_path):
    # numpy in C: the wall-clock kill must work even when Python never gets control back
    with Sandbox(Limits(timeout_s=1.0), jobs_root=tmp_path) as sb:
        t0 = time.monotonic()
        res = sb.run_script("import numpy as np\na = np.ones((3000, 3000))\nwhile True:\n"
                            "    a = a @ a\n", exports=())
        assert res.error.type in ("timeout", "memory")
        assert time.monotonic() - t0 < 8


@needs_landlock
def test_a_read_path_deleted_under_the_worker_does_not_drop_landlock(tmp_path):
    # the attack, found when a checkout was deleted under a running worker: adding the rule for the missing path
    # failed, the job ran without Landlock ("landlock unavailable") and a hostile script renamed a file into /tmp
    import subprocess
    import sys
    gone, job = tmp_path / "gone-venv", tmp_path / "job"
    job.mkdir()
    target = tmp_path / f"escape-{uuid.uuid4().hex}"
    code = ("import os, sys\nfrom cadagent.tools.sandbox.confine import apply_landlock, read_only_paths\n"
            f"applied = apply_landlock({str(job)!r}, read_only_paths() + [{str(gone)!r}])\n"
            "print(applied)\n"
            f"try:\n    open({str(target)!r}, 'w').write('x')\n    print('ESCAPED')\n"
            "except PermissionError:\n    print('DENIED')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "DENIED" in out.stdout and "ESCAPED" not in out.stdout, out.stdout + out.stderr
    assert not target.exists()


def test_a_job_that_cannot_be_confined_is_not_run(tmp_path):
    # Landlock present but failing for this job: the job is refused (fail closed), never run without it. In a child
    # process: confine() also sets the job's rlimits on whoever calls it
    import subprocess
    import sys
    code = ("from cadagent.tools.sandbox import spare\n"
            "from cadagent.tools.sandbox.confine import Limits\n"
            "def broken(*a, **k):\n    raise OSError(22, 'landlock_restrict_self: Invalid argument')\n"
            "spare.apply_landlock = broken\n"
            "from dataclasses import asdict\n"
            "req = {'limits': asdict(Limits()), 'job_dir': %r}\n"
            "try:\n    spare.confine(req, 0, [], None)\n    print('RAN UNCONFINED')\n"
            "except RuntimeError as exc:\n    print('REFUSED', exc)\n") % str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "REFUSED the sandbox could not confine this job" in out.stdout, out.stdout + out.stderr
