"""A part said as the plates it is built from (tools/understand/plates.py): a base plate with two walls (a U whose
base has its own thickness), four walls round a floor plate (an open box, its floor the plate), a web on the centre
line (a T), an upright plate along one edge (an L). Heights said of the walls are above the plate. Every one of these
was another part marked ok (a shelled box with four walls, a T as a plain block, an L as tall as the wall alone)."""

import pytest

from cadagent.tools.part.geometry import polygon_area, profile_outline
from cadagent.tools.part.spec import PartSpec
from cadagent.tools.understand import understand

from .reading import edited, spec_of as read


def _area(body: dict) -> float:
    return polygon_area(profile_outline(PartSpec.model_validate({"schema_version": "1.0", "name": "x", "body": body,
                                                                 "features": []}).body))


@pytest.mark.parametrize("text,body", [
    ("Base plate 100 x 60, 8 thick. On top of it, two walls along both 100 mm edges, flush with the outside, each wall "
     "4 thick and 30 high above the plate, running the full 100.",
     {"shape": "U", "width": 60.0, "height": 38.0, "thickness": 4.0, "length": 100.0, "lip": 8.0}),
    ("a U-shaped channel: bottom plate 80 x 120, two upright walls along the 120 edges standing 25 tall above the "
     "bottom plate, walls and bottom 6 thick, walls flush with the edges",
     {"shape": "U", "width": 80.0, "height": 31.0, "thickness": 6.0, "length": 120.0}),
    ("A T: base plate 100 x 40 x 8, plus an upright web plate 100 long, 6 thick and 50 tall, standing on the base along "
     "its centre line.", {"shape": "T", "width": 40.0, "height": 58.0, "thickness": 6.0, "length": 100.0, "lip": 8.0}),
    ("Two plates at a right angle: a horizontal plate 80 x 50 x 6, and a vertical plate 80 wide and 6 thick standing "
     "on it along one of its 80 mm edges (flush with that edge), rising 60 above the horizontal plate's top.",
     {"shape": "L", "width": 50.0, "height": 66.0, "thickness": 6.0, "length": 80.0}),
])
def test_sections_said_as_their_plates(text, body):
    u = understand(text)
    assert not u.missing, u.explain()
    got = u.spec["body"]
    assert got["kind"] == "profile" and {k: got.get(k) for k in body} == body and not u.spec["features"]


def test_a_channels_base_thicker_than_its_walls():
    """The U's lip is its base: 60 x 8 plus two 4 x 30 walls (the section area the measurer will find)."""
    body = read("Base plate 100 x 60, 8 thick. On top of it, two walls along both 100 mm edges, each wall 4 thick and "
                "30 high above the plate.")["body"]
    assert _area(body) == pytest.approx(60 * 8 + 2 * 4 * 30)


def test_an_open_box_said_as_a_floor_plate_and_four_walls():
    spec = read("Open-top box built from plates: a floor plate 120 x 80 x 6, and four walls 3 thick sitting on top of "
                "the floor around its edge, walls 40 tall above the floor.")
    assert spec["body"] == {"kind": "box", "id": "box", "length": 120.0, "width": 80.0, "height": 46.0}
    assert spec["features"] == [{"id": "shell", "kind": "shell", "thickness": 3.0, "open_face": "top", "bottom": 6.0}]


def test_a_thicker_floor_with_the_walls_kept_above_it():
    """'thicker floor, 10 mm, walls unchanged (still 40 above the floor)': the part grows by what the floor grew."""
    spec = edited("a floor plate 120 x 80 x 6 and four walls 3 thick sitting on top of it around its edge, 40 tall "
                  "above the floor", "thicker floor, 10 mm, walls unchanged (still 40 above the floor)")
    assert spec["body"]["height"] == 50 and spec["features"][0]["bottom"] == 10
    spec = edited("a floor plate 120 x 80 x 6 and four walls 3 thick sitting on top of it around its edge, 40 tall "
                  "above the floor", "make the floor 8")
    assert spec["body"]["height"] == 46 and spec["features"][0]["bottom"] == 8


def test_a_tray_like_a_channel_with_closed_ends_is_open_at_the_top():
    """It was made a sealed hollow box (marked ok)."""
    spec = read("A tray made like a U-channel with both ends closed: 200 long, 50 wide, 40 tall overall. Bottom 5 "
                "thick, the two long sides 3 thick, and two end plates 3 thick.")
    assert spec["features"] == [{"id": "shell", "kind": "shell", "thickness": 3.0, "open_face": "top", "bottom": 5.0}]


def test_an_l_with_plates_of_two_thicknesses_is_not_guessed():
    u = understand("a horizontal plate 80 x 50 x 6, and a vertical plate 80 wide and 4 thick standing on it along one "
                   "of its 80 mm edges, rising 60 above the horizontal plate")
    assert u.spec is None and any("differ in thickness" in m for m in u.missing)


@pytest.mark.parametrize("text,body", [
    ("a 100 x 40 x 5 plate with another 100 x 30 x 5 plate standing on one long edge, perpendicular",
     {"shape": "L", "width": 40.0, "height": 35.0, "thickness": 5.0, "length": 100.0}),
    ("plate 80 x 50 x 6 lying flat and a second plate 80 x 60 x 6 standing upright on its back edge",
     {"shape": "L", "width": 50.0, "height": 66.0, "thickness": 6.0, "length": 80.0})])
def test_two_plates_at_a_right_angle(text, body):
    """The second plate was dropped (a 100 x 40 x 5 block, marked ok)."""
    got = read(text)["body"]
    assert {k: got.get(k) for k in body} == body


def test_two_plates_that_do_not_say_how_they_meet_are_asked():
    """'welded at 90 degrees: one 80 x 50 x 6, the other 80 x 60 x 6' is 50 x 66 or 56 x 60 outside: not guessed (it was
    an L 6 long)."""
    u = understand("L bracket made from two plates welded at 90 degrees: one 80 x 50 x 6, the other 80 x 60 x 6")
    assert any("how the two plates meet" in m for m in u.missing)


def test_a_second_plate_said_on_top_is_not_dropped():
    u = understand("base plate 100 x 60 x 10 with another plate 20 x 20 x 10 on top")
    assert any("20 x 20 x 10" in m for m in u.missing)


def test_walls_unchanged_alone_keeps_their_thickness_not_their_height():
    """'thicker floor, 6 mm, walls unchanged': the walls' thickness kept; the part stays 40 tall (read as the walls'
    height kept, the part grew)."""
    spec = edited("open top box 100 x 60 x 40, 3 mm walls, 3 mm floor", "thicker floor, 6 mm, walls unchanged")
    assert spec["body"]["height"] == 40 and spec["features"][0]["bottom"] == 6
