"""How the zygote waits for one job stage: its answer, its death, its deadline, its disk use."""

from __future__ import annotations

import os
import select
import signal
import time

from .jobdir import usage

DRAIN_S = 1.0               # how long an exited job's pipe may stay open before we give up
POLL_S = 0.1                # disk-budget check interval while a job runs
_SIGNAL_TEXT = {
    signal.SIGSEGV: "segmentation fault", signal.SIGABRT: "abort", signal.SIGBUS: "bus error",
    signal.SIGFPE: "floating point exception", signal.SIGILL: "illegal instruction",
}


class ParentGone(Exception):
    """The process that started the zygote died: stop everything."""


def collect(pid, r, deadline, cap, job_dir, budget, parent_fd) -> tuple[bytes, str]:
    """Read a stage's answer from ``r`` until EOF, the deadline, the cap or the disk budget;
    an exited stage whose pipe stays open (a survivor holds it) is given up after DRAIN_S."""
    pidfd = os.pidfd_open(pid)
    buf = bytearray()
    watch = [r, pidfd] + ([parent_fd] if parent_fd is not None else [])
    exited_at = None
    next_check = time.monotonic() + POLL_S
    try:
        while True:
            now = time.monotonic()
            if exited_at is not None and now - exited_at > DRAIN_S:
                return bytes(buf), ("done" if buf else "crash")  # a survivor holds the pipe
            if now >= deadline:
                return bytes(buf), "timeout"
            ready, _, _ = select.select(watch, [], [], min(deadline - now, POLL_S))
            if parent_fd in ready:
                raise ParentGone()
            if r in ready:
                chunk = os.read(r, 1 << 16)
                if not chunk:
                    return bytes(buf), ("done" if buf else "crash")
                buf += chunk
                if len(buf) > cap:
                    return b"", "output_limit"
            elif pidfd in ready:
                if exited_at is None:
                    exited_at = time.monotonic()
                    watch = [w for w in watch if w != pidfd]
            if exited_at is None and time.monotonic() >= next_check:
                next_check = time.monotonic() + POLL_S
                if usage(job_dir) > budget:
                    return b"", "disk_limit"
    finally:
        os.close(pidfd)

def death(status: int, state: str, timeout: float, cap: int, budget: int) -> dict:
    if state == "timeout":
        return {"signal": None, "timeout_s": timeout}
    if state == "output_limit":
        return {"message": f"the job's answer was larger than {cap >> 10} KiB"}
    if state == "disk_limit":
        return {"message": f"the job wrote more than {budget >> 20} MiB into its folder"}
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGXCPU:
            return {"status": "timeout", "signal": int(sig), "timeout_s": timeout}
        return {"signal": int(sig), "signal_name": _SIGNAL_TEXT.get(sig, signal.Signals(sig).name)}
    return {"signal": None, "exit_code": os.WEXITSTATUS(status)}


def wait_briefly(pid: int, seconds: float) -> int | None:
    """The exit status of child ``pid`` if it exits within ``seconds``."""
    fd = os.pidfd_open(pid)
    try:
        if select.select([fd], [], [], seconds)[0]:
            return os.waitpid(pid, 0)[1]
    finally:
        os.close(fd)
    return None
