"""Features said in turn or placed by what they sit on: square pockets counted and placed either side of the middle,
a pocket's corner count that is no pocket count, holes at each pocket's centre, ribs whose count, size and place are
three sentences, holes through a T's web or an L's upright placed by their height over the base, and edits whose body
word ('through the plate', 'above the plate', 'thru the flange') took the numbers after it."""

from __future__ import annotations

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import edited, spec_of as read


def _only(spec: dict, kind: str) -> list[dict]:
    return [f for f in spec["features"] if f["kind"] == kind]


def test_square_pockets_counted_and_placed_either_side_of_the_middle():
    """'2 square pockets' counts two (it was a square of 2); 'the 120 length' names the length (it was the pocket's)."""
    spec = read("120 x 60 x 20 block. Two square pockets in the top, each 40 x 40 and 8 deep, sharp corners, centred "
                "across the 60 width, with their centres 30 mm either side of the middle of the 120 length.")
    (p,) = _only(spec, "pocket")
    assert (p["length"], p["width"], p["depth"]) == (40, 40, 8)
    assert p["at"] == {"kind": "linear", "count": 2, "spacing": 60.0, "axis": "u"}


def test_the_inside_corners_of_a_pocket_are_no_pocket_count():
    spec = read("Plate 100 x 70 x 15 mm with a rectangular pocket milled into the top face: 60 by 40, 6 deep, centred, "
                "R5 in the four inside corners (the vertical corners only) and a flat floor.")
    (p,) = _only(spec, "pocket")
    assert (p["length"], p["width"], p["depth"], p.get("corner_radius")) == (60, 40, 6, 5) and "at" not in p


def test_a_hole_through_the_floor_of_each_pocket_goes_at_each_pockets_centre():
    spec = edited("120 x 60 x 20 block with two 40 x 40 pockets 12 deep, 60 apart",
                  "and drill a Ø16 hole through the floor of each pocket, at the pocket centre")
    (p,), (h,) = _only(spec, "pocket"), _only(spec, "hole")
    assert h["size"] == 16 and h["at"] == p["at"] and (p["at"]["count"], p["at"]["spacing"]) == (2, 60)
    spec = edited("plate 100 x 60 x 10 with a 40 x 30 pocket 5 deep 30 from the left end", "add a 10 mm hole in the pocket")
    (p,), (h,) = _only(spec, "pocket"), _only(spec, "hole")
    assert h["at"] == p["at"]


def test_ribs_counted_sized_and_placed_in_three_sentences():
    spec = read("Stiffened panel: flat plate 100 x 80 x 6 with three ribs on the top face. Each rib is 4 thick and 12 "
                "tall and runs the full 100 length. One rib sits on the centre line, the other two 25 mm either side of "
                "it, centre to centre.")
    ribs = _only(spec, "rib")
    assert sorted(r["start"][1] for r in ribs) == [-25, 0, 25]
    assert {(r["thickness"], r["height"]) for r in ribs} == {(4, 12)}
    two = _only(read("plate 100 x 80 x 6 with two ribs 4 thick and 12 tall along the length, 20 either side of the "
                     "centre line"), "rib")
    assert sorted(r["start"][1] for r in two) == [-20, 20]


def test_ribs_of_two_sizes_are_not_merged_into_one_set():
    ribs = _only(read("plate 100 x 80 x 6 with two ribs 4 thick 12 tall 40 apart, and a rib 8 thick 20 tall across the "
                      "width"), "rib")
    assert sorted((r["thickness"], r["height"]) for r in ribs) == [(4, 12), (4, 12), (8, 20)]


def test_a_hole_through_a_tees_web_by_its_height_over_the_base():
    """The T's flange is at +Y of its section and the left face's u runs along -Y: 25 over the 8 mm flange of a 58 tall
    T is u = 8 + 25 - 29 = 4."""
    spec = edited("A T: base plate 100 x 40 x 8, plus an upright web plate 100 long, 6 thick and 50 tall, standing on "
                  "the base along its centre line.",
                  "Cut a Ø20 hole through the web, in the middle of its length, its centre 25 above the base plate's top.")
    (h,) = _only(spec, "hole")
    assert h == {"id": h["id"], "kind": "hole", "size": 20.0, "on": "left", "at": {"kind": "at", "points": [[4.0, 0.0]]}}
    spec = edited("T section 100 long, flange 40 wide 8 thick, web 6 thick, 58 tall overall",
                  "two 10 mm holes through the web 20 from each end")
    (h,) = _only(spec, "hole")
    assert h["at"] == {"kind": "linear", "count": 2, "spacing": 60.0, "axis": "v", "center": [4.0, 0.0]}


def test_a_hole_too_big_for_the_web_is_said():
    r = apply_edit("add a 60 mm hole through the web", read("T bracket 100 long, 40 wide, 58 tall, 6 thick"))
    assert r.failed and "web" in " ".join(r.failed)


def test_holes_through_an_ls_upright_by_their_height_over_the_base_leg():
    """30 above the 6 mm base leg is 36 up the 66 mm upright (u = 33 - 36); 20 in from each end of 80: 40 apart."""
    spec = edited("Two plates at a right angle: a horizontal plate 80 x 50 x 6, and a vertical plate 80 wide and 6 thick "
                  "standing on it along one of its 80 mm edges (flush with that edge), rising 60 above the horizontal "
                  "plate's top.", "Two Ø14 holes through the vertical plate, 20 in from each end, 30 above the "
                  "horizontal plate.")
    (h,) = _only(spec, "hole")
    assert h["size"] == 14 and h["on"] == "left"
    assert h["at"] == {"kind": "linear", "count": 2, "axis": "v", "spacing": 40.0, "center": [-3.0, 0.0]}


@pytest.mark.parametrize("start, edit, check", [
    # "Ø14 holes through the plate 20 from each end": the size was read as the plate's diameter, the 20 as its inset
    ("plate 80 x 60 x 10", "Two Ø14 holes through the plate 20 from each end",
     lambda s: _only(s, "hole")[0]["size"] == 14 and _only(s, "hole")[0]["at"]["spacing"] == 40),
    # "standing 15 above the plate": the boss's height (the plate was made 15 thick)
    ("square plate 80 x 80 x 8", "put a round boss in the centre on top, Ø30, standing 15 above the plate",
     lambda s: s["body"]["height"] == 8 and (_only(s, "boss")[0]["diameter"], _only(s, "boss")[0]["height"]) == (30, 15)),
    # "4X Ø14 thru the flange" of a flange: the holes' size (Ø5 was assumed)
    ("flange Ø120 x 10 with a Ø50 hub sticking up 30 from it, Ø25 bore right through both",
     "add 4X Ø14 thru the flange on a 90 PCD",
     lambda s: [h["size"] for h in _only(s, "hole") if h["at"].get("kind") == "bolt_circle"] == [14]),
    # a slip in a chat word ('actualy') blocked the edit
    ("bar 200 x 30 x 10 with 4 holes Ø12 on the centre line, 30 apart, centred on the bar",
     "actualy make it 6 holes, same spacing", lambda s: _only(s, "hole")[0]["at"]["count"] == 6),
])
def test_edits_whose_body_word_took_the_numbers(start, edit, check):
    assert check(edited(start, edit))


def test_a_web_made_taller_stands_that_high_over_the_base_plate():
    spec = edited("T-bracket: base plate 100 long, 80 wide, 8 thick, with a web 6 thick and 40 tall standing on it "
                  "down the middle, running the 100 length", "web 60 tall")
    assert (spec["body"]["shape"], spec["body"]["height"], spec["body"]["lip"]) == ("T", 68, 8)


def test_one_thickness_said_of_base_and_walls():
    body = read("U channel, 100 long, 60 wide and 40 tall on the outside, 5 thick base and walls")["body"]
    assert (body["shape"], body["width"], body["height"], body["thickness"], body["length"]) == ("U", 60, 40, 5, 100)


@pytest.mark.parametrize("edit, d", [("add an 8 mm hole in each leg, 15 from the end of the leg", 15),
                                     ("add an 8 mm hole in each leg 12 mm from its free end", 12)])
def test_holes_in_an_ls_legs_placed_from_their_free_ends(edit, d):
    """The base leg (60, along X from the corner at -30) ends at u = 30; the upright (40) ends at u = -20 (its left face's
    u runs down -Y): each hole d in from there (the 15 was dropped and the hole centred, marked ok)."""
    spec = edited("L bracket, legs 60 and 40, 5 thick, 30 wide", edit)
    at = {f["on"]: f["at"]["points"] for f in _only(spec, "hole")}
    assert at == {"front": [[30.0 - d, 0.0]], "left": [[-20.0 + d, 0.0]]}


@pytest.mark.parametrize("text, lip, wall", [
    ("U channel 100 long, 60 wide, 40 tall, walls 6 thick and base 4 thick", 4, 6),
    ("U channel 100 long, 60 wide, 40 tall, 4 thick base, 6 thick walls", 4, 6),
    ("U channel 100 long, 60 wide, 40 tall, base 8 thick, walls 4 thick", 8, 4),
])
def test_a_channels_base_and_walls_of_two_thicknesses(text, lip, wall):
    """The base's own thickness is the U's lip (the '4' was left unread and the channel declined)."""
    body = read(text)["body"]
    assert (body["shape"], body["thickness"], body["lip"], body["height"]) == ("U", wall, lip, 40)
