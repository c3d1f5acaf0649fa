"""Every body and every feature built in the sandbox, measured back from the B-rep and checked
against the spec's closed-form bbox and volume (exact where the spec says so); a few volumes are
also written out by hand here. Then the check catches parts that are not what was asked."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.part import build, check, compile_spec, expectations, measure_file, parse

SPECS = {
    'datums': {"body": {"kind": "box", "length": 40, "width": 30, "height": 10}, "features": [
        {"kind": "hole", "id": "cross", "on": {"plane": "XZ", "offset": 0}, "size": 4, "at": {"kind": "at", "points": [[5, 5]]}},
        {"kind": "hole", "id": "up", "on": {"plane": "XY", "offset": 3, "flip": True}, "size": 3, "at": {"kind": "at", "points": [[-10, 8]]}},
        {"kind": "hole", "id": "side", "on": {"plane": "YZ", "offset": 20}, "size": 2, "depth": 6, "at": {"kind": "at", "points": [[-8, 5]]}}]},
    'plate': {"body": {"kind": "box", "id": "plate", "length": 80, "width": 50, "height": 6}, "features": [{"kind": "hole", "id": "mount_holes", "size": "M5 clearance", "at": {"kind": "corners", "inset": 8}}, {"kind": "hole", "id": "center_bore", "size": 20, "cbore": {"diameter": 26, "depth": 2}}, {"kind": "hole", "id": "csk", "size": 4, "csink": {"diameter": 8}, "at": {"kind": "at", "points": [[20, 0]]}}, {"kind": "hole", "id": "blind", "size": "M4 tapped", "depth": 4, "at": {"kind": "bolt_circle", "count": 3, "diameter": 34, "start_angle": 90}}, {"kind": "fillet", "id": "round_corners", "edges": "vertical", "radius": 4}]},
    'cyl': {"body": {"kind": "cylinder", "diameter": 40, "height": 25}, "features": [{"kind": "chamfer", "id": "c", "edges": "ends", "size": 1}]},
    'cylf': {"body": {"kind": "cylinder", "diameter": 40, "height": 25}, "features": [{"kind": "fillet", "id": "c", "edges": "top", "radius": 3}]},
    'cube_all': {"body": {"kind": "box", "length": 25, "width": 25, "height": 25}, "features": [{"kind": "fillet", "id": "f", "edges": "all", "radius": 2}]},
    'box_top': {"body": {"kind": "box", "length": 60, "width": 40, "height": 10}, "features": [{"kind": "chamfer", "id": "f", "edges": "top", "size": 1}, {"kind": "fillet", "id": "g", "edges": "bottom", "radius": 2}]},
    'tube': {"body": {"kind": "tube", "outer_diameter": 30, "inner_diameter": 20, "height": 40}},
    'washer': {"body": {"kind": "tube", "standard": "ISO 7089", "size": "M8"}},
    'cone': {"body": {"kind": "cone", "bottom_diameter": 30, "top_diameter": 10, "height": 20}},
    'cone0': {"body": {"kind": "cone", "bottom_diameter": 30, "height": 20}},
    'sphere': {"body": {"kind": "sphere", "diameter": 30}},
    'hex': {"body": {"kind": "polygon_prism", "across_flats": 17, "height": 8}},
    'nut': {"body": {"kind": "polygon_prism", "standard": "ISO 4032", "size": "M10"}},
    'rrect': {"body": {"kind": "rounded_rect", "length": 60, "width": 40, "height": 5, "corner_radius": 6}},
    'L': {"body": {"kind": "profile", "shape": "L", "width": 30, "height": 20, "thickness": 3, "length": 50}},
    'T': {"body": {"kind": "profile", "shape": "T", "width": 30, "height": 20, "thickness": 3, "length": 50}},
    'U': {"body": {"kind": "profile", "shape": "U", "width": 30, "height": 20, "thickness": 3, "length": 50}},
    'T_web': {"body": {"kind": "profile", "shape": "T", "width": 40, "height": 58, "thickness": 6, "lip": 8, "length": 100},
              "features": [{"kind": "hole", "id": "web_hole", "size": 20, "on": "left", "at": {"kind": "at", "points": [[4, 0]]}},
                           {"kind": "hole", "id": "web_row", "size": 8, "on": "right", "at": {"kind": "linear", "count": 2,
                            "spacing": 60, "axis": "v", "center": [-20, 0]}}]},
    'U_base': {"body": {"kind": "profile", "shape": "U", "width": 60, "height": 38, "thickness": 4, "lip": 8, "length": 100},
               "features": [{"kind": "hole", "id": "walls", "size": 10, "on": "left", "at": {"kind": "at", "points": [[-8, 0]]}}]},
    'shoulder': {"body": {"kind": "shaft", "sections": [{"diameter": 25, "length": 40}, {"diameter": 18, "length": 60},
                                                         {"diameter": 12, "length": 25}]},
                 "features": [{"kind": "fillet", "id": "f", "edges": "shoulders", "radius": 3, "of": "step_1"},
                              {"kind": "chamfer", "id": "c", "edges": "shoulders", "size": 1, "of": "step_2"}]},
    'hex_boss': {"body": {"kind": "box", "length": 80, "width": 80, "height": 10},
                 "features": [{"kind": "boss", "id": "nut", "diameter": 24, "height": 12, "sides": 6}]},
    'C': {"body": {"kind": "profile", "shape": "C", "width": 30, "height": 20, "thickness": 2, "length": 50}},
    'I': {"body": {"kind": "profile", "shape": "I", "width": 30, "height": 40, "thickness": 3, "length": 50}},
    'ob': {"body": {"kind": "profile", "shape": "obround", "width": 30, "height": 10, "length": 5}},
    'poly': {"body": {"kind": "profile", "shape": "polyline", "start": [0, 0], "segments": [{"to": [40, 0]}, {"to": [40, 20]}, {"to": [0, 20], "through": [20, 30]}], "length": 5}},
    'rev': {"body": {"kind": "revolve", "points": [[0, 0], [20, 0], [20, 5], [8, 5], [8, 30], [0, 30]]}},
    'shaft': {"body": {"kind": "shaft", "sections": [{"diameter": 20, "length": 30}, {"diameter": 15, "length": 40}, {"diameter": 10, "length": 20}]}, "features": [{"kind": "chamfer", "id": "ends", "edges": "ends", "size": 1}, {"kind": "keyway", "id": "kw", "z": 35, "length": 20, "width": 5, "depth": 3}]},
    'cylkey': {"body": {"kind": "cylinder", "diameter": 20, "height": 50}, "features": [{"kind": "keyway", "id": "kw", "z": 10, "length": 20, "width": 6, "depth": 3}, {"kind": "flat", "id": "fl", "z": 35, "length": 10, "depth": 2}]},
    'gear': {"body": {"kind": "spur_gear", "module": 2, "teeth": 20, "thickness": 10, "bore": 8, "hub": {"diameter": 20, "length": 5}}},
    'thandle': {"body": {"kind": "compound", "bodies": [{"body": {"kind": "cylinder", "id": "shaft", "diameter": 10, "height": 80}}, {"body": {"kind": "cylinder", "id": "bar", "diameter": 14, "height": 100}, "axis": "x", "at": [0, 0, 80], "centered": True}]}},
    'pockets': {"body": {"kind": "box", "length": 100, "width": 60, "height": 20}, "features": [{"kind": "pocket", "id": "p1", "length": 30, "width": 20, "depth": 5, "corner_radius": 3, "at": {"kind": "at", "points": [[-25, 0]]}}, {"kind": "pocket", "id": "p2", "shape": "circle", "diameter": 12, "at": {"kind": "at", "points": [[25, 10]]}}, {"kind": "slot", "id": "s1", "on": "bottom", "length": 20, "width": 6, "depth": 4, "at": {"kind": "at", "points": [[25, -15]]}}, {"kind": "boss", "id": "b1", "diameter": 10, "height": 5, "on": "bottom"}, {"kind": "rib", "id": "r1", "on": "front", "start": [-30, 0], "end": [30, 0], "thickness": 3, "height": 4}, {"kind": "hole", "id": "side", "on": "right", "size": 5, "depth": 10}, {"kind": "linear_pattern", "id": "p2copies", "feature": "p2", "count": 2, "step": [0, -20]}]},
    'shell': {"body": {"kind": "box", "length": 60, "width": 40, "height": 30}, "features": [{"kind": "shell", "id": "s", "thickness": 2}]},
    'mirror': {"body": {"kind": "box", "length": 20, "width": 10, "height": 5}, "features": [{"kind": "hole", "id": "h", "size": 3}, {"kind": "mirror", "id": "m", "plane": "XY"}]},
    'polar': {"body": {"kind": "cylinder", "diameter": 80, "height": 8}, "features": [{"kind": "hole", "id": "h", "size": 6, "at": {"kind": "at", "points": [[30, 0]]}}, {"kind": "polar_pattern", "id": "pp", "feature": "h", "count": 6}]},
    'text': {"body": {"kind": "box", "length": 60, "width": 20, "height": 5}, "features": [{"kind": "text", "id": "t", "text": "CAD", "size": 8, "depth": 1}]},
    'grid': {"body": {"kind": "box", "length": 100, "width": 80, "height": 4}, "features": [{"kind": "hole", "id": "g", "size": 4, "at": {"kind": "grid", "counts": [4, 3], "spacing": [20, 20]}}, {"kind": "hole", "id": "l", "size": "M3 tapped", "on": "front", "at": {"kind": "linear", "count": 3, "span": 60}}, {"kind": "fillet", "id": "hr", "edges": "holes", "radius": 0.3}]},
    'floor': {"body": {"kind": "cylinder", "diameter": 70, "height": 90}, "features": [{"kind": "shell", "id": "s", "thickness": 2.5, "bottom": 4}]},
    'thin_floor': {"body": {"kind": "box", "length": 80, "width": 60, "height": 40}, "features": [{"kind": "shell", "id": "s", "thickness": 3, "bottom": 2}]},
    'leg_holes': {"body": {"kind": "profile", "shape": "L", "width": 60, "height": 60, "thickness": 5, "length": 40}, "features": [{"kind": "hole", "id": "base", "size": 6.5, "on": "front", "at": {"kind": "at", "points": [[2.5, 0]]}}, {"kind": "hole", "id": "up", "size": 6.5, "on": "left", "at": {"kind": "linear", "count": 2, "spacing": 15, "axis": "v", "center": [-2.5, 0]}}]},
    'lid_lip': {"body": {"kind": "box", "length": 120, "width": 80, "height": 4}, "features": [{"kind": "boss", "id": "lip", "on": "bottom", "length": 114, "width": 74, "height": 10, "wall": 2}, {"kind": "fillet", "id": "f", "edges": "vertical", "radius": 0.9}]},
    'ring_cap': {"body": {"kind": "cylinder", "diameter": 50, "height": 3}, "features": [{"kind": "boss", "id": "ring", "diameter": 40, "wall": 2, "height": 8, "on": "bottom"}, {"kind": "hole", "id": "bore", "size": 10}]},
    'ring_open': {"body": {"kind": "cylinder", "diameter": 50, "height": 3}, "features": [{"kind": "boss", "id": "ring", "diameter": 40, "wall": 2, "height": 8, "on": "bottom"}]},
    'hub_bore': {"body": {"kind": "cylinder", "diameter": 100, "height": 10}, "features": [{"kind": "boss", "id": "hub", "diameter": 50, "height": 20}, {"kind": "hole", "id": "bore", "size": 30, "on": {"plane": "XY", "offset": 10}}, {"kind": "hole", "id": "bolts", "size": 9, "at": {"kind": "bolt_circle", "count": 4, "diameter": 76}}]},
    'tube_outer': {"body": {"kind": "tube", "outer_diameter": 25.4, "inner_diameter": 19.05, "height": 38.1}, "features": [{"kind": "chamfer", "id": "c", "edges": "outer", "size": 1.5875}]},
    'd_holes': {"body": {"kind": "box", "length": 50, "width": 30, "height": 5}, "features": [{"kind": "pocket", "id": "d", "shape": "d", "diameter": 10, "across_flats": 8.5, "at": {"kind": "at", "points": [[-12, 0]]}}, {"kind": "pocket", "id": "dd", "shape": "double_d", "diameter": 12, "across_flats": 10, "angle": 90, "at": {"kind": "at", "points": [[12, 0]]}}, {"kind": "pocket", "id": "dt", "shape": "d", "diameter": 6, "across_flats": 4.5, "depth": 3, "angle": 30, "on": "bottom"}]},
    'tube_slots': {"body": {"kind": "tube", "outer_diameter": 30, "inner_diameter": 24, "height": 120}, "features": [{"kind": "wall_slot", "id": "window", "z": 40, "length": 40, "width": 6, "depth": 15}, {"kind": "flat", "id": "saw", "z": 5, "length": 4, "depth": 15}]},
    'split_tube': {"body": {"kind": "tube", "outer_diameter": 32, "inner_diameter": 28, "height": 80}, "features": [{"kind": "wall_slot", "id": "slit", "z": 0, "length": 80, "width": 5, "depth": 4}]},
    'v_grooves': {"body": {"kind": "box", "length": 80, "width": 40, "height": 30}, "features": [{"kind": "pocket", "id": "v", "shape": "v", "length": 80, "width": 20, "depth": 10}, {"kind": "pocket", "id": "v2", "shape": "v", "on": "front", "length": 30, "width": 6, "depth": 3, "angle": 90, "at": {"kind": "at", "points": [[25, 0]]}}]},
    'gussets': {"body": {"kind": "profile", "shape": "L", "width": 60, "height": 60, "thickness": 6, "length": 40}, "features": [{"kind": "gusset", "id": "g", "length": 30, "height": 30, "thickness": 6, "z": [-17, 17]}]},
    'nema': {"body": {"kind": "box", "length": 60, "width": 60, "height": 5}, "features": [{"kind": "hole", "id": "n", "size": "M3 clearance", "at": {"kind": "nema", "frame": "17"}}, {"kind": "hole", "id": "pilot", "size": 22.5}]},
}


@pytest.fixture(scope="module")
def built(sandbox):
    return {name: build(obj, sandbox, exports=()) for name, obj in SPECS.items()}


@pytest.mark.parametrize("name", list(SPECS))
def test_every_body_and_feature_builds_as_specified(built, name):
    part = built[name]
    assert part.ok, part.summary()
    m, e = part.measured, part.expected
    assert m["bbox_min"] == pytest.approx(e["bbox_min"], abs=0.01 if e["bbox_exact"] else 1.0)
    assert m["bbox_max"] == pytest.approx(e["bbox_max"], abs=0.01 if e["bbox_exact"] else 1.0)
    assert m["volume"] == pytest.approx(e["volume"], rel=1e-5 if e["volume_exact"] else 0.05)
    assert part.result.report.volume == pytest.approx(m["volume"], rel=1e-6)


def _cap(r, a):          # the part of a disc of radius r beyond a chord at a from its centre
    return r * r * math.acos(a / r) - a * math.sqrt(r * r - a * a)


def test_a_channel_with_a_thicker_base_by_hand(built):
    """U 60 x 38, walls 4, base 8 (lip), 100 long, a Ø10 hole through both walls: 60 x 8 + 2 x 4 x 30 of section."""
    part = built["U_base"]
    assert part.measured["volume"] == pytest.approx((60 * 8 + 2 * 4 * 30) * 100 - 2 * math.pi * 25 * 4, rel=1e-4)


def test_holes_through_a_tees_web_by_hand(built):
    """A T 40 wide, 58 tall (flange 8, web 6), 100 long; a Ø20 hole through the web from the left 25 above the flange
    and two Ø8 from the right near the web's tip: each crosses only the 6 mm web."""
    part = built["T_web"]
    section = 40 * 8 + 6 * 50
    assert part.measured["volume"] == pytest.approx(section * 100 - math.pi * 100 * 6 - 2 * math.pi * 16 * 6, rel=1e-5)


def test_shoulders_by_hand(built):
    """A 3 mm round in the Ø25 / Ø18 corner and a 1 mm bevel in the Ø18 / Ø12 one: material added, the spandrel
    (r² (1 - π/4)) and the triangle (s² / 2) turned about the axis at their centroids (Pappus)."""
    steps = sum(math.pi * d * d / 4 * ln for d, ln in ((25, 40), (18, 60), (12, 25)))
    k = (10 - 3 * math.pi) / (3 * (4 - math.pi))
    added = 9 * (1 - math.pi / 4) * 2 * math.pi * (9 + 3 * k) + 0.5 * 2 * math.pi * (6 + 1 / 3)
    assert built["shoulder"].measured["volume"] == pytest.approx(steps + added, rel=1e-5)


def test_a_hex_boss_by_hand(built):
    """A hexagon 24 across the flats (area 6 · 12² · tan 30°) 12 tall on an 80 x 80 x 10 plate."""
    hexagon = 6 * 12 ** 2 * math.tan(math.pi / 6)
    assert built["hex_boss"].measured["volume"] == pytest.approx(80 * 80 * 10 + hexagon * 12, rel=1e-5)


def test_d_holes_volume_by_hand(built):
    # a D Ø10 with 8.5 across its flat, a double D Ø12 with flats 10 apart, a blind D Ø6 / 4.5, 3 deep
    d = (math.pi * 25 - _cap(5, 3.5)) * 5
    dd = (math.pi * 36 - 2 * _cap(6, 5)) * 5
    dt = (math.pi * 9 - _cap(3, 1.5)) * 3
    assert built["d_holes"].measured["volume"] == pytest.approx(50 * 30 * 5 - d - dd - dt, rel=1e-5)


def _strip(r, half):          # the part of a disc of radius r on one side of its centre, within |y| <= half
    return half * math.sqrt(r * r - half * half) + r * r * math.asin(half / r)


def test_slots_through_a_tube_wall_by_hand(built):
    # a 6 wide window through one wall (to the axis) 40 long, and a 4 wide saw cut across to the centre line
    wall = math.pi * (15 ** 2 - 12 ** 2) * 120
    window = (_strip(15, 3) - _strip(12, 3)) * 40
    saw = (math.pi * (15 ** 2 - 12 ** 2) / 2) * 4
    assert built["tube_slots"].measured["volume"] == pytest.approx(wall - window - saw, rel=1e-5)
    # a slit 5 wide the whole length, its floor 4 in (inside the bore): the tube is no longer 32 across that way
    m = built["split_tube"].measured
    half = 2.5
    assert m["volume"] == pytest.approx((math.pi * (16 ** 2 - 14 ** 2) - (_strip(16, half) - half * 12 * 2)
                                         + (_strip(14, half) - half * 12 * 2)) * 80, rel=1e-5)
    assert sorted(b - a for a, b in zip(m["bbox_min"], m["bbox_max"]))[0] == pytest.approx(16 + math.sqrt(16 ** 2 - half ** 2), abs=1e-3)


def test_a_slot_through_a_tube_wall_stops_short_of_the_far_wall(sandbox):
    bad = {"body": {"kind": "tube", "outer_diameter": 30, "inner_diameter": 24, "height": 60},
           "features": [{"kind": "wall_slot", "id": "s", "z": 10, "length": 20, "width": 6, "depth": 20}]}
    part = build(bad, sandbox, exports=())
    assert not part.ok and "features[0].depth" in part.summary() and "stops short of the far wall" in part.summary()


def test_gussets_by_hand(built):
    assert built["gussets"].measured["volume"] == pytest.approx((60 * 6 + 54 * 6) * 40 + 2 * 30 * 30 / 2 * 6, rel=1e-6)


def test_v_grooves_by_hand(built):
    # a 90° V 20 wide, 10 deep along the whole top; a 6 wide, 3 deep V up the front face, 30 long
    assert built["v_grooves"].measured["volume"] == pytest.approx(80 * 40 * 30 - 80 * 20 * 10 / 2 - 30 * 6 * 3 / 2, rel=1e-6)


def test_d_hole_flat_must_lie_inside_the_circle(sandbox):
    bad = {"body": {"kind": "box", "length": 50, "width": 30, "height": 5},
           "features": [{"kind": "pocket", "id": "d", "shape": "d", "diameter": 10, "across_flats": 4}]}
    part = build(bad, sandbox, exports=())
    assert not part.ok
    assert "features[0].across_flats" in part.summary() and "between its radius and its diameter" in part.summary()


def test_hand_written_volumes(built):
    plate = 80 * 50 * 6 - 4 * math.pi * 2.75 ** 2 * 6 - (math.pi * 10 ** 2 * 6 + math.pi * (13 ** 2 - 10 ** 2) * 2)
    plate -= math.pi * 2 ** 2 * 6 + math.pi * 2 / 3 * (4 ** 2 + 4 * 2 + 2 ** 2) - math.pi * 2 ** 2 * 2
    plate -= 3 * math.pi * 1.65 ** 2 * 4 + 4 * (1 - math.pi / 4) * 4 ** 2 * 6
    assert built["plate"].measured["volume"] == pytest.approx(plate, rel=1e-6)
    assert built["cyl"].expected["volume_exact"]
    assert built["tube"].measured["volume"] == pytest.approx(math.pi * (15 ** 2 - 10 ** 2) * 40, rel=1e-6)
    assert built["sphere"].measured["volume"] == pytest.approx(4 / 3 * math.pi * 15 ** 3, rel=1e-6)
    assert built["hex"].measured["size"][1] == pytest.approx(17.0, abs=1e-6)    # across the flats
    assert built["nut"].measured["holes"][0]["diameter"] == pytest.approx(8.5)   # M10 tap drill bore
    assert built["washer"].measured["size"] == pytest.approx([16, 16, 1.6], abs=1e-6)
    # a lip (a boss with a wall) is a rim 2 thick round a 114 x 74 outline, open in the middle
    lid = 120 * 80 * 4 + (114 * 74 - 110 * 70) * 10 - 4 * (1 - math.pi / 4) * 0.9 ** 2 * 4
    assert built["lid_lip"].measured["volume"] == pytest.approx(lid, rel=1e-6)
    ring = math.pi * 25 ** 2 * 3 + math.pi * (20 ** 2 - 18 ** 2) * 8
    assert built["ring_open"].measured["volume"] == pytest.approx(ring, rel=1e-6)
    # its open middle is measured as a blind hole; a bore up the middle as that bore counterbored
    assert [(h["diameter"], h["through"]) for h in built["ring_open"].measured["holes"]] == [(pytest.approx(36), False)]
    assert built["ring_cap"].measured["volume"] == pytest.approx(ring - math.pi * 5 ** 2 * 3, rel=1e-6)
    assert built["thandle"].measured["size"] == pytest.approx([100, 14, 87], abs=1e-4)
    assert built["shell"].measured["min_wall"]["value"] == pytest.approx(2.0, abs=1e-6)


def test_plate_holes_are_read_back(built):
    counts = {(h["diameter"], h["through"], h["cbore"], h["csink"]): h["count"]
              for h in built["plate"].measured["hole_counts"]}
    assert counts[(5.5, True, False, False)] == 4            # M5 clearance at the corners
    assert counts[(20.0, True, True, False)] == 1            # counterbored centre bore
    assert counts[(4.0, True, False, True)] == 1             # countersunk
    assert counts[(3.3, False, False, False)] == 3           # M4 tapped, blind, on a bolt circle
    assert built["plate"].measured["fillets"] == [{"radius": 4.0, "faces": 4}]


def test_check_names_what_is_wrong(built):
    spec = parse({"body": {"kind": "box", "length": 80, "width": 50, "height": 6}, "features": [
        {"id": "holes", "kind": "hole", "size": 5, "at": {"kind": "corners", "inset": 8}}]})
    measured = dict(built["plate"].measured)
    measured["holes"] = [{"diameter": d, "through": True, "depth": 6, "cbore": None, "csink": None}
                         for d in (5, 5, 5, 6)]
    problems = check(expectations(spec), measured)
    texts = [p.message for p in problems]
    assert "asked 4 holes Ø5 through, found 3 Ø5 through and 1 Ø6 through" in texts
    assert any(p.what == "volume" for p in problems)
    spec2 = parse({"body": {"kind": "box", "length": 80, "width": 50, "height": 6},
                   "features": [{"id": "r", "kind": "fillet", "edges": "vertical", "radius": 3}]})
    texts = [p.message for p in check(expectations(spec2), built["plate"].measured)]
    assert any(t.startswith("asked fillet R3 (r), found only R4") for t in texts), texts
    assert any(t.startswith("found holes nobody asked for") for t in texts), texts


def test_a_step_file_is_checked_against_its_spec(sandbox, built, tmp_path):
    part = build(SPECS["plate"], sandbox, tmp_path, exports=("step",))
    assert part.ok and (tmp_path / "part.step").exists()
    measured = measure_file(sandbox, tmp_path / "part.step")
    assert not check(part.expected, measured)
    other = measure_file(sandbox, built["cyl"].result.shape_file)
    assert any(p.what == "bbox" for p in check(part.expected, other))


def test_a_kernel_failure_is_named_by_its_feature(sandbox):
    compiled = compile_spec(parse(SPECS["box_top"]))
    broken = compiled.script.replace("g_radius = 2", "g_radius = 20")
    res = sandbox.run_script(broken, exports=())
    assert not res.ok and compiled.feature_at(res.error.line) == "g"


def test_datum_planes_follow_cadquery(built):
    holes = {h["diameter"]: h for h in built["datums"].measured["holes"]}
    assert holes[4.0]["through"] and holes[4.0]["axis"] == [0, -1, 0] and holes[4.0]["position"] == [5, 15, 5]
    assert holes[3.0]["through"] and holes[3.0]["position"][:2] == [-10, -8]     # flipped XY: v = -Y
    assert not holes[2.0]["through"] and holes[2.0]["position"] == [20, -8, 5] and holes[2.0]["depth"] == 6


def test_a_cadjson_document_is_a_body(sandbox):
    from cadagent.tools.part.to_cadjson import to_cadjson

    flange = parse({"body": {"kind": "tube", "outer_diameter": 80, "inner_diameter": 30, "height": 10},
                    "features": [{"id": "bolts", "kind": "hole", "size": "M8 clearance",
                                  "at": {"kind": "bolt_circle", "count": 6, "diameter": 56}}]})
    doc = to_cadjson(flange)
    part = build({"body": {"kind": "cadjson", "id": "sketches", "document": doc},
                  "features": [{"id": "chamfer", "kind": "chamfer", "edges": "top", "size": 0.5}]},
                 sandbox, exports=())
    assert part.ok, part.summary()
    assert part.measured["volume"] == pytest.approx(
        math.pi * (40 ** 2 - 15 ** 2) * 10 - 6 * math.pi * 4.5 ** 2 * 10
        - 0.5 ** 2 / 2 * 2 * math.pi * (40 - 0.5 / 3), rel=1e-6)     # the chamfer ring on the outer top edge
    assert part.measured["chamfers"] == [{"size": 0.5, "faces": 1}]
    assert {(h["diameter"], h["through"]) for h in part.measured["holes"]} == {(9.0, True), (30.0, True)}
    assert "# the CAD JSON document, sketch by sketch" in part.script
