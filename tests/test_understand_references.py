"""Words that point back at something already named, or that say where a feature is, in outsiders' phrasing
(an outsider set, dev9, written like the userset's categories): each was read as a new part or size before,
and the request was declined or built wrong."""

from __future__ import annotations

import math

import pytest


from .reading import spec_of as _spec



def test_the_part_named_after_its_edges_on_a_block_with_its_sizes():
    spec = _spec("round over the 4 vertical corners R10 on a block 60 x 40 x 15 thick")
    assert spec["body"] == {"kind": "box", "id": "block", "length": 60.0, "width": 40.0, "height": 15.0, "name": "block"}
    assert spec["features"] == [{"id": "round", "kind": "fillet", "edges": "vertical", "radius": 10.0}]


def test_a_grid_said_before_its_plate_keeps_its_hole_size():
    spec = _spec("nine holes three by three, 5mm dia, 20 mm apart both ways, centred on a plate 80 by 80 and 4 thick")
    assert (spec["body"]["length"], spec["body"]["width"], spec["body"]["height"]) == (80.0, 80.0, 4.0)
    assert spec["features"][0]["size"] == 5.0
    assert spec["features"][0]["at"] == {"kind": "grid", "counts": [3, 3], "spacing": [20.0, 20.0]}


def test_the_disc_named_again_as_where_the_hub_stands_is_no_second_part(sandbox):
    from cadagent.tools.part.pipeline import build
    text = ("Need a hub flange. Disc Ø120 x 10, hub Ø50 standing 25 above the disc, a 25 bore through the whole "
            "thing, and 6 holes of 9mm on a 90 bolt circle")
    spec = _spec(text)
    assert spec["body"]["diameter"] == 120.0 and spec["features"][0] == {"id": "hub", "kind": "boss",
                                                                         "diameter": 50.0, "height": 25.0}
    b = build(spec, sandbox, exports=())
    assert b.ok, b.summary()
    # disc + hub, less the bore through both and six 9 mm holes through the disc
    vol = math.pi * (60 ** 2 * 10 + 25 ** 2 * 25 - 12.5 ** 2 * 35 - 6 * 4.5 ** 2 * 10)
    assert b.result.report.volume == pytest.approx(vol, rel=1e-4)


def test_holes_each_side_of_a_slot_are_a_pair_and_the_slot_keeps_its_own_sizes():
    spec = _spec("can you do a 120x60 plate, 10mm thick, with a slot in the middle 10 wide and 40 long end to end "
                 "(running along the length), plus a 12mm hole on each side of the slot 45mm from the centre")
    slot, holes = spec["features"]
    assert (slot["kind"], slot["length"], slot["width"]) == ("slot", 40.0, 10.0) and "at" not in slot
    assert holes["at"] == {"kind": "linear", "count": 2, "spacing": 90.0, "axis": "u"}


def test_a_hole_through_the_side_goes_in_from_a_side_face_unless_a_length_is_named():
    assert _spec("block 50 x 50 x 30 high with a 12mm hole through the side, centred")["features"][0]["on"] == "front"
    bore = _spec("Block 50 long, 40 wide, 30 high. Put a 12mm bore through the side, running the full 50 length, "
                 "dead centre")["features"][0]
    assert bore["on"] in ("left", "right")
    assert "on" not in _spec("plate 100 x 60 x 5 with a 6mm hole on each side of the centre, 30 apart")["features"][0]


def test_a_square_flanges_four_bolts_sit_on_its_diagonals():
    spec = _spec('square flange 3" x 3" x 3/8" w/ a 1-1/4" bore and four 5/16" holes on a 3-1/2" bolt circle')
    assert spec["features"][1]["at"] == {"kind": "bolt_circle", "count": 4, "diameter": pytest.approx(88.9),
                                         "start_angle": 45.0}


def test_a_cones_two_diameters_said_across_its_base_and_top():
    assert _spec("truncated cone - 60 mm across the base, 20 mm across the flat top, 45 high")["body"] == {
        "kind": "cone", "id": "cone", "bottom_diameter": 60.0, "top_diameter": 20.0, "height": 45.0}


def test_shaft_steps_given_as_a_length_at_a_diameter():
    assert _spec("stepped shaft please: first 40mm at Ø30, then 60mm at Ø20, then the last 25mm at Ø15")["body"][
        "sections"] == [{"diameter": 30.0, "length": 40.0}, {"diameter": 20.0, "length": 60.0},
                        {"diameter": 15.0, "length": 25.0}]


def test_a_gear_hub_sticking_out_on_one_side_and_the_bore_through_it():
    spec = _spec("could I get a little spur gear - 24 teeth module 1, 6 mm thick, 5mm bore, with a Ø12 hub sticking "
                 "out 5mm on one side")
    hub, bore = spec["features"]
    assert hub == {"id": "hub", "kind": "boss", "diameter": 12.0, "height": 5.0}
    assert bore["size"] == 5.0 and bore["on"] == {"plane": "XY", "offset": 6.0}     # cut from the gear's top, after the hub


def test_holes_down_the_base_of_a_u_channel():
    spec = _spec("U channel, 100 long, 60 wide outside and 40 tall, walls and base 5mm. Put four 12mm holes in a row "
                 "down the base, 20 apart")
    assert spec["features"][0]["on"] == "front" and spec["features"][0]["at"]["count"] == 4


def _checked(sandbox, text: str, volume: float) -> dict:
    """Built from its spec, the part passes the checks the spec promises, as the agent measures them."""
    from cadagent.agent.feature_check import feature_problems, spec_promises
    from cadagent.tools.part.pipeline import build
    spec = _spec(text)
    b = build(spec, sandbox, exports=())
    assert b.ok, b.summary()
    assert b.result.report.volume == pytest.approx(volume, rel=1e-4)
    assert feature_problems(spec_promises(spec), b.result.to_dict(), sandbox) == []
    return spec


def test_a_drain_hole_in_a_cups_floor_is_not_counterbored_by_the_cavity(sandbox):
    # before, the agent's check read the cup's inside as the hole's counterbore and refused the part
    _checked(sandbox, "round cup, 70 outside dia, 90 tall, walls 3mm, bottom 5mm, open at the top. small Ø8 drain hole "
             "in the middle of the bottom.", math.pi * (35 ** 2 * 90 - 32 ** 2 * 85 - 4 ** 2 * 5))


def test_chamfered_hole_and_bore_rims_are_built_and_measured_as_countersinks(sandbox):
    c = 1 / 32 * 25.4
    r_in = 0.257 * 25.4 / 2
    spec = _checked(sandbox, 'spacer, 3/4" OD, .257 ID, 1/2" long, with a 1/32 x 45° chamfer on the bore at both ends',
                    math.pi * ((0.375 * 25.4) ** 2 - r_in ** 2) * 12.7 - 2 * (c * c / 2) * 2 * math.pi * (r_in + c / 3))
    assert spec["features"] == [{"id": "bevel", "kind": "chamfer", "edges": "holes", "size": pytest.approx(c)}]
    # "each with a 1 x 45° chamfer on its top edge" after the holes: their rims, not the block's top outline
    spec = _checked(sandbox, "60x40x20 block. 5mm x 45° chamfers on the four vertical edges. Two Ø10 through holes 20 "
                    "apart on the long centreline, each with a 1mm x 45° chamfer on its top edge.",
                    60 * 40 * 20 - 4 * 12.5 * 20 - 2 * math.pi * 25 * 20 - 2 * 0.5 * 2 * math.pi * (5 + 1 / 3))
    assert [f["edges"] for f in spec["features"] if f["kind"] == "chamfer"] == ["vertical", "holes"]


def test_the_plan_promises_no_overall_size_the_whole_part_read_contradicts():
    from cadagent.agent.plan import parse_request
    # the regex plan took the hub's Ø12 for the gear's: the part (Ø26 tips, 11 tall) would have been refused
    gear = parse_request("could I get a little spur gear - 24 teeth module 1, 6 mm thick, 5mm bore, with a Ø12 hub "
                         "sticking out 5mm on one side")
    assert gear.extents == [] and gear.must_have == []
    assert parse_request("block 80 x 50 x 20 with a 10 mm hole in the middle").extents == [20, 50, 80]
