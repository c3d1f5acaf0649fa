"""The requested features checked against the measured part, for every provider.

The plan carries what the request asks for beyond sizes (``plan["features_expected"]``: holes by
size and kind, fillet radii, chamfer sizes, shell walls; see ``agent.plan``); the validate node
calls :func:`feature_problems` with the sandbox's result and gets one sentence per difference,
e.g. "asked 4 holes Ø5 through, found 3 Ø5 through and 1 Ø6 through". A plan that asks for no
feature gets no problem and no measuring."""

from __future__ import annotations

from pathlib import Path

from ..tools.part.compare import check
from ..tools.part.pipeline import measure_file

KEYS = ("holes", "fillets", "chamfers", "min_wall")
EPS = 0.05     # mm: a bore as long as the part is through, whatever the measurer's rim test said


def expected(plan: dict | None) -> dict:
    """The feature promises of a plan (an empty dict when it asks for none)."""
    exp = (plan or {}).get("features_expected") or {}
    return {k: exp[k] for k in KEYS if exp.get(k)}


def feature_problems(plan: dict, exec_result: dict, sandbox) -> list[str]:
    """What the part lacks of the requested features; [] when it has them all or none was asked."""
    exp = expected(plan)
    if not exp:
        return []
    if not isinstance(exec_result, dict) or not exec_result.get("ok"):
        return []            # no part: the size check already says so
    shape = exec_result.get("shape_file")
    if not isinstance(shape, str) or not shape or not Path(shape).is_file():
        return ["the part's shape file is missing: its features could not be measured"]
    try:
        measured = measure_file(sandbox, shape, thickness=bool(exp.get("min_wall")))
    except (RuntimeError, KeyError, TypeError, ValueError) as exc:
        return [f"measuring the part's features failed: {exc}"]
    if not isinstance(measured, dict):
        return ["measuring the part's features gave no result"]
    measured = _through_when_full_length(measured, exec_result)
    for key, default in (("holes", []), ("fillets", []), ("chamfers", [])):
        if not isinstance(measured.get(key), list):
            measured[key] = default
    return [p.message for p in check(exp, measured) if p.what in ("holes", "fillets", "chamfers", "walls")]


def _through_when_full_length(measured: dict, exec_result: dict) -> dict:
    """A hole as deep as the part is along its axis goes through (a tube's bore reads as blind
    when both rims are open faces)."""
    report = exec_result.get("report") or {}
    size = report.get("size") if isinstance(report, dict) else None
    holes = measured.get("holes")
    if not (isinstance(size, list) and len(size) == 3 and isinstance(holes, list)):
        return measured
    out = []
    for h in holes:
        if isinstance(h, dict) and not h.get("through") and isinstance(h.get("depth"), (int, float)):
            axis = h.get("axis")
            k = max(range(3), key=lambda i: abs(axis[i])) if isinstance(axis, (list, tuple)) and len(axis) == 3 else None
            if k is not None and isinstance(size[k], (int, float)) and h["depth"] >= size[k] - EPS:
                h = {**h, "through": True}
        out.append(h)
    return {**measured, "holes": out}
