"""Grooves: turned all round a round part (circlip, O-ring, plain), or a straight one run right across a
block's face. Before, a request naming one was declined ('groove' was not built) or a groove's sizes were
left unread."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.part.rules import check_spec
from cadagent.tools.part.spec import PartSpec
from cadagent.tools.understand import understand


def _builds(sandbox, text: str, volume: float) -> dict:
    """The request's spec builds, passes every check it promises and has this (closed-form) volume."""
    from cadagent.tools.part.pipeline import build
    u = understand(text)
    assert u.spec is not None, u.explain()
    b = build(u.spec, sandbox, exports=())
    assert b.ok, b.summary()
    assert b.result.report.volume == pytest.approx(volume, rel=1e-4)
    return u.spec


def test_two_circlip_grooves_one_near_each_end(sandbox):
    spec = _builds(sandbox, "20mm pin 60 long, two circlip grooves 1.1 wide and 0.9 deep, 5mm from each end",
                   math.pi * 10 ** 2 * 60 - 2 * math.pi * (10 ** 2 - 9.1 ** 2) * 1.1)
    grooves = [f for f in spec["features"] if f["kind"] == "groove"]
    # measured to each groove's near side: 5 up from the bottom, and 5 down from the top (60 - 5 - 1.1)
    assert sorted(g["z"] for g in grooves) == pytest.approx([5.0, 53.9])


def test_a_groove_in_the_middle_of_a_bored_roller(sandbox):
    text = ("Roller: cylinder Ø50, 30 long, Ø12 bore through the axis, and a groove all the way round in the middle "
            "of its length, 10 wide and 5 deep")
    spec = _builds(sandbox, text, math.pi * (25 ** 2 - 6 ** 2) * 30 - math.pi * (25 ** 2 - 20 ** 2) * 10)
    assert spec["features"][0] == {"id": "groove", "kind": "groove", "length": 10.0, "depth": 5.0, "z": 10.0}


def test_a_word_inside_a_grooves_name_is_not_another_part_or_an_unbuilt_feature():
    # 'ring' is a body word and 'snap' (snap-fit) an unbuilt one: inside "snap ring groove" they are the groove
    u = understand("25 mm shaft, 150 long, with a snap ring groove 1.3 wide x 1 deep 12 mm from the top end")
    assert u.unsupported == [] and u.spec["body"]["kind"] == "cylinder"
    assert u.spec["features"] == [{"id": "groove", "kind": "groove", "length": 1.3, "depth": 1.0,
                                   "z": pytest.approx(150 - 12 - 1.3)}]


def test_a_slot_with_width_and_depth_running_across_a_blocks_bottom_is_a_full_width_cut(sandbox):
    text = ("Fixture block 80x50x25. In the center: Ø10 thru hole, counterbored Ø20 5 deep from the top. Underneath, "
            "a 10 wide by 5 deep slot across the bottom face, running the 50mm direction, through the centre.")
    spec = _builds(sandbox, text, 80 * 50 * 25 - math.pi * 25 * 25 - math.pi * (100 - 25) * 5 - 10 * 50 * 5
                   + math.pi * 25 * 5)    # the hole's last 5 mm is in the slot already
    cut = spec["features"][-1]
    assert (cut["kind"], cut["on"], cut["length"], cut["width"], cut["depth"]) == ("pocket", "bottom", 10.0, 50.0, 5.0)


def test_grooves_it_cannot_build_are_said_not_guessed():
    u = understand("tube 40 OD 30 ID 50 long with an internal groove 3 wide 1 deep inside the bore")
    assert u.spec is None or not any(f["kind"] == "groove" for f in u.spec["features"])
    assert any("inside a bore" in m for m in u.missing)
    # a V groove with no angle or width is asked for, not cut as something else
    u = understand("vee block 60 x 40 x 40 with a v groove along the top")
    assert any("V groove's depth and its angle or width" in m for m in u.missing), u.explain()
    u = understand("shaft 10 dia 20 long with a groove 5 wide 1 deep 18 from one end")
    assert any("room for a 5 mm groove" in m for m in u.missing)


def test_the_part_rules_refuse_a_groove_deeper_than_the_wall():
    spec = PartSpec.model_validate({"schema_version": "1.0", "units": "mm",
                                    "body": {"kind": "tube", "id": "t", "outer_diameter": 40, "inner_diameter": 30,
                                             "height": 50},
                                    "features": [{"id": "g", "kind": "groove", "z": 20, "length": 3, "depth": 4.5}]})
    probs = check_spec(spec)
    assert any(p.path.endswith("depth") and "deeper than the 5 mm" in p.message for p in probs), probs
