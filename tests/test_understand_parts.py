"""Parts described the way outsiders write them (dev14 to dev16): a gear by its pitch or outside diameter, a
stepped shaft in inch fractions, a cup with a thicker floor and a rounded outside bottom edge, radial holes into a
bore, a round inside an L bracket's bend, a hole named only by its screw, edges named before the chamfer. Each was
declined, approximated, or built as another part that the checks could not tell from the one asked."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.part.edges import _closed_end_limit
from cadagent.tools.understand import understand

from .reading import spec_of as _spec


def _built(sandbox, spec: dict):
    from cadagent.tools.part.pipeline import build
    b = build(spec, sandbox, exports=())
    assert b.ok, b.summary()
    return b.result.report


@pytest.mark.parametrize("text, module", [
    ("spur gear w/ pitch dia 60 mm & 24 teeth, 12 mm thick, 10mm bore", 2.5),
    ("gear with 30 teeth on a 90 mm pitch circle, 10 wide", 3.0),
    ("spur gear 20 teeth, outside diameter 44, 8 thick", 2.0),
])
def test_a_gears_module_from_its_pitch_or_outside_diameter(text, module):
    spec = _spec(text)
    assert spec["body"]["kind"] == "spur_gear" and spec["body"]["module"] == pytest.approx(module)


def test_a_stepped_shaft_in_inch_fractions_with_the_later_steps_diameter_only():
    spec = _spec('turned shaft in inches: 1" dia for 2", then 3/4" for 3", then 1/2" for 1-1/2". '
                 '1/16" chamfer at both ends')
    secs = [(round(s["diameter"], 4), round(s["length"], 4)) for s in spec["body"]["sections"]]
    assert secs == [(25.4, 50.8), (19.05, 76.2), (12.7, 38.1)]


def test_a_cup_by_its_total_height_with_a_thicker_floor():
    spec = _spec("A cup: Ø70 outside, 90 total height, 3 mm wall, 4 mm thick bottom.")
    assert spec["body"]["height"] == 90.0
    assert spec["features"] == [{"id": "shell", "kind": "shell", "thickness": 3.0, "open_face": "top", "bottom": 4.0}]


def test_the_outside_bottom_edge_of_a_cup_rounded_past_its_wall(sandbox):
    spec = _spec("a cup 70 OD 90 tall, 3mm wall, 5mm thick bottom, fillet the outside bottom edge 5mm")
    assert spec["features"][1] == {"id": "round", "kind": "fillet", "edges": "bottom", "radius": 5.0}
    r, R = 5.0, 35.0
    # the outer cylinder less the cavity, less the ring the round takes off the outside corner (Pappus)
    area = r * r * (1 - math.pi / 4)
    centroid = R - r + r * (2 / 3) / (4 - math.pi)       # the spandrel's centroid, from the round's axis
    vol = math.pi * (R ** 2 * 90 - 32 ** 2 * 85) - area * 2 * math.pi * centroid
    assert _built(sandbox, spec).volume == pytest.approx(vol, rel=1e-3)


def test_the_round_a_cups_closed_end_can_take_leaves_its_wall():
    assert _closed_end_limit(3.0, 5.0) == pytest.approx(5.557, abs=1e-3)    # past the 3 wall, clear of the cavity
    assert _closed_end_limit(2.0, 2.0) == pytest.approx(2.097, abs=1e-3)
    assert _closed_end_limit(2.0, 10.0) > 10.0


def test_four_radial_holes_at_right_angles_into_a_bore(sandbox):
    spec = _spec("cylinder 50 dia 60 tall, 20mm bore through the axis, and four 6mm radial holes at mid height 90 "
                 "degrees apart, going into the bore")
    assert [(f["on"], f["at"]) for f in spec["features"]] == [("front", {"kind": "at", "points": [[0.0, 0.0]]}),
                                                              ("left", {"kind": "at", "points": [[0.0, 0.0]]})]
    assert _built(sandbox, spec).volume == pytest.approx(97256.7, rel=2e-3)   # four 6 mm holes through a 15 wall


def test_a_round_inside_the_bend_of_an_l_bracket(sandbox):
    spec = _spec("L bracket from 5mm plate, 40 wide, legs 60 and 50 measured outside, two 6mm holes in each leg, "
                 "R5 fillet on the inside of the bend")
    assert spec["body"]["inner_radius"] == 5.0 and not any(f["kind"] == "fillet" for f in spec["features"])


@pytest.mark.parametrize("text, size", [
    ("blk 50 sq x 20, M8 clearance thru ctr", "M8 clearance"),
    ("a 30 mm cube with an M6 tapped in the middle of the top", "M6 tapped"),
])
def test_a_hole_named_only_by_its_screw(text, size):
    holes = [f for f in _spec(text)["features"] if f["kind"] == "hole"]
    assert [h["size"] for h in holes] == [size]


def test_edges_named_before_the_chamfer_are_its_edges():
    spec = _spec('2 x 1 x 1/2 inch bar, break all the edges with a 1/16" chamfer')
    assert spec["features"] == [{"id": "bevel", "kind": "chamfer", "edges": "all", "size": pytest.approx(1.5875)}]


def test_no_hole_needed_means_none_and_a_dowel_is_the_rod_itself():
    spec = _spec("could someone model me a plain ball, 1-1/2 in diameter? I'll drill and tap it myself afterwards so "
                 "no hole needed")
    assert spec["features"] == []
    rod = _spec("8mm rod 150mm long, basically a dowel pin")
    assert rod["body"]["diameter"] == 8.0 and rod["body"]["height"] == 150.0 and rod["features"] == []


def test_two_rows_of_three_with_the_pitch_along_and_the_rows_apart_in_number_words():
    spec = _spec("Plate one hundred twenty by sixty, eight thick. Six holes, two rows of three, 6.5 dia, 40 pitch along "
                 "the length and 30 between rows. R5 corners.")
    assert (spec["body"]["length"], spec["body"]["width"], spec["body"]["height"]) == (120.0, 60.0, 8.0)
    holes = spec["features"][0]
    assert "on" not in holes and holes["at"] == {"kind": "grid", "counts": [3, 2], "spacing": [40.0, 30.0]}


@pytest.mark.parametrize("words, value", [("a cube twenty five mm", 25.0), ("a disc a hundred and ten across, ten thick", 110.0)])
def test_numbers_written_in_words_with_parts(words, value):
    body = _spec(words)["body"]
    assert value in (body.get("length"), body.get("diameter"))


def test_holes_20_in_from_the_end_are_drilled_down_not_into_the_end():
    spec = _spec("plate 200 by 100, 10mm thick, with a slot 80 long and 12 wide running along the middle, plus a 10mm "
                 "hole at each end on the centreline, 20 in from the end, and round the corners 15mm radius")
    holes = next(f for f in spec["features"] if f["kind"] == "hole")
    assert "on" not in holes and holes["at"] == {"kind": "linear", "count": 2, "spacing": 160.0, "axis": "u"}


def test_countersinks_for_a_numbered_inch_screw_are_its_82_degree_flat_head():
    spec = _spec("Need a 3 x 2 inch plate, 5/16 thick, with two countersunk holes for #8 flat head screws, on the long "
                 "centreline, 2 inches apart.")
    assert spec["features"][0]["csink"] == {"diameter": 8.433, "angle": 82.0}


@pytest.mark.parametrize("text, legs", [
    ("Make L bracket, both side 50, width 40, thick 5", (50.0, 50.0)),
    ("bracket like letter L, first side 80, second side 60, width 30, thickness 6. In the long side make 2 hole "
     "diameter 8, in short side 1 hole diameter 8.", (80.0, 60.0)),
])
def test_an_l_brackets_legs_said_side_by_side(text, legs):
    spec = _spec(text)
    assert (spec["body"]["shape"], spec["body"]["width"], spec["body"]["height"]) == ("L", *legs)


def test_two_counted_sets_of_holes_with_their_sizes_after_the_noun():
    spec = _spec("bracket like letter L, first side 80, second side 60, width 30, thickness 6. In the long side make 2 "
                 "hole diameter 8, in short side 1 hole diameter 8.")
    assert [(f["on"], f["size"], f["at"].get("count", 1)) for f in spec["features"]] == [("front", 8.0, 2),
                                                                                          ("left", 8.0, 1)]


@pytest.mark.parametrize("text, size", [("blind flange, od 220, 20 thk, 6 bolts M16 on pcd 170", "M16 clearance"),
                                        ("flange 150 dia 12 thick, 4x M10 bolts on a 120 PCD", "M10 clearance")])
def test_bolts_on_a_circle_are_their_clearance_holes(text, size):
    holes = _spec(text)["features"][0]
    assert holes["size"] == size and holes["at"]["kind"] == "bolt_circle"


def test_a_total_height_said_with_the_hub_is_checked_against_it():
    ok = _spec("Flange: Ø100 x 12 disc with a Ø50 hub sticking up 25 (total height 37), Ø25 bore right through, "
               "4 x Ø11 holes on 75 PCD.")
    assert ok["body"]["height"] == 12.0 and ok["features"][0]["height"] == 25.0
    u = understand("Flange: Ø100 x 12 disc with a Ø50 hub sticking up 25 (total height 40), Ø25 bore right through")
    assert any("37 overall, not the 40 said" in m for m in u.missing), u.explain()


@pytest.mark.parametrize("text", ["40 40 10 block pls", "block 40 40 10"])
def test_three_bare_numbers_in_a_row_are_the_blocks_sizes(text):
    body = _spec(text)["body"]
    assert (body["length"], body["width"], body["height"]) == (40.0, 40.0, 10.0)


def test_a_grid_centred_on_a_square_plate_named_after_it():
    spec = _spec("nine holes three by three, Ø6, 20 mm pitch, centred on a 80 sq plate 5 thick")
    assert (spec["body"]["length"], spec["body"]["width"], spec["body"]["height"]) == (80.0, 80.0, 5.0)
    assert spec["features"][0]["at"] == {"kind": "grid", "counts": [3, 3], "spacing": [20.0, 20.0]}


@pytest.mark.parametrize("text", ["hex standoff 8 AF 20 long, M4 tapped both ends 8 deep",
                                  "standoff hex 8 AF 20 long M4 tapped both ends 8 deep"])
def test_a_hex_standoff_tapped_both_ends_has_two_blind_holes_and_no_bore(text):
    spec = _spec(text)
    assert spec["body"] == {"kind": "polygon_prism", "id": "hex", "sides": 6, "height": 20.0, "across_flats": 8.0}
    assert [(f.get("on", "top"), f["size"], f["depth"]) for f in spec["features"]] == [
        ("top", "M4 tapped", 8.0), ("bottom", "M4 tapped", 8.0)]


def test_a_standoffs_screw_size_is_its_bore_not_a_second_hole():
    spec = _spec("standoff 8 OD 20 long M4 clearance")
    assert spec["body"]["inner_diameter"] == 4.5 and spec["features"] == []


@pytest.mark.parametrize("text, holes", [
    ("channel 60x40x4, 150 long, 2 holes 10mm in the base 100 apart", 2 * math.pi * 25 * 4),
    ("a U bracket 40 between the arms, arms 30 tall, 4 thick, 50 long with 6mm holes through both arms",
     math.pi * 9 * 8),
])
def test_holes_in_a_channels_base_or_through_both_arms_cut_only_its_walls(sandbox, text, holes):
    spec = _spec(text)
    b = spec["body"]
    section = b["width"] * b["thickness"] + 2 * (b["height"] - b["thickness"]) * b["thickness"]
    assert _built(sandbox, spec).volume == pytest.approx(section * b["length"] - holes, rel=1e-4)


def test_a_tray_said_2mm_thick_has_2mm_walls_and_a_cap_closed_one_end_is_open_at_the_other():
    tray = _spec("tray 200x150x30 2mm thick open at the top with 10mm radius outside corners")
    assert tray["body"]["height"] == 30.0
    assert tray["features"] == [{"id": "round", "kind": "fillet", "edges": "vertical", "radius": 10.0},
                                {"id": "shell", "kind": "shell", "thickness": 2.0, "open_face": "top"}]
    cap = _spec("pipe cap: 40 OD, 35 deep, 3 wall, closed one end")
    assert cap["body"]["height"] == 35.0 and cap["features"][0]["open_face"] == "top"


@pytest.mark.parametrize("text, r, h", [("a 50mm ball with a flat bottom 10mm cut off", 25.0, 10.0),
                                        ("a 40 mm sphere with a 20 mm flat on the bottom so it sits still", 20.0,
                                         20.0 - math.sqrt(300))])
def test_a_ball_cut_flat(sandbox, text, r, h):
    report = _built(sandbox, _spec(text))        # r: the ball's radius, h: the cap cut off
    assert max(report.size) == pytest.approx(2 * r, rel=1e-3) and min(report.size) == pytest.approx(2 * r - h, abs=0.01)
    assert report.volume == pytest.approx(4 / 3 * math.pi * r ** 3 - math.pi * h * h * (3 * r - h) / 3, rel=2e-3)


def test_a_ball_with_an_unsized_flat_is_declined_not_a_block():
    u = understand("a ball 30 dia with a flat")
    assert u.spec is None and any("cut flat" in m for m in u.missing)


def test_a_t_bracket_described_as_a_plate_with_a_rib_is_the_t_section():
    u = understand("T-bracket: base plate 80 long x 30 wide x 5 thick, with a 5 mm thick rib standing up along the "
                   "full 80 mm down the middle, total height 45.")
    assert not u.unsupported and not u.missing, u.explain()
    assert u.spec["body"] == {"kind": "profile", "id": "t_bracket", "shape": "T", "width": 30.0, "height": 45.0,
                              "thickness": 5.0, "length": 80.0}


def test_a_round_boss_named_alone_is_the_part():
    spec = _spec('round boss 2" dia, 1" tall, 1/2" thru hole with a 3/4" counterbore 1/4" deep, and four .166 holes '
                 '1/2" deep on a 1-1/2" BC from the top')
    assert spec["body"]["kind"] == "cylinder" and spec["body"]["diameter"] == pytest.approx(50.8)
    assert [f["at"]["kind"] for f in spec["features"]] == ["center", "bolt_circle"]


def test_a_slot_in_one_leg_and_a_hole_in_the_other():
    spec = _spec("angle bracket, 3mm steel, 30 wide, 40 x 40 legs, a slot in one leg 6 wide 15 long running up the leg, "
                 "and a 5mm hole in the other")
    slot, hole = spec["features"]
    assert (slot["kind"], slot["length"], slot["width"], slot["on"], slot["angle"]) == ("slot", 15.0, 6.0, "left", 0.0)
    assert (hole["size"], hole["on"]) == (5.0, "front")


def test_a_percentage_in_a_new_request_is_no_size():
    u = understand("a block 60 x 40 x 20 with a hole in the center, scaled to seventy-five percent")
    assert u.spec is not None and [f["size"] for f in u.spec["features"]] == [5.0], u.explain()   # assumed, not 75


def test_a_smaller_shoulder_on_top_of_a_standoff_is_a_boss_with_the_hole_through_both(sandbox):
    spec = _spec("round standoff 10 dia x 15 tall with a 6mm dia x 3 tall shoulder on top, 3.2 hole through everything")
    assert spec["features"][0] == {"id": "boss", "kind": "boss", "diameter": 6.0, "height": 3.0}
    vol = math.pi * (25 * 15 + 9 * 3 - 1.6 ** 2 * 18)
    assert _built(sandbox, spec).volume == pytest.approx(vol, rel=1e-3)


def test_a_gears_width_in_mm_after_its_teeth_is_its_face_width():
    spec = _spec("module 3 gear with 18 teeth 20mm wide 12mm bore")
    assert (spec["body"]["teeth"], spec["body"]["thickness"]) == (18, 20.0)
    assert spec["features"] == [{"id": "bore", "kind": "hole", "size": 12.0, "at": {"kind": "center"}}]


def test_both_ends_of_a_hex_bar_chamfered_are_its_two_end_outlines():
    spec = _spec("hex bar 24 across flats, 60 long, 1.5 chamfer on both ends")
    assert [f["edges"] for f in spec["features"]] == ["top", "bottom"]


def test_a_sealed_hollow_cylinders_void_is_no_hole(sandbox):
    spec = _spec("hollow cylinder closed both ends 40 dia 60 tall 2 wall")
    assert spec["features"][0]["open_face"] is None
    assert _built(sandbox, spec).volume == pytest.approx(math.pi * (20 ** 2 * 60 - 18 ** 2 * 56), rel=1e-4)


def test_a_washer_for_a_screw_with_only_its_thickness_takes_the_standard_diameters():
    spec = _spec("washer for M12, 3 thick")
    assert spec["body"] == {"kind": "tube", "id": "washer", "outer_diameter": 24.0, "inner_diameter": 13.0,
                            "height": 3.0}


@pytest.mark.parametrize("text, section", [
    ("U channel 100 long. base 60 wide outside, the two walls 30 high outside, 4mm thick everywhere", ("U", 60.0, 30.0)),
    ("bracket, L shaped, 2 legs 50mm long, 25 wide, 4 thick, one 6mm hole in the centre of each leg", ("L", 50.0, 50.0)),
    ("Please I need bracket shape of L, each arm is 50 mm, width 25, thickness 5, and one hole 6 mm in centre of every "
     "arm", ("L", 50.0, 50.0)),
])
def test_how_many_walls_or_legs_a_section_has_is_no_size(text, section):
    body = _spec(text)["body"]
    assert (body["shape"], body["width"], body["height"]) == section


def test_a_bore_going_through_sideways_goes_in_a_side_face():
    spec = _spec('2" x 2" x 3" tall block with a 3/4 inch bore going through sideways (in one 2" face and out the '
                 'other), centred')
    assert spec["features"][0]["on"] == "front"


def test_module_then_thickness_keeps_each_number_with_its_word():
    spec = _spec("gaer with 16 teeth modul 2 thikness 10")
    assert (spec["body"]["module"], spec["body"]["teeth"], spec["body"]["thickness"]) == (2.0, 16, 10.0)


@pytest.mark.parametrize("text, volume", [
    ("a stepped block: 60 long, 30 wide, 20 tall for the first 30 mm, then 10 tall for the rest", 60 * 30 * 10 + 30 * 30 * 10),
    ("stepped block: 60 long x 40 wide. first 30mm of the length is 15 high, the other 30mm is 30 high.",
     60 * 40 * 15 + 30 * 40 * 15),
])
def test_a_stepped_block_is_a_block_with_its_higher_step_standing_at_one_end(sandbox, text, volume):
    spec = _spec(text)
    assert spec["body"]["kind"] == "box" and spec["features"][0]["kind"] == "boss"
    assert _built(sandbox, spec).volume == pytest.approx(volume, rel=1e-6)


def test_holes_on_a_stepped_block_are_declined_not_guessed():
    u = understand("stepped block: 60 long x 40 wide. first 30mm of the length is 15 high, the other 30mm is 30 high. "
                   "One Ø8 hole straight down through the middle of each step.")
    assert u.spec is None and any("stepped block" in m for m in u.missing)


@pytest.mark.parametrize("text, body", [
    ("pipe 60.3 x 3.9 x 500", (60.3, 52.5, 500.0)),
    ("tube 40 x 30 x 100", (40.0, 30.0, 100.0)),
    ("tube 40 30 100", (40.0, 30.0, 100.0)),
    ("washer 24/13 x 2.5", (24.0, 13.0, 2.5)),
    ("spacer 20/10.5 x 15", (20.0, 10.5, 15.0)),
])
def test_a_tube_by_three_numbers_is_its_diameters_and_length(text, body):
    b = _spec(text)["body"]
    assert (b["kind"], b["outer_diameter"], b["inner_diameter"], b["height"]) == ("tube", *[pytest.approx(x) for x in body])


def test_a_blocks_three_sizes_with_commas():
    b = _spec("block 50, 30, 20")["body"]
    assert (b["length"], b["width"], b["height"]) == (50.0, 30.0, 20.0)


@pytest.mark.parametrize("edit", ["make it 40 wide", "make the step 25 tall"])
def test_a_stepped_blocks_sizes_changed_one_by_one_are_declined_not_misbuilt(edit):
    from cadagent.tools.understand import apply_edit
    spec = _spec("a stepped block: 60 long, 30 wide, 20 tall for the first 30 mm, then 10 tall for the rest")
    r = apply_edit(edit, spec)
    assert r.spec is None and "stepped block" in r.failed[0]


def test_a_section_whose_largest_size_no_reading_uses_is_not_built():
    u = understand("T-shaped bracket: a flat top 80 x 30 x 5 with a 5 thick web hanging under it, web 40 deep and "
                   "30 wide, centred under the top")
    assert u.spec is None or u.approximate, u.explain()


def test_an_inch_gear_by_its_diametral_pitch():
    spec = _spec('24 DP spur gear, 30 teeth, 1/2" face, 1/4" bore')
    assert spec["body"]["module"] == pytest.approx(25.4 / 24, abs=1e-6) and spec["body"]["teeth"] == 30
    assert spec["body"]["thickness"] == pytest.approx(12.7)


def test_an_open_containers_base_said_after_its_sides_is_its_floor():
    spec = _spec("a container 100 x 100 x 60 with 3mm sides and a 5mm base, no lid")
    assert spec["features"] == [{"id": "shell", "kind": "shell", "thickness": 3.0, "open_face": "top", "bottom": 5.0}]


@pytest.mark.parametrize("text, edges, size", [
    ("chamfer the top and bottom edges of a 50 mm cube 2 mm", ["top", "bottom"], 2.0),
    ('a 100x50x10 plate with 1/8" fillets everywhere', ["all"], 3.175),
    ("cylinder 30 dia 40 high with a 5 mm radius on the top edge and a 1 mm chamfer at the bottom", ["top", "bottom"],
     None),
    ("a 60x40x20 block, fillet all edges except the bottom ones 3mm", ["vertical", "top"], 3.0),
])
def test_edge_sets_as_people_name_them(text, edges, size):
    feats = understand(text).spec["features"]
    assert [f["edges"] for f in feats] == edges
    if size is not None:
        assert all(f.get("size", f.get("radius")) == pytest.approx(size) for f in feats)


def test_only_some_edges_of_a_set_are_declined_not_the_whole_set_built():
    u = understand("block 80 x 40 x 20 with the long top edges rounded 5")
    assert any("long top edges" in m for m in u.missing), u.explain()


def test_a_round_of_1mm_is_its_radius():
    spec = _spec("a 40mm cube, edges softened with a 1mm round")
    assert spec["features"] == [{"id": "round", "kind": "fillet", "edges": "all", "radius": 1.0}]


def test_end_flanges_are_read_as_a_spool_never_left_off_the_plain_tube():
    # (declined before; the flange clause now sizes them: one at each end, the 120 overall, said)
    u = understand("a tube with end flanges: tube 60/50 x 120, flanges 100 x 8")
    assert not u.missing, u.explain()
    assert u.spec["body"]["sections"] == [{"diameter": 100.0, "length": 8.0}, {"diameter": 60.0, "length": 104.0},
                                          {"diameter": 100.0, "length": 8.0}]
    assert "120 mm read as the overall length, the 8 mm flanges included" in u.notes


def test_a_counterbore_alone_is_a_round_blind_hole_of_its_size():
    spec = _spec("disc 80 dia 10 thick with a 30 mm counterbore 5 deep in the middle")
    assert spec["features"] == [{"id": "holes", "kind": "hole", "size": 30.0, "depth": 5.0, "at": {"kind": "center"}}]
