"""The volume a spec promises, in closed form: exact for prisms, cylinders, cones, spheres,
revolved polylines, straight / blind / counterbored / countersunk holes, pockets, bosses, ribs,
keyways, shells of a plain box or cylinder, and fillets / chamfers whose volume has a closed form
(a box's vertical, top, bottom or all edges; a cylinder's end edges; hole rims). Otherwise an
estimate, flagged ``exact=False``."""

from __future__ import annotations

import math

from .bodies import Box, Compound, Cylinder, Profile, Shaft, Tube
from .features import Boss, Chamfer, Fillet, Gusset, Hole, Keyway, LinearPattern, Mirror, PolarPattern, Pocket, Rib, \
    Shell, Slot
from .geometry import body_shape, radius_over, resolved
from .plan import resolve
from .footprint import _extent, hole_in_pocket

SPANDREL = 1 - math.pi / 4                         # area of a fillet's removed corner / r²
SPANDREL_C = (10 - 3 * math.pi) / (3 * (4 - math.pi))  # its centroid's distance from each side / r



def _section_through(body, face: str, depth: float) -> float:
    """How much material a through cut from ``face`` crosses: the bounding box's depth, but one leg of an L
    (from its outside face), a U's base (front) or both its side walls (left: through the channel between), a T's
    web (left or right)."""
    if isinstance(body, Profile) and body.shape == "L" and face in ("front", "left"):
        return body.thickness
    if isinstance(body, Profile) and body.shape == "U" and face in ("front", "left", "right"):
        return (body.lip or body.thickness) if face == "front" else 2 * body.thickness
    if isinstance(body, Profile) and body.shape == "T" and face in ("left", "right"):
        return body.thickness          # through the web
    return depth

def _hole(f: Hole, d: float, thickness: float) -> float:
    r = d / 2
    depth = f.depth if f.depth is not None else thickness
    v = math.pi * r * r * depth
    if f.cbore:
        v += math.pi * ((f.cbore.diameter / 2) ** 2 - r * r) * f.cbore.depth
    if f.csink:
        rc = f.csink.diameter / 2
        h = (rc - r) / math.tan(math.radians(f.csink.angle / 2))
        v += math.pi * h / 3 * (rc * rc + rc * r + r * r) - math.pi * r * r * h
    return v


def _cross_hole(r: float, R: float, steps: int = 2000) -> float:
    """The volume a hole of radius r removes going right through a round bar of radius R, their axes
    crossing at right angles: 8 ∫₀ʳ √(r² − x²) √(R² − x²) dx (Simpson's rule; r ≤ R)."""
    h = r / steps
    f = [math.sqrt(max(r * r - x * x, 0.0)) * math.sqrt(max(R * R - x * x, 0.0)) for x in (i * h for i in range(steps + 1))]
    return 8 * h / 3 * (f[0] + f[-1] + 4 * sum(f[1:-1:2]) + 2 * sum(f[2:-1:2]))


def _area(f) -> float:
    if isinstance(f, Slot) or (isinstance(f, Pocket) and f.shape == "slot"):
        return (f.length - f.width) * f.width + math.pi * f.width ** 2 / 4
    if isinstance(f, Pocket) and f.shape == "circle":
        return math.pi * f.diameter ** 2 / 4
    if isinstance(f, Pocket) and f.shape == "hex":
        return math.sqrt(3) / 2 * f.across_flats ** 2
    if isinstance(f, Pocket) and f.shape == "v":
        return f.length * f.width / 2          # times its depth below: the triangle's area, run along it
    if isinstance(f, Pocket) and f.shape in ("d", "double_d"):
        r = f.diameter / 2
        a = f.across_flats - r if f.shape == "d" else f.across_flats / 2      # the flat's distance from the centre
        cap = r * r * math.acos(a / r) - a * math.sqrt(r * r - a * a)         # the circle beyond the flat
        return math.pi * r * r - cap * (1 if f.shape == "d" else 2)
    if isinstance(f, Boss):
        w = f.wall or 0.0
        if f.diameter and f.sides:
            return f.sides * (f.diameter / 2) ** 2 * math.tan(math.pi / f.sides)     # across its flats
        if f.diameter:
            return math.pi * (f.diameter ** 2 - max(f.diameter - 2 * w, 0.0) ** 2) / 4 if w else math.pi * f.diameter ** 2 / 4
        return f.length * f.width - (max(f.length - 2 * w, 0.0) * max(f.width - 2 * w, 0.0) if w else 0.0)
    cr = f.corner_radius or 0
    return f.length * f.width - (4 - math.pi) * cr * cr


def _segment_area(r: float, depth: float, half_width: float) -> float:
    """Area of the disc of radius r beyond x = r - depth and within |y| <= half_width."""
    a = r - depth
    ymax = min(half_width, math.sqrt(max(r * r - a * a, 0.0)))
    prim = (ymax * math.sqrt(r * r - ymax * ymax) + r * r * math.asin(ymax / r)) / 2
    return 2 * (prim - a * ymax)


def _edges(spec, shape, f, holes, placed=None) -> tuple[float, bool]:
    s = f.radius if isinstance(f, Fillet) else f.size
    area, c = (SPANDREL * s * s, SPANDREL_C * s) if isinstance(f, Fillet) else (s * s / 2, s / 3)
    body = spec.body
    if f.edges == "holes" and not holes and isinstance(body, Tube):
        # a tube's bore is its hole: its rim at each end
        return 2 * area * 2 * math.pi * (resolved(body)["inner_diameter"] / 2 + c), True
    if f.edges == "root":
        # material added round the boss's foot: the spandrel (or the bevel's triangle) turned about its axis (Pappus)
        boss = next(x for x in spec.features if isinstance(x, Boss) and x.id == f.of)
        n = (placed or {}).get(f.of, 1)         # (how many copies of the boss: resolved once, in spec_volume)
        return -n * area * 2 * math.pi * (boss.diameter / 2 + c), True
    if f.edges == "shoulders":
        # material added in each shoulder's corner: the spandrel (or triangle) turned about the axis (Pappus)
        from .edges import shoulders
        return -sum(area * 2 * math.pi * (r + c) for _, _, r, _, _ in shoulders(body, f.of)), True
    if f.edges == "holes":
        holes = [r for r in holes if f.of is None or (r.source.feature if r.source is not None else r.feature).id == f.of]
        return sum(len(r.points) * area * 2 * math.pi * (r.diameter / 2 + c) for r in holes), \
            all(not r.feature.csink and not r.feature.cbore for r in holes)
    if isinstance(body, Box):
        L, W, H = (resolved(body)[k] for k in ("length", "width", "height"))
        if f.edges == "vertical":
            return 4 * area * H, True
        if f.edges == "long":
            return 4 * area * max(L, W, H), True
        if f.edges in ("top", "bottom"):
            corner = next((x for x in spec.features[:spec.features.index(f)] if isinstance(x, (Fillet, Chamfer))
                           and x.edges == "vertical"), None)
            if isinstance(corner, Fillet):
                # round filleted corners: the straight runs, and four quarter turns about the corner arcs (Pappus)
                R = corner.radius
                return area * (2 * (L - 2 * R) + 2 * (W - 2 * R) + 2 * math.pi * (R - c)), True
            if isinstance(corner, Chamfer):
                # an octagon: its perimeter, less the mitres at eight 135° corners on the section's centroid line
                v = corner.size
                path = 2 * (L - 2 * v) + 2 * (W - 2 * v) + 4 * v * math.sqrt(2) - 16 * c * math.tan(math.pi / 8)
                return area * path, isinstance(f, Chamfer)
            return area * (2 * (L - 2 * c) + 2 * (W - 2 * c)), True
        if isinstance(f, Fillet):  # all / outer: a rounded box
            a, b, h = L - 2 * s, W - 2 * s, H - 2 * s
            rounded = a * b * h + 2 * s * (a * b + a * h + b * h) + math.pi * s * s * (a + b + h) + 4 / 3 * math.pi * s ** 3
            return L * W * H - rounded, True
        return area * 4 * (L + W + H), False
    if isinstance(body, Cylinder):
        R = resolved(body)["diameter"] / 2
        n = 1 if f.edges in ("top", "bottom") else 2
        return n * area * 2 * math.pi * (R - c), True
    if isinstance(body, Tube) and f.edges in ("top", "bottom", "outer"):
        R = resolved(body)["outer_diameter"] / 2
        return (1 if f.edges != "outer" else 2) * area * 2 * math.pi * (R - c), True
    lx, ly, lz = shape.size
    return area * 2 * (lx + ly), False


def _through_hubs(spec, r) -> tuple[float, bool]:
    """(the height of the round hubs every point of a vertical through hole ``r`` also goes through,
    whether each hub is wholly cut or wholly missed)."""
    extra, clean = 0.0, True
    rad = r.diameter / 2
    for g in spec.features:
        if not isinstance(g, Boss) or not g.diameter or g.sides or g.on not in ("top", "bottom") or g.at.kind != "center":
            clean &= not isinstance(g, Boss)
            continue
        bore = g.diameter / 2 - g.wall if g.wall else None      # a ring's open middle
        inside = [math.dist(p, (0.0, 0.0)) + rad <= g.diameter / 2 + 1e-9 and (
            bore is None or math.dist(p, (0.0, 0.0)) - rad >= bore - 1e-9) for p in r.points]
        missed = [math.dist(p, (0.0, 0.0)) - rad >= g.diameter / 2 - 1e-9 or (
            bore is not None and math.dist(p, (0.0, 0.0)) + rad <= bore + 1e-9) for p in r.points]
        if all(inside):
            extra += g.height
        clean &= all(inside) or all(missed)
    return extra, clean


def _independent(x, f) -> bool:
    """Does an earlier feature leave the closed form of fillet / chamfer ``f`` unchanged?"""
    if isinstance(x, (Hole, LinearPattern, PolarPattern)):
        return f.edges != "all"
    if f.edges == "shoulders":
        return isinstance(x, (Fillet, Chamfer)) and x.edges in ("ends", "shoulders")
    if f.edges == "root":
        return isinstance(x, Boss) and x.id == f.of or isinstance(x, (Hole, Pocket)) or \
            isinstance(x, (Fillet, Chamfer)) and x.edges != "root"
    if isinstance(x, (Fillet, Chamfer)):
        return {x.edges, f.edges} == {"top", "bottom"} or (x.edges == "vertical" and f.edges in ("top", "bottom"))
    return False


def _walls_crossed(shell, r, shape) -> tuple[float, bool] | None:
    """(material a through hole crosses, does it stay inside the cavity's outline?) for a hole drilled
    straight through a shelled box or cylinder from one of its faces; None for other frames."""
    t, (lx, ly, lz) = shell.thickness, shape.size
    floor = shell.bottom if shell.bottom is not None else t
    axes = {"top": ("top", "bottom", (lx, ly)), "bottom": ("bottom", "top", (lx, ly)),
            "front": ("front", "back", (lx, lz)), "back": ("back", "front", (lx, lz)),
            "left": ("left", "right", (ly, lz)), "right": ("right", "left", (ly, lz))}
    if r.frame.name not in axes:
        return None
    near, far, (su, sv) = axes[r.frame.name]
    wall = {"bottom": floor}
    crossed = sum(0.0 if side == shell.open_face else wall.get(side, t) for side in (near, far))
    # the cavity's outline on this face: inside the walls (and above the floor on a side face)
    hu, hv = su / 2 - t, sv / 2 - t
    rad = r.diameter / 2
    inside = all(abs(u) + rad <= hu + 1e-9 and abs(v) + rad <= hv + 1e-9 for u, v in r.points) and \
        (near in ("top", "bottom") or floor == t)
    return crossed, inside


def spec_volume(spec) -> tuple[float, bool]:  # noqa: C901 - one branch per feature kind
    """(volume in mm³, exact?)."""
    shape = body_shape(spec.body)
    vol, exact = shape.volume, shape.exact
    simple = isinstance(spec.body, (Box, Cylinder))
    holes, cuts, pockets = [], [], []
    shell = None
    placed: dict[str, int] = {}          # feature id -> its copies, as resolved
    for k, r in enumerate(resolve(spec, shape)):
        placed[r.feature.id] = placed.get(r.feature.id, 0) + len(r.points)
        f = r.feature
        src = r.source.feature if r.source else f
        n = len(r.points)
        floors = []          # the depth of the blind pocket each hole goes down through (0: none)
        if isinstance(src, (Hole, Pocket, Slot)):
            ext = _extent(src, r)
            for u, v in r.points:
                floor = next((pk.depth for face, pk, pr, q in pockets if face == r.frame.name
                              and hole_in_pocket(src, r, (u, v), pk, q)), 0.0)
                floors.append(floor)
                exact &= all(face == r.frame.name and (math.dist((u, v), q) >= ext + e or floor) for face, q, e in cuts)
                cuts.append((r.frame.name, (u, v), ext))
        if isinstance(src, Pocket) and src.depth is not None:
            pockets += [(r.frame.name, src, r, q) for q in r.points]
        if isinstance(src, Hole):
            through = _section_through(spec.body, r.frame.name, r.frame.depth)
            if r.frame.name == "datum XY" and src.depth is None and simple:
                # a bore through the body and the hubs on it ("30 bore all the way thru" a hub flange)
                extra, clean = _through_hubs(spec, r)
                through += extra
                exact &= clean
                vol -= n * _hole(src, r.diameter, through)
                holes.append(r)
                continue
            if isinstance(spec.body, Cylinder) and r.frame.name in ("front", "back", "left", "right"):
                # a cross hole through a round bar: exact only through its axis, right through, plain
                R = spec.body.diameter / 2
                plain = src.depth is None and not src.cbore and not src.csink and r.diameter / 2 <= R
                vol -= n * (_cross_hole(r.diameter / 2, R) if plain else _hole(src, r.diameter, through))
                exact &= plain and all(abs(u) < 1e-9 for u, _ in r.points)
                holes.append(r)
                continue
            if isinstance(spec.body, Shaft) and r.frame.name in ("top", "bottom") and src.depth is None and \
                    not src.cbore and not src.csink:
                # through a stepped body along its axis: it cuts only the sections it lies wholly inside
                rad = r.diameter / 2
                for u, v in r.points:
                    rho = math.hypot(u, v)
                    vol -= math.pi * rad * rad * sum(s.length for s in spec.body.sections if s.diameter / 2 >= rho + rad)
                    exact &= all(s.diameter / 2 >= rho + rad or s.diameter / 2 <= rho - rad for s in spec.body.sections)
                holes.append(r)
                continue
            walls = _walls_crossed(shell, r, shape) if shell is not None and src.depth is None else None
            if walls is not None:
                # through a shelled part: it cuts the walls it crosses, not the cavity between them
                through, inside = walls
                exact &= inside and not src.cbore and not src.csink
            if any(floors):
                # down through a pocket's floor: only what lies below the pocket is cut
                vol -= sum(math.pi * (r.diameter / 2) ** 2 * ((src.depth if src.depth is not None else through) - fl)
                           if fl else _hole(src, r.diameter, through) for fl in floors)
                exact &= r.frame.name in ("top", "bottom") and not isinstance(spec.body, Compound)
                holes.append(r)
                continue
            vol -= n * _hole(src, r.diameter, through)
            exact &= (simple and not r.frame.name.startswith("datum")) or r.frame.name in ("top", "bottom") and \
                not isinstance(spec.body, Compound)
            holes.append(r)
        elif isinstance(src, (Pocket, Slot)):
            through = _section_through(spec.body, r.frame.name, r.frame.depth)
            vol -= n * _area(src) * (src.depth if src.depth is not None else through)
            exact &= simple
        elif isinstance(src, Boss):
            vol += n * _area(src) * src.height
        elif isinstance(f, Rib):
            vol += math.dist(f.start, f.end) * f.thickness * f.height
        elif isinstance(f, Gusset):
            vol += len(f.z) * f.length * f.height / 2 * f.thickness
        elif isinstance(f, (Fillet, Chamfer)):
            removed, ok = _edges(spec, shape, f, holes, placed)
            vol -= removed
            exact &= ok and simple and all(_independent(x, f) for x in spec.features[:k])
        elif isinstance(f, Shell):
            shell = f
            t, (lx, ly, lz) = f.thickness, shape.size
            inner_h = lz - ((f.bottom if f.bottom is not None else t) if f.open_face else 2 * t)
            if isinstance(spec.body, Cylinder):
                vol -= math.pi * (lx / 2 - t) ** 2 * inner_h
            else:
                vol -= (lx - 2 * t) * (ly - 2 * t) * inner_h
            exact &= isinstance(spec.body, (Box, Cylinder)) and k == 0 and f.open_face in (None, "top", "bottom")
        elif isinstance(f, Mirror):
            vol *= 2
            axis = {"YZ": 0, "XZ": 1, "XY": 2}[f.plane]
            exact &= shape.lo[axis] >= -1e-9 or shape.hi[axis] <= 1e-9
        elif isinstance(f, Keyway):
            r0, constant = radius_over(spec.body, f.z, f.z + f.length)
            half = f.width / 2 if f.kind in ("keyway", "wall_slot") else r0
            if f.kind == "v_groove":
                # Pappus: the V's section (length x depth / 2) turned about the axis at its centroid, depth / 3 in
                vol -= f.length * f.depth / 2 * 2 * math.pi * (r0 - f.depth / 3)
                exact &= constant
                continue
            area = math.pi * (r0 ** 2 - (r0 - f.depth) ** 2) if f.kind == "groove" else _segment_area(r0, f.depth, half)
            if isinstance(spec.body, Tube) and f.kind != "groove":
                # a cut that reaches the bore takes only the wall: the bore's part of its outline is not material
                ri, x0 = resolved(spec.body)["inner_diameter"] / 2, r0 - f.depth
                if x0 < ri:
                    area -= _segment_area(ri, ri - x0, half)
            vol -= area * f.length
            exact &= isinstance(spec.body, Cylinder) or (f.kind == "groove" and constant)
        else:  # text
            exact = False
    return vol + _crossing_bores(spec, holes), exact


def _crossing_bores(spec, holes) -> float:
    """What a sum of hole cylinders counts twice where equal through bores cross at a box's centre ('a hole
    through the centre of every face'): the bicylinder (16/3 r³) each pair shares, less the tricylinder's
    (16 - 8√2) r³ all three share."""
    if not isinstance(spec.body, Box):
        return 0.0
    axes: dict[str, float] = {}
    for r in holes:
        src = r.source.feature if r.source else r.feature
        axis = {"top": "z", "bottom": "z", "front": "y", "back": "y", "left": "x", "right": "x"}.get(r.frame.name)
        if axis and src.depth is None and not src.cbore and not src.csink and r.points == [(0.0, 0.0)]:
            axes.setdefault(axis, r.diameter)
    if len(axes) < 2 or len(set(axes.values())) != 1:
        return 0.0
    rad = next(iter(axes.values())) / 2
    if len(axes) == 2:
        return 16 / 3 * rad ** 3
    return 3 * 16 / 3 * rad ** 3 - (16 - 8 * math.sqrt(2)) * rad ** 3
