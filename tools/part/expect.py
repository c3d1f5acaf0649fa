"""What a spec promises, as plain data that ``check`` compares with a measurement: the final
bbox, the volume (exact or an estimate), the holes by size and kind, fillet radii, chamfer sizes
and shell walls. A plan that is not a spec can write the same dict by hand."""

from __future__ import annotations

import math
from collections import defaultdict

from .bodies import Cylinder, PolygonPrism, Profile, SpurGear, Tube
from .features import Boss, Chamfer, Fillet, Hole, Keyway, Mirror, Pocket, Rib, Shell, Text
from .geometry import body_shape, resolved
from .plan import resolve
from .volume import spec_volume


def _bbox(spec, shape, resolved_features) -> tuple[list, list, bool]:
    lo, hi = list(shape.lo), list(shape.hi)
    exact = not isinstance(spec.body, SpurGear) and spec.body.kind != "cadjson" and not (
        isinstance(spec.body, Profile) and spec.body.shape == "polyline")
    for r in resolved_features:
        f = r.feature
        src = r.source.feature if r.source else f
        grow = src.height if isinstance(src, (Boss, Rib)) else src.depth if (
            isinstance(src, Text) and src.mode == "emboss") else 0.0
        if grow and r.frame is not None:
            k = [abs(c) for c in r.frame.normal].index(1.0)
            if r.frame.normal[k] > 0:
                hi[k] = max(hi[k], r.frame.origin[k] + grow)
            else:
                lo[k] = min(lo[k], r.frame.origin[k] - grow)
            exact &= not isinstance(src, Text)
        if isinstance(f, Mirror):
            k = {"YZ": 0, "XZ": 1, "XY": 2}[f.plane]
            lo[k], hi[k] = min(lo[k], -hi[k]), max(hi[k], -lo[k])
        if isinstance(f, Keyway) and isinstance(spec.body, (Cylinder, Tube)) and \
                f.z <= lo[2] + 1e-9 and f.z + f.length >= hi[2] - 1e-9:
            # along the whole length, the +X side is cut down: a D-flat to R - depth; a keyway leaves the
            # circle's points beside its slot (or its floor, when that is further out)
            R = hi[0]
            if f.kind == "flat":
                hi[0] = R - f.depth
            elif f.width is not None and f.width < 2 * R:
                hi[0] = max(R - f.depth, math.sqrt(R * R - (f.width / 2) ** 2))
    return lo, hi, exact


def _body_holes(spec) -> list[dict]:
    body, d = spec.body, resolved(spec.body)
    if isinstance(body, Tube):
        if any(isinstance(f, Keyway) and f.kind in ("wall_slot", "flat") and f.depth > (d["outer_diameter"] -
               d["inner_diameter"]) / 2 and f.z <= 1e-9 and f.z + f.length >= d["height"] - 1e-9 for f in spec.features):
            return []       # slit open the whole length: its bore is no closed hole any more
        return [{"diameter": d["inner_diameter"], "through": True, "count": 1, "feature": body.id}]
    if isinstance(body, PolygonPrism) and d.get("bore"):
        return [{"diameter": d["bore"], "through": True, "count": 1, "feature": body.id}]
    if isinstance(body, SpurGear) and body.bore:
        return [{"diameter": body.bore, "through": True, "count": 1, "feature": body.id}]
    return []


def expectations(spec) -> dict:
    shape = body_shape(spec.body)
    rs = resolve(spec, shape)
    lo, hi, bbox_exact = _bbox(spec, shape, rs)
    vol, vol_exact = spec_volume(spec)
    holes = _body_holes(spec)
    fillets, chamfers, walls, cavities = [], [], None, []
    shell = None
    for r in rs:
        f = r.feature
        src = r.source.feature if r.source else f
        if isinstance(src, Hole):
            # a hole as deep as the shelled wall it enters comes out in the cavity: it is measured as through
            wall = None if shell is None or r.frame is None else \
                (shell.bottom if shell.bottom is not None else shell.thickness) if r.frame.name == "bottom" else \
                shell.thickness if r.frame.name != shell.open_face else None
            if wall is None and isinstance(spec.body, Tube) and r.frame is not None and \
                    r.frame.name in ("front", "back", "left", "right"):
                # a set screw hole in from a tube's side to its bore comes out in the bore: measured as through
                d = resolved(spec.body)
                wall = (d["outer_diameter"] - d["inner_diameter"]) / 2
            deep = src.depth is not None and not (wall is not None and src.depth >= wall - 1e-9)
            h = {"diameter": r.diameter, "through": not deep, "count": len(r.points), "feature": f.id}
            if deep:
                h["depth"] = src.depth
            if src.cbore:
                h["cbore"] = src.cbore.model_dump()
            if src.csink:
                h["csink"] = src.csink.model_dump()
            holes.append(h)
        elif isinstance(src, Pocket) and src.shape == "circle":
            h = {"diameter": src.diameter, "through": src.depth is None, "count": len(r.points), "feature": f.id}
            if src.depth is not None:
                h["depth"] = src.depth
            holes.append(h)
        elif isinstance(f, Fillet):
            fillets.append({"radius": f.radius, "feature": f.id})
        elif isinstance(f, Chamfer) and f.edges == "holes" and holes:
            # a chamfered rim is what a countersink is: the measurer reads it as one (90°, Ø + 2 x size)
            for h in holes:
                if not h.get("csink") and not h.get("cbore") and (f.of is None or h.get("feature") == f.of):
                    h["csink"] = {"diameter": h["diameter"] + 2 * f.size, "angle": 90.0}
        elif isinstance(f, Chamfer):
            chamfers.append({"size": f.size, "feature": f.id})
        elif isinstance(f, Shell):
            shell = f
            walls = min(f.thickness, f.bottom) if f.open_face and f.bottom is not None else f.thickness
            if isinstance(spec.body, Cylinder) and f.open_face in ("top", "bottom"):
                floor = f.bottom if f.bottom is not None else f.thickness
                cavities.append({"diameter": resolved(spec.body)["diameter"] - 2 * f.thickness,
                                 "depth": hi[2] - lo[2] - floor})
            elif isinstance(spec.body, Cylinder) and not f.open_face:
                # a sealed hollow cylinder: its void is a round cavity walled top and bottom
                cavities.append({"diameter": resolved(spec.body)["diameter"] - 2 * f.thickness,
                                 "depth": hi[2] - lo[2] - 2 * f.thickness})
    _ring_middles(rs, holes)
    out = {"bbox_min": lo, "bbox_max": hi, "bbox_exact": bbox_exact,
           "volume": vol, "volume_exact": vol_exact, "holes": _merge(holes),
           "fillets": fillets, "chamfers": chamfers, "min_wall": walls, "cavities": cavities}
    if spec.body.kind == "cadjson":
        del out["holes"]   # a sketch's circles may be holes or bosses: the spec cannot promise which
    return out


def _ring_middles(rs, holes: list[dict]) -> None:
    """A round boss with a wall (a ring) is open in the middle: the measurer finds that opening as a blind round hole
    as deep as the ring is tall, or, where a plain through hole runs up its middle, as that hole's counterbore."""
    for r in rs:
        g = r.source.feature if r.source else r.feature
        if not isinstance(g, Boss) or not g.wall or not g.diameter or r.frame is None:
            continue
        inner = g.diameter - 2 * g.wall
        ring = {(round(u, 6), round(v, 6)) for u, v in r.points}
        up = next((h for h in holes if h["through"] and not h.get("cbore") and not h.get("csink") and h["diameter"] < inner
                   and h["count"] == len(ring) and _points(rs, h["feature"]) == ring), None)
        if up is not None:
            up["cbore"] = {"diameter": inner, "depth": g.height}
        else:
            holes.append({"diameter": inner, "through": False, "depth": g.height, "count": len(ring), "feature": r.feature.id})


def _points(rs, fid: str) -> set:
    return {(round(u, 6), round(v, 6)) for r in rs if r.feature.id == fid for u, v in r.points}


def _merge(holes: list[dict]) -> list[dict]:
    """Holes of the same size and kind from several features become one line with a count."""
    out: dict = defaultdict(lambda: None)
    for h in holes:
        key = (round(h["diameter"], 4), h["through"], h.get("depth"), str(h.get("cbore")), str(h.get("csink")))
        if out[key] is None:
            out[key] = {**h, "features": [h.pop("feature")]}
        else:
            out[key]["count"] += h["count"]
            out[key]["features"].append(h["feature"])
    return [v for v in out.values() if v is not None]
