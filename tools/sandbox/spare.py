"""The processes the zygote forks ahead of time, waiting for their job on a pipe.

- A **script spare** is a *warden* (root, trusted, runs no job code) that moves into new
  PID / IPC / UTS / network namespaces and forks the *job process*, PID 1 of that namespace.
  When the job process dies (done, killed, crashed) the kernel kills every process it
  started, ``setsid`` or not. The warden waits for it and dies the same way, so the zygote
  reads the job's fate from the warden's exit status.
- A **measure spare** is one process: it measures and exports the BREP the script stage
  wrote, or runs a trusted tool function (IoU, measure). It never runs script code.

Both confine themselves the same way once the job arrives: rlimits, Landlock (writes only in
the job folder, reads only the interpreter and libraries), a new session keyring, the
unprivileged user (when root), no capabilities, ``no_new_privs`` and the seccomp filter.
Every process here dies with its parent (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import struct
import sys
import traceback

from . import isolate
from .confine import Limits, apply_landlock, apply_rlimits
from .warm import warm_spare


def close_fds_except(keep: tuple[int, ...]) -> None:
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _read_exact(fd: int, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError("the zygote closed the job pipe")
        buf += chunk
    return bytes(buf)


def read_request(job_fd: int) -> dict:
    (n,) = struct.unpack("<Q", _read_exact(job_fd, 8))
    req = json.loads(_read_exact(job_fd, n))
    os.close(job_fd)
    return req


def _enter_job_dir(req: dict) -> None:
    """cd into the job folder (as root: its parents may be private) and route output to its log."""
    os.chdir(req["job_dir"])
    log = os.open(".job.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    os.close(devnull)


def confine(req: dict, base_vm: int, readable: list[str], seccomp_filter) -> list[str]:
    """Everything a job process does to itself before job code runs; returns what is active."""
    limits = Limits(**req["limits"])
    applied = apply_rlimits(limits, base_vm)
    try:
        applied += apply_landlock(req["job_dir"], readable)
    except OSError as exc:
        # Landlock is there but could not be applied to this job: run nothing unconfined (fail closed). Before, the
        # job ran without it, and a hostile script wrote outside its folder (a read path deleted under the worker)
        raise RuntimeError(f"the sandbox could not confine this job (landlock: {exc}); it was not run") from exc
    applied += isolate.drop_privileges()
    if os.geteuid() != 0:  # root ignores RLIMIT_NPROC
        applied.append(f"rlimit-nproc {limits.max_procs}")
    applied += isolate.load_seccomp(seccomp_filter)
    sys.setrecursionlimit(1500)
    return applied


def _finish(result_fd: int, run) -> None:
    """Run, answer once, exit. A process the script forked that gets back here (its copy of
    the script failed or ended) exits silently: only the job process itself answers."""
    status = 0
    me = os.getpid()
    try:
        from .job import answer

        payload = run()
        if os.getpid() != me:
            os._exit(0)
        answer(result_fd, payload)
    except BaseException:  # noqa: BLE001 - last resort: the zygote reports a crash
        if os.getpid() != me:
            os._exit(0)
        status = 70
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        os._exit(status)


def script_spare(job_fd: int, result_fd: int, ctl_fd: int, base_vm: int, readable: list[str],
                 seccomp_filter) -> None:
    """The warden of one script job: tells the zygote the job's pid and namespaces on
    ``ctl_fd``, then waits for the job and dies as it died. Never returns."""
    try:
        isolate.die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        namespaces = isolate.unshare_namespaces()
        pid = os.fork()
    except BaseException:  # noqa: BLE001
        os._exit(71)
    if pid == 0:
        os.close(ctl_fd)
        _script_job(job_fd, result_fd, base_vm, readable, seccomp_filter, namespaces)
    os.close(job_fd)
    os.close(result_fd)
    os.write(ctl_fd, struct.pack("<i", pid) + json.dumps(namespaces).encode())
    os.close(ctl_fd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):  # die the way the job died, so the zygote can tell what happened
        sig = os.WTERMSIG(status)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status))


def _script_job(job_fd, result_fd, base_vm, readable, seccomp_filter, namespaces) -> None:
    try:
        isolate.die_with_parent()
        os.setpgid(0, 0)
        req = read_request(job_fd)
    except BaseException:  # noqa: BLE001 - the zygote went away or gave up on us
        os._exit(0)

    def run():
        from .job import SCRIPT_FILE, run_measure, run_script

        _enter_job_dir(req)
        with open(SCRIPT_FILE, encoding="utf-8", errors="replace") as fh:
            source = fh.read(int(req["limits"]["max_script_kb"]) * 1024 + 1)
        protections = confine(req, base_vm, readable, seccomp_filter)
        out = run_script(req, source)
        if out["ok"] and not req["limits"].get("fresh_measure", True):  # faster, forgeable
            out["measure"] = run_measure(req, [*protections, *namespaces])
        return out

    _finish(result_fd, run)


def measure_spare(job_fd: int, result_fd: int, base_vm: int, readable: list[str], seccomp_filter) -> None:
    """A process for the measure stage or a tool call. Never returns."""
    try:
        isolate.die_with_parent()
        os.setpgid(0, 0)
        warm_spare("measure")
        req = read_request(job_fd)
    except BaseException:  # noqa: BLE001
        os._exit(0)

    def run():
        from .job import run_call, run_measure

        _enter_job_dir(req)
        protections = confine(req, base_vm, readable, seccomp_filter)
        if req["kind"] == "measure":
            return run_measure(req, [*protections, *req.get("namespaces", [])])
        if req["kind"] == "probe":  # what a job gets here: reported by doctor and every result
            return {"ok": True, "value": {"protections": protections}}
        return run_call(req)

    _finish(result_fd, run)
