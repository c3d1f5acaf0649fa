"""What each sandbox protection costs, measured one by one in forked children of this
(warm) process, the way a job process applies them. Printed by ``cadagent bench sandbox``."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from cadagent.tools.sandbox import isolate, jobdir, payload
from cadagent.tools.sandbox.confine import Limits, apply_landlock, apply_rlimits, current_vm_bytes, read_only_paths

STEPS = ("rlimits", "landlock", "drop privileges (user, caps, keyring)", "seccomp load",
         "namespaces (PID, IPC, UTS, net; spare, off the clock)")


def _child_times(job_dir: str, readable: list[str], flt) -> list[float]:
    times = []
    t = time.perf_counter()
    apply_rlimits(Limits(), current_vm_bytes())
    times.append(time.perf_counter())
    apply_landlock(job_dir, readable)
    times.append(time.perf_counter())
    isolate.drop_privileges()
    times.append(time.perf_counter())
    isolate.load_seccomp(flt)
    times.append(time.perf_counter())
    return [(b - a) * 1000 for a, b in zip([t, *times], times)]


def _fork_measure(job_dir: str, readable: list[str], flt) -> list[float]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            t0 = time.perf_counter()
            ns = isolate.unshare_namespaces()
            ns_ms = (time.perf_counter() - t0) * 1000 if ns else 0.0
            os.chdir(job_dir)
            out = [*_child_times(job_dir, readable, flt), ns_ms]
            os.write(w, json.dumps(out).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = os.read(r, 4096)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def protection_costs(repeats: int = 7) -> dict[str, float]:
    """Median milliseconds of each step (``seccomp build`` is paid once per zygote)."""
    readable = read_only_paths()
    t0 = time.perf_counter()
    flt, _ = isolate.build_seccomp()
    build_ms = (time.perf_counter() - t0) * 1000
    root = Path(tempfile.mkdtemp(prefix="cadagent-costs-"))
    rows: list[list[float]] = []
    check, listing, fork = [], [], []
    try:
        for i in range(repeats):
            job = root / f"job{i}"
            job.mkdir()
            owner = jobdir.hand_over(job, *(isolate.job_user() or (None, None)))
            t1 = time.perf_counter()
            rows.append(_fork_measure(str(job), readable, flt))
            fork.append((time.perf_counter() - t1) * 1000)
            for name in ("part.brep", "part.step"):
                (job / name).write_bytes(b"x" * 1000)
            t2 = time.perf_counter()
            jobdir.take_back(job, owner)
            jobdir.artifacts(job, "part", ["brep", "step"], 1 << 30)
            listing.append((time.perf_counter() - t2) * 1000)
            answers = [json.dumps({"stage": "script", "ok": True, "stdout": "", "run_ms": 1.0}),
                       json.dumps({"stage": "measure", "ok": True, "protections": ["x"] * 15,
                                   "geometry_ms": 1.0, "report": _REPORT})]
            t3 = time.perf_counter()
            payload.parse(answers[0], "script", 1 << 20)
            payload.parse(answers[1], "measure", 1 << 20)
            check.append((time.perf_counter() - t3) * 1000)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    costs = {step: statistics.median(r[k] for r in rows) for k, step in enumerate(STEPS)}
    costs["schema check of both answers (host)"] = statistics.median(check)
    costs["job folder hand-over, take-back, listing (host)"] = statistics.median(listing)
    costs["seccomp filter build (once per zygote)"] = build_ms
    costs["fork of this process (for scale)"] = statistics.median(fork)
    return costs


_REPORT = {"valid": True, "problems": [], "warnings": [], "solids": 1, "shells": 1, "faces": 6,
           "edges": 12, "vertices": 8, "volume": 1000.0, "area": 600.0, "bbox_min": [0, 0, 0],
           "bbox_max": [10, 10, 10], "center_of_mass": [5, 5, 5], "size": [10, 10, 10]}
