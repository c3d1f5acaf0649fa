"""A spec built only from sketches and extrusions → the project's minimal CAD JSON (the format
of ``tools/cadjson``): the body is a sketch on XY extruded up; each hole, circular or plain
rectangular pocket on the top or bottom face is a sketch on that face, cut into the part."""

from __future__ import annotations

import copy
import math

from .bodies import Box, CadJsonBody, Cylinder, PolygonPrism, Profile, RoundedRect, Tube
from .features import Hole, LinearPattern, PolarPattern, Pocket
from .geometry import body_shape, polyline_points, profile_outline, resolved
from .plan import resolve


class NotSketchable(ValueError):
    """The spec holds something that is not a sketch-and-extrude step (message says what)."""


def _r(x: float) -> float:
    return round(float(x), 6) + 0.0


def _lines(points) -> dict:
    pts = [(_r(x), _r(y)) for x, y in points]
    return {f"line_{i + 1}": {"Start Point": list(a), "End Point": list(b)}
            for i, (a, b) in enumerate(zip(pts, pts[1:] + pts[:1]))}


def _circle(c, r) -> dict:
    return {"circle_1": {"Center": [_r(c[0]), _r(c[1])], "Radius": _r(r)}}


def _rounded(L, W, r) -> dict:
    """A rounded rectangle: 4 lines and 4 arcs, counter-clockwise."""
    hx, hy, k = L / 2, W / 2, r * (1 - math.sqrt(0.5))
    out, corners = {}, [((hx, -hy), (1, 1)), ((hx, hy), (-1, 1)), ((-hx, hy), (-1, -1)), ((-hx, -hy), (1, -1))]
    segs = []
    for (cx, cy), _ in corners:
        sx, sy = (1 if cx > 0 else -1), (1 if cy > 0 else -1)
        segs.append(((cx - sx * r, cy), (cx - sx * k, cy - sy * k), (cx, cy - sy * r)))
    pts = []
    for i, (a, m, b) in enumerate(segs):
        pts.append(("arc", a, m, b))
    n = 1
    for i in range(4):
        _, a, m, b = pts[i]
        nxt = pts[(i + 1) % 4][1]
        out[f"arc_{i + 1}"] = {"Start Point": [_r(a[0]), _r(a[1])], "Mid Point": [_r(m[0]), _r(m[1])],
                               "End Point": [_r(b[0]), _r(b[1])]}
        out[f"line_{n}"] = {"Start Point": [_r(b[0]), _r(b[1])], "End Point": [_r(nxt[0]), _r(nxt[1])]}
        n += 1
    return out


def _body_faces(body) -> dict:
    d = resolved(body)
    if isinstance(body, Box):
        L, W = d["length"], d["width"]
        return {"face_1": {"loop_1": _lines([(-L / 2, -W / 2), (L / 2, -W / 2), (L / 2, W / 2), (-L / 2, W / 2)])}}
    if isinstance(body, Cylinder):
        return {"face_1": {"loop_1": _circle((0, 0), d["diameter"] / 2)}}
    if isinstance(body, Tube):
        return {"face_1": {"loop_1": _circle((0, 0), d["outer_diameter"] / 2),
                           "loop_2": _circle((0, 0), d["inner_diameter"] / 2)}}
    if isinstance(body, PolygonPrism):
        n, rc = d["sides"], d["across_corners"] / 2
        face = {"loop_1": _lines([(rc * math.cos(2 * math.pi * i / n), rc * math.sin(2 * math.pi * i / n))
                                  for i in range(n)])}
        if d.get("bore"):
            face["loop_2"] = _circle((0, 0), d["bore"] / 2)
        return {"face_1": face}
    if isinstance(body, RoundedRect):
        return {"face_1": {"loop_1": _rounded(d["length"], d["width"], d["corner_radius"])}}
    if isinstance(body, Profile) and body.shape in ("L", "T", "U", "C", "I") and not body.inner_radius:
        return {"face_1": {"loop_1": _lines(profile_outline(body))}}
    if isinstance(body, Profile) and body.shape == "polyline" and all(s.through is None for s in body.segments):
        return {"face_1": {"loop_1": _lines(polyline_points(body))}}
    raise NotSketchable(f"the body {body.id!r} ({body.kind}{' ' + body.shape if isinstance(body, Profile) else ''}) "
                        "is not exported as a sketch yet; boxes, cylinders, tubes, prisms, rounded rectangles, "
                        "straight-sided profiles and CAD JSON bodies are")


def _part(faces: dict, z: float, up: float, down: float, operation: str, name: str) -> dict:
    return {"coordinate_system": {"Euler Angles": [0.0, 0.0, 0.0], "Translation Vector": [0.0, 0.0, _r(z)]},
            "sketch": faces,
            "extrusion": {"extrude_depth_towards_normal": _r(up), "extrude_depth_opposite_normal": _r(down),
                          "sketch_scale": 1.0, "operation": operation},
            "description": {"name": name}}


def _cut_faces(r) -> dict:
    f = r.source.feature if r.source else r.feature
    sign = 1 if r.frame.name == "top" else -1
    faces = {}
    for i, (u, v) in enumerate(r.points):
        x, y = r.frame.origin[0] + u, r.frame.origin[1] + sign * v
        if isinstance(f, Hole) or f.shape == "circle":
            faces[f"face_{i + 1}"] = {"loop_1": _circle((x, y), (r.diameter or f.diameter) / 2)}
        else:
            hx, hy = f.length / 2, f.width / 2
            faces[f"face_{i + 1}"] = {"loop_1": _lines([(x - hx, y - hy), (x + hx, y - hy), (x + hx, y + hy),
                                                        (x - hx, y + hy)])}
    return faces


def to_cadjson(spec) -> dict:
    """The minimal CAD JSON document of ``spec`` (millimetres); raises :class:`NotSketchable`."""
    shape = body_shape(spec.body)
    if isinstance(spec.body, CadJsonBody):
        doc = copy.deepcopy(spec.body.document)
        doc.setdefault("units", "mm")
    else:
        doc = {"units": "mm", "parts": {"part_1": _part(_body_faces(spec.body), shape.lo[2], shape.size[2], 0.0,
                                                        "NewBodyFeatureOperation", spec.body.name or spec.body.id)}}
    for r in resolve(spec, shape):
        f = r.source.feature if r.source else r.feature
        ok = isinstance(f, Hole) and not f.cbore and not f.csink or (
            isinstance(f, Pocket) and f.shape in ("circle", "rect") and not f.angle and not f.corner_radius)
        if not ok or r.frame is None or r.frame.name not in ("top", "bottom") or (
                not isinstance(r.feature, (Hole, Pocket, LinearPattern, PolarPattern))):
            raise NotSketchable(f"feature {r.feature.id!r} ({r.feature.kind}) is not a sketch-and-extrude step; "
                                "to-cadjson exports plain holes and circular / rectangular pockets on the top or "
                                "bottom face")
        depth = f.depth if f.depth is not None else r.frame.depth
        z = r.frame.origin[2]
        up, down = (0.0, depth) if r.frame.name == "top" else (depth, 0.0)
        doc["parts"][f"part_{len(doc['parts']) + 1}"] = _part(_cut_faces(r), z, up, down, "CutFeatureOperation",
                                                             r.feature.id)
    return doc
