"""Follow-up edits in the words people use (scale factors, moves in two directions, 'drop ... in', holes added
to a bored disc, a slot's named size): each edit changes what it says, or declines naming what it did not read."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand


def edit(first: str, text: str):
    return apply_edit(text, understand(first).spec)


def ok(first: str, text: str) -> dict:
    r = edit(first, text)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


def dims(spec: dict) -> list[float]:
    return [spec["body"][k] for k in ("length", "width", "height")]


@pytest.mark.parametrize("text,factor", [("1.5x", 1.5), ("make it 1.5x bigger", 1.5), ("scale it by 2", 2.0),
                                         ("scale it up 20%", 1.2), ("scale everything down by half", 0.5),
                                         ("scale it down by 2", 0.5), ("double it", 2.0), ("2 times the size", 2.0)])
def test_the_whole_part_scaled_by_a_factor(text, factor):
    spec = ok("block 40 x 30 x 20", text)
    assert dims(spec) == pytest.approx([40 * factor, 30 * factor, 20 * factor])


def test_a_scale_takes_the_features_along_and_keeps_counts():
    spec = ok("plate 100 x 60 x 5 with four 6 mm holes on a 40 mm bolt circle and 2 mm fillets on the vertical edges",
              "scale it by 1.5")
    holes, round_ = spec["features"]
    assert holes["size"] == pytest.approx(9) and holes["at"]["diameter"] == pytest.approx(60)
    assert holes["at"]["count"] == 4 and round_["radius"] == pytest.approx(3)
    assert expectations(parse(spec))["volume"] == pytest.approx(1.5 ** 3 * expectations(parse(
        understand("plate 100 x 60 x 5 with four 6 mm holes on a 40 mm bolt circle and 2 mm fillets on the vertical "
                   "edges").spec))["volume"], rel=1e-6)


def test_a_bare_scale_number_over_four_is_a_percentage_and_said():
    r = edit("block 40 x 30 x 20", "scale it up 10")
    assert dims(r.spec) == pytest.approx([44, 33, 22]) and any("percentage" in n for n in r.notes)


def test_a_move_in_two_directions_moves_both_ways():
    for text in ("move the hole 10 left and 5 up", "move the hole 10 mm to the left and 5 mm up",
                 "move it left 10, up 5"):
        (h,) = ok("plate 100 x 60 x 5 with a 10 mm hole", text)["features"]
        assert h["at"] == {"kind": "at", "points": [[-10.0, 5.0]]}, text


def test_a_move_distance_without_a_direction_declines_naming_it():
    r = edit("plate 100 x 60 x 5 with a 10 mm hole", "move the hole 10 left, 5")
    assert r.spec is None and "'5'" in r.explain()


def test_drop_holes_in_adds_them_and_drop_the_holes_removes_them():
    (h,) = ok("plate 100 x 60 x 5", "drop two 6mm holes in it, 60 apart")["features"]
    assert h["size"] == 6 and h["at"]["count"] == 2 and h["at"]["spacing"] == 60
    assert ok("plate 100 x 60 x 5 with two 6 mm holes 60 apart", "drop the holes")["features"] == []


def test_a_bolt_circle_added_to_a_bored_disc_keeps_the_bore():
    spec = ok("disc 80 dia 10 thick with a 20 mm centre hole", "add four 6 mm holes on a 60 mm bolt circle")
    assert spec["body"]["inner_diameter"] == 20
    (h,) = spec["features"]
    assert (h["size"], h["at"]["kind"], h["at"]["count"], h["at"]["diameter"]) == (6, "bolt_circle", 4, 60)


def test_a_slot_size_goes_to_the_field_the_word_names():
    first = "plate 100 x 60 x 8 with a 30 x 8 slot in the middle"
    (s,) = ok(first, "make the slot longer, 40")["features"]
    assert (s["length"], s["width"]) == (40, 8)
    (s,) = ok(first, "slot 10 wide")["features"]
    assert (s["length"], s["width"]) == (30, 10)


def test_a_size_the_part_does_not_have_declines_naming_it():
    r = edit("block 40 x 30 x 20", "make the diameter 30")
    assert r.spec is None and "no diameter" in r.explain()


def test_bigger_with_no_size_asks_instead_of_guessing():
    r = edit("plate 80 x 60 x 6 with a 10 mm hole in the middle", "make the hole bigger")
    assert r.spec is None and r.failed


def test_a_stepped_body_edited_section_by_section():
    first = "stepped shaft: 40 dia for 50, then 25 dia for 30"
    secs = ok(first, "the thick section 5 mm longer")["body"]["sections"]
    assert secs == [{"diameter": 40, "length": 55}, {"diameter": 25, "length": 30}]
    secs = ok(first, "make the 25 dia part 45 long")["body"]["sections"]
    assert secs[1] == {"diameter": 25, "length": 45}
    secs = ok(first, "add another step at the small end, 15 dia x 20")["body"]["sections"]
    assert secs[-1] == {"diameter": 15, "length": 20} and len(secs) == 3
    secs = ok("flanged bushing, flange 40 dia 5 thick, sleeve 25 dia 30 long, 16 bore", "flange up to 45 dia")["body"]["sections"]
    assert secs[0]["diameter"] == 45 and secs[1]["diameter"] == 25
    r = edit(first, "make it 10 longer")
    assert r.spec is None and "which section" in r.explain()


def test_a_count_of_named_holes_is_a_count_not_a_size():
    spec = ok("flange 100 OD 12 thick, 4 holes 9 mm on an 80 PCD", "make it 6 bolt holes")
    (h,) = spec["features"]
    assert h["at"]["count"] == 6 and h["size"] == 9


def test_a_pocket_size_goes_to_the_pocket_not_the_holes():
    spec = ok("plate 120 x 80 x 12 with a 60 x 40 pocket 4 deep and four 6 mm holes 8 from the corners", "pocket 7 deep")
    pocket = next(f for f in spec["features"] if f["kind"] == "pocket")
    holes = next(f for f in spec["features"] if f["kind"] == "hole")
    assert pocket["depth"] == 7 and "depth" not in holes and holes["size"] == 6


def test_a_percentage_of_a_named_size_changes_only_that_size():
    spec = ok("spacer 20 OD, 8 ID, 15 long", "ID stays, OD 10% bigger")
    assert spec["body"] == {**spec["body"], "outer_diameter": pytest.approx(22), "inner_diameter": 8, "height": 15}


def test_drop_to_a_size_resizes_a_body_bore():
    spec = ok("hex bar 10 AF 25 long with a 5 mm hole through", "drop the hole to 4.2")
    assert spec["body"]["bore"] == 4.2


def test_the_outside_bottom_edge_of_a_cup_is_rounded_under_its_floor():
    spec = ok("cup 60 OD 50 tall, 2 mm wall, 5 mm bottom", "fillet the outside bottom edge 4 mm")
    assert spec["features"][-1] == {"id": spec["features"][-1]["id"], "kind": "fillet", "edges": "bottom", "radius": 4}
    assert ok("cup 60 OD 50 tall, 2 mm wall, 5 mm bottom", "fillet the outside bottom edge 4 mm")
    r = edit("cup 60 OD 50 tall, 2 mm wall, 5 mm bottom", "fillet the outside bottom edge 6 mm")
    assert r.spec is None and "floor" in r.explain()      # more than the floor takes: declined, saying why


def test_an_l_brackets_width_is_how_far_it_runs():
    spec = ok("L bracket 50 wide, legs 40 and 30, 5 thick", "make it 70 wide")
    assert spec["body"]["length"] == 70 and {spec["body"]["width"], spec["body"]["height"]} == {40, 30}


def test_take_that_fillet_off():
    assert ok("plate 100 x 60 x 5 with 3 mm fillets on the vertical edges", "ok take that fillet off again")["features"] == []


def test_one_leg_of_an_l_bracket_by_the_words_for_it():
    first = "L bracket, legs 60 x 40 outside, 30 wide, 5 thk"
    b = ok(first, "make the base leg 70")["body"]
    assert (b["width"], b["height"]) == (70, 40)
    b = ok(first, "the short leg to 45")["body"]
    assert (b["width"], b["height"]) == (60, 45)
    b = ok(first, "make the legs 55")["body"]
    assert (b["width"], b["height"]) == (55, 55)
    r = edit(first, "other leg 50")
    assert r.spec is None and "which leg" in r.explain()


def test_a_grid_respaced_or_recounted_in_few_words():
    first = "plate 200 x 100 x 8 with a 3 x 2 grid of 10 mm holes, 50 apart"
    (h,) = ok(first, "4x2 instead")["features"]
    assert h["at"]["counts"] == [4, 2] and h["size"] == 10
    (h,) = ok(first, "spread them out to 60")["features"]
    assert h["at"]["spacing"] == [60, 60] and h["size"] == 10
    r = edit(first, "closer together, 45")
    assert r.spec["features"][0]["at"]["spacing"] == [45, 45] and any("new spacing" in n for n in r.notes)
    assert ok(first, "closer together by 5")["features"][0]["at"]["spacing"] == [45, 45]


def test_screw_sizes_and_insets_said_alone():
    first = "plate 150 x 100 x 10 with 4 x M8 tapped holes 12 from the corners"
    assert ok(first, "M6 instead")["features"][0]["size"] == "M6 tapped"
    assert ok(first, "inset 15")["features"][0]["at"] == {"kind": "corners", "inset": 15}


def test_and_a_hole_in_the_middle_adds_one_beside_the_pattern():
    corner, mid = ok("plate 150 x 100 x 10 with 4 x M8 tapped holes 12 from the corners",
                     "and a 50 mm hole in the middle, thru")["features"]
    assert corner["size"] == "M8 tapped" and (mid["size"], mid["at"]) == (50, {"kind": "center"})


def test_a_bored_discs_bore_is_its_inner_diameter_not_the_bolt_holes():
    first = "disc 100 dia 12 thick, 30 bore, 6 x 8.5 holes on 75 PCD"
    for text in ("bore to 35", "centre hole 35"):
        spec = ok(first, text)
        assert spec["body"]["inner_diameter"] == 35 and spec["features"][0]["size"] == 8.5, text
    assert ok(first, "holes 9")["features"][0]["size"] == 9


def test_bore_it_adds_a_centre_hole_where_there_is_none():
    (h,) = ok("rod 25 dia 100 long", "bore it out 10 mm, 30 deep")["features"]
    assert (h["size"], h["depth"], h["at"]) == (10, 30, {"kind": "center"})


def test_a_channel_set_by_the_gap_between_its_arms():
    r = edit("U channel 100 long, 50 wide, 30 tall, 4 thick", "40 between the arms")
    assert r.spec["body"]["width"] == 48 and any("48 across the outside" in n for n in r.notes)


def test_that_one_is_the_feature_made_last():
    (h,) = ok("plate 100 x 100 x 6 with a 20 mm hole in the middle", "make that one 25")["features"]
    assert h["size"] == 25
    (s,) = ok("plate 120 x 60 x 8 with a 10 x 30 slot in the middle", "make that one 40 long")["features"]
    assert s["length"] == 40


def test_holes_round_it_go_around_it_not_a_rounding():
    spec = ok("plate 100 x 100 x 6 with a 20 mm hole in the middle", "add 4 x 6mm holes round it, 60 PCD")
    assert [f["kind"] for f in spec["features"]] == ["hole", "hole"]
    assert spec["features"][1]["at"]["kind"] == "bolt_circle" and spec["features"][1]["at"]["diameter"] == 60


def test_a_pocket_made_to_go_through_and_a_counterbore_made_plain():
    (p,) = ok("block 100 x 60 x 20 with a 40 x 30 pocket 8 deep", "make the pocket go through")["features"]
    assert "depth" not in p and p["length"] == 40
    for text in ("no counterbore, plain hole", "lose the counterbore"):
        (h,) = ok("plate 80 x 80 x 10 with a 10 mm hole counterbored 16 x 6", text)["features"]
        assert h["size"] == 10 and "cbore" not in h, text


def test_another_edge_set_as_well_takes_the_same_size():
    first = "block 60 x 40 x 30 with 2 mm chamfer on the top edges"
    top, bottom = ok(first, "chamfer the bottom too")["features"]
    assert (top["edges"], bottom["edges"], bottom["size"]) == ("top", "bottom", 2)
    (c,) = ok(first, "chamfer 3")["features"]
    assert (c["edges"], c["size"]) == ("top", 3)


def test_chatty_sizes_signs_and_round_widths():
    first = "plate 100 x 60 x 5 with four 5 mm holes 8 mm from the corners and a 20 mm hole in the middle"
    assert ok(first, "hmm can the middle hole be 25 instead")["features"][1]["size"] == 25
    assert ok(first, "thicker plate pls, 8mm")["body"]["height"] == 8
    r = edit(first, "the 4 holes need to go 10 in from the edges")
    assert r.spec["features"][0]["at"]["inset"] == 10 and not r.failed
    assert "'6'" in " ".join(edit(first, "the 6 holes need to go 10 in from the edges").failed)   # not what is there
    b = ok("cylinder 50 dia 20 tall", "5 mm taller and 10 mm wider")["body"]
    assert (b["diameter"], b["height"]) == (60, 25)
    assert ok("cylinder 50 dia 20 tall", "diameter +10")["body"]["diameter"] == 60


def test_a_size_said_again_changes_nothing_and_says_so():
    r = edit("block 80 x 50 x 30", "3cm tall")
    assert r.spec["body"]["height"] == 30 and r.done == ["height is already 30"]


def test_a_pattern_said_beside_a_lone_hole_is_added_not_a_replacement():
    first = "plate 120 x 80 x 6 with a 20 mm hole in the middle"
    for text in ("4 x 6 mm holes on a 60 bolt circle", "4 more holes, 6 mm, on a 60 circle",
                 "and four M4 tapped holes in the corners, 8 from the edges"):
        centre, new = ok(first, text)["features"]
        assert centre == {**centre, "size": 20, "at": {"kind": "center"}}, text
        assert new["at"]["kind"] in ("bolt_circle", "corners"), text
    (h,) = ok(first, "make it 4 holes on a 60 bolt circle")["features"]     # said as a change: that hole
    assert h["at"]["count"] == 4 and h["size"] == 20


def test_and_the_next_feature_takes_the_verb():
    first = "plate 100 x 60 x 5 with 2 mm fillets on the vertical edges and four 5 mm holes 8 from the corners"
    round_, holes = ok(first, "make the fillets 4 and the holes M5")["features"]
    assert round_["radius"] == 4 and holes["size"] == "M5 clearance"
    assert ok(first, "remove the holes and the fillets")["features"] == []


def test_a_screw_size_placed_nowhere_declines_unless_it_is_the_reason():
    r = edit("plate 100 x 60 x 5 with 2 mm fillets on the vertical edges", "fillets 4, M5")
    assert r.failed and "'M5'" in " ".join(r.failed)
    assert ok("hex standoff 7 AF 30 long with a 4.2 hole through", "I want to tap it M4 so drop the hole to 3.3")[
        "body"]["bore"] == 3.3


def test_side_holes_kept_where_they_are_when_the_part_is_shortened():
    first = "tube, 40 OD 32 ID, 150 long, 6mm cross hole through both walls 20mm from one end"
    spec = understand(first).spec
    (h0,) = spec["features"]
    (h,) = ok(first, "cut it down to 100 long, keep the hole where it is")["features"]
    # the same height above the base: v measured from the face's middle (75 before, 50 after)
    assert h0["at"]["points"][0][1] + 75 == pytest.approx(h["at"]["points"][0][1] + 50)


def test_depths_through_and_places_said_of_the_holes():
    first = "block 60 x 40 x 30 with four 6 mm holes 10 deep, 8 from the corners"
    (h,) = ok(first, "make them go all the way through")["features"]
    assert "depth" not in h and h["size"] == 6
    assert ok(first, "blind 5 deep")["features"][0]["depth"] == 5
    (h,) = ok(first, "deeper holes, 20")["features"]
    assert (h["size"], h["depth"]) == (6, 20)
    (h,) = ok("plate 100 x 50 x 6 with a 6 mm hole 15 mm from the left edge", "move it to 20 from the left")["features"]
    assert h["at"] == {"kind": "from_edge", "edge": "left", "distance": 20, "along": 0}
    (h,) = ok("bar 200 x 30 x 10 with 3 holes 8 mm, 60 apart", "space them 50")["features"]
    assert (h["size"], h["at"]["spacing"]) == (8, 50)
    assert ok("bar 200 x 30 x 10 with 3 holes 8 mm, 60 apart", "add one more")["features"][0]["at"]["count"] == 4
    assert ok("flange 120 dia 12 thick, 6 x 10 holes on 90 PCD", "thinner flange, 10")["body"]["height"] == 10
    assert ok("plate 100 x 40 x 5 with four 5 mm holes 8 mm from the corners", "bump them up to 8 mm")["features"][0][
        "size"] == 8


def test_a_shape_noun_first_is_a_change_when_the_current_part_takes_it():
    from cadagent.agent.intent import edit_of_current, parse_intent

    plate = understand("plate 100 x 60 x 5 with four 5 mm holes 8 mm from the corners").spec
    cyl = understand("cylinder 50 dia 30 tall with a 10 mm hole in the middle").spec

    def routed(text, spec):
        return edit_of_current(text, parse_intent(text, True), spec).intent

    assert routed("plate 2mm thicker and the holes 1mm bigger", plate) == "modify"
    assert routed("plate 150 x 90 now", plate) == "modify"
    assert routed("cylinder 60 dia, 40 tall instead", cyl) == "modify"
    assert routed("plate 8 thick, corner holes M6", plate) == "modify"
    # a whole part said plainly, or a new one asked for, stays a new design
    assert routed("plate 150 x 90 x 6 with a 20 mm hole", plate) == "new_design"
    assert routed("cylinder 60 dia 40 tall", cyl) == "new_design"
    assert routed("a 30 mm cube", plate) == "new_design"


@pytest.mark.parametrize("first,text,word", [("plate 120 x 80 x 6 with a 20 mm hole in the middle", "make the hole bigger", "bigger"),
                                             ("box 60 x 40 x 30 shelled 2 mm open top", "thicker walls", "thicker"),
                                             ("block 60 x 40 x 30", "make it a bit longer", "longer")])
def test_more_or_less_with_no_size_is_asked_not_guessed(first, text, word):
    r = edit(first, text)
    assert r.spec is None and f"'{word}' with no size" in r.explain()


def test_a_fraction_before_holes_is_their_size_not_a_count():
    (h,) = ok('plate 4 x 2 x 1/4 inch with four 1/4" holes 1/2" from the corners', "5/16 holes")["features"]
    assert h["size"] == pytest.approx(7.9375) and h["at"] == {"kind": "corners", "inset": pytest.approx(12.7)}


def test_a_standard_washer_or_nut_edited_by_its_sizes():
    b = ok("a standard ISO 7089 M8 flat washer", "make it 3 thick")["body"]
    assert (b["outer_diameter"], b["inner_diameter"], b["height"]) == (16, 8.4, 3)
    b = ok("hex nut blank M10", "make it 3 thick")["body"]
    assert (b["across_flats"], b["height"]) == (16, 3)
    r = edit("a standard ISO 7089 M8 flat washer", "drill a 6 mm hole through the side 20 from one end")
    assert r.spec is None and r.failed        # no crash: it says why


def test_counterbored_or_countersunk_for_a_screw_takes_the_table_sizes():
    (h,) = ok("plate 100 x 60 x 10 with four 6.6 mm holes 10 mm from the corners", "countersink them for M6")["features"]
    assert h["size"] == 6.6 and h["csink"] == {"diameter": 13.44, "angle": 90}
    r = edit("plate 100 x 60 x 10 with four 5 mm holes 10 mm from the corners", "counterbore them for M6 cap screws")
    (h,) = r.spec["features"]
    assert h["size"] == "M6 clearance" and h["cbore"] == {"diameter": 11, "depth": 6.4}
    assert "now M6 clearance" in r.explain()


def test_make_it_n_mm_is_asked_when_no_size_is_plainly_the_main_one():
    r = edit("plate 100 x 60 x 5 with a 10 mm hole in the middle", "make it 12 mm")
    assert r.spec is None and "which size is 12 mm" in r.explain()
    assert ok('rod 1/2" dia, 4" long', "make it 6 inches")["body"]["height"] == pytest.approx(152.4)


def test_removing_some_of_a_pattern_declines_saying_so():
    for text in ("remove one slot", "lose 2 of the holes"):
        first = ("plate 120 x 60 x 8 with two 10 x 30 slots 60 apart" if "slot" in text
                 else "bar 200 x 30 x 10 with 5 holes 8 mm, 40 apart")
        r = edit(first, text)
        assert r.spec is None and "not done offline" in r.explain(), text


def test_a_radius_or_a_feature_size_increased_by_an_amount():
    assert ok("cylinder 40 dia 60 tall", "increase the radius by 5")["body"] == {**understand(
        "cylinder 40 dia 60 tall").spec["body"], "diameter": 50}
    (h,) = ok("plate 100 x 60 x 5 with four 5 mm holes 8 mm from the corners", "increase hole dia by 1")["features"]
    assert h["size"] == 6
