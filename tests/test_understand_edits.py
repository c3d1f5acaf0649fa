"""Edits in plain words become spec operations on the current spec, and compose turn after turn."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand


def volume(spec: dict) -> float:
    return expectations(parse(spec))["volume"]


def run(first: str, *edits: str) -> dict:
    spec = understand(first).spec
    for text in edits:
        r = apply_edit(text, spec)
        assert r.spec is not None, f"{text!r}: {r.explain()}"
        spec = r.spec
    return spec


def test_five_turns_compose():
    spec = run("a cube, 40mm", "put a 1 mm chamfer around the top edges", "bigger chamfer - 3 mm",
               "swap those chamfers for 4 mm fillets", "10 mm taller please")
    assert spec["body"]["height"] == 50 and spec["body"]["length"] == 40
    (f,) = spec["features"]
    assert f == {"id": "bevel", "kind": "fillet", "edges": "top", "radius": 4}


def test_sizes_relative_scaled_and_set():
    spec = run("block 10 x 6 x 4 cm", "shorten it by 2 cm")
    assert spec["body"]["length"] == 80
    spec = run("box 5 cm x 3 cm x 2 cm", "make every dimension one cm bigger")
    assert [spec["body"][k] for k in ("length", "width", "height")] == [60, 40, 30]
    spec = run("30 mm cube", "twice as tall please", "and cut the width in half")
    assert [spec["body"][k] for k in ("length", "width", "height")] == [30, 15, 60]
    spec = run('rod 1/2" dia, 4" long', "make it 6 inches", '3/4" diameter')
    assert spec["body"]["height"] == pytest.approx(152.4) and spec["body"]["diameter"] == pytest.approx(19.05)
    spec = run("tube 30 OD, 24 ID, 50 long", "thicker wall please: keep the outside, make the inside 20")
    assert spec["body"]["inner_diameter"] == 20 and spec["body"]["outer_diameter"] == 30


def test_hole_edits():
    spec = run("flange 100 OD, 10 thick, 40 bore, 4 x 9 holes on 80 PCD", "make it six holes", "open the bore up to 50")
    holes = {f["id"]: f for f in spec["features"]}
    assert holes["holes"]["at"]["count"] == 6 and holes["bore"]["size"] == 50
    spec = run("plate 100x100x4 with a 3x3 grid of 8 mm holes, 30 apart", "go 4x4 instead, 22 mm spacing",
               "smaller holes, 6 mm")
    (h,) = spec["features"]
    assert h["at"]["counts"] == [4, 4] and h["at"]["spacing"] == [22, 22] and h["size"] == 6
    spec = run("puck 60 diameter, 20 tall", "three 6 mm holes on a 40 mm circle", "make the holes M5 clearance instead")
    (h,) = spec["features"]
    assert h["size"] == "M5 clearance" and h["at"]["count"] == 3


def test_features_added_removed_and_shelled():
    spec = run("box 60 x 40 x 20 high with the vertical edges rounded, r6", "take the rounds off again, I want sharp corners")
    assert spec["features"] == []
    spec = run("solid block 100 long, 60 wide, 40 high", "hollow it out with 2 mm walls and leave the top open",
               "hmm, go with 3 mm walls instead")
    (s,) = spec["features"]
    assert s["thickness"] == 3 and s["open_face"] == "top"
    assert volume(spec) == pytest.approx(100 * 60 * 40 - 94 * 54 * 37)
    spec = run("shaft 16 dia 80 long", "cut a keyway 5 wide 3 deep along the whole length")
    (k,) = spec["features"]
    assert (k["kind"], k["width"], k["depth"], k["length"]) == ("keyway", 5, 3, 80)


def test_hub_with_the_bore_going_through():
    spec = run("flange 90 dia 10 thick, 25 bore", "add a hub on one side, 45 dia and 15 tall, with the same bore going through")
    kinds = [f["kind"] for f in spec["features"]]
    assert kinds == ["boss", "hole"]          # the bore is cut after the hub, from the hub's top
    assert spec["features"][1]["on"]["offset"] == 25


def test_what_cannot_be_done_is_said():
    spec = understand("30 mm cube").spec
    r = apply_edit("make it purple and shiny", spec)
    assert r.spec is None and r.failed and "no change I could read" in r.failed[0]
    r = apply_edit("remove the fillets", spec)
    assert r.spec is None and r.failed == ["there is no fillet to remove"]
    r = apply_edit("make it 40 mm shorter", spec)
    assert r.spec is None and "length would be -10 mm" in r.failed[0]


def test_closed_shell_stays_closed_through_edits():
    spec = run("hollow cube 50 mm with 3 mm walls, fully closed inside (a sealed void)", "10 mm taller please")
    assert spec["features"][0]["open_face"] is None
    assert volume(spec) == pytest.approx(50 * 50 * 60 - 44 * 44 * 54)
    assert math.isclose(spec["body"]["height"], 60)


def test_move_taper_percent_and_patterns():
    spec = run("block 80 x 40 x 10 with a 10 mm hole in the middle", "move the hole 15 mm to the left")
    assert spec["features"][0]["at"] == {"kind": "at", "points": [[-15, 0]]}
    spec = run("cylinder 40 dia 30 tall", "taper it so the top is 10 across")
    assert spec["body"] == {"kind": "cone", "id": "cylinder", "bottom_diameter": 40, "top_diameter": 10, "height": 30}
    spec = run("plate 100 x 60 x 8", "scale it up by 50%")
    assert [spec["body"][k] for k in ("length", "width", "height")] == [150, 90, 12]
    spec = run("plate 100 x 60 x 8 with four 5 mm holes 10 mm in from the corners", "use 6 holes instead of 4")
    assert spec["features"][0]["at"] == {"kind": "grid", "counts": [3, 2], "spacing": [40, 40], "center": [0, 0]}
    spec = run("tube 30 OD 20 ID 50 long", "make the wall 4 mm")
    assert spec["body"]["inner_diameter"] == 22
    r = apply_edit("the holes should be 25 mm apart", understand("box 80x60x40").spec)
    assert r.spec is None and r.failed == ["there are no holes to change; say 'add ...' to make new ones"]


def test_intent_hint_for_the_router():
    from cadagent.tools.understand import intent_hint

    gear = understand("gear, module 2, 20 teeth, 8 thick").spec
    shelled = understand("box 100x60x40 2 mm walls open top").spec
    assert intent_hint("gear, module 2, 20 teeth, 8 thick", None) == "new_design"
    assert intent_hint("give it 30 teeth", gear) == "modify"
    assert intent_hint("and 12 thick", gear) == "modify"
    assert intent_hint("hmm, go with 3 mm walls instead", shelled) == "modify"
    assert intent_hint("forget the gear. start over: a plain disc, 50 mm across, 8 thick", gear) == "new_design"
    assert intent_hint("how heavy is it in aluminium?", shelled) is None


@pytest.mark.parametrize("text,check", [
    ("make it longer by 20 mm", lambda s: s["body"]["length"] == 120),
    ("add 20mm to the length", lambda s: s["body"]["length"] == 120),
    ("make it 50% thicker", lambda s: s["body"]["height"] == 12),
    ("make those holes countersunk, 10 mm head", lambda s: s["features"][0]["csink"]["diameter"] == 10),
    ("counterbore the holes 9 mm x 4 deep", lambda s: s["features"][0]["cbore"] == {"diameter": 9, "depth": 4}),
    ("space the holes 15 mm from the edges", lambda s: s["features"][0]["at"]["inset"] == 15),
    ("make the corner holes 12 mm in", lambda s: s["features"][0]["at"]["inset"] == 12),
    ("add two more holes", lambda s: s["features"][0]["at"]["counts"] == [3, 2]),
    ("add a slot 20 x 6 in the middle", lambda s: (s["features"][1]["length"], s["features"][1]["width"]) == (20, 6)),
])
def test_edit_phrasings(text, check):
    spec = understand("plate 100 x 60 x 8 with four 5 mm holes 10 mm in from the corners").spec
    r = apply_edit(text, spec)
    assert r.spec is not None and check(r.spec), r.explain()


def test_edits_that_must_not_guess():
    plate = understand("plate 100 x 60 x 8 with four 5 mm holes 10 mm in from the corners").spec
    assert apply_edit("mirror the holes", plate).failed[0].startswith("mirroring is done for one placed hole")
    cyl = understand("cylinder 40 dia 50 tall").spec
    assert apply_edit("radius 25", cyl).spec["body"]["diameter"] == 50
    box = understand("box 80x60x40, 2 mm walls, open top").spec
    assert apply_edit("close the top", box).spec["features"][0]["open_face"] is None
    assert apply_edit("make it 10 mm deeper", box).spec["body"]["height"] == 50


@pytest.mark.parametrize("text,check", [
    ("holes 2 mm bigger", lambda s: s["features"][0]["size"] == 7 and s["body"]["length"] == 100),
    ("shrink it by 10%", lambda s: [s["body"][k] for k in ("length", "width")] == [90, 54]),
    ("resize to 150 x 90 x 6", lambda s: [s["body"][k] for k in ("length", "width", "height")] == [150, 90, 6]),
    ("move the holes 5 mm further in", lambda s: s["features"][0]["at"]["inset"] == 15),
    ("get rid of the corner holes and put one 20mm hole in the middle",
     lambda s: [(f["size"], f["at"]["kind"]) for f in s["features"]] == [(20, "center")]),
    ("bump the thickness up to 10", lambda s: s["body"]["height"] == 10),
    ("round over the top edges 2 mm", lambda s: s["features"][1] == {"id": "round", "kind": "fillet", "edges": "top",
                                                                     "radius": 2}),
])
def test_more_edit_phrasings(text, check):
    spec = understand("plate 100 x 60 x 8 with four 5 mm holes 10 mm in from the corners").spec
    r = apply_edit(text, spec)
    assert r.spec is not None and check(r.spec), r.explain()
    assert apply_edit("knurl it", spec).failed == ["the offline engine does not build knurl"]


def test_edits_on_patterns_and_pockets():
    spec = run("bracket plate 80 x 40 x 5 with two 6 mm holes 50 mm apart", "move them 10 mm further apart",
               "add a third hole in the middle, same size", "thicken to 8")
    assert spec["features"][0]["at"]["spacing"] == 60 and spec["features"][1]["size"] == 6
    assert spec["body"]["height"] == 8
    spec = run("disc 60 mm x 5 mm", "add four 4 mm holes on a 45 mm circle", "rotate the holes 45 degrees")
    assert spec["features"][0]["at"]["start_angle"] == 45
    assert apply_edit("rotate it 90 degrees", spec).spec is None
    spec = run("plate 60x40x3", "put M3 holes in the corners 4 mm in", "make them tapped instead")
    assert spec["features"][0]["size"] == "M3 tapped"
    spec = run("block 50 x 50 x 20", "pocket 30 x 30 x 10 deep on top", "round the pocket corners 3 mm")
    assert spec["features"][0]["corner_radius"] == 3 and spec["features"][0]["depth"] == 10


@pytest.mark.parametrize("first,text,check", [
    # references back and moves
    ("plate 100 x 60 x 8 with a 10 mm hole in the middle", "nudge the hole up 5 mm",
     lambda s: s["features"][0]["at"] == {"kind": "at", "points": [[0, 5]]} and s["features"][0]["size"] == 10),
    ("plate 100 x 60 x 8 with a 10 mm hole in the middle", "the hole should be 20 mm from the left edge",
     lambda s: s["features"][0]["at"] == {"kind": "from_edge", "edge": "left", "distance": 20, "along": 0}),
    ("plate 120 x 80 x 6 with four 6 mm holes 10 mm from the corners", "make the holes 8mm and move them 12 mm in",
     lambda s: s["features"][0]["size"] == 8 and s["features"][0]["at"]["inset"] == 12),
    # several changes in one sentence; body words are not the hole's
    ("plate 120 x 80 x 6 with four 6 mm holes 10 mm from the corners", "make the plate 10 thick and the holes 7",
     lambda s: s["features"][0]["size"] == 7 and s["body"]["height"] == 10),
    ("plate 120 x 80 x 6", "increase the length by 20 and the width by 10",
     lambda s: (s["body"]["length"], s["body"]["width"]) == (140, 90)),
    ("disc 80 dia 10 thick with six 6 mm holes on a 60 mm bolt circle", "holes to 5 mm and bolt circle 55",
     lambda s: s["features"][0]["size"] == 5 and s["features"][0]["at"]["diameter"] == 55),
    # resizes of named features
    ("plate 100 x 60 x 8 with a 10 mm hole in the middle", "increase the hole diameter by 2",
     lambda s: s["features"][0]["size"] == 12 and s["body"]["length"] == 100),
    ("a 100 x 50 x 10 block with a slot 40 long 10 wide through the middle", "lengthen the slot by 10",
     lambda s: s["features"][0]["length"] == 50 and s["body"]["length"] == 100),
    ("a 100 x 50 x 10 block with a slot 40 long 10 wide through the middle", "make the slot 10 mm longer",
     lambda s: s["features"][0]["length"] == 50 and s["body"]["length"] == 100),
    ("a 60 x 60 x 20 block with a 30 x 30 pocket 10 deep", "pocket 40 x 40 instead",
     lambda s: (s["features"][0]["length"], s["features"][0]["width"], s["features"][0]["depth"]) == (40, 40, 10)),
    ("40 mm cube with a 2 mm fillet on all edges", "change the radius to 5", lambda s: s["features"][0]["radius"] == 5),
    ("40 mm cube with a 2 mm fillet on all edges", "make them chamfers",
     lambda s: s["features"][0]["kind"] == "chamfer" and s["features"][0]["size"] == 2),
    ("washer 20 OD 10 ID 2 thick", "make the hole 12", lambda s: s["body"]["inner_diameter"] == 12),
    # which hole: "the big hole", "the middle hole"
    ('3" x 2" x 1/4" plate with a 1/4" hole in each corner, 3/8" in, and a 1" hole in the middle',
     'make the big hole 1.5"', lambda s: [f["size"] for f in s["features"]] == pytest.approx([6.35, 38.1])),
    # "a bit" with a number: the new size when it lies that way, else how much more
    ("cylinder 40 dia 60 tall", "make it a bit taller, 70", lambda s: s["body"]["height"] == 70),
    ("plate 120 x 80 x 6", "could you make it a little wider - 90 mm", lambda s: s["body"]["width"] == 90),
    ("washer 20 OD 10 ID 2 thick", "thicker, 3 mm", lambda s: s["body"]["height"] == 3),
    ("40 mm cube", "chamfer everything 0.5", lambda s: s["features"][0]["edges"] == "all"),
])
def test_outsider_edit_phrasings(first, text, check):
    r = apply_edit(text, understand(first).spec)
    assert r.spec is not None and not r.failed and check(r.spec), r.explain()


def test_a_number_that_may_be_a_place_is_not_taken_as_a_size():
    spec = understand("plate 100 x 60 x 8 with a 10 mm hole in the middle").spec
    r = apply_edit("the hole 15 further along", spec)
    assert r.spec is None and "a size or a place" in r.failed[0]


def test_a_number_the_edit_cannot_place_declines_the_edit():
    plate = understand("plate 120 x 80 x 6 with four 6 mm holes 10 mm from the corners").spec
    r = apply_edit("holes 7 and 9", plate)
    assert r.failed and "'9'" in r.failed[-1]
    r = apply_edit("plate 20 thick, holes stay 6", plate)       # a number the part already has is said, not asked
    assert not r.failed and r.spec["body"]["height"] == 20


def test_floor_hub_rows_and_partial_removal():
    spec = run("a round cup 70 OD, 90 tall, 2.5 wall, bottom 4 thick", "bottom 6 thick")
    assert spec["features"][0]["bottom"] == 6 and volume(spec) == pytest.approx(
        math.pi * 35 ** 2 * 90 - math.pi * 32.5 ** 2 * 84)
    spec = run("disc 100 dia x 10 thick with a 50 dia hub sticking up another 20, 30mm bore all the way thru",
               "hub 10 mm taller", "bore 32")
    assert spec["body"]["kind"] == "cylinder" and [f["kind"] for f in spec["features"]] == ["boss", "hole"]
    assert spec["features"][0]["height"] == 30 and spec["features"][1]["size"] == 32
    spec = run("strip 200x25x5 with 4 holes 5mm thru, spaced 50 apart", "remove the outer two holes")
    assert spec["features"][0]["at"]["count"] == 2 and spec["features"][0]["at"]["spacing"] == 50
    # the middle one of a row of three: the row's places, that one left out (session 10; it was declined)
    r = apply_edit("remove the middle hole", understand("strip 200x25x5 with 3 holes 5mm thru, spaced 50 apart").spec)
    assert not r.failed and sorted(p[0] for p in r.spec["features"][0]["at"]["points"]) == [-50.0, 50.0]
    r = apply_edit("remove the middle hole", understand("strip 200x25x5 with 4 holes 5mm thru, spaced 50 apart").spec)
    assert r.spec is None and r.failed        # two are as near the middle: which is not said


def test_references_back_pick_the_right_holes():
    spec = run("80x60x10 plate", "drill 4 holes 6mm dia, 10mm from each corner", "make em 8",
               "can we go to M6 clearance for those", "add a 20mm hole dead center", "get rid of the middle hole")
    (h,) = spec["features"]
    assert h["size"] == "M6 clearance" and h["at"]["kind"] == "corners"
    spec = run("disc 100mm diameter 8mm thick", "6 x M5 holes on an 80 PCD", "rotate the pattern by 30 degrees",
               "add a 25mm bore in the middle", "put a 2mm chamfer on the bore")
    assert spec["features"][0]["at"]["start_angle"] == 30
    assert [f["kind"] for f in spec["features"]] == ["hole", "hole", "chamfer"] and spec["features"][2]["edges"] == "holes"
    r = apply_edit("change the chamfer to 0.5", understand("40 mm cube with a 2 mm fillet on all edges").spec)
    assert r.spec is None         # there is no chamfer: the fillet is not turned into one
    assert run("50 mm cube", "hollow it out, 3 mm walls, open on top", "close it up")["features"][0]["open_face"] is None


def test_patterns_and_the_ones_people_point_at():
    spec = run("block 100 x 40 x 20", "put two 8mm holes 60 apart", "add a third one in the middle", "space them out to 35")
    assert spec["features"][0]["at"]["spacing"] == 35 and spec["features"][1]["at"]["kind"] == "center"
    spec = run("round plate 80 dia 6 thick", "add 4 holes 5mm on a 60 circle and a 20mm center hole",
               "make the small holes 6 and the big one 25")
    assert [f["size"] for f in spec["features"]] == [6, 25]
    r = apply_edit("space it out to 35", understand("block 100 x 40 x 20 with a 10 mm hole in the middle").spec)
    assert r.spec is None                      # one hole has no spacing: never turned into two
    assert run("sphere 40 dia", "make it 50")["body"]["diameter"] == 50
    assert run("cone 40 base 20 top 30 tall", "make the top 10")["body"]["top_diameter"] == 10


def test_places_faces_and_rows():
    first = "plate 100 x 60 x 8 with four 5 mm holes 10 mm in from the corners and a 20 mm hole in the middle"
    spec = run(first, "move the big hole to the left edge, 25 mm in")
    assert spec["features"][1]["at"] == {"kind": "from_edge", "edge": "left", "distance": 25, "along": 0}
    assert run(first, "move the big hole to the left edge, 25 mm in", "center the big hole again")[
        "features"][1]["at"] == {"kind": "center"}
    assert run(first, "make it 6 holes instead of 4")["features"][0]["at"]["kind"] == "grid"   # '4' is the old count
    assert apply_edit("make it 3 holes instead of 4", understand(first).spec).spec is None     # 3 corners: no
    assert run("cylinder 50 dia 40 tall", "make it hollow with 3mm walls", "open the bottom instead")[
        "features"][0]["open_face"] == "bottom"
    spec = run("bar 200 x 30 x 10 with a slot 50 x 10 in the middle", "make the slot longer by 10",
               "two slots instead, 80 apart")
    assert spec["body"]["length"] == 200 and spec["features"][0]["length"] == 60
    assert spec["features"][0]["at"] == {"kind": "linear", "count": 2, "spacing": 80, "axis": "u", "center": [0, 0]}


def test_numbers_go_where_they_belong_or_the_edit_declines():
    plate = understand("plate 90 by 50, 5 mm thick, with a hole in each corner for M4 screws").spec
    r = apply_edit("can you round the corners of the plate a bit, like 2 mm", plate)
    assert r.spec["features"][-1] == {"id": "round", "kind": "fillet", "edges": "vertical", "radius": 2}
    spec = run("make a 60 mm diameter disc 15 thick", "put a 6 mm hole through the center",
               "add six 8 mm holes around it on a 40 mm circle", "actually make those 5 of them", "and shrink them to 6 mm")
    assert [(f["size"], f["at"].get("count")) for f in spec["features"]] == [(6, None), (6, 5)]
    r = apply_edit("add a 1/4-20 tapped hole in the top", understand("block 2 x 1 x 1 inch").spec)
    assert r.spec["features"][-1]["size"] == "1/4-20 tapped"        # the unified thread table (tap drill 5.105)
    r = apply_edit("add a 7/16-14 tapped hole in the top", understand("block 2 x 1 x 1 inch").spec)
    assert r.spec is None and "inch threads (7/16-14)" in r.failed[0]     # not in the table: declined, named


def test_chatty_edits_with_typos():
    spec = run("plate 100x50x6 with 2 holes 8mm 60 apart", "can u make the holes 10", "mkae it 8 thick",
               "the holes need to be 70mm apart not 60", "thicken it up to 10mm pls",
               "add a 1mm chamfer all round the top")
    assert spec["body"]["height"] == 10 and spec["features"][0]["at"]["spacing"] == 70
    assert [f["kind"] for f in spec["features"]] == ["hole", "chamfer"] and spec["features"][1]["edges"] == "top"
    spec = run("tube 50 OD 44 ID 120 long", "wall 4mm instead", "OD 60, keep the wall")
    assert (spec["body"]["outer_diameter"], spec["body"]["inner_diameter"]) == (60, 52)


def test_places_from_edges_and_features_named_as_places():
    plate = understand("plate 100 x 60 x 8").spec
    (h,) = apply_edit("add a 6 mm hole 20 mm from the right edge and 15 from the top", plate).spec["features"]
    assert h["on"] == "top" and h["at"]["edge"] == "right" and h["at"]["distance"] == 20     # not the right face
    (s,) = apply_edit("put a 12 x 6 slot 20 mm from the left edge", plate).spec["features"]
    assert (s["length"], s["width"], s["at"]["edge"], s["at"]["distance"]) == (12, 6, "left", 20)
    disc = understand("disc 80 x 10 with a 20 mm boss 5 tall in the middle").spec
    spec = apply_edit("add 4 M4 tapped holes on a 30 mm PCD around the boss", disc).spec
    assert [f["kind"] for f in spec["features"]] == ["boss", "hole"] and spec["features"][1]["at"]["diameter"] == 30
