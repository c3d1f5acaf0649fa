"""Session 17: a hole rectangle said after 'on' or after the counterbore of a callout, a hole pattern named before
its holes, a callout restated with a new hole size, and counterbores changed by an amount."""

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import edited, spec_of as read

RECT = {"kind": "grid", "counts": [2, 2], "spacing": [80.0, 40.0]}


@pytest.mark.parametrize("text,head", [
    ("plate 100x60x12 with 4 holes 8mm on 80x40", None),
    ("plate 100x60x12 with 4X Ø8 THRU, CBORE Ø14 x 6 DP on 80x40", {"diameter": 14.0, "depth": 6.0}),
    ("plate 100x60x12 with 4X Ø8 THRU, CBORE Ø14 x 6 DP on an 80 x 40 mm pattern.", {"diameter": 14.0, "depth": 6.0}),
])
def test_four_holes_on_a_rectangle_said_after_on(text, head):
    """The 80 x 40 was dropped and the holes put 9 / 12 mm in from the corners (marked ok)."""
    u = understand(text)
    (f,) = u.spec["features"]
    assert (f["size"], f.get("cbore"), f["at"]) == (8.0, head, RECT)
    assert not any("inset" in a for a in u.assumed)


def test_a_rectangle_the_size_of_the_part_is_the_part():
    """'4 holes 8mm on 100x60 plate': the plate's own plan, never a hole pattern as big as the part."""
    u = understand("4 holes 8mm on 100x60 plate 10 thick")
    assert not any((f.get("at") or {}).get("spacing") == [100.0, 60.0] for f in (u.spec or {}).get("features", []))


@pytest.mark.parametrize("text", ["plate 120x80x10, hole pattern 80x40: 4 x Ø8 thru",
                                  "plate 120x80x10, hole pattern 80 x 40, 4 x Ø8 thru",
                                  "plate 120x80x10, bolt pattern 80 x 40 with 4 x Ø8 thru holes"])
def test_a_hole_pattern_named_before_its_holes(text):
    """Two hole features (a 10 mm grid of 80 x 40 holes beside four corner holes), or the pattern dropped."""
    (f,) = read(text)["features"]
    assert (f["size"], f["at"]) == (8.0, RECT)


CALLOUT = "plate 120x80x10 with 4X Ø8 THRU, CBORE Ø14 x 6 DP on 80x40"


@pytest.mark.parametrize("said", ["change to 4X Ø9 THRU, CBORE Ø15 x 8 DP",
                                  "revise that callout to 4X Ø9 THRU, CBORE Ø15 x 8 DP",
                                  "make the holes Ø9 with a Ø15 x 8 deep counterbore",
                                  "make the holes 9, cbore 15 x 8 deep"])
def test_a_callout_restated_with_a_new_hole_size(said):
    """'... with a Ø15 x 8 deep counterbore' added a fifth hole in the middle (marked ok); the restated callout was
    refused ('this box has no diameter to change')."""
    (f,) = edited(CALLOUT, said)["features"]
    assert (f["size"], f["cbore"], f["at"]["spacing"]) == (9.0, {"diameter": 15.0, "depth": 8.0}, [80.0, 40.0])


@pytest.mark.parametrize("said,head", [("make the counterbores 2 mm deeper", {"diameter": 14.0, "depth": 8.0}),
                                       ("make the cbores 1 wider", {"diameter": 15.0, "depth": 6.0}),
                                       ("counterbores shallower by 1", {"diameter": 14.0, "depth": 5.0})])
def test_counterbores_changed_by_an_amount(said, head):
    """'2 mm deeper' made the plate 2 mm taller and then refused the counterbore."""
    spec = edited(CALLOUT, said)
    (f,) = spec["features"]
    assert f["cbore"] == head and spec["body"]["height"] == 10


def test_a_screw_tables_counterbore_deepened_and_an_inch_one():
    (f,) = edited("plate 100x60x12 with 4 counterbored holes for M6 screws on 80x40",
                  "make the cbores 2 mm deeper")["features"]
    assert f["cbore"] == {"diameter": 11.0, "depth": pytest.approx(8.4)}
    (f,) = edited("plate 4 x 3 x 1/2 inch with 4 holes 1/4 inch, counterbored 7/16 dia 1/4 deep, 1/2 in from the "
                  "corners", "make the counterbores 1/8 deeper")["features"]
    assert f["cbore"]["depth"] == pytest.approx(3 / 8 * 25.4)


def test_a_counterbore_change_said_twice_is_not_guessed():
    """'2 deeper by 3': two amounts for one change, left to the editor (which refuses it) rather than picked."""
    r = apply_edit("make the counterbores 2 deeper by 3", understand(CALLOUT).spec)
    assert r.spec is None or r.spec["features"][0]["cbore"]["depth"] not in (8.0, 9.0)


def test_deepen_the_counterbores_to_a_depth():
    """'deepen the counterbores to 12' made them Ø12 (marked ok)."""
    (f,) = edited("Plate 100 x 50 x 16 with two Ø9 through holes 60 apart, centred, each with a counterbore Ø18 x 4 "
                  "deep.", "deepen the counterbores to 12")["features"]
    assert f["cbore"] == {"diameter": 18.0, "depth": 12.0}


@pytest.mark.parametrize("said", ["make it 20 long with a 22 bore", "Same as before but 20 long and with a 22 bore."])
def test_a_tubes_bore_said_before_its_word(said):
    """The 22 was made the outside diameter and the bore refused."""
    body = edited("Spacer, 30 OD, 16 ID, 12 long.", said)["body"]
    assert (body["outer_diameter"], body["inner_diameter"], body["height"]) == (30, 22, 20)


@pytest.mark.parametrize("said", ["Make those end holes 40 deep.", "make the holes 40 deep"])
def test_a_depth_for_blind_holes_on_both_ends(said):
    """Only the last of the two end holes was deepened (marked ok)."""
    spec = edited("Bar 120 x 25 x 20. Each end face gets a Ø10 hole, 25 deep, centred on that end face.", said)
    assert [(f["on"], f["depth"]) for f in spec["features"]] == [("left", 40.0), ("right", 40.0)]


FLANGE = ("Flange plate 70 x 70 x 10 with a Ø20 hole in the centre and four Ø14 holes on the corners of a 50 x 50 square "
          "centred on it.")


@pytest.mark.parametrize("said", ["Delete one of the corner holes, leave the other three.",
                                  "remove one hole, keep the rest", "drop one of the holes"])
def test_one_of_a_pattern_removed(said):
    """Every corner hole was removed ('remove one hole, keep the rest': every hole), marked ok."""
    r = apply_edit(said, understand(FLANGE).spec)
    centre, corners = r.spec["features"]
    assert centre["size"] == 20 and centre["at"] == {"kind": "center"}
    assert corners["at"] == {"kind": "at", "points": [[-25.0, -25.0], [25.0, -25.0], [-25.0, 25.0]]}
    assert any("back right" in d for d in r.done) and not r.failed


@pytest.mark.parametrize("text,z", [
    ("Cylinder Ø40, 60 tall. Drill a Ø10 hole across it through the curved side, 20 mm below the top face.", 10.0),
    ("rod 20 dia 80 long with a 5 mm cross hole 15 above the bottom", -25.0),
    ("rod 20 dia 80 long with a 5 mm cross hole 15 from the bottom", -25.0)])
def test_a_cross_hole_through_the_curved_side_placed_from_an_end(text, z):
    """'through the curved side' went down the axis; '15 above the bottom' made the hole Ø15 at mid-length (the 5
    dropped): both marked ok."""
    (f,) = read(text)["features"]
    assert f["on"] == "front" and f["at"] == {"kind": "at", "points": [[0.0, z]]}
    assert f["size"] == (10.0 if "Ø10" in text else 5.0)


def test_a_hole_on_a_side_face_below_the_top():
    (f,) = read("block 60x40x30 with a 10 mm hole through the front face 10 below the top")["features"]
    assert f["on"] == "front" and f["at"]["points"] == [[0.0, 5.0]]


def test_a_hole_above_the_bottom_edge_of_a_plate():
    """'20 above the bottom edge' was dropped (the hole on the centre line, marked ok)."""
    (f,) = read("plate 100 x 60 x 5 with a 8 mm hole 15 mm from the left edge and 20 above the bottom edge")["features"]
    assert f["at"] == {"kind": "from_edge", "edge": "left", "distance": 15.0, "along": -10.0}


def test_a_grid_switched_to_other_counts_with_its_spacing_and_holes_kept():
    """'switch the grid to 4 x 2 ...' made the holes Ø2; 'same ... hole size' asked for a new size."""
    (f,) = edited("Plate 130 x 100 x 6 with a 3 x 3 grid of Ø20 holes, 30 spacing both ways, grid centred.",
                  "Switch the grid to 4 x 2: four along the 130 side, two across. Same 30 spacing and hole size, still "
                  "centred.")["features"]
    assert f["size"] == 20 and f["at"]["counts"] == [4, 2] and f["at"]["spacing"] == [30.0, 30.0]


def test_a_tighter_pitch_and_one_more_hole_on_a_row():
    """'add a sixth hole' put a hole on top of the middle one (refused); 'tighten' was not read."""
    (f,) = edited("Strip 160 x 30 x 6 with a row of five Ø14 holes on the centre line, 25 pitch, the row centred on "
                  "the strip.", "Tighten the pitch to 24 and add a sixth hole, keeping the row centred.")["features"]
    assert (f["at"]["count"], f["at"]["spacing"], f["size"]) == (6, 24.0, 14.0)


@pytest.mark.parametrize("text,said,depth", [
    ("Block 60 x 40 x 30. Four Ø5 holes, 10 deep, in the top face at the corners of a 40 x 24 rectangle centred on "
     "the face.", "make those four M8 tapped holes, 20 deep", 20.0),
    ("plate 100x60x25 with 4 holes 8mm on 80x40", "make them M8 tapped 12 deep", 12.0)])
def test_tapped_holes_with_their_depth(text, said, depth):
    """The depth was unread ('what 20 is for'), or the M8 ('where M8 goes')."""
    (f,) = edited(text, said)["features"]
    assert (f["size"], f["depth"]) == ("M8 tapped", depth)


def test_same_length_and_chamfers_are_both_kept():
    """'same pin at Ø10, same length and chamfers' asked a new size for the chamfers."""
    spec = edited("dowel pin Ø12 x 60, both ends chamfered 1.5 x 45°", "same pin at Ø10, same length and chamfers")
    assert spec["body"]["diameter"] == 10 and spec["body"]["height"] == 60 and spec["features"][0]["size"] == 1.5


ROW = ("Plate 120 x 80 x 10 with a row of four Ø10 holes 25 apart along the length, the row centred lengthwise and 20 "
       "in from one of the long edges.")


def test_a_row_set_in_from_a_long_edge():
    """It was drilled into the end face (refused), then, with 'lengthwise' read as the row's way, four corner holes
    12.5 and 20 in (marked ok)."""
    (f,) = read(ROW)["features"]
    assert f["at"] == {"kind": "linear", "count": 4, "spacing": 25.0, "axis": "u", "center": [0.0, 20.0]}


def test_a_second_row_from_the_other_long_edge():
    (f,) = edited(ROW, "Add a second identical row 20 in from the other long edge.")["features"]
    assert f["at"] == {"kind": "grid", "counts": [4, 2], "spacing": [25.0, 40.0], "center": [0.0, 0.0]}


@pytest.mark.parametrize("text,of", [
    ("Stepped shaft: Ø16 for the first 20 mm, then Ø10 for the next 30. Put a 2 mm fillet where the Ø10 meets the "
     "shoulder, nowhere else.", "step_1"),
    ("stepped shaft 20 dia x 30 then 12 dia x 40 with a 1 mm fillet at the shoulder", "step_1")])
def test_a_fillet_at_a_shafts_shoulder(text, of):
    """'the shoulder' was read as a second solid with no sizes, or the fillet went on every edge."""
    (f,) = read(text)["features"]
    assert (f["kind"], f["edges"], f["of"]) == ("fillet", "shoulders", of)


def test_a_fillet_at_one_of_three_shoulders_as_an_edit():
    """It was refused: the fillet went on every edge, and the smaller step could not take it."""
    (f,) = edited("shaft Ø25 x 40 long, then Ø18 x 60, then Ø12 x 25",
                  "put a 3 mm fillet at the shoulder between the Ø25 and Ø18 steps")["features"]
    assert (f["edges"], f["radius"], f["of"]) == ("shoulders", 3.0, "step_1")


def test_which_of_several_shoulders_is_asked():
    u = understand("shaft Ø25 x 40 long, then Ø18 x 60, then Ø12 x 25, 1 mm fillet at the shoulder")
    assert any("which of the 2 shoulders" in m for m in u.missing)


def test_a_chamfer_by_its_angle_in_an_edit():
    """'chamfer both ends 1 x 45°' left '1 x' behind: read as a scale of one, and refused."""
    (f,) = edited("rod 20 dia 50 long", "chamfer both ends 1 x 45°")["features"]
    assert (f["kind"], f["edges"], f["size"]) == ("chamfer", "ends", 1.0)


def test_a_flanged_tubes_bore_said_again_and_holes_in_its_flange():
    """The bore said twice was two features with one id (refused); 'four Ø9 holes in the flange' took the 9 as a
    section's diameter and put the holes on the tube's end face."""
    text = ("Tube with a flange on one end: tube OD 40, ID 32, overall length 80 including the flange. The flange is "
            "Ø80 and 8 thick, and the Ø32 bore runs through everything.")
    assert [f["id"] for f in read(text)["features"]] == ["bore"]
    bore, holes = edited(text, "Four Ø9 holes in the flange on a Ø62 bolt circle.")["features"]
    assert (holes["size"], holes["on"], holes["at"]["count"], holes["at"]["diameter"]) == (9.0, "bottom", 4, 62.0)


def test_two_pockets_in_a_row():
    """'pockets' was no feature word: the body was read 120 x 8 x 20 with no pocket, marked ok."""
    (f,) = read("block 120 x 60 x 20 with two 40 x 40 pockets, 8 deep, 60 apart")["features"]
    assert (f["length"], f["width"], f["depth"]) == (40.0, 40.0, 8.0)
    assert f["at"] == {"kind": "linear", "count": 2, "spacing": 60.0, "axis": "u"}


def test_two_pockets_with_no_place_are_asked_where():
    """One pocket was built for two (marked ok)."""
    u = understand("block 120 x 60 x 20 with two pockets 40 x 40, 8 deep")
    assert any("where the 2 pockets go" in m for m in u.missing)


@pytest.mark.parametrize("text,pts", [
    ("Ø20 rod, 60 long overall, and the last 10 mm of it is a cone tapering to a sharp point.",
     [[0.0, 0.0], [10.0, 0.0], [10.0, 50.0], [0.0, 60.0]]),
    ("a 10 mm dowel 50 long, pointed at one end, the point 8 long", [[0.0, 0.0], [5.0, 0.0], [5.0, 42.0], [0.0, 50.0]])])
def test_a_rod_with_a_pointed_end(text, pts):
    """It was a plain cylinder ('point' not understood, marked ok)."""
    u = understand(text)
    assert u.spec["body"]["kind"] == "revolve" and u.spec["body"]["points"] == pts and not u.missing
    assert "point" not in u.unknown


def test_a_hexagon_boss_by_its_flats_and_changed():
    """'a hexagon boss, 24 across the flats' had no size the boss took (the 24 went to the plate)."""
    text = "Square plate 80 x 80 x 10, and on top in the centre a hexagon boss, 24 across the flats and 12 tall."
    (f,) = read(text)["features"]
    assert (f["kind"], f["sides"], f["diameter"], f["height"]) == ("boss", 6, 24.0, 12.0)
    (f,) = edited(text, "Go to 30 across flats on the hex.")["features"]
    assert (f["sides"], f["diameter"]) == (6, 30.0)


@pytest.mark.parametrize("text", [
    "Block 80 long, 30 deep, 50 tall. On one of the big 80 x 50 side faces, centred on it, cut a rectangular pocket 60 "
    "wide, 36 high and 10 deep into the block.",
    "block 80 x 30 x 50 with a 60 x 36 pocket 10 deep in the front face"])
def test_a_pocket_in_a_side_face(text):
    """The pocket went in the top (off its 80 x 30 face: refused), or '36 high' was the block's ('what 36 is for')."""
    (f,) = read(text)["features"]
    assert (f["on"], f["length"], f["width"], f["depth"]) == ("front", 60.0, 36.0, 10.0)


def test_a_copy_placed_by_its_edge():
    """'a second pocket, same size, with its edge 10 mm from the right end': its side 10 in, its centre 25."""
    spec = edited("Plate 100 long, 40 wide, 10 thick. One rectangular pocket in the top, 30 long x 20 wide x 5 deep, "
                  "its near edge 10 mm from the left end, centred across the width.",
                  "Now a second pocket, same size, with its edge 10 mm from the right end.")
    (f,) = spec["features"]
    assert sorted(p[0] for p in f["at"]["points"]) == [-25.0, 25.0]


def test_ribs_on_a_plate_are_no_tee():
    """'a flat plate ... with three ribs on the top face' was read as a T (one web)."""
    u = understand("Stiffened panel: flat plate 100 x 80 x 6 with three ribs on the top face. Each rib is 4 thick and 12 "
                   "tall and runs the full 100 length.")
    assert u.spec is None or u.spec["body"]["kind"] != "profile"


@pytest.mark.parametrize("text,said,key,v", [
    ("block 120x60x20 with a 40x40 pocket 8 deep 30 from the left end and a 30x30 pocket 5 deep 30 from the right end",
     "make both pockets 12 deep", "depth", 12.0),
    ("plate 100 x 60 x 10 with a 20 dia boss 10 tall 25 from the left end and a 20 dia boss 10 tall 25 from the right "
     "end", "make the bosses 15 tall", "height", 15.0)])
def test_a_change_to_several_features_of_a_kind(text, said, key, v):
    """Only the last one was changed (marked ok)."""
    assert [f[key] for f in edited(text, said)["features"]] == [v, v]


def test_a_grid_said_across_and_down():
    """'4 across and 2 down' was refused ('how many holes at 25 mm pitch')."""
    (f,) = read("plate 120 x 80 x 6 with holes Ø6, 4 across and 2 down, 25 apart")["features"]
    assert f["at"] == {"kind": "grid", "counts": [4, 2], "spacing": [25.0, 25.0]}


@pytest.mark.parametrize("said,counts", [("add a third row", [4, 3]), ("make it 3 rows of 4", [4, 3]),
                                         ("make it 10 holes, 5 in each row", [5, 2])])
def test_rows_of_a_grid_changed(said, counts):
    """Refused, or '10 holes, 5 in each row' read as ten per row."""
    (f,) = edited("plate 120 x 80 x 6, 6 mm holes in 2 rows of 4, 25 pitch, rows 30 apart", said)["features"]
    assert f["at"]["counts"] == counts and f["at"]["spacing"] == [25.0, 30.0]


def test_several_parts_listed_apart_make_the_largest_and_say_so():
    """Text2CAD's 'two rectangular blocks ... a smaller block, measuring ...': the larger made, the other said not made;
    a plate said on top of another is asked about (it was dropped unsaid)."""
    u = understand("The design includes two rectangular blocks. The larger block is positioned at the origin and "
                   "measures 0.3723 by 0.6431 by 0.5077. A smaller block, measuring 0.3046 by 0.6431 by 0.3046, sits "
                   "beside it.")
    assert not u.missing and any(n.startswith("several parts are described") for n in u.notes)


@pytest.mark.parametrize("edit, counts", [("change to 2 rows", [6, 2]), ("make it 2 rows", [6, 2]),
                                          ("2 rows instead of 3", [6, 2]), ("4 columns", [4, 3])])
def test_a_grids_rows_or_columns_said_alone(edit, counts):
    """'change to 2 rows' of a 6 x 3 grid: the rows, the columns kept (it was refused as no change read)."""
    spec = edited("plate 150 x 80 x 6 with a 6x3 grid of 5 mm holes, 20 pitch", edit)
    (h,) = spec["features"]
    assert h["at"]["counts"] == counts and h["at"]["spacing"] == [20.0, 20.0]
