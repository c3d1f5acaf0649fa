"""CadDoc → a readable, commented CadQuery script (one block per part, named variables).

The script is ordinary untrusted-style CadQuery (it runs in the sandbox like any other):
each face is drawn on the part's sketch plane, shifted back by the depth "opposite the
normal", and extruded by the total depth; faces of a part are unioned; the part then adds
to (new body / join), cuts from, or intersects with ``result``.

``sketch_scale`` is metadata: in the published Text2CAD / CADmium data the sketch
coordinates are already at final size (the scale was applied when the data was made), so
the compiler ignores it unless asked (``apply_sketch_scale=True`` multiplies every sketch
coordinate by it, for producers that emit unscaled sketches).
"""

from __future__ import annotations

from .model import OPERATION_VERB, Arc, CadDoc, Circle, Face, Line, Loop, Part
from .shapes2d import describe_face


def _n(v: float) -> str:
    text = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _p(pt, k: float = 1.0) -> str:
    return f"({_n(pt[0] * k)}, {_n(pt[1] * k)})"


def _vec(v) -> str:
    return "(" + ", ".join(_n(x) for x in v) + ")"


def _loop_calls(loop: Loop, k: float) -> list[str]:
    if loop.is_circle:
        c: Circle = loop.curves[0]  # type: ignore[assignment]
        return [f".moveTo{_p(c.center, k)}.circle({_n(c.radius * k)})"]
    calls = [f".moveTo{_p(loop.curves[0].start, k)}"]
    for cv in loop.curves:
        if isinstance(cv, Line):
            calls.append(f".lineTo{_p(cv.end, k)}")
        elif isinstance(cv, Arc):
            calls.append(f".threePointArc({_p(cv.mid, k)}, {_p(cv.end, k)})")
    calls.append(".close()")
    return calls


CHAIN_LIMIT = 300   # curves in one face drawn as chained Workplane calls; above, the face is a table

WIRE_HELPER = '''

def wire_from(plane, segments):
    """A closed wire through ("line", start, end) / ("arc", start, mid, end) segments, or one
    ("circle", centre, radius), given in the plane's own 2D coordinates."""
    if segments[0][0] == "circle":
        centre = plane.toWorldCoords(segments[0][1])
        return cq.Wire.makeCircle(segments[0][2], centre, plane.zDir)
    edges = []
    for segment in segments:
        points = [plane.toWorldCoords(p) for p in segment[1:]]
        if segment[0] == "line":
            edges.append(cq.Edge.makeLine(points[0], points[1]))
        else:
            edges.append(cq.Edge.makeThreePointArc(points[0], points[1], points[2]))
    return cq.Wire.assembleEdges(edges)
'''


def _segments(loop: Loop, k: float) -> list[str]:
    if loop.is_circle:
        c: Circle = loop.curves[0]  # type: ignore[assignment]
        return [f'("circle", {_p(c.center, k)}, {_n(c.radius * k)}),']
    out = []
    for cv in loop.curves:
        if isinstance(cv, Line):
            out.append(f'("line", {_p(cv.start, k)}, {_p(cv.end, k)}),')
        elif isinstance(cv, Arc):
            out.append(f'("arc", {_p(cv.start, k)}, {_p(cv.mid, k)}, {_p(cv.end, k)}),')
    return out


def _face_block(var: str, plane: str, face: Face, part: Part, k: float) -> list[str]:
    """One face: chained Workplane calls, as a person writes them; a face with more than
    CHAIN_LIMIT curves (real sketches can have thousands) becomes a table of segments turned
    into wires, because CadQuery walks a chain of calls recursively and Python's parser nests
    one level per call."""
    ex = part.extrusion
    curves = sum(len(loop.curves) for loop in face.loops)
    start = f"cq.Workplane({plane})"
    offset = (f".workplane(offset={_n(-ex.opposite)})  # start {_n(ex.opposite)} behind the sketch plane"
              if ex.opposite else "")
    lines = [f"# {face.name}: {describe_face(face, k)}"]
    if curves <= CHAIN_LIMIT:
        lines += [f"{var} = (", f"    {start}"] + ([f"    {offset}"] if offset else [])
        for loop in face.loops:
            lines.append(f"    # {loop.name}" + (" (outer)" if loop is face.outer else " (hole)"))
            lines.extend("    " + c for c in _loop_calls(loop, k))
        return lines + [f"    .extrude({_n(ex.length)})", ")"]
    lines.append(f"{var}_loops = [")
    for loop in face.loops:
        lines.append(f"    [  # {loop.name}" + (" (outer)" if loop is face.outer else " (hole)")
                     + f": {len(loop.curves)} curves")
        lines.extend("        " + seg for seg in _segments(loop, k))
        lines.append("    ],")
    lines.append("]")
    lines.append(f"{var}_sketch = {start}{offset}")
    lines.append(f"{var} = {var}_sketch.add([wire_from({var}_sketch.plane, loop) for loop in {var}_loops])"
                 f".toPending().extrude({_n(ex.length)})")
    return lines


def compile_doc(doc: CadDoc, *, apply_sketch_scale: bool = False, title: str | None = None) -> str:
    """The CadQuery script for ``doc``; the final solid is in ``result``."""
    out = [f'"""{title or "Compiled from CAD JSON"} (units: {doc.units or "mm"}).',
           "",
           "Generated by cadagent: each part is a sketch on its own plane, extruded and combined",
           'with the body so far."""',
           "import cadquery as cq"]
    if any(sum(len(lp.curves) for lp in f.loops) > CHAIN_LIMIT for p in doc.parts for f in p.faces):
        out += WIRE_HELPER.split("\n")
    out += ["", "result = None"]
    for i, part in enumerate(doc.parts, 1):
        ex, fr = part.extrusion, part.frame
        k = ex.sketch_scale if apply_sketch_scale else 1.0
        name = part.description.get("name") if isinstance(part.description, dict) else None
        verb = OPERATION_VERB[ex.operation]
        out += ["", f"# ---- {part.name}{f' ({name})' if name else ''}: {verb}, extruded {_n(ex.towards)} "
                f"along the normal and {_n(ex.opposite)} against it"]
        plane = f"plane_{i}"
        out.append(f"{plane} = cq.Plane(origin={_vec(fr.origin)}, xDir={_vec(fr.x_dir)}, "
                   f"normal={_vec(fr.normal)})  # Euler {_vec(fr.euler)} deg")
        face_vars = []
        for j, face in enumerate(part.faces, 1):
            var = f"part_{i}_face_{j}"
            out += _face_block(var, plane, face, part, k)
            face_vars.append(var)
        body = f"part_{i}"
        out.append(f"{body} = {face_vars[0]}")
        out.extend(f"{body} = {body}.union({v})" for v in face_vars[1:])
        if ex.operation == "NewBodyFeatureOperation":
            out.append(f"result = {body} if result is None else result.union({body})")
        elif ex.operation == "JoinFeatureOperation":
            out.append(f"result = result.union({body})")
        elif ex.operation == "CutFeatureOperation":
            out.append(f"result = result.cut({body})")
        else:
            out.append(f"result = result.intersect({body})")
    return "\n".join(out) + "\n"
