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
import re
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

from ..results import ExecError, ExecResult
from . import jobdir
from .confine import Limits
from .isolate import job_user
from .job import SCRIPT_FILE
from .verdict import call_answer, script_result

# Only these variables reach the zygote (and so the untrusted jobs): never API keys.
_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
             "PYTHONPATH", "VIRTUAL_ENV", "LD_LIBRARY_PATH")
_STARTUP_TIMEOUT_S = 120.0
_GRACE_S = 10.0  # extra time the zygote gets over the job timeout before we give up on it
DEFAULT_EXPORTS = ("step", "stl", "glb")
EXPORT_FORMATS = frozenset(DEFAULT_EXPORTS)
_STEM = re.compile(r"[A-Za-z0-9_-]{1,64}")
_JOB_NAME = re.compile(r"job-[0-9a-f]{32}")
_INPUT_SUFFIXES = (".brep", ".step", ".stp", ".stl", ".glb", ".json")  # files a call may read
# Job folders in the shared temp root (a Sandbox made without ``jobs_root``: scripts, benchmarks, tests) are
# scratch: callers copy what they keep. Folders older than this are removed when a Sandbox starts there (the
# workspace's own jobs/ folder is pruned by agent.pruning under the [storage] settings instead).
TEMP_JOB_MAX_AGE_S = 6 * 3600.0


def default_jobs_root() -> Path:
    return Path(tempfile.gettempdir()) / f"cadagent-jobs-{os.getuid()}"


def sweep_old_jobs(root: Path, max_age_s: float = TEMP_JOB_MAX_AGE_S) -> int:
    """Remove ``job-*`` folders under ``root`` untouched for ``max_age_s``; returns how many went.
    Only folders directly under ``root`` whose names match a job's are touched (never a link)."""
    cutoff = time.time() - max_age_s
    removed = 0
    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0
    for entry in entries:
        if not _JOB_NAME.fullmatch(entry.name):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime > cutoff:
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def default_workers() -> int:
    """Warm zygotes by default: one per core, at most four."""
    return max(1, min(os.cpu_count() or 1, 4))


class SandboxUnavailable(RuntimeError):
    """The sandbox could not start or stopped answering (our problem, not the script's)."""


class _NotSent(SandboxUnavailable):
    """The request could not even be written: the worker was already gone."""


def _clean_env() -> dict[str, str]:
    env = {k: os.environ[k] for k in _ENV_KEEP if k in os.environ}
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1", HOME=tempfile.gettempdir())
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["CADAGENT_SANDBOX_PARENT"] = str(os.getpid())  # the zygote exits when we die
    return env


class _Zygote:
    """One warm parent process and its JSON-lines channel."""

    def __init__(self, log_path: Path) -> None:
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cadagent.tools.sandbox.zygote"], stdin=subprocess.PIPE,
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
            raise _NotSent(f"sandbox worker is gone: {exc}") from exc
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

    def __init__(self, limits: Limits | None = None, workers: int | None = 1,
                 jobs_root: Path | str | None = None) -> None:
        self.limits = limits or Limits()
        self.workers = max(1, int(workers)) if workers else default_workers()
        root = Path(jobs_root) if jobs_root else default_jobs_root()
        root.mkdir(parents=True, exist_ok=True)
        self.jobs_root = root.resolve()
        if not jobs_root:  # the shared temp root: nobody else prunes it (71,000 folders, 6 GB, were left there)
            sweep_old_jobs(self.jobs_root)
        self._idle: queue.Queue[_Zygote | None] = queue.Queue()
        for _ in range(self.workers):
            self._idle.put(None)  # started lazily
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._all: list[_Zygote] = []
        self.restarts = 0
        self.protections: list[str] = []  # what the last started worker's jobs get
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
                self.protections = list(z.info.get("protections") or [])
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
        for attempt in (1, 2):
            z = self._acquire()
            try:
                resp = z.request(req, timeout + self.grace_s)
                break
            except _NotSent:  # it died while idle: the job never started, so a fresh one may run it
                self._discard(z)
                if attempt == 2:
                    raise
            except SandboxUnavailable:
                self._discard(z)
                raise
        if resp.get("replace"):  # the zygote failed its health check after this job
            self._discard(z)
        else:
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
        exports = list(exports)
        bad = [f for f in exports if f not in EXPORT_FORMATS]
        if bad or not _STEM.fullmatch(stem):
            raise ValueError(f"exports must be among {sorted(EXPORT_FORMATS)} (got {bad}) and stem "
                             f"letters, digits, '_' or '-' (got {stem!r})")
        limits = self._limits(timeout)
        size = len(source.encode("utf-8", "replace"))
        if size > limits.max_script_kb * 1024:
            return ExecResult(ok=False, error=ExecError(
                "refused", f"the script is {size / 1024:.0f} KiB; the limit is {limits.max_script_kb} "
                "KiB", hint="Write the part with loops and functions instead of long literal data."))
        job_dir = Path(out_dir) if out_dir else self.new_job_dir()
        job_dir.mkdir(parents=True, exist_ok=True)
        job_dir = job_dir.resolve()
        for fmt in ("brep", *EXPORT_FORMATS):  # a stale result must never pass for this job's
            (job_dir / f"{stem}.{fmt}").unlink(missing_ok=True)
        script = job_dir / SCRIPT_FILE
        script.unlink(missing_ok=True)
        fd = os.open(script, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(source)
        req = {"id": next(self._ids), "kind": "script", "screen": screen, "job_dir": str(job_dir),
               "limits": asdict(limits), "exports": exports, "stem": stem}
        try:
            owner = jobdir.hand_over(job_dir, *(job_user() or (None, None)))
        except (OSError, ValueError) as exc:
            script.unlink(missing_ok=True)
            return ExecResult(ok=False, error=ExecError(
                "internal", f"cannot hand the job folder {job_dir} to the job user: {exc}",
                hint="Use an output folder on a local disk that you own."))
        try:
            resp = self._roundtrip(req, 2 * limits.timeout_s)
        except SandboxUnavailable as exc:
            resp = {"status": "internal", "message": str(exc)}
        finally:
            script.unlink(missing_ok=True)
            jobdir.take_back(job_dir, owner)
        result = script_result(resp, limits, job_dir, stem, exports)
        if not result.protections:  # a job that failed before its measure stage
            result.protections = list(self.protections)
        result.elapsed_ms = (time.perf_counter() - t0) * 1000
        return result

    def call(self, func: str, args: dict, *, timeout: float | None = None) -> dict:
        """Run a trusted tool function (``iou``, ``best_iou``, ``measure``) in a job.

        Input files named in ``args`` are copied into the job's own folder first (the job can
        read nothing else). Returns ``{"ok": True, "value": ...}`` or ``{"ok": False, "error":
        {...}}``."""
        limits = self._limits(timeout)
        job_dir = self.new_job_dir().resolve()
        try:
            args = dict(args)
            for key, value in list(args.items()):
                if (isinstance(value, (str, Path)) and Path(value).suffix.lower() in _INPUT_SUFFIXES
                        and Path(value).is_file()):
                    name = f"in-{len(key)}-{re.sub(r'[^A-Za-z0-9_]', '_', key)}{Path(value).suffix.lower()}"
                    shutil.copyfile(value, job_dir / name)
                    args[key] = name
            req = {"id": next(self._ids), "kind": "call", "func": func, "args": args,
                   "job_dir": str(job_dir), "limits": asdict(limits)}
            owner = jobdir.hand_over(job_dir, *(job_user() or (None, None)))
            try:
                resp = self._roundtrip(req, limits.timeout_s)
            except SandboxUnavailable as exc:
                resp = {"status": "internal", "message": str(exc)}
            jobdir.take_back(job_dir, owner)
            return call_answer(resp, limits)
        finally:
            shutil.rmtree(job_dir, ignore_errors=True)

    def _limits(self, timeout: float | None) -> Limits:
        if timeout is None:
            return self.limits
        return Limits(**{**asdict(self.limits), "timeout_s": float(timeout)})
