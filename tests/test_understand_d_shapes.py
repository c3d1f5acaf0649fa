"""D-shaped and double-D holes ('D bore Ø6 with 4.5 across the flat', 'double-D hole: 12 dia, two flats 10 apart')
and a flat on a shaft given by its size across the flat: read, built to the measured volume, and edited by the sizes
the user names. Before, D holes were declined as a feature the spec path does not build, and a flat given across the
flat was declined as a size nothing takes."""

import math

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import edited, spec_of, volume_of


def _cap(r, a):          # the part of a disc of radius r beyond a chord a from its centre
    return r * r * math.acos(a / r) - a * math.sqrt(r * r - a * a)


def d_area(d, af):
    return math.pi * d * d / 4 - _cap(d / 2, af - d / 2)


def dd_area(d, af):
    return math.pi * d * d / 4 - 2 * _cap(d / 2, af / 2)


def d_holes(spec):
    return [f for f in spec["features"] if f["kind"] == "pocket" and f.get("shape") in ("d", "double_d")]


@pytest.mark.parametrize("text, shape, d, af", [
    ("Plate 50 x 30 x 5 with one D-shaped hole in the middle: 10 mm dia with a flat, 8.5 across the flat.", "d", 10, 8.5),
    ("plate 50x30x5, D hole 10 dia 8.5 across flat in the middle", "d", 10, 8.5),
    ("40x40x4 plate, double-D hole in the centre: 12 dia, two flats 10 apart", "double_d", 12, 10),
    ("40 x 40 x 4 plate with a 12 mm double d hole, 10 across the flats, centred", "double_d", 12, 10),
])
def test_d_holes_are_read_and_built_to_their_area(sandbox, text, shape, d, af):
    spec = spec_of(text)
    (f,) = d_holes(spec)
    assert (f["shape"], f["diameter"], f["across_flats"]) == (shape, d, af)
    b = spec["body"]
    area = d_area(d, af) if shape == "d" else dd_area(d, af)
    assert volume_of(sandbox, spec) == pytest.approx(b["length"] * b["width"] * b["height"] - area * b["height"], rel=1e-6)


def test_a_blind_d_bore_in_a_knob_with_a_boss():
    spec = spec_of("knob for a pot shaft - body Ø28 x 16, boss Ø12 x 6 on the back, D bore Ø6 with 4.5 across the flat, "
                   "10 deep from the boss end")
    (f,) = d_holes(spec)
    assert (f["shape"], f["diameter"], f["across_flats"], f["depth"]) == ("d", 6.0, 4.5, 10.0)


def test_a_d_hole_without_its_flat_is_asked_for_not_built_round():
    u = understand("plate 50 x 30 x 5 with a 10 mm D hole in the middle")
    assert u.spec is None or not d_holes(u.spec)
    assert any("across the flat" in m for m in u.missing), u.explain()


def test_d_hole_edits_change_the_size_the_user_names():
    knob = "knob body Ø28 x 16, D bore Ø6 with 4.5 across the flat, 10 deep"
    (f,) = d_holes(edited(knob, "make the D hole 5 across the flat"))
    assert (f["diameter"], f["across_flats"]) == (6.0, 5.0)
    (f,) = d_holes(edited(knob, "make the hole 6.35"))            # its only hole: the diameter
    assert (f["diameter"], f["across_flats"]) == (6.35, 4.5)
    (f,) = d_holes(edited("40x40x4 plate, double-D hole in the centre: 12 dia, two flats 10 apart", "make the flats 8 apart"))
    assert (f["diameter"], f["across_flats"]) == (12.0, 8.0)


def test_a_d_flat_too_deep_for_its_hole_is_refused_with_the_field():
    r = apply_edit("make the D hole 2 across the flat", spec_of("knob body Ø28 x 16, D bore Ø6 with 4.5 across the flat, 10 deep"))
    assert r.failed and "across_flats" in r.explain() and "between its radius and its diameter" in r.explain()


def test_a_shaft_flat_given_across_the_flat_and_edited(sandbox):
    spec = spec_of("Ø8 shaft, 60 long, with a flat at one end 20 mm long, 7 mm across the flat")
    (f,) = [f for f in spec["features"] if f["kind"] == "flat"]
    assert (f["length"], f["depth"], f["z"]) == (20.0, 1.0, 0.0)
    spec = edited("Ø8 shaft, 60 long, with a flat at one end 20 mm long, 7 mm across the flat", "make the flat 30 long",
                  "and 6.5 across flats")
    (f,) = [f for f in spec["features"] if f["kind"] == "flat"]
    assert spec["body"]["height"] == 60.0 and (f["length"], f["depth"]) == (30.0, 1.5)
    assert volume_of(sandbox, spec) == pytest.approx(math.pi * 16 * 60 - _cap(4, 2.5) * 30, rel=1e-6)


def test_the_flat_top_of_a_cone_is_no_d_flat():
    spec = spec_of("truncated cone - 60 mm across the base, 20 mm across the flat top, 45 high")
    assert (spec["body"]["kind"], spec["body"]["top_diameter"]) == ("cone", 20.0)


def test_a_d_hole_said_as_a_circle_with_one_flat_and_made_a_double_d():
    text = "plate 60 x 40 x 6 with a D-shaped hole in the centre: 30 mm circle with one flat, 25 across the flat"
    (f,) = d_holes(spec_of(text))
    assert (f["shape"], f["diameter"], f["across_flats"]) == ("d", 30.0, 25.0)
    (f,) = d_holes(edited(text, "make it a double D, 20 across the flats"))
    assert (f["shape"], f["diameter"], f["across_flats"]) == ("double_d", 30.0, 20.0)
