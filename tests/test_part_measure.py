"""The feature measurer on hand-written CadQuery scripts (not compiled specs), inside sandbox jobs:
through, blind, counterbored and countersunk holes, fillet radii, chamfers, shell walls."""

from __future__ import annotations

import pytest

from cadagent.tools.part import measure_file

SCRIPTS = {
    "holes": """
import cadquery as cq
plate = cq.Workplane("XY").box(100, 60, 10)
top = plate.faces(">Z").workplane()
plate = top.pushPoints([(-40, -20), (40, -20), (40, 20)]).hole(5)          # 3 x Ø5 through
plate = plate.faces(">Z").workplane().pushPoints([(-40, 20)]).hole(6)       # 1 x Ø6 through
plate = plate.faces(">Z").workplane().pushPoints([(0, 0), (20, 0)]).hole(8, 4)   # 2 x Ø8 blind, 4 deep
plate = plate.faces(">Z").workplane().pushPoints([(-20, 0)]).cboreHole(6.6, 11, 6.5)
plate = plate.faces(">Z").workplane().pushPoints([(0, 20)]).cskHole(4.5, 9, 90)
side = plate.faces("<Y").workplane(centerOption="CenterOfBoundBox").hole(3, 15)   # from the front, blind
result = side
""",
    "fillets": """
import cadquery as cq
result = (cq.Workplane("XY").box(40, 30, 20).edges("|Z").fillet(3)
          .faces(">Z").edges().fillet(1.5))
""",
    "chamfers": """
import cadquery as cq
block = cq.Workplane("XY").box(40, 30, 10).edges(">Z").chamfer(2)
rod = cq.Workplane("XY").circle(8).extrude(30).faces(">Z").edges().chamfer(1)
result = block.union(rod.translate((0, 0, 5)))
""",
    "deep_chamfer": """
import cadquery as cq
result = cq.Workplane("XY").box(150, 100, 6).edges(">Z").chamfer(3)
""",
    "all_chamfered": """
import cadquery as cq
result = cq.Workplane("XY").box(30, 30, 30).edges().chamfer(2)
""",
    "shell": """
import cadquery as cq
result = cq.Workplane("XY").box(50, 40, 30).faces(">Z").shell(-2.5)
""",
    "tube_and_bore": """
import cadquery as cq
result = (cq.Workplane("XZ").circle(12).circle(7).extrude(40)        # a pipe along Y
          .faces(">Y").workplane().circle(12).extrude(5))             # a closed cap: now a blind bore
""",
    "ends_and_crossed": """
import cadquery as cq
pin = cq.Workplane("XY").circle(10).extrude(40)
pin = pin.faces(">Z").workplane().hole(6, 10).faces("<Z").workplane().hole(6, 10)   # blind from both ends
bar = cq.Workplane("XY").box(60, 20, 10).faces(">Z").workplane().pushPoints([(-20, 0), (20, 0)]).hole(4)
bar = bar.faces("<X").workplane(centerOption="CenterOfBoundBox").hole(3)           # along it, through both
result = pin.union(bar.translate((0, 40, 0)))
""",
}


@pytest.fixture(scope="module")
def measured(sandbox):
    out = {}
    for name, script in SCRIPTS.items():
        res = sandbox.run_script(script, exports=())
        assert res.ok, (name, res.error)
        out[name] = measure_file(sandbox, res.shape_file)
    return out


def test_holes_by_size_and_kind(measured):
    m = measured["holes"]
    counts = {(h["diameter"], h["through"], h["cbore"], h["csink"]): h["count"] for h in m["hole_counts"]}
    assert counts == {(5.0, True, False, False): 3, (6.0, True, False, False): 1, (8.0, False, False, False): 2,
                      (6.6, True, True, False): 1, (4.5, True, False, True): 1, (3.0, False, False, False): 1}
    blind = [h for h in m["holes"] if h["diameter"] == 8.0]
    assert all(h["depth"] == pytest.approx(4.0) and h["axis"] == [0, 0, -1] for h in blind)
    assert sorted(tuple(h["position"]) for h in blind) == [(0, 0, 5), (20, 0, 5)]
    cbore = next(h for h in m["holes"] if h["cbore"])
    assert cbore["cbore"] == {"diameter": 11.0, "depth": 6.5} and cbore["position"] == [-20, 0, 5]
    csk = next(h for h in m["holes"] if h["csink"])
    assert csk["csink"] == {"diameter": 9.0, "angle": 90.0}
    side = next(h for h in m["holes"] if h["diameter"] == 3.0)
    assert side["axis"] == [0, 1, 0] and side["depth"] == pytest.approx(15) and side["position"] == [0, -30, 0]
    assert m["faces"]["total"] == sum(v for k, v in m["faces"].items() if k != "total")


def test_fillet_radii(measured):
    m = measured["fillets"]
    assert {f["radius"] for f in m["fillets"]} == {3.0, 1.5}
    assert not m["holes"] and not m["chamfers"]
    assert m["faces"]["toroidal"] + m["faces"]["spherical"] + m["faces"]["other"] >= 4   # blended corners


def test_chamfers_flat_and_round(measured):
    m = measured["chamfers"]
    sizes = {c["size"]: c["faces"] for c in m["chamfers"]}
    assert sizes.get(2.0) == 4 and sizes.get(1.0) == 1      # 4 flat chamfer faces, 1 conical one on the rod
    assert not m["fillets"] and not m["holes"]


def test_a_bevel_deeper_than_the_side_it_leaves_is_found(measured):
    """A 3 mm bevel round the top of a 6 mm plate is wider (4.24) than the 3 mm of side left: it was not found (the part
    was refused as 'asked chamfer 3, found no chamfers'); the top between the bevels is no chamfer."""
    assert {c["size"]: c["faces"] for c in measured["deep_chamfer"]["chamfers"]} == {3.0: 4}
    assert {c["size"]: c["faces"] for c in measured["all_chamfered"]["chamfers"]} == {2.0: 12}


def test_shell_walls(measured):
    m = measured["shell"]
    assert m["min_wall"]["value"] == pytest.approx(2.5, abs=1e-6)
    assert "inward normal" in m["min_wall"]["method"]
    assert m["volume"] == pytest.approx(50 * 40 * 30 - 45 * 35 * 27.5, rel=1e-6)


def test_a_bore_closed_at_one_end_is_blind(measured):
    (hole,) = measured["tube_and_bore"]["holes"]
    assert hole["diameter"] == 14.0 and not hole["through"] and hole["depth"] == pytest.approx(40)
    assert hole["axis"] == [0, 1, 0]


def test_blind_holes_from_both_ends_are_two_and_a_crossed_hole_is_one(measured):
    # two blind holes on one axis were read as one hole through the pin; a hole cut in three by the holes it
    # crosses is still one through hole
    counts = {(h["diameter"], h["through"]): h["count"] for h in measured["ends_and_crossed"]["hole_counts"]}
    assert counts == {(6.0, False): 2, (4.0, True): 2, (3.0, True): 1}
