"""Validate a minimal CAD JSON document: JSON Schema first, then meaning. All problems at once.

Each :class:`Problem` names the JSON path, what was expected, what was found and how to fix
it. ``parse(doc)`` returns the typed :class:`~tools.cadjson.model.CadDoc` when there are
no errors (warnings allowed).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

from jsonschema import Draft202012Validator

from .model import (OPERATIONS, Arc, CadDoc, Circle, Extrusion, Face, Frame, Line, Loop, Part,
                    natural_key)

MAX_ABS = 1e7            # any coordinate or depth beyond this is a mistake, not a part
MAX_PROBLEMS = 200       # report at most this many (a mangled file can have thousands)
REL_TOL = 1e-5           # loop closure, relative to the loop's size
ABS_TOL = 1e-6           # ... and never tighter than this (documents round to 1e-6)
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_PARTS = 200          # a DeepCAD model has at most a few dozen sketch-and-extrude steps
MAX_CURVES = 10000       # curves in the whole document: about 10 s of building in the sandbox


@dataclass
class Problem:
    path: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""
    severity: str = "error"   # "error" | "warning"

    def __str__(self) -> str:
        parts = [f"{self.severity}: {self.path}: {self.message}"]
        if self.expected:
            parts.append(f"expected {self.expected}")
        if self.found:
            parts.append(f"found {self.found}")
        text = "; ".join(parts)
        return f"{text}. Fix: {self.hint}" if self.hint else text

    def to_dict(self) -> dict:
        return asdict(self)


class ProblemsError(ValueError):
    """A document with errors; ``problems`` lists them all (the first three in the message)."""

    subject = "the document"

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        head = "; ".join(str(p) for p in errors[:3])
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{len(errors)} problem(s) in {self.subject}: {head}{more}")


class CadJsonError(ProblemsError):
    subject = "the CAD JSON"


def _short(value, limit: int = 60) -> str:
    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}" if str(p).isidentifier() else f"[{json.dumps(p)}]"
    return out


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def load_text(text: str | bytes) -> tuple[object | None, list[Problem]]:
    """Parse JSON text; problems instead of exceptions (bad JSON, too big, too deep)."""
    if len(text) > MAX_JSON_BYTES:
        return None, [Problem("$", "the file is too large", f"at most {MAX_JSON_BYTES // 2**20} MiB",
                              f"{len(text) // 2**20} MiB", "split the document or remove unused data")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                              "a JSON document", "", "check brackets, commas and quotes near that line")]
    except (RecursionError, ValueError) as exc:
        return None, [Problem("$", f"cannot read the JSON: {exc}", "a JSON document of sane depth")]


_EXPECT = {
    "type": lambda v: f"a value of type {v if isinstance(v, str) else ' or '.join(v)}",
    "enum": lambda v: "one of " + ", ".join(map(str, v)),
    "minimum": lambda v: f"a number >= {v}",
    "exclusiveMinimum": lambda v: f"a number > {v}",
    "minItems": lambda v: f"at least {v} items",
    "maxItems": lambda v: f"at most {v} items",
    "minProperties": lambda v: f"at least {v} entry",
    "required": lambda v: "the keys " + ", ".join(v),
    "additionalProperties": lambda v: "only the documented keys",
    "pattern": lambda v: f"a name matching {v}",
}
_HINTS = {
    "required": "add the missing key (see the format in tools/cadjson/schema.json)",
    "additionalProperties": "remove or rename the unknown key",
    "pattern": "name entries part_N / face_N / loop_N / line_N, arc_N, circle_N",
    "type": "use the documented type (points are [x, y] arrays of numbers)",
    "enum": "use one of the listed values",
    "minimum": "depths are distances, never negative: use the other direction's depth instead",
    "minItems": "2D points have 2 numbers, 3D vectors 3",
    "maxItems": "2D points have 2 numbers, 3D vectors 3",
    "minProperties": "add at least one entry",
}


def schema_problems(doc) -> list[Problem]:
    validator = Draft202012Validator(schema())
    problems = []
    try:
        errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    except RecursionError:
        return [Problem("$", "the document is nested too deeply", "parts > sketch > face > loop > curve")]
    for err in errors:
        kind = err.validator
        if kind in ("propertyNames",):
            continue  # reported again, more precisely, as 'pattern'
        expected = _EXPECT.get(kind, lambda v: "")(err.validator_value)
        problems.append(Problem(_path(err.absolute_path), err.message if len(err.message) < 200
                                else err.message[:197] + "...", expected, _short(err.instance),
                                _HINTS.get(kind, "")))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def _finite(values, path: str, out: list[Problem]) -> bool:
    ok = True
    for i, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if not math.isfinite(v):
            out.append(Problem(f"{path}[{i}]" if len(values) > 1 else path, "not a finite number",
                               "a finite number", _short(v), "replace NaN / Infinity with a real value"))
            ok = False
        elif abs(v) > MAX_ABS:
            out.append(Problem(f"{path}[{i}]" if len(values) > 1 else path, "number out of range",
                               f"|value| <= {MAX_ABS:g}", _short(v), "check the units and the value"))
            ok = False
    return ok


def _finite_keys(obj: dict, keys: tuple[str, ...], path: str, out: list[Problem]) -> bool:
    """``_finite`` over several keys of ``obj``, each reported at its own JSON path."""
    ok = True
    for key in keys:
        value = obj[key]
        ok &= _finite(value if isinstance(value, list) else [value], _path_key(path, key), out)
    return ok


def _path_key(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _pt(value) -> tuple[float, float]:
    return (round(float(value[0]), 9), round(float(value[1]), 9))


def _chain(curves: list, path: str, out: list[Problem]) -> list | None:
    """Order open curves head to tail (reversing where needed); None if the loop is not closed.

    Linear in the number of curves: endpoints are hashed into a grid of cells one tolerance
    wide, so the curve that continues the chain is looked up, not searched for."""
    pts = [p for c in curves for p in (c.start, c.end)]
    size = max(max(abs(x) for x, _ in pts), max(abs(y) for _, y in pts),
               max(math.dist(a, b) for a in pts[:1] for b in pts), 1e-9)
    tol = max(ABS_TOL, REL_TOL * size)

    def cell(pt):
        return (math.floor(pt[0] / tol), math.floor(pt[1] / tol))

    grid: dict[tuple[int, int], list[tuple[int, bool]]] = {}
    for i, c in enumerate(curves[1:], 1):
        for point, rev in ((c.start, False), (c.end, True)):
            grid.setdefault(cell(point), []).append((i, rev))
    used = [False] * len(curves)
    used[0] = True
    chain = [curves[0]]
    for _ in range(len(curves) - 1):
        end = chain[-1].end
        cx, cy = cell(end)
        best, best_d, flip = None, None, False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for i, rev in grid.get((cx + dx, cy + dy), ()):
                    if not used[i]:
                        d = math.dist(end, curves[i].end if rev else curves[i].start)
                        if best_d is None or d < best_d:
                            best, best_d, flip = i, d, rev
        if best is None or best_d > tol:
            best_d = min(math.dist(end, p) for i, c in enumerate(curves) if not used[i] for p in (c.start, c.end))
            out.append(Problem(path, f"the loop is open: after {chain[-1].name} the nearest curve starts "
                                     f"{best_d:.6g} away", f"curves joined end to start (gap <= {tol:.2g})",
                               f"a gap of {best_d:.6g} at {list(end)}",
                               "make each curve start where the previous one ends"))
            return None
        used[best] = True
        chain.append(curves[best].reversed() if flip else curves[best])
    gap = math.dist(chain[-1].end, chain[0].start)
    if gap > tol:
        out.append(Problem(path, "the loop is not closed", f"the last curve ending at the first's start "
                                 f"(gap <= {tol:.2g})", f"a gap of {gap:.6g} between {list(chain[-1].end)} "
                           f"and {list(chain[0].start)}", "add a closing line or fix the end point"))
        return None
    return chain


def _loop(name: str, data: dict, path: str, out: list[Problem]) -> Loop | None:
    curves, circles = [], []
    bad = False
    for cname in sorted(data, key=natural_key):
        c, cpath = data[cname], f"{path}.{cname}"
        try:
            if cname.startswith("line_"):
                if not _finite_keys(c, ("Start Point", "End Point"), cpath, out):
                    bad = True
                    continue
                line = Line(cname, _pt(c["Start Point"]), _pt(c["End Point"]))
                if line.length <= ABS_TOL:
                    out.append(Problem(cpath, "zero-length line", "distinct start and end points",
                                       _short(c), "delete the line or fix its end point"))
                    bad = True
                curves.append(line)
            elif cname.startswith("arc_"):
                if not _finite_keys(c, ("Start Point", "Mid Point", "End Point"), cpath, out):
                    bad = True
                    continue
                arc = Arc(cname, _pt(c["Start Point"]), _pt(c["Mid Point"]), _pt(c["End Point"]))
                if arc.circle() is None or math.dist(arc.start, arc.end) <= ABS_TOL:
                    out.append(Problem(cpath, "degenerate arc: its three points are collinear or its "
                                              "ends coincide", "three distinct, non-collinear points",
                                       _short(c), "use a line, or move the mid point off the chord"))
                    bad = True
                curves.append(arc)
            elif cname.startswith("circle_"):
                if not _finite_keys(c, ("Center", "Radius"), cpath, out):
                    bad = True
                    continue
                if c["Radius"] <= 0:
                    out.append(Problem(f"{cpath}.Radius", "the radius must be positive", "a number > 0",
                                       _short(c["Radius"]), "give the circle a real radius"))
                    bad = True
                circles.append(Circle(cname, _pt(c["Center"]), float(c["Radius"])))
        except (KeyError, TypeError, IndexError):
            bad = True  # already reported by the schema
    if bad:
        return None
    if circles and (curves or len(circles) > 1):
        out.append(Problem(path, "a loop holds either one circle or a chain of lines and arcs",
                           "one circle, or lines/arcs only", f"{len(circles)} circle(s) and {len(curves)} "
                           "other curve(s)", "put each circle in its own loop"))
        return None
    if circles:
        return Loop(name, circles)
    if not curves:
        return None
    chain = _chain(curves, path, out)
    if not chain:
        return None
    loop = Loop(name, chain)
    x0, y0, x1, y1 = loop.bbox()
    size = max(x1 - x0, y1 - y0)
    if loop.area() <= max(ABS_TOL, REL_TOL * size) * size:   # e.g. a line drawn there and back
        out.append(Problem(path, "the loop encloses no area", "curves around a region of positive area",
                           f"{len(chain)} curve(s) spanning {size:.6g} with area {loop.area():.3g}",
                           "delete the loop, or give it the points that enclose the region"))
        return None
    return loop


def _face(name: str, data: dict, path: str, out: list[Problem]) -> Face | None:
    loops = [_loop(ln, data[ln], f"{path}.{ln}", out) for ln in sorted(data, key=natural_key)
             if isinstance(data[ln], dict)]
    if not loops or any(lp is None for lp in loops):
        return None
    loops.sort(key=lambda lp: -lp.area())
    outer = loops[0].bbox()
    for lp in loops[1:]:
        x0, y0, x1, y1 = lp.bbox()
        eps = max(ABS_TOL, REL_TOL * max(abs(v) for v in outer))
        if x0 < outer[0] - eps or y0 < outer[1] - eps or x1 > outer[2] + eps or y1 > outer[3] + eps:
            out.append(Problem(f"{path}.{lp.name}", "an inner loop (hole) lies outside the face's outer "
                               f"loop {loops[0].name}", "holes inside the outer boundary",
                               f"bbox {[round(v, 6) for v in (x0, y0, x1, y1)]}",
                               "move the loop into its own face if it is a separate region",
                               severity="warning"))
    return Face(name, loops)


def semantic_problems(doc: dict) -> tuple[CadDoc | None, list[Problem]]:
    """Meaning checks on a schema-valid document; returns the typed doc when error-free."""
    out: list[Problem] = []
    units = doc.get("units")
    if units is None:
        out.append(Problem("$.units", "units are not stated; millimetres are assumed",
                           "\"units\": \"mm\" (or cm, m, in)", "nothing",
                           "state the unit of every length at the top level", severity="warning"))
    parts: list[Part] = []
    have_body = False
    for pname in sorted(doc["parts"], key=natural_key):
        p, ppath = doc["parts"][pname], f"$.parts.{pname}"
        cs, ex = p["coordinate_system"], p["extrusion"]
        frame_ok = _finite_keys(cs, ("Euler Angles", "Translation Vector"), f"{ppath}.coordinate_system", out)
        depths = [ex["extrude_depth_towards_normal"], ex["extrude_depth_opposite_normal"]]
        ok = _finite_keys(ex, ("extrude_depth_towards_normal", "extrude_depth_opposite_normal"),
                          f"{ppath}.extrusion", out) and frame_ok
        scale = ex.get("sketch_scale", 1.0)
        ok &= _finite([scale], f"{ppath}.extrusion.sketch_scale", out)
        if ok and sum(depths) <= ABS_TOL:
            out.append(Problem(f"{ppath}.extrusion", "the extrusion has no depth",
                               "extrude_depth_towards_normal + extrude_depth_opposite_normal > 0",
                               f"{depths[0]} + {depths[1]}", "give at least one direction a depth"))
            ok = False
        op = ex["operation"]
        if op == OPERATIONS[0]:
            have_body = True
        elif not have_body:
            out.append(Problem(f"{ppath}.extrusion.operation", f"{op} needs an existing body, but no "
                               "earlier part creates one", "NewBodyFeatureOperation for the first part",
                               op, "make the first part a NewBodyFeatureOperation"))
            ok = False
        faces = [_face(fn, p["sketch"][fn], f"{ppath}.sketch.{fn}", out)
                 for fn in sorted(p["sketch"], key=natural_key)]
        if ok and all(f is not None for f in faces):
            parts.append(Part(pname, Frame(tuple(map(float, cs["Euler Angles"])),
                                           tuple(map(float, cs["Translation Vector"]))),
                              faces, Extrusion(float(depths[0]), float(depths[1]), op, float(scale)),
                              p.get("description")))
        if len(out) >= MAX_PROBLEMS:
            break
    if any(p.severity == "error" for p in out):
        return None, out
    extra = {k: v for k, v in doc.items() if k not in ("parts", "units")}
    return CadDoc(parts, units or "mm", extra), out


def size_problems(doc) -> list[Problem]:
    """The document's size against MAX_PARTS / MAX_CURVES, counted before anything else looks at
    it (a 10 000-part file would otherwise run the sandbox out of time with no clear reason)."""
    parts = doc.get("parts") if isinstance(doc, dict) else None
    if not isinstance(parts, dict):
        return []
    problems = []
    if len(parts) > MAX_PARTS:
        problems.append(Problem("$.parts", "too many parts to build", f"at most {MAX_PARTS}", f"{len(parts)}",
                                "split the model into several documents or merge extrusions"))
    curves = 0
    for part in parts.values():
        sketch = part.get("sketch") if isinstance(part, dict) else None
        for face in (sketch.values() if isinstance(sketch, dict) else ()):
            for loop in (face.values() if isinstance(face, dict) else ()):
                curves += len(loop) if isinstance(loop, dict) else 0
    if curves > MAX_CURVES:
        problems.append(Problem("$.parts", "too many sketch curves to build", f"at most {MAX_CURVES} in all",
                                f"{curves}", "simplify the sketches (fewer, longer curves) or split the model"))
    return problems


def validate(doc) -> tuple[CadDoc | None, list[Problem]]:
    """Size, schema, then semantic validation. Never raises on bad input."""
    problems = size_problems(doc) or schema_problems(doc)
    if problems:
        return None, problems
    try:
        return semantic_problems(doc)
    except RecursionError:
        return None, [Problem("$", "the document is nested too deeply", "a sketch-and-extrude document")]


def parse(doc) -> CadDoc:
    """The typed document, or :class:`CadJsonError` with every problem."""
    cad, problems = validate(doc)
    if cad is None:
        raise CadJsonError(problems)
    return cad
