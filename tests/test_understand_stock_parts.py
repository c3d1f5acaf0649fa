"""Session 11, from the outsider set dev34 (common parts slightly off the beaten track): a counterbored spacer read as
a tube with nowhere for the counterbore (declined), 'counterbored for an M5 socket head' made a plain hole (a wrong
part marked ok), a rectangular cut-out read as a 5 mm hole, a stepped shaft's 'no wait' correction ignored, a collar
'with Ø20 x 50 on each side' made one side, a '15 dia x 10 boss' read as ten bosses, and a T section '30 cm long'
whose bare sizes were taken as cm (400 mm across a 300 mm length). Volumes are measured from the built part."""

from __future__ import annotations

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import edited, spec_of, volume_of


def only_hole(spec: dict) -> dict:
    (f,) = spec["features"]
    assert f["kind"] == "hole" and f.get("at", {"kind": "center"}) == {"kind": "center"}
    return f


@pytest.mark.parametrize("text, d, h, bore, cbore, volume", [
    ("counterbored spacer 24 OD 15 long, 10.5 hole, cbore 18 dia 6 deep", 24, 15, 10.5, (18, 6), 4479.7),
    ("spacer Ø20 OD, Ø8.5 thru, 10 long, c'bore Ø14 x 4 deep one end", 20, 10, 8.5, (14, 4), 2185.4),
    ('washer 1" OD, 1/4" thick, .266 hole, counterbored 7/16 dia x .150 deep', 25.4, 6.35, 6.7564, (11.1125, 3.81), 2757.0),
])
def test_a_counterbored_spacer_is_a_solid_round_with_a_counterbored_centre_hole(sandbox, text, d, h, bore, cbore, volume):
    u = understand(text)
    assert u.spec is not None and not u.missing and not u.unknown, u.explain()
    b, f = u.spec["body"], only_hole(u.spec)
    assert (b["kind"], b["diameter"], b["height"]) == ("cylinder", d, h)
    assert f["size"] == pytest.approx(bore) and (f["cbore"]["diameter"], f["cbore"]["depth"]) == pytest.approx(cbore)
    assert "counterbored centre hole through a solid round" in u.explain()
    assert volume_of(sandbox, u.spec) == pytest.approx(volume, rel=1e-4)


@pytest.mark.parametrize("text", [
    "spacer 16 OD 12 long for an M5 socket head cap screw, counterbored so the head sits flush",
    "cylinder 16 dia 12 long, counterbored for an M5 socket head cap screw",
])
def test_counterbored_for_a_named_screw_takes_the_screws_hole_and_counterbore(text):
    f = only_hole(spec_of(text))          # it was a plain M5 (or a 3.2 mm) hole with no counterbore, marked ok
    assert f["size"] == "M5 clearance" and f["cbore"] == {"diameter": 10.0, "depth": 5.4}


def test_a_counterbore_noun_with_its_own_sizes_is_still_read_as_before():
    f = only_hole(spec_of("block 50x50x20, M6 cap screw counterbore: 11 dia x 6.5 deep, 6.6 through"))
    assert f["size"] == 6.6 and f["cbore"] == {"diameter": 11.0, "depth": 6.5}


@pytest.mark.parametrize("text, length, width, radius", [
    ("plate 200x150x3 with a 120x80 rectangular cut-out in the middle", 120, 80, None),
    ('panel 10" x 6" x 1/8" with a 6" x 3" cutout in the center, 1/4" radius in the corners of the cutout', 152.4, 76.2, 6.35),
])
def test_a_rectangular_cut_out_is_a_through_pocket_with_its_corner_radius(text, length, width, radius):
    (f,) = spec_of(text)["features"]
    assert (f["kind"], f["shape"], "depth" in f) == ("pocket", "rect", False)
    assert (f["length"], f["width"]) == pytest.approx((length, width))
    assert f.get("corner_radius") == (pytest.approx(radius) if radius else None)


def test_a_radius_in_the_corners_of_a_plate_with_no_cut_out_rounds_its_vertical_edges():
    (f,) = spec_of("plate 100 x 60 x 5 with a 6 mm radius in the corners")["features"]
    assert (f["kind"], f["edges"], f["radius"]) == ("fillet", "vertical", 6.0)


def test_a_section_group_corrected_in_the_same_breath_keeps_the_new_one(sandbox):
    u = understand("stepped shaft Ø20x40, Ø15x30, Ø10x25 - no wait, Ø10x20. all concentric")
    assert [(s["diameter"], s["length"]) for s in u.spec["body"]["sections"]] == [(20, 40), (15, 30), (10, 20)]
    assert "corrected by the writer to dia 10x20" in u.explain() and not u.unknown
    assert volume_of(sandbox, u.spec) == pytest.approx(19438.6, rel=1e-4)


@pytest.mark.parametrize("text, sections", [
    ("shaft with a Ø30 x 20 collar in the middle and Ø20 x 50 on each side of it", [(20, 50), (30, 20), (20, 50)]),
    ("axle: Ø25x30 centre section with Ø15x40 on both sides", [(15, 40), (25, 30), (15, 40)]),
    ("pin Ø12x10 collar, Ø8 x 20 each side", [(8, 20), (12, 10), (8, 20)]),
    ("rod Ø10 x 40, Ø6 x 15", [(10, 40), (6, 15)]),
])
def test_sections_said_on_each_side_of_a_collar_or_listed_for_a_pin_make_a_stepped_shaft(text, sections):
    b = spec_of(text)["body"]
    assert b["kind"] == "shaft" and [(s["diameter"], s["length"]) for s in b["sections"]] == sections


def test_a_collar_made_wider_grows_along_the_shaft():
    b = edited("shaft with a Ø30 x 20 collar in the middle and Ø20 x 50 on each side of it", "make the collar 25 wide")["body"]
    assert [(s["diameter"], s["length"]) for s in b["sections"]] == [(20, 50), (30, 25), (20, 50)]


def test_a_boss_sized_dia_x_length_is_one_boss_not_ten(sandbox):
    spec = spec_of("knob 40 dia 18 tall, with a 15 dia x 10 boss on the bottm, 6 mm hole all the way through")
    boss = next(f for f in spec["features"] if f["kind"] == "boss")
    assert (boss["diameter"], boss["height"], boss["on"]) == (15.0, 10.0, "bottom")
    assert volume_of(sandbox, spec) == pytest.approx(23594.9, rel=1e-4)


@pytest.mark.parametrize("first, edit, parts", [
    ("L bracket 50 x 40 x 30 wide, 4 thick", "base leg 6 thick, upright stays 5", "base and upright"),
])
def test_one_part_of_a_section_thicker_than_the_rest_is_refused_not_made_all_thicker(first, edit, parts):
    r = apply_edit(edit, spec_of(first))          # the whole T was made 5 thick and marked ok
    assert r.failed and f"one thickness for its {parts}" in r.explain()


@pytest.mark.parametrize("edit, web, flange", [
    ("make the stem 5 thick, keep the top flange at 3", 5.0, 3.0),     # (was refused: the T had one thickness)
    ("web 5 thick", 5.0, 3.0),                                          # (was: all of the T made 5 thick, said)
    ("flange 5 thick, web stays", 3.0, 5.0),
])
def test_a_tees_web_and_flange_take_their_own_thickness(sandbox, edit, web, flange):
    r = apply_edit(edit, spec_of("equal tee 25 x 25 x 3, 200 long"))
    assert not r.failed and (r.spec["body"]["thickness"], r.spec["body"]["lip"]) == (web, flange), r.explain()
    assert volume_of(sandbox, r.spec) == pytest.approx((25 * flange + (25 - flange) * web) * 200, rel=1e-9)


def test_a_thickness_said_of_the_legs_changes_the_section():
    r = apply_edit("make the legs 5 thick", spec_of("L bracket 50 x 40 x 30 wide, 4 thick"))
    assert not r.failed and r.spec["body"]["thickness"] == 5.0 and "one thickness" not in r.explain()


def test_a_spigot_made_longer_is_the_boss_not_the_flange(sandbox):
    spec = edited("round flange 60 dia 8 thick, 30 dia spigot 4 long on one side, 12 bore through",
                  "spigot should be longer - 10mm")      # the flange was made 10 thick, marked ok
    assert spec["body"]["height"] == 8.0 and next(f for f in spec["features"] if f["kind"] == "boss")["height"] == 10.0
    assert volume_of(sandbox, spec) == pytest.approx(27652.3, rel=1e-4)


def test_a_register_is_a_boss_and_the_housing_bore_it_locates_in_is_not_the_parts():
    u = understand("Please make me cover plate diameter 100, thickness 8, with register of 3 mm height and diameter 72 "
                   "for locate in the housing bore. 6 holes clearance for M6 on PCD 86.")
    assert u.spec is not None and not u.missing and not u.unknown, u.explain()
    assert u.spec["body"] == {**u.spec["body"], "kind": "cylinder", "diameter": 100.0, "height": 8.0}
    boss, holes = u.spec["features"]
    assert (boss["kind"], boss["diameter"], boss["height"]) == ("boss", 72.0, 3.0)
    assert holes["size"] == "M6 clearance" and holes["at"] == {"kind": "bolt_circle", "count": 6, "diameter": 86.0}


@pytest.mark.parametrize("text, lip, volume", [
    ("Need a lid for a plastic project box. The opening is 80 x 50 inside. Lid plate 86 x 56, 3 mm thick; on the underside "
     "a lip with 1.5 mm walls, 6 mm tall, whose outside is exactly 80 x 50 so it drops into the opening.",
     (80, 50, 1.5, 6), 16734.0),
    ("LID, 150 X 100 X 2.5 THK. LOCATING LIP ON UNDERSIDE 144 X 94 O/A, 2 WALL, 5 HIGH, CENTERED. SQUARE CORNERS.",
     (144, 94, 2, 5), 42180.0),
    ("lid 120x80x4 with a lip on the bottom side, set in 3mm from the edge all round, lip walls 2mm thick and 10mm deep",
     (114, 74, 2, 10), 45760.0),
])
def test_a_lids_locating_lip_is_a_rim_on_its_underside(sandbox, text, lip, volume):
    u = understand(text)              # declined before: "the spec path does not build 'lip'"
    assert u.spec is not None and not u.missing and not u.unsupported, u.explain()
    (f,) = u.spec["features"]
    assert (f["kind"], f["on"], f["length"], f["width"], f["wall"], f["height"]) == ("boss", "bottom", *lip)
    assert volume_of(sandbox, u.spec) == pytest.approx(volume, rel=1e-6)


def test_a_lip_with_no_sizes_is_asked_about_not_guessed():
    u = understand("lid 100x60x3 with a lip underneath")
    assert u.missing == ["the lip's wall thickness (e.g. '2 mm walls')", "how tall the lip stands (e.g. '6 high')",
                         "the lip's outside size (e.g. '144 x 94 outside') or how far in from the edge it is set"]


def test_a_lips_height_and_wall_are_edited_as_the_lip(sandbox):
    lid = "lid 120x80x4 with a lip on the bottom side, set in 3mm from the edge all round, lip walls 2mm thick and 10mm deep"
    deeper = edited(lid, "lip needs to be deeper, make it 15")
    assert deeper["features"][0]["height"] == 15.0 and deeper["body"]["height"] == 4.0
    assert volume_of(sandbox, deeper) == pytest.approx(49440.0, rel=1e-6)
    walls = edited(lid, "make the lip walls 3 thick", "lip wall 1 mm thinner", "make the lid 5 thick")
    assert (walls["features"][0]["wall"], walls["body"]["height"]) == (2.0, 5.0)


def test_a_wall_that_fills_the_rim_is_a_problem_that_names_the_field():
    from cadagent.tools.part.validation import validate

    spec, problems = validate({"body": {"kind": "box", "length": 120, "width": 80, "height": 4}, "features": [
        {"kind": "boss", "id": "lip", "on": "bottom", "length": 114, "width": 74, "height": 10, "wall": 40}]})
    assert spec is None and problems[0].path == "$.features[0].wall"
    assert "nothing is left open in the middle" in problems[0].message and problems[0].expected == "less than 37"


def test_the_opening_of_a_plate_with_a_cut_out_is_the_cut_out():
    (f,) = edited("plate 200x150x3 with a 120x80 rectangular cut-out in the middle", "make the opening 140 x 90")["features"]
    assert (f["length"], f["width"]) == (140.0, 90.0)       # the plate was made 140 x 90


def test_a_window_said_wider_than_the_sheet_is_across_goes_along_its_long_side():
    r = apply_edit("make the window 270 wide", spec_of("aluminium sheet 300 x 200 x 1.5 with a 250 x 150 window in the middle"))
    assert not r.failed and (r.spec["features"][0]["length"], r.spec["features"][0]["width"]) == (270.0, 150.0)
    assert "'270 wide' read as the cutout's long side (270 does not fit across the 200 mm width)" in r.explain()
    assert apply_edit("make the window 310 wide", r.spec).failed          # fits neither way: refused


def test_a_channels_legs_are_its_height(sandbox):
    u = understand('need a piece of channel: 1-1/2" wide, 3/4" legs (overall height), 1/8" thick all over, 12" long')
    b = u.spec["body"]
    assert (b["shape"], b["width"], b["height"], b["thickness"], b["length"]) == pytest.approx(
        ("U", 38.1, 19.05, 3.175, 304.8)) and not u.missing
    assert volume_of(sandbox, u.spec) == pytest.approx(67596.6, rel=1e-5)


def test_an_end_cap_with_a_plug_under_its_head_and_the_tube_it_plugs_into_left_out(sandbox):
    u = understand('end cap to plug into 1-1/2" ID tube: head 1-3/4" dia x 1/8" thick, solid plug 1-1/2" dia x 1/2" long under it')
    assert u.spec is not None and not u.missing, u.explain()
    (plug,) = u.spec["features"]             # the tube's 1-1/2" ID was made a bore through the cap
    assert (plug["kind"], plug["on"], plug["diameter"], plug["height"]) == pytest.approx(("boss", "bottom", 38.1, 12.7))
    assert "'1-1/2\" ID tube' is the part it fits, not a size of this one" in u.explain()
    assert volume_of(sandbox, u.spec) == pytest.approx(19406.1, rel=1e-5)


@pytest.mark.parametrize("text, od, bore", [
    ("spacer for a 10 mm shaft, 20 OD 15 long", 20, 10),
    ("spacer that fits over a 10 mm shaft, 20 OD 15 long", 20, 10),
    ("bushing for an 8mm rod, OD 12, 20 long", 12, 8),
])
def test_a_spacer_for_a_shaft_takes_the_shafts_size_as_its_bore(text, od, bore):
    u = understand(text)                     # declined: "the tube's outer and inner diameters"
    b = u.spec["body"]
    assert (b["kind"], b["outer_diameter"], b["inner_diameter"]) == ("tube", od, bore) and not u.missing
    assert "read from the" in u.explain() and "(no clearance added)" in u.explain()


def test_a_plug_said_alone_is_a_round_part():
    b = spec_of("rubber plug 20 dia 30 long with a 5 mm hole")["body"]
    assert (b["kind"], b["diameter"], b["height"]) == ("cylinder", 20.0, 30.0)


@pytest.mark.parametrize("text", ["could the holes be 6 mm instead?", "can the plate be 8 thick?", "should it be 60 wide?",
                                  "could they be M6?"])
def test_a_change_asked_as_could_it_be_is_a_change(text):
    from cadagent.agent.intent import parse_intent

    assert parse_intent(text, True).intent == "modify"            # "could the holes be 6 mm instead?" was answered
    assert parse_intent("what would it weigh?", True).intent == "question"


@pytest.mark.parametrize("edit, key, value", [("120", "length", 120.0), ("ok 8mm", "height", 8.0), ("55", "width", 55.0)])
def test_a_bare_number_plainly_nearest_one_size_is_that_size_and_says_so(edit, key, value):
    r = apply_edit(edit, spec_of("plate 100 x 60 x 5"))
    assert not r.failed and r.spec["body"][key] == value and "read as the" in r.explain()
    assert apply_edit("90", spec_of("plate 100 x 80 x 60")).failed       # 90 lies between two sizes: asked


@pytest.mark.parametrize("text, lip", [
    ("cover plate 100x60x3 with a 5 mm tall rim on the underside, 2 thick, inset 3 mm", (94, 54, 2, 5)),
    ("make a lid 80x80x2 with a 3mm high lip 1.2mm thick around the inside, 1mm from the edge", (78, 78, 1.2, 3)),
    ("lid for my box: 104 x 64 x 2, with a lip underneath 100 x 60 outside, 1.5 wall, 4 tall", (100, 60, 1.5, 4)),
])
def test_a_lips_thickness_and_inset_said_other_ways(text, lip):
    (f,) = spec_of(text)["features"]
    assert (f["on"], f["length"], f["width"], f["wall"], f["height"]) == ("bottom", *lip)


def test_a_lip_that_fits_a_box_of_unknown_size_is_asked_for_its_size():
    u = understand("lid 100x60x3 with a 2mm thick lip 5 deep that fits inside the box")
    assert u.missing == ["the lip's outside size (e.g. '144 x 94 outside') or how far in from the edge it is set"]
