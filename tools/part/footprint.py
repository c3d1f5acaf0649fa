"""Where a placed feature reaches on its face: footprints, true face outlines, fits."""

from __future__ import annotations

import math

from .bodies import PolygonPrism, Profile
from .features import Boss, Hole, Pocket, Rib, Slot
from .geometry import polyline_points, profile_outline, resolved

EPS = 1e-6

NOUN = {"box": "block", "cylinder": "cylinder", "tube": "tube", "cone": "cone", "sphere": "sphere",
        "polygon_prism": "prism", "rounded_rect": "plate", "profile": "section", "revolve": "part",
        "shaft": "shaft", "spur_gear": "gear", "cadjson": "part", "compound": "part"}


def _noun(body) -> str:
    return body.name or NOUN[body.kind]


def _extent(f, r) -> float:
    """Half-size of the feature's footprint around each point (conservative)."""
    if isinstance(f, Hole):
        d = max([r.diameter] + [x.diameter for x in (f.cbore, f.csink) if x])
        return d / 2
    if isinstance(f, Pocket):
        if f.shape in ("circle", "d", "double_d"):
            return (f.diameter or 0) / 2
        if f.shape == "hex":
            return (f.across_flats or 0) / 3 ** 0.5          # half across the corners
        return math.hypot(f.length or 0, f.width or 0) / 2 if f.angle % 90 else max(f.length or 0, f.width or 0) / 2
    if isinstance(f, Slot):
        return f.length / 2
    if isinstance(f, Boss) and f.diameter and f.sides:
        return f.diameter / 2 / math.cos(math.pi / f.sides)        # a polygon boss: half across its corners
    if isinstance(f, Boss):
        return (f.diameter or 0) / 2 if f.diameter else math.hypot(f.length or 0, f.width or 0) / 2
    if isinstance(f, Rib):
        return math.dist(f.start, f.end) / 2 + f.thickness / 2
    return 0.0


def _half_extents(f, r) -> tuple[float, float]:
    """Half-size of the footprint along u and v (exact for unturned rectangles and slots)."""
    if isinstance(f, (Pocket, Slot)) and not f.angle % 180 and (f.kind == "slot" or f.shape not in ("circle", "d", "double_d")):
        return (f.length or 0) / 2, (f.width or f.diameter or 0) / 2
    if isinstance(f, Boss) and not f.diameter:
        return f.length / 2, f.width / 2
    if isinstance(f, Rib):
        ln = math.dist(f.start, f.end)
        cu, cv = (f.end[0] - f.start[0]) / ln, (f.end[1] - f.start[1]) / ln
        return abs(cu) * ln / 2 + abs(cv) * f.thickness / 2, abs(cv) * ln / 2 + abs(cu) * f.thickness / 2
    e = _extent(f, r)
    return e, e


def hole_in_pocket(h, hr, a, pk, b) -> bool:
    """Does hole ``h`` (resolved as ``hr``) at point ``a`` go down through the floor of blind pocket ``pk`` at point
    ``b`` (its rim wholly inside the pocket's outline, a wall's width in; a plain hole, through or deeper than the
    pocket)? 'A 10 mm through hole in the middle of the pocket.'"""
    if not isinstance(h, Hole) or not isinstance(pk, Pocket) or pk.depth is None or h.cbore or h.csink:
        return False
    if h.depth is not None and h.depth <= pk.depth + EPS:
        return False
    rad, du, dv, gap = hr.diameter / 2, abs(a[0] - b[0]), abs(a[1] - b[1]), 0.2
    if pk.shape == "circle":
        return math.hypot(du, dv) + rad <= (pk.diameter or 0) / 2 - gap
    if pk.shape == "rect" and not pk.angle % 90:
        hl, hw = (pk.length or 0) / 2, (pk.width or 0) / 2
        if pk.angle % 180:
            hl, hw = hw, hl
        cr = pk.corner_radius or 0.0
        return du + rad <= hl - gap and dv + rad <= hw - gap and (cr <= 0 or du <= hl - cr or dv <= hw - cr or math.hypot(
            du - (hl - cr), dv - (hw - cr)) + rad <= cr - gap)
    return False


def _fits(f, r, u, v, ext) -> bool:
    return _fits_face(f, r, u, v, ext) and not _splits(f, r, ext)


def _splits(f, r, ext) -> bool:
    """A through cut as wide as its flat face in one direction reaches both opposite edges: it cuts the part in two
    (a 40 long slot across a 40 wide leg)."""
    fr = r.frame
    if fr.round_radius is not None or not isinstance(f, (Hole, Pocket, Slot)) or getattr(f, "depth", None) is not None:
        return False
    if isinstance(f, (Pocket, Slot)) and not f.angle % 90 and (f.kind == "slot" or f.shape != "circle"):
        hu, hv = _half_extents(f, r)
        if f.angle % 180:
            hu, hv = hv, hu
    else:
        hu = hv = ext
    return hu >= fr.half[0] - EPS or hv >= fr.half[1] - EPS


def _fits_face(f, r, u, v, ext) -> bool:
    fr = r.frame
    if fr.round_radius is not None:
        # a solid round face takes a feature over its centre; an annulus keeps it clear of the bore
        inner = fr.inner_radius + ext if fr.inner_radius else 0.0
        return inner - EPS <= math.hypot(u, v) <= fr.round_radius - ext + EPS
    if isinstance(f, Rib) or isinstance(f, (Pocket, Slot)) and not f.angle % 180 and (
            f.kind == "slot" or f.shape != "circle") or isinstance(f, Boss) and not f.diameter:
        hu, hv = _half_extents(f, r)     # (a rectangular pad: its own half sizes, not its half diagonal)
        return abs(u) + hu <= fr.half[0] + EPS and abs(v) + hv <= fr.half[1] + EPS
    return abs(u) + ext <= fr.half[0] + EPS and abs(v) + ext <= fr.half[1] + EPS


def _section(body):
    """The true outline of the top / bottom face where it is not the bbox rectangle."""
    if isinstance(body, Profile) and body.shape != "obround":
        return profile_outline(body) if body.shape != "polyline" else polyline_points(body)
    if isinstance(body, PolygonPrism):
        d = resolved(body)
        rc = d["across_corners"] / 2
        return [(rc * math.cos(2 * math.pi * i / d["sides"]), rc * math.sin(2 * math.pi * i / d["sides"]))
                for i in range(d["sides"])]
    return None


def _inside_polygon(q, poly) -> bool:
    x, y = q
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _edge_distance(q, poly) -> float:
    best = math.inf
    for a, b in zip(poly, poly[1:] + poly[:1]):
        dx, dy = b[0] - a[0], b[1] - a[1]
        t = max(0.0, min(1.0, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.dist(q, (a[0] + t * dx, a[1] + t * dy)))
    return best
