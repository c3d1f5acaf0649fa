"""Edits in the words of outsiders' conversations (session 8): a copy placed from the hole it copies and said to match
after its place, holes picked by the order they were made, a new plain hole beside counterbored ones, the counterbored
holes on one side dropped, a hex made round, a size said to stay, a screw named before the hole's own sizes, one more
between a pair, one more of a pattern at the middle, a shell taken out, bare numbers on a cm part that only fit as mm.
Each asserts the edited spec's sizes and places, or its exact volume, and what the answer says was assumed."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand


def ok(spec: dict, text: str):
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r


def volume(spec: dict) -> float:
    return expectations(parse(spec))["volume"]


BLOCK = understand("block 120 x 60 x 15, one 8 mm hole through, 30 from the left end").spec


@pytest.mark.parametrize("text", ["another hole 25 to the right of it, same size", "one more hole 25 right of it, identical",
                                  "add another hole 25 mm to the right of it, same as the first one"])
def test_a_copy_said_to_match_after_its_place_keeps_the_size(text):
    spec = ok(BLOCK, text).spec
    (f,) = spec["features"]
    assert f["size"] == 8 and f["at"] == {"kind": "at", "points": [[-30.0, 0.0], [-5.0, 0.0]]}


def test_holes_picked_by_the_order_they_were_made():
    two = ok(BLOCK, "another hole 25 to the right of it, same size").spec
    second = ok(two, "make the second one 5").spec
    assert [(f["size"], f["at"]["points"]) for f in second["features"]] == [(8, [[-30.0, 0.0]]), (5, [[-5.0, 0.0]])]
    r = ok(second, "move the first one to 12 from the end")
    first = r.spec["features"][0]
    assert first["size"] == 8 and first["at"]["edge"] == "left" and first["at"]["distance"] == 12
    assert any("the left end" in n for n in r.notes)


def test_a_plain_hole_added_beside_counterbored_ones_is_new_and_the_right_pair_can_go():
    plate = understand("plate 100x80x12, 4 holes 6.6 thru with Ø11 counterbore 6.5 deep, 15 in from the edges").spec
    spec = ok(plate, "put a plain 25mm hole in the middle").spec
    assert [(f["size"], "cbore" in f) for f in spec["features"]] == [(6.6, True), (25, False)]
    r = ok(spec, "remove the two counterbores on the left side")
    kept = r.spec["features"][0]
    assert kept["cbore"] == {"diameter": 11, "depth": 6.5} and sorted(kept["at"]["points"]) == [[35.0, -25.0], [35.0, 25.0]]
    one = math.pi * (3.3 ** 2 * 12 + (5.5 ** 2 - 3.3 ** 2) * 6.5)
    assert volume(r.spec) == pytest.approx(100 * 80 * 12 - math.pi * 12.5 ** 2 * 12 - 2 * one)


@pytest.mark.parametrize("text,kind", [("make it round instead of hex, 9 dia", "tube"), ("round not hex please, Ø9", "tube")])
def test_a_hex_made_round_keeps_its_bore_and_height(text, kind):
    hexbar = understand("hex spacer 8 AF 30 long with a 3.2 hole through").spec
    body = ok(hexbar, text).spec["body"]
    assert body["kind"] == kind and body["outer_diameter"] == 9 and body["inner_diameter"] == 3.2 and body["height"] == 30


def test_a_hex_made_round_without_a_diameter_is_asked():
    r = apply_edit("make it round", understand("hex bar 20 AF 50 long").spec)
    assert r.spec is None and "round diameter" in r.failed[0]


def test_a_size_said_to_stay_is_no_change():
    bush = understand("flanged bushing, body Ø16 x 20 long, flange Ø28 x 3, Ø10 bore through").spec
    r = ok(bush, "flange 5 thick, the body stays 20")
    assert [s["length"] for s in r.spec["body"]["sections"]] == [5, 20]
    assert any("stays 20" in n for n in r.notes)
    cup = ok(understand("cylinder 30 dia 50 tall").spec, "shell it 3mm, open top").spec
    r = ok(cup, "make it 45 dia, keep the 3 wall")
    assert r.spec["body"]["diameter"] == 45 and r.spec["features"][0]["thickness"] == 3


def test_the_screw_named_before_the_holes_own_sizes_and_one_more_between_a_pair():
    plate = understand("plate 90 x 40 x 6, two countersunk holes 50 apart on the centre line, 4.5 thru, 9 dia x 90° csk").spec
    r = ok(plate, "change them to M6 - 6.6 thru with a 13 countersink")
    (f,) = r.spec["features"]
    assert f["size"] == 6.6 and f["csink"]["diameter"] == 13 and any("M6 is the screw" in n for n in r.notes)
    three = ok(r.spec, "add one more, same, halfway between the two").spec["features"][0]
    assert three["at"]["count"] == 3 and three["at"]["spacing"] == 25 and three["csink"]["diameter"] == 13


@pytest.mark.parametrize("text", ["add a fifth one in the middle, same", "one more dead centre, same as the others"])
def test_one_more_of_a_pattern_at_the_middle_keeps_its_heads(text):
    plate = understand("plate 120 x 80 x 10, 4 holes 6.6 thru with Ø11 counterbore 5 deep, 10 from the edges").spec
    spec = ok(plate, text).spec
    assert [((f.get("at") or {}).get("kind"), f["size"], f.get("cbore")) for f in spec["features"]] == [
        ("corners", 6.6, {"diameter": 11, "depth": 5}), ("center", 6.6, {"diameter": 11, "depth": 5})]


def test_a_shell_taken_out_and_bolts_counted_as_holes():
    box = understand("open top box 100 x 60 x 40, 2 mm walls").spec
    assert ok(box, "actually make it a solid block again").spec["features"] == []
    flange = understand("flange 120 dia 10 thick, 4 holes 9 mm on a 90 bolt circle").spec
    assert ok(flange, "6 bolts instead of 4").spec["features"][0]["at"]["count"] == 6


def test_bare_numbers_on_a_cm_part_that_only_fit_as_mm():
    plate = understand("plate 10 cm by 6 cm, 1 cm thick").spec
    r = ok(plate, "4 holes Ø5, 1 cm in from the corners")
    assert r.spec["features"][0]["size"] == 5 and any("read as mm" in n for n in r.notes)
    assert apply_edit("a 3 hole in the middle", plate).spec["features"][0]["size"] == 30     # 3 cm fits: cm
