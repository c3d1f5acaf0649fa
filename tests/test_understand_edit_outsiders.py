"""Edits in words written by outsiders: 'same for the other one', a length on a part standing on its end, a
ring's width along its axis, and edges that no edge set picks alone (declined, never put on the whole set)."""

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit

PLATE_TWO_SLOTS = {"body": {"kind": "box", "id": "plate", "length": 160.0, "width": 60.0, "height": 8.0},
                   "features": [{"id": "slot", "kind": "slot", "on": "top", "at": {"kind": "at", "points": [[45.0, 0.0]]},
                                 "length": 30.0, "width": 10.0, "angle": 90.0},
                                {"id": "slot_left", "kind": "slot", "on": "top",
                                 "at": {"kind": "at", "points": [[-45.0, 0.0]]}, "length": 40.0, "width": 10.0,
                                 "angle": 90.0}]}
BLOCK = {"body": {"kind": "box", "id": "block", "length": 60.0, "width": 40.0, "height": 20.0}, "features": []}


def ok(spec: dict, text: str) -> dict:
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


@pytest.mark.parametrize("text", ["same for the other one", "do the other slot the same", "the other one too"])
def test_same_for_the_other_one_gives_the_sizes_of_the_one_changed_to_its_sibling(text):
    spec = ok(PLATE_TWO_SLOTS, text)
    assert [(f["id"], f["length"], f["at"]["points"]) for f in spec["features"]] == [
        ("slot", 40.0, [[45.0, 0.0]]), ("slot_left", 40.0, [[-45.0, 0.0]])]


def test_same_on_the_other_end_adds_the_edge_treatment_on_the_opposite_edges():
    cyl = {"body": {"kind": "cylinder", "id": "rod", "diameter": 40.0, "height": 60.0},
           "features": [{"id": "bevel", "kind": "chamfer", "edges": "top", "size": 1.0}]}
    for text in ("same on the other end", "do the other end the same"):
        feats = ok(cyl, text)["features"]
        assert [(f["kind"], f["edges"], f["size"]) for f in feats] == [("chamfer", "top", 1.0), ("chamfer", "bottom", 1.0)]


def test_same_with_nothing_to_copy_is_not_read_as_a_change():
    r = apply_edit("same for the other one", BLOCK)
    assert r.spec is None and r.failed


@pytest.mark.parametrize("text,height", [("50 mm shorter", 450.0), ("make it 10 longer", 510.0), ("length 350", 350.0),
                                         ("cut it to length, 350", 350.0)])
def test_a_part_standing_on_its_end_is_as_long_as_it_is_tall(text, height):
    tube = {"body": {"kind": "box", "id": "rectangular_tube", "length": 30.0, "width": 40.0, "height": 500.0},
            "features": [{"id": "bore", "kind": "pocket", "shape": "rect", "length": 24.0, "width": 34.0}]}
    spec = ok(tube, text)
    assert [spec["body"][k] for k in ("length", "width", "height")] == [30.0, 40.0, height]


def test_a_plate_stays_long_along_its_length():
    spec = ok({"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 50.0, "height": 5.0}}, "50 mm shorter")
    assert spec["body"]["length"] == 50.0 and spec["body"]["height"] == 5.0


def test_a_ring_width_that_no_outside_diameter_can_be_is_along_the_axis():
    ring = {"body": {"kind": "tube", "id": "ring", "outer_diameter": 60.0, "inner_diameter": 40.0, "height": 10.0}}
    r = apply_edit("make it 15 wide", ring)
    assert r.spec["body"]["height"] == 15.0 and r.spec["body"]["outer_diameter"] == 60.0
    assert any("along the axis" in n for n in r.notes)
    assert ok(ring, "make it 70 wide")["body"]["outer_diameter"] == 70.0


@pytest.mark.parametrize("text", ["put a 1mm chamfer on the long top edges", "chamfer one of the vertical edges 5",
                                  "chamfer the front edge 2", "round two corners 5", "chamfer a vertical edge 5"])
def test_an_edge_treatment_on_some_edges_of_a_set_declines_naming_them(text):
    r = apply_edit(text, BLOCK)
    assert r.spec is None and "alone cannot be picked" in r.explain()


@pytest.mark.parametrize("text", ["round the 4 corners R5", "fillet all four vertical edges 5"])
def test_the_four_corners_of_a_block_are_its_vertical_edges_and_four_is_no_size(text):
    (f,) = ok(BLOCK, text)["features"]
    assert (f["kind"], f["edges"], f["radius"]) == ("fillet", "vertical", 5.0)
    assert expectations(parse({**BLOCK, "features": [f]}))["volume"] < 60 * 40 * 20


def test_a_new_screw_size_takes_the_table_counterbore_with_it():
    block = {"body": {"kind": "box", "id": "block", "length": 40.0, "width": 40.0, "height": 20.0},
             "features": [{"id": "holes", "kind": "hole", "size": "M6 clearance", "cbore": {"diameter": 11.0, "depth": 6.4}}]}
    for text in ("make it for M8 instead", "switch to M8 screws"):
        (h,) = ok(block, text)["features"]
        assert h["size"] == "M8 clearance" and h["cbore"] == {"diameter": 15.0, "depth": 8.6}, text
    by_hand = {**block, "features": [{**block["features"][0], "cbore": {"diameter": 12.0, "depth": 5.0}}]}
    r = apply_edit("switch to M5 screws", by_hand)
    assert r.spec["features"][0]["cbore"] == {"diameter": 12.0, "depth": 5.0} and any("by hand" in n for n in r.notes)


def test_a_tube_wall_changes_keep_the_outside_unless_the_bore_is_kept():
    ring = {"body": {"kind": "tube", "id": "ring", "outer_diameter": 50.0, "inner_diameter": 40.0, "height": 10.0}}
    assert ok(ring, "wall twice as thick, keep the OD")["body"] == {**ring["body"], "inner_diameter": 30.0}
    assert ok(ring, "wall 8, keep the ID")["body"] == {**ring["body"], "outer_diameter": 56.0}
    assert ok(ring, "wall 3")["body"]["inner_diameter"] == 44.0


@pytest.mark.parametrize("text,length", [("shorten it by 20%", 80.0), ("lengthen by 10%", 110.0)])
def test_a_percentage_with_a_length_verb_is_the_length(text, length):
    spec = ok({"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 50.0, "height": 5.0}}, text)
    assert [spec["body"][k] for k in ("length", "width", "height")] == [length, 50.0, 5.0]


def test_a_sentence_of_talk_does_not_refuse_the_edit_beside_it():
    bar = {"body": {"kind": "box", "id": "bar", "length": 200.0, "width": 20.0, "height": 10.0}}
    assert ok(bar, "sorry, cat on the keyboard. make it 250 long")["body"]["length"] == 250.0
    assert ok(bar, "a bit wider, say 5 mm more")["body"]["width"] == 25.0


def test_a_part_scaled_keeps_the_feature_said_to_stay():
    cube = {"body": {"kind": "box", "id": "cube", "length": 30.0, "width": 30.0, "height": 30.0},
            "features": [{"id": "holes", "kind": "hole", "size": 10.0}]}
    spec = ok(cube, "cube 50% bigger, hole stays 10")
    assert spec["body"]["length"] == 45.0 and spec["features"][0]["size"] == 10.0


def test_the_same_hole_through_the_other_directions_then_all_three_resized():
    cube = {"body": {"kind": "box", "id": "cube", "length": 45.0, "width": 45.0, "height": 45.0},
            "features": [{"id": "holes", "kind": "hole", "size": 10.0}]}
    spec = ok(cube, "same hole through the other two directions as well")
    assert sorted(f.get("on", "top") for f in spec["features"]) == ["front", "left", "top"]
    spec = ok(spec, "make all three holes 12")
    assert [f["size"] for f in spec["features"]] == [12.0, 12.0, 12.0]


def test_an_edge_treatment_moved_to_one_edge_set_or_removed_in_other_words():
    rounded = {**BLOCK, "features": [{"id": "round", "kind": "fillet", "edges": "all", "radius": 3.0}]}
    (f,) = ok(rounded, "only round the top edges, leave the rest sharp")["features"]
    assert (f["edges"], f["radius"]) == ("top", 3.0)
    assert ok(rounded, "no rounding on the corners, square them off")["features"] == []
    assert ok(BLOCK, "make the top edges R3")["features"][0] | {"id": "x"} == {"id": "x", "kind": "fillet", "edges": "top",
                                                                             "radius": 3.0}


def test_a_flange_kept_while_the_overall_length_changes():
    bush = {"body": {"kind": "shaft", "id": "bushing", "sections": [{"diameter": 24.0, "length": 3.0},
                                                                    {"diameter": 16.0, "length": 17.0}]}}
    spec = ok(bush, "make it 30 long overall, same flange")
    assert spec["body"]["sections"] == [{"diameter": 24.0, "length": 3.0}, {"diameter": 16.0, "length": 27.0}]


@pytest.mark.parametrize("text,z", [("cut a keyway in the 20mm section, 4 wide 2.5 deep 30 long, in the middle of that "
                                     "section", 15.0), ("a keyway in the 20 part, 4 wide 2.5 deep 30 long", 0.0)])
def test_a_keyway_in_the_section_named_by_its_diameter(text, z):
    shaft = {"body": {"kind": "shaft", "id": "shaft", "sections": [{"diameter": 20.0, "length": 60.0},
                                                                  {"diameter": 12.0, "length": 30.0}]}}
    (k,) = ok(shaft, text)["features"]
    assert (k["kind"], k["z"], k["length"], k["width"], k["depth"]) == ("keyway", z, 30.0, 4.0, 2.5)


def test_a_hole_through_a_boss_goes_through_the_body_too():
    disc = {"body": {"kind": "cylinder", "id": "disc", "diameter": 60.0, "height": 8.0},
            "features": [{"id": "boss", "kind": "boss", "diameter": 20.0, "height": 15.0}]}
    spec = ok(disc, "put a 6mm hole through the boss, all the way through the disc too")
    hole = spec["features"][1]
    assert hole["on"]["plane"] == "XY" and hole.get("depth") is None
    import math
    assert expectations(parse(spec))["volume"] == pytest.approx(math.pi * (30 ** 2 * 8 + 10 ** 2 * 15 - 3 ** 2 * 23))
    assert ok(spec, "and make the boss half a cm taller")["features"][0]["height"] == 20.0


def test_a_hole_down_through_a_pocket_floor_is_allowed_and_cuts_only_below_it():
    plate = {"body": {"kind": "box", "id": "plate", "length": 120.0, "width": 80.0, "height": 10.0},
             "features": [{"id": "pocket", "kind": "pocket", "shape": "rect", "length": 60.0, "width": 40.0, "depth": 6.0}]}
    spec = ok(plate, "add a 10mm through hole in the middle of the pocket")
    e = expectations(parse(spec))
    import math
    assert e["volume_exact"] and e["volume"] == pytest.approx(120 * 80 * 10 - 60 * 40 * 6 - math.pi * 25 * 4)
    assert apply_edit("add a 50 mm hole in the middle of the pocket", plate).spec is None   # its rim reaches the wall


@pytest.mark.parametrize("first,text,volume", [
    (("fillet", "vertical", 5.0), "chamfer the top edges 1", 47476.136),     # B-rep volumes (CadQuery 2.x)
    (("fillet", "vertical", 5.0), "fillet the top edges 2", 47408.893),
    (("chamfer", "vertical", 3.0), "chamfer the top edges 1", 47544.619)])
def test_the_top_outline_treated_after_the_vertical_edges(first, text, volume):
    kind, edges, size = first
    spec = {**BLOCK, "features": [{"id": "v", "kind": kind, "edges": edges, ("radius" if kind == "fillet" else "size"): size}]}
    e = expectations(parse(ok(spec, text)))
    assert e["volume_exact"] and e["volume"] == pytest.approx(volume, rel=1e-5)


def test_a_top_fillet_bigger_than_the_corner_radius_declines_naming_the_limit():
    spec = {**BLOCK, "features": [{"id": "v", "kind": "fillet", "edges": "vertical", "radius": 3.0}]}
    r = apply_edit("fillet the top edges 4", spec)
    assert r.spec is None and "at most 3" in r.explain()      # (as large as the corners' round: built)


L_BRACKET = {"body": {"kind": "profile", "id": "l_bracket", "shape": "L", "width": 50.0, "height": 50.0, "thickness": 5.0,
                      "length": 30.0},
             "features": [{"id": "holes_2", "kind": "hole", "size": 6.0, "on": "front", "at": {"kind": "at", "points": [[2.5, 0.0]]}},
                          {"id": "holes_3", "kind": "hole", "size": 6.0, "on": "left", "at": {"kind": "at", "points": [[-2.5, 0.0]]}}]}


def test_an_l_brackets_legs_and_the_holes_in_them_by_name():
    assert [f["id"] for f in ok(L_BRACKET, "remove the hole in the upright")["features"]] == ["holes_2"]
    assert ok(L_BRACKET, "make the upright leg shorter by 10")["body"]["height"] == 40.0
    assert ok(L_BRACKET, "make the base leg 10 longer")["body"]["width"] == 60.0
    feats = ok(L_BRACKET, "two holes in each leg")["features"]
    assert [(f["at"]["kind"], f["at"]["count"], f["at"]["axis"]) for f in feats] == [("linear", 2, "u")] * 2
    assert expectations(parse({**L_BRACKET, "features": feats}))["volume"] < expectations(parse(L_BRACKET))["volume"]


@pytest.mark.parametrize("text", ["move the holes 5 mm further from the bend", "chamfer the inside corner 2"])
def test_what_an_l_bracket_edit_cannot_do_declines_instead_of_changing_something_else(text):
    r = apply_edit(text, L_BRACKET)
    assert r.spec is None and r.failed


@pytest.mark.parametrize("text", ["space the holes 100 x 60", "holes on 100 x 60 centres"])
def test_a_spacing_pair_is_the_patterns_spacing_not_a_grid_count(text):
    plate = {"body": {"kind": "box", "id": "plate", "length": 120.0, "width": 80.0, "height": 6.0},
             "features": [{"id": "holes", "kind": "hole", "size": 6.5, "at": {"kind": "corners", "inset": 10.0}}]}
    (h,) = ok(plate, text)["features"]
    assert h["at"]["kind"] == "grid" and h["at"]["counts"] == [2, 2] and h["at"]["spacing"] == [100.0, 60.0]
    (h,) = ok(plate, "make it 3 x 2 holes")["features"]
    assert h["size"] == 6.5 and h["at"]["counts"] == [3, 2] and h["at"]["spacing"] == [50.0, 60.0]


@pytest.mark.parametrize("text,dims", [("cut it down to 20 tall", [60.0, 40.0, 20.0]), ("raise it to 45", [60.0, 40.0, 45.0]),
                                       ("extend it 20mm", [80.0, 40.0, 30.0]), ("shorten it 10mm", [50.0, 40.0, 30.0])])
def test_verbs_with_a_size_and_no_by_or_to(text, dims):
    spec = ok({"body": {"kind": "box", "id": "block", "length": 60.0, "width": 40.0, "height": 30.0}}, text)
    assert [spec["body"][k] for k in ("length", "width", "height")] == dims


def test_a_cylinder_made_a_tube_and_a_hole_said_without_add():
    cyl = {"body": {"kind": "cylinder", "id": "c", "diameter": 50.0, "height": 30.0}}
    assert ok(cyl, "make it a tube with a 2 mm wall")["body"] == {"kind": "tube", "id": "c", "outer_diameter": 50.0,
                                                                 "inner_diameter": 46.0, "height": 30.0}
    assert apply_edit("make it a tube", cyl).spec is None
    hexbar = {"body": {"kind": "polygon_prism", "id": "hex", "sides": 6, "height": 50.0, "across_flats": 19.0}}
    assert ok(hexbar, "M12 tapped hole through the middle")["features"][0]["size"] == "M12 tapped"
    rod = {"body": {"kind": "cylinder", "id": "rod", "diameter": 20.0, "height": 100.0}}
    (h,) = ok(rod, "add a 6mm cross hole 10 from one end")["features"]
    assert h["at"]["points"] == [[0.0, -40.0]]


def test_a_section_named_by_its_diameter_and_a_bore_carried_through_a_new_hub():
    shaft = {"body": {"kind": "shaft", "id": "shaft", "sections": [{"diameter": 35.0, "length": 40.0},
                                                                  {"diameter": 20.0, "length": 60.0},
                                                                  {"diameter": 15.0, "length": 25.0}]}}
    assert ok(shaft, "the 20 dia bit should be 80 long")["body"]["sections"][1] == {"diameter": 20.0, "length": 80.0}
    flange = {"body": {"kind": "cylinder", "id": "flange", "diameter": 100.0, "height": 10.0},
              "features": [{"id": "bore", "kind": "hole", "size": 30.0}]}
    feats = ok(flange, "add a hub on top, 50 dia and 20 tall, and carry the bore all the way through it")["features"]
    assert [(f["kind"], f.get("size")) for f in feats] == [("boss", None), ("hole", 30.0)]


def test_a_second_hole_in_each_leg_and_words_that_put_a_hole_that_is_there():
    feats = ok(L_BRACKET, "add a second hole in each leg, same size")["features"]
    assert [(f["size"], f["at"]["count"]) for f in feats] == [(6.0, 2), (6.0, 2)]
    plate = {"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 60.0, "height": 5.0},
             "features": [{"id": "holes", "kind": "hole", "size": 20.0}]}
    (h,) = ok(plate, "put the hole 30 from the left end")["features"]
    assert h["size"] == 20.0 and h["at"]["kind"] != "center"
    assert ok(plate, "length should be 80")["body"]["length"] == 80.0


OPEN_BOX = {"body": {"kind": "box", "id": "box", "length": 80.0, "width": 50.0, "height": 30.0},
            "features": [{"id": "shell", "kind": "shell", "thickness": 2.0, "open_face": "top"}]}


def test_holes_in_the_walls_of_an_open_box_and_its_floor():
    import math
    (_, h) = ok(OPEN_BOX, "hole in the front, 12 mm")["features"]
    assert (h["on"], h["depth"]) == ("front", 2.0)           # through the one front wall, not on through the back
    spec = ok(OPEN_BOX, "put a 10 mm hole in each end")
    assert spec["features"][1]["on"] == "left" and "depth" not in spec["features"][1]
    assert expectations(parse(spec))["volume"] == pytest.approx(80 * 50 * 30 - 76 * 46 * 28 - 2 * math.pi * 25 * 2)
    assert ok(OPEN_BOX, "thicker bottom, 5")["features"][0] == {"id": "shell", "kind": "shell", "thickness": 2.0,
                                                               "open_face": "top", "bottom": 5.0}


def test_a_spacer_for_a_screw_and_a_bar_turned_down_at_its_last_length():
    spacer = {"body": {"kind": "tube", "id": "spacer", "outer_diameter": 20.0, "inner_diameter": 8.5, "height": 15.0}}
    assert ok(spacer, "it needs to fit an M10 bolt")["body"]["inner_diameter"] == 11.0
    bar = {"body": {"kind": "cylinder", "id": "bar", "diameter": 25.0, "height": 150.0}}
    assert ok(bar, "turn down the last 30 mm to 20 dia")["body"]["sections"] == [{"diameter": 25.0, "length": 120.0},
                                                                                 {"diameter": 20.0, "length": 30.0}]


def test_a_slot_turned_in_words_set_side_by_side_and_a_feature_moved_off_centre():
    plate = {"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 50.0, "height": 8.0},
             "features": [{"id": "slot", "kind": "slot", "length": 40.0, "width": 10.0}]}
    for text in ("make the slot run the other way", "rotate the slot to run across"):
        assert ok(plate, text)["features"][0]["angle"] == 90.0, text
    (s,) = ok(plate, "two slots 30 apart")["features"]
    assert s["at"] == {"kind": "linear", "count": 2, "spacing": 30.0, "axis": "v", "center": [0.0, 0.0]}
    (s,) = ok(plate, "slot 20 mm off centre to the right")["features"]
    assert s["at"] == {"kind": "at", "points": [[20.0, 0.0]]} and s["length"] == 40.0


def test_a_radius_inside_an_l_brackets_bend_fills_the_corner():
    import math
    bracket = {"body": {**L_BRACKET["body"], "width": 40.0, "height": 45.0, "thickness": 3.0, "length": 25.0}}
    spec = ok(bracket, "fillet the inside of the bend, 3mm")
    assert spec["body"]["inner_radius"] == 3.0
    e = expectations(parse(spec))
    assert e["volume_exact"] and e["volume"] == pytest.approx(6198.29, rel=1e-5)    # the B-rep's volume (CadQuery)
    assert e["volume"] - expectations(parse(bracket))["volume"] == pytest.approx((1 - math.pi / 4) * 9 * 25)
    assert "inner_radius" not in ok(spec, "remove the radius inside the bend")["body"]
    assert apply_edit("chamfer the inside of the bend 2", bracket).spec is None


def test_a_stepped_body_made_longer_overall_and_a_flanges_bare_number():
    bush = {"body": {"kind": "shaft", "id": "bushing", "sections": [{"diameter": 30.0, "length": 3.0},
                                                                    {"diameter": 20.0, "length": 25.0}]},
            "features": [{"id": "bore", "kind": "hole", "size": 12.0}]}
    assert ok(bush, "overall 40 long")["body"]["sections"] == [{"diameter": 30.0, "length": 3.0},
                                                               {"diameter": 20.0, "length": 37.0}]
    assert ok(bush, "make it 40 long")["body"]["sections"][1]["length"] == 37.0
    assert ok(bush, "flange 35")["body"]["sections"][0] == {"diameter": 35.0, "length": 3.0}
    assert ok(bush, "flange 5 thick")["body"]["sections"][0] == {"diameter": 30.0, "length": 5.0}


def test_the_small_holes_by_their_table_size_and_the_same_blind_hole_on_the_other_end():
    plate = {"body": {"kind": "box", "id": "plate", "length": 120.0, "width": 80.0, "height": 6.0},
             "features": [{"id": "holes", "kind": "hole", "size": "M5 clearance", "at": {"kind": "corners", "inset": 8.0}},
                          {"id": "holes_2", "kind": "hole", "size": 30.0}]}
    assert [f["size"] for f in ok(plate, "make the small holes M6")["features"]] == ["M6 clearance", 30.0]
    rod = {"body": {"kind": "cylinder", "id": "rod", "diameter": 30.0, "height": 50.0},
           "features": [{"id": "holes", "kind": "hole", "size": "M6 tapped", "depth": 12.0}]}
    feats = ok(rod, "put the same on the other end")["features"]
    assert [(f.get("on", "top"), f["size"], f["depth"]) for f in feats] == [("top", "M6 tapped", 12.0),
                                                                           ("bottom", "M6 tapped", 12.0)]


def test_a_hub_added_to_a_bored_part_takes_the_bore_through_it():
    gear = {"body": {"kind": "spur_gear", "id": "gear", "module": 2.0, "teeth": 20, "thickness": 10.0},
            "features": [{"id": "bore", "kind": "hole", "size": 8.0}]}
    r = apply_edit("add a hub 20 dia 8 long", gear)
    hub, bore = r.spec["features"]
    assert hub["kind"] == "boss" and bore["on"]["plane"] == "XY" and any("bore goes on through" in n for n in r.notes)


def test_a_value_changed_with_its_word_after_it():
    plate = {"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 60.0, "height": 5.0},
             "features": [{"id": "holes", "kind": "hole", "size": 5.0, "at": {"kind": "corners", "inset": 8.0}}]}
    spec = ok(plate, "5 -> 8 thick")
    assert spec["body"]["height"] == 8.0 and spec["features"][0]["size"] == 5.0
    assert apply_edit("change 5 to 8", plate).spec is None         # the height or the holes: asked


def test_the_post_is_the_boss_the_part_has():
    base = {"body": {"kind": "box", "id": "base_plate", "length": 80.0, "width": 60.0, "height": 10.0},
            "features": [{"id": "boss", "kind": "boss", "diameter": 20.0, "height": 30.0}]}
    spec = ok(base, "make the post 40 tall")
    assert spec["body"]["height"] == 10.0 and spec["features"][0]["height"] == 40.0     # it made the base 40 tall
    assert ok(base, "post 25 dia")["features"][0]["diameter"] == 25.0


@pytest.mark.parametrize("text", ["flange 10 thick", "make the wall 3"])
def test_words_for_what_a_solid_block_does_not_have_decline(text):
    r = apply_edit(text, BLOCK)
    assert r.spec is None and r.failed


def test_a_part_named_a_flange_is_its_flange_and_a_shell_said_outright_is_added():
    flange = {"body": {"kind": "box", "id": "square_flange", "name": "square flange", "length": 80.0, "width": 80.0,
                       "height": 10.0}}
    assert ok(flange, "flange 12 thick")["body"]["height"] == 12.0
    assert ok(BLOCK, "shell it 3mm walls")["features"][0]["kind"] == "shell"


def test_an_inch_fraction_added_to_a_metric_part():
    assert ok(BLOCK, "add 1/2 inch to the height")["body"]["height"] == pytest.approx(32.7)


def test_a_row_spread_by_words_and_recounted_over_its_span():
    plate = {"body": {"kind": "box", "id": "plate", "length": 120.0, "width": 80.0, "height": 6.0},
             "features": [{"id": "holes", "kind": "hole", "size": 8.0, "at": {"kind": "linear", "count": 2, "spacing": 60.0}}]}
    (h,) = ok(plate, "spread the holes out to 80")["features"]
    assert h["size"] == 8.0 and h["at"]["spacing"] == 80.0             # it made them Ø80
    (h,) = ok(plate, "make it three holes")["features"]
    assert (h["at"]["count"], h["at"]["spacing"]) == (3, 30.0)
    (h,) = ok(plate, "holes 20 in from each end")["features"]
    assert h["at"]["spacing"] == 80.0


def test_a_tubes_bore_rims_and_holes_said_without_a_verb_on_a_bored_disc():
    tube = {"body": {"kind": "tube", "id": "tube", "outer_diameter": 60.0, "inner_diameter": 50.0, "height": 80.0}}
    for text in ("chamfer the inside edge 1", "put a 1mm chamfer on the centre hole"):
        (c,) = ok(tube, text)["features"]
        assert (c["kind"], c["edges"], c["size"]) == ("chamfer", "holes", 1.0), text
    assert apply_edit("chamfer the top inside edge 1", tube).spec is None      # one end's rim alone: not a set
    disc = {"body": {"kind": "tube", "id": "disc", "outer_diameter": 100.0, "inner_diameter": 20.0, "height": 12.0}}
    (h,) = ok(disc, "six 8mm holes equally spaced on 80 PCD")["features"]
    assert h["at"]["kind"] == "bolt_circle" and h["at"]["count"] == 6 and h["size"] == 8.0


@pytest.mark.parametrize("text", ["make it 8 thck", "pls make it thicker like 8", "thickness -> 8mm"])
def test_typed_fast(text):
    spec = ok({"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 60.0, "height": 5.0}}, text)
    assert spec["body"]["height"] == 8.0


def test_a_letter_dropped_from_a_five_letter_word():
    from cadagent.tools.understand.spelling import correct
    assert correct("make the hols 6")[0] == "make the holes 6"
    assert correct("make it long and thin")[0] == "make it long and thin"      # words of four letters are kept


def test_two_changes_where_it_is_the_feature_just_named_or_a_size_follows_a_semicolon():
    block = {"body": {"kind": "box", "id": "block", "length": 80.0, "width": 50.0, "height": 20.0},
             "features": [{"id": "holes", "kind": "hole", "size": 10.0}]}
    (h,) = ok(block, "move the hole 10 left and make it 12")["features"]    # the size was dropped, marked ok
    assert h["size"] == 12.0 and h["at"] == {"kind": "at", "points": [[-10.0, 0.0]]}
    spec = ok(block, "make it 100 long; hole 12")                            # it read 100 holes
    assert spec["body"]["length"] == 100.0 and spec["features"][0]["size"] == 12.0


def test_two_changes_the_second_one_on_the_part_itself_is_not_dropped():
    plate = {"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 100.0, "height": 10.0},
             "features": [{"id": "holes", "kind": "hole", "size": 8.0}]}
    feats = ok(plate, "make the plate 12 thick and round its corners 10mm")["features"]
    assert feats[-1] | {"id": "x"} == {"id": "x", "kind": "fillet", "edges": "vertical", "radius": 10.0}   # it was dropped
    spec = ok(plate, "2 holes instead and make it 6mm thicker")
    assert spec["body"]["height"] == 16.0 and spec["features"][0]["size"] == 8.0


def test_later_outsider_wordings():
    disc = {"body": {"kind": "cylinder", "id": "disc", "diameter": 100.0, "height": 10.0},
            "features": [{"id": "holes", "kind": "hole", "size": 10.0, "at": {"kind": "bolt_circle", "count": 6, "diameter": 70.0}}]}
    (h,) = ok(disc, "8 holes, and drop them to 8 mm")["features"]          # the size was dropped, marked ok
    assert (h["at"]["count"], h["size"]) == (8, 8.0)
    spec = ok(disc, "and bump them up to 12 dia")
    assert spec["body"]["diameter"] == 100.0 and spec["features"][0]["size"] == 12.0
    shaft = {"body": {"kind": "shaft", "id": "shaft", "sections": [{"diameter": 30.0, "length": 80.0},
                                                                  {"diameter": 20.0, "length": 40.0}]}}
    assert ok(shaft, "make that step 50 long")["body"]["sections"] == [{"diameter": 30.0, "length": 70.0},
                                                                       {"diameter": 20.0, "length": 50.0}]
    rod = {"body": {"kind": "cylinder", "id": "rod", "diameter": 20.0, "height": 80.0}}
    assert ok(rod, "turn down 30 mm of one end to Ø12")["body"]["sections"][-1] == {"diameter": 12.0, "length": 30.0}
    plate = {"body": {"kind": "box", "id": "plate", "length": 150.0, "width": 100.0, "height": 8.0},
             "features": [{"id": "holes", "kind": "hole", "size": 12.0, "at": {"kind": "at", "points": [[-50.0, -30.0]]}}]}
    (f,) = ok(plate, "same hole again but 25 from the right edge")["features"]      # a copy: on the same line
    assert f["size"] == 12.0 and f["at"] == {"kind": "at", "points": [[-50.0, -30.0], [50.0, -30.0]]}


def test_an_inch_plates_hole_opened_up_and_moved_toward_a_short_end():
    plate = {"units": "in", "body": {"kind": "box", "id": "plate", "length": 152.4, "width": 101.6, "height": 12.7},
             "features": [{"id": "holes", "kind": "hole", "size": 12.7}]}
    spec = ok(plate, "open it up to .625")
    assert spec["features"][0]["size"] == pytest.approx(15.875) and spec["body"]["length"] == 152.4
    (h,) = ok(spec, "move that hole 1 in toward one of the short ends")["features"]
    assert h["at"] == {"kind": "at", "points": [[25.4, 0.0]]}
    tall = {"body": {"kind": "box", "id": "plate", "length": 60.0, "width": 100.0, "height": 5.0},
            "features": [{"id": "holes", "kind": "hole", "size": 10.0}]}
    (h,) = ok(tall, "move the hole 10 toward one of the short ends")["features"]
    assert h["at"] == {"kind": "at", "points": [[0.0, 10.0]]}
