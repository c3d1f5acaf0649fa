"""V grooves cut into a block's face: any two of the angle, the width at the face and the depth give the third; the
groove runs the whole length (or the width, said across) and is centred. A V groove turned round a disc's or a tube's
rim (a pulley's belt groove) is centred on its thickness, its volume by Pappus. Edits change the depth or the width
and keep the angle ('V groove only 4 deep'). Before, V grooves were new designs only, and none round a rim."""

import math

import pytest

from cadagent.tools.understand import understand

from cadagent.tools.understand import apply_edit

from .reading import spec_of, volume_of


def edited(spec: dict, text: str) -> dict:
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, r.explain()
    return r.spec


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


def v_ring_volume(R: float, width: float, depth: float) -> float:
    return width * depth / 2 * 2 * math.pi * (R - depth / 3)


def test_a_v_groove_round_a_pulley_rim_and_its_edits(sandbox):
    spec = spec_of("pulley blank: disc 60 dia 16 thick with a 12 bore, and a 90° V groove round the rim, 6 deep, "
                   "centred in the thickness")
    assert spec["features"] == [{"id": "v_groove", "kind": "v_groove", "z": 2.0, "length": 12.0, "depth": 6.0}]
    disc = math.pi * (30 ** 2 - 6 ** 2) * 16
    assert volume_of(sandbox, spec) == pytest.approx(disc - v_ring_volume(30, 12, 6), rel=1e-6)
    spec = edited(spec, "V groove only 4 deep")          # the 90° kept: 8 wide, still centred
    assert spec["features"][0] == {"id": "v_groove", "kind": "v_groove", "z": 4.0, "length": 8.0, "depth": 4.0}
    assert volume_of(sandbox, spec) == pytest.approx(disc - v_ring_volume(30, 8, 4), rel=1e-6)


def test_v_groove_edits_keep_the_angle_on_a_block_too():
    spec = edited(spec_of("block 80x40x20 with a 90 degree V groove along the top 10 deep"), "V groove only 6 deep")
    assert (spec["features"][0]["width"], spec["features"][0]["depth"]) == (12.0, 6.0)
    spec = edited(spec, "make it a 60 degree vee")
    assert spec["features"][0]["width"] == pytest.approx(12 * math.tan(math.radians(30)), abs=1e-5)


def test_a_v_groove_round_a_part_with_no_rim_is_declined_saying_why():
    u = understand("sphere 40 dia with a 90° V groove round it, 5 deep")
    assert any(m.startswith("a V groove on a sphere") for m in u.missing), u.explain()
