"""How large a fillet or chamfer an edge set can take, and why (the "cannot" predictions of edges)."""

from __future__ import annotations

import math

from cadagent.tools.cadjson.validate import Problem

from .bodies import Compound, Cone, Cylinder, PolygonPrism, Profile, Revolve, RoundedRect, Shaft, Sphere, Tube
from .features import Boss, Chamfer, Fillet, Hole, Pocket, Rib, Shell, Slot
from .geometry import profile_outline, resolved
from .footprint import EPS, _edge_distance, _extent, _half_extents, _noun, _section

COVER = {"all": {"all", "vertical", "top", "bottom", "outer", "holes", "ends", "vt", "vb", "long", "shoulders"},  # ('root': its own)
         "outer": {"vertical", "top", "bottom", "outer", "ends", "all", "vt", "vb", "long"},
         "ends": {"top", "bottom", "ends", "vt", "vb"}, "top": {"top", "vt"}, "bottom": {"bottom", "vb"},
         "vertical": {"vertical", "vt", "vb"}, "holes": {"holes"},
         "long": {"long", "vertical", "top", "bottom", "vt", "vb"}, "root": {"root"},
         "shoulders": {"shoulders"}}   # vt / vb: the corners vertical edges share
# ('long': the four along the longest side, which is vertical or lies in the top and bottom outlines: it meets them all)


def long_axis(body) -> int | None:
    """The axis (0 X, 1 Y, 2 Z) a block's longest side runs along; None when two sides tie for longest (no four
    long edges) or the body is not a plain block."""
    from .bodies import Box
    if not isinstance(body, Box):
        return None
    d = resolved(body)
    sizes = [d["length"], d["width"], d["height"]]
    top = sorted(sizes, reverse=True)
    if top[0] - top[1] <= EPS:
        return None
    return sizes.index(top[0])


def edge_limit(spec, shape, edges: str, done, of: str | None = None) -> tuple[float | None, str]:
    """The largest fillet / chamfer the edge set can take (None: no such edges), and why."""
    lim, why = _edge_limit(spec, shape, edges, done, of)
    opposite = {"top": "bottom", "bottom": "top"}.get(edges)
    for x in done[:-1]:
        if lim is not None and opposite and isinstance(x.feature, (Fillet, Chamfer)) and x.feature.edges == opposite:
            size = x.feature.radius if isinstance(x.feature, Fillet) else x.feature.size
            left = shape.size[2] - size
            if left / 2 < lim:
                lim, why = left / 2, f"the {left:.3g} mm of side left by {x.feature.kind} {x.feature.id!r}"
    shells = [x.feature for x in done[:-1] if isinstance(x.feature, Shell)]
    far = {"top": "bottom", "bottom": "top"}.get(shells[0].open_face or "") if shells else None
    if lim is not None and shells and edges == far:
        # the outline of the closed end (a cup's outside bottom edge): the floor under the cavity takes it
        floor = shells[0].bottom or shells[0].thickness
        return min(lim, _closed_end_limit(shells[0].thickness, floor)), \
            f"the {shells[0].thickness:g} mm wall and {floor:g} mm floor of shell {shells[0].id!r}"
    if lim is not None and shells and shells[0].thickness / 2 < lim:
        return shells[0].thickness / 2, f"the {shells[0].thickness:g} mm walls of shell {shells[0].id!r}"
    return lim, why


def _closed_end_limit(wall: float, floor: float) -> float:
    """The largest round on a cup's outside bottom edge that leaves the thinner of wall and floor (less 2%, the wall
    check's margin) between its arc and the cavity's corner (``wall`` in and ``floor`` up from the outside corner)."""
    need = 0.98 * min(wall, floor)

    def left(r: float) -> float:     # (a round no larger than the wall or the floor stays clear of the cavity)
        return r - math.hypot(r - wall, r - floor)

    lo, hi = max(wall, floor), 10 * max(wall, floor)
    if left(hi) >= need:
        return hi
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if left(mid) >= need else (lo, mid)
    return lo


def _edge_limit(spec, shape, edges: str, done, of: str | None = None) -> tuple[float | None, str]:
    body = spec.body
    lx, ly, lz = shape.size
    noun = _noun(body)
    if isinstance(body, Sphere):
        return None, "a sphere has no edges"
    holes = [x for x in done[:-1] if isinstance(x.feature, Hole) or
             (x.source is not None and isinstance(x.source.feature, Hole))]
    if of is not None:
        holes = [x for x in holes if (x.source.feature if x.source is not None else x.feature).id == of]
        if not holes:
            return None, f"there is no hole {of!r} before this feature"
    if edges == "holes":
        if any(x.frame.name.startswith("datum") for x in holes):
            return None, "the rims of holes drilled from a datum plane cannot be picked yet"
        if not holes and isinstance(body, Tube):
            wall = (resolved(body)["outer_diameter"] - resolved(body)["inner_diameter"]) / 2
            return min(wall / 2, lz / 2), f"the tube's {wall:g} mm wall"      # the bore's rims at both ends
        if not holes:
            return None, "there are no holes before this feature"
        cands = [(x.frame.depth / 2, f"the {x.frame.depth:g} mm {noun}") for x in holes]
        for x in holes:
            cands += _feature_limits(x, "all")
        return min(cands)
    if edges == "long":
        k = long_axis(body)
        if k is None:
            return None, ("'long' edges are the four edges along a block's longest side" if body.kind != "box" else
                          "the block's two longest sides are equal, so it has no four long edges (say top, bottom or "
                          "vertical)")
        other = [s for i, s in enumerate(shape.size) if i != k]
        cands = [(min(other) / 2, f"the {min(other):g} mm side of the {noun}")]
        for x in done[:-1]:
            if x.frame is not None and x.points:
                cands += _feature_limits(x, "all", _section(body), fillet=isinstance(done[-1].feature, Fillet))
        return min(cands)
    round_body = isinstance(body, (Cylinder, Tube, Cone, Shaft))
    if edges == "vertical" and (round_body or isinstance(body, (RoundedRect, Revolve)) or
                                (isinstance(body, Profile) and body.shape == "obround")):
        return None, f"a {body.kind.replace('_', ' ')} has no sharp vertical edges"
    if edges == "ends" and not round_body:
        return None, "'ends' are the circular end edges of a shaft or cylinder"
    if body.kind == "spur_gear":
        if edges in ("vertical", "ends"):
            return None, "a gear's teeth have no sharp vertical edges to round (use top, bottom or all)"
        return 0.15 * body.module, f"the teeth (module {body.module:g})"
    if isinstance(body, Compound):
        return (None, "joined bodies have no single set of vertical edges") if edges == "vertical" else \
            (min(shape.size) / 4, "the joined bodies")
    if round_body:
        d = resolved(body)
        r = min(s.diameter for s in body.sections) / 2 if isinstance(body, Shaft) else \
            (d["outer_diameter"] - d["inner_diameter"]) / 2 if isinstance(body, Tube) else \
            min(d.get("diameter") or d["bottom_diameter"], d.get("top_diameter") or 1e9) / 2 if isinstance(body, Cone) \
            else d["diameter"] / 2
        h = min(s.length for s in body.sections) if isinstance(body, Shaft) else lz
        if isinstance(body, Cone) and not d["top_diameter"] and edges in ("top", "ends"):
            return None, "a pointed cone has no top edge (use bottom)"
        # a tube's end outlines alone (top, bottom, outer) may take its whole wall; with the bore's rims, half
        lim = min(r if not isinstance(body, Tube) or edges in ("top", "bottom", "outer") else r / 2, h / 2)
        cands = [(lim, f"the {noun} ({'wall ' if isinstance(body, Tube) else 'radius '}{r:g} mm, {h:g} mm long)")]
        for x in done[:-1]:
            if x.feature.kind in ("keyway", "flat", "groove", "v_groove"):
                k = x.feature
                gap = min(k.z if edges in ("all", "outer", "ends", "bottom") else 1e9,
                          shape.hi[2] - k.z - k.length if edges in ("all", "outer", "ends", "top") else 1e9)
                cands.append((gap, f"the {gap:g} mm between {k.kind} {k.id!r} and the end"))
                if edges == "all":
                    size = min(k.width, k.depth) if k.kind == "keyway" and k.width else k.depth
                    cands.append((size / 2, f"the {size:g} mm {k.kind} {k.id!r}"))
        if isinstance(body, Shaft) and edges in ("all", "outer"):
            cands += [(abs(a.diameter - b.diameter) / 4, f"the {abs(a.diameter - b.diameter) / 2:g} mm shoulder "
                       "between two sections") for a, b in zip(body.sections, body.sections[1:])
                      if abs(a.diameter - b.diameter) > EPS]
        for x in done[:-1]:
            if x.frame is not None and x.points:
                cands += _feature_limits(x, "all" if edges in ("all", "outer") else "top")
        return min(cands)
    if isinstance(body, Revolve):
        pts = [tuple(q) for q in body.points]
        seg = min(math.dist(a, b) for a, b in zip(pts, pts[1:] + pts[:1]) if math.dist(a, b) > EPS)
        cands = [(seg / 2, f"the shortest {seg:g} mm step of the revolved profile")]
        for x in done[:-1]:
            if x.frame is not None and x.points:
                cands += _feature_limits(x, "all")
        return min(cands)
    if isinstance(body, Profile) and body.shape not in ("obround", "polyline") and body.thickness:
        t = body.thickness
        pts = profile_outline(body)
        seg = min(math.dist(a, b) for a, b in zip(pts, pts[1:] + pts[:1]))
        if seg / 2 < t / 2:
            return seg / 2, f"the {seg:.3g} mm step of the {body.shape} section"
        return (t / 2 if edges in ("all", "vertical", "outer") else min(t / 2, lz / 2)), f"the {t:g} mm wall"
    plan = min(lx, ly)
    if isinstance(body, PolygonPrism):
        plan = resolved(body)["across_flats"] / 2
    cands = [(plan / 2, f"the {plan:g} mm wide {noun}")]
    if isinstance(body, PolygonPrism):
        d = resolved(body)
        side = d["across_flats"] * math.tan(math.pi / d["sides"])
        cands.append((side / 2, f"the {side:.3g} mm sides of the prism"))
        if d.get("bore") and edges != "vertical":
            wall = (d["across_flats"] - d["bore"]) / 2
            cands.append((wall / 2, f"the {wall:.3g} mm wall around the bore"))
    if isinstance(body, RoundedRect) and edges != "vertical":
        cands.append((body.corner_radius, f"the {body.corner_radius:g} mm rounded corners"))
    if edges in ("top", "bottom"):
        cands.append((lz, f"the {lz:g} mm {noun}"))
    elif edges != "vertical":
        cands.append((lz / 2, f"the {lz:g} mm {noun}"))
    for x in done[:-1]:
        if x.frame is not None and x.points:
            cands += _feature_limits(x, edges, _section(body), fillet=isinstance(done[-1].feature, Fillet))
    return min(cands)


def _corner_room(a: float, b: float, r: float) -> float:
    """The largest corner chamfer (or fillet: it takes less) whose triangle x + y <= R, x, y >= 0, keeps a
    distance ``r`` from a point ``a``, ``b`` in from the two edges of that corner."""
    def dist(big: float) -> float:
        if a + b <= big:
            return 0.0 if a >= 0 and b >= 0 else min(a, b)
        if abs(a - b) <= big:
            return (a + b - big) / math.sqrt(2)        # to the chamfer's face
        return math.hypot(*((a - big, b) if a > b else (a, b - big)))   # to its end on the longer edge
    lo, hi = max(0.0, max(a, b) - r), a + b
    if dist(lo) < r:
        return max(0.0, min(a, b) - r)
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if dist(mid) >= r else (lo, mid)
    return lo


def _fillet_corner_room(a: float, b: float, r: float) -> float:
    """The largest corner fillet R that keeps a distance ``r`` from a point ``a``, ``b`` in from the two edges
    of that corner. A fillet removes what lies outside the arc of radius R centred R in from both edges, inside
    that R x R corner square, so a hole centred on the arc's centre ('R10 corners, holes 10 in from the
    edges') is clear of any fillet up to its own distance from the edges less its radius... and beyond."""
    def clear(R: float) -> bool:
        if a >= R and b >= R:        # outside the corner square: the arc's ends are the nearest removed points
            return min(math.hypot(a - R, b), math.hypot(a, b - R)) >= r
        if a <= R and b <= R:        # inside it: the arc itself, R from its centre
            return R - math.hypot(R - a, R - b) >= r
        # beside it: the nearest removed point lies on the arc or at its end on the nearer edge
        ends = math.hypot(a - R, b) if a > R else math.hypot(a, b - R)
        return min(ends, R - math.hypot(R - a, R - b)) >= r
    lo, hi = 0.0, 2 * (a + b) + r
    if not clear(lo + 1e-9):
        return 0.0
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if clear(mid) else (lo, mid)
    return lo


def _feature_limits(x, edges, section=None, fillet: bool = False) -> list:
    """How much room the earlier placed features leave a fillet of ``edges``."""
    f = x.source.feature if x.source else x.feature
    out = []
    ext = _extent(f, x)
    name = f"{f.kind} {x.feature.id!r}"
    if section and x.frame.name in ("top", "bottom"):
        margin = min(_edge_distance((u, v) if x.frame.name == "top" else (u, -v), section) - ext for u, v in x.points)
        out.append((margin / 2 if edges == "all" else margin, f"the {margin:.3g} mm between {name} and the edge"))
    elif x.frame.round_radius is not None:
        margin = min(min(x.frame.round_radius - math.hypot(u, v), math.hypot(u, v) - x.frame.inner_radius
                         if x.frame.inner_radius else 1e9) - ext for u, v in x.points)
        out.append((margin / 2 if edges == "all" else margin, f"the {margin:.3g} mm between {name} and the edge"))
    elif not x.frame.name.startswith("datum"):
        hu, hv = x.frame.half
        eu, ev = _half_extents(f, x)
        if edges == "vertical" and x.frame.name in ("top", "bottom") and isinstance(f, Hole) and eu == ev:
            # a round hole beside a corner: what a corner fillet or chamfer of size R takes lies inside the
            # triangle x + y <= R at that corner, so R may grow until that triangle reaches the hole
            room = _fillet_corner_room if fillet else _corner_room
            margin = min(room(hu - abs(u), hv - abs(v), eu) for u, v in x.points)
        elif edges == "vertical" and x.frame.name in ("top", "bottom"):
            margin = min(max(hu - abs(u) - eu, hv - abs(v) - ev) for u, v in x.points)
        elif edges == "vertical":
            margin = min(hu - abs(u) - eu for u, v in x.points)
        else:
            margin = min(min(hu - abs(u) - eu, hv - abs(v) - ev) for u, v in x.points)
        out.append((margin / 2 if edges == "all" else margin, f"the {margin:.3g} mm between {name} and the edge"))
    if edges in ("vertical", "outer") and isinstance(f, (Boss, Rib, Pocket)) and not getattr(f, "diameter", None) and \
            getattr(f, "shape", "rect") == "rect":
        size = f.thickness if isinstance(f, Rib) else 2 * f.wall if getattr(f, "wall", None) else min(f.length, f.width)
        out.append((size / 2, f"{name} ({size:g} mm wide)"))
    if edges in ("top", "bottom") and x.frame.name == edges and isinstance(f, (Boss, Rib)):
        size = f.thickness if isinstance(f, Rib) else (f.diameter or min(f.length, f.width))
        out.append((min(size / 2, f.height), f"{name} ({size:g} mm wide, {f.height:g} mm tall: its top is now "
                    f"the {edges} face)"))
    if edges == "all":
        if isinstance(f, (Boss, Rib)):
            size = f.thickness if isinstance(f, Rib) else (f.diameter or min(f.length, f.width))
            out.append((min(f.height, size / 2) / 2, f"{name} ({size:g} mm wide, {f.height:g} mm tall)"))
        elif isinstance(f, (Pocket, Slot)):
            w = f.width or f.diameter or getattr(f, "across_flats", None)
            out.append(((w / 2 if f.depth is None else min(w / 2, f.depth)) / 2, f"{name} ({w:g} mm wide)"))
        elif isinstance(f, Hole):
            if f.depth is not None:
                out.append((f.depth / 2, f"the {f.depth:g} mm deep {name}"))
            if f.cbore:
                step = min(f.cbore.depth, (f.cbore.diameter - x.diameter) / 2)
                out.append((step / 2, f"the {step:.3g} mm counterbore step of {name}"))
            if f.csink:
                h = (f.csink.diameter - x.diameter) / 2 / math.tan(math.radians(f.csink.angle / 2))
                out.append((h / 2, f"the {h:.3g} mm deep countersink of {name}"))
        pts = x.points
        gaps = [((pts[a][0] - pts[b][0]) ** 2 + (pts[a][1] - pts[b][1]) ** 2) ** 0.5 - 2 * ext
                for a in range(len(pts)) for b in range(a + 1, len(pts))]
        if gaps:
            out.append((min(gaps) / 2, f"the {min(gaps):.3g} mm between the copies of {name}"))
    return out


def outline_after_vertical(spec, x, f) -> float | None:
    """A fillet or chamfer ``f`` on a block's top (bottom) outline after ``x`` treated its vertical edges: the outline
    then runs round those corners (arcs after a fillet, 45° cuts after a chamfer), which the kernel treats. Returns
    the largest size ``f`` may have there, None when that pair is not built (other bodies or edge sets; a fillet
    round a chamfered outline)."""
    from .bodies import Box

    if not isinstance(spec.body, Box) or x.edges != "vertical" or f.edges not in ("top", "bottom"):
        return None
    if isinstance(x, Fillet):
        return x.radius
    if isinstance(x, Chamfer) and isinstance(f, Chamfer):
        return x.size * math.sqrt(2) / (2 * math.tan(math.pi / 8))
    return None


def shoulders(body, of: str | None) -> list[tuple[int, float, float, float, float]] | None:
    """The shoulders of a stepped shaft: (N, z, the smaller radius, the step's height, the smaller section's length)
    for each place sections N and N + 1 differ in diameter (``of`` 'step_N': that one only); None for another body."""
    from .bodies import Shaft
    if not isinstance(body, Shaft):
        return None
    out, z = [], 0.0
    for n, (a, b) in enumerate(zip(body.sections, body.sections[1:]), start=1):
        z += a.length
        if abs(a.diameter - b.diameter) > EPS and (of is None or of == f"step_{n}"):
            small = a if a.diameter < b.diameter else b
            out.append((n, z, small.diameter / 2, abs(a.diameter - b.diameter) / 2, small.length))
    return out


def root_boss(done, of: str | None):
    """The resolved round boss a 'root' fillet / chamfer names (solid, on the top or bottom face), or None."""
    return next((x for x in done if isinstance(x.feature, Boss) and x.feature.id == of and x.feature.diameter
                 and not x.feature.sides and not x.feature.wall and x.frame is not None and x.frame.name in ("top", "bottom")), None)


def root_limit(spec, shape, f, done) -> tuple[float | None, str]:
    """The largest round (bevel) the foot of boss ``f.of`` takes: under its height, and inside the face it stands on
    (its outline and the other features aside), and why."""
    from .bodies import Box, Cylinder
    x = root_boss(done[:-1], f.of)
    if x is None:
        return None, (f"no round solid boss {f.of!r} on the top or bottom face before this feature" if f.of else
                      "'of' must name the boss")
    R = x.feature.diameter / 2
    if any(y is not x and isinstance(y.source.feature if y.source is not None else y.feature, Boss) and
           y.frame is not None and y.frame.name == x.frame.name and
           abs(((y.source.feature if y.source is not None else y.feature).diameter or 0) / 2 - R) < EPS for y in done[:-1]):
        # (the foot is picked by its circle on that face: another boss of that size there would be rounded too)
        return None, f"another boss on the {x.frame.name} face is Ø{2 * R:g} like {f.of!r}: their feet cannot be told apart"
    d = resolved(spec.body)
    if isinstance(spec.body, Box):
        room = min(min(d["length"] / 2 - abs(u), d["width"] / 2 - abs(v)) for u, v in x.points) - R
    elif isinstance(spec.body, Cylinder):
        room = min(d["diameter"] / 2 - math.hypot(u, v) for u, v in x.points) - R
    else:
        return None, "a boss's foot is rounded on a block or a cylinder"
    if len(x.points) > 1:
        gap = min(math.dist(a, b) for i, a in enumerate(x.points) for b in x.points[i + 1:]) / 2 - R
        room = min(room, gap)
    return (min(x.feature.height, room), f"the {x.feature.height:g} mm tall boss {f.of!r}" if x.feature.height <= room
            else f"the {room:.3g} mm of face round boss {f.of!r}")


def _one_hole_problem(f, fp, p, done, what: str) -> bool:
    """A fillet / chamfer on the rims of one hole feature (``of``): only with edges 'holes', a plain hole named, and no
    other hole of its diameter on its face (the rims are picked by their circle there). True when a problem was said."""
    def src(x):
        return x.source.feature if x.source is not None else x.feature
    if f.edges != "holes":
        p(Problem(fp + ".of", f"'of' names the hole whose rims the {what} treats: it goes with edges 'holes'",
                  "edges holes", f.edges, "set edges to holes, or drop of"))
        return True
    mine = [x for x in done[:-1] if isinstance(src(x), Hole) and src(x).id == f.of]
    if mine and (src(mine[0]).cbore or src(mine[0]).csink):
        p(Problem(fp + ".of", f"hole {f.of!r} has a counterbore or countersink: its rim is that head's",
                  "a plain hole", f.of, "drop the head, or treat every hole's rims"))
        return True
    if mine and any(isinstance(src(x), Hole) and src(x).id != f.of and x.frame.name == mine[0].frame.name and
                    abs(x.diameter - mine[0].diameter) < EPS for x in done[:-1]):
        p(Problem(fp + ".of", f"another hole on the {mine[0].frame.name} face is Ø{mine[0].diameter:g} like {f.of!r}: "
                  "their rims cannot be told apart", "a hole of its own diameter on its face", f.of,
                  f"treat every hole's rims (drop of), or make the other hole another size"))
        return True
    return False


def check_edges(spec, shape, f, fp, p, done) -> None:
    size = f.radius if isinstance(f, Fillet) else f.size
    what = "fillet" if isinstance(f, Fillet) else "chamfer"
    if f.edges == "root":
        lim, why = root_limit(spec, shape, f, done)
        if lim is None:
            p(Problem(fp + ".of", f"no boss foot to {what}: {why}", "the id of an earlier round boss on the top or "
                      "bottom face", str(f.of), "name such a boss in of"))
        elif size >= lim - EPS:
            p(Problem(fp + (".radius" if what == "fillet" else ".size"), f"{what} {size:g} mm is larger than {why} can "
                      "take", f"less than {lim:.4g} mm", f"{size:g}", f"use a {what} under {lim:.4g} mm"))
        return
    if f.edges == "shoulders":
        steps = shoulders(spec.body, f.of)
        if not steps:
            p(Problem(fp + (".of" if f.of else ".edges"), f"no shaft shoulder to {what}" + (f" named {f.of!r}" if f.of else ""),
                      "a stepped shaft's shoulder ('step_N': between sections N and N + 1 of differing diameters)",
                      str(f.of or f.edges), "name a step between sections of differing diameters, or drop of"))
            return
        lim, n, why = min((min(h, ln), n, f"the {h:g} mm step" if h <= ln else f"the {ln:g} mm long section")
                          for n, _, _, h, ln in steps)
        if size >= lim - EPS:
            p(Problem(fp + (".radius" if what == "fillet" else ".size"), f"{what} {size:g} mm is larger than {why} at "
                      f"shoulder step_{n} can take", f"less than {lim:.4g} mm", f"{size:g}", f"use a {what} under {lim:.4g} mm"))
        return
    if f.of is not None and _one_hole_problem(f, fp, p, done, what):
        return
    lim, why = edge_limit(spec, shape, f.edges, done, f.of)
    if lim is None:
        p(Problem(fp + ".edges", f"no {f.edges} edges to {what}: {why}", "an edge set this part has",
                  f.edges, "pick another edge set (all, top, bottom, outer, holes, ends)"))
    elif size >= lim - EPS:
        p(Problem(fp + (".radius" if what == "fillet" else ".size"),
                  f"{what} {size:g} mm is larger than {why} can take", f"less than {lim:.4g} mm on {'all' if f.edges == 'all' else 'the ' + f.edges} edges",
                  f"{size:g}", f"use a {what} under {lim:.4g} mm"))
