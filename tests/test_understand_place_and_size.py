"""An edit that says a pattern's place and its holes' size in one breath ('holes 6mm, 8 from the edges', 'holes are
8 mm, pcd 70'): both are made. Before, the place was changed and the size refused as a number with nowhere to go."""

import pytest

from cadagent.tools.understand import apply_edit

from .reading import edited, spec_of

PLATE = "plate 80 x 50 x 5 with four 5mm holes in the corners"
FLANGE = "flange 100 dia 10 thick with 4 5mm holes on a 60 bolt circle"


def holes(spec: dict) -> dict:
    (f,) = [f for f in spec["features"] if f["kind"] == "hole"]
    return f


@pytest.mark.parametrize("edit, inset, size", [
    ("holes 6mm, 8 from the edges", 8.0, 6.0),
    ("holes are 8 mm, 10 from the edges", 10.0, 8.0),
    ("make the holes 6mm and 12 in from the corners", 12.0, 6.0),
])
def test_corner_holes_moved_in_and_resized_in_one_edit(edit, inset, size):
    f = holes(edited(PLATE, edit))
    assert (f["at"]["kind"], f["at"]["inset"], f["size"]) == ("corners", inset, size)


def test_holes_resized_and_put_on_a_grid_in_one_edit_keep_two_by_two():
    f = holes(edited(PLATE, "4 holes 7mm on a 30 x 20 grid"))
    assert f["size"] == 7.0
    assert f["at"]["kind"] == "grid" and f["at"]["counts"] == [2, 2] and f["at"]["spacing"] == [30.0, 20.0]


def test_bolt_circle_and_hole_size_in_one_edit():
    f = holes(edited(FLANGE, "holes are 8 mm, pcd 70"))
    assert (f["at"]["kind"], f["at"]["diameter"], f["at"]["count"], f["size"]) == ("bolt_circle", 70.0, 4, 8.0)


def test_a_number_beside_a_place_that_is_no_hole_size_is_still_refused():
    r = apply_edit("holes 8 from the edges, and 40", spec_of(PLATE))
    assert r.failed and "'40'" in r.explain()
