"""Grounded, deterministic explanations of a CAD JSON document.

The facts come from the document (what each sketch is, where it sits, how it is extruded)
and from the measured solid (overall size, volume, bodies). An LLM may rephrase the text
later; it never has to invent a number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from ..results import GeometryReport, thousands
from .model import CadDoc, Part
from .shapes2d import classify, describe_face, fmt

_AXES = {(1, 0, 0): "+X", (-1, 0, 0): "-X", (0, 1, 0): "+Y", (0, -1, 0): "-Y", (0, 0, 1): "+Z", (0, 0, -1): "-Z"}
_PLANES = {"Z": "XY", "Y": "XZ", "X": "YZ"}
_EFFECT = {"NewBodyFeatureOperation": "adds a new body", "JoinFeatureOperation": "adds material",
           "CutFeatureOperation": "removes material", "IntersectFeatureOperation": "keeps only the overlap"}


@dataclass
class Explanation:
    summary: str
    steps: list[str]
    facts: dict = field(default_factory=dict)

    def text(self, level: str = "steps") -> str:
        if level == "short":
            return self.summary
        return self.summary + "\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(self.steps, 1))

    def to_dict(self) -> dict:
        return asdict(self)


def _axis(v: np.ndarray) -> str | None:
    key = tuple(int(round(x)) for x in v)
    return _AXES.get(key) if np.allclose(v, key, atol=1e-6) else None


def _dir_text(v: np.ndarray) -> str:
    return _axis(v) or "(" + ", ".join(fmt(x) for x in v) + ")"


def _interval_along(part: Part, axis: int) -> tuple[float, float]:
    n = part.frame.normal
    o = float(np.dot(part.frame.origin, np.eye(3)[axis]))
    sign = float(np.sign(n[axis]))
    a, b = o - sign * part.extrusion.opposite, o + sign * part.extrusion.towards
    return min(a, b), max(a, b)


def _through(part: Part, report: GeometryReport | None) -> bool | None:
    """Does this cut pass through the whole part along its direction? (None: cannot tell)."""
    ax = _axis(part.frame.normal)
    if report is None or ax is None:
        return None
    i = "XYZ".index(ax[1])
    lo, hi = _interval_along(part, i)
    eps = 1e-6 * max(abs(v) for v in (*report.bbox_min, *report.bbox_max, 1.0))
    return lo <= report.bbox_min[i] + eps and hi >= report.bbox_max[i] - eps


def _extrusion_text(part: Part, unit: str) -> str:
    ex, n = part.extrusion, part.frame.normal
    if ex.towards and ex.opposite:
        if abs(ex.towards - ex.opposite) < 1e-9:
            return f"extruded {fmt(ex.towards)} {unit} each way along {_dir_text(n)} / {_dir_text(-n)} " \
                   f"({fmt(ex.length)} {unit} in total, symmetric)"
        return f"extruded {fmt(ex.towards)} {unit} along {_dir_text(n)} and {fmt(ex.opposite)} {unit} along " \
               f"{_dir_text(-n)}"
    if ex.towards:
        return f"extruded {fmt(ex.towards)} {unit} along {_dir_text(n)}"
    return f"extruded {fmt(ex.opposite)} {unit} along {_dir_text(-n)}"


def _plane_text(part: Part, unit: str) -> str:
    n, o = part.frame.normal, part.frame.origin
    ax = _axis(n)
    where = "(" + ", ".join(fmt(v) for v in o) + f") {unit}"
    if ax:
        plane = _PLANES[ax[1]]
        offset = o["XYZ".index(ax[1])]
        return f"on the {plane} plane at {ax[1].lower()} = {fmt(offset)} {unit} (normal {ax}, origin {where})"
    return f"on a plane through {where} with normal {_dir_text(n)}"


def _noun(part: Part) -> str:
    face = part.faces[0]
    info = classify(face.outer)
    holes = [classify(h) for h in face.holes]
    size = min(info.get("width", info.get("diameter", 0)) or 0, info.get("length", info.get("diameter", 0)) or 0)
    thin = part.extrusion.length < 0.25 * size if size else False
    kind = info["kind"]
    if kind == "circle":
        if len(holes) == 1 and holes[0]["kind"] == "circle":
            return "ring" if thin else "tube"
        return "disc" if thin else "cylinder"
    if kind in ("rectangle", "square"):
        return "plate" if thin else "block"
    if kind == "rounded rectangle":
        return "plate with rounded corners" if thin else "block with rounded corners"
    if kind.startswith("regular"):
        return f"{kind.split()[1]}al prism" if kind.endswith("gon") else f"{kind.split()[1]} prism"
    if kind == "slot":
        return "obround plate" if thin else "obround block"
    return "plate" if thin else "solid"


def explain(doc: CadDoc, report: GeometryReport | None = None) -> Explanation:
    unit = doc.units if doc.units not in (None, "unitless") else ""
    u = f" {unit}" if unit else ""
    steps, through, blind, added = [], [], [], 0
    for part in doc.parts:
        ex = part.extrusion
        shapes = "; ".join(describe_face(f, 1.0, unit) for f in part.faces)
        effect = _EFFECT[ex.operation]
        if part is doc.parts[0]:
            effect = "creates the first body"
        text = f"{part.name}: {shapes}, sketched {_plane_text(part, unit)}, {_extrusion_text(part, unit)}; " \
               f"it {effect}."
        if ex.operation == "CutFeatureOperation":
            is_through = _through(part, report)
            circles = [classify(f.outer) for f in part.faces if not f.holes and f.outer.is_circle]
            for c in circles:
                (through if is_through else blind).append(c["diameter"])
            if is_through is not None:
                text = text[:-1] + (" — it goes all the way through." if is_through
                                    else f" — a blind cut, {fmt(ex.length)}{u} deep.")
        elif ex.operation in ("JoinFeatureOperation", "NewBodyFeatureOperation") and part is not doc.parts[0]:
            added += 1
        for f in part.faces if ex.operation in ("NewBodyFeatureOperation", "JoinFeatureOperation") else []:
            through += [h["diameter"] for h in map(classify, f.holes) if h["kind"] == "circle"]
        steps.append(text)
    facts: dict = {"parts": len(doc.parts), "units": unit or None,
                   "operations": [p.extrusion.operation for p in doc.parts],
                   "through_holes": [round(d, 6) for d in through], "blind_holes": [round(d, 6) for d in blind]}
    intersected = any(p.extrusion.operation == "IntersectFeatureOperation" for p in doc.parts)
    noun = "solid" if intersected else _noun(doc.parts[0])
    if report is not None:
        sx, sy, sz = report.size
        facts.update(size=[sx, sy, sz], volume=report.volume, solids=report.solids, valid=report.is_valid_solid)
        summary = f"A {fmt(sx)} x {fmt(sy)} x {fmt(sz)}{u} {noun}"
    else:
        summary = f"A {noun}"
    features = []
    if through:
        ds = sorted({fmt(d) for d in through})
        features.append(f"{_count(len(through), 'through hole')} (Ø{', Ø'.join(ds)}{u})"
                        if len(through) > 1 else f"a {ds[0]}{u} through hole")
    if blind:
        ds = sorted({fmt(d) for d in blind})
        features.append(f"{_count(len(blind), 'blind hole')} (Ø{', Ø'.join(ds)}{u})")
    other_cuts = sum(1 for p in doc.parts if p.extrusion.operation == "CutFeatureOperation") - \
        sum(1 for p in doc.parts if p.extrusion.operation == "CutFeatureOperation"
            and all(f.outer.is_circle and not f.holes for f in p.faces))
    if other_cuts:
        features.append(_count(other_cuts, "cut-out"))
    if added:
        features.append(_count(added, "added feature"))
    if features:
        summary += " with " + ", ".join(features[:-1]) + (" and " if len(features) > 1 else "") + features[-1]
    if report is not None:
        vol = thousands(report.volume) if report.volume >= 100 else fmt(report.volume)
        bodies = "one solid body" if report.solids == 1 else f"{report.solids} separate solid bodies"
        summary += f": {bodies}, volume {vol}{u}³" if unit else f": {bodies}, volume {vol}"
        if not report.is_valid_solid:
            summary += " — but the measured solid is NOT valid (" + "; ".join(report.problems) + ")"
    summary += f", built in {_count(len(doc.parts), 'step')}."
    return Explanation(summary, steps, facts)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("s" if n != 1 else "")
