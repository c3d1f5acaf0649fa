"""Rows of holes set in from each end ('5 holes evenly spaced along the centre line, 20 from each end': the end ones
20 in, the rest evenly between; before, the spacing was assumed span / (n + 1) and said so), a row of four that is
no corner pattern ('4 holes, 15 in from each end, equally spaced'), and holes through one wall of a tube (from the
side to the bore; before, they were drilled into the tube's end ring on an assumed bolt circle)."""

import math

import pytest

from .reading import spec_of, volume_of


@pytest.mark.parametrize("text, n, spacing", [
    ("bar 200 x 25 x 10 with 5 holes 6.5 dia evenly spaced along the centre line, 20 from each end", 5, 40.0),
    ("strip 300 x 30 x 3, 4 holes 5mm, 15 in from each end, equally spaced", 4, 90.0),
    ("plate 120 x 40 x 5 with two 6 mm holes 20 in from each end", 2, 80.0),
])
def test_rows_set_in_from_each_end(text, n, spacing):
    (f,) = spec_of(text)["features"]
    assert f["at"] == {"kind": "linear", "count": n, "spacing": spacing, "axis": "u"}


def test_four_holes_in_from_the_edges_are_still_the_corners():
    (f,) = spec_of("plate 100x60x5, 4 holes 5mm, 10 in from the edges")["features"]
    assert f["at"] == {"kind": "corners", "inset": 10.0}


@pytest.mark.parametrize("text, at", [
    ("tube 60 od 50 id 80 long with 4 holes 5mm through one wall",
     {"kind": "linear", "count": 4, "spacing": 16.0, "axis": "v", "center": [0.0, 0.0]}),
    ("tube 60 od 50 id 80 long with 4 x 5mm holes in a row along one side, 15 apart",
     {"kind": "linear", "count": 4, "spacing": 15.0, "axis": "v", "center": [0.0, 0.0]}),
    ("tube 60 od 50 id 80 long with a 5mm hole through one wall, 20 from the top",
     {"kind": "at", "points": [[0.0, 20.0]]}),
])
def test_holes_through_one_wall_of_a_tube(text, at):
    (f,) = spec_of(text)["features"]
    assert (f["size"], f["on"], f["depth"], f["at"]) == (5.0, "front", 30.0, at)


def test_a_hole_through_one_wall_cuts_that_wall_only(sandbox):
    spec = spec_of("tube 60 od 50 id 80 long with a 10mm hole through one wall")
    tube = volume_of(sandbox, {**spec, "features": []})      # measured the same way (the round faces tessellated)
    removed = tube - volume_of(sandbox, spec)
    one_wall = math.pi * 5 ** 2 * 5          # about: a 10 mm hole through a 5 mm wall (curved faces: a little more)
    assert 0.95 * one_wall < removed < 1.3 * one_wall      # (both walls: twice as much)


@pytest.mark.parametrize("text, at", [
    ("axle 8 dia 60 long with a 2mm hole through 5 from each end", {"kind": "linear", "count": 2, "spacing": 50.0, "axis": "v"}),
    ("pin 6 dia 40 long, 1.5 hole thru 4 from one end", {"kind": "at", "points": [[0.0, -16.0]]}),
])
def test_a_hole_through_a_rod_near_its_ends_goes_across(text, at):
    """Before: a corner pattern on the rod's end face (declined) or holes down its length."""
    (f,) = spec_of(text)["features"]
    assert (f["on"], f["at"]) == ("front", at)


def test_stepped_shaft_said_as_dia_then_long():
    b = spec_of("stepped shaft 30 dia 50 long then 20 dia 30 long then 15 dia 20 long, chamfer 1 on the ends")["body"]
    assert b["sections"] == [{"diameter": 30.0, "length": 50.0}, {"diameter": 20.0, "length": 30.0},
                             {"diameter": 15.0, "length": 20.0}]
