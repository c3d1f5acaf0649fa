"""Edits of what a tube's or a bar's section holds: a square or rectangular tube's walls made thicker or thinner (the
bore changed, the outside kept; it was refused as 'a solid box has no walls'), and a round bar's cross hole moved along
the bar (it was refused: 'moving in or out is done for holes at the corners')."""

from __future__ import annotations

import pytest

from cadagent.tools.understand import apply_edit

from .reading import edited, spec_of as read

SQUARE = "square tube 40 x 40, 2 wall, 100 long"
BAR = "shaft 20 dia 100 long with a 6 mm cross hole 15 from one end"


@pytest.mark.parametrize("start, edit, bore", [
    (SQUARE, "make the walls twice as thick", (32, 32)),
    (SQUARE, "make the wall 3", (34, 34)),
    ("rectangular tube 60 x 40 x 3 wall, 200 long", "walls 1 mm thinner", (56, 36)),
])
def test_a_box_tubes_walls_change_its_bore(start, edit, bore):
    before, after = read(start), edited(start, edit)
    assert after["body"] == before["body"]
    (p,) = after["features"]
    assert sorted((p["length"], p["width"]), reverse=True) == sorted(bore, reverse=True) and "depth" not in p


def test_walls_that_would_fill_the_tube_are_refused():
    r = apply_edit("make the walls 25", read(SQUARE))
    assert r.spec is None and "less than 20" in r.failed[0]


@pytest.mark.parametrize("edit, from_lower, from_upper", [
    ("move the cross hole 10 mm further in", 25, None),
    ("move the cross hole to 25 from the end", 25, None),
    ("move the hole to 20 from the other end", None, 20),
    ("move the cross hole to the middle", 50, None),
])
def test_a_cross_hole_moved_along_the_bar(edit, from_lower, from_upper):
    (h,) = edited(BAR, edit)["features"]
    (u, v), = h["at"]["points"]
    assert u == 0 and (v == -50 + from_lower if from_lower is not None else v == 50 - from_upper)


def test_a_cross_hole_moved_off_the_end_is_refused():
    r = apply_edit("move the cross hole 20 mm further out", read(BAR))
    assert r.spec is None and "run off the end" in r.failed[0]
