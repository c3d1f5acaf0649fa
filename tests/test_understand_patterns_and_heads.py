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
