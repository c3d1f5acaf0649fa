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

KEYS = ("holes", "fillets", "chamfers", "min_wall", "cavities", "hollow")   # cavities: a cup's inside, which no hole is
EPS = 0.05     # mm: a bore as long as the part is through, whatever the measurer's rim test said


def expected(plan: dict | None) -> dict:
    """The feature promises of a plan (an empty dict when it asks for none)."""
    exp = (plan or {}).get("features_expected") or {}
    return {k: exp[k] for k in KEYS if exp.get(k)}


def spec_promises(spec: dict | None) -> dict:
    """What a part spec promises, as a plan-like dict: its extents (sorted, where its bbox is exact), its volume
    (where exact) and its features (holes sized by a screw table left out: they may be drilled fine, normal or
    coarse). An edit made on the spec is checked with this, so the measured part must show the change."""
    from ..tools.part import expectations, validate

    if not spec:
        return {}
    part, problems = validate(spec)
    if part is None or any(p.severity == "error" for p in problems):
        return {}
    e = expectations(part)
    out: dict = {}
    if e.get("bbox_exact"):
        out["extents"] = sorted(round(hi - lo, 6) for lo, hi in zip(e["bbox_min"], e["bbox_max"]))
    if e.get("volume_exact") and e.get("volume"):
        out["volume"] = e["volume"]
    table_sized = {f["id"] for f in spec.get("features", []) if isinstance(f.get("size"), str)}
    feats = {}
    for key in KEYS:
        v = e.get(key)
        if key == "holes" and v and any(set(h.get("features", ())) & table_sized for h in v):
            continue
        if v:
            feats[key] = v
    out["features_expected"] = feats
    return out


def solids_problems(solids: int, bodies) -> list[str]:
    """A part that is more separate solids than asked (``bodies``: how many the plan asks for, or "any"): a slot
    across a whole bar cuts it in two, never a part made as asked."""
    if solids > 1 and bodies != "any" and solids != bodies:
        return [f"{solids} separate solids; " + ("a single part was expected" if bodies == 1 else f"{bodies} were expected")]
    return []


def volume_problems(plan: dict, exec_result: dict, rel: float = 0.02) -> list[str]:
    """The measured volume against the plan's exact one (within ``rel``)."""
    want = (plan or {}).get("volume")
    got = ((exec_result or {}).get("report") or {}).get("volume")
    if not want or not isinstance(got, (int, float)) or abs(got - want) <= rel * want:
        return []
    return [f"volume is {got:,.0f} mm³, the part spec gives {want:,.0f} mm³"]


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
        measured = measure_file(sandbox, shape, thickness=bool(exp.get("min_wall") or exp.get("hollow")))
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
