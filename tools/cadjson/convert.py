"""DeepCAD / Fusion 360 Gallery reconstruction JSON → our minimal CAD JSON (in millimetres).

Both share the shape: ``entities`` (Sketch with ``profiles`` → ``loops`` →
``profile_curves`` Line3D / Arc3D / Circle3D in sketch coordinates plus a ``transform``;
ExtrudeFeature with ``extent_one`` / ``extent_two``, ``extent_type`` and ``operation``) and
an order (``timeline`` in Fusion 360 Gallery, ``sequence`` in DeepCAD).
Units: DeepCAD is in metres, Fusion 360 Gallery in centimetres; we write millimetres.
"""

from __future__ import annotations

import math

import numpy as np

from .model import Frame
from .validate import Problem

TO_MM = {"m": 1000.0, "cm": 10.0, "mm": 1.0, "in": 25.4}
OPERATION_ALIASES = {"NewComponentFeatureOperation": "NewBodyFeatureOperation"}


def detect_format(doc) -> str | None:
    """'minimal', 'fusion360' or 'deepcad' (None when it is none of them)."""
    if not isinstance(doc, dict):
        return None
    if "parts" in doc:
        return "minimal"
    if isinstance(doc.get("entities"), dict) and ("sequence" in doc or "timeline" in doc):
        return "fusion360" if ("timeline" in doc or "metadata" in doc) else "deepcad"
    return None


def _rounder(digits: int | None):
    """Round to ``digits`` decimals (None: keep full precision); never emit -0.0."""
    if digits is None:
        return lambda v: float(v) + 0.0
    return lambda v: round(float(v), digits) + 0.0


def _xyz(d: dict) -> np.ndarray:
    return np.array([float(d["x"]), float(d["y"]), float(d["z"])])


def _curve(c: dict, s: float, counters: dict, _r) -> tuple[str, dict]:
    kind = c["type"]
    if kind == "Line3D":
        counters["line"] += 1
        a, b = _xyz(c["start_point"]) * s, _xyz(c["end_point"]) * s
        return f"line_{counters['line']}", {"Start Point": [_r(a[0]), _r(a[1])], "End Point": [_r(b[0]), _r(b[1])]}
    if kind == "Circle3D":
        counters["circle"] += 1
        ctr = _xyz(c["center_point"]) * s
        return f"circle_{counters['circle']}", {"Center": [_r(ctr[0]), _r(ctr[1])], "Radius": _r(c["radius"] * s)}
    if kind == "Arc3D":
        counters["arc"] += 1
        ctr = _xyz(c["center_point"])
        ref = _xyz(c["reference_vector"])[:2]
        ref = ref / (np.linalg.norm(ref) or 1.0)
        mid_angle = (float(c["start_angle"]) + float(c["end_angle"])) / 2
        rot = np.array([[math.cos(mid_angle), -math.sin(mid_angle)], [math.sin(mid_angle), math.cos(mid_angle)]])
        mid = (ctr[:2] + rot @ ref * float(c["radius"])) * s
        a, b = _xyz(c["start_point"]) * s, _xyz(c["end_point"]) * s
        return f"arc_{counters['arc']}", {"Start Point": [_r(a[0]), _r(a[1])], "Mid Point": [_r(mid[0]), _r(mid[1])],
                                          "End Point": [_r(b[0]), _r(b[1])]}
    raise ValueError(f"unsupported curve type {kind!r} (expected Line3D, Arc3D or Circle3D)")


def _frame(transform: dict, s: float, path: str, problems: list[Problem], _r) -> tuple[dict, np.ndarray]:
    x, y, z = (_xyz(transform[k]) for k in ("x_axis", "y_axis", "z_axis"))
    m = np.column_stack([x, y, z])
    err = np.abs(m.T @ m - np.eye(3)).max()
    if err > 1e-6 or np.linalg.det(m) < 0:
        problems.append(Problem(f"{path}.transform", "the sketch frame is not orthonormal and right-handed",
                                "unit, mutually perpendicular x/y/z axes with z = x × y",
                                f"deviation {err:.2g}, det {np.linalg.det(m):.3g}",
                                "fix the sketch transform", severity="error"))
    origin = _xyz(transform["origin"]) * s
    return {"Euler Angles": list(Frame.euler_from_axes(x, y, z)),
            "Translation Vector": [_r(v) for v in origin]}, z


SYMMETRIC_READINGS = ("each", "split")


def _extent(feature: dict, s: float, path: str, problems: list[Problem],
            symmetric: str = "each") -> tuple[float, float]:
    """(towards, opposite) in mm from a DeepCAD / Fusion extrude feature.

    A symmetric extent puts its distance on each side (``each``: what the files' own bounding
    boxes show); ``split`` halves it over both sides, as Text2CAD's annotations read it (their
    stated heights equal the distance, e.g. sample 00549207: 27.5 mm, box 55 mm)."""
    kind = feature.get("extent_type", "OneSideFeatureExtentType")
    one = float(feature["extent_one"]["distance"]["value"]) * s
    for key in ("extent_one", "extent_two"):
        taper = feature.get(key, {}).get("taper_angle", {}).get("value", 0.0)
        if taper:
            problems.append(Problem(f"{path}.{key}.taper_angle", "tapered extrusions are not supported; "
                                    "the taper is ignored", "0", str(taper),
                                    "expect straight walls in the result", severity="warning"))
    if kind == "SymmetricFeatureExtentType":
        side = abs(one) / 2 if symmetric == "split" else abs(one)
        return side, side
    if kind == "TwoSidesFeatureExtentType":
        two = float(feature["extent_two"]["distance"]["value"]) * s
        lo, hi = sorted((-two, one))
    else:
        lo, hi = sorted((0.0, one))
    return hi, -lo


def to_minimal(doc: dict, units: str | None = None, digits: int | None = 6,
               symmetric: str = "each") -> tuple[dict | None, list[Problem]]:
    """Convert; ``units`` overrides the format's default (DeepCAD m, Fusion 360 cm).

    Numbers are rounded to ``digits`` decimals of a millimetre (None: full precision).
    ``symmetric``: how a symmetric extent is read (see ``_extent``)."""
    if symmetric not in SYMMETRIC_READINGS:
        raise ValueError(f"symmetric must be one of {', '.join(SYMMETRIC_READINGS)}, not {symmetric!r}")
    return _to_minimal(doc, units, _rounder(digits), symmetric)


def _to_minimal(doc: dict, units: str | None, _r, symmetric: str = "each") -> tuple[dict | None, list[Problem]]:
    fmt = detect_format(doc)
    if fmt not in ("deepcad", "fusion360"):
        return None, [Problem("$", "not a DeepCAD / Fusion 360 reconstruction document",
                              "top-level 'entities' and 'sequence' (or 'timeline')", _keys(doc))]
    units = units or ("cm" if fmt == "fusion360" else "m")
    if units not in TO_MM:
        return None, [Problem("$", f"unknown source unit {units!r}", ", ".join(TO_MM), units)]
    s = TO_MM[units]
    entities = doc["entities"]
    order = doc.get("timeline") or doc.get("sequence") or []
    problems: list[Problem] = []
    parts: dict = {}
    seen = set()
    for step in order:
        eid = step.get("entity") if isinstance(step, dict) else None
        ent = entities.get(eid) if eid else None
        if not ent or eid in seen or ent.get("type") != "ExtrudeFeature":
            if ent and ent.get("type") not in ("Sketch", "ExtrudeFeature"):
                problems.append(Problem(f"$.entities.{eid}", f"feature type {ent.get('type')!r} is not "
                                        "supported and was skipped", "Sketch or ExtrudeFeature",
                                        ent.get("type"), severity="warning"))
            continue
        seen.add(eid)
        path = f"$.entities.{eid}"
        try:
            towards, opposite = _extent(ent, s, path, problems, symmetric)
            op = OPERATION_ALIASES.get(ent["operation"], ent["operation"])
            by_sketch: dict[str, list[str]] = {}
            for ref in ent["profiles"]:
                by_sketch.setdefault(ref["sketch"], []).append(ref["profile"])
            for sketch_id, profile_ids in by_sketch.items():
                sketch = entities[sketch_id]
                cs, normal = _frame(sketch["transform"], s, f"$.entities.{sketch_id}", problems, _r)
                start = ent.get("start_extent", {})
                if start.get("type") == "OffsetStartDefinition":
                    off = float(start["offset"]["value"]) * s
                    cs["Translation Vector"] = [_r(v + off * n) for v, n in zip(cs["Translation Vector"], normal)]
                faces = {}
                for fi, pid in enumerate(profile_ids, 1):
                    loops = {}
                    for li, loop in enumerate(sketch["profiles"][pid]["loops"], 1):
                        counters = {"line": 0, "arc": 0, "circle": 0}
                        loops[f"loop_{li}"] = dict(_curve(c, s, counters, _r) for c in loop["profile_curves"])
                    faces[f"face_{fi}"] = loops
                name = f"part_{len(parts) + 1}"
                parts[name] = {
                    "coordinate_system": cs,
                    "sketch": faces,
                    "extrusion": {"extrude_depth_towards_normal": _r(towards),
                                  "extrude_depth_opposite_normal": _r(opposite),
                                  "sketch_scale": 1.0, "operation": op},
                    "description": {"name": ent.get("name", name), "source_entity": eid},
                }
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            problems.append(Problem(path, f"cannot read this feature: {type(exc).__name__}: {exc}",
                                    "a complete ExtrudeFeature with its sketch profiles", "",
                                    "check the entity and the sketch it references"))
    if not parts and not any(p.severity == "error" for p in problems):
        problems.append(Problem("$", "no extrude features found", "at least one ExtrudeFeature", "none"))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return {"units": "mm", "source": {"format": fmt, "units": units}, "parts": parts}, problems


def _keys(doc) -> str:
    return ", ".join(list(doc)[:8]) if isinstance(doc, dict) else type(doc).__name__
