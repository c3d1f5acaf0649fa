"""Triangular gussets in the inside corner of an L bracket: read (size along each leg, thickness or the bracket's,
one in the middle or two flush with the ends), built to their closed-form volume, and edited (count and places,
thickness, size). Before, 'gusset' was a word the spec path did not build."""

import pytest

from cadagent.tools.understand import understand

from .reading import edited, spec_of, volume_of

ANGLE = ("angle bracket, both legs 60 outside, 6 thick, 40 wide, one triangular gusset 6 thick in the middle of the "
         "inside corner, 30 along each leg from the inside faces")


def gusset(spec):
    (g,) = [f for f in spec["features"] if f["kind"] == "gusset"]
    return g


def test_one_gusset_in_the_middle(sandbox):
    spec = spec_of(ANGLE)
    g = gusset(spec)
    assert (g["length"], g["height"], g["thickness"], g["z"]) == (30.0, 30.0, 6.0, [0.0])
    assert volume_of(sandbox, spec) == pytest.approx((60 * 6 + 54 * 6) * 40 + 30 * 30 / 2 * 6, rel=1e-6)


def test_two_gussets_flush_with_the_ends_and_their_thickness_changed(sandbox):
    spec = edited(ANGLE, "make that two gussets, one flush with each side edge, instead of the middle one")
    assert gusset(spec)["z"] == [-17.0, 17.0]
    spec = edited(ANGLE, "make that two gussets, one flush with each side edge, instead of the middle one",
                  "gussets 4 thick")
    assert (gusset(spec)["thickness"], gusset(spec)["z"]) == (4.0, [-18.0, 18.0])     # still flush
    assert volume_of(sandbox, spec) == pytest.approx((60 * 6 + 54 * 6) * 40 + 2 * 30 * 30 / 2 * 4, rel=1e-6)


def test_a_gusset_without_its_size_is_asked_for_and_one_on_a_plate_is_declined():
    u = understand("L bracket 50 x 50 x 5, 30 wide, with a gusset")
    assert any("gusset's size along each leg" in m for m in u.missing), u.explain()
    u = understand("plate 100 x 60 x 5 with a gusset 20 along each leg")
    assert any("inside corner of an L bracket" in m for m in u.missing), u.explain()


def test_a_gusset_thickness_not_said_is_the_brackets_and_said():
    u = understand("L bracket 50 x 50 x 5, 30 wide, with a gusset 25 along each leg")
    assert gusset(u.spec)["thickness"] == 5.0 and any("gusset thickness" in n for n in u.notes)
