"""Features → CadQuery blocks that update ``result``. Placed features work on the plane of their
face (named once, e.g. ``top_face``), with points in that plane's (u, v)."""

from __future__ import annotations

import math

from .bodies import Cylinder, Shaft
from .emit import Params, num, pt, pts
from .features import (Boss, Chamfer, Fillet, Gusset, Hole, Keyway, LinearPattern, Mirror, PolarPattern, Pocket, Rib,
                       Shell, Slot, Text)
from .geometry import radius_over, resolved

FACE_SELECTOR = {"top": ">Z", "bottom": "<Z", "front": "<Y", "back": ">Y", "right": ">X", "left": "<X"}


class Ctx:
    def __init__(self, P: Params, spec, shape, helpers: set | None = None) -> None:
        self.P, self.spec, self.shape = P, spec, shape
        self.helpers = helpers if helpers is not None else set()
        self.planes: dict[str, str] = {}

    def plane(self, frame) -> tuple[str, list[str]]:
        name = frame.name.replace(" ", "_") + ("_face" if not frame.name.startswith("datum") else "")
        if frame.name.startswith("datum") and frame.normal[[abs(x) for x in frame.normal].index(1.0)] < 0:
            name += "_flipped"
        if name in self.planes:
            return name, []
        self.planes[name] = name
        return name, [f"{name} = cq.Plane(origin={pt(frame.origin)}, xDir={pt(frame.x_dir)}, "
                      f"normal={pt(frame.normal)})"]


PLACEMENT = {"center": "in the middle", "at": "at given points", "from_corner": "from a corner",
             "from_edge": "from an edge", "corners": "at the corners", "linear": "in a row", "grid": "in a grid",
             "bolt_circle": "on a bolt circle", "nema": "on a NEMA pattern"}


def describe(r) -> str:
    f = r.feature
    n = len(r.points)
    where = f" on the {r.frame.name} face" if r.frame is not None else ""
    if isinstance(f, Hole):
        kind = "through" if f.depth is None else f"{num(f.depth)} mm deep"
        extra = (f", counterbore Ø{num(f.cbore.diameter)} x {num(f.cbore.depth)}" if f.cbore else
                 f", countersink Ø{num(f.csink.diameter)} x {num(f.csink.angle)}°" if f.csink else "")
        size = f", {r.size_note}" if r.size_note else ""
        return (f"{n} hole{'s' if n != 1 else ''} Ø{num(r.diameter)} {kind}{size}{extra}, "
                f"{PLACEMENT[f.at.kind]}{where}")
    if isinstance(f, (Fillet, Chamfer)):
        size = f.radius if isinstance(f, Fillet) else f.size
        return f"{f.kind} {num(size)} mm on the {f.edges} edges"
    if isinstance(f, (LinearPattern, PolarPattern)):
        return f"{f.kind.replace('_', ' ')} of {f.feature!r}: {f.count} in all"
    return f"{f.kind}{where}"


def feature_lines(r, ctx: Ctx, points_override=None) -> list[str]:  # noqa: C901 - one branch per kind
    f, P = r.feature, ctx.P
    i = f.id
    if isinstance(f, (LinearPattern, PolarPattern)):
        src = r.source
        step = f"({num(f.step[0])}, {num(f.step[1])}) per copy" if isinstance(f, LinearPattern) else \
            f"{num(f.angle)}° around {pt(f.center)}"
        name = P.add(f"{i}_points", pts(r.points), f"copies of {f.feature}: {step}")
        return [f"# the same cut / boss as {f.feature!r} at the copies' points"] + feature_lines(src, ctx, name)
    lines: list[str] = []
    plane = None
    if r.frame is not None:
        plane, lines = ctx.plane(r.frame)
    where = points_override
    if where is None and r.points and hasattr(f, "at"):
        where = points_param(r, ctx, i)
    on = f"result.copyWorkplane(cq.Workplane({plane}))" if plane else None
    if plane and r.frame.name.startswith("datum") and getattr(f, "depth", 0) is None:
        k = [abs(c) for c in r.frame.normal].index(1.0)
        lo, hi = ctx.shape.lo[k], ctx.shape.hi[k]
        if k == 2:     # a hub or boss on the top or bottom face: a through cut starts beyond it
            hi += max([g.height for g in ctx.spec.features if isinstance(g, Boss) and g.on == "top"], default=0.0)
            lo -= max([g.height for g in ctx.spec.features if isinstance(g, Boss) and g.on == "bottom"], default=0.0)
        out = (hi - r.frame.origin[k]) if r.frame.normal[k] > 0 else (r.frame.origin[k] - lo)
        if out > 0:   # a through cut from a plane inside the part starts outside it
            on += f".workplane(offset={num(out)})"
    if isinstance(f, Hole):
        D = P.add(f"{i}_diameter", r.diameter, r.size_note)
        depth = P.add(f"{i}_depth", f.depth) if f.depth is not None else "None"
        if f.cbore:
            CD, CH = P.add(f"{i}_cbore_diameter", f.cbore.diameter), P.add(f"{i}_cbore_depth", f.cbore.depth)
            call = f"cboreHole({D}, {CD}, {CH}, {depth})"
        elif f.csink:
            CD, CA = P.add(f"{i}_csink_diameter", f.csink.diameter), P.add(f"{i}_csink_angle", f.csink.angle)
            call = f"cskHole({D}, {CD}, {CA}, {depth})"
        else:
            call = f"hole({D})" if f.depth is None else f"hole({D}, {depth})"
        return lines + [f"result = {on}.pushPoints({where}).{call}" + ("  # depth None: through" if
                                                                       f.depth is None and (f.cbore or f.csink) else "")]
    if isinstance(f, (Pocket, Slot)):
        shape = "slot" if isinstance(f, Slot) else f.shape
        cut = f".cutBlind(-{P.add(f'{i}_depth', f.depth)})" if f.depth is not None else ".cutThruAll()"
        A = P.add(f"{i}_angle", f.angle, "degrees") if f.angle else None
        if shape == "circle":
            D = P.add(f"{i}_diameter", f.diameter)
            return lines + [f"result = {on}.pushPoints({where}).circle({D} / 2){cut}"]
        if shape == "hex":
            AF = P.add(f"{i}_across_flats", f.across_flats)
            # polygon() takes the circle through the corners: across corners = across flats / cos 30°
            return lines + [f"result = {on}.pushPoints({where}).polygon(6, {AF} * 2 / 3 ** 0.5){cut}"]
        if shape in ("d", "double_d"):
            D, AF = P.add(f"{i}_diameter", f.diameter), P.add(f"{i}_across_flats", f.across_flats,
                                                             "flat to far side" if shape == "d" else "flat to flat")
            # the disc, kept where a band AF wide crosses it (a D: the band from the far side of the circle)
            off = f"({AF} - {D}) / 2" if shape == "d" else "0.0"
            s, c = math.sin(math.radians(f.angle)), math.cos(math.radians(f.angle))
            band = (f"[(u - {num(s)} * {off}, v + {num(c)} * {off}) for u, v in {where}]" if shape == "d" else where)
            return lines + [f"result = {on}.sketch().push({where}).circle({D} / 2).push({band})"
                            f".rect({D}, {AF}{', angle=' + A if A else ''}, mode='i').finalize(){cut}"]
        L, W = P.add(f"{i}_length", f.length), P.add(f"{i}_width", f.width)
        if shape == "v":
            return lines + v_groove_lines(f, r, ctx, L, W)
        if shape == "slot":
            return lines + [f"result = {on}.pushPoints({where}).slot2D({L}, {W}{', ' + A if A else ''}){cut}"]
        rect = f".rect({L}, {W}{', angle=' + A if A else ''})"
        if getattr(f, "corner_radius", None):
            rect += f".reset().vertices().fillet({P.add(f'{i}_corner_radius', f.corner_radius)})"
        return lines + [f"result = {on}.sketch().push({where}){rect}.finalize(){cut}"]
    if isinstance(f, Boss):
        H = P.add(f"{i}_height", f.height)
        if f.diameter and f.sides:
            D = P.add(f'{i}_diameter', f.diameter, f"across the flats of its {f.sides} sides")
            prof = f".polygon({f.sides}, {D} / {num(math.cos(math.pi / f.sides))})"
        elif f.diameter:
            D = P.add(f'{i}_diameter', f.diameter)
            prof = f".circle({D} / 2)"
            if f.wall:
                prof += f".circle({D} / 2 - {P.add(f'{i}_wall', f.wall, 'a ring: the middle open')})"
        else:
            L, W = P.add(f'{i}_length', f.length), P.add(f'{i}_width', f.width)
            prof = f".rect({L}, {W})"
            if f.wall:
                T = P.add(f'{i}_wall', f.wall, "a rim: the middle open")
                prof += f".rect({L} - 2 * {T}, {W} - 2 * {T})"
        return lines + [f"result = result.union(cq.Workplane({plane}).pushPoints({where}){prof}.extrude({H}))"]
    if isinstance(f, Rib):
        (u0, v0), (u1, v1) = f.start, f.end
        ln = math.hypot(u1 - u0, v1 - v0)
        ang = math.degrees(math.atan2(v1 - v0, u1 - u0))
        T, H = P.add(f"{i}_thickness", f.thickness), P.add(f"{i}_height", f.height)
        return lines + [f"# from {pt(f.start)} to {pt(f.end)}: {num(ln)} mm long at {num(ang)}°",
                        f"rib = cq.Workplane({plane}).sketch().push([{pt(((u0 + u1) / 2, (v0 + v1) / 2))}])"
                        f".rect({num(ln)}, {T}, angle={num(ang)}).finalize().extrude({H})",
                        "result = result.union(rib)"]
    if isinstance(f, (Fillet, Chamfer)):
        S = P.add(f"{i}_radius" if isinstance(f, Fillet) else f"{i}_size", f.radius if isinstance(f, Fillet) else f.size)
        op = "fillet" if isinstance(f, Fillet) else "chamfer"
        return [f"result = {edge_selection(f.edges, ctx, f.of)}.{op}({S})"]
    if isinstance(f, Shell):
        T = P.add(f"{i}_thickness", f.thickness, "walls, inwards")
        if f.open_face:
            out = [f'result = result.faces("{FACE_SELECTOR[f.open_face]}").shell(-{T})  # open at the {f.open_face}']
            if f.bottom is not None and f.bottom != f.thickness:
                out += floor_lines(f, ctx, T)
            return out
        return [f"result = result.shell(-{T})  # closed: a hollow inside"]
    if isinstance(f, Mirror):
        return [f'result = result.mirror("{f.plane}", union=True)']
    if isinstance(f, Keyway):
        return keyway_lines(f, ctx)
    if isinstance(f, Gusset):
        b = ctx.spec.body
        x0, y0 = -b.width / 2 + b.thickness, -b.height / 2 + b.thickness        # the inside corner
        A, B, T = P.add(f"{i}_length", f.length, "along the base leg"), P.add(f"{i}_height", f.height, "up the upright"), \
            P.add(f"{i}_thickness", f.thickness)
        Z = P.add(f"{i}_z", "[" + ", ".join(num(b.length / 2 + z) for z in f.z) + "]", "centres along the run")
        return [f"for z in {Z}:  # a triangle in the inside corner, {num(f.thickness)} thick",
                f"    gusset = cq.Workplane(\"XY\").polyline([{pt((x0, y0))}, ({num(x0)} + {A}, {num(y0)}), "
                f"({num(x0)}, {num(y0)} + {B})]).close().extrude({T}).translate((0, 0, z - {T} / 2))",
                "    result = result.union(gusset)"]
    if isinstance(f, Text):
        S, D = P.add(f"{i}_size", f.size), P.add(f"{i}_depth", f.depth)
        T = P.add(f"{i}_text", repr(f.text))
        u, v = r.points[0] if r.points else (0.0, 0.0)
        if f.mode == "engrave":
            return lines + [f"result = {on}.center({num(u)}, {num(v)}).text({T}, {S}, -{D}, combine='cut')"]
        return lines + [f"result = {on}.center({num(u)}, {num(v)}).text({T}, {S}, {D}, combine='a')"]
    raise TypeError(type(f).__name__)


HALF = {"top": ("length", "width"), "bottom": ("length", "width"), "front": ("length", "height"),
        "back": ("length", "height"), "left": ("width", "height"), "right": ("width", "height")}


def points_param(r, ctx: Ctx, i: str) -> str:
    """The feature's points as a named parameter: an expression of the placement's own parameters
    (count, spacing, bolt-circle diameter, inset...) where the placement has them, else a list."""
    P, at, face = ctx.P, r.feature.at, r.frame.name
    note = f"(u, v) on the {face} face"
    cu, cv = getattr(at, "center", (0.0, 0.0))
    off_u = f"{num(cu)} + " if cu else ""
    off_v = f"{num(cv)} + " if cv else ""
    if at.kind == "bolt_circle":
        ctx.helpers.add("import math")
        N, D = P.add(f"{i}_count", at.count), P.add(f"{i}_circle_diameter", at.diameter, "bolt circle")
        A = P.add(f"{i}_start_angle", at.start_angle, "degrees from +u")
        ang = f"math.radians({A} + 360 * k / {N})"
        return P.add(f"{i}_points", f"[({off_u}{D} / 2 * math.cos({ang}), {off_v}{D} / 2 * math.sin({ang})) "
                     f"for k in range({N})]", note)
    if at.kind == "linear" and at.spacing is not None:
        N, S = P.add(f"{i}_count", at.count), P.add(f"{i}_spacing", at.spacing)
        step = f"(k - ({N} - 1) / 2) * {S}"
        pair = f"({off_u}{step}, {num(cv)})" if at.axis == "u" else f"({num(cu)}, {off_v}{step})"
        return P.add(f"{i}_points", f"[{pair} for k in range({N})]", note)
    if at.kind == "grid":
        NU, NV = P.add(f"{i}_count_u", at.counts[0]), P.add(f"{i}_count_v", at.counts[1])
        SU, SV = P.add(f"{i}_spacing_u", at.spacing[0]), P.add(f"{i}_spacing_v", at.spacing[1])
        return P.add(f"{i}_points", f"[({off_u}(a - ({NU} - 1) / 2) * {SU}, {off_v}(b - ({NV} - 1) / 2) * {SV}) "
                     f"for b in range({NV}) for a in range({NU})]", note)
    body = ctx.spec.body
    if at.kind == "corners" and body.kind == "box" and face in HALF and at.inset is not None:
        I = P.add(f"{i}_inset", at.inset, "in from both edges")
        hu, hv = (f"{body.id}_{k}" for k in HALF[face])
        return P.add(f"{i}_points", f"[(su * ({hu} / 2 - {I}), sv * ({hv} / 2 - {I})) "
                     "for sv in (-1, 1) for su in (-1, 1)]", note)
    return P.add(f"{i}_points", pts(r.points), note)


def v_groove_lines(f: Pocket, r, ctx: Ctx, L: str, W: str) -> list[str]:
    """A V groove: its triangle (``width`` across at the face, ``depth`` down to its bottom line) on a plane across the
    groove at its start, run ``length`` along it; the triangle starts 1 mm outside the face (its sides kept straight)."""
    D = ctx.P.add(f"{f.id}_depth", f.depth)
    fr, a = r.frame, math.radians(f.angle)
    y = fr.y_dir
    along = tuple(math.cos(a) * fr.x_dir[k] + math.sin(a) * y[k] for k in range(3))
    across = tuple(-math.sin(a) * fr.x_dir[k] + math.cos(a) * y[k] for k in range(3))
    out = []
    for n, (u, v) in enumerate(r.points):
        du, dv = -f.length / 2 * math.cos(a), -f.length / 2 * math.sin(a)
        start = fr.to_world(u + du, v + dv)
        out += [f"v_{n} = cq.Workplane(cq.Plane(origin={pt(start)}, xDir={pt(across)}, normal={pt(along)}))"
                f".polyline([(-{W} / 2 * (1 + 1 / {D}), 1), ({W} / 2 * (1 + 1 / {D}), 1), (0, -{D})]).close()"
                f".extrude({L})  # the V's triangle, run along the groove",
                f"result = result.cut(v_{n})"]
    return out


def floor_lines(f: Shell, ctx: Ctx, T: str) -> list[str]:
    """The floor of an open shell made ``bottom`` thick: the inside outline, added on (or cut into) the
    floor the shell left ``thickness`` thick."""
    P, i, body = ctx.P, f.id, ctx.spec.body
    B = P.add(f"{i}_bottom", f.bottom, "floor thickness")
    lo, hi = ctx.shape.lo[2], ctx.shape.hi[2]
    up = f.open_face == "top"
    d = resolved(body)
    if isinstance(body, Cylinder):
        sketch = f"circle({num(d['diameter'] / 2)} - {T})"
    else:
        sketch = f"rect({num(d['length'])} - 2 * {T}, {num(d['width'])} - 2 * {T})"
    # rounded vertical corners before the shell: the cavity's corners are rounded by the radius less the wall
    rounded = max([g.radius for g in ctx.spec.features if isinstance(g, Fillet) and g.edges == "vertical"], default=0.0)
    corner = f".edges(\"|Z\").fillet({num(rounded)} - {T})" if rounded > f.thickness and not isinstance(body, Cylinder) \
        else ""
    thicker = f.bottom > f.thickness
    z0 = (f"{num(lo)} + {T}" if thicker else f"{num(lo)} + {B}") if up else \
        (f"{num(hi)} - {B}" if thicker else f"{num(hi)} - {T}")
    op = "union" if thicker else "cut"
    return [f"floor = cq.Workplane(\"XY\").workplane(offset={z0}).{sketch}.extrude(abs({B} - {T})){corner}"
            f"  # floor {'thickened' if thicker else 'thinned'} to {num(f.bottom)}",
            f"result = result.{op}(floor)"]


def edge_selection(edges: str, ctx: Ctx, of: str | None = None) -> str:
    if edges == "root":
        # the circles of the boss's diameter in the plane of the face it stands on: its foot (rules: a round boss
        # on the top or bottom face)
        from .plan import resolve_feature
        r = resolve_feature(ctx.spec, of)
        z = r.frame.origin[2]
        return (f'result.newObject([e for e in result.edges("%CIRCLE").vals() if abs(e.radius() - '
                f'{num(r.feature.diameter / 2)}) < 1e-6 and abs(e.Center().z - {num(z)}) < 1e-6])')
    if edges == "shoulders":
        # the circles where a smaller section meets the face of a larger one (rules: a shaft, its steps named)
        from .edges import shoulders
        rings = ", ".join(f"({num(r)}, {num(z)})" for _, z, r, _, _ in shoulders(ctx.spec.body, of))
        return (f'result.newObject([e for e in result.edges("%CIRCLE").vals() if any(abs(e.radius() - r) < 1e-6 and '
                f'abs(e.Center().z - z) < 1e-6 for r, z in [{rings}])])')
    if edges == "all":
        return "result.edges()"
    if edges == "vertical":
        return 'result.edges("|Z")'
    if edges == "long":
        from .edges import long_axis
        return f'result.edges("|{"XYZ"[long_axis(ctx.spec.body)]}")'
    if edges in ("top", "bottom"):
        return f'result.newObject(result.faces("{">Z" if edges == "top" else "<Z"}").val().outerWire().Edges())'
    if edges == "ends":
        return 'result.faces(">Z or <Z").edges()'
    if edges == "outer" and ctx.spec.body.kind in ("cylinder", "tube", "cone"):
        # a round body's outside edges: the outlines of its ends (its side has no edges, only a seam)
        return ('result.newObject(result.faces(">Z").val().outerWire().Edges() + '
                'result.faces("<Z").val().outerWire().Edges())')
    if edges == "outer":
        return ('result.newObject(result.faces(">Z").val().outerWire().Edges() + '
                'result.faces("<Z").val().outerWire().Edges() + result.edges("|Z").vals())')
    if not ctx.holes and ctx.spec.body.kind == "tube":
        # a tube's bore is its hole: the inner outlines of its two ends
        return ('result.newObject(result.faces(">Z").val().innerWires()[0].Edges() + '
                'result.faces("<Z").val().innerWires()[0].Edges())')
    holes = [r for r in ctx.holes if of is None or (r.source.feature if r.source is not None else r.feature).id == of]
    faces = sorted({r.frame.name for r in holes if r.frame and not r.frame.name.startswith("datum")}) or ["top"]
    sel = " or ".join(FACE_SELECTOR[x] for x in faces)
    if of is not None and holes:
        # the rims of one hole feature: the circles of its diameter on its face (no other hole there has it: rules)
        return (f'result.newObject([e for e in result.faces("{sel}").edges("%CIRCLE").vals() '
                f'if abs(e.radius() - {num(holes[0].diameter / 2)}) < 1e-6])')
    return f'result.faces("{sel}").edges("%CIRCLE")'  # the rims of the holes on their faces


def keyway_lines(f: Keyway, ctx: Ctx) -> list[str]:
    P, body, i = ctx.P, ctx.spec.body, f.id
    r = radius_over(body, f.z, f.z + f.length)[0]
    Z, L, D = P.add(f"{i}_z", f.z, "start along Z"), P.add(f"{i}_length", f.length), P.add(f"{i}_depth", f.depth)
    R = P.add(f"{i}_shaft_radius", r)
    if f.kind == "v_groove":
        # the V's sides carried 1 mm past the surface, so the cut is exactly ``length`` wide there; turned about Z
        return [f"cutter = cq.Workplane(\"XZ\").polyline([({R} - {D}, {Z} + {L} / 2), ({R} + 1, {Z} + {L} / 2 - ({D} + 1) * "
                f"{L} / 2 / {D}), ({R} + 1, {Z} + {L} / 2 + ({D} + 1) * {L} / 2 / {D})]).close()"
                f".revolve(360, (0, 0, 0), (0, 1, 0))  # a V ring all round",
                "result = result.cut(cutter)"]
    if f.kind == "groove":
        return [f"cutter = cq.Workplane(\"XY\").circle({R} + 1).circle({R} - {D}).extrude({L})"
                f".translate((0, 0, {Z}))  # a ring all round",
                "result = result.cut(cutter)"]
    W = P.add(f"{i}_width", f.width) if f.kind in ("keyway", "wall_slot") else f"2 * {R} + 2"
    return [f"cutter = cq.Workplane(\"XY\").box({D} + 1, {W}, {L}, centered=(False, True, False))"
            f".translate(({R} - {D}, 0, {Z}))  # on the +X side",
            "result = result.cut(cutter)"]
