"""Meaning checks beyond the schema, and the "cannot" predictions: what the kernel would refuse
(a fillet larger than the part can take, a hole off its face, a blind hole deeper than the part)
is said before anything runs, with the JSON path and a fix."""

from __future__ import annotations

from cadagent.tools.cadjson.validate import Problem

from . import tables
from .bodies import CadJsonBody, Compound, PolygonPrism, Profile, Revolve, RoundedRect, SpurGear, Tube
from .features import PLACED, Boss, Hole, LinearPattern, PolarPattern, Pocket, Rib, Slot
from .geometry import body_shape, gear_sizes, polygon_area, polyline_points, resolved
from .plan import Resolved, hole_diameter, pattern_points
from .placement import clean, face_frame, points
from .validation import json_path

EPS = 1e-6


def _need(path, obj, names, problems, why=""):
    for n in names:
        if getattr(obj, n) is None:
            problems.append(Problem(json_path([*path, n]), f"{obj.kind}{why} needs {n!r}", "a length in mm",
                                    "nothing", f"add {n!r}"))


def check_body(body, path, problems) -> None:  # noqa: C901 - one branch per body kind
    p = problems.append
    if isinstance(body, Tube):
        if body.standard:
            try:
                tables.washer(body.size or "", body.standard)
            except KeyError as exc:
                p(Problem(json_path([*path, "size"]), exc.args[0], "a size in the table", repr(body.size)))
                return
        else:
            _need(path, body, ("outer_diameter", "inner_diameter", "height"), problems)
            if body.outer_diameter and body.inner_diameter and body.inner_diameter >= body.outer_diameter:
                p(Problem(json_path([*path, "inner_diameter"]), "the bore is not smaller than the outside",
                          f"less than outer_diameter {body.outer_diameter:g}", f"{body.inner_diameter:g}"))
    elif isinstance(body, PolygonPrism):
        if body.standard:
            try:
                tables.hex_nut(body.size or "", body.standard)
            except KeyError as exc:
                p(Problem(json_path([*path, "size"]), exc.args[0], "a size in the table", repr(body.size)))
        else:
            if (body.across_flats is None) == (body.across_corners is None):
                p(Problem(json_path([*path, "across_flats"]), "give exactly one of across_flats or across_corners",
                          "one size", "both" if body.across_flats else "neither"))
            _need(path, body, ("height",), problems)
            d = resolved(body)
            if body.bore and d.get("across_flats") and body.bore >= d["across_flats"]:
                p(Problem(json_path([*path, "bore"]), "the bore is as wide as the prism",
                          f"less than {d['across_flats']:g} across the flats", f"{body.bore:g}"))
    elif isinstance(body, RoundedRect):
        lim = min(body.length, body.width) / 2
        if body.corner_radius >= lim - EPS:
            p(Problem(json_path([*path, "corner_radius"]), "the corners are rounder than the rectangle",
                      f"less than {lim:g} (half the smaller side)", f"{body.corner_radius:g}"))
    elif isinstance(body, Profile):
        check_profile(body, path, problems)
    elif isinstance(body, Revolve):
        if any(pt[0] < -EPS for pt in body.points):
            p(Problem(json_path([*path, "points"]), "a revolved profile must stay at r >= 0",
                      "every point's first coordinate (r) >= 0", "a negative r"))
        elif polygon_area([tuple(q) for q in body.points]) < EPS:
            p(Problem(json_path([*path, "points"]), "the profile encloses no area", "a closed outline", "a line"))
    elif isinstance(body, SpurGear):
        g = gear_sizes(body)
        if body.bore and body.bore >= g["root"] * 0.9:
            p(Problem(json_path([*path, "bore"]), "the bore cuts into the teeth",
                      f"less than {g['root'] * 0.9:.4g} (90% of the root diameter)", f"{body.bore:g}"))
        if body.hub and body.hub.diameter <= (body.bore or 0):
            p(Problem(json_path([*path, "hub", "diameter"]), "the hub is not wider than the bore",
                      f"more than {body.bore:g}", f"{body.hub.diameter:g}"))
    elif isinstance(body, CadJsonBody):
        from cadagent.tools.cadjson.validate import validate as validate_cadjson

        _, found = validate_cadjson(body.document)
        for q in found:
            if q.severity == "error":
                q.path = json_path([*path, "document"]) + q.path[1:]
                p(q)
    elif isinstance(body, Compound):
        for i, pl in enumerate(body.bodies):
            check_body(pl.body, [*path, "bodies", i, "body"], problems)


def check_profile(b: Profile, path, problems) -> None:
    p = problems.append
    if b.inner_radius is not None and b.shape not in ("L", "T", "U"):
        p(Problem(json_path([*path, "inner_radius"]), "a radius inside the bends is built for L, T and U sections",
                  "an L, T or U section", b.shape, "drop inner_radius"))
        return
    if b.shape == "polyline":
        if b.start is None or not b.segments:
            _need(path, b, ("start", "segments"), problems, " (polyline)")
            return
        if polygon_area(polyline_points(b)) < EPS:
            p(Problem(json_path([*path, "segments"]), "the outline encloses no area", "a closed outline", "a line"))
        return
    names = ("width", "height") if b.shape == "obround" else ("width", "height", "thickness")
    _need(path, b, names, problems, f" ({b.shape})")
    if b.shape == "obround" and b.width is not None and b.height is not None and abs(b.width - b.height) < EPS:
        p(Problem(json_path([*path, "height"]), "an obround as wide as it is long is a cylinder",
                  f"a height different from the width {b.width:g}", f"{b.height:g}", "use kind cylinder"))
    if any(getattr(b, n) is None for n in names) or b.shape == "obround":
        return
    w, h, t = b.width, b.height, b.thickness
    limits = {"L": (w, h), "T": (w, h), "U": (w / 2, h), "C": (w / 2, h / 2), "I": (w, h / 2), "Z": (w / 2, h / 2)}[b.shape]
    if t >= min(limits) - EPS:
        p(Problem(json_path([*path, "thickness"]), f"the wall is too thick for a {w:g} x {h:g} {b.shape} section",
                  f"less than {min(limits):g}", f"{t:g}", "a thinner wall or a larger section"))
    if b.shape == "C" and not (t < (b.lip or 2 * t) < h / 2):
        p(Problem(json_path([*path, "lip"]), "the lip must be longer than the wall and shorter than half the height"
                  + ("" if b.lip else " (it is 2 x thickness when not given)"), f"between {t:g} and {h / 2:g}",
                  f"{b.lip or 2 * t:g}"))
    if b.inner_radius is not None:
        room = {"L": min(w, h) - t, "T": min((w - t) / 2, h - (b.lip or t)),
                "U": min(h - (b.lip or t), (w - 2 * t) / 2)}[b.shape]
        if b.inner_radius >= room - EPS:
            p(Problem(json_path([*path, "inner_radius"]), f"the radius inside the bend does not fit the {w:g} x {h:g} "
                      f"{b.shape} section", f"less than {room:g}", f"{b.inner_radius:g}", "a smaller radius"))
    if b.shape == "Z" and b.lip is not None and not (t < b.lip - EPS and b.lip < w - EPS):
        p(Problem(json_path([*path, "lip"]), "the Z's top flange (lip) must be longer than the wall and leave the bottom "
                  "flange longer than the wall too", f"between {t:g} and {w:g}", f"{b.lip:g}"))
    if b.shape == "T" and b.lip is not None and b.lip >= h - EPS:
        p(Problem(json_path([*path, "lip"]), "the T's flange (lip) is as tall as the section: no web is left",
                  f"less than {h:g}", f"{b.lip:g}"))
    if b.shape == "U" and b.lip is not None and b.lip >= h - EPS:
        p(Problem(json_path([*path, "lip"]), "the U's base (lip) is as tall as the section: no walls stand on it",
                  f"less than {h:g}", f"{b.lip:g}"))
    if b.shape == "I" and b.lip is not None and 2 * b.lip >= h:
        p(Problem(json_path([*path, "lip"]), "the flanges (lip) meet in the middle", f"less than {h / 2:g}", f"{b.lip:g}"))


def check_spec(spec) -> list[Problem]:
    problems: list[Problem] = []
    check_body(spec.body, ["body"], problems)
    if problems:
        return problems
    ids = {spec.body.id: ["body"]}
    if isinstance(spec.body, Compound):
        for i, pl in enumerate(spec.body.bodies):
            if pl.body.id in ids:
                problems.append(Problem(json_path(["body", "bodies", i, "body", "id"]), f"id {pl.body.id!r} is used twice",
                                        "a unique id", pl.body.id, "rename it"))
            ids[pl.body.id] = ["body", "bodies", i]
    shape = body_shape(spec.body)
    done: dict[str, Resolved] = {}
    from .predict import check_feature

    for i, f in enumerate(spec.features):
        path = ["features", i]
        if f.id in ids:
            problems.append(Problem(json_path([*path, "id"]), f"id {f.id!r} is used twice", "a unique id",
                                    f.id, "give every body and feature its own id"))
        ids[f.id] = path
        r = Resolved(f)
        try:
            if isinstance(f, PLACED):
                r.frame = face_frame(shape, f.on)
                r.points = clean(points(f.at, r.frame)) if _placement_ok(f.at, r.frame, path, problems) else []
                if isinstance(f, Hole):
                    r.diameter, r.size_note = hole_diameter(f.size)
            elif isinstance(f, Rib):
                r.frame = face_frame(shape, f.on)
                r.points = [((f.start[0] + f.end[0]) / 2, (f.start[1] + f.end[1]) / 2)]   # its middle
            elif isinstance(f, (LinearPattern, PolarPattern)):
                src = done.get(f.feature)
                if src is None or not isinstance(src.feature, (Hole, Pocket, Slot, Boss)):
                    problems.append(Problem(json_path([*path, "feature"]), f"no earlier hole, pocket, slot or boss "
                                            f"with id {f.feature!r}", "the id of an earlier placed feature",
                                            f.feature, "patterns copy a feature listed before them"))
                    continue
                r.source, r.frame, r.diameter = src, src.frame, src.diameter
                r.points = pattern_points(f, src.points)
        except KeyError as exc:
            problems.append(Problem(json_path([*path, "size"]), exc.args[0], "a size from the tables",
                                    repr(getattr(f, "size", None))))
            continue
        done[f.id] = r
        check_feature(spec, shape, r, path, problems, list(done.values()))
    return problems


def _placement_ok(at, frame, path, problems) -> bool:
    pp = json_path([*path, "at"])
    if at.kind == "linear":
        if (at.spacing is None) == (at.span is None):
            problems.append(Problem(pp, "give exactly one of spacing or span", "one of them",
                                    "both" if at.spacing else "neither"))
            return False
        if at.span is not None and at.count < 2:
            problems.append(Problem(pp + ".count", "a span needs at least 2 points", ">= 2", str(at.count)))
            return False
    if at.kind == "corners":
        if at.inset is None and (at.inset_u is None or at.inset_v is None):
            problems.append(Problem(pp, "corners need an inset (or both inset_u and inset_v)", "inset: a length",
                                    "nothing", "add inset, e.g. 8"))
            return False
    return True

