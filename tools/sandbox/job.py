"""What runs inside the sandbox's job processes: the script stage and the measure stage.

The **script stage** runs the untrusted script (screened here, under the job's limits, never
in the zygote) and writes only its BREP. The **measure stage** is a fresh process forked from
the zygote that never ran the script: it reads that BREP, checks it holds a solid, measures it
and exports STEP / STL / GLB. So a script that patches CadQuery (``cq.Shape.Volume = ...``)
or overrides ``Solids()`` cannot forge a volume, a validity or a solid count: the objects it
could patch are gone before anything is measured.

Each stage writes exactly one JSON document to its result pipe and exits with ``os._exit``;
the host validates it against ``payload.schema.json`` before believing any of it.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
import traceback

from .guards import OutputLimitError, RefusedError, restricted_globals
from ..part import measure as part_measure  # imported with the job module: a job reads no project file
from .hints import hint_for
from .payload import MESSAGE_CAP, cap_text

SCRIPT_FILENAME = "<script>"
SCRIPT_FILE = ".script.py"  # written into the job folder by the host; never seen by the zygote


def _script_line(tb) -> int | None:
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_filename == SCRIPT_FILENAME:
            line = lineno
    return line


def _error(kind: str, message: str, line=None, exception=None, hint=None) -> dict:
    message = cap_text(str(message), MESSAGE_CAP)
    if hint is None and kind in ("runtime", "recursion", "not_a_solid"):
        hint = hint_for(exception, message)
    exception = exception[:200] if isinstance(exception, str) else None
    return {"type": kind, "message": message, "line": line if isinstance(line, int) else None,
            "hint": hint, "exception": exception}


def _text_of(exc: BaseException, name: str) -> str:
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a script's exception with a hostile __str__
        return name
    return (text[: MESSAGE_CAP * 2].strip() or name) if isinstance(text, str) else name


def error_from_exception(exc: BaseException) -> dict:
    name = type(exc).__name__
    line = _script_line(exc.__traceback__)
    message = _text_of(exc, name)
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


def _screen_error(sr) -> dict:
    if sr.syntax_error:
        line, msg = sr.syntax_error
        return _error("syntax", msg, line, "SyntaxError",
                      "Fix the Python syntax at that line; the script must be plain Python 3.")
    message = "; ".join(str(r) for r in sr.refusals)
    return _error("refused", message, sr.refusals[0].line, None,
                  "Scripts may import only cadquery, math, numpy and a few standard helpers, "
                  "and may not touch files, processes, the network or object internals.")


def _compile(req: dict, source: str):
    """The screened code object, or an error payload (screening runs here, in the job)."""
    if not req.get("screen", True):
        try:
            return compile(source, SCRIPT_FILENAME, "exec"), None
        except (SyntaxError, ValueError) as exc:
            return None, _error("syntax", str(exc), getattr(exc, "lineno", None), "SyntaxError")
    from .screen import screen

    sr = screen(source, SCRIPT_FILENAME)
    return (sr.code, None) if sr.ok else (None, _screen_error(sr))


def run_script(req: dict, source: str) -> dict:
    """Script stage: screen, run, turn `result` into a shape and write its BREP. No measuring."""
    from ..geometry.shapes import NotASolidError, to_shape

    sink: list[str] = []
    cap = int(req["limits"]["output_kb"]) * 1024
    payload = {"stage": "script", "ok": False, "stdout": "", "run_ms": 0.0}
    code, error = _compile(req, source)
    if error:
        payload["error"] = error
        return payload
    if req.get("screen", True):
        glb = restricted_globals(sink, cap)
    else:  # trusted code (tests of the confinement layer): plain builtins, real print
        glb = {"__name__": "__cadquery_script__"}
        sys.stdout = io.StringIO()
    t0 = time.perf_counter()
    try:
        exec(code, glb)  # noqa: S102 - screened by RestrictedPython, confined by the job process
        error = None
    except BaseException as exc:  # noqa: BLE001 - every failure of the script is data
        error = error_from_exception(exc)
    payload["run_ms"] = (time.perf_counter() - t0) * 1000
    if isinstance(sys.stdout, io.StringIO):
        sink.append(sys.stdout.getvalue()[:cap])
        sys.stdout = sys.__stdout__
    payload["stdout"] = "".join(sink)[:cap]
    if error:
        payload["error"] = error
        return payload
    if "result" not in glb:
        payload["error"] = _error("no_result", "the script did not define `result`; assign the final "
                                  "part to a variable named result (e.g. result = cq.Workplane()"
                                  ".box(10, 10, 10))")
        return payload
    try:
        shape = to_shape(glb["result"])
        tmp = f".tmp-{os.getpid()}-{req['stem']}.brep"
        shape.exportBrep(tmp)
        os.replace(tmp, f"{req['stem']}.brep")
    except NotASolidError as exc:
        payload["error"] = _error("not_a_solid", str(exc), exception="NotASolidError")
        return payload
    except BaseException as exc:  # noqa: BLE001 - kernel failures while writing the BREP
        payload["error"] = error_from_exception(exc)
        return payload
    payload["ok"] = True
    return payload


def run_measure(req: dict, protections: list[str]) -> dict:
    """Measure stage (a process that never ran the script): BREP -> checks, measures, exports."""
    from ..geometry.export import export
    from ..geometry.report import measure
    from ..geometry.shapes import NotASolidError, load_shape, to_shape

    stem = req["stem"]
    payload = {"stage": "measure", "ok": False, "protections": protections}
    t0 = time.perf_counter()
    try:
        if not os.path.isfile(f"{stem}.brep") or os.path.islink(f"{stem}.brep"):
            raise NotASolidError("the script stage left no BREP of the result")
        shape = to_shape(load_shape(f"{stem}.brep"))
        report = measure(shape)
        export(shape, ".", stem, req.get("exports", []))
    except NotASolidError as exc:
        payload["error"] = _error("not_a_solid", str(exc), exception="NotASolidError")
        return payload
    except BaseException as exc:  # noqa: BLE001 - kernel failures while measuring / exporting
        payload["error"] = error_from_exception(exc)
        return payload
    report_dict = report.to_dict()
    for key in ("problems", "warnings"):
        report_dict[key] = [cap_text(p, 2048) for p in report_dict[key][:64]]
    payload.update(ok=True, report=report_dict, geometry_ms=(time.perf_counter() - t0) * 1000)
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


def answer(result_fd: int, payload: dict) -> None:
    """Write the one JSON answer of this process."""
    data = json.dumps(payload).encode()
    with os.fdopen(result_fd, "wb") as out:
        out.write(data)
