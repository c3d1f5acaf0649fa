"""The warm parent ("zygote"): imports CadQuery once, then forks one child per job.

Run as ``python -m tools.sandbox.zygote``. It speaks JSON lines on stdin / stdout with the
caller (:mod:`tools.sandbox.pool`). It never runs kernel work itself: a parent that has
run OCCT booleans has worker threads, and a child forked from it can deadlock. It screens
the script (pure Python), forks, and enforces the wall-clock limit with a pidfd, killing
the job's whole process group when time is up.
"""

from __future__ import annotations

import json
import marshal
import os
import select
import shutil
import signal
import struct
import sys
import tempfile
import time

from .confine import current_vm_bytes, landlock_abi, read_only_paths
from .job import spare_main
from .screen import screen

MAX_PAYLOAD = 8 * 1024 * 1024
_SIGNAL_TEXT = {
    signal.SIGSEGV: "segmentation fault", signal.SIGABRT: "abort", signal.SIGBUS: "bus error",
    signal.SIGFPE: "floating point exception", signal.SIGILL: "illegal instruction",
}


def _preload() -> None:
    """Import everything a job needs, so a job pays no import (and reads no new files)."""
    import cadquery  # noqa: F401
    import OCP.BOPAlgo  # noqa: F401
    import OCP.BRepCheck  # noqa: F401

    from ..geometry import export, iou, report, shapes  # noqa: F401
    from . import guards, hints  # noqa: F401

    hints._rules()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _warm_up() -> None:
    """Pay the kernel's and CadQuery's first-call costs once, here, instead of in every job.

    Only operations that start no OCCT worker threads (no booleans, no meshing): a parent
    with threads can hand a deadlocked lock to its forked children. Checked by the caller.
    """
    import cadquery as cq

    from ..geometry.report import measure
    from ..geometry.shapes import to_shape

    tmp = tempfile.mkdtemp(prefix="cadagent-warmup-")
    try:
        wp = (cq.Workplane("XY").box(10, 10, 10).faces(">Z").workplane()
              .rect(5, 5, forConstruction=True).vertices())
        for shape in (to_shape(cq.Workplane("XY").box(10, 10, 10)),
                      to_shape(cq.Workplane("XY").circle(5).extrude(3)),
                      to_shape(cq.Workplane("XY").polyline([(0, 0), (4, 0), (4, 3)]).close()
                               .extrude(2))):
            measure(shape)
            shape.exportBrep(os.path.join(tmp, "w.brep"))
            cq.exporters.export(shape, os.path.join(tmp, "w.step"), exportType="STEP")
        del wp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _screen_error(sr) -> dict:
    if sr.syntax_error:
        line, msg = sr.syntax_error
        return {"type": "syntax", "message": msg, "line": line, "exception": "SyntaxError",
                "hint": "Fix the Python syntax at that line; the script must be plain Python 3."}
    first = sr.refusals[0]
    message = "; ".join(str(r) for r in sr.refusals)
    return {"type": "refused", "message": message, "line": first.line, "exception": None,
            "hint": "Scripts may import only cadquery, math, numpy and a few standard helpers, "
                    "and may not touch files, processes, the network or object internals."}


class Zygote:
    """Forks jobs. One job process is always forked ahead ("spare"), waiting for its job on
    a pipe, so a request pays neither the fork nor the namespace set-up."""

    def __init__(self, keep_fds: tuple[int, ...] = ()) -> None:
        self.base_vm = current_vm_bytes()
        self.readable = read_only_paths()
        self.pending: set[int] = set()
        self.keep_fds = keep_fds  # our protocol fds: closed in every job
        self.spare: tuple[int, int, int] | None = None

    def _reap(self) -> None:
        for pid in list(self.pending):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.pending.discard(pid)

    def prepare(self) -> None:
        """Fork the next job process now, while nobody waits for it."""
        self._reap()
        if self.spare is not None:
            return
        if _thread_count() > 1:
            raise RuntimeError("the zygote has worker threads; refusing to fork (restart it)")
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the job process, waiting for its job
            os.close(job_w)
            os.close(res_r)
            for fd in self.keep_fds:
                os.close(fd)
            spare_main(job_r, res_w, self.base_vm, self.readable)
        os.close(job_r)
        os.close(res_w)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        self.spare = (pid, job_w, res_r)

    def handle(self, req: dict) -> dict:
        code = None
        if req["kind"] == "script":
            sr = screen(req["source"]) if req.get("screen", True) else None
            if sr is not None and not sr.ok:
                return {"status": "done", "payload": {"ok": False, "error": _screen_error(sr),
                                                      "stdout": "", "run_ms": 0.0}}
            code = sr.code if sr is not None else compile(req["source"], "<script>", "exec")
        return self._dispatch_and_wait(req, code)

    def _dispatch_and_wait(self, req: dict, code) -> dict:
        timeout = float(req["limits"]["timeout_s"])
        self.prepare()
        pid, job_w, r = self.spare
        self.spare = None
        t0 = time.monotonic()
        body = json.dumps(req).encode()
        blob = marshal.dumps(code) if code is not None else b""
        try:
            os.write(job_w, struct.pack("<QQ", len(body), len(blob)))
            _write_all(job_w, body + blob)
        except OSError:
            pass  # the spare died: _collect reports it as a crash
        finally:
            os.close(job_w)
        data, state = self._collect(pid, r, t0 + timeout)
        os.close(r)
        try:
            os.killpg(pid, signal.SIGKILL)  # stray grandchildren die with the job
        except OSError:
            pass
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        elapsed = (time.monotonic() - t0) * 1000
        if state == "done":
            self.pending.add(pid)  # reaped later, off the hot path
            try:
                return {"status": "done", "payload": json.loads(data), "job_ms": elapsed}
            except ValueError:
                state = "crash"
        _, status = os.waitpid(pid, 0)
        return {"status": state, "job_ms": elapsed, **self._death(status, state, timeout)}

    def _collect(self, pid: int, r: int, deadline: float) -> tuple[bytes, str]:
        pidfd = os.pidfd_open(pid)
        buf = bytearray()
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return bytes(buf), "timeout"
                ready, _, _ = select.select([r, pidfd], [], [], remaining)
                if r in ready:
                    chunk = os.read(r, 1 << 16)
                    if not chunk:
                        return bytes(buf), ("done" if buf else "crash")
                    buf += chunk
                    if len(buf) > MAX_PAYLOAD:
                        return b"", "crash"
                elif pidfd in ready:
                    # exited; drain what it wrote (the pipe end is closed by the exit)
                    while True:
                        chunk = os.read(r, 1 << 16)
                        if not chunk:
                            break
                        buf += chunk
                    return bytes(buf), ("done" if buf else "crash")
        finally:
            os.close(pidfd)

    @staticmethod
    def _death(status: int, state: str, timeout: float) -> dict:
        if state == "timeout":
            return {"signal": None, "timeout_s": timeout}
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU:
                return {"status": "timeout", "signal": int(sig), "timeout_s": timeout}
            return {"signal": int(sig), "signal_name": _SIGNAL_TEXT.get(sig, signal.Signals(sig).name)}
        return {"signal": None, "exit_code": os.WEXITSTATUS(status)}


def main() -> None:
    proto_in = os.fdopen(os.dup(0), "rb")
    proto_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # stray prints of libraries go to the log, never into the protocol
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller owns our lifetime
    os.chdir("/")
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.path.abspath(tempfile.gettempdir())]
    _preload()
    warm = "--no-warm-up" not in sys.argv
    if warm:
        _warm_up()
        if _thread_count() > 1:  # never fork from a threaded parent: start again, cold
            print("zygote: warm-up started threads; restarting without warm-up", file=sys.stderr)
            os.execv(sys.executable, [sys.executable, "-m", "tools.sandbox.zygote", "--no-warm-up"])
    zygote = Zygote(keep_fds=(proto_in.fileno(), proto_out.fileno()))

    def send(obj: dict) -> None:
        proto_out.write(json.dumps(obj).encode() + b"\n")
        proto_out.flush()

    send({"ready": True, "pid": os.getpid(), "landlock_abi": landlock_abi(),
          "python": sys.version.split()[0], "warm_up": warm, "threads": _thread_count()})
    for line in proto_in:
        req = None
        try:
            req = json.loads(line)
            resp = zygote.handle(req)
        except Exception as exc:  # noqa: BLE001 - a bad request must not kill the zygote
            resp = {"status": "internal", "message": f"{type(exc).__name__}: {exc}"}
        resp["id"] = req.get("id") if isinstance(req, dict) else None
        send(resp)
        try:
            zygote.prepare()
        except Exception as exc:  # noqa: BLE001 - the next request will report it
            print(f"zygote: cannot prepare the next job: {exc}", file=sys.stderr)


if __name__ == "__main__":
    main()
