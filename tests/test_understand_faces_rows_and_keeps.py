"""Session 15, from the outsider set dev37 (edits) and my own phrasings: a face named by its two sizes ("through the
60 x 20 face": the block was resized to 80 x 20 x 20 and marked ok), a row "along the width" (it ran along the length),
"open the bottom as well" (it moved the opening), a keyway run "the full length", "cut the keyway deeper, 5 mm" (a
second keyway), holes along an L's leg "20 and 45 mm from the outside corner" (the 15 was read as the leg), and "leave
the diameter at 30" / "keep the plate 12 thick" after a change the user takes back (left as it was, marked ok)."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import edited, spec_of, volume_of


@pytest.mark.parametrize("text, face, sizes", [
    ("block 80x60x20 with a 10 hole through the 60 x 20 face", "left", (80, 60, 20)),
    ("block 80 x 60 x 20 with a 10 hole through the 80 x 20 face", "front", (80, 60, 20)),     # (was 80 x 20 x 20)
    ("block 60 x 40 x 30, one 8.5 hole through the 60 x 40 face, in the centre", None, (60, 40, 30)),
    ('plate 4 x 2 x 1 inch, a 1/4 hole through the 2 x 1 face', "left", (101.6, 50.8, 25.4)),
])
def test_a_face_named_by_its_sizes_places_the_hole_and_sizes_nothing(text, face, sizes):
    spec = spec_of(text)
    b = spec["body"]
    assert (b["length"], b["width"], b["height"]) == pytest.approx(sizes)
    assert spec["features"][0].get("on") == face


def test_a_face_of_no_size_the_block_has_is_asked_about():
    u = understand("block 80 x 60 x 20 with a 10 hole through the 50 x 20 face")
    assert any("which face the 50 x 20 face is" in m for m in u.missing), u.explain()


def test_a_face_named_by_its_sizes_in_an_edit(sandbox):
    spec = edited("block 80 x 60 x 20", "add a 10 hole through the 60 x 20 face")
    assert spec["features"][0]["on"] == "left"
    assert volume_of(sandbox, spec) == pytest.approx(80 * 60 * 20 - math.pi * 25 * 80, rel=1e-6)
    spec = edited("block 80 x 80 x 20", "drill a 20 mm hole straight through the middle of the 80 x 80 face")
    assert volume_of(sandbox, spec) == pytest.approx(80 * 80 * 20 - math.pi * 100 * 20, rel=1e-6)


@pytest.mark.parametrize("text, axis", [
    ("plate 100x60x8 with 2 holes 6mm 40 apart along the width", "v"),
    ("plate 100x60x8 with 2 holes 6mm 40 apart across the width", "v"),
    ("plate 100x60x8 with 3 holes 6mm 30 apart along the length", "u"),
])
def test_a_row_runs_the_way_it_is_said(text, axis):
    assert spec_of(text)["features"][0]["at"]["axis"] == axis


def test_a_row_that_does_not_fit_the_way_it_is_said_is_asked_about():
    u = understand("plate 100x60x8 with 2 holes 6mm 70 apart along the width")
    assert u.missing == ["room for the row along the width: it spans 76 mm of the 60 mm width"]


def test_holes_added_either_side_of_one_along_a_side_named_by_its_size():
    spec = edited("steel block 60 x 40 x 30, one 8.5 hole through the 60 x 40 face, in the centre",
                  "make it a tapped M10 hole, through",      # (was refused: "the holes already go through")
                  "add two more M10 tapped through holes, 15 mm either side of the first along the 60 side")
    assert spec["features"][0]["size"] == "M10 tapped"
    assert spec["features"][1]["at"] == {"kind": "linear", "count": 2, "axis": "u", "spacing": 30.0, "center": [0.0, 0.0]}
    spec = edited("plate 100x60x8 with a 10 hole in the middle", "add two more 6 mm holes 20 either side of it along the width")
    assert spec["features"][1]["at"]["axis"] == "v"


@pytest.mark.parametrize("text, volume", [
    ("block 100 x 70 x 40", 100 * 70 * 40 - 95 * 65 * 40),
    ("cylinder 60 dia 80 tall", math.pi * (30 ** 2 - 27 ** 2) * 80),
])
def test_a_shell_opened_at_both_ends(sandbox, text, volume):
    wall = 2.5 if "block" in text else 3
    spec = edited(text, f"hollow it out, {wall} mm walls, leave the top open", "open the bottom as well")
    assert volume_of(sandbox, spec) == pytest.approx(volume, rel=1e-6)


def test_a_keyway_run_the_full_length_then_cut_deeper(sandbox):
    spec = edited("shaft Ø20, 80 long, with a keyway 6 wide, 3.5 deep, 40 long with square ends, starting 10 mm from one end",
                  "run the keyway the full length of the shaft", "cut the keyway deeper, 5 mm")
    (k,) = spec["features"]
    assert (k["z"], k["length"], k["depth"], k["width"]) == (0.0, 80.0, 5.0, 6.0)
    # the section cut: the circle beyond the keyway's floor (5 below the top), 6 wide
    cut = 2 * (1.5 * math.sqrt(91) + 50 * math.asin(0.3)) - 6 * 5
    assert volume_of(sandbox, spec) == pytest.approx((math.pi * 100 - cut) * 80, rel=1e-4)


@pytest.mark.parametrize("text, edit, us", [
    ("L bracket, legs 60 and 40 (outside), 30 wide, 5 thick",
     "two 10 mm holes through the 60 leg, on its centre line, 20 and 45 mm from the outside corner", [-10.0, 15.0]),
])
def test_holes_along_a_leg_from_its_corner(sandbox, text, edit, us):
    spec = edited(text, edit)
    (h,) = spec["features"]
    assert h["on"] == "front" and [p[0] for p in h["at"]["points"]] == us
    assert volume_of(sandbox, spec) == pytest.approx((60 * 5 + 35 * 5) * 30 - 2 * math.pi * 25 * 5, rel=1e-6)


def test_holes_along_a_leg_said_in_a_new_design_leave_the_legs_alone():
    spec = spec_of("angle 50 x 50 x 5, 40 long, with 2 holes 6mm in the base leg 15 and 35 from the outside corner")
    b = spec["body"]
    assert (b["width"], b["height"], b["thickness"], b["length"]) == (50, 50, 5, 40)      # (the 15 was the base leg)
    assert [p[0] for p in spec["features"][0]["at"]["points"]] == [-10.0, 10.0]


@pytest.mark.parametrize("first, wrong, fix, body", [
    ("cylinder 30 dia 50 high", "diameter 40", "oops, no. I meant the height should be 40, leave the diameter at 30",
     {"diameter": 30.0, "height": 40.0}),
    ("plate 150 x 100 x 12 with 8 mm holes in the 4 corners, 12 mm from the edges", "make it 10 thick",
     "sorry, I meant 10 mm holes - keep the plate 12 thick", {"height": 12.0}),
])
def test_a_size_said_to_be_kept_at_a_value_it_no_longer_has_is_set(first, wrong, fix, body):
    spec = edited(first, wrong, fix)
    assert {k: spec["body"][k] for k in body} == body


def test_a_size_kept_at_the_value_it_has_changes_nothing():
    r = apply_edit("make it 200 long, keep it 12 thick", spec_of("plate 150 x 100 x 12"))
    assert r.spec["body"]["height"] == 12.0 and r.spec["body"]["length"] == 200.0 and not r.failed


@pytest.mark.parametrize("edit", ["through instead of 12 deep", "break through the bottom", "all the way thru",
                                  "the hole should come out the bottom", "no bottom to the hole", "through all"])
def test_a_blind_hole_made_through_in_other_words(edit):
    spec = edited("block 50x50x20 with a 10mm hole 12 deep in the middle", edit)
    assert "depth" not in spec["features"][0]


@pytest.mark.parametrize("edit", ["redo the shell with 3mm walls", "re-shell at 3 mm", "reshell with 3mm walls"])
def test_a_shell_redone_at_another_wall(edit):
    spec = edited("box 80x60x40, shell it 2 mm, open top", edit)
    assert [f["thickness"] for f in spec["features"]] == [3.0]


@pytest.mark.parametrize("first, edit, body", [
    ("L bracket legs 60 and 40, 30 wide, 4 thick", "thicken the legs to 6mm but keep the outside dimensions",
     {"width": 60.0, "height": 40.0, "thickness": 6.0}),          # (the legs were made 6 long, marked ok)
    ("L bracket legs 60 and 40, 30 wide, 4 thick", "make the material 6mm, keep the outer dimensions",
     {"width": 60.0, "height": 40.0, "thickness": 6.0}),
    ("plate 100x60x8", "thin the plate down to 5", {"height": 5.0, "length": 100.0}),
])
def test_thickened_or_thinned_to_a_size(first, edit, body):
    spec = edited(first, edit)
    assert {k: spec["body"][k] for k in body} == body


@pytest.mark.parametrize("edit", ["round the 4 inside corners of the pocket R3", "fillet the 4 pocket corners 3mm"])
def test_the_count_of_a_pockets_corners_is_no_radius(edit):
    spec = edited("block 80x60x20 with a 40x30 pocket 8 deep in the middle", edit)
    assert spec["features"][0]["corner_radius"] == 3.0


def test_it_after_a_change_to_one_hole_is_that_hole():
    from .test_understand_tees_and_take_backs import _chat
    spec, note = _chat("block 60x50x40 with a 10 hole in the middle", "move the hole 10 to the left", "make it 12")[-1]
    assert spec["features"][0]["size"] == 12.0 and spec["body"]["height"] == 40.0, note
    assert "read as 'make the hole 12'" in note


@pytest.mark.parametrize("text", ["shaft 20 dia 120 long with a 5mm keyway 25 long",       # (was 6 wide, the 5 dropped)
                                  "shaft 20 dia 120 long with a 5 mm wide keyway 25 long"])   # (was declined)
def test_a_keyway_said_by_its_width_takes_the_standard_depth_for_that_key(text):
    u = understand(text)
    (k,) = u.spec["features"]
    assert (k["width"], k["depth"], k["length"]) == (5.0, 3.0, 25.0)
    assert "no keyway depth in the shaft for a 5 mm key (DIN 6885-1) given: 3 mm assumed" in u.notes


def test_a_keyway_added_by_its_width_to_a_stepped_shaft():
    spec = edited("shaft 20mm dia, 120 long", "step it down to 15 dia for the last 30mm",
                  "add a 5mm keyway in the big section, 25 long")
    k = spec["features"][-1]
    assert (k["width"], k["depth"], k["length"]) == (5.0, 3.0, 25.0) and k["z"] + k["length"] <= 90


@pytest.mark.parametrize("text, sizes", [
    ("a 30 mm cube, 40 tall", "30 and 40"),            # was a 30 x 30 x 40 block, marked ok
    ("cube 25mm, height 30", "25 and 30"),             # was a 25 mm cube, the 30 dropped
])
def test_a_cube_said_with_another_size_is_asked_about(text, sizes):
    u = understand(text)
    assert u.missing and f"a cube is the same every way, but {sizes} were said" in u.missing[0]


@pytest.mark.parametrize("text, sizes", [
    ("cube 20 x 20 x 30", (20, 20, 30)),
    ("a cube 0.75 units long, 0.4531 units wide, and 0.5625 units high", (0.75, 0.4531, 0.5625)),    # Text2CAD's words
])
def test_a_cube_with_each_size_said_by_its_name_is_that_block_said(text, sizes):
    u = understand(text)
    assert not u.missing and (u.spec["body"]["length"], u.spec["body"]["width"], u.spec["body"]["height"]) == sizes
    assert any("'cube' said, but its sizes differ" in n for n in u.notes)


@pytest.mark.parametrize("text, od, bore, length", [
    ("tube 1-1/2 x 1/8 wall x 6 inch", 38.1, 31.75, 152.4),                # was declined
    ("round tube 1.25 in OD 0.065 in wall 12 in", 31.75, 28.448, 304.8),   # was a bore of -577 (refused)
    ('tube 3/4" x 1/16" wall x 2"', 19.05, 15.875, 50.8),
    ("pipe 60 x 3 wall x 500", 60.0, 54.0, 500.0),
])
def test_a_tube_said_as_outside_by_wall_by_length(text, od, bore, length):
    b = spec_of(text)["body"]
    assert (b["outer_diameter"], b["inner_diameter"], b["height"]) == pytest.approx((od, bore, length))


@pytest.mark.parametrize("text, flange, web", [
    ("tee: top 60 x 6, leg 40 x 5, 200 long", 6.0, 5.0),
    ("T profile, crossbar 50 wide 5 thick, rib 30 tall 4 thick, 150 long", 5.0, 4.0),
])
def test_a_tees_web_by_other_names(text, flange, web):
    b = spec_of(text)["body"]
    assert (b["shape"], b["lip"], b["thickness"]) == ("T", flange, web)


@pytest.mark.parametrize("edit, wall", [("make the walls 1mm thicker", 4.0),       # was 1 mm walls, marked ok
                                        ("walls 1 thinner", 2.0), ("increase the wall thickness by 2", 5.0)])
def test_a_shells_walls_changed_by_an_amount(edit, wall):
    assert edited("box 100x60x40, 3mm walls, open top", edit)["features"][0]["thickness"] == wall


def test_the_opposite_of_a_wall_change():
    from .test_understand_tees_and_take_backs import _chat
    spec, note = _chat("box 100x60x40, 3mm walls, open top", "make the walls 1mm thicker", "no, I meant the opposite")[-1]
    assert spec["features"][0]["thickness"] == 2.0 and "the last change made the other way" in note


@pytest.mark.parametrize("edit, height, depth", [
    ("only 15 deep", 30.0, 15.0),                    # was: the block made 15 tall, marked ok
    ("dont go all the way through, stop at 15", 30.0, 15.0),
    ("cut the height down to 20", 20.0, None),
    ("make it 20 deep", 20.0, None),                 # ('it': the part)
])
def test_a_through_hole_made_blind_or_the_part_cut_down(edit, height, depth):
    spec = edited("block 60x40x30 with a 10mm hole through the middle", edit)
    assert (spec["body"]["height"], spec["features"][0].get("depth")) == (height, depth)


@pytest.mark.parametrize("edit, kind", [("add a 3 mm fillet at the root of the hub", "fillet"),
                                        ("fillet where the hub meets the flange, 3mm", "fillet"),
                                        ("put a 3mm radius at the base of the hub", "fillet"),
                                        ("3mm chamfer at the base of the boss", "chamfer")])
def test_a_fillet_at_a_hubs_root_goes_round_its_foot(sandbox, edit, kind):
    # (it was put on the top edges and marked ok)
    spec = edited("flange 100 dia 10 thick with a 40 dia hub 20 high, 20 bore", edit)
    f = spec["features"][-1]
    assert (f["kind"], f["edges"], f["of"], f.get("radius", f.get("size"))) == (kind, "root", "hub", 3.0)
    area, c = (1 - math.pi / 4) * 9, (10 - 3 * math.pi) / (3 * (4 - math.pi)) * 3
    if kind == "chamfer":
        area, c = 4.5, 1.0
    plain = math.pi * (50 ** 2 * 10 + 20 ** 2 * 20 - 10 ** 2 * 30)
    assert volume_of(sandbox, spec) == pytest.approx(plain + area * 2 * math.pi * (20 + c), rel=1e-6)


def test_a_fillet_at_a_hubs_root_said_in_a_new_design():
    f = spec_of("flange 100 dia 10 thick with a 40 dia hub 20 high, 3 mm fillet at the base of the hub")["features"][-1]
    assert (f["edges"], f["of"], f["radius"]) == ("root", "hub", 3.0)


@pytest.mark.parametrize("text, sizes", [
    ("cone base 40 top 20 height 30", (40.0, 20.0, 30.0)),          # was 30 / 40 / 20, marked ok
    ("cone 40 bottom dia 20 top dia 30 high", (40.0, 20.0, 30.0)),
    ("cone, bottom 40, top 20, 30 tall", (40.0, 20.0, 30.0)),
    ("cone base dia 40, top dia 20, height 30", (40.0, 20.0, 30.0)),
])
def test_a_cones_sizes_each_with_its_word(text, sizes):
    b = spec_of(text)["body"]
    assert (b["bottom_diameter"], b["top_diameter"], b["height"]) == sizes


def test_a_gears_thickness_said_after_its_teeth():
    b = spec_of("gear 2 module 24 teeth 10 thick 8 bore")["body"]       # was 5 thick (assumed), the 10 taken as teeth
    assert (b["module"], b["teeth"], b["thickness"]) == (2.0, 24, 10.0)
    b = spec_of("gear m1.5 z=36 face width 8mm, bore 10")["body"]       # (and for 'z': the teeth, not the face width)
    assert (b["teeth"], b["thickness"]) == (36, 8.0)
    b = spec_of("OD 40 ID 32 long 50 tube")["body"]                     # (the word before still wins for OD / ID)
    assert (b["outer_diameter"], b["inner_diameter"], b["height"]) == (40.0, 32.0, 50.0)


@pytest.mark.parametrize("text", ["shaft 12mm x 80 with a 4mm flat 20 long at one end",     # was a Ø12 x 20 rod, ok
                                  "shaft 12 dia 80 long with a 4mm flat 20 long at one end"])
def test_a_flat_said_by_its_depth_before_the_word(text):
    spec = spec_of(text)
    assert (spec["body"]["diameter"], spec["body"]["height"]) == (12.0, 80.0)
    (f,) = spec["features"]
    assert (f["kind"], f["depth"], f["length"]) == ("flat", 4.0, 20.0)


@pytest.mark.parametrize("text, spacing", [
    ("plate 90 x 90 x 6, hole pattern 70 x 70 of 4 x 5.5 holes", [70.0, 70.0]),     # was a 70 x 70 grid of holes
    ("plate 100 x 80 x 5 with 4 holes 6mm, pattern 60 x 40", [60.0, 40.0]),
])
def test_a_hole_pattern_sized_after_its_word(text, spacing):
    at = spec_of(text)["features"][0]["at"]
    assert at == {"kind": "grid", "counts": [2, 2], "spacing": spacing}
