"""The warm parent ("zygote"): imports CadQuery once, then forks the processes that run jobs.

Run as ``python -m cadagent.tools.sandbox.zygote``. It speaks JSON lines on stdin / stdout with the
caller (:mod:`tools.sandbox.pool`). It never runs kernel work itself (a parent that has run
OCCT booleans has worker threads, and a child forked from it can deadlock), and it never sees
a script: the host writes it into the job folder and the job process screens it. A job is a
script stage (:func:`spare.script_spare`) then a measure stage (:func:`spare.measure_spare`),
each in a process forked ahead of time; the zygote forwards their raw answers, which the host
validates. It enforces the wall-clock limit and the job's disk budget, and after every job it
checks its own health (limits, nice value, threads): a zygote that a job managed to change
answers ``replace`` and exits. It exits when its parent dies (a pidfd watchdog).
"""

from __future__ import annotations

import gc
import json
import os
import resource
import select
import shutil
import signal
import struct
import sys
import tempfile
import time

from . import isolate, spare
from .confine import current_vm_bytes, landlock_abi, read_only_paths
from .collect import DRAIN_S, ParentGone, collect, death, wait_briefly
from .warm import preload as _preload, sweep_spare_dirs, thread_count as _thread_count, warm_up as _warm_up

MAX_LINE = 1 << 20          # a request line from the host
_RLIMITS = [getattr(resource, n) for n in dir(resource) if n.startswith("RLIMIT_")]


def _health() -> tuple:
    return (tuple(resource.getrlimit(r) for r in _RLIMITS), os.getpriority(os.PRIO_PROCESS, 0),
            _thread_count())


class Zygote:
    """Forks jobs. A script spare and a measure spare are always forked ahead, waiting for
    their job on a pipe, so a request pays neither the fork nor the namespace set-up."""

    def __init__(self, keep_fds: tuple[int, ...] = (), parent_fd: int | None = None) -> None:
        self.base_vm = current_vm_bytes()
        self.readable = read_only_paths()
        self.seccomp, self.seccomp_skipped = isolate.build_seccomp()
        self.pending: set[int] = set()
        self.keep_fds = keep_fds
        self.parent_fd = parent_fd
        self.spares: dict[str, tuple | None] = {"script": None, "measure": None}
        self.healthy = _health()

    def _reap(self) -> None:
        for pid in list(self.pending):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.pending.discard(pid)

    def _fork(self, kind: str) -> tuple:
        if _thread_count() > 1:
            raise RuntimeError("the zygote has worker threads; refusing to fork (restart it)")
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        ctl_r, ctl_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            spare.close_fds_except((job_r, res_w, ctl_w))
            if kind == "script":
                spare.script_spare(job_r, res_w, ctl_w, self.base_vm, self.readable, self.seccomp)
            os.close(ctl_w)
            spare.measure_spare(job_r, res_w, self.base_vm, self.readable, self.seccomp)
        for fd in (job_r, res_w, ctl_w):
            os.close(fd)
        if kind == "script":
            head = os.read(ctl_r, 4096)  # the warden's job pid and namespaces
            inner = struct.unpack("<i", head[:4])[0] if len(head) >= 4 else pid
            namespaces = json.loads(head[4:] or b"[]")
        else:
            inner, namespaces = pid, []
        os.close(ctl_r)
        return pid, inner, job_w, res_r, namespaces

    def prepare(self) -> None:
        """Fork the next spares now, while nobody waits for them."""
        self._reap()
        for kind in ("script", "measure"):
            if self.spares[kind] is None:
                self.spares[kind] = self._fork(kind)

    def kill_spares(self) -> None:
        for kind, sp in self.spares.items():
            if sp is not None:
                for pid in (sp[1], sp[0]):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                self.spares[kind] = None

    def handle(self, req: dict) -> dict:
        kind = req.get("kind")
        if kind == "script":
            first = self._run("script", req, float(req["limits"]["timeout_s"]))
            if first["status"] != "done":
                return first
            resp = {"status": "done", "script": first["answer"], "job_ms": first["job_ms"]}
            if not _says_ok(first["answer"]) or not req["limits"].get("fresh_measure", True):
                return resp
            measure_req = {**req, "kind": "measure", "namespaces": first["namespaces"]}
            second = self._run("measure", measure_req, float(req["limits"]["timeout_s"]))
            resp["measure"] = second.get("answer") if second["status"] == "done" else second
            resp["stage_ms"] = [first["job_ms"], second["job_ms"]]
            resp["job_ms"] += second["job_ms"]
            return resp
        if kind in ("call", "probe"):
            out = self._run("measure", req, float(req["limits"]["timeout_s"]))
            if out["status"] == "done":
                return {"status": "done", "payload": out["answer"], "job_ms": out["job_ms"]}
            return out
        return {"status": "internal", "message": f"unknown request kind {kind!r}"}

    def _run(self, kind: str, req: dict, timeout: float) -> dict:
        if self.spares[kind] is None:
            self.spares[kind] = self._fork(kind)
        pid, inner, job_w, r, namespaces = self.spares[kind]
        self.spares[kind] = None
        t0 = time.monotonic()
        body = json.dumps(req).encode()
        try:
            spare_write(job_w, struct.pack("<Q", len(body)) + body)
        except OSError:
            pass  # the spare died: _collect reports it as a crash
        finally:
            os.close(job_w)
        limits = req["limits"]
        cap = int(limits["output_kb"]) * 2048 + (256 << 10)
        budget = int(limits.get("disk_mb", 256)) << 20
        status = None
        try:
            data, state = collect(pid, r, t0 + timeout, cap, req["job_dir"], budget, self.parent_fd)
            if state == "crash":  # let the warden die as its job died, to tell how
                status = wait_briefly(pid, DRAIN_S)
        finally:
            os.close(r)
            for victim in (inner, pid):
                try:
                    os.kill(victim, signal.SIGKILL)  # the job's namespace dies with its PID 1
                except OSError:
                    pass
            try:
                os.killpg(inner, signal.SIGKILL)  # without a PID namespace: its process group
            except OSError:
                pass
        elapsed = (time.monotonic() - t0) * 1000
        if state == "done":
            self.pending.add(pid)  # reaped later, off the hot path
            return {"status": "done", "answer": data.decode("utf-8", "replace"), "job_ms": elapsed,
                    "namespaces": namespaces}
        if status is None:
            _, status = os.waitpid(pid, 0)
        return {"status": state, "job_ms": elapsed, "stage": kind,
                **death(status, state, timeout, cap, budget)}

    def probe(self) -> list[str]:
        """The protections a job gets on this system (a confined process says what it applied)."""
        job_dir = tempfile.mkdtemp(prefix="cadagent-probe-")
        try:
            if isolate.job_user():
                os.chown(job_dir, *isolate.job_user())
            out = self.handle({"kind": "probe", "job_dir": job_dir, "limits": {
                "timeout_s": 30.0, "output_kb": 64, "disk_mb": 1, "max_script_kb": 1}})
            found = json.loads(out.get("payload") or "{}").get("value", {}).get("protections", [])
        except (ValueError, AttributeError, OSError):
            found = []
        finally:
            shutil.rmtree(job_dir, ignore_errors=True)
        self.prepare()
        return [*found, *(self.spares["script"] or [None] * 5)[4]]

    def health_problem(self) -> str | None:
        now = _health()
        if now == self.healthy:
            return None
        names = ["resource limits", "nice value", "thread count"]
        changed = [n for n, a, b in zip(names, self.healthy, now) if a != b]
        return "the sandbox worker's " + " and ".join(changed) + " changed during the job"


def _says_ok(answer: str) -> bool:
    try:
        return json.loads(answer).get("ok") is True
    except (ValueError, AttributeError, RecursionError):
        return False


def spare_write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _parent_pidfd() -> int | None:
    expected = os.environ.get("CADAGENT_SANDBOX_PARENT")
    if not expected:
        return None
    if os.getppid() != int(expected):
        sys.exit("zygote: the parent is already gone")
    return os.pidfd_open(int(expected))


def _lines(fd: int, parent_fd: int | None):
    """Request lines from the host; ends on EOF or when the parent dies."""
    buf = b""
    watch = [fd] + ([parent_fd] if parent_fd is not None else [])
    while True:
        ready, _, _ = select.select(watch, [], [])
        if parent_fd in ready:
            return
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line
        if len(buf) > MAX_LINE:
            buf = b""
            yield b"{}"


def main() -> None:
    proto_in = os.dup(0)
    proto_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # stray prints of libraries go to the log, never into the protocol
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller owns our lifetime
    os.chdir("/")
    parent_fd = _parent_pidfd()
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.path.abspath(tempfile.gettempdir())]
    _preload()
    sweep_spare_dirs()
    warm = "--no-warm-up" not in sys.argv
    if warm:
        _warm_up()
        if _thread_count() > 1:  # never fork from a threaded parent: start again, cold
            print("zygote: warm-up started threads; restarting without warm-up", file=sys.stderr)
            os.execv(sys.executable, [sys.executable, "-m", "cadagent.tools.sandbox.zygote", "--no-warm-up"])
    zygote = Zygote(keep_fds=(proto_in, proto_out.fileno()), parent_fd=parent_fd)
    # Everything imported so far is permanent: a collection in a job would otherwise walk
    # (and so copy-on-write) every object of the warm interpreter, ~50 ms per job.
    gc.collect()
    gc.freeze()

    def send(obj: dict) -> None:
        proto_out.write(json.dumps(obj).encode() + b"\n")
        proto_out.flush()

    zygote.prepare()
    send({"ready": True, "protections": zygote.probe(), "pid": os.getpid(), "landlock_abi": landlock_abi(),
          "python": sys.version.split()[0], "warm_up": warm, "threads": _thread_count(),
          "seccomp": zygote.seccomp is not None, "job_user": isolate.job_user()})
    try:
        for line in _lines(proto_in, parent_fd):
            req = None
            try:
                req = json.loads(line)
                resp = zygote.handle(req)
            except ParentGone:
                break
            except Exception as exc:  # noqa: BLE001 - a bad request must not kill the zygote
                resp = {"status": "internal", "message": f"{type(exc).__name__}: {exc}"}
            resp["id"] = req.get("id") if isinstance(req, dict) else None
            problem = zygote.health_problem()
            if problem:
                resp = {"status": "internal", "id": resp["id"], "replace": True,
                        "message": f"{problem}; the worker was replaced and this job's result "
                                   "discarded (the script tried to tamper with the sandbox)"}
            del req, line  # nothing of this request may reach the next spare
            send(resp)
            del resp
            if problem:
                break
            try:
                zygote.prepare()
            except Exception as exc:  # noqa: BLE001 - the next request will report it
                print(f"zygote: cannot prepare the next job: {exc}", file=sys.stderr)
    finally:
        zygote.kill_spares()


if __name__ == "__main__":
    main()
