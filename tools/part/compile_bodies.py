"""Base bodies → CadQuery lines that assign one variable. Every body stands on z = 0, centred on
the Z axis, exactly as ``geometry.body_shape`` describes it."""

from __future__ import annotations

from .bodies import (Box, CadJsonBody, Compound, Cone, Cylinder, PolygonPrism, Profile, Revolve,
                     RoundedRect, Shaft, Sphere, SpurGear, Tube)
from .emit import Params, num, pt, pts
from .geometry import body_shape, gear_sizes, inner_corners, profile_outline, resolved

ROTATE = {"z": None, "-z": ((1, 0, 0), 180), "x": ((0, 1, 0), 90), "-x": ((0, 1, 0), -90),
          "y": ((1, 0, 0), -90), "-y": ((1, 0, 0), 90)}
GEAR_HELPER = '''
def involute_gear_outline(module, teeth, pressure_angle, steps=6):
    """Points of an involute spur gear's outline (addendum 1 m, dedendum 1.25 m)."""
    r_pitch = module * teeth / 2
    r_base = r_pitch * math.cos(math.radians(pressure_angle))
    r_out, r_root = r_pitch + module, r_pitch - 1.25 * module
    def inv(a):
        return math.tan(a) - a
    half_tooth = math.pi / (2 * teeth) + inv(math.radians(pressure_angle))  # half tooth angle at the base
    r_start = max(r_base, r_root)
    flank = []
    for i in range(steps + 1):
        r = r_start + (r_out - r_start) * i / steps
        flank.append((r, half_tooth - inv(math.acos(min(1.0, r_base / r)))))
    outline = []
    for k in range(teeth):
        c = 2 * math.pi * k / teeth
        side = [(r_root, c - flank[0][1])] if r_root < r_start else []  # radial from the root
        side += [(r, c - a) for r, a in flank]
        side += [(r, c + a) for r, a in reversed(flank)]
        if r_root < r_start:
            side.append((r_root, c + flank[0][1]))
        outline += [(r * math.cos(a), r * math.sin(a)) for r, a in side]
    return outline
'''


def body_lines(body, var: str, P: Params, helpers: set) -> list[str]:  # noqa: C901 - one branch per kind
    d = resolved(body)
    i = body.id
    wp = 'cq.Workplane("XY")'
    if isinstance(body, Box):
        L, W, H = (P.add(f"{i}_{k}", d[k], c) for k, c in
                   (("length", "along X"), ("width", "along Y"), ("height", "along Z")))
        return [f"{var} = {wp}.box({L}, {W}, {H}, centered=(True, True, False))"]
    if isinstance(body, Cylinder):
        D, H = P.add(f"{i}_diameter", d["diameter"]), P.add(f"{i}_height", d["height"])
        return [f"{var} = {wp}.circle({D} / 2).extrude({H})"]
    if isinstance(body, Tube):
        note = f"{body.standard} {body.size} washer" if body.standard else ""
        OD = P.add(f"{i}_outer_diameter", d["outer_diameter"], note)
        ID, H = P.add(f"{i}_inner_diameter", d["inner_diameter"]), P.add(f"{i}_height", d["height"])
        return [f"{var} = {wp}.circle({OD} / 2).circle({ID} / 2).extrude({H})"]
    if isinstance(body, Cone):
        D1, D2 = P.add(f"{i}_bottom_diameter", d["bottom_diameter"]), P.add(f"{i}_top_diameter", d["top_diameter"])
        H = P.add(f"{i}_height", d["height"])
        if abs(d["bottom_diameter"] - d["top_diameter"]) < 1e-9:
            return [f"{var} = {wp}.circle({D1} / 2).extrude({H})  # equal diameters: a cylinder"]
        return [f"{var} = {wp}.add(cq.Solid.makeCone({D1} / 2, {D2} / 2, {H}))"]
    if isinstance(body, Sphere):
        D = P.add(f"{i}_diameter", d["diameter"])
        return [f"{var} = {wp}.sphere({D} / 2, centered=(True, True, False))"]
    if isinstance(body, PolygonPrism):
        note = f"{body.standard} {body.size} nut blank" if body.standard else ""
        N = P.add(f"{i}_sides", d["sides"])
        AF = P.add(f"{i}_across_flats", d["across_flats"], note)
        H = P.add(f"{i}_height", d["height"])
        lines = [f"{var} = {wp}.polygon({N}, {AF} / math.cos(math.pi / {N})).extrude({H})"
                 "  # polygon() takes the across-corners diameter"]
        helpers.add("import math")
        if d.get("bore"):
            B = P.add(f"{i}_bore", d["bore"], "tap drill" if body.standard else "")
            lines.append(f"{var} = {var}.cut({wp}.circle({B} / 2).extrude({H}))")
        return lines
    if isinstance(body, RoundedRect):
        L, W, H = P.add(f"{i}_length", d["length"]), P.add(f"{i}_width", d["width"]), P.add(f"{i}_height", d["height"])
        R = P.add(f"{i}_corner_radius", d["corner_radius"])
        return [f'{var} = {wp}.rect({L}, {W}).extrude({H}).edges("|Z").fillet({R})']
    if isinstance(body, Profile):
        return profile_lines(body, var, P)
    if isinstance(body, Revolve):
        PTS = P.add(f"{i}_profile", pts(body.points), "(r, z) points, revolved around Z")
        A = P.add(f"{i}_angle", body.angle, "degrees")
        return [f'{var} = cq.Workplane("XZ").polyline({PTS}).close().revolve({A}, (0, 0, 0), (0, 1, 0))']
    if isinstance(body, Shaft):
        S = P.add(f"{i}_sections", pts([(s.diameter, s.length) for s in body.sections]),
                  "(diameter, length) from z = 0 upwards")
        return [f"{var} = None", "z = 0.0", f"for diameter, length in {S}:",
                f"    step = {wp}.workplane(offset=z).circle(diameter / 2).extrude(length)",
                f"    {var} = step if {var} is None else {var}.union(step)", "    z += length"]
    if isinstance(body, SpurGear):
        helpers.update({"import math", GEAR_HELPER})
        g = gear_sizes(body)
        M, Z = P.add(f"{i}_module", body.module), P.add(f"{i}_teeth", body.teeth)
        PA = P.add(f"{i}_pressure_angle", body.pressure_angle, f"degrees; pitch Ø{num(g['pitch'])}, "
                   f"outside Ø{num(g['outer'])}")
        T = P.add(f"{i}_thickness", body.thickness)
        lines = [f"{var} = {wp}.polyline(involute_gear_outline({M}, {Z}, {PA})).close().extrude({T})"]
        if body.hub:
            HD, HL = P.add(f"{i}_hub_diameter", body.hub.diameter), P.add(f"{i}_hub_length", body.hub.length)
            lines.append(f"{var} = {var}.union({wp}.workplane(offset={T}).circle({HD} / 2).extrude({HL}))")
        if body.bore:
            B = P.add(f"{i}_bore", body.bore)
            total = f"{T} + {HL}" if body.hub else T
            lines.append(f"{var} = {var}.cut({wp}.circle({B} / 2).extrude({total}))")
        return lines
    if isinstance(body, CadJsonBody):
        return cadjson_lines(body, var)
    if isinstance(body, Compound):
        return compound_lines(body, var, P, helpers)
    raise TypeError(type(body).__name__)


def profile_lines(b: Profile, var: str, P: Params) -> list[str]:
    i = b.id
    L = P.add(f"{i}_length", b.length, "extruded along Z")
    wp = 'cq.Workplane("XY")'
    if b.shape == "obround":
        W, H = P.add(f"{i}_width", b.width), P.add(f"{i}_height", b.height)
        if b.width >= b.height:
            return [f"{var} = {wp}.slot2D({W}, {H}).extrude({L})  # slot shape: {W} end to end, {H} wide"]
        return [f"{var} = {wp}.slot2D({H}, {W}, 90).extrude({L})  # slot shape along Y"]
    if b.shape == "polyline":
        calls = [f"    {wp}", f"    .moveTo{pt(b.start)}"]
        for s in b.segments:
            calls.append(f"    .lineTo{pt(s.to)}" if s.through is None else f"    .threePointArc({pt(s.through)}, {pt(s.to)})")
        return [f"{var} = ("] + calls + ["    .close()", f"    .extrude({L})", ")"]
    for k in ("width", "height", "thickness", "lip"):
        if getattr(b, k) is not None:
            P.add(f"{i}_{k}", getattr(b, k))
    outline = P.add(f"{i}_outline", pts(profile_outline(b)), f"{b.shape} section, centred on its box")
    lines = [f"{var} = {wp}.polyline({outline}).close().extrude({L})"]
    if b.inner_radius:
        R = P.add(f"{i}_inner_radius", b.inner_radius, "inside the bend(s)")
        corners = ", ".join(pt((x, y, b.length / 2)) for x, y in inner_corners(b))
        lines += [f"# the radius inside the bend(s): the edges along Z at the inside corners",
                  f"{var} = {var}.newObject([{var}.edges(cq.selectors.NearestToPointSelector(c)).val() for c in "
                  f"[{corners}]]).fillet({R})"]
    return lines


def cadjson_lines(body: CadJsonBody, var: str) -> list[str]:
    from cadagent.tools.cadjson.compiler import compile_doc
    from cadagent.tools.cadjson.validate import parse

    script = compile_doc(parse(body.document))
    lines = script.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("result = None"))
    out = [line.replace("result", f"{var}") for line in lines[start:]]
    return ["# the CAD JSON document, sketch by sketch (see tools/cadjson)"] + out


def compound_lines(body: Compound, var: str, P: Params, helpers: set) -> list[str]:
    out = []
    names = []
    for pl in body.bodies:
        sub = pl.body
        name = f"{sub.id}_solid"
        out.append(f"# {sub.id}: {sub.name or sub.kind}, axis {pl.axis}, "
                   f"{'centred' if pl.centered else 'base'} at {pt(pl.at)}")
        out += body_lines(sub, name, P, helpers)
        s = body_shape(sub)
        if pl.centered:
            out.append(f"{name} = {name}.translate((0, 0, {num(-s.size[2] / 2 - s.lo[2])}))  # centre it on its axis")
        rot = ROTATE[pl.axis]
        if rot:
            out.append(f"{name} = {name}.rotate((0, 0, 0), {pt(rot[0])}, {rot[1]})  # +Z turned to {pl.axis}")
        if any(pl.at):
            out.append(f"{name} = {name}.translate({pt(pl.at)})")
        names.append(name)
    out.append(f"{var} = {names[0]}" + "".join(f".union({n})" for n in names[1:]))
    return out
