"""Per-feature "cannot" predictions: sizes the kernel would refuse or that would not give the
part that was asked for, said before anything runs."""

from __future__ import annotations

import math

from tools.cadjson.validate import Problem

from .bodies import Box, Compound, Cone, Cylinder, PolygonPrism, Profile, Revolve, RoundedRect, Shaft, Sphere, Tube
from .features import Boss, Chamfer, Fillet, Hole, Keyway, LinearPattern, Mirror, PolarPattern, Pocket, Rib, \
    Shell, Slot, Text
from .geometry import polyline_points, profile_outline, resolved
from .validation import json_path

EPS = 1e-6
SHELLABLE = (Box, RoundedRect, Cylinder, PolygonPrism)
COVER = {"all": {"all", "vertical", "top", "bottom", "outer", "holes", "ends", "vt", "vb"},
         "outer": {"vertical", "top", "bottom", "outer", "ends", "all", "vt", "vb"},
         "ends": {"top", "bottom", "ends", "vt", "vb"}, "top": {"top", "vt"}, "bottom": {"bottom", "vb"},
         "vertical": {"vertical", "vt", "vb"}, "holes": {"holes"}}   # vt / vb: the corners vertical edges share
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
        if f.shape == "circle":
            return (f.diameter or 0) / 2
        return math.hypot(f.length or 0, f.width or 0) / 2 if f.angle % 90 else max(f.length or 0, f.width or 0) / 2
    if isinstance(f, Slot):
        return f.length / 2
    if isinstance(f, Boss):
        return (f.diameter or 0) / 2 if f.diameter else math.hypot(f.length or 0, f.width or 0) / 2
    if isinstance(f, Rib):
        return math.dist(f.start, f.end) / 2 + f.thickness / 2
    return 0.0


def _half_extents(f, r) -> tuple[float, float]:
    """Half-size of the footprint along u and v (exact for unturned rectangles and slots)."""
    if isinstance(f, (Pocket, Slot)) and not f.angle % 180 and (f.kind == "slot" or f.shape != "circle"):
        return (f.length or 0) / 2, (f.width or f.diameter or 0) / 2
    if isinstance(f, Boss) and not f.diameter:
        return f.length / 2, f.width / 2
    if isinstance(f, Rib):
        ln = math.dist(f.start, f.end)
        cu, cv = (f.end[0] - f.start[0]) / ln, (f.end[1] - f.start[1]) / ln
        return abs(cu) * ln / 2 + abs(cv) * f.thickness / 2, abs(cv) * ln / 2 + abs(cu) * f.thickness / 2
    e = _extent(f, r)
    return e, e


def _fits(f, r, u, v, ext) -> bool:
    fr = r.frame
    if fr.round_radius is not None:
        return fr.inner_radius + ext - EPS <= math.hypot(u, v) <= fr.round_radius - ext + EPS
    if isinstance(f, Rib) or isinstance(f, (Pocket, Slot)) and not f.angle % 180 and (
            f.kind == "slot" or f.shape != "circle"):
        hu, hv = _half_extents(f, r)
        return abs(u) + hu <= fr.half[0] + EPS and abs(v) + hv <= fr.half[1] + EPS
    return abs(u) + ext <= fr.half[0] + EPS and abs(v) + ext <= fr.half[1] + EPS


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
        for k, (u, v) in enumerate(r.points):
            if not _fits(src, r, u, v, ext):
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
        if r.frame.name not in ("top", "bottom"):
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
                    if math.dist(a, b) < ext + xe + 0.2:
                        p(Problem(json_path([*path, "at"]), f"{src.kind} at {a} overlaps {xs.kind} {x.feature.id!r} "
                                  f"at {b}", f"centres at least {ext + xe + 0.2:g} mm apart",
                                  f"{math.dist(a, b):.3g} mm", "move one of them or make them smaller"))
                        return
    if isinstance(src, Hole) and r.points and not isinstance(f, (LinearPattern, PolarPattern)):
        check_hole(f, r, fp, p)
    if isinstance(src, (Hole, Pocket, Slot, Boss)) and r.points:
        pts = r.points + (r.source.points if r.source else [])
        ext = _extent(src, r)
        for a in range(len(pts)):
            for b in range(a + 1, len(pts)):
                if math.dist(pts[a], pts[b]) < 2 * ext + 0.2:
                    p(Problem(fp, f"{src.kind}s at {pts[a]} and {pts[b]} overlap (each {2 * ext:g} mm across)",
                              f"centres at least {2 * ext + 0.2:g} mm apart", f"{math.dist(pts[a], pts[b]):.3g} mm",
                              "space them further apart or make them smaller"))
                    return
    if isinstance(f, (Pocket, Slot)):
        if isinstance(f, Pocket):
            need = {"rect": ("length", "width"), "circle": ("diameter",), "slot": ("length", "width")}[f.shape]
            for n in need:
                if getattr(f, n) is None:
                    p(Problem(json_path([*path, n]), f"a {f.shape} pocket needs {n!r}", "a length in mm", "nothing"))
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
    if isinstance(f, Rib) and math.dist(f.start, f.end) < EPS:
        p(Problem(json_path([*path, "end"]), "the rib has no length", "end different from start", str(f.end)))
    if isinstance(f, (Fillet, Chamfer)):
        for x in done[:-1]:
            if x.feature.kind == "mirror":
                p(Problem(fp, f"a {f.kind} after the mirror {x.feature.id!r} is not predictable here",
                          "fillets and chamfers before the mirror (it copies them)", f.kind,
                          f"move {f.id!r} before {x.feature.id!r}"))
                return
            if isinstance(x.feature, (Fillet, Chamfer)) and COVER[x.feature.edges] & COVER[f.edges]:
                p(Problem(fp + ".edges", f"the {f.edges} edges were already treated by {x.feature.kind} "
                          f"{x.feature.id!r} ({x.feature.edges} edges)", "edges no earlier fillet or chamfer touched",
                          f.edges, f"change {x.feature.id!r} instead, or pick other edges"))
                return
        check_edges(spec, shape, f, fp, p, done)
    if isinstance(f, Shell):
        check_shell(spec, shape, f, fp, p, done)
    if isinstance(f, Keyway):
        check_keyway(spec, f, path, p)
    if isinstance(f, Mirror):
        k = {"YZ": 0, "XZ": 1, "XY": 2}[f.plane]
        if shape.lo[k] < -EPS and shape.hi[k] > EPS:
            p(Problem(fp + ".plane", f"the part crosses the {f.plane} plane ({shape.lo[k]:g} to {shape.hi[k]:g} mm "
                      f"along {'XYZ'[k]}): its mirror image would overlap it", "a part on one side of the plane",
                      f.plane, "build half the part on one side (a compound body placed off the plane), then mirror"))


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


def edge_limit(spec, shape, edges: str, done) -> tuple[float | None, str]:
    """The largest fillet / chamfer the edge set can take (None: no such edges), and why."""
    lim, why = _edge_limit(spec, shape, edges, done)
    shells = [x.feature for x in done[:-1] if isinstance(x.feature, Shell)]
    if lim is not None and shells and shells[0].thickness / 2 < lim:
        return shells[0].thickness / 2, f"the {shells[0].thickness:g} mm walls of shell {shells[0].id!r}"
    return lim, why


def _edge_limit(spec, shape, edges: str, done) -> tuple[float | None, str]:
    body = spec.body
    lx, ly, lz = shape.size
    noun = _noun(body)
    if isinstance(body, Sphere):
        return None, "a sphere has no edges"
    holes = [x for x in done[:-1] if isinstance(x.feature, Hole) or
             (x.source is not None and isinstance(x.source.feature, Hole))]
    if edges == "holes":
        if any(x.frame.name.startswith("datum") for x in holes):
            return None, "the rims of holes drilled from a datum plane cannot be picked yet"
        if not holes:
            return None, "there are no holes before this feature"
        cands = [(x.frame.depth / 2, f"the {x.frame.depth:g} mm {noun}") for x in holes]
        for x in holes:
            cands += _feature_limits(x, "all")
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
        lim = min(r if not isinstance(body, Tube) else r / 2, h / 2)
        cands = [(lim, f"the {noun} ({'wall ' if isinstance(body, Tube) else 'radius '}{r:g} mm, {h:g} mm long)")]
        if isinstance(body, Shaft) and edges in ("all", "outer"):
            cands += [(abs(a.diameter - b.diameter) / 2, f"the {abs(a.diameter - b.diameter) / 2:g} mm shoulder "
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
            cands += _feature_limits(x, edges, _section(body))
    return min(cands)


def _feature_limits(x, edges, section=None) -> list:
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
        if edges == "vertical" and x.frame.name in ("top", "bottom"):
            margin = min(max(hu - abs(u) - eu, hv - abs(v) - ev) for u, v in x.points)
        elif edges == "vertical":
            margin = min(hu - abs(u) - eu for u, v in x.points)
        else:
            margin = min(min(hu - abs(u) - eu, hv - abs(v) - ev) for u, v in x.points)
        out.append((margin / 2 if edges == "all" else margin, f"the {margin:.3g} mm between {name} and the edge"))
    if edges == "vertical" and isinstance(f, (Boss, Rib, Pocket)) and not getattr(f, "diameter", None) and \
            getattr(f, "shape", "rect") == "rect":
        size = f.thickness if isinstance(f, Rib) else min(f.length, f.width)
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
            w = f.width or f.diameter
            out.append(((w / 2 if f.depth is None else min(w / 2, f.depth)) / 2, f"{name} ({w:g} mm wide)"))
        elif isinstance(f, Hole) and f.depth is not None:
            out.append((f.depth / 2, f"the {f.depth:g} mm deep {name}"))
        pts = x.points
        gaps = [((pts[a][0] - pts[b][0]) ** 2 + (pts[a][1] - pts[b][1]) ** 2) ** 0.5 - 2 * ext
                for a in range(len(pts)) for b in range(a + 1, len(pts))]
        if gaps:
            out.append((min(gaps) / 2, f"the {min(gaps):.3g} mm between the copies of {name}"))
    return out


def check_edges(spec, shape, f, fp, p, done) -> None:
    size = f.radius if isinstance(f, Fillet) else f.size
    what = "fillet" if isinstance(f, Fillet) else "chamfer"
    lim, why = edge_limit(spec, shape, f.edges, done)
    if lim is None:
        p(Problem(fp + ".edges", f"no {f.edges} edges to {what}: {why}", "an edge set this part has",
                  f.edges, "pick another edge set (all, top, bottom, outer, holes, ends)"))
    elif size >= lim - EPS:
        p(Problem(fp + (".radius" if what == "fillet" else ".size"),
                  f"{what} {size:g} mm is larger than {why} can take", f"less than {lim:.4g} mm on {'all' if f.edges == 'all' else 'the ' + f.edges} edges",
                  f"{size:g}", f"use a {what} under {lim:.4g} mm"))


def check_shell(spec, shape, f: Shell, fp, p, done) -> None:
    lim = min(shape.size) / 2
    if f.thickness >= lim - EPS:
        p(Problem(fp + ".thickness", f"walls {f.thickness:g} mm thick fill the {min(shape.size):g} mm part",
                  f"less than {lim:g}", f"{f.thickness:g}"))
    bored = isinstance(spec.body, PolygonPrism) and resolved(spec.body).get("bore")
    if not isinstance(spec.body, SHELLABLE) or bored or len([x for x in done if isinstance(x.feature, Shell)]) > 1:
        p(Problem(fp, "shell is only supported once, on a box, rounded rectangle, cylinder or prism without a bore",
                  "one shell on a prismatic or cylindrical body", spec.body.kind))
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


def check_keyway(spec, f: Keyway, path, p) -> None:
    body = spec.body
    if not isinstance(body, (Cylinder, Shaft, Tube)):
        p(Problem(json_path(path), f"a {f.kind} is cut into a shaft or cylinder", "body kind cylinder, shaft or tube",
                  body.kind))
        return
    d = resolved(body)
    r = (max(s.diameter for s in body.sections) if isinstance(body, Shaft) else
         d.get("diameter") or d["outer_diameter"]) / 2
    zmax = sum(s.length for s in body.sections) if isinstance(body, Shaft) else d["height"]
    if f.kind == "keyway" and f.width is None:
        p(Problem(json_path([*path, "width"]), "a keyway needs a width", "a length in mm", "nothing"))
    wall = r - (d["inner_diameter"] / 2 if isinstance(body, Tube) else 0)
    if f.depth >= wall * 0.8:
        p(Problem(json_path([*path, "depth"]), f"the {f.kind} is deeper than the {wall:g} mm the shaft can lose",
                  f"less than {wall * 0.8:.3g}", f"{f.depth:g}"))
    if f.z < 0 or f.z + f.length > zmax + EPS:
        p(Problem(json_path([*path, "length"]), f"the {f.kind} runs past the shaft (0..{zmax:g} mm along Z)",
                  f"z >= 0 and z + length <= {zmax:g}", f"{f.z:g} + {f.length:g}"))
    if f.width is not None and f.width >= r:
        p(Problem(json_path([*path, "width"]), "the keyway is wider than the shaft's radius", f"less than {r:g}",
                  f"{f.width:g}"))


__all__ = ["check_feature", "edge_limit"]
