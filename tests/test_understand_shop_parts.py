"""Parts named by what they are for: a NEMA motor mount has the motor's screw holes (before: a plate with only its
centre hole, the mount's holes silently missing), an 'M5 set screw' on a collar is its tapped hole from the side
(before: dropped), a 'horizontal' bore goes through the part sideways (before: down from the top), 'handle:' labels
the part (before: declined as an unbuilt handle), 'lid separate' asks for no lid, a V pulley with its groove sized
is built."""

import pytest

from cadagent.tools.understand import understand

from .reading import spec_of


def holes(spec):
    return [(f["size"], f.get("at", {"kind": "center"})["kind"]) for f in spec["features"] if f["kind"] == "hole"]


def test_a_nema_motor_mount_gets_the_motors_screw_holes():
    spec = spec_of("motor mount plate 80x80x6 for NEMA 17 with a 22 mm center hole")
    assert sorted(holes(spec), key=str) == sorted([(22.0, "center"), ("M3 clearance", "nema")], key=str)
    assert holes(spec_of("NEMA 23 mounting plate 100x100x8")) == [("M5 clearance", "nema")]
    # holes the user placed are the mount's holes: none added
    spec = spec_of("motor plate for a NEMA 23 - 80 square, 6 thick, 38.1 pilot hole in the centre, 4x Ø5 on the 47.14 "
                   "square")
    assert ("M5 clearance", "nema") not in holes(spec)


@pytest.mark.parametrize("text", ["collar 30 OD 15 bore 10 wide with M5 set screw",
                                  "shaft collar 30 od, 15 id, 10 long, m5 grub screw"])
def test_a_set_screw_is_its_tapped_hole_from_the_side(text):
    (f,) = spec_of(text)["features"]
    assert (f["size"], f["on"], f["depth"]) == ("M5 tapped", "front", 15.0)


@pytest.mark.parametrize("text, on", [
    ("pillow block 80 long 30 wide 40 high with 25 bore horizontal", "front"),
    ("block 80 x 30 x 40 with a 10 mm hole horizontally through the length", "left"),
])
def test_a_horizontal_bore_goes_through_sideways(text, on):
    (f,) = spec_of(text)["features"]
    assert f["on"] == on


def test_labels_and_parts_said_to_be_separate_are_not_unbuilt_features():
    assert spec_of("handle: round bar 20 dia 120 long")["body"]["kind"] == "cylinder"
    assert understand("electronics box 100 by 60 by 30 mm, wall 2, lid separate").unsupported == []
    assert understand("mug 80 dia 100 tall 3 wall with a handle").unsupported == ["handle"]
    spec = spec_of("V pulley 80 OD x 20 wide, 15 bore, 40 degree vee groove 8 deep all round")
    assert spec["features"][0]["kind"] == "v_groove"


@pytest.mark.parametrize("text", ["a cube with sides of -20 mm", "plate 100 x 50 x -5"])
def test_a_negative_size_is_asked_about_not_built_without_its_sign(text):
    u = understand(text)
    assert any(m.startswith("a size that is not negative") for m in u.missing), u.explain()


@pytest.mark.parametrize("text", ["M6-1.0 tapped hole in a 20 mm cube",
                                  "block 40x40x20 with an M8 x 1.25 tapped hole in the middle"])
def test_an_iso_threads_pitch_is_no_size(text):
    u = understand(text)
    assert not u.missing, u.explain()
    (f,) = u.spec["features"]
    assert f["size"] in ("M6 tapped", "M8 tapped")


def test_a_square_planter_and_a_pencil_holder():
    spec = spec_of("planter 150 x 150 x 120, 5mm wall, drainage hole 10mm in the bottom")
    assert (spec["body"]["kind"], spec["body"]["length"], spec["body"]["height"]) == ("box", 150.0, 120.0)
    assert [f["kind"] for f in spec["features"]] == ["shell", "hole"]
    spec = spec_of("pencil holder 70 dia 100 tall 3 mm walls")
    assert (spec["body"]["kind"], spec["features"][0]["kind"], spec["features"][0]["open_face"]) == ("cylinder", "shell", "top")
