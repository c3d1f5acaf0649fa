"""Geometry tools in-process: measured volumes, bboxes, counts, exports, IoU."""

from __future__ import annotations

import math

import cadquery as cq
import pytest

from cadagent.tools.geometry.export import export
from cadagent.tools.geometry.iou import best_iou, iou, rotations_24
from cadagent.tools.geometry.report import measure
from cadagent.tools.geometry.shapes import NotASolidError, load_shape, to_shape


def test_cube_volume_bbox_counts():
    r = measure(to_shape(cq.Workplane("XY").box(10, 10, 10)))
    assert r.volume == pytest.approx(1000.0, abs=1e-6)
    assert r.area == pytest.approx(600.0, abs=1e-6)
    assert r.size == pytest.approx((10, 10, 10), abs=1e-6)
    assert (r.solids, r.shells, r.faces, r.edges, r.vertices) == (1, 1, 6, 12, 8)
    assert r.center_of_mass == pytest.approx((0, 0, 0), abs=1e-9)
    assert r.valid and r.is_valid_solid and r.problems == []


def test_plate_with_hole_volume():
    plate = cq.Workplane("XY").box(60, 40, 5).faces(">Z").workplane().hole(10)
    r = measure(to_shape(plate))
    assert r.volume == pytest.approx(60 * 40 * 5 - math.pi * 5**2 * 5, rel=1e-6)
    assert r.faces == 7
    assert r.size == pytest.approx((60, 40, 5), abs=1e-6)


def test_center_of_mass_of_offset_box():
    r = measure(to_shape(cq.Workplane("XY").box(10, 20, 30, centered=False)))
    assert r.center_of_mass == pytest.approx((5, 10, 15), abs=1e-6)
    assert r.bbox_min == pytest.approx((0, 0, 0), abs=1e-6)
    assert r.bbox_max == pytest.approx((10, 20, 30), abs=1e-6)


def test_invalid_solid_is_reported():
    # a fillet larger than the box can take gives a shape that fails BRepCheck
    broken = cq.Workplane().box(10, 10, 10).edges().fillet(6)
    r = measure(to_shape(broken))
    assert not r.valid and not r.is_valid_solid
    assert any("BRepCheck" in p for p in r.problems)


def test_two_solids_are_counted_and_summed():
    a = cq.Workplane().box(10, 10, 10)
    b = cq.Workplane().box(10, 10, 10).translate((20, 0, 0))
    r = measure(to_shape(a.add(b)))
    assert r.solids == 2
    assert r.volume == pytest.approx(2000.0, abs=1e-6)


@pytest.mark.parametrize("value, needle", [
    (42, "is a int"),
    (None, "is None"),
    ("box", "is a str"),
    (cq.Workplane().rect(10, 10), "has no solid"),
    (cq.Sketch().rect(10, 10), "2D Sketch"),
    (cq.Compound.makeCompound([]), "empty"),
    (cq.Workplane(), "no shapes"),
])
def test_to_shape_refuses_non_solids(value, needle):
    with pytest.raises(NotASolidError, match=needle):
        to_shape(value)


def test_to_shape_accepts_shape_workplane_and_assembly():
    box = cq.Workplane().box(1, 2, 3)
    assy = cq.Assembly().add(box, name="a").add(cq.Workplane().sphere(1), name="b",
                                                 loc=cq.Location((5, 0, 0)))
    assert to_shape(box.val()).Volume() == pytest.approx(6)
    assert to_shape(box).Volume() == pytest.approx(6)
    assert len(to_shape(assy).Solids()) == 2


def test_exports_round_trip(tmp_path):
    shape = to_shape(cq.Workplane().box(60, 40, 5).faces(">Z").workplane().hole(5))
    files = export(shape, tmp_path, "plate", ["step", "stl", "glb", "brep"])
    assert set(files) == {"step", "stl", "glb", "brep"}
    assert files["glb"].read_bytes()[:4] == b"glTF"
    assert b"ISO-10303-21" in files["step"].read_bytes()[:100]
    back = load_shape(str(files["step"]))
    assert back.Volume() == pytest.approx(shape.Volume(), rel=1e-6)
    stl = cq.Shape.importStl(str(files["stl"])) if hasattr(cq.Shape, "importStl") else None
    if stl is not None:
        bb = stl.BoundingBox()
        assert (bb.xlen, bb.ylen, bb.zlen) == pytest.approx((60, 40, 5), abs=0.05)
    assert not list(tmp_path.glob(".tmp-*")), "no temp files may be left behind"


def test_iou_self_is_one():
    gear_like = cq.Workplane().polygon(12, 40).extrude(8).faces(">Z").workplane().hole(8)
    s = to_shape(gear_like)
    assert iou(s, s).iou == pytest.approx(1.0, abs=1e-9)


def test_iou_half_overlapping_cubes_is_one_third():
    a = to_shape(cq.Workplane().box(10, 10, 10, centered=False))
    b = to_shape(cq.Workplane().box(10, 10, 10, centered=False).translate((5, 0, 0)))
    r = iou(a, b)
    assert r.intersection == pytest.approx(500.0, abs=1e-6)
    assert r.iou == pytest.approx(1 / 3, abs=1e-9)


def test_iou_disjoint_is_zero():
    a = to_shape(cq.Workplane().box(10, 10, 10))
    b = to_shape(cq.Workplane().box(10, 10, 10).translate((50, 0, 0)))
    assert iou(a, b).iou == pytest.approx(0.0, abs=1e-12)


def test_best_iou_undoes_moves_and_axis_rotations():
    part = cq.Workplane().box(40, 20, 10).faces(">Z").workplane().center(10, 0).hole(6)
    moved = part.rotate((0, 0, 0), (0, 0, 1), 90).rotate((0, 0, 0), (1, 0, 0), 90).translate((100, 7, -3))
    a, b = to_shape(part), to_shape(moved)
    assert iou(a, b).iou == pytest.approx(0.0, abs=1e-9)
    best = best_iou(a, b)
    assert best.iou == pytest.approx(1.0, abs=1e-6)
    assert best.booleans < 24  # the bbox bound prunes rotations


def test_normalized_best_iou_ignores_units_but_not_shape():
    part = cq.Workplane().box(40, 20, 10).faces(">Z").workplane().hole(6)
    in_inches = to_shape(part).scale(1 / 25.4)  # the same part drawn in another unit
    assert best_iou(to_shape(part), in_inches).iou < 0.01
    same = best_iou(to_shape(part), in_inches, normalize=True)
    assert same.iou == pytest.approx(1.0, abs=1e-6)
    squat = to_shape(cq.Workplane().box(40, 20, 5)).scale(3)  # half as thick: not the same shape
    assert best_iou(to_shape(part), squat, normalize=True).iou == pytest.approx(0.5 * 1.0, abs=0.03)


def test_rotations_24_are_distinct_proper_rotations():
    import numpy as np

    mats = rotations_24()
    assert len(mats) == 24
    assert len({m.tobytes() for m in mats}) == 24
    for m in mats:
        assert round(np.linalg.det(m)) == 1
        assert (m @ m.T == np.eye(3)).all()


def test_iou_needs_solids():
    a = to_shape(cq.Workplane().box(1, 1, 1))
    face = cq.Workplane().rect(1, 1).extrude(1).faces(">Z").val()
    with pytest.raises(ValueError, match="positive volume"):
        iou(a, face)


def test_summary_of_a_unit_sized_part_keeps_its_digits():
    from cadagent.tools.results import GeometryReport

    small = GeometryReport(True, [], 1, 1, 6, 12, 8, 0.0194, 1.2, (0, 0, 0), (0.75, 0.5625, 0.1), (0, 0, 0))
    assert "bbox 0.75 x 0.562 x 0.1 mm, volume 0.0194 mm³" in small.summary()
    plate = GeometryReport(True, [], 1, 1, 6, 12, 8, 11607.3, 1.2, (0, 0, 0), (60, 40, 5), (0, 0, 0))
    assert "bbox 60.0 x 40.0 x 5.0 mm, volume 11 607 mm³" in plate.summary()
