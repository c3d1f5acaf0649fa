"""Holes counted but not placed on a round part go evenly on a bolt circle, and the answer says so
(before, the disc was built without its holes and marked ok, or the request was declined)."""

from __future__ import annotations

import math

import pytest

from cadagent.agent.drafts import DesignContext
from cadagent.agent.offline.engine import OfflineChatModel
from cadagent.tools.understand import understand


@pytest.mark.parametrize("text, count, pcd", [
    ("a disc 100 mm diameter, 6 mm thick with 8 holes in a circle", 8, 70.0),
    ("a flange 120 mm diameter, 15 mm thick with 6 bolt holes", 6, 84.0),
    ("a tube OD 60 ID 30, 20 long with 4 holes", 4, 45.0),          # mid-wall on a tube
])
def test_counted_holes_on_a_round_part_go_on_an_assumed_bolt_circle(text, count, pcd):
    u = understand(text)
    holes = [f for f in u.spec["features"] if f["kind"] == "hole"]
    assert holes and holes[0]["at"] == {"kind": "bolt_circle", "count": count, "diameter": pcd}
    assert f"no bolt circle diameter given: {pcd:g} mm assumed" in u.explain()


def test_a_plate_keeps_its_row_and_the_disc_builds_with_every_hole(sandbox):
    assert understand("a 60 x 40 x 5 plate with 3 holes").spec["features"][0]["at"]["kind"] == "linear"
    draft = OfflineChatModel().draft(DesignContext(task="new_design",
                                                   request="a disc 100 mm diameter, 6 mm thick with 8 holes of 5 mm"))
    res = sandbox.run_script(draft.code, exports=())
    assert res.valid_solid
    assert res.report.volume == pytest.approx(math.pi * 50 ** 2 * 6 - 8 * math.pi * 2.5 ** 2 * 6, rel=1e-6)


def test_holes_on_an_angle_bracket_with_no_place_go_in_each_leg(sandbox):
    text = "an L bracket with 40 mm legs, 30 mm wide, 5 mm thick, with two 5 mm holes"
    u = understand(text)
    assert [f["on"] for f in u.spec["features"]] == ["front", "left"]
    assert "no place given for the holes: in each leg" in u.explain()
    draft = OfflineChatModel().draft(DesignContext(task="new_design", request=text))
    res = sandbox.run_script(draft.code, exports=())
    section = 40 * 5 + 35 * 5
    assert res.valid_solid and res.report.volume == pytest.approx(section * 30 - 2 * math.pi * 2.5 ** 2 * 5, rel=1e-6)


@pytest.mark.parametrize("text, kind", [("a 60 x 40 x 5 plate with 4 holes", "corners"),
                                        ("a 60 x 40 x 5 plate with 4 holes in a row", "linear"),
                                        ("a 100 x 20 x 5 bar with 4 holes 20 mm apart", "linear")])
def test_four_unplaced_holes_on_a_plate_go_in_its_corners(text, kind):
    u = understand(text)
    assert u.spec["features"][0]["at"]["kind"] == kind
    assert ("no inset from the corners given: 6 mm assumed" in u.explain()) == (kind == "corners")


def test_bare_fractions_are_inches_and_said():
    u = understand("washer 3/4 OD, 3/8 ID, 1/16 thick")          # before: a 0.75 mm washer, marked ok
    body = u.spec["body"]
    assert (body["outer_diameter"], body["inner_diameter"], body["height"]) == pytest.approx((19.05, 9.525, 1.5875))
    assert "no unit given: the fractions read as inches" in u.explain() and u.spec["units"] == "in"
    assert understand("a 40 x 20 x 10 block").spec["body"]["length"] == 40.0      # whole numbers stay mm


@pytest.mark.parametrize("text, size", [("a plate with 4 holes, 100 x 60 x 5", [100.0, 60.0, 5.0]),
                                        ("a block with a 10 mm hole, 50 x 30 x 20", [50.0, 30.0, 20.0])])
def test_overall_sizes_listed_after_a_hole_are_the_parts(text, size):
    body = understand(text).spec["body"]                      # before: declined, 'missing length and width'
    assert [body["length"], body["width"], body["height"]] == size
