"""The host builds a job's :class:`ExecResult` from checked answers and its own listing.

Nothing here takes a path, a measurement or a protection from the untrusted script stage:
its answer (schema-checked) gives only what it printed, how long it ran and how it failed.
The report and the list of active protections come from the measure stage, a process that
never ran the script; the artifacts come from the host listing the job folder.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ..results import ExecError, ExecResult, GeometryReport
from . import jobdir, payload
from .confine import Limits
from .hints import hint_for

_DEATH_STATES = ("timeout", "crash", "output_limit", "disk_limit", "internal")


def death_error(resp: dict, limits: Limits) -> ExecError:
    status = resp.get("status")
    stage = " while measuring the result" if resp.get("stage") == "measure" else ""
    if status == "timeout":
        return ExecError("timeout", f"the job was stopped after {limits.timeout_s:g} s "
                         f"(wall-clock or CPU limit){stage}",
                         hint="Simplify the part (fewer features, no huge patterns) or look for "
                              "an endless loop; a boolean on degenerate geometry can also hang.")
    if status == "crash":
        sig = resp.get("signal_name") or resp.get("signal")
        what = f"signal {sig}" if sig else f"exit code {resp.get('exit_code')}"
        return ExecError("crash", f"the job process died ({what}) without a result{stage}",
                         hint="The CAD kernel crashed or the memory limit "
                              f"({limits.memory_mb} MiB) was hit; degenerate geometry (zero-size "
                              "features, self-intersecting sketches) is a common cause.")
    if status in ("output_limit", "disk_limit"):
        return ExecError("output_limit", payload.cap_text(str(resp.get("message", status)), 500),
                         hint="Print less and build one part; scripts may not write files.")
    return ExecError("internal", payload.cap_text(str(resp.get("message", f"unexpected sandbox "
                                                                        f"answer: {resp}")), 2000))


def _error(doc: dict) -> ExecError | None:
    err = doc.get("error")
    if not err:
        return None
    error = ExecError(type=err["type"], message=err["message"], line=err.get("line"),
                      hint=err.get("hint"), exception=err.get("exception"))
    if error.hint is None:
        error.hint = hint_for(error.exception, error.message)
    return error


def _fail(error: ExecError, **kw) -> ExecResult:
    return ExecResult(ok=False, error=error, **kw)


def script_result(resp: dict, limits: Limits, job_dir: Path, stem: str, exports) -> ExecResult:
    """The result of a script job: two checked answers + the host's listing of ``job_dir``."""
    if resp.get("status") != "done":
        return _fail(death_error(resp, limits))
    cap = limits.output_kb * 2048 + (256 << 10)
    try:
        first = payload.parse(resp.get("script", ""), "script", cap)
    except payload.BadPayload as exc:
        return _fail(ExecError("internal", str(exc)))
    base = {"stdout": first["stdout"][: limits.output_kb * 1024], "run_ms": first["run_ms"]}
    error = _error(first)
    if error or not first["ok"]:
        return _fail(error or ExecError("internal", "the script stage failed without saying why"),
                     **base)
    second = resp.get("measure")
    if isinstance(second, dict):  # the measure stage died: timeout, crash, ...
        return _fail(death_error(second, limits), **base)
    if second is None and not limits.fresh_measure and first.get("measure"):
        second = first["measure"]  # measured by the script's own process (fresh_measure off)
    else:
        try:
            second = payload.parse(second or "", "measure", cap)
        except payload.BadPayload as exc:
            return _fail(ExecError("internal", str(exc)), **base)
    error = _error(second)
    if error or not second.get("report"):
        return _fail(error or ExecError("internal", "the measure stage gave no report"), **base,
                     protections=second["protections"])
    max_bytes = limits.disk_mb << 20
    files = jobdir.artifacts(job_dir, stem, ["brep", *exports], max_bytes)
    missing = [f for f in ["brep", *exports] if f not in files]
    if missing:
        return _fail(ExecError("internal", f"the job folder holds no plain {', '.join(missing)} "
                               "file for the result"), **base)
    return ExecResult(ok=True, report=GeometryReport.from_dict(second["report"]),
                      geometry_ms=second.get("geometry_ms", 0.0), shape_file=files.pop("brep"),
                      artifacts=files, protections=second["protections"], **base)


def call_answer(resp: dict, limits: Limits) -> dict:
    if resp.get("status") != "done":
        return {"ok": False, "error": asdict(death_error(resp, limits))}
    try:
        return payload.parse(resp.get("payload", ""), "call", limits.output_kb * 2048 + (256 << 10))
    except payload.BadPayload as exc:
        return {"ok": False, "error": {"type": "internal", "message": str(exc), "line": None,
                                       "hint": None, "exception": None}}
