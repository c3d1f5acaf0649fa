"""Edits in words written by outsiders: 'same for the other one', a length on a part standing on its end, a
ring's width along its axis, and edges that no edge set picks alone (declined, never put on the whole set)."""

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit

PLATE_TWO_SLOTS = {"body": {"kind": "box", "id": "plate", "length": 160.0, "width": 60.0, "height": 8.0},
                   "features": [{"id": "slot", "kind": "slot", "on": "top", "at": {"kind": "at", "points": [[45.0, 0.0]]},
                                 "length": 30.0, "width": 10.0, "angle": 90.0},
                                {"id": "slot_left", "kind": "slot", "on": "top",
                                 "at": {"kind": "at", "points": [[-45.0, 0.0]]}, "length": 40.0, "width": 10.0,
                                 "angle": 90.0}]}
BLOCK = {"body": {"kind": "box", "id": "block", "length": 60.0, "width": 40.0, "height": 20.0}, "features": []}


def ok(spec: dict, text: str) -> dict:
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


@pytest.mark.parametrize("text", ["same for the other one", "do the other slot the same", "the other one too"])
def test_same_for_the_other_one_gives_the_sizes_of_the_one_changed_to_its_sibling(text):
    spec = ok(PLATE_TWO_SLOTS, text)
    assert [(f["id"], f["length"], f["at"]["points"]) for f in spec["features"]] == [
        ("slot", 40.0, [[45.0, 0.0]]), ("slot_left", 40.0, [[-45.0, 0.0]])]


def test_same_on_the_other_end_adds_the_edge_treatment_on_the_opposite_edges():
    cyl = {"body": {"kind": "cylinder", "id": "rod", "diameter": 40.0, "height": 60.0},
           "features": [{"id": "bevel", "kind": "chamfer", "edges": "top", "size": 1.0}]}
    for text in ("same on the other end", "do the other end the same"):
        feats = ok(cyl, text)["features"]
        assert [(f["kind"], f["edges"], f["size"]) for f in feats] == [("chamfer", "top", 1.0), ("chamfer", "bottom", 1.0)]


def test_same_with_nothing_to_copy_is_not_read_as_a_change():
    r = apply_edit("same for the other one", BLOCK)
    assert r.spec is None and r.failed


@pytest.mark.parametrize("text,height", [("50 mm shorter", 450.0), ("make it 10 longer", 510.0), ("length 350", 350.0),
                                         ("cut it to length, 350", 350.0)])
def test_a_part_standing_on_its_end_is_as_long_as_it_is_tall(text, height):
    tube = {"body": {"kind": "box", "id": "rectangular_tube", "length": 30.0, "width": 40.0, "height": 500.0},
            "features": [{"id": "bore", "kind": "pocket", "shape": "rect", "length": 24.0, "width": 34.0}]}
    spec = ok(tube, text)
    assert [spec["body"][k] for k in ("length", "width", "height")] == [30.0, 40.0, height]


def test_a_plate_stays_long_along_its_length():
    spec = ok({"body": {"kind": "box", "id": "plate", "length": 100.0, "width": 50.0, "height": 5.0}}, "50 mm shorter")
    assert spec["body"]["length"] == 50.0 and spec["body"]["height"] == 5.0


def test_a_ring_width_that_no_outside_diameter_can_be_is_along_the_axis():
    ring = {"body": {"kind": "tube", "id": "ring", "outer_diameter": 60.0, "inner_diameter": 40.0, "height": 10.0}}
    r = apply_edit("make it 15 wide", ring)
    assert r.spec["body"]["height"] == 15.0 and r.spec["body"]["outer_diameter"] == 60.0
    assert any("along the axis" in n for n in r.notes)
    assert ok(ring, "make it 70 wide")["body"]["outer_diameter"] == 70.0


@pytest.mark.parametrize("text", ["put a 1mm chamfer on the long top edges", "chamfer one of the vertical edges 5",
                                  "chamfer the front edge 2", "round two corners 5", "chamfer a vertical edge 5"])
def test_an_edge_treatment_on_some_edges_of_a_set_declines_naming_them(text):
    r = apply_edit(text, BLOCK)
    assert r.spec is None and "alone cannot be picked" in r.explain()


@pytest.mark.parametrize("text", ["round the 4 corners R5", "fillet all four vertical edges 5"])
def test_the_four_corners_of_a_block_are_its_vertical_edges_and_four_is_no_size(text):
    (f,) = ok(BLOCK, text)["features"]
    assert (f["kind"], f["edges"], f["radius"]) == ("fillet", "vertical", 5.0)
    assert expectations(parse({**BLOCK, "features": [f]}))["volume"] < 60 * 40 * 20
