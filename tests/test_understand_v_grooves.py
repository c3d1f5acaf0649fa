"""V grooves cut into a block's face: any two of the angle, the width at the face and the depth give the third; the
groove runs the whole length (or the width, said across) and is centred. A V groove round a round part is still
declined, saying so. Before, every V groove was a feature the spec path did not build."""

import math

import pytest

from cadagent.tools.understand import understand

from .reading import spec_of, volume_of


@pytest.mark.parametrize("text, width, depth", [
    ("Block 80 x 40 x 30 high with a 90 degree V-groove running along the 80 mm length on top, 10 mm deep, centered.",
     20.0, 10.0),
    ("steel bar 100 long 50 wide 35 tall. cut a 60° vee along the top full length, 20 wide at the surface, centred",
     20.0, 10 / math.tan(math.radians(30))),
    ("block 80 x 40 x 30 with a V groove 12 wide and 5 deep along the top", 12.0, 5.0),
])
def test_v_grooves_along_a_block(sandbox, text, width, depth):
    spec = spec_of(text)
    (f,) = spec["features"]
    b = spec["body"]
    assert (f["shape"], f["length"], f["width"]) == ("v", b["length"], width)
    assert f["depth"] == pytest.approx(depth, abs=1e-5)
    assert volume_of(sandbox, spec) == pytest.approx(b["length"] * (b["width"] * b["height"] - width * depth / 2), rel=1e-5)


def test_a_v_groove_across_the_block():
    (f,) = spec_of("block 80 x 40 x 30, 90 degree v groove across the top, 8 deep")["features"]
    assert (f["length"], f["width"], f["depth"], f["angle"]) == (40.0, 16.0, 8.0, 90.0)


def test_a_v_groove_without_its_angle_or_width_is_asked_for():
    u = understand("block 80 x 40 x 30 with a V groove along the top, 10 deep")
    assert any("V groove's depth and its angle or width" in m for m in u.missing), u.explain()


def test_a_v_groove_round_a_pulley_is_declined_saying_why():
    u = understand("pulley blank: disc 60 dia 16 thick with a 12 bore, and a 90° V groove round the rim, 6 deep")
    assert any("V groove on a" in m for m in u.missing), u.explain()
