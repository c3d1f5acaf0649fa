"""Turn whatever a script left in ``result`` into one CadQuery shape, or say why not."""

from __future__ import annotations

import numbers

import cadquery as cq


class NotASolidError(Exception):
    """``result`` holds something that is not a solid (message says what it is)."""


def _describe(shape: cq.Shape) -> str:
    parts = []
    for name, items in (("solid", shape.Solids()), ("shell", shape.Shells()), ("face", shape.Faces()),
                        ("wire", shape.Wires()), ("edge", shape.Edges()),
                        ("vertex", shape.Vertices())):
        if items:
            plural = "vertices" if name == "vertex" else name + "s"
            parts.append(f"{len(items)} {name if len(items) == 1 else plural}")
    return ", ".join(parts) if parts else "nothing"


def to_shape(obj) -> cq.Shape:
    """Workplane, Shape or Assembly -> a Shape holding at least one solid."""
    if isinstance(obj, cq.Assembly):
        shape = obj.toCompound()
    elif isinstance(obj, cq.Workplane):
        shapes = [v for v in obj.vals() if isinstance(v, cq.Shape)]
        if not shapes:
            pending = " (it has pending 2D wires: extrude, revolve or loft them)" \
                if obj.ctx.pendingWires else ""
            raise NotASolidError(f"`result` is a Workplane with no shapes on its stack{pending}")
        shape = shapes[0] if len(shapes) == 1 else cq.Compound.makeCompound(shapes)
    elif isinstance(obj, cq.Sketch):
        raise NotASolidError("`result` is a 2D Sketch; place it on a Workplane and extrude it")
    elif isinstance(obj, cq.Shape):
        shape = obj
    elif obj is None:
        raise NotASolidError("`result` is None; assign the final Workplane or Shape to `result`")
    elif isinstance(obj, (numbers.Number, str, bytes, list, tuple, dict)):
        raise NotASolidError(f"`result` is a {type(obj).__name__} ({str(obj)[:40]!r}), not a shape; "
                             "assign the final Workplane or Shape to `result`")
    else:
        raise NotASolidError(f"`result` is a {type(obj).__name__}, not a CadQuery Workplane, "
                             "Shape or Assembly")
    if shape.isNull():
        raise NotASolidError("`result` is an empty (null) shape")
    if not shape.Solids():
        what = _describe(shape)
        hint = " (an empty compound)" if what == "nothing" else ""
        raise NotASolidError(f"`result` has no solid: it holds {what}{hint}. A part must be a "
                             "solid: extrude, revolve, loft or sweep the profile")
    return shape


def load_shape(path: str) -> cq.Shape:
    """Read a BREP or STEP file into one shape."""
    lower = str(path).lower()
    if lower.endswith(".brep"):
        return cq.Shape.importBrep(str(path))
    if lower.endswith((".step", ".stp")):
        return to_shape(cq.importers.importStep(str(path)))
    raise ValueError(f"{path}: expected a .brep, .step or .stp file")
