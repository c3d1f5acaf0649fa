"""Measure a shape: validity (two levels), bbox, volume, area, topology counts."""

from __future__ import annotations

import cadquery as cq
from OCP.BOPAlgo import BOPAlgo_ArgumentAnalyzer
from OCP.BRepCheck import BRepCheck_Analyzer
from OCP.ShapeAnalysis import ShapeAnalysis_Shell

from ..results import GeometryReport


def _r(x: float) -> float:
    return round(float(x), 9)


def _has_free_edges(shell: cq.Shell) -> bool:
    """Geometric closedness (edges used by one face only); the TopoDS 'Closed' flag is not
    reliably set by every OCCT algorithm (e.g. shelling a filleted box)."""
    analysis = ShapeAnalysis_Shell()
    analysis.LoadShells(shell.wrapped)
    analysis.CheckOrientedShells(shell.wrapped, True)
    return bool(analysis.HasFreeEdges())


def deep_check(shape: cq.Shape) -> tuple[list[str], list[str]]:
    """(problems, warnings) beyond ``isValid``: inverted or open solids are problems;
    self-interference and degenerate sub-shapes found by the boolean argument analyzer are
    warnings, because OCCT flags some valid parts (e.g. curved font glyphs of engraved
    text) that still take part in booleans fine.

    Only meaningful (and only fast) on shapes that pass BRepCheck: on broken shapes the
    boolean argument analyzer can take tens of seconds.
    """
    problems, warnings = [], []
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
        warnings.append("the boolean argument check reports self-interference or degenerate "
                        "sub-shapes; later booleans on this part may fail")
    for i, solid in enumerate(shape.Solids()):
        vol = solid.Volume()
        if vol <= 0:
            problems.append(f"solid {i + 1} has non-positive volume ({vol:.3g} mm³): inside out or open")
        for shell in solid.Shells():
            if _has_free_edges(shell):
                problems.append(f"solid {i + 1} has an open shell (free edges: it does not enclose a volume)")
    return problems, warnings


def measure(shape: cq.Shape) -> GeometryReport:
    if BRepCheck_Analyzer(shape.wrapped, True).IsValid():
        problems, warnings = deep_check(shape)
    else:
        problems = ["BRepCheck: the shape's topology or geometry is invalid (isValid() is False)"]
        warnings = []
    bb = shape.BoundingBox()
    com = cq.Shape.centerOfMass(shape) if shape.Solids() else shape.Center()
    return GeometryReport(
        valid=not problems,
        problems=problems,
        warnings=warnings,
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
