"""Follow-up edits in the words people use (scale factors, moves in two directions, 'drop ... in', holes added
to a bored disc, a slot's named size): each edit changes what it says, or declines naming what it did not read."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand


def edit(first: str, text: str):
    return apply_edit(text, understand(first).spec)


def ok(first: str, text: str) -> dict:
    r = edit(first, text)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


def dims(spec: dict) -> list[float]:
    return [spec["body"][k] for k in ("length", "width", "height")]


@pytest.mark.parametrize("text,factor", [("1.5x", 1.5), ("make it 1.5x bigger", 1.5), ("scale it by 2", 2.0),
                                         ("scale it up 20%", 1.2), ("scale everything down by half", 0.5),
                                         ("scale it down by 2", 0.5), ("double it", 2.0), ("2 times the size", 2.0)])
def test_the_whole_part_scaled_by_a_factor(text, factor):
    spec = ok("block 40 x 30 x 20", text)
    assert dims(spec) == pytest.approx([40 * factor, 30 * factor, 20 * factor])


def test_a_scale_takes_the_features_along_and_keeps_counts():
    spec = ok("plate 100 x 60 x 5 with four 6 mm holes on a 40 mm bolt circle and 2 mm fillets on the vertical edges",
              "scale it by 1.5")
    holes, round_ = spec["features"]
    assert holes["size"] == pytest.approx(9) and holes["at"]["diameter"] == pytest.approx(60)
    assert holes["at"]["count"] == 4 and round_["radius"] == pytest.approx(3)
    assert expectations(parse(spec))["volume"] == pytest.approx(1.5 ** 3 * expectations(parse(
        understand("plate 100 x 60 x 5 with four 6 mm holes on a 40 mm bolt circle and 2 mm fillets on the vertical "
                   "edges").spec))["volume"], rel=1e-6)


def test_a_bare_scale_number_over_four_is_a_percentage_and_said():
    r = edit("block 40 x 30 x 20", "scale it up 10")
    assert dims(r.spec) == pytest.approx([44, 33, 22]) and any("percentage" in n for n in r.notes)


def test_a_move_in_two_directions_moves_both_ways():
    for text in ("move the hole 10 left and 5 up", "move the hole 10 mm to the left and 5 mm up",
                 "move it left 10, up 5"):
        (h,) = ok("plate 100 x 60 x 5 with a 10 mm hole", text)["features"]
        assert h["at"] == {"kind": "at", "points": [[-10.0, 5.0]]}, text


def test_a_move_distance_without_a_direction_declines_naming_it():
    r = edit("plate 100 x 60 x 5 with a 10 mm hole", "move the hole 10 left, 5")
    assert r.spec is None and "'5'" in r.explain()


def test_drop_holes_in_adds_them_and_drop_the_holes_removes_them():
    (h,) = ok("plate 100 x 60 x 5", "drop two 6mm holes in it, 60 apart")["features"]
    assert h["size"] == 6 and h["at"]["count"] == 2 and h["at"]["spacing"] == 60
    assert ok("plate 100 x 60 x 5 with two 6 mm holes 60 apart", "drop the holes")["features"] == []


def test_a_bolt_circle_added_to_a_bored_disc_keeps_the_bore():
    spec = ok("disc 80 dia 10 thick with a 20 mm centre hole", "add four 6 mm holes on a 60 mm bolt circle")
    assert spec["body"]["inner_diameter"] == 20
    (h,) = spec["features"]
    assert (h["size"], h["at"]["kind"], h["at"]["count"], h["at"]["diameter"]) == (6, "bolt_circle", 4, 60)


def test_a_slot_size_goes_to_the_field_the_word_names():
    first = "plate 100 x 60 x 8 with a 30 x 8 slot in the middle"
    (s,) = ok(first, "make the slot longer, 40")["features"]
    assert (s["length"], s["width"]) == (40, 8)
    (s,) = ok(first, "slot 10 wide")["features"]
    assert (s["length"], s["width"]) == (30, 10)


def test_a_size_the_part_does_not_have_declines_naming_it():
    r = edit("block 40 x 30 x 20", "make the diameter 30")
    assert r.spec is None and "no diameter" in r.explain()


def test_bigger_with_no_size_asks_instead_of_guessing():
    r = edit("plate 80 x 60 x 6 with a 10 mm hole in the middle", "make the hole bigger")
    assert r.spec is None and r.failed
