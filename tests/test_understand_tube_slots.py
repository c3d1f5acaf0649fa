"""Slots through one wall of a tube (a window, a slit along its whole length like a split clamp) and a saw cut across
a tube down to its centre line: read, built to their closed-form volumes, and edited by the size named. Before, a
slot on a tube's side was refused (no flat face there), a slit was a word the spec path did not build."""

import math

import pytest

from cadagent.tools.understand import understand

from .reading import edited, spec_of, volume_of


def _strip(r, half):      # a disc's area on one side of its centre within |y| <= half
    return half * math.sqrt(r * r - half * half) + r * r * math.asin(half / r)


def cut(spec):
    (f,) = [f for f in spec["features"] if f["kind"] in ("wall_slot", "flat")]
    return f


@pytest.mark.parametrize("text, width, length, z", [
    ("30 OD x 3 wall tube, 120 long, with a 6 wide x 40 long slot through one wall, square ends, centred along the length",
     6.0, 40.0, 40.0),
    ("32 OD tube, 2 wall, 80 long, slit 5 wide the full length on one side", 5.0, 80.0, 0.0),
    ("tube 25 OD 21 ID 100 long, with a 4 mm slot cut down the whole length through one wall (like a split clamp)",
     4.0, 100.0, 0.0),
    ("tube OD 50 ID 40, 120 long, with a rectangular window cut straight down through one wall only, 40 long along the "
     "axis and 20 wide, in the middle of the length", 20.0, 40.0, 40.0),
])
def test_slots_through_one_wall(sandbox, text, width, length, z):
    spec = spec_of(text)
    f = cut(spec)
    b = spec["body"]
    R, r = b["outer_diameter"] / 2, b["inner_diameter"] / 2
    assert (f["kind"], f["width"], f["length"], f["z"], f["depth"]) == ("wall_slot", width, length, z, R)
    expect = math.pi * (R * R - r * r) * b["height"] - (_strip(R, width / 2) - _strip(r, width / 2)) * length
    assert volume_of(sandbox, spec) == pytest.approx(expect, rel=1e-5)


def test_a_saw_cut_across_a_tube_to_its_centre_line(sandbox):
    text = ("tube 40 OD, 4 wall, 80 long. Cut a 10 mm wide slot across it, down to the centre line (halfway through), "
            "centred 20 from one end.")
    spec = spec_of(text)
    f = cut(spec)
    assert (f["kind"], f["length"], f["depth"], f["z"]) == ("flat", 10.0, 20.0, 15.0)
    assert volume_of(sandbox, spec) == pytest.approx(math.pi * (400 - 256) * (80 - 10 / 2), rel=1e-5)
    assert cut(edited(text, "slot 6 wide instead"))["length"] == 6.0


def test_a_rounded_end_slot_through_a_tube_wall_is_said_not_built_square():
    u = understand("pipe 40 OD 34 ID 150 long, lengthwise slot 8 wide, 80 long (overall), through one side, in the "
                   "middle, rounded ends")
    assert any("rounded ends through a tube's wall" in m for m in u.missing), u.explain()


def test_tube_slot_edits():
    window = ("tube OD 50 ID 40, 120 long, with a rectangular window cut straight down through one wall only, 40 long "
              "along the axis and 20 wide, in the middle of the length")
    assert cut(edited(window, "make the window 60 long"))["length"] == 60.0
    slot = "30 OD x 3 wall tube, 120 long, with a 6 wide x 40 long slot through one wall, square ends, centred along the length"
    assert cut(edited(slot, "widen the slot to 8"))["width"] == 8.0
