"""What runs inside one forked job process: confine, run, measure, export, answer.

The job writes exactly one JSON document to its result pipe and exits with ``os._exit``.
Every failure of the script becomes an error payload; the zygote turns a job that dies
without answering (killed, segfault) into an error payload too.
"""

from __future__ import annotations

import io
import json
import marshal
import os
import struct
import sys
import time
import traceback

from .confine import Limits, apply_landlock, apply_rlimits, unshare_network
from .guards import OutputLimitError, RefusedError, restricted_globals
from ..part import measure as part_measure  # imported with the job module: a job reads no project file
from .hints import hint_for

SCRIPT_FILENAME = "<script>"


def _script_line(tb) -> int | None:
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_filename == SCRIPT_FILENAME:
            line = lineno
    return line


def _error(kind: str, message: str, line=None, exception=None, hint=None) -> dict:
    if hint is None and kind in ("runtime", "recursion", "not_a_solid"):
        hint = hint_for(exception, message)
    return {"type": kind, "message": message, "line": line, "hint": hint, "exception": exception}


def error_from_exception(exc: BaseException) -> dict:
    name = type(exc).__name__
    line = _script_line(exc.__traceback__)
    message = str(exc).strip() or name
    if isinstance(exc, RefusedError):
        return _error("refused", message, line, name)
    if isinstance(exc, OutputLimitError):
        return _error("output_limit", message, line, name)
    if isinstance(exc, MemoryError):
        return _error("memory", "the script ran out of memory (memory limit reached)", line, name,
                      "Reduce the size of lists/arrays or the number of features.")
    if isinstance(exc, RecursionError):
        return _error("recursion", f"recursion too deep: {message}", line, name)
    if isinstance(exc, SystemExit):
        return _error("runtime", "the script tried to exit; it must end by assigning `result`",
                      line, name)
    return _error("runtime", message, line, name)


def confine(job_dir: str, limits: Limits, base_vm: int, readable: list[str]) -> list[str]:
    """Apply the job-specific protections (limits, Landlock); return what is active."""
    protections = apply_rlimits(limits, base_vm)
    try:
        protections += apply_landlock(job_dir, readable)
    except OSError as exc:
        protections.append(f"landlock unavailable: {exc}")
    return protections


def run_script(req: dict, code, protections: list[str]) -> dict:
    """Execute a screened code object and turn its `result` into a measured part."""
    from ..geometry.export import export
    from ..geometry.report import measure
    from ..geometry.shapes import NotASolidError, to_shape

    sink: list[str] = []
    cap = int(req["limits"]["output_kb"]) * 1024
    if req.get("screen", True):
        glb = restricted_globals(sink, cap)
    else:  # trusted code (tests of the confinement layer): plain builtins, real print
        glb = {"__name__": "__cadquery_script__"}
        sys.stdout = io.StringIO()
    payload = {"ok": False, "protections": protections}
    t0 = time.perf_counter()
    try:
        exec(code, glb)  # noqa: S102 - screened by RestrictedPython, confined by confine()
        error = None
    except BaseException as exc:  # noqa: BLE001 - every failure of the script is data
        error = error_from_exception(exc)
    payload["run_ms"] = (time.perf_counter() - t0) * 1000
    if isinstance(sys.stdout, io.StringIO):
        sink.append(sys.stdout.getvalue()[:cap])
        sys.stdout = sys.__stdout__
    payload["stdout"] = "".join(sink)
    if error:
        payload["error"] = error
        return payload
    if "result" not in glb:
        payload["error"] = _error("no_result", "the script did not define `result`; assign the final "
                                  "part to a variable named result (e.g. result = cq.Workplane()"
                                  ".box(10, 10, 10))")
        return payload
    t1 = time.perf_counter()
    try:
        shape = to_shape(glb["result"])
        report = measure(shape)
        formats = ["brep", *req.get("exports", [])]
        artifacts = export(shape, req["job_dir"], req.get("stem", "part"), formats)
    except NotASolidError as exc:
        payload["error"] = _error("not_a_solid", str(exc), exception="NotASolidError")
        return payload
    except BaseException as exc:  # noqa: BLE001 - kernel failures while measuring / exporting
        payload["error"] = error_from_exception(exc)
        return payload
    payload.update(ok=True, report=report.to_dict(), geometry_ms=(time.perf_counter() - t1) * 1000,
                   shape_file=str(artifacts.pop("brep")),
                   artifacts={k: str(v) for k, v in artifacts.items()})
    return payload


def run_call(req: dict) -> dict:
    """A trusted tool function (IoU, measuring a file) under the same limits."""
    from ..geometry import iou as iou_mod
    from ..geometry.report import measure
    from ..geometry.shapes import load_shape

    func, args = req["func"], req.get("args", {})
    try:
        if func in ("iou", "best_iou"):
            a, b = load_shape(args["a"]), load_shape(args["b"])
            res = (iou_mod.best_iou(a, b, normalize=bool(args.get("normalize")),
                                    align=str(args.get("align") or "rotate")) if func == "best_iou"
                   else iou_mod.iou(a, b))
            return {"ok": True, "value": res.to_dict()}
        if func == "measure":
            return {"ok": True, "value": measure(load_shape(args["path"])).to_dict()}
        if func == "part_measure":  # the feature measurer of tools/part (holes, fillets, walls)
            return {"ok": True, "value": part_measure.measure_features(
                load_shape(args["path"]), thickness=bool(args.get("thickness", True)))}
        return {"ok": False, "error": _error("internal", f"unknown tool function {func!r}")}
    except BaseException as exc:  # noqa: BLE001
        return {"ok": False, "error": error_from_exception(exc)}


def _read_exact(fd: int, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError("the zygote closed the job pipe")
        buf += chunk
    return bytes(buf)


def spare_main(job_fd: int, result_fd: int, base_vm: int, readable: list[str]) -> None:
    """Entry point of a forked-ahead job process: wait for the job, then run it. Never returns."""
    try:
        os.setpgid(0, 0)
        early = unshare_network()  # job-independent: done before the job arrives
        n_body, n_code = struct.unpack("<QQ", _read_exact(job_fd, 16))
        req = json.loads(_read_exact(job_fd, n_body))
        code = marshal.loads(_read_exact(job_fd, n_code)) if n_code else None
        os.close(job_fd)
    except BaseException:  # noqa: BLE001 - the zygote went away or gave up on us
        os._exit(0)
    child_main(req, code, result_fd, base_vm, readable, early)


def child_main(req: dict, code, result_fd: int, base_vm: int, readable: list[str],
               early: list[str] | None = None) -> None:
    """Run one job in this (forked) process. Never returns."""
    status = 0
    try:
        job_dir = req["job_dir"]
        os.chdir(job_dir)
        log = os.open(os.path.join(job_dir, ".job.log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        limits = Limits(**req["limits"])
        extra = [p for p in req.get("read_paths", []) if os.path.exists(p)]
        protections = confine(job_dir, limits, base_vm, [*readable, *extra]) + list(early or [])
        sys.setrecursionlimit(1500)
        if req["kind"] == "script":
            payload = run_script(req, code, protections)
        else:
            payload = run_call(req)
        data = json.dumps(payload).encode()
        with os.fdopen(result_fd, "wb") as out:
            out.write(data)
    except BaseException:  # noqa: BLE001 - last resort: the zygote reports a crash
        status = 70
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        os._exit(status)
