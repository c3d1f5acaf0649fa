"""Per-feature "cannot" predictions: sizes the kernel would refuse or that would not give the
part that was asked for, said before anything runs."""

from __future__ import annotations

import math

from cadagent.tools.cadjson.validate import Problem

from .bodies import Box, Cone, Cylinder, PolygonPrism, Profile, Revolve, RoundedRect, Shaft, Sphere, Tube
from .features import Boss, Chamfer, Fillet, Gusset, Hole, Keyway, LinearPattern, Mirror, PolarPattern, Pocket, Rib, \
    Shell, Slot
from .geometry import radius_over, resolved
from .validation import json_path
from .edges import COVER, check_edges, outline_after_vertical
from .footprint import EPS, _edge_distance, _extent, _fits, _inside_polygon, _section, hole_in_pocket

SHELLABLE = (Box, RoundedRect, Cylinder, PolygonPrism)



def _square_footprint(f) -> tuple[float, float] | None:
    """Half sizes along the face's u and v of a slot or rectangular pocket turned by a multiple of 90 degrees
    (its copies overlap only where both spans overlap); None for other footprints."""
    if not (isinstance(f, Slot) or isinstance(f, Pocket) and f.shape == "rect") or f.angle % 90:
        return None
    a, b = (f.length or 0) / 2, (f.width or 0) / 2
    return (b, a) if f.angle % 180 else (a, b)

def check_feature(spec, shape, r, path, problems, done) -> None:  # noqa: C901
    f, p = r.feature, problems.append
    fp = json_path(path)
    src = r.source.feature if r.source else f
    if r.frame is not None and r.points and r.frame.name.startswith("datum"):
        ext = _extent(src, r)
        k = [abs(c) for c in r.frame.normal].index(1.0)
        for u, v in r.points:
            w = r.frame.to_world(u, v)
            if any(not (shape.lo[i] + ext - EPS <= w[i] <= shape.hi[i] - ext + EPS) for i in range(3) if i != k):
                p(Problem(json_path([*path, "at"]), f"{src.kind} at ({u:g}, {v:g}) on the {r.frame.name} plane misses "
                          "the part", "the whole feature inside the part's outline seen along the plane's normal",
                          f"world point {tuple(round(c, 3) for c in w)}", "move it onto the part"))
                return
    if r.frame is not None and r.points and not (isinstance(r.frame.name, str) and r.frame.name.startswith("datum")):
        ext = _extent(src, r)
        shrink = max([_treated(x.feature, r.frame.name) for x in done[:-1]] + [0.0])
        for k, (u, v) in enumerate(r.points):
            if not _fits(src, r, u, v, ext + shrink):
                if shrink and _fits(src, r, u, v, ext):
                    p(Problem(json_path([*path, "at"]), f"{src.kind} {k + 1} at ({u:g}, {v:g}) reaches into the "
                              f"{shrink:g} mm fillet / chamfer round the {r.frame.name} face", "the feature on the "
                              "flat part of the face", f"{ext:g} mm around ({u:g}, {v:g})",
                              "move it in, or make the feature before the fillet / chamfer"))
                    break
                hu, hv = r.frame.half
                face = (f"the Ø{2 * r.frame.round_radius:g} mm {r.frame.name} face" if r.frame.round_radius
                        else f"the {2 * hu:g} x {2 * hv:g} mm {r.frame.name} face")
                p(Problem(json_path([*path, "at" if not r.source else "count"]),
                          f"{src.kind} {k + 1} at ({u:g}, {v:g}) runs off {face}",
                          f"the {src.kind} inside the face", f"it reaches {ext:g} mm around ({u:g}, {v:g})",
                          "move it in, make it smaller or use fewer copies"))
                break
    outline = _section(spec.body)
    if outline and r.frame is not None and r.points and r.frame.name in ("top", "bottom"):
        ext = _extent(src, r)
        for u, v in r.points:
            q = (u, v) if r.frame.name == "top" else (u, -v)
            if not _inside_polygon(q, outline) or _edge_distance(q, outline) < ext - EPS:
                p(Problem(json_path([*path, "at"]), f"{src.kind} at ({u:g}, {v:g}) is not inside the "
                          f"{spec.body.kind.replace('_', ' ')}'s {r.frame.name} face",
                          f"the whole {src.kind} on the face", f"it reaches {ext:g} mm around ({u:g}, {v:g})",
                          "move it in or make it smaller"))
                return
    if isinstance(spec.body, Profile) and spec.body.shape != "obround" and r.frame is not None and r.points:
        span = leg_span(spec.body, r.frame.name) if isinstance(src, (Hole, Slot)) and src.depth is None else None
        if span is not None:
            # a hole or slot through a leg of an L, from the leg's outside face: inside that leg's flat part
            box = _square_footprint(src)
            eu, ev = box if box is not None else (_extent(src, r),) * 2
            half_l = spec.body.length / 2
            for u, v in r.points:
                if not (span[0] + eu - EPS <= u <= span[1] - eu + EPS and abs(v) <= half_l - ev + EPS):
                    p(Problem(json_path([*path, "at"]), f"{src.kind} at ({u:g}, {v:g}) on the {r.frame.name} face is not "
                              "inside the leg", f"u from {span[0] + eu:g} to {span[1] - eu:g}, v within "
                              f"±{half_l - ev:g}", f"({u:g}, {v:g})", "move it onto the leg or make it smaller"))
                    return
        elif r.frame.name not in ("top", "bottom"):
            p(Problem(json_path([*path, "on"]), f"the {r.frame.name} of a {spec.body.shape} section is not one flat "
                      "face", "top or bottom (the ends of the extruded section)", r.frame.name,
                      "place it on top or bottom, or use a box body"))
            return
    round_body = isinstance(spec.body, (Cylinder, Tube, Cone, Sphere, Shaft, Revolve)) or spec.body.kind == "spur_gear"
    if round_body and r.frame is not None and r.frame.name in ("left", "right", "front", "back") and \
            not isinstance(src, Hole):
        p(Problem(json_path([*path, "on"]), f"the {r.frame.name} of a {spec.body.kind.replace('_', ' ')} is its curved "
                  f"side, where a {src.kind} has no flat face to sit on", "top or bottom (holes may go in from the side)",
                  r.frame.name, "place it on top or bottom"))
        return
    if isinstance(spec.body, PolygonPrism) and r.frame is not None and r.frame.name in ("left", "right", "front", "back"):
        n = resolved(spec.body)["sides"]
        if r.frame.name in ("left", "right") or n % 4 != 2:
            p(Problem(json_path([*path, "on"]), f"the {r.frame.name} of a {n}-sided prism is a corner, not a face",
                      "top or bottom" + (", front or back" if n % 4 == 2 else ""), r.frame.name,
                      "place it on a flat face"))
            return
    if isinstance(src, (Hole, Pocket, Slot)) and r.points and r.frame is not None:
        ext = _extent(src, r)
        for x in done[:-1]:
            xs = x.source.feature if x.source else x.feature
            if not isinstance(xs, (Hole, Pocket, Slot)) or x.frame is None or x.frame.name != r.frame.name:
                continue
            xe = _extent(xs, x)
            for a in r.points:
                for b in x.points:
                    gap = min(0.2, 0.25 * (ext + xe))      # a wall between them (0.2 mm, less on tiny parts)
                    if hole_in_pocket(src, r, a, xs, b):
                        continue          # through the pocket's floor
                    if math.dist(a, b) < ext + xe + gap:
                        p(Problem(json_path([*path, "at"]), f"{src.kind} at {a} overlaps {xs.kind} {x.feature.id!r} "
                                  f"at {b}", f"centres at least {ext + xe + gap:g} mm apart",
                                  f"{math.dist(a, b):.3g} mm", "move one of them or make them smaller"))
                        return
    if isinstance(src, Hole) and r.points and not isinstance(f, (LinearPattern, PolarPattern)):
        check_hole(f, r, fp, p)
    if isinstance(src, (Hole, Pocket, Slot, Boss)) and r.points:
        pts = r.points + (r.source.points if r.source else [])
        ext = _extent(src, r)
        box = _square_footprint(src)
        for a in range(len(pts)):
            for b in range(a + 1, len(pts)):
                gap = min(0.2, 0.5 * ext)
                du, dv = abs(pts[a][0] - pts[b][0]), abs(pts[a][1] - pts[b][1])
                if box is not None and (du >= 2 * box[0] + gap or dv >= 2 * box[1] + gap):
                    continue      # copies of a slot or rectangle square to the face: apart along one side
                if math.dist(pts[a], pts[b]) < 2 * ext + gap:
                    p(Problem(fp, f"{src.kind}s at {pts[a]} and {pts[b]} overlap (each {2 * ext:g} mm across)",
                              f"centres at least {2 * ext + gap:g} mm apart", f"{math.dist(pts[a], pts[b]):.3g} mm",
                              "space them further apart or make them smaller"))
                    return
    if isinstance(f, (Pocket, Slot)):
        if isinstance(f, Pocket):
            need = {"rect": ("length", "width"), "circle": ("diameter",), "slot": ("length", "width"),
                    "hex": ("across_flats",), "d": ("diameter", "across_flats"), "v": ("length", "width", "depth"),
                    "double_d": ("diameter", "across_flats")}[f.shape]
            for n in need:
                if getattr(f, n) is None:
                    p(Problem(json_path([*path, n]), f"a {f.shape} pocket needs {n!r}", "a length in mm", "nothing"))
                    return
            if f.shape in ("d", "double_d"):
                lo = f.diameter / 2 if f.shape == "d" else 0.0
                if not lo + EPS < f.across_flats < f.diameter - EPS:
                    p(Problem(json_path([*path, "across_flats"]), f"a {'D' if f.shape == 'd' else 'double-D'} hole's "
                              "size across the flat" + ("" if f.shape == "d" else "s") + " lies between "
                              + ("its radius" if f.shape == "d" else "0") + " and its diameter",
                              f"more than {lo:g} and less than {f.diameter:g}", f"{f.across_flats:g}"))
                    return
            if f.corner_radius and f.corner_radius >= min(f.length or 0, f.width or 0) / 2 - EPS:
                p(Problem(json_path([*path, "corner_radius"]), "the corners are rounder than the pocket",
                          f"less than {min(f.length, f.width) / 2:g}", f"{f.corner_radius:g}"))
        slotlike = isinstance(f, Slot) or f.shape == "slot"
        if slotlike and f.length <= f.width + EPS:
            p(Problem(json_path([*path, "length"]), "a slot is longer than it is wide (length is end to end)",
                      f"more than the width {f.width:g}", f"{f.length:g}"))
        if f.depth is not None and r.frame and f.depth >= r.frame.depth - EPS:
            p(Problem(json_path([*path, "depth"]), f"the {f.kind} is {f.depth:g} mm deep but the part is only "
                      f"{r.frame.depth:g} mm thick there", f"less than {r.frame.depth:g}", f"{f.depth:g}",
                      "drop depth to cut through"))
    if isinstance(f, Boss) and (f.diameter is None) == (f.length is None or f.width is None):
        p(Problem(fp, "a boss needs diameter (round) or length and width (rectangular), not both",
                  "diameter, or length + width", "both" if f.diameter else "neither"))
    elif isinstance(f, Boss) and f.sides is not None and (f.diameter is None or f.wall is not None):
        p(Problem(json_path([*path, "sides"]), "a polygon boss is solid and sized across its flats by diameter",
                  "diameter set, no wall", "no diameter" if f.diameter is None else f"wall {f.wall:g}",
                  "give diameter (across the flats) and drop wall"))
    elif isinstance(f, Boss) and f.wall is not None:
        room = f.diameter / 2 if f.diameter else min(f.length, f.width) / 2
        if f.wall >= room - EPS:
            p(Problem(json_path([*path, "wall"]), f"the {f.id} wall ({f.wall:g} mm) fills it: nothing is left open in the "
                      "middle", f"less than {room:g}", f"{f.wall:g}", "drop wall for a solid boss"))
    if isinstance(f, Rib) and math.dist(f.start, f.end) < EPS:
        p(Problem(json_path([*path, "end"]), "the rib has no length", "end different from start", str(f.end)))
    if isinstance(f, (Fillet, Chamfer)):
        for x in done[:-1]:
            if x.feature.kind == "mirror":
                p(Problem(fp, f"a {f.kind} after the mirror {x.feature.id!r} is not predictable here",
                          "fillets and chamfers before the mirror (it copies them)", f.kind,
                          f"move {f.id!r} before {x.feature.id!r}"))
                return
            if isinstance(x.feature, (Fillet, Chamfer)) and COVER[x.feature.edges] & COVER[f.edges] and not (
                    x.feature.edges == f.edges and x.feature.of and f.of and x.feature.of != f.of):
                # (two shoulders, two holes' rims, two bosses' feet, each named: other edges)
                lim = outline_after_vertical(spec, x.feature, f)
                if lim is not None:
                    # the top outline round filleted (chamfered) vertical edges: built, up to that size
                    # (a fillet as large as the corners' round meets it in a ball: built; past it, or a chamfer
                    # that large, the kernel fails)
                    same = isinstance(f, Fillet) and isinstance(x.feature, Fillet)
                    if size_of(f) > lim + EPS if same else size_of(f) >= lim - EPS:
                        p(Problem(fp + (".radius" if isinstance(f, Fillet) else ".size"), f"{f.kind} {size_of(f):g} mm "
                                  f"on the {f.edges} edges is too big for the corners {x.feature.kind} "
                                  f"{x.feature.id!r} left", f"{'at most' if same else 'less than'} {lim:.4g} mm", f"{size_of(f):g}",
                                  f"use a {f.kind} {'of at most' if same else 'under'} {lim:.4g} mm, or a bigger "
                                  f"{x.feature.kind} on the vertical edges"))
                        return
                    continue
                p(Problem(fp + ".edges", f"the {f.edges} edges were already treated by {x.feature.kind} "
                          f"{x.feature.id!r} ({x.feature.edges} edges)", "edges no earlier fillet or chamfer touched",
                          f.edges, f"change {x.feature.id!r} instead, or pick other edges"))
                return
        check_edges(spec, shape, f, fp, p, done)
    if isinstance(f, Shell):
        check_shell(spec, shape, f, fp, p, done)
    if isinstance(f, Gusset):
        check_gusset(spec, f, path, p)
    if isinstance(f, Keyway):
        check_keyway(spec, f, path, p)
        zmax = shape.hi[2]
        for x in done[:-1]:
            size = max(_treated(x.feature, "bottom") if f.z < size_of(x.feature) else 0.0,
                       _treated(x.feature, "top") if f.z + f.length > zmax - size_of(x.feature) else 0.0)
            if size:
                p(Problem(json_path([*path, "z"]), f"the {f.kind} reaches into the {size:g} mm "
                          f"{x.feature.kind} {x.feature.id!r} at the end of the shaft", f"z between {size:g} and "
                          f"{zmax - size:g} mm", f"{f.z:g} to {f.z + f.length:g}", f"cut the {f.kind} before "
                          f"{x.feature.id!r}, or keep it clear of the ends"))
                break
    if isinstance(f, Mirror):
        k = {"YZ": 0, "XZ": 1, "XY": 2}[f.plane]
        if shape.lo[k] < -EPS and shape.hi[k] > EPS:
            p(Problem(fp + ".plane", f"the part crosses the {f.plane} plane ({shape.lo[k]:g} to {shape.hi[k]:g} mm "
                      f"along {'XYZ'[k]}): its mirror image would overlap it", "a part on one side of the plane",
                      f.plane, "build half the part on one side (a compound body placed off the plane), then mirror"))


def size_of(f) -> float:
    return f.radius if isinstance(f, Fillet) else f.size if isinstance(f, Chamfer) else 0.0


def _treated(f, face: str) -> float:
    """How far an earlier fillet / chamfer eats into the outline of ``face`` (0: not at all)."""
    if not isinstance(f, (Fillet, Chamfer)):
        return 0.0
    touches = f.edges in ("all", "outer", "long") or f.edges == face or (f.edges == "ends" and face in ("top", "bottom")) \
        or (f.edges == "vertical" and face not in ("top", "bottom"))
    return (f.radius if isinstance(f, Fillet) else f.size) if touches else 0.0


def check_hole(f: Hole, r, fp, p) -> None:
    d, depth = r.diameter, r.frame.depth
    if f.depth is not None and f.depth >= depth - EPS and not r.frame.name.startswith("datum"):
        p(Problem(fp + ".depth", f"a blind hole {f.depth:g} mm deep goes through the {depth:g} mm part",
                  f"less than {depth:g}", f"{f.depth:g}", "drop depth for a through hole"))
    if f.cbore and f.csink:
        p(Problem(fp, "a hole is counterbored or countersunk, not both", "cbore or csink", "both"))
    for name, extra in (("cbore", f.cbore), ("csink", f.csink)):
        if extra and extra.diameter <= d + EPS:
            p(Problem(f"{fp}.{name}.diameter", f"the {name} is not wider than the Ø{d:g} hole",
                      f"more than {d:g}", f"{extra.diameter:g}"))
    if f.cbore and f.cbore.depth >= (f.depth or depth) - EPS:
        p(Problem(f"{fp}.cbore.depth", "the counterbore is as deep as the hole", f"less than {f.depth or depth:g}",
                  f"{f.cbore.depth:g}"))
    if f.csink:
        h = (f.csink.diameter - d) / 2 / math.tan(math.radians(f.csink.angle / 2))
        if h >= (f.depth or depth) - EPS:
            p(Problem(f"{fp}.csink.diameter", f"the countersink cone is {h:.3g} mm deep, as deep as the hole",
                      f"a cone shallower than {f.depth or depth:g} mm", f"Ø{f.csink.diameter:g}"))


def leg_span(body: Profile, face: str) -> tuple[float, float] | None:
    """The u range of an L section's leg seen from its outside face (front: the base leg's underside,
    u = X; left: the upright leg's outside, u = -Y), beyond the other leg; of a U section's base (front,
    clear of both side walls) or its side walls (left: a hole goes on through the right wall too); of a T's
    web from either side (left or right), clear of the flange; None for any other face."""
    w, h, t = body.width, body.height, body.thickness
    t += body.inner_radius or 0.0        # clear of the radius inside the bend too
    if body.shape == "U":
        floor = (body.lip or body.thickness) + (body.inner_radius or 0.0)     # (the base's own thickness)
        return (-w / 2 + t, w / 2 - t) if face == "front" else (-h / 2, h / 2 - floor) if face == "left" else None
    if body.shape == "T":
        # the web, from either side (the flange is at +Y: left's u = -Y, right's u = Y), clear of the flange
        f = (body.lip or body.thickness) + (body.inner_radius or 0.0)
        return (-h / 2 + f, h / 2) if face == "left" else (-h / 2, h / 2 - f) if face == "right" else None
    if body.shape != "L":
        return None
    if face == "front":
        return (-w / 2 + t, w / 2)
    if face == "left":
        return (-h / 2, h / 2 - t)
    return None


def check_shell(spec, shape, f: Shell, fp, p, done) -> None:
    lim = min(shape.size) / 2
    if f.thickness >= lim - EPS:
        p(Problem(fp + ".thickness", f"walls {f.thickness:g} mm thick fill the {min(shape.size):g} mm part",
                  f"less than {lim:g}", f"{f.thickness:g}"))
    bored = isinstance(spec.body, PolygonPrism) and resolved(spec.body).get("bore")
    if not isinstance(spec.body, SHELLABLE) or bored or len([x for x in done if isinstance(x.feature, Shell)]) > 1:
        p(Problem(fp, "shell is only supported once, on a box, rounded rectangle, cylinder or prism without a bore",
                  "one shell on a prismatic or cylindrical body", spec.body.kind))
    if f.bottom is not None:
        h = shape.size[2]
        if not f.open_face or f.open_face not in ("top", "bottom") or not isinstance(spec.body, (Box, Cylinder)) or \
                any(not (isinstance(x.feature, Fillet) and x.feature.edges == "vertical" and isinstance(spec.body, Box))
                    for x in done[:-1]):
            p(Problem(fp + ".bottom", "a floor thickness is for a box or cylinder shelled right after its body, open "
                      "at the top or bottom", "open_face top or bottom, the shell first (only a box's vertical fillets before it), a box or cylinder",
                      f"{spec.body.kind}, open {f.open_face}", "drop bottom (the floor is then the wall thickness)"))
            return
        if f.bottom >= h - EPS:
            p(Problem(fp + ".bottom", f"a {f.bottom:g} mm floor fills the {h:g} mm tall part", f"less than {h:g}",
                      f"{f.bottom:g}"))
            return
    for x in done[:-1]:
        if not isinstance(x.feature, (Fillet, Chamfer)) or x.feature.edges == "holes":
            p(Problem(fp, f"shell after {x.feature.kind} {x.feature.id!r} is not predictable here",
                      "shell right after the body (only outline fillets may come before it)",
                      x.feature.kind, "move the shell before that feature"))
            return
        if isinstance(x.feature, Fillet) and x.feature.radius <= f.thickness + EPS:
            p(Problem(fp + ".thickness", f"walls {f.thickness:g} mm thick inside a {x.feature.radius:g} mm fillet "
                      "leave the inside corner no radius", f"a fillet larger than {f.thickness:g} mm",
                      f"fillet {x.feature.radius:g}", "make the fillet larger than the wall, or shell first"))
            return
        if isinstance(x.feature, Chamfer):
            p(Problem(fp, "shell after a chamfer is not supported", "shell before the chamfer", "chamfer first"))
            return
        if f.open_face and x.feature.edges in ("all", "outer", f.open_face) or \
                f.open_face in ("front", "back", "left", "right") and x.feature.edges == "vertical":
            p(Problem(fp, f"the {f.open_face} face is open but {x.feature.id!r} rounded its edges",
                      f"no fillet on the edges of the open {f.open_face} face before the shell",
                      f"{x.feature.id} ({x.feature.edges})", "fillet the other edges, or shell first"))
            return


def check_gusset(spec, f: Gusset, path, p) -> None:
    b = spec.body
    if not isinstance(b, Profile) or b.shape != "L":
        p(Problem(json_path(path), "a gusset sits in the inside corner of an L section", "body kind profile, shape L",
                  f"{b.kind}{' ' + b.shape if isinstance(b, Profile) else ''}"))
        return
    for k, room in (("length", b.width - b.thickness), ("height", b.height - b.thickness)):
        if getattr(f, k) > room + EPS:
            p(Problem(json_path([*path, k]), f"the gusset runs past the end of the {'base leg' if k == 'length' else 'upright'}",
                      f"at most {room:g}", f"{getattr(f, k):g}"))
    for j, z in enumerate(f.z):
        if abs(z) > b.length / 2 - f.thickness / 2 + EPS:
            p(Problem(json_path([*path, "z", j]), "the gusset sticks out past the end of the section",
                      f"between {-(b.length - f.thickness) / 2:g} and {(b.length - f.thickness) / 2:g}", f"{z:g}"))
    zs = sorted(f.z)
    if any(b_ - a_ < f.thickness - EPS for a_, b_ in zip(zs, zs[1:])):
        p(Problem(json_path([*path, "z"]), "two gussets overlap", f"centres at least {f.thickness:g} apart", str(f.z)))


def check_keyway(spec, f: Keyway, path, p) -> None:
    body = spec.body
    if not isinstance(body, (Cylinder, Shaft, Tube)):
        p(Problem(json_path(path), f"a {f.kind} is cut into a shaft or cylinder", "body kind cylinder, shaft or tube",
                  body.kind))
        return
    d = resolved(body)
    r = radius_over(body, f.z, f.z + f.length)[0]
    zmax = sum(s.length for s in body.sections) if isinstance(body, Shaft) else d["height"]
    if f.kind in ("keyway", "wall_slot") and f.width is None:
        p(Problem(json_path([*path, "width"]), f"a {f.kind} needs a width", "a length in mm", "nothing"))
        return
    wall = r - (d["inner_diameter"] / 2 if isinstance(body, Tube) else 0)
    if f.kind == "wall_slot":
        if not isinstance(body, Tube):
            p(Problem(json_path(path), "a slot through the wall is cut into a tube", "body kind tube", body.kind))
            return
        ri = d["inner_diameter"] / 2
        if f.width >= 2 * ri:
            p(Problem(json_path([*path, "width"]), f"the slot is as wide as the {2 * ri:g} mm bore or wider: it would cut "
                      "the tube apart", f"less than {2 * ri:g}", f"{f.width:g}"))
            return
        opens = r - math.sqrt(ri * ri - (f.width / 2) ** 2)       # how deep the cut must go to open the whole width
        if not opens + EPS < f.depth <= r + EPS:
            p(Problem(json_path([*path, "depth"]), "a slot through the wall goes through it and stops short of the far "
                      "wall", f"more than {opens:.4g} and at most {r:g} (the axis)", f"{f.depth:g}"))
        return
    if f.kind == "flat" and isinstance(body, Tube) and f.depth > wall:
        if f.depth > r + EPS:
            p(Problem(json_path([*path, "depth"]), "a cut across a tube goes at most to its axis", f"at most {r:g}",
                      f"{f.depth:g}"))
        return           # a saw cut across the tube, into the bore (to the centre line at most)
    if f.depth >= wall * 0.8:
        p(Problem(json_path([*path, "depth"]), f"the {f.kind} is deeper than the {wall:g} mm the shaft can lose",
                  f"less than {wall * 0.8:.3g}", f"{f.depth:g}"))
    if f.z < 0 or f.z + f.length > zmax + EPS:
        p(Problem(json_path([*path, "length"]), f"the {f.kind} runs past the shaft (0..{zmax:g} mm along Z)",
                  f"z >= 0 and z + length <= {zmax:g}", f"{f.z:g} + {f.length:g}"))
    if f.width is not None and f.width >= r:
        p(Problem(json_path([*path, "width"]), "the keyway is wider than the shaft's radius", f"less than {r:g}",
                  f"{f.width:g}"))


__all__ = ["check_feature"]
