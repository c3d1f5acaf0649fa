"""Closed-form facts about a spec's bodies (no CAD kernel): resolved sizes, bounding boxes,
volumes (exact where the solid is a prism, cylinder, cone, sphere or revolved polyline),
and the frames of the named faces that features are placed on."""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import tables
from .bodies import (Box, CadJsonBody, Compound, Cone, Cylinder, PolygonPrism, Profile, Revolve,
                     RoundedRect, Shaft, Sphere, SpurGear, Tube)

AXES = {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1), "-x": (-1, 0, 0), "-y": (0, -1, 0), "-z": (0, 0, -1)}


def resolved(body) -> dict:
    """The body's sizes with standard parts looked up (washers, nuts)."""
    d = body.model_dump(exclude={"id", "name", "kind"})
    if isinstance(body, Tube) and body.standard:
        w = tables.washer(body.size or "", body.standard)
        d.update(outer_diameter=w["d2"], inner_diameter=w["d1"], height=w["h"])
    if isinstance(body, PolygonPrism):
        if body.standard:
            n = tables.hex_nut(body.size or "", body.standard)
            d.update(sides=6, across_flats=n["s"], height=n["m"], bore=d.get("bore") or n["bore"])
        if d.get("across_flats") is None and d.get("across_corners") is not None:
            d["across_flats"] = d["across_corners"] * math.cos(math.pi / body.sides)
        if d.get("across_flats") is not None:
            d["across_corners"] = d["across_flats"] / math.cos(math.pi / body.sides)
    return d


def radius_over(body, z0: float, z1: float) -> tuple[float, bool]:
    """A round body's outside radius where a cut from z0 to z1 along its axis meets it (a shaft: its
    largest section there), and whether that radius holds over the whole range."""
    if isinstance(body, Shaft):
        z, radii = 0.0, set()
        for s in body.sections:
            if z < z1 and z0 < z + s.length:
                radii.add(s.diameter / 2)
            z += s.length
        return (max(radii), len(radii) == 1) if radii else (max(s.diameter for s in body.sections) / 2, False)
    d = resolved(body)
    return (d.get("diameter") or d["outer_diameter"]) / 2, True


def profile_outline(p: Profile) -> list[tuple[float, float]]:
    """The corner points of a straight-sided profile (L, T, U, C, I, Z), origin at the bbox centre."""
    w, h, t = p.width, p.height, p.thickness
    x0, y0 = -w / 2, -h / 2
    if p.shape == "L":
        pts = [(0, 0), (w, 0), (w, t), (t, t), (t, h), (0, h)]
    elif p.shape == "T":
        f = p.lip or t          # (the flange's own thickness when it differs from the web's)
        pts = [((w - t) / 2, 0), ((w + t) / 2, 0), ((w + t) / 2, h - f), (w, h - f), (w, h), (0, h),
               (0, h - f), ((w - t) / 2, h - f)]
    elif p.shape == "U":
        f = p.lip or t          # (the base's own thickness when it differs from the walls')
        pts = [(0, 0), (w, 0), (w, h), (w - t, h), (w - t, f), (t, f), (t, h), (0, h)]
    elif p.shape == "C":
        lip = p.lip or 2 * t
        pts = [(0, 0), (w, 0), (w, lip), (w - t, lip), (w - t, t), (t, t), (t, h - t), (w - t, h - t),
               (w - t, h - lip), (w, h - lip), (w, h), (0, h)]
    elif p.shape == "Z":
        a = p.lip if p.lip is not None else (w + t) / 2        # the top flange, to the web's outside face
        pts = [(a - t, 0), (w, 0), (w, t), (a, t), (a, h), (0, h), (0, h - t), (a - t, h - t)]
    elif p.shape == "I":
        tw = p.thickness
        tf = p.lip or t
        pts = [(0, 0), (w, 0), (w, tf), ((w + tw) / 2, tf), ((w + tw) / 2, h - tf), (w, h - tf), (w, h),
               (0, h), (0, h - tf), ((w - tw) / 2, h - tf), ((w - tw) / 2, tf), (0, tf)]
    else:
        raise ValueError(p.shape)
    return [(x + x0, y + y0) for x, y in pts]


def inner_corners(p: Profile) -> list[tuple[float, float]]:
    """The concave corners of an L, T or U section (where its walls meet inside), origin at the bbox centre."""
    w, h, t = p.width, p.height, p.thickness
    f = p.lip or t if p.shape in ("T", "U") else t
    pts = {"L": [(t, t)], "T": [((w - t) / 2, h - f), ((w + t) / 2, h - f)], "U": [(t, f), (w - t, f)]}.get(p.shape, [])
    return [(x - w / 2, y - h / 2) for x, y in pts]


def polygon_area(pts) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))) / 2


def _arc_points(a, m, b, steps=16):
    from cadagent.tools.cadjson.model import Arc

    c = Arc("arc", a, m, b).circle()
    if c is None:
        return [b]
    (ux, uy), r = c
    a0 = math.atan2(a[1] - uy, a[0] - ux)
    sweep = Arc("arc", a, m, b).sweep()
    am = (math.atan2(m[1] - uy, m[0] - ux) - a0) % (2 * math.pi)
    sign = 1 if am <= sweep + 1e-9 else -1
    return [(ux + r * math.cos(a0 + sign * sweep * i / steps), uy + r * math.sin(a0 + sign * sweep * i / steps))
            for i in range(1, steps + 1)]


def polyline_points(p: Profile, steps=16) -> list[tuple[float, float]]:
    pts = [tuple(p.start)]
    for s in p.segments:
        pts += [tuple(s.to)] if s.through is None else _arc_points(pts[-1], tuple(s.through), tuple(s.to), steps)
    if math.dist(pts[0], pts[-1]) < 1e-9:
        pts.pop()
    return pts


def gear_sizes(g: SpurGear) -> dict:
    pitch = g.module * g.teeth
    return {"pitch": pitch, "outer": pitch + 2 * g.module, "root": pitch - 2.5 * g.module,
            "base": pitch * math.cos(math.radians(g.pressure_angle))}


@dataclass
class Shape:
    """Closed-form facts: bbox (min, max) and volume (``exact`` False: an estimate)."""
    lo: tuple[float, float, float]
    hi: tuple[float, float, float]
    volume: float
    exact: bool = True
    round_top: bool = False   # the top / bottom faces are discs (holes must stay inside the circle)
    r_top: float | None = None      # radius of the top disc (None: the bbox half-width)
    r_bottom: float | None = None
    r_inner: float = 0.0            # a tube's bore: features on its ends stay outside it

    @property
    def size(self):
        return tuple(b - a for a, b in zip(self.lo, self.hi))


def _sym(rx, ry, h, vol, exact=True, round_top=False) -> Shape:
    return Shape((-rx, -ry, 0.0), (rx, ry, h), vol, exact, round_top)


def body_shape(body) -> Shape:  # noqa: C901 - one branch per body kind
    d = resolved(body)
    if isinstance(body, Box):
        return _sym(d["length"] / 2, d["width"] / 2, d["height"], d["length"] * d["width"] * d["height"])
    if isinstance(body, Cylinder):
        r = d["diameter"] / 2
        return _sym(r, r, d["height"], math.pi * r * r * d["height"], round_top=True)
    if isinstance(body, Tube):
        ro, ri = d["outer_diameter"] / 2, d["inner_diameter"] / 2
        s = _sym(ro, ro, d["height"], math.pi * (ro * ro - ri * ri) * d["height"], round_top=True)
        s.r_inner = ri
        return s
    if isinstance(body, Cone):
        r1, r2, h = d["bottom_diameter"] / 2, d["top_diameter"] / 2, d["height"]
        r = max(r1, r2)
        s = _sym(r, r, h, math.pi * h / 3 * (r1 * r1 + r1 * r2 + r2 * r2), round_top=True)
        s.r_top, s.r_bottom = r2, r1
        return s
    if isinstance(body, Sphere):
        r = d["diameter"] / 2
        return _sym(r, r, 2 * r, 4 / 3 * math.pi * r ** 3, round_top=True)
    if isinstance(body, PolygonPrism):
        n, af, h = d["sides"], d["across_flats"], d["height"]
        rc = d["across_corners"] / 2
        area = n * (af / 2) ** 2 * math.tan(math.pi / n)
        xs = [rc * math.cos(2 * math.pi * i / n) for i in range(n)]
        ys = [rc * math.sin(2 * math.pi * i / n) for i in range(n)]
        bore = d.get("bore") or 0
        return Shape((min(xs), min(ys), 0.0), (max(xs), max(ys), h), (area - math.pi * bore ** 2 / 4) * h)
    if isinstance(body, RoundedRect):
        r = d["corner_radius"]
        area = d["length"] * d["width"] - (4 - math.pi) * r * r
        return _sym(d["length"] / 2, d["width"] / 2, d["height"], area * d["height"])
    if isinstance(body, Profile):
        if body.shape == "obround":
            w, L = d["width"], d["length"]
            ln = d["height"] if d.get("height") else w
            return _sym(w / 2, ln / 2, L, ((w - ln) * ln + math.pi * ln * ln / 4) * L) if w >= ln else \
                _sym(w / 2, ln / 2, L, ((ln - w) * w + math.pi * w * w / 4) * L)
        pts = polyline_points(body, 64) if body.shape == "polyline" else profile_outline(body)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        exact = body.shape != "polyline" or all(s.through is None for s in body.segments)
        # a radius inside each bend fills (1 - pi/4) r^2 of the corner
        bends = len(inner_corners(body)) * (1 - math.pi / 4) * body.inner_radius ** 2 if body.inner_radius else 0.0
        return Shape((min(xs), min(ys), 0.0), (max(xs), max(ys), d["length"]),
                     (polygon_area(pts) + bends) * d["length"], exact)
    if isinstance(body, Revolve):
        pts = [tuple(p) for p in body.points]
        area = polygon_area(pts)
        a6 = sum((x0 * y1 - x1 * y0) * (x0 + x1) for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))
        signed = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1])) / 2
        cx = a6 / (6 * signed) if signed else 0.0
        rmax = max(p[0] for p in pts)
        zs = [p[1] for p in pts]
        vol = area * math.radians(body.angle) * abs(cx)
        out = Shape((-rmax, -rmax, min(zs)), (rmax, rmax, max(zs)), vol, True, round_top=True)
        out.r_top = max(p[0] for p in pts if abs(p[1] - max(zs)) < 1e-9)
        out.r_bottom = max(p[0] for p in pts if abs(p[1] - min(zs)) < 1e-9)
        return out
    if isinstance(body, Shaft):
        rmax = max(s.diameter for s in body.sections) / 2
        vol = sum(math.pi * s.diameter ** 2 / 4 * s.length for s in body.sections)
        out = _sym(rmax, rmax, sum(s.length for s in body.sections), vol, round_top=True)
        out.r_bottom, out.r_top = body.sections[0].diameter / 2, body.sections[-1].diameter / 2
        return out
    if isinstance(body, SpurGear):
        g = gear_sizes(body)
        r = g["outer"] / 2
        h = body.thickness + (body.hub.length if body.hub else 0)
        vol = math.pi * (g["pitch"] / 2) ** 2 * body.thickness  # teeth ~ as much area as gaps at pitch
        if body.hub:
            vol += math.pi * body.hub.diameter ** 2 / 4 * body.hub.length
        if body.bore:
            vol -= math.pi * body.bore ** 2 / 4 * h
        out = _sym(r, r, h, vol, exact=False, round_top=True)
        out.r_bottom = g["root"] / 2                       # features stay inside the root circle
        out.r_top = body.hub.diameter / 2 if body.hub else g["root"] / 2
        out.r_inner = (body.bore or 0) / 2
        return out
    if isinstance(body, CadJsonBody):
        return cadjson_shape(body)
    if isinstance(body, Compound):
        return compound_shape(body)
    raise TypeError(type(body).__name__)


def cadjson_shape(body: CadJsonBody) -> Shape:
    import numpy as np

    from cadagent.tools.cadjson.model import extruded_corners
    from cadagent.tools.cadjson.validate import parse

    doc = parse(body.document)
    pts, vol = [], 0.0
    for part in doc.parts:
        sign = {"NewBodyFeatureOperation": 1, "JoinFeatureOperation": 1, "CutFeatureOperation": -1}.get(
            part.extrusion.operation, 0)
        for face in part.faces:
            vol += sign * (face.outer.area() - sum(h.area() for h in face.holes)) * part.extrusion.length
        if sign > 0:
            pts += extruded_corners(part)
    arr = np.array(pts)
    return Shape(tuple(arr.min(axis=0)), tuple(arr.max(axis=0)), vol, exact=False)


def rotate(p, axis: str):
    """Turn a point of a body's own frame (+Z up) so that +Z points along ``axis``."""
    x, y, z = p
    return {"z": (x, y, z), "-z": (x, -y, -z), "x": (z, y, -x), "-x": (-z, y, x),
            "y": (x, z, -y), "-y": (x, -z, y)}[axis]


def placed_shape(pl) -> Shape:
    s = body_shape(pl.body)
    shift = -s.size[2] / 2 - s.lo[2] if pl.centered else 0.0
    corners = [rotate((x, y, z + shift), pl.axis) for x in (s.lo[0], s.hi[0]) for y in (s.lo[1], s.hi[1])
               for z in (s.lo[2], s.hi[2])]
    lo = tuple(min(c[i] for c in corners) + pl.at[i] for i in range(3))
    hi = tuple(max(c[i] for c in corners) + pl.at[i] for i in range(3))
    return Shape(lo, hi, s.volume, s.exact, s.round_top and pl.axis in ("z", "-z"))


def compound_shape(body: Compound) -> Shape:
    shapes = [placed_shape(p) for p in body.bodies]
    lo = tuple(min(s.lo[i] for s in shapes) for i in range(3))
    hi = tuple(max(s.hi[i] for s in shapes) for i in range(3))
    overlap = any(all(a.lo[i] < b.hi[i] - 1e-9 and b.lo[i] < a.hi[i] - 1e-9 for i in range(3))
                  for k, a in enumerate(shapes) for b in shapes[k + 1:])
    exact = all(s.exact for s in shapes) and not overlap
    vol = sum(s.volume for s in shapes)
    return Shape(lo, hi, vol, exact, len(shapes) == 1 and shapes[0].round_top)
