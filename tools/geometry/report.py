"""Measure a shape: validity (two levels), bbox, volume, area, topology counts."""

from __future__ import annotations

import cadquery as cq
from OCP.BOPAlgo import BOPAlgo_ArgumentAnalyzer
from OCP.BRepCheck import BRepCheck_Analyzer

from ..results import GeometryReport


def _r(x: float) -> float:
    return round(float(x), 9)


def deep_check(shape: cq.Shape) -> list[str]:
    """Problems beyond ``isValid``: self-intersections, small edges, inverted or open solids.

    Only meaningful (and only fast) on shapes that pass BRepCheck: on broken shapes the
    boolean argument analyzer can take tens of seconds.
    """
    problems = []
    analyzer = BOPAlgo_ArgumentAnalyzer()
    analyzer.SetShape1(shape.wrapped)
    analyzer.ArgumentTypeMode = True
    analyzer.SelfInterMode = True
    analyzer.SmallEdgeMode = True
    analyzer.RebuildFaceMode = True
    analyzer.ContinuityMode = True
    analyzer.CurveOnSurfaceMode = True
    analyzer.Perform()
    if analyzer.HasFaulty():
        problems.append("self-intersecting or degenerate geometry (boolean argument check failed)")
    for i, solid in enumerate(shape.Solids()):
        vol = solid.Volume()
        if vol <= 0:
            problems.append(f"solid {i + 1} has non-positive volume ({vol:.3g} mm³): inside out or open")
        for shell in solid.Shells():
            if not shell.Closed():
                problems.append(f"solid {i + 1} has an open shell (it does not enclose a volume)")
    return problems


def measure(shape: cq.Shape) -> GeometryReport:
    if BRepCheck_Analyzer(shape.wrapped, True).IsValid():
        problems = deep_check(shape)
    else:
        problems = ["BRepCheck: the shape's topology or geometry is invalid (isValid() is False)"]
    bb = shape.BoundingBox()
    com = cq.Shape.centerOfMass(shape) if shape.Solids() else shape.Center()
    return GeometryReport(
        valid=not problems,
        problems=problems,
        solids=len(shape.Solids()),
        shells=len(shape.Shells()),
        faces=len(shape.Faces()),
        edges=len(shape.Edges()),
        vertices=len(shape.Vertices()),
        volume=_r(sum(s.Volume() for s in shape.Solids())),
        area=_r(shape.Area()),
        bbox_min=(_r(bb.xmin), _r(bb.ymin), _r(bb.zmin)),
        bbox_max=(_r(bb.xmax), _r(bb.ymax), _r(bb.zmax)),
        center_of_mass=(_r(com.x), _r(com.y), _r(com.z)),
    )
