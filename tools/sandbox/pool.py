"""The caller's side of the sandbox: a small pool of warm zygotes.

``Sandbox.run_script(source)`` returns an :class:`~tools.results.ExecResult`, never
raises for anything the script does. A zygote that stops answering is killed and
replaced; the job in flight gets an ``internal`` error result and the next job runs.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict
from pathlib import Path

from ..results import ExecError, ExecResult, GeometryReport
from .confine import Limits
from .hints import hint_for

# Only these variables reach the zygote (and so the untrusted jobs): never API keys.
_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
             "PYTHONPATH", "VIRTUAL_ENV", "LD_LIBRARY_PATH")
_STARTUP_TIMEOUT_S = 120.0
_GRACE_S = 10.0  # extra time the zygote gets over the job timeout before we give up on it
DEFAULT_EXPORTS = ("step", "stl", "glb")


class SandboxUnavailable(RuntimeError):
    """The sandbox could not start or stopped answering (our problem, not the script's)."""


def _clean_env() -> dict[str, str]:
    env = {k: os.environ[k] for k in _ENV_KEEP if k in os.environ}
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1", HOME=tempfile.gettempdir())
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class _Zygote:
    """One warm parent process and its JSON-lines channel."""

    def __init__(self, log_path: Path) -> None:
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tools.sandbox.zygote"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self.log, env=_clean_env(), start_new_session=True,
            cwd=tempfile.gettempdir())
        self._buf = b""
        self.info = self._read_line(_STARTUP_TIMEOUT_S)
        if not self.info.get("ready"):
            raise SandboxUnavailable(f"sandbox worker did not start: {self.info}")

    def _read_line(self, timeout: float) -> dict:
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SandboxUnavailable(f"sandbox worker did not answer within {timeout:.0f} s")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise SandboxUnavailable(
                        f"sandbox worker exited (code {self.proc.poll()}); see {self.log.name}")
                self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line)

    def request(self, req: dict, timeout: float) -> dict:
        try:
            self.proc.stdin.write(json.dumps(req).encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise SandboxUnavailable(f"sandbox worker is gone: {exc}") from exc
        return self._read_line(timeout)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.proc.stdin, self.proc.stdout, self.log):
            try:
                stream.close()
            except OSError:
                pass


class Sandbox:
    """A pool of ``workers`` warm zygotes; thread-safe; each job in its own forked process."""

    def __init__(self, limits: Limits | None = None, workers: int = 1,
                 jobs_root: Path | str | None = None) -> None:
        self.limits = limits or Limits()
        self.workers = max(1, int(workers))
        root = Path(jobs_root) if jobs_root else Path(tempfile.gettempdir()) / f"cadagent-jobs-{os.getuid()}"
        root.mkdir(parents=True, exist_ok=True)
        self.jobs_root = root.resolve()
        self._idle: queue.Queue[_Zygote | None] = queue.Queue()
        for _ in range(self.workers):
            self._idle.put(None)  # started lazily
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._all: list[_Zygote] = []
        self.restarts = 0
        self.grace_s = _GRACE_S

    # -- lifecycle -------------------------------------------------------------------
    def warm(self) -> Sandbox:
        """Start every worker now (otherwise the first job pays the start, ~2 s)."""
        held = [self._acquire() for _ in range(self.workers)]
        for z in held:
            self._idle.put(z)
        return self

    def close(self) -> None:
        with self._lock:
            for z in self._all:
                z.kill()
            self._all.clear()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _acquire(self) -> _Zygote:
        z = self._idle.get()
        if z is not None and not z.alive():
            self._discard_dead(z)
            z = None
        if z is None:
            try:
                z = _Zygote(self.jobs_root / "sandbox.log")
            except BaseException:
                self._idle.put(None)
                raise
            with self._lock:
                self._all.append(z)
        return z

    def _discard_dead(self, z: _Zygote) -> None:
        z.kill()
        with self._lock:
            if z in self._all:
                self._all.remove(z)
            self.restarts += 1

    def _discard(self, z: _Zygote) -> None:
        self._discard_dead(z)
        self._idle.put(None)

    def _roundtrip(self, req: dict, timeout: float) -> dict:
        z = self._acquire()
        try:
            resp = z.request(req, timeout + self.grace_s)
        except SandboxUnavailable:
            self._discard(z)
            raise
        self._idle.put(z)
        return resp

    # -- jobs ------------------------------------------------------------------------
    def new_job_dir(self) -> Path:
        path = self.jobs_root / f"job-{uuid.uuid4().hex}"
        path.mkdir(parents=True)
        return path

    def run_script(self, source: str, out_dir: Path | str | None = None, *,
                   timeout: float | None = None, exports=DEFAULT_EXPORTS, stem: str = "part",
                   screen: bool = True) -> ExecResult:
        """Run an untrusted CadQuery script. ``screen=False`` is for trusted code only
        (tests of the confinement layer); the process limits and Landlock still apply."""
        t0 = time.perf_counter()
        job_dir = Path(out_dir) if out_dir else self.new_job_dir()
        job_dir.mkdir(parents=True, exist_ok=True)
        limits = self._limits(timeout)
        req = {"id": next(self._ids), "kind": "script", "source": source, "screen": screen,
               "job_dir": str(job_dir.resolve()), "limits": asdict(limits),
               "exports": list(exports), "stem": stem}
        try:
            resp = self._roundtrip(req, limits.timeout_s)
        except SandboxUnavailable as exc:
            return ExecResult(ok=False, error=ExecError("internal", str(exc)),
                              elapsed_ms=(time.perf_counter() - t0) * 1000)
        result = _to_result(resp, limits)
        result.elapsed_ms = (time.perf_counter() - t0) * 1000
        return result

    def call(self, func: str, args: dict, *, timeout: float | None = None) -> dict:
        """Run a trusted tool function (``iou``, ``best_iou``, ``measure``) in a job.

        Returns ``{"ok": True, "value": ...}`` or ``{"ok": False, "error": {...}}``."""
        limits = self._limits(timeout)
        job_dir = self.new_job_dir()
        try:
            files = [str(Path(v).resolve()) for v in args.values()
                     if isinstance(v, (str, Path)) and Path(v).is_file()]
            req = {"id": next(self._ids), "kind": "call", "func": func, "args": args,
                   "job_dir": str(job_dir), "limits": asdict(limits), "read_paths": files}
            try:
                resp = self._roundtrip(req, limits.timeout_s)
            except SandboxUnavailable as exc:
                return {"ok": False, "error": asdict(ExecError("internal", str(exc)))}
            if resp.get("status") == "done":
                return resp["payload"]
            return {"ok": False, "error": asdict(_death_error(resp, limits))}
        finally:
            shutil.rmtree(job_dir, ignore_errors=True)

    def _limits(self, timeout: float | None) -> Limits:
        if timeout is None:
            return self.limits
        return Limits(**{**asdict(self.limits), "timeout_s": float(timeout)})


def _death_error(resp: dict, limits: Limits) -> ExecError:
    status = resp.get("status")
    if status == "timeout":
        return ExecError("timeout", f"the job was stopped after {limits.timeout_s:g} s "
                         "(wall-clock or CPU limit)",
                         hint="Simplify the part (fewer features, no huge patterns) or look for "
                              "an endless loop; a boolean on degenerate geometry can also hang.")
    if status == "crash":
        sig = resp.get("signal_name") or resp.get("signal")
        what = f"signal {sig}" if sig else f"exit code {resp.get('exit_code')}"
        return ExecError("crash", f"the job process died ({what}) without a result",
                         hint="The CAD kernel crashed or the memory limit "
                              f"({limits.memory_mb} MiB) was hit; degenerate geometry (zero-size "
                              "features, self-intersecting sketches) is a common cause.")
    return ExecError("internal", resp.get("message", f"unexpected sandbox answer: {resp}"))


def _to_result(resp: dict, limits: Limits) -> ExecResult:
    if resp.get("status") != "done":
        return ExecResult(ok=False, error=_death_error(resp, limits))
    p = resp["payload"]
    err = p.get("error")
    error = ExecError(**err) if err else None
    if error and error.hint is None:
        error.hint = hint_for(error.exception, error.message)
    return ExecResult(
        ok=bool(p.get("ok")) and error is None,
        error=error,
        stdout=p.get("stdout", ""),
        run_ms=p.get("run_ms", 0.0),
        geometry_ms=p.get("geometry_ms", 0.0),
        report=GeometryReport.from_dict(p["report"]) if p.get("report") else None,
        shape_file=Path(p["shape_file"]) if p.get("shape_file") else None,
        artifacts={k: Path(v) for k, v in (p.get("artifacts") or {}).items()},
        protections=list(p.get("protections") or []),
    )
