"""Edits that name one feature beside others, or say why before the size ('hole is too small, please make 10'),
and a flanged bushing described as its flange and hub. Before: the pocket's length was widened because 'keep it 50
long' said 'long'; the corner radius went to the top fillets; a complaint and its size, split at the comma, were two
edits and both failed; the bushing was declined for lack of its own OD."""

import pytest

from .reading import edited, spec_of

POCKET = ("block 100 x 60 x 25. pocket 50 x 30, 10 deep, centred on the top. Also a 10 mm hole drilled down through "
          "the block at each end, 12 in from the short sides, on the centreline.")


def test_widen_the_pocket_changes_its_width_when_the_length_is_said_to_stay():
    (p,) = [f for f in edited(POCKET, "widen the pocket to 40 (keep it 50 long)")["features"] if f["kind"] == "pocket"]
    assert (p["length"], p["width"], p["depth"]) == (50.0, 40.0, 10.0)


def test_the_corner_radius_is_the_fillet_on_the_corners_not_the_one_on_top():
    spec = edited("plate 80 x 50 x 12, corners rounded R10 (the four vertical edges)",
                  "add 4 mm fillets all round the top edges", "change the corner radius to 20, keep the 4 mm on top")
    assert {f["edges"]: f["radius"] for f in spec["features"] if f["kind"] == "fillet"} == {"vertical": 20.0, "top": 4.0}
    spec = edited("plate 80 x 50 x 12, corners rounded R10 (the four vertical edges)",
                  "add 4 mm fillets all round the top edges", "make the top fillets 3")
    assert {f["edges"]: f["radius"] for f in spec["features"] if f["kind"] == "fillet"} == {"vertical": 10.0, "top": 3.0}


@pytest.mark.parametrize("edit", ["hole is too small, please make 10", "hole is too small, make it 10",
                                  "the hole's a bit too tight, go 10mm"])
def test_a_complaint_then_the_size_is_one_edit(edit):
    (h,) = [f for f in edited("block 40x40x15, in the middle a hole 8.5 going through the 15", edit)["features"]]
    assert h["size"] == 10.0


def test_a_flanged_bushing_said_as_its_flange_and_hub():
    spec = spec_of("flanged bushing: flange 60 dia x 8 thick, hub 30 dia standing 25 above the flange, "
                   "16 bore right through both")
    assert (spec["body"]["kind"], spec["body"]["diameter"], spec["body"]["height"]) == ("cylinder", 60.0, 8.0)
    hub, bore = spec["features"]
    assert (hub["kind"], hub["diameter"], hub["height"], bore["size"]) == ("boss", 30.0, 25.0, 16.0)


def test_a_negative_size_in_an_edit_is_refused_not_read_as_positive():
    from cadagent.tools.understand import apply_edit

    for edit in ("make it -5 thick", "set the holes to -3"):
        r = apply_edit(edit, spec_of("plate 100 x 60 x 6 with 4 holes 5mm 10 from the corners"))
        assert r.spec is None and "a size cannot be negative" in r.explain()
    # a place may be negative
    r = apply_edit("move the hole to x = -10", spec_of("plate 100 x 60 x 6 with a 5mm hole in the middle"))
    assert "negative" not in r.explain()


def test_a_sentence_that_only_says_what_stays_is_no_failed_change():
    spec = edited("open top box 100x60x40 with 2mm walls and a 4mm floor", "thicker walls, 3mm. floor stays 4")
    (s,) = [f for f in spec["features"] if f["kind"] == "shell"]
    assert (s["thickness"], s.get("bottom")) == (3.0, 4.0)


def test_holes_in_the_vertical_leg_of_an_angle_go_through_that_leg():
    spec = edited("angle 50x50x5, 100 long, two 6mm holes in the vertical leg, 30 apart",
                  "add two 5mm holes in the horizontal leg, 40 apart")
    assert [(f["size"], f["on"]) for f in spec["features"]] == [(6.0, "left"), (5.0, "front")]


def test_a_pocket_made_bigger_by_the_wall_left_all_round():
    spec = edited("block 100 x 60 x 20 with a pocket 60 x 30, 8 deep in the middle",
                  "make the pocket bigger, leaving 10 mm of wall all round")
    (p,) = spec["features"]
    assert (p["length"], p["width"], p["depth"]) == (80.0, 40.0, 8.0)


def test_leave_the_pocket_edges_sharp_only_says_what_stays():
    from cadagent.tools.understand import apply_edit

    r = apply_edit("chamfer the outside top edges 1mm, leave the pocket edges sharp",
                   spec_of("block 100 x 60 x 20 with a pocket 60 x 30, 8 deep in the middle"))
    assert not r.failed and [f["edges"] for f in r.spec["features"] if f["kind"] == "chamfer"] == ["top"]
    assert "kept as it is: 'leave the pocket edges sharp'" in r.explain()


def test_a_dash_before_a_size_is_no_minus_sign():
    spec = edited("cylinder 40 dia 60 long", "drill a 10 hole down the axis", "sorry, not all the way through - 30 deep")
    (h,) = spec["features"]
    assert h["depth"] == 30.0


def test_a_lid_for_a_box_with_walls_reads_its_lip_not_the_boxs_walls():
    spec = edited("lid for a box with 2 mm walls: top plate 100 x 60 x 3, with a lip on the underside, 96 x 56 outside, "
                  "2 mm thick, 6 deep", "lip 10 deep")
    (lip,) = spec["features"]
    assert (lip["length"], lip["width"], lip["wall"], lip["height"], lip["on"]) == (96.0, 56.0, 2.0, 10.0, "bottom")


def test_two_holes_said_one_by_one_and_the_left_one_changed():
    text = ("flat bar 100 x 30 x 10, two holes through the flat face on the centreline: a 6 mm one 20 from the left end "
            "and a 16 mm one 20 from the right end")
    spec = spec_of(text)
    assert [(f["size"], f["at"]["edge"], f["at"]["distance"]) for f in spec["features"]] == [
        (6.0, "left", 20.0), (16.0, "right", 20.0)]
    spec = edited(text, "open the left hole up to 20", "make the right hole 10")
    assert [f["size"] for f in spec["features"]] == [20.0, 10.0]


@pytest.mark.parametrize("edit", ["holes ø6,5", "holes 6,5 mm", "make the holes ⌀6.5"])
def test_a_decimal_comma_after_a_diameter_sign(edit):
    (h,) = edited("plate 100 x 60 x 6 with 4 holes 5mm 10 from the corners", edit)["features"]
    assert h["size"] == 6.5


def test_a_tee_said_by_its_flange_and_web():
    b = spec_of("T bracket, top flange 80 long 5 thick, stem 50 long, 30 wide")["body"]
    assert (b["shape"], b["width"], b["height"], b["thickness"], b["length"]) == ("T", 80.0, 50.0, 5.0, 30.0)


def test_a_pin_named_in_its_heads_clause_keeps_its_name_and_its_shank_is_the_long_section():
    text = "clevis pin - head Ø16 x 4, shank Ø10 x 40 under the head, Ø3 split pin hole 3 from the end of the shank"
    b = spec_of(text)["body"]
    assert b["kind"] == "shaft"
    assert [(s["diameter"], s["length"]) for s in b["sections"]] == [(16.0, 4.0), (10.0, 40.0)]
    b = edited(text, "shank 50 long instead")["body"]
    assert [(s["diameter"], s["length"]) for s in b["sections"]] == [(16.0, 4.0), (10.0, 50.0)]
