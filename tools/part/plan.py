"""Resolve a spec's features to plain geometry: the face frame, the (u, v) points, the hole
diameter from the tables, the copies a pattern makes. Shared by the rules, the compiler and the
expectations, so all three agree on where everything is."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import tables
from .features import PLACED, Hole, LinearPattern, PolarPattern, Rib
from .geometry import Shape, body_shape
from .placement import Frame, clean, face_frame, points


@dataclass
class Resolved:
    feature: object
    frame: Frame | None = None
    points: list = field(default_factory=list)   # (u, v) on the frame
    diameter: float | None = None                # holes
    size_note: str = ""                          # "M5 clearance (normal, ISO 273)"
    source: object = None                        # patterns: the resolved feature they copy


def hole_diameter(size) -> tuple[float, str]:
    if isinstance(size, (int, float)):
        return float(size), ""
    return tables.hole_diameter(size)


def pattern_points(p, base_pts) -> list:
    out = []
    for k in range(1, p.count):
        if isinstance(p, LinearPattern):
            out += [(u + k * p.step[0], v + k * p.step[1]) for u, v in base_pts]
        else:
            a = math.radians(p.angle * k / (p.count if p.angle >= 360 else p.count - 1))
            cu, cv = p.center
            out += [(cu + (u - cu) * math.cos(a) - (v - cv) * math.sin(a),
                     cv + (u - cu) * math.sin(a) + (v - cv) * math.cos(a)) for u, v in base_pts]
    return clean(out)


def resolve(spec, shape: Shape | None = None) -> list[Resolved]:
    """One :class:`Resolved` per feature, in order. Raises KeyError for unknown table sizes or
    pattern targets (the rules turn those into problems first)."""
    shape = shape or body_shape(spec.body)
    done: dict[str, Resolved] = {}
    out = []
    for f in spec.features:
        r = Resolved(f)
        if isinstance(f, PLACED):
            r.frame = face_frame(shape, f.on)
            r.points = clean(points(f.at, r.frame))
            if isinstance(f, Hole):
                r.diameter, r.size_note = hole_diameter(f.size)
        elif isinstance(f, Rib):
            r.frame = face_frame(shape, f.on)
            r.points = [((f.start[0] + f.end[0]) / 2, (f.start[1] + f.end[1]) / 2)]   # its middle
        elif isinstance(f, (LinearPattern, PolarPattern)):
            src = done[f.feature]
            r.source, r.frame, r.diameter, r.size_note = src, src.frame, src.diameter, src.size_note
            r.points = pattern_points(f, src.points)
        done[f.id] = r
        out.append(r)
    return out


def resolve_dict(spec: dict) -> list[Resolved]:
    """:func:`resolve` for a spec still in dict form (an edit being worked out). Raises ValueError
    (a SpecError among them) when the spec does not parse, or names a size or pattern target that
    does not exist."""
    from .validation import parse

    try:
        return resolve(parse(spec))
    except KeyError as exc:
        raise ValueError(f"unknown size or pattern target {exc}") from exc


def resolve_feature(spec: dict, fid: str) -> Resolved:
    """Where one feature of a dict spec lies (its frame and points). ValueError when the spec does
    not parse or has no feature ``fid``."""
    for r in resolve_dict(spec):
        if r.feature.id == fid:
            return r
    raise ValueError(f"no feature {fid!r}")
