"""Edits in the words of outsiders' conversations (session 8): a copy placed from the hole it copies and said to match
after its place, holes picked by the order they were made, a new plain hole beside counterbored ones, the counterbored
holes on one side dropped, a hex made round, a size said to stay, a screw named before the hole's own sizes, one more
between a pair, one more of a pattern at the middle, a shell taken out, bare numbers on a cm part that only fit as mm.
Each asserts the edited spec's sizes and places, or its exact volume, and what the answer says was assumed."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand


def ok(spec: dict, text: str):
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r


def volume(spec: dict) -> float:
    return expectations(parse(spec))["volume"]


BLOCK = understand("block 120 x 60 x 15, one 8 mm hole through, 30 from the left end").spec


@pytest.mark.parametrize("text", ["another hole 25 to the right of it, same size", "one more hole 25 right of it, identical",
                                  "add another hole 25 mm to the right of it, same as the first one"])
def test_a_copy_said_to_match_after_its_place_keeps_the_size(text):
    spec = ok(BLOCK, text).spec
    (f,) = spec["features"]
    assert f["size"] == 8 and f["at"] == {"kind": "at", "points": [[-30.0, 0.0], [-5.0, 0.0]]}


def test_holes_picked_by_the_order_they_were_made():
    two = ok(BLOCK, "another hole 25 to the right of it, same size").spec
    second = ok(two, "make the second one 5").spec
    assert [(f["size"], f["at"]["points"]) for f in second["features"]] == [(8, [[-30.0, 0.0]]), (5, [[-5.0, 0.0]])]
    r = ok(second, "move the first one to 12 from the end")
    first = r.spec["features"][0]
    assert first["size"] == 8 and first["at"]["edge"] == "left" and first["at"]["distance"] == 12
    assert any("the left end" in n for n in r.notes)


def test_a_plain_hole_added_beside_counterbored_ones_is_new_and_the_right_pair_can_go():
    plate = understand("plate 100x80x12, 4 holes 6.6 thru with Ø11 counterbore 6.5 deep, 15 in from the edges").spec
    spec = ok(plate, "put a plain 25mm hole in the middle").spec
    assert [(f["size"], "cbore" in f) for f in spec["features"]] == [(6.6, True), (25, False)]
    r = ok(spec, "remove the two counterbores on the left side")
    kept = r.spec["features"][0]
    assert kept["cbore"] == {"diameter": 11, "depth": 6.5} and sorted(kept["at"]["points"]) == [[35.0, -25.0], [35.0, 25.0]]
    one = math.pi * (3.3 ** 2 * 12 + (5.5 ** 2 - 3.3 ** 2) * 6.5)
    assert volume(r.spec) == pytest.approx(100 * 80 * 12 - math.pi * 12.5 ** 2 * 12 - 2 * one)


@pytest.mark.parametrize("text,kind", [("make it round instead of hex, 9 dia", "tube"), ("round not hex please, Ø9", "tube")])
def test_a_hex_made_round_keeps_its_bore_and_height(text, kind):
    hexbar = understand("hex spacer 8 AF 30 long with a 3.2 hole through").spec
    body = ok(hexbar, text).spec["body"]
    assert body["kind"] == kind and body["outer_diameter"] == 9 and body["inner_diameter"] == 3.2 and body["height"] == 30


def test_a_hex_made_round_without_a_diameter_is_asked():
    r = apply_edit("make it round", understand("hex bar 20 AF 50 long").spec)
    assert r.spec is None and "round diameter" in r.failed[0]


def test_a_size_said_to_stay_is_no_change():
    bush = understand("flanged bushing, body Ø16 x 20 long, flange Ø28 x 3, Ø10 bore through").spec
    r = ok(bush, "flange 5 thick, the body stays 20")
    assert [s["length"] for s in r.spec["body"]["sections"]] == [5, 20]
    assert any("stays 20" in n for n in r.notes)
    cup = ok(understand("cylinder 30 dia 50 tall").spec, "shell it 3mm, open top").spec
    r = ok(cup, "make it 45 dia, keep the 3 wall")
    assert r.spec["body"]["diameter"] == 45 and r.spec["features"][0]["thickness"] == 3


def test_the_screw_named_before_the_holes_own_sizes_and_one_more_between_a_pair():
    plate = understand("plate 90 x 40 x 6, two countersunk holes 50 apart on the centre line, 4.5 thru, 9 dia x 90° csk").spec
    r = ok(plate, "change them to M6 - 6.6 thru with a 13 countersink")
    (f,) = r.spec["features"]
    assert f["size"] == 6.6 and f["csink"]["diameter"] == 13 and any("M6 is the screw" in n for n in r.notes)
    three = ok(r.spec, "add one more, same, halfway between the two").spec["features"][0]
    assert three["at"]["count"] == 3 and three["at"]["spacing"] == 25 and three["csink"]["diameter"] == 13


@pytest.mark.parametrize("text", ["add a fifth one in the middle, same", "one more dead centre, same as the others"])
def test_one_more_of_a_pattern_at_the_middle_keeps_its_heads(text):
    plate = understand("plate 120 x 80 x 10, 4 holes 6.6 thru with Ø11 counterbore 5 deep, 10 from the edges").spec
    spec = ok(plate, text).spec
    assert [((f.get("at") or {}).get("kind"), f["size"], f.get("cbore")) for f in spec["features"]] == [
        ("corners", 6.6, {"diameter": 11, "depth": 5}), ("center", 6.6, {"diameter": 11, "depth": 5})]


def test_a_shell_taken_out_and_bolts_counted_as_holes():
    box = understand("open top box 100 x 60 x 40, 2 mm walls").spec
    assert ok(box, "actually make it a solid block again").spec["features"] == []
    flange = understand("flange 120 dia 10 thick, 4 holes 9 mm on a 90 bolt circle").spec
    assert ok(flange, "6 bolts instead of 4").spec["features"][0]["at"]["count"] == 6


def test_bare_numbers_on_a_cm_part_that_only_fit_as_mm():
    plate = understand("plate 10 cm by 6 cm, 1 cm thick").spec
    r = ok(plate, "4 holes Ø5, 1 cm in from the corners")
    assert r.spec["features"][0]["size"] == 5 and any("read as mm" in n for n in r.notes)
    assert apply_edit("a 3 hole in the middle", plate).spec["features"][0]["size"] == 30     # 3 cm fits: cm


def test_holes_made_slots_where_they_are():
    plate = understand("plate 100 x 60 x 5 with two 6.5 holes 60 apart").spec
    r = ok(plate, "turn the holes into slots 15 long")
    (f,) = r.spec["features"]
    assert (f["kind"], f["length"], f["width"], f["at"]["count"], f["at"]["spacing"]) == ("slot", 15, 6.5, 2, 60)
    assert any("diameter of holes" in n for n in r.notes)
    assert apply_edit("make them slots", plate).spec is None       # how long is asked


def test_a_row_said_to_stay_apart_is_no_change_and_a_pocket_cut_through():
    plate = understand("plate 100 x 60 x 6 with two 8 mm holes 50 apart and a 40 x 20 pocket 3 deep in the middle").spec
    r = ok(plate, "make it 140 long, holes stay 50 apart in the middle")
    assert r.spec["body"]["length"] == 140 and r.spec["features"][0]["at"]["spacing"] == 50
    pocket = ok(plate, "cut the pocket right through, so it's an opening").spec["features"][1]
    assert pocket["kind"] == "pocket" and "depth" not in pocket and pocket["length"] == 40


def test_grid_counts_keep_their_way_round_and_the_span_said_again():
    plate = understand("plate 240 x 120 x 8, 2x5 grid of Ø8 holes, 40 pitch, centered").spec
    assert ok(plate, "3x6 grid").spec["features"][0]["at"]["counts"] == [6, 3]
    square = understand("plate 100 x 100 x 6, 4 x 6.6 holes on an 80 square pattern").spec
    at = ok(square, "switch to a 5 by 5 grid on the same 80 square").spec["features"][0]["at"]
    assert at["counts"] == [5, 5] and at["spacing"] == [20, 20]
    assert ok(square, "Ø8").spec["features"][0]["size"] == 8


def test_a_counterbore_at_the_other_end_of_a_through_hole():
    bar = understand("round bar 30 dia 50 long, an 8 mm hole 20 deep in the centre of one end").spec
    bar = ok(bar, "drill it all the way through").spec
    r = ok(bar, "on the opposite end add a 14 mm counterbore 5 deep around that hole")
    (h,) = r.spec["features"]
    assert h["on"] == "bottom" and h["size"] == 8 and h["cbore"] == {"diameter": 14, "depth": 5}
    assert volume(r.spec) == pytest.approx(math.pi * (15 ** 2 * 50 - 4 ** 2 * 50 - (7 ** 2 - 4 ** 2) * 5))


def test_a_channels_sides_a_copy_either_side_along_its_base_and_a_shaft_trimmed_at_its_end():
    u = understand("U channel 50 wide outside, 30 tall, 3 thick, 120 long").spec
    assert ok(u, "raise the sides to 40").spec["body"]["height"] == 40
    holed = ok(u, "a 6 mm hole in the middle of the base").spec
    (h,) = ok(holed, "and the same again 40 to either side of it").spec["features"]
    assert sorted(map(tuple, h["at"]["points"])) == [(0.0, -40.0), (0.0, 0.0), (0.0, 40.0)]
    shaft = understand("stepped shaft: Ø25 x 40, then Ø35 x 30, then Ø25 x 20").spec
    r = ok(shaft, "cut 5 off the end")
    assert [s["length"] for s in r.spec["body"]["sections"]] == [40, 30, 15]
    assert any("last section" in n for n in r.notes)


@pytest.mark.parametrize("text,legs", [("make the horizontal part 70 long", (70, 80)), ("base 70 long", (70, 80)),
                                       ("vertical side 100", (50, 100)), ("cut the upright down to 60", (50, 60))])
def test_an_ls_part_named_by_its_place_is_that_leg_not_the_run(text, legs):
    angle = understand("L bracket 50 x 80 legs, 30 wide, 5 thick").spec
    body = ok(angle, text).spec["body"]
    assert (body["width"], body["height"], body["length"]) == (*legs, 30)


def test_an_angles_section_and_a_bars_overall_length():
    body = ok(understand("angle 40 x 40 x 4, 200 long").spec, "50x50x5").spec["body"]
    assert (body["width"], body["height"], body["thickness"], body["length"]) == (50, 50, 5, 200)
    assert ok(understand("bar 200 x 30 x 10").spec, "250 overall").spec["body"]["length"] == 250


def test_the_outline_each_way_and_a_copy_like_the_big_one():
    plate = understand("plate 120 x 80 x 10 with four 8 mm holes 10 from the corners and a 30 mm hole in the middle").spec
    body = ok(plate, "10 mm shorter each way").spec["body"]
    assert (body["length"], body["width"]) == (110, 70)         # the length alone was changed
    body = ok(plate, "5 wider all round").spec["body"]
    assert (body["length"], body["width"]) == (130, 90)
    big = ok(plate, "another hole the same as the big one, 40 to the right of it").spec["features"][1]
    assert big["size"] == 30 and big["at"]["points"] == [[0.0, 0.0], [40.0, 0.0]]
    r = apply_edit("one more like the middle one, 30 left of it", plate)     # overlaps it: declined, not a Ø30 row
    assert r.spec is None and "overlap" in r.failed[0]


@pytest.mark.parametrize("text,size,on", [("a 10 mm cross hole through the side", 10, "front"),
                                          ("an M6 tapped hole in the middle", "M6 tapped", "top"),
                                          ("one 10 mm hole in the centre as well", 10, "top")])
def test_a_hole_said_with_its_article_is_a_new_one(text, size, on):
    block = understand("block 80 x 60 x 30 with two 8 mm holes 50 apart").spec
    holes = ok(block, text).spec["features"]       # the two 8 mm holes were changed
    assert [(f["size"], f["on"]) for f in holes] == [(8, "top"), (size, on)]


@pytest.mark.parametrize("text,holes", [
    ("another 10 mm hole 40 right of the first", [(10, [[-45.0, 0.0], [-5.0, 0.0]])]),
    ("add a second hole 40 mm to the right of the first one", [(10, [[-45.0, 0.0], [-5.0, 0.0]])]),
    ("another hole 20 from the right end", [(10, [[-45.0, 0.0], [55.0, 0.0]])]),
    ("one more hole, 10 from the end", [(10, [[-45.0, 0.0], [-65.0, 0.0]])]),
    ("another 6mm hole 20 above it", [(10, None), (6, [[-45.0, 20.0]])]),
    ("another hole 8 mm 20 from the right end", [(10, None), (8, None)])])
def test_one_more_hole_is_never_the_one_there_moved(text, holes):
    plate = understand("plate 150 x 80 x 8, one 10 mm hole 30 from the left end").spec
    got = ok(plate, text).spec["features"]        # the hole there was moved, or made a centred row
    assert [(f["size"], f["at"].get("points") if want is not None else None) for f, (_, want) in zip(got, holes)] == holes
    if len(holes) == 2:
        assert got[0]["at"] == {"kind": "from_edge", "edge": "left", "distance": 30, "along": 0}


def test_edge_treatments_by_their_edges_angle_and_all_of_them():
    block = understand("block 80 x 50 x 30, 5 mm fillet on the vertical edges, 1 mm chamfer on the top edges").spec
    feats = ok(block, "make the top chamfer 2").spec["features"]        # the fillets were made chamfers
    assert [(f["kind"], f["edges"], f.get("radius", f.get("size"))) for f in feats] == [("fillet", "vertical", 5),
                                                                                        ("chamfer", "top", 2)]
    feats = ok(block, "change the fillets to 45 degree chamfers 4 mm").spec["features"]     # (45 was the radius)
    assert [(f["kind"], f.get("size")) for f in feats] == [("chamfer", 4), ("chamfer", 1)]
    assert ok(block, "remove all edge treatments").spec["features"] == []


def test_holes_added_in_the_bottom_of_a_box_leave_its_floor():
    box = understand("open top box 120 x 80 x 50 outside, 3 mm walls, 4 mm floor").spec
    feats = ok(box, "add 4 holes 4 mm in the bottom 10 from the corners").spec["features"]   # the floor was made 10 thick
    assert feats[0]["bottom"] == 4 and (feats[1]["on"], feats[1]["at"]) == ("bottom", {"kind": "corners", "inset": 10})


@pytest.mark.parametrize("text", ["add a 6 mm hole through both walls", "cross hole 6 mm through both walls in the middle",
                                  "add a 6 mm cross hole"])
def test_a_cross_hole_in_a_tube_is_no_new_bore(text):
    tube = understand("tube 40 OD 30 ID 100 long").spec
    spec = ok(tube, text).spec           # the bore was made 6
    assert spec["body"]["inner_diameter"] == 30 and [(f["size"], f["on"]) for f in spec["features"]] == [(6, "front")]


def test_a_pocket_made_round_or_square_where_it_is():
    plate = understand("plate 200 x 100 x 10 with a 60 x 30 pocket 5 deep in the middle").spec
    (p,) = ok(plate, "make the pocket a circle 40 dia").spec["features"]
    assert (p["shape"], p["diameter"], p["depth"]) == ("circle", 40, 5)
    (p,) = ok(plate, "round the pocket corners 5").spec["features"]         # its corners, not a Ø5 pocket
    assert (p["shape"], p["corner_radius"]) == ("rect", 5)
    assert apply_edit("make the pocket round", plate).spec is None           # the diameter is asked


@pytest.mark.parametrize("text,counts", [("3 holes per leg", [3, 3]), ("holes 30 apart", [2, 2]),
                                         ("make the holes in the base 8", [2, 2])])
def test_an_angles_holes_in_both_legs_change_together_unless_a_leg_is_named(text, counts):
    angle = understand("L bracket 60 x 60 legs, 40 wide, 5 thick, two 6 mm holes in each leg 25 apart").spec
    spec = ok(angle, text).spec              # only the upright's holes changed; 'in the base 8' made the base leg 8 long
    assert spec["body"]["width"] == 60 and [f["at"]["count"] for f in spec["features"]] == counts
    if "apart" in text:
        assert [f["at"]["spacing"] for f in spec["features"]] == [30, 30]
    if "base" in text:
        assert [f["size"] for f in spec["features"]] == [8, 6]


def test_the_first_and_second_of_two_copies_keep_their_places():
    two = ok(BLOCK, "another hole 25 to the right of it, same size").spec
    spec = ok(ok(two, "make the first one 6").spec, "make the second one 5").spec
    assert sorted((f["at"]["points"][0][0], f["size"]) for f in spec["features"]) == [(-30.0, 6), (-5.0, 5)]


@pytest.mark.parametrize("text", ["it should have a 20 mm hole in the middle", "there should be a 20 mm hole in the middle",
                                  "I need a 20 mm hole in the middle"])
def test_a_hole_the_part_should_have_is_a_new_one(text):
    plate = understand("plate 120 x 80 x 10 with four 8 mm holes 10 from the corners").spec
    feats = ok(plate, text).spec["features"]         # the corner holes were made 20
    assert [(f["size"], f["at"]["kind"]) for f in feats] == [(8, "corners"), (20, "center")]


def test_a_cm_cube_made_40_is_40_mm_not_40_cm():
    cube = understand("a cube 3cm per side with a 1cm hole through the middle").spec
    r = ok(cube, "and make the cube 40")          # 400 mm, 13 times its size, was asked
    assert r.spec["body"]["length"] == 40 and any("read as mm" in n for n in r.notes)
    assert ok(cube, "make it 4").spec["body"]["length"] == 40          # 4 cm: as said


def test_a_shafts_small_end_said_with_a_bare_number_is_its_diameter():
    shaft = ok(understand("shaft 20 dia x 100 long").spec, "turn the last 20 mm down to 15 dia (keep overall length)").spec
    r = ok(shaft, "small end 12 instead")             # (a cone's top diameter to the tagger: refused)
    assert r.spec["body"]["sections"] == [{"diameter": 20, "length": 80}, {"diameter": 12, "length": 20}]


def test_two_more_of_a_patterns_holes_one_on_each_side():
    block = understand("block 90 x 60 x 20 with 4 holes 6.6 dia, 10 mm from the edges").spec
    feats = ok(block, "add two more of the same holes in the middle of each long side, 10 in from the edge").spec["features"]
    assert feats[1]["size"] == 6.6 and sorted(feats[1]["at"]["points"]) == [[0.0, -20.0], [0.0, 20.0]]


def test_a_hole_said_by_its_radius_and_a_countersink_angle_first():
    block = understand("block 100 x 60 x 20 with a 10 mm hole in the middle").spec
    assert ok(block, "hole r6").spec["features"][0]["size"] == 12          # it was made Ø6
    assert ok(block, "countersink 90 deg 20").spec["features"][0]["csink"] == {"diameter": 20, "angle": 90}


def test_a_hole_sent_to_the_middle_with_its_new_size():
    plate = understand("plate 120 x 80 x 10 with a 10 mm hole 30 from the left end").spec
    (h,) = ok(plate, "hole to the middle, 15 dia").spec["features"]        # only its size was changed
    assert (h["size"], h["at"]) == (15, {"kind": "center"})
