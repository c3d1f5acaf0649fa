"""Shop words from an outsider set (dev11): a unit said once for the whole request, a material's thickness and
an alloy's grade, brackets described by their legs and the wall they hang on, 'break all edges with a chamfer'.
Each was declined or read wrong before."""

from __future__ import annotations

import pytest

from cadagent.tools.understand import understand

from .reading import spec_of as _spec



def test_a_unit_said_for_the_whole_request_applies_to_its_bare_numbers():
    spec = _spec("pipe flange, sizes in cm: 12 across, 1.5 thick, 6 hole in the middle, 4 bolt holes of 1.4 on a 9.5 PCD")
    # (a pipe flange is a flange: a disc with its centre hole and the bolt holes)
    assert (spec["body"]["kind"], spec["body"]["diameter"], spec["body"]["height"]) == ("cylinder", 120, 15)
    assert (spec["features"][0]["size"], spec["features"][0]["at"]) == (60.0, {"kind": "center"})
    assert spec["features"][1]["size"] == 14.0 and spec["features"][1]["at"]["diameter"] == 95.0
    # a number with its own unit keeps it
    assert _spec("block, all dimensions in inches: 2 x 1 x 10mm")["body"]["height"] == 10.0


def test_a_materials_thickness_and_an_alloys_grade():
    spec = _spec("angle bracket out of 3mm steel, 40 wide. one leg 60, other leg 50 (outside dims), two 5.5 holes in "
                 "each leg")
    assert {k: spec["body"][k] for k in ("shape", "width", "height", "thickness", "length")} == {
        "shape": "L", "width": 60.0, "height": 50.0, "thickness": 3.0, "length": 40.0}
    assert _spec("a 6061 aluminium block 50x40x30")["body"]["height"] == 30.0      # 6061 is no size


def test_the_wall_a_bracket_hangs_on_is_no_shell_and_its_legs_are_told_apart():
    spec = _spec("a bracket to hang a shelf on the wall. L shape, 25 wide and 5 thick, the wall leg 100 tall and the "
                 "shelf leg 150 long, two 4.5mm screw holes in the wall leg")
    assert {k: spec["body"][k] for k in ("width", "height", "thickness", "length")} == {
        "width": 150.0, "height": 100.0, "thickness": 5.0, "length": 25.0}
    assert [f["kind"] for f in spec["features"]] == ["hole"] and spec["features"][0]["on"] == "left"


def test_a_tee_by_its_flange_stem_and_overall_depth():
    spec = _spec("tee section bracket 80 long: flange on top 60 wide x 6 thick, stem under it 6 thick, 40 deep overall")
    assert {k: spec["body"][k] for k in ("shape", "width", "height", "thickness", "length")} == {
        "shape": "T", "width": 60.0, "height": 40.0, "thickness": 6.0, "length": 80.0}


def test_break_all_edges_with_a_chamfer_is_one_chamfer_on_every_edge():
    assert _spec('1" cube, break all edges with a 1/16" chamfer')["features"] == [
        {"id": "bevel", "kind": "chamfer", "edges": "all", "size": pytest.approx(1.5875)}]


def test_places_and_sizes_written_the_shop_way():
    # "40 overall x 10 wide": the slot's length has no word of its own
    slot = _spec("150 x 100 x 10 plate, a slot in the centre 40 overall x 10 wide along the long side")["features"][0]
    assert (slot["length"], slot["width"]) == (40.0, 10.0)
    # "15 up from the bottom" is where the cross hole is, not the face it goes into
    cross = _spec("40 x 40 block 60 tall. M8 tapped hole in the top, 20 deep, and a 10mm cross hole straight through "
                  "the side 15 up from the bottom")["features"][1]
    assert cross["on"] == "front" and cross["size"] == 10.0
    # "12 in from each short end on the centreline": a pair on the centre line, not four corner holes
    holes = _spec("Plate 100 x 50 x 5. slot in the middle running lengthwise, 30 long overall and 8 wide, plus a 6mm "
                  "hole 12 mm in from each short end on the centreline")["features"][1]
    assert holes["at"] == {"kind": "linear", "count": 2, "spacing": 76.0, "axis": "u"}
    # "centred on a 70 x 70 plate" names the part (only "on a 75 square" names the holes' pattern)
    spec = _spec("I need nine 5mm holes three by three, 20mm pitch both ways, centred on a 70 x 70 plate 4mm thick")
    assert spec["body"]["id"] == "plate" and spec["features"][0]["at"]["counts"] == [3, 3]


def test_bc_is_a_bolt_circle_and_a_simple_l_is_an_angle():
    spec = _spec("6x 9mm on a 100 BC, OD 140, 15 thk, 60 OD boss 20 high, 35 bore thru")
    holes = next(f for f in spec["features"] if f["id"] == "holes")
    assert holes["at"] == {"kind": "bolt_circle", "count": 6, "diameter": 100.0}
    assert understand("Simple L: one leg 80, the other 60, 30 wide, 4mm thick").body == "angle"


def test_a_machinists_holes_said_by_their_size_alone():
    spec = _spec("angle 2 x 2 x 1/4, 3 long, two .257 thru in each leg")
    assert (spec["body"]["width"], spec["body"]["height"], spec["body"]["thickness"]) == pytest.approx((50.8, 50.8, 6.35))
    assert [f["size"] for f in spec["features"]] == pytest.approx([6.5278, 6.5278])
    spec = _spec("plate 4.000 x 2.500 x .250, (4) .201 dia thru, .375 in from the edges")
    assert spec["features"] == [{"id": "holes", "kind": "hole", "size": pytest.approx(5.1054),
                                 "at": {"kind": "corners", "inset": pytest.approx(9.525)}}]
    hole = _spec("csk hole dead centre of a plate - 6.5 thru, 90 deg csk to 13 dia at the top. plate is 60x60x10")[
        "features"][0]
    assert hole["size"] == 6.5 and hole["csink"] == {"diameter": 13.0, "angle": 90.0}


def test_corners_set_in_differently_from_the_long_and_short_edges():
    assert _spec("Plate 100 x 60 x 6. Four Ø6.5 holes, each one 10 in from the long edges and 12 in from the short "
                 "edges.")["features"][0]["at"] == {"kind": "corners", "inset_u": 12.0, "inset_v": 10.0}


def test_directions_and_places_said_in_passing():
    # "from one end to the other": along the length; "centered across the width": where, not which way
    bore = _spec("block 80 long, 40x40 section. 16mm bore straight thru from one end to the other, centred. then an "
                 "8 mm hole down from the top, 20 from the left end, only 10 deep")["features"][0]
    assert bore["on"] == "left"
    holes = _spec("1. plate 120x50, 5 thick 2. a slot 30 long 8 wide in the middle, running lengthwise 3. two 6mm holes "
                  "15 from each end, centered across the width")["features"][1]
    assert "on" not in holes and holes["at"]["spacing"] == 90.0
    # "square ends" is the keyway's, not a square part
    key = _spec("25mm shaft 100 long with a keyway 8 wide and 4 deep (from the top of the shaft), 40 long, square ends, "
                "starting 10 from one end")["features"][0]
    assert (key["z"], key["length"]) == (10.0, 40.0)
    # "20 in from each end" through a U channel's base
    assert _spec("U channel 100 long: 40 across the outside, sides 30 tall, 3mm thick all round. two 6mm holes through "
                 "the bottom, 20 in from each end")["features"][0]["at"]["spacing"] == 60.0
    # a title naming the feature the next sentence sizes
    feats = _spec("block for a cross bore: 80 long, 40 wide, 30 high. drill a 12mm hole through it side to side "
                  "across the 40 width, centred along the length, 15 up from the bottom")["features"]
    assert [f["size"] for f in feats] == [12.0]


def test_gears_cones_and_corner_radii_in_shorthand():
    gear = _spec('30T gear, mod 1, 1/4" wide, 5mm bore')["body"]
    assert (gear["teeth"], gear["module"], gear["thickness"]) == (30, 1.0, pytest.approx(6.35))
    assert _spec("truncated cone please, 30 tall, 40 dia at the base narrowing to 10 dia at the top")["body"][
        "top_diameter"] == 10.0
    assert _spec('3" x 2" x 1" block with a 1/4" radius on the 4 vertical corners')["features"] == [
        {"id": "round", "kind": "fillet", "edges": "vertical", "radius": pytest.approx(6.35)}]
    assert _spec("break all edges with a 1mm chamfer on a 25 mm cube")["body"]["length"] == 25.0
