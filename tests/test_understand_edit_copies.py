"""Edits in words nobody tuned to (session 7 probes and the dev18-dev20 sets): copies of a placed feature, cuts to a
length, inch sizes, rows and grids set from the edges. Each asserts the spec the edit makes, and what a wrong reading
made before (a moved hole, a 20 mm hole, a shrunk plate)."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand

IN = 25.4


def ok(spec: dict, text: str) -> dict:
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


def points(spec: dict, fid: str = "holes") -> list:
    f = next(f for f in spec["features"] if f["id"] == fid)
    return [[round(u, 6), round(v, 6)] for u, v in f["at"]["points"]]


LEFT_HOLE = "plate 100 x 60 x 6 with a 10 mm hole 20 from the left end"


@pytest.mark.parametrize("text", ["another one the same 20 from the right end", "put an identical hole 20 from the right end",
                                  "make another one just like it, 20 from the right end", "one more the same on the right",
                                  "and another one the same at the other end", "add a second one like it at the right end, 20 in"])
def test_a_copy_of_the_hole_keeps_its_size_and_goes_where_the_words_say(text):
    spec = ok(understand(LEFT_HOLE).spec, text)
    (f,) = spec["features"]                        # it was moved, or a 20 mm hole was added
    assert f["size"] == 10 and sorted(points(spec)) == [[-30.0, 0.0], [30.0, 0.0]]


def test_copies_placed_from_the_one_there_keep_its_head_and_depth():
    block = understand("block 80 x 40 x 20 with an 8 mm hole in the middle, counterbored 14 dia 5 deep").spec
    spec = ok(block, "add another one the same, 25 mm to the left of it")
    (f,) = spec["features"]
    assert points(spec) == [[0.0, 0.0], [-25.0, 0.0]] and f["cbore"] == block["features"][0]["cbore"]
    spec = ok(understand("plate 120 x 60 x 6 with a 10 mm hole in the middle").spec, "add two more the same, 40 mm either side")
    assert sorted(points(spec)) == [[-40.0, 0.0], [0.0, 0.0], [40.0, 0.0]]
    pocket = understand("block 100 x 50 x 30 with a 20 x 20 pocket 5 deep in the middle").spec
    assert expectations(parse(ok(pocket, "another pocket the same 30 to the right")))["volume"] == pytest.approx(146000)
    moved = ok(understand("plate 100 x 60 x 5, 12mm hole 20 from the left end, centred across").spec,
               "put one more, same size, in the middle of the plate")
    assert points(moved) == [[-30.0, 0.0], [0.0, 0.0]]          # a row of two, 50 apart, was made and marked right
    assert ok(moved, "make both 16 mm")["features"][0]["size"] == 16


def test_a_copy_with_no_place_or_of_one_of_several_is_asked():
    r = apply_edit("another one the same", understand(LEFT_HOLE).spec)
    assert r.spec is None and "where the copy" in r.failed[0]
    row = understand("bar 150 x 25 x 6 with 3 holes 6 mm 30 apart along the middle").spec
    spec = ok(row, "add two more on the same spacing so it's 5 in a row, still centred")     # the row's count, no copy
    assert spec["features"][0]["at"]["count"] == 5


@pytest.mark.parametrize("first, text, size", [
    ("tube 25 OD 21 ID 500 long", "cut to 350", [25, 25, 350]),
    ("rod 10 dia 120 long", "cut 20mm off", [10, 10, 100]),
    ("bar 300 x 40 x 10", "cut it to length, 220", [10, 40, 220]),
    ("plate 100x50x5", "thicken it to a quarter inch", [6.35, 50, 100]),
    ("block 4in x 2in x 1in", "one and a half inches tall", [1.5 * IN, 2 * IN, 4 * IN]),
    ("plate 100 x 100 x 6", 'make it from 1/4" plate', [6.35, 100, 100]),
    ("block 50 x 30 x 20", "make the 30 side 35", [20, 35, 50]),
    ('tube 1.5" OD, 1/8" wall, 6" long', "cut it to 100 long (mm)", [1.5 * IN, 1.5 * IN, 100]),
    ("plate 100 x 60 x 3", "too thin, go 5mm", [5, 60, 100]),
    ("open top box 80x60x40, walls 2", "make it as wide as it is long", [40, 80, 80]),
    ("angle bracket 2 x 3 inch legs, 1/4 thick, 1.5 wide", "make the 3 inch leg 4 inches", [1.5 * IN, 2 * IN, 4 * IN]),
])
def test_sizes_said_the_way_people_say_them(first, text, size):
    e = expectations(parse(ok(understand(first).spec, text)))
    assert sorted(b - a for a, b in zip(e["bbox_min"], e["bbox_max"])) == pytest.approx(sorted(size), abs=1e-6)


def test_rows_and_grids_set_from_the_edges_and_a_hole_moved_further_in():
    plate = understand("plate 100x50x10 with 4 counterbored holes for M6 cap screws - 6.6 thru, 11 counterbore 6.5 deep - "
                       "on an 80 x 30 rectangle, centred").spec
    at = ok(plate, "move the holes out so the centres sit 8 from the edges")["features"][0]["at"]
    assert at["spacing"] == [84, 34]
    csk = understand("80 x 80 x 8 plate, 30mm bore in the centre, and 4 countersunk holes for M5 flat heads on a 60mm "
                     "square").spec
    spec = ok(csk, "bring the screw holes in to a 50 square")
    assert spec["body"]["length"] == 80 and spec["features"][1]["at"]["spacing"] == [50, 50]    # the plate was shrunk
    slots = understand("Slotted plate 90 x 30 x 4. two slots along the length, 6 wide and 20 long end to end, one near "
                       "each end with the slot centres 20 in from the ends, on the centreline").spec
    f = ok(slots, "move the slots out so their centres are 15 from the ends")["features"][0]
    assert (f["width"], f["at"]["spacing"]) == (6, 60)          # the slots were made 15 wide
    hole = understand("plate 100 x 60 x 5, 12mm hole 20 from the left end, centred across").spec
    assert ok(hole, "move that hole 10 mm further in")["features"][0]["at"]["distance"] == 30


def test_shapes_and_edges_said_in_other_words():
    cyl = understand("solid cylinder 2 inch dia, 3 inch tall").spec
    b = ok(cyl, "make it hollow with a 1/8 wall, open at both ends")["body"]        # a tube, not a cup
    assert (b["kind"], b["outer_diameter"], b["inner_diameter"]) == ("tube", pytest.approx(2 * IN), pytest.approx(1.75 * IN))
    box = ok(understand("open top box 80x60x40, walls 3").spec, "round the 4 upright corners on the outside, R5")
    assert [(f["kind"], f.get("edges")) for f in box["features"]] == [("fillet", "vertical"), ("shell", None)]
    plate = understand("plate 120 x 60 x 6 with a 6.5 hole in each corner 10 in from both edges").spec
    spec = ok(plate, "drop the corner holes, I'll clamp it instead")               # a reason, not an action
    assert ok(spec, "and knock the 4 corners off round, R8")["features"] == [
        {"id": "round", "kind": "fillet", "edges": "vertical", "radius": 8.0}]
    washer = understand("washer, OD 24 ID 13 2.5 thk").spec
    assert ok(washer, "now bump the outside diameter up 20%")["body"]["outer_diameter"] == pytest.approx(28.8)
    tube = understand('tube 1.5" OD, 1/8" wall, 6" long').spec
    assert ok(tube, "twice the wall thickness, same OD")["body"]["inner_diameter"] == pytest.approx(IN)
    standoff = ok(understand("round standoff OD 8, 15 long, 3 mm hole through").spec, "hole 3.4 for M3 clearance and OD 10")
    assert (standoff["body"]["inner_diameter"], standoff["body"]["outer_diameter"]) == (3.4, 10)
    pocket = understand("50 x 50 x 25 block. square pocket 30x30, 10 deep, in the top face centred").spec
    f = ok(pocket, "open the pocket up to 35 square")["features"][0]
    assert (f["length"], f["width"], f["depth"]) == (35, 35, 10)       # it was read as 35 deep
    assert math.isclose(ok(pocket, "R4 in the pocket corners so I can mill it")["features"][0]["corner_radius"], 4)


def test_which_size_a_feature_edit_changes():
    blind = understand("plate 100 x 60 x 10 with a 8 mm hole 6 deep in the middle").spec
    assert ok(blind, "deeper, 8")["body"]["height"] == 10                      # the plate was made 18 thick
    assert ok(blind, "make it 2mm deeper")["features"][0]["depth"] == 8
    pocket = understand("block 80 x 50 x 30 with a 40 x 20 pocket 10 deep").spec
    assert ok(pocket, "5 mm deeper")["features"][0]["depth"] == 15
    cbore = understand("plate 100 x 60 x 10 with an 6.6 hole counterbored 11 dia 6 deep in the middle").spec
    spec = ok(cbore, "make the counterbore 14 wide")                             # the plate was made 14 wide
    assert spec["body"]["width"] == 60 and spec["features"][0]["cbore"] == {"diameter": 14.0, "depth": 6.0}
    hub = understand("flange 100 dia 10 thick with a hub 50 dia 20 tall and a 25 bore").spec
    assert ok(hub, "hub 60")["features"][0]["diameter"] == 60                  # it was made 60 tall
    assert ok(hub, "hub 25")["features"][0]["height"] == 25
    assert apply_edit("hub 35", hub).spec is None                               # as near one as the other: asked


def test_keyways_copied_to_the_other_end_removed_and_put_in_a_section_by_its_diameter():
    shaft = {"body": {"kind": "cylinder", "id": "shaft", "diameter": 30.0, "height": 150.0},
             "features": [{"id": "keyway", "kind": "keyway", "z": 0.0, "length": 50.0, "depth": 4.0, "width": 8.0}]}
    both = ok(shaft, "same keyway again on the other end")
    assert [(f["z"], f["length"]) for f in both["features"]] == [(0.0, 50.0), (100.0, 50.0)]
    assert ok(both, "no keyways after all, plain shaft")["features"] == []
    stepped = understand("stepped shaft: 30 dia x 60 long, then 20 dia x 40, then 15 dia x 25").spec
    (k,) = ok(stepped, "cut a keyway in the 30 dia part, 8 wide 4 deep, running its whole length")["features"]
    assert (k["z"], k["length"], k["width"], k["depth"]) == (0.0, 60.0, 8.0, 4.0)


def test_two_holes_per_leg_of_an_angle_run_along_each_leg():
    angle = understand("angle bracket 40 x 40 x 4, 60 long, one 6.5 hole in each leg, centred").spec
    spec = ok(angle, "two holes per leg instead, 30 apart")      # one leg's hole only, run across its leg off the part
    assert [(f["at"]["count"], f["at"]["spacing"], f["at"]["axis"]) for f in spec["features"]] == [(2, 30, "v")] * 2


@pytest.mark.parametrize("text", ["make it solid", "fill in the hole", "solid bar instead"])
def test_a_tube_made_solid(text):
    b = ok(understand("tube 40 od 30 id 60 long").spec, text)["body"]
    assert (b["kind"], b["diameter"], b["height"]) == ("cylinder", 40, 60)


def test_a_hole_in_each_leg_of_a_u_goes_through_both_side_walls():
    u = understand("U channel 60 wide, 40 tall legs, 5 thick, 40 long").spec
    (f,) = ok(u, "put an 8 mm hole in each leg, centred on the leg")["features"]      # it was put through the base
    assert (f["on"], f["size"]) == ("left", 8.0)


@pytest.mark.parametrize("text", ["chamfer them 1", "chamfer the holes 1 mm", "put a 1 mm chamfer on the holes",
                                  "chamfer the hole edges 1", "1mm chamfer on each hole", "deburr the holes 1"])
def test_a_chamfer_on_the_holes_is_on_their_rims(text):
    plate = understand("plate 100 x 60 x 8 with four 6 mm holes 10 in from the corners").spec
    spec = ok(plate, text)             # a chamfer on the vertical edges (and a new 1 mm hole, or the holes made 1 mm)
    assert [(f["kind"], f.get("size")) for f in spec["features"]] == [("hole", 6.0), ("chamfer", 1.0)]
    assert spec["features"][1]["edges"] == "holes"


def test_a_distance_from_something_unknown_is_asked():
    r = apply_edit("add 4 holes in the corners, 12 from the wobble", understand("plate 100 x 60 x 8").spec)
    assert r.failed and "'12 from the wobble' is measured from" in r.explain()      # 12 mm holes were made


def test_dev18_edit_wordings_read_as_meant():
    flange = understand("flange 80 dia 10 thick, 30 bore, 4 holes 8 on 60 pcd").spec
    spec = ok(flange, "please add hub diameter 45 height 15 on top, the center hole go through hub also")
    assert [f["kind"] for f in spec["features"]] == ["hole", "boss", "hole"]        # a 5 mm hole was added and refused
    assert ok(spec, "holes count make 8")["features"][0]["at"]["count"] == 8         # the holes were made 8 mm
    standoff = {"body": {"kind": "cylinder", "id": "standoff", "diameter": 10.0, "height": 40.0},
                "features": [{"id": "holes", "kind": "hole", "on": "top", "size": 5.0, "depth": 8.0},
                             {"id": "holes_2", "kind": "hole", "on": "bottom", "size": 5.0, "depth": 8.0}]}
    (bore,) = ok(standoff, "holes all the way through instead")["features"]      # one bore, not the same hole twice
    assert "depth" not in bore and bore["size"] == 5.0
    disc = understand("disc 60 diameter 5 thick with a 10 bore and 3 holes dia 6 on a 40 pcd").spec
    if disc["body"]["kind"] == "tube":          # the bore read as the disc's own
        assert ok(disc, "remove the center hole")["body"] == {"id": disc["body"]["id"], "kind": "cylinder", "diameter": 60,
                                                              "height": 5} | ({"name": disc["body"]["name"]}
                                                                              if "name" in disc["body"] else {})


def test_a_row_of_holes_mirrored_and_sizes_made_equal():
    plate = {"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 60.0, "height": 6.0},
             "features": [{"id": "holes", "kind": "hole", "size": 8.0,
                           "at": {"kind": "linear", "count": 2, "spacing": 30.0, "axis": "v", "center": [-35.0, 0.0]}}]}
    assert sorted(points(ok(plate, "mirror the holes to the right end"))) == [[-35, -15], [-35, 15], [35, -15], [35, 15]]
    centred = understand("plate 100 x 60 x 6 with 3 holes 6 mm in a row 20 apart").spec
    assert "its mirror image is itself" in apply_edit("mirror the holes", centred).explain()     # '3 now' was said
    block = understand("block 80 x 50 x 30").spec
    assert ok(block, "make the height equal to the width")["body"]["height"] == 50


@pytest.mark.parametrize("text", ["cut a flat on the bottom 5 deep so it doesn't roll", "cut 5mm off the bottom"])
def test_a_ball_cut_flat(text):
    spec = ok(understand("30 mm ball").spec, text)
    e = expectations(parse(spec))
    assert sorted(b - a for a, b in zip(e["bbox_min"], e["bbox_max"])) == pytest.approx([25, 30, 30], abs=0.05)   # a polyline
    cap = math.pi * 5 ** 2 * (3 * 15 - 5) / 3
    assert e["volume"] == pytest.approx(4 / 3 * math.pi * 15 ** 3 - cap, rel=2e-3)


def test_just_one_hole_keeps_the_first():
    cube = understand("30 mm cube with a 10 mm hole through the middle of every face").spec
    if len([f for f in cube["features"] if f["kind"] == "hole"]) == 3:      # three bores, one each way
        (f,) = ok(cube, "teacher says just one hole. take out the other two")["features"]
        assert f["id"] == cube["features"][0]["id"]


def test_one_more_said_shortly_and_a_count_the_hole_has():
    plate = understand(LEFT_HOLE).spec
    assert sorted(points(ok(plate, "and one at the other end too"))) == [[-30.0, 0.0], [30.0, 0.0]]
    assert points(ok(plate, "put one 30 to the right of it")) == [[-30.0, 0.0], [0.0, 0.0]]
    assert points(ok(plate, "another one 20 above it")) == [[-30.0, 0.0], [-30.0, 20.0]]
    assert points(ok(plate, "one at 20 from the right")) == [[-30.0, 0.0], [30.0, 0.0]]          # the hole was moved
    same = ok(plate, "make it one hole")                      # it was made a 'row of one' in the middle
    assert same["features"][0]["at"] == {"kind": "from_edge", "edge": "left", "distance": 20.0}
    slot = understand("bar 200 x 30 x 10 with a slot 40 long 8 wide 30 from the left end").spec
    assert len(points(ok(slot, "same slot on the right end"), "slot")) == 2
    rod = understand("rod 20 dia 100 long").spec
    assert ok(rod, "cut it at 70")["body"]["height"] == 70 and ok(rod, "saw off 15")["body"]["height"] == 85


def test_how_thick_a_rod_or_a_pipe_is():
    rod = understand("rod 20 dia 100 long").spec
    assert ok(rod, "make it 30 thick")["body"] == {**rod["body"], "diameter": 30}            # it was made 30 long
    assert ok(rod, "make it thicker, 25")["body"]["diameter"] == 25                           # it was made 125 long
    pipe = understand("tube 40 od 30 id 100 long").spec
    b = ok(pipe, "make it 3 thick")["body"]                                                  # it was made 3 long
    assert (b["outer_diameter"], b["inner_diameter"], b["height"]) == (40, 34, 100)
    washer = understand("washer 20 od 10 id 2 thick").spec
    assert ok(washer, "make it 3 thick")["body"]["height"] == 3                               # a washer's is its height


def test_deep_on_a_flat_plate_is_front_to_back_when_its_thickness_is_far_off():
    plate = understand("plate 200 x 100 x 10").spec
    assert ok(plate, "make it 150 deep")["body"] == {**plate["body"], "width": 150}          # it was made 150 thick
    assert ok(plate, "make it 12 deep")["body"]["height"] == 12
    assert ok(understand("open box 100 x 60 x 40 2mm walls").spec, "make it 80 deep")["body"]["height"] == 80
