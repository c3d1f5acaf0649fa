"""Everyday requests written tersely and the edits after them: 'disc 80 dia 8 thick 20 bore' (the 80 was the bore's),
'flange ... 50 bore 6 holes 10 mm on 95 PCD' (the holes were the bore's, on the circle), a boss stuck on a bored disc
with the bore carried through it, a cone cut across at a diameter, a countersink swapped for a counterbore on an M6
hole (its sizes from the screw's table), 'break all the edges 1 mm' (refused as no change read)."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.part import expectations, parse

from .reading import edited, spec_of as read


def test_the_number_right_after_the_parts_name_is_the_parts():
    body = read("disc 80 dia 8 thick 20 bore")["body"]
    assert (body["kind"], body["outer_diameter"], body["inner_diameter"], body["height"]) == ("tube", 80, 20, 8)


def test_a_bore_and_a_counted_set_of_holes_said_without_commas():
    spec = read("flange 120 OD 12 thick 50 bore 6 holes 10 mm on 95 PCD")
    bore, holes = spec["features"]
    assert bore["size"] == 50 and (bore.get("at") or {"kind": "center"})["kind"] == "center"
    assert holes["size"] == 10 and holes["at"] == {"kind": "bolt_circle", "count": 6, "diameter": 95.0}


def test_a_boss_stuck_on_a_bored_disc_with_the_bore_through_it():
    spec = edited("disc 80 dia 8 thick 20 bore", "stick a boss on top 35 dia 10 high, bore through it too")
    assert spec["body"]["kind"] == "cylinder"
    v = expectations(parse(spec))["volume"]
    assert v == pytest.approx(math.pi * (40 ** 2 * 8 + 17.5 ** 2 * 10 - 10 ** 2 * 18), rel=1e-6)


def test_a_cone_cut_across_where_it_is_15_wide_loses_its_tip():
    body = edited("cone 50 dia at the bottom, 60 tall", "truncate it at 15 dia")["body"]
    assert (body["bottom_diameter"], body["top_diameter"], body["height"]) == (50, 15, 42)
    body = edited("cone 60 base 80 tall", "keep it 80 tall but flatten the tip so the top is 20 mm across")["body"]
    assert (body["top_diameter"], body["height"]) == (20, 80)


def test_a_countersink_swapped_for_a_counterbore_on_an_m6_hole_takes_the_screws_sizes():
    spec = edited("block 60 x 60 x 20", "countersunk hole in the middle for an M6", "swap the countersink for a counterbore")
    (h,) = spec["features"]
    assert h["size"] == "M6 clearance" and h["cbore"] == {"diameter": 11.0, "depth": 6.4} and "csink" not in h
    (h,) = edited("block 60 x 60 x 20", "counterbored hole in the middle for an M6",
                  "change it to a countersink")["features"]
    assert h["csink"]["diameter"] == pytest.approx(13.44) and "cbore" not in h


@pytest.mark.parametrize("start, edit", [("block 8 x 5 x 3 cm", "break all the edges 1 mm"),
                                         ("plate 100 x 60 x 6", "break the edges 0.5")])
def test_breaking_the_edges_is_a_small_round(start, edit):
    """(an edge break reads as a small round, as 'break the sharp edges 0.5' already did)"""
    (f,) = edited(start, edit)["features"]
    assert f["kind"] == "fillet" and f["edges"] in ("all", "outer")


def test_holes_said_with_their_place_on_a_part_with_none_are_added():
    """'3/8 hole in each corner 5/8 from the edges' with no 'add': new holes (refused: 'no holes to change')."""
    (h,) = edited("plate 4 x 6 in, 3/8 thick", "3/8 hole in each corner 5/8 from the edges")["features"]
    assert h["size"] == pytest.approx(9.525) and h["at"] == {"kind": "corners", "inset": pytest.approx(15.875)}


@pytest.mark.parametrize("start, edit, key, value", [
    ("cylinder 50 dia 30 tall", "bump the diameter up 10", "diameter", 60),
    ("cylinder 50 dia 30 tall", "10 mm less tall", "height", 20),
    ("cylinder 50 dia 30 tall", "make it a tube with a 30 bore", "inner_diameter", 30),
    ("U channel 60 wide 40 tall 4 thick, 100 long", "material 5 mm", "thickness", 5),
    ("L bracket 50 x 50 x 4, 30 wide", "stock 6", "thickness", 6),
])
def test_size_changes_said_other_ways(start, edit, key, value):
    """Each was refused as no change read (or, for the bore, as no bore said)."""
    assert edited(start, edit)["body"][key] == value
