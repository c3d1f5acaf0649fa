"""Drawing callouts with a count and a counterbore said by its own diameter sign, 'N-bolt' flanges, hole patterns
said by their rectangle, casual names for a round blank, round corners, and a channel's walls named in an edit."""

import pytest

from cadagent.tools.understand import apply_edit, understand

from .reading import spec_of as read


def _holes(text):
    return [(f["size"], f.get("cbore"), f.get("csink"), f.get("at")) for f in read(text)["features"]]


@pytest.mark.parametrize("text,count", [("a 6-bolt flange, 150 OD, 12 thick, 11 mm holes on a 120 PCD, 50 bore", 6),
                                        ("6 bolt flange, 150 OD, 12 thick, 11 mm holes on a 120 PCD", 6),
                                        ("eight bolt flange, 150 OD, 12 thick, 11 mm holes on a 120 PCD", 8),
                                        ("3-hole mounting plate 80 dia 6 thick, 5.5 holes on 60 PCD", 3)])
def test_a_bolt_count_said_in_the_parts_name(text, count):
    u = understand(text)
    (holes,) = [f for f in u.spec["features"] if f["at"]["kind"] == "bolt_circle"]
    assert holes["at"]["count"] == count and not u.missing
    assert f"{count} holes on the bolt circle (a {count}-bolt part)" in u.notes


def test_a_bolt_circle_size_is_never_a_count():
    u = understand("flange 100 dia 10 thick, 9 mm holes on a 75 bolt circle")
    (holes,) = u.spec["features"]
    assert holes["at"]["diameter"] == 75 and holes["at"]["count"] == 4 and not any("-bolt part" in n for n in u.notes)


@pytest.mark.parametrize("text,at", [
    ("block 60 x 40 x 20 with 2X Ø9 CBORE Ø15 x 8 DP, 40 apart on the centreline",
     {"kind": "linear", "count": 2, "spacing": 40.0, "axis": "u"}),
    ("plate 120 x 80 x 12 with 4x Ø9 cbore Ø15 x 8 deep holes on a 90 x 50 pattern",
     {"kind": "grid", "counts": [2, 2], "spacing": [90.0, 50.0]}),
])
def test_a_counterbore_callout_with_its_own_diameter_sign(text, at):
    """The hole's Ø, then CBORE Ø.. x ..: two diameters of one hole (the second was 'what 9 is for'; the 15 x 8 a
    grid of 120 holes)."""
    assert _holes(text) == [(9.0, {"diameter": 15.0, "depth": 8.0}, None, at)]


def test_the_size_before_counterbored_is_the_holes():
    (f,) = read("plate 100x50x10 with a 9 mm counterbored hole, cbore 15 dia 6 deep, in the middle")["features"]
    assert f["size"] == 9 and f["cbore"] == {"diameter": 15, "depth": 6}


@pytest.mark.parametrize("text", ["plate 120 x 80 x 12 with 4x Ø9 holes on a 90 x 50 bolt pattern",
                                  "plate 120 x 80 x 12, 4 holes Ø9, hole pattern 90 x 50",
                                  "plate 120 x 80 x 12 with 4 Ø9 holes spaced 90 x 50"])
def test_four_holes_on_a_rectangle_said_by_its_sizes(text):
    """'spaced 90 x 50' was read 90 both ways (holes off an 80 wide plate); 'bolt pattern 90 x 50' a grid of 4500."""
    assert _holes(text) == [(9.0, None, None, {"kind": "grid", "counts": [2, 2], "spacing": [90.0, 50.0]})]


@pytest.mark.parametrize("text", ["a slug 30 dia x 15", "a round blank 30 dia, 15 thick", "round stock 30 dia 15 long"])
def test_casual_names_of_a_round_blank(text):
    body = read(text)["body"]
    assert body["kind"] == "cylinder" and body["diameter"] == 30 and body["height"] == 15


def test_round_corners_with_no_size_are_rounded_and_said():
    u = understand("a plate 100x60x5 with round corners")
    assert [f["kind"] for f in u.spec["features"]] == ["fillet"] and any("fillet size" in n for n in u.notes)
    (f,) = read("a disc 80 dia 5 thick with round edges, 1 mm")["features"]
    assert f["kind"] == "fillet" and f["radius"] == 1


CHANNEL = "c channel 80 x 40 x 150 long, 4 mm wall"


@pytest.mark.parametrize("said", ["change the thickness of the web and flanges to 6, keep the outside",
                                  "set the thickness of the flanges to 6", "thickness of web and flanges 6",
                                  "make the web and both flanges 6 thick, outside size the same"])
def test_a_channels_walls_named_in_an_edit(said):
    """'the thickness of the flanges to 6' made the channel 6 tall (marked ok); one thickness for the web and both
    flanges with the outside kept was refused as if they were to differ."""
    r = apply_edit(said, understand(CHANNEL).spec)
    assert not r.failed and r.spec["body"]["thickness"] == 6 and r.spec["body"]["height"] == 40


BAR = "bar 150 x 30 x 10 with two 8 mm holes on the centreline, 15 from each end"


@pytest.mark.parametrize("said,spacing", [("move the end holes 10 mm closer to the middle", 100),
                                          ("bring both holes in by 15", 90), ("move the holes 10 mm inward", 100),
                                          ("move the holes out 5", 130), ("move the holes 5 closer to the ends", 130),
                                          ("move them 15 in from the ends", 120)])
def test_a_rows_end_holes_moved_in_or_out(said, spacing):
    """A row of holes on the top: its end holes moved along it, its middle kept ('the end holes' were read as holes
    in the end faces, and 'in by 15' was only for corner holes: both refused)."""
    r = apply_edit(said, understand(BAR).spec)
    assert not r.failed and r.spec["features"][0]["at"]["spacing"] == spacing


def test_a_rows_end_holes_moved_past_each_other_are_refused():
    r = apply_edit("move the holes in by 70", understand(BAR).spec)
    assert r.spec is None and "they would meet" in r.explain()


def test_a_bolt_count_said_in_words_with_a_hyphen():
    u = understand("three-bolt flange, 4 in across, 1/2 in thick, 1/2 in holes on a 3 1/4 bolt circle, 1 1/2 center hole")
    (circle,) = [f for f in u.spec["features"] if f["at"]["kind"] == "bolt_circle"]
    assert circle["at"]["count"] == 3 and not u.unknown


@pytest.mark.parametrize("text,kind", [("just a solid can shape, 3 in dia and 4 3/4 tall", "cylinder"),
                                       ("turned part - 30mm diameter 20mm long, then a 20 mm diameter section 50 mm "
                                        "long, then 10 mm diameter 15 mm long, all on one axis", "shaft")])
def test_more_names_of_round_parts(text, kind):
    assert read(text)["body"]["kind"] == kind


@pytest.mark.parametrize("text", ["shaft, first part diameter 16 length 45, second part diameter 10 length 20",
                                  "I need shaft with two diameter: first part diameter 16 length 45, second part "
                                  "diameter 10 length 20. thanks"])
def test_steps_said_diameter_first_then_length(text):
    """Each step's 'diameter 16 length 45': the second step was lost (a 16 x 45 cylinder, marked ok) or 'two' read
    as a 2 mm diameter."""
    body = read(text)["body"]
    assert [(s["diameter"], s["length"]) for s in body["sections"]] == [(16, 45), (10, 20)]


@pytest.mark.parametrize("said,dia", [("make it a 50 mm bar instead, same length", 50), ("a 1 inch rod then", 25.4)])
def test_a_round_bar_said_again_by_its_size(said, dia):
    """'a 50 mm bar, same length' on a Ø40 x 150 bar: its diameter (the length was made 50, marked ok)."""
    r = apply_edit(said, understand("round bar Ø40 x 150").spec)
    assert not r.failed and r.spec["body"]["diameter"] == dia and r.spec["body"]["height"] == 150


@pytest.mark.parametrize("said,n", [("make it a six bolt, same PCD and hole size", 6), ("8-bolt instead", 8)])
def test_a_bolt_circles_count_changed_by_its_name(said, n):
    r = apply_edit(said, understand("flange Ø100 15 thick, four Ø11 holes on an 80 PCD").spec)
    (f,) = r.spec["features"]
    assert not r.failed and f["at"]["count"] == n and f["at"]["diameter"] == 80 and f["size"] == 11


CBORED = "plate 100 x 60 x 10 with 4 counterbored holes: Ø9 through, cbore Ø15 x 5 deep, centres 12 mm in from each edge"


@pytest.mark.parametrize("said,size", [("change them to tapped M8 through holes, no counterbore", "M8 tapped"),
                                       ("actually just make them plain Ø12 clearance holes straight through, no thread", 12),
                                       ("change them back to simple thru holes, same 6.6 size", 6.6)])
def test_heads_taken_off_beside_another_change_to_the_holes(said, size):
    """The heads go and the rest is applied to the plain holes ('tapped M8 ..., no counterbore' was a counterbore
    for M8; 'Ø12 clearance holes' twelve holes; 'simple thru holes, same 6.6' kept the counterbores: all marked ok)."""
    r = apply_edit(said, understand(CBORED).spec)
    (f,) = r.spec["features"]
    assert not r.failed and f["size"] == size and "cbore" not in f and f["at"] == {"kind": "corners", "inset": 12}


CSK = "Cover plate 100 x 100 x 8. 4X Ø6.6 THRU, CSK Ø12 x 90°, on an 80 x 80 square pattern centred on the plate."


@pytest.mark.parametrize("said", ["change those countersinks to counterbores, Ø14 x 6.5 deep",
                                  "make them counterbored 14 x 6.5 deep instead of countersunk"])
def test_a_head_changed_to_the_other_kind(said):
    """Both head words said: the one it is changed to (the countersinks were kept, made Ø14, the 6.5 unread)."""
    (f,) = apply_edit(said, understand(CSK).spec).spec["features"]
    assert f["cbore"] == {"diameter": 14, "depth": 6.5} and "csink" not in f and f["size"] == 6.6


PLATE = "plate 100 x 60 x 10, 4X Ø6.6 THRU, 10 from each edge"


@pytest.mark.parametrize("said", ["add a CBORE to those: Ø11 x 6 DP", "add a counterbore to them, 11 dia 6 deep",
                                  "revise that callout to 4X Ø6.6 THRU, CBORE Ø11 x 6 DP"])
def test_a_head_added_to_the_holes_there(said):
    """'add a counterbore to those' made a new centred hole (and '6 DP' the plate 6 thick); the callout said again
    with its new head read its own Ø6.6 as the counterbore's."""
    r = apply_edit(said, understand(PLATE).spec)
    (f,) = r.spec["features"]
    assert not r.failed and f["cbore"] == {"diameter": 11, "depth": 6} and r.spec["body"]["height"] == 10


def test_all_three_is_the_holes_not_a_size():
    r = apply_edit("make all three blind, 8 deep from the top face", understand(
        "Flat bar 200 long, 40 wide, 20 thick. 3X Ø12 THRU along the centreline, 75 mm pitch").spec)
    (f,) = r.spec["features"]
    assert not r.failed and f["depth"] == 8 and f["size"] == 12


@pytest.mark.parametrize("said", ["make those M8 x 12 deep instead", "make those 2x M8 x 12 deep instead"])
def test_a_thread_changed_with_its_depth(said):
    r = apply_edit(said, understand("block 40 x 20 x 15 high. 2x M5 tapped 10 deep into the top, 24 mm apart").spec)
    (f,) = r.spec["features"]
    assert not r.failed and (f["size"], f["depth"]) == ("M8 tapped", 12)


@pytest.mark.parametrize("text", ["box with no lid, 5 1/2 x 3 1/2 x 2 1/4 inches outside dims, 1/4 thick sides, 3/8 "
                                  "thick floor", "open box 5.5 x 3.5 x 2.25 in, 1/4 thick walls, 3/8 thick bottom"])
def test_wall_and_floor_thickness_said_before_them(text):
    """'1/4 thick sides, 3/8 thick floor': the box was made 3/8 tall, the 1/4 unread."""
    spec = read(text)
    (shell,) = spec["features"]
    assert spec["body"]["height"] == pytest.approx(57.15) and shell["thickness"] == pytest.approx(6.35)
    assert shell["bottom"] == pytest.approx(9.525)
    r = apply_edit("mkae the sides 1/8 thick, floor stays 3/8", spec)
    assert not r.failed and r.spec["features"][0]["thickness"] == pytest.approx(3.175)
    assert r.spec["body"]["height"] == pytest.approx(57.15)


def test_a_size_closing_with_in_is_inches():
    spec = understand("three-bolt flange, 4 in across, 1/2 in thick, 1/2 in holes on a 3 1/4 bolt circle, 1 1/2 "
                      "center hole").spec
    r = apply_edit("bore it out to 2 in", spec)
    assert not r.failed and r.spec["features"][1]["size"] == pytest.approx(50.8)


def test_holes_counted_in_the_title_and_sized_later_are_one_set():
    spec = read("pipe flange with 4 holes: flange Ø85 x 10, raised hub Ø45 that stands 15 proud of the flange face, "
                "Ø30 bore through, holes Ø9 on 65 PCD")
    (circle,) = [f for f in spec["features"] if (f.get("at") or {}).get("kind") == "bolt_circle"]
    assert (circle["size"], circle["at"]["count"], circle["at"]["diameter"]) == (9, 4, 65)


def test_a_stem_on_a_disc_is_a_boss_and_its_joint_rounded():
    """'a Ø50 x 10 disc with a Ø20 x 25 stem on top' was a Ø20 x 50 cylinder (marked ok); 'round the joint between
    stem and base with a 4 mm radius' was not read."""
    spec = read("knob: Ø50 x 10 base disc with a Ø20 x 25 stem on top, centred; round the joint between stem and base "
                "with a 4 mm radius")
    assert spec["body"]["diameter"] == 50 and spec["body"]["height"] == 10
    boss, fillet = spec["features"]
    assert (boss["kind"], boss["diameter"], boss["height"]) == ("boss", 20, 25)
    assert (fillet["kind"], fillet["radius"], fillet["edges"], fillet["of"]) == ("fillet", 4, "root", boss["id"])


def test_a_t_sections_stem_is_not_a_boss():
    spec = read("T section 60 wide 50 tall, 5 thick, 100 long, stem 5 thick")
    assert spec["body"]["kind"] == "profile" and not spec["features"]


@pytest.mark.parametrize("said", ["add a 1 cm dia x 2 cm step at the thin end", "add a 10 mm dia x 20 mm step at the thin end"])
def test_a_new_steps_length_is_not_read_as_naming_a_step(said):
    """'x 2 cm step': the new step's length (it was read as naming the Ø20 step, and the new step was refused)."""
    r = apply_edit(said, understand("step shaft, 2 cm dia x 5 cm, then 1.5 cm dia x 3 cm").spec)
    assert [(s["diameter"], s["length"]) for s in r.spec["body"]["sections"]] == [(20, 50), (15, 30), (10, 20)]


def test_holes_said_by_their_diameter_on_a_bolt_circle():
    spec = read("flange 5-hole, 120 OD, 10 thk, Ø9 on 95 PCD, 40 bore")
    (circle,) = [f for f in spec["features"] if (f.get("at") or {}).get("kind") == "bolt_circle"]
    assert (circle["size"], circle["at"]["count"], circle["at"]["diameter"]) == (9, 5, 95)


def test_a_hole_named_by_its_callout_or_its_size_in_an_edit():
    """'change the Ø22 x 12 DP to go all the way through' was a 22 x 12 grid of holes; 'the 2" bore goes through it
    too' beside a new hub a second Ø2" hole on top of the bore."""
    spec = read("Bearing block 80 x 50 x 30 high. On the top face: Ø22 x 12 DP at the centre, and 2X Ø8.5 THRU on the "
                "long centreline, 30 from the centre each side.")
    r = apply_edit("change the Ø22 x 12 DP to go all the way through", spec)
    assert not r.failed and [(f["size"], f.get("depth")) for f in r.spec["features"]] == [(22, None), (8.5, None)]
    flange = read('8-hole flange, 6" OD x 3/4" thick, 3/4" holes on a 5" bolt circle, 2" bore in the middle')
    r = apply_edit('add a hub 3 1/2" dia sticking out 1" from one face; the 2" bore goes through it too', flange)
    assert not r.failed and sum(f["kind"] == "hole" for f in r.spec["features"]) == 2
    assert any(f["kind"] == "boss" and f["height"] == pytest.approx(25.4) for f in r.spec["features"])


ROW = "plate 200 x 50 x 6 with 5 holes 8 mm in a row 40 apart"


def test_a_rows_end_holes_removed_are_those_two():
    """'remove the two end holes' of a row of five took every hole off (marked ok): the outer two go."""
    (f,) = apply_edit("remove the two end holes", understand(ROW).spec).spec["features"]
    assert (f["at"]["count"], f["at"]["spacing"]) == (3, 40)


def test_the_last_hole_of_a_row_removed():
    (f,) = apply_edit("drop the last hole", understand(ROW).spec).spec["features"]
    assert sorted(p[0] for p in f["at"]["points"]) == [-80, -40, 0, 40]


@pytest.mark.parametrize("text,walls", [("T section 80 wide, 60 tall, flange 8 thick, stem 6 thick, 200 long", (6, 8)),
                                        ("I beam 100 wide 120 tall, flanges 10 thick, web 6 thick, 300 long", (6, 10))])
def test_a_sections_flange_and_web_said_thick_apart(text, walls):
    """The overall sizes said of the section and each wall of its part: the web's thickness was 'what 6 is for'."""
    body = read(text)["body"]
    assert (body["thickness"], body["lip"]) == walls


def test_a_hole_through_each_boss_and_the_plate_goes_through_both():
    """It was made only as deep as the bosses are tall (marked ok)."""
    spec = read("plate 100 x 60 x 8 with two Ø20 x 10 bosses 50 apart, and a 8 mm hole through each boss and the plate")
    hole = next(f for f in spec["features"] if f["kind"] == "hole")
    assert "depth" not in hole and hole["on"] == {"plane": "XY", "offset": 18}


@pytest.mark.parametrize("said", ["the bore, please make him 30", "the hole in center, make this one 30",
                                  "make she 30, the bore", "the bore, make it 30 please"])
def test_the_thing_named_apart_from_its_change(said):
    """Non-native word order and pronouns: the bore named, then 'make him / this one / it 30' ('him' was not read;
    'make it 30, the bore' was 30 bores)."""
    r = apply_edit(said, understand("flange 100 OD 12 thick, 20 bore, 4 x 9 holes on 75 PCD").spec)
    assert not r.failed and [f["size"] for f in r.spec["features"]] == [30, 9]


@pytest.mark.parametrize("text,d", [("flat bar 200 x 30 x 10, drill an 8 mm hole 20 in from the end", 20),
                                    ("bar 200 x 30 x 10 with an 8 mm hole at one end, 15 from the end", 15)])
def test_one_hole_in_from_the_end_is_one(text, d):
    """It was four, one in from each corner (a wrong part)."""
    (f,) = read(text)["features"]
    assert f["at"] == {"kind": "from_edge", "edge": "left", "distance": d}


def test_a_flat_said_by_one_size_says_how_it_was_read():
    u = understand("shaft 20 dia 100 long with a 4mm flat")
    (f,) = u.spec["features"]
    assert (f["depth"], f["length"]) == (4, 100)
    assert any("read as how deep the flat cuts in" in n for n in u.notes)
    assert any("runs the whole 100 mm" in n for n in u.notes)
    said = understand("a 12 mm shaft, 80 long, with a 1 mm deep flat 30 long at one end")
    assert not any("flat" in n for n in said.notes)


def test_a_round_parts_size_said_before_outside_is_its_diameter():
    """'22 outside' on a washer was dropped without a word (the ISO 7089 20 mm used, marked ok)."""
    body = read("a washer for an M10 bolt, 2 thick, 22 outside")["body"]
    assert body["outer_diameter"] == 22
    assert read("box with no lid, 5.5 x 3.5 x 2.25 inches outside dims, 1/4 thick walls, 3/8 thick floor")["body"][
        "height"] == pytest.approx(57.15)


def test_a_stray_size_beside_a_standard_washer_is_asked_about():
    """'M10 washer 3 thick 17': the 17 was dropped (taken as 20 - 3 and let through), the ISO 7089 washer built."""
    u = understand("M10 washer 3 thick 17")
    assert u.spec is None and any("'17'" in m for m in u.missing)


def test_new_plain_holes_said_beside_counterbored_ones_in_capitals():
    spec = read("PLATE 90 X 60 X 12 THK. 4X Ø6.6 THRU, 10 FROM EDGES.")
    spec = apply_edit("ADD C'BORE Ø11 X 6.5 DP TO ALL 4 HOLES.", spec).spec
    r = apply_edit("ADD 2X Ø5 THRU, NO C'BORE, ON LONG CENTERLINE, 30 APART, SYMMETRIC.", spec)
    assert [("cbore" in f, f["size"]) for f in r.spec["features"]] == [(True, 6.6), (False, 5)]


@pytest.mark.parametrize("said", ["25 mm between holes", "on a 25 mm grid", "25 mm hole to hole",
                                  "with 25 mm between each hole"])
def test_a_grids_spacing_said_in_other_words(said):
    """The 25 was dropped and a 10 mm spacing assumed."""
    (f,) = read("plate 150 x 100 x 10 with a 3 x 4 grid of 6 mm holes, " + said)["features"]
    assert f["at"]["spacing"] == [25, 25]


def test_two_holes_with_a_distance_between_them():
    """'with 40 mm between them' was dropped: the two holes were spread evenly (33.3 apart)."""
    (f,) = read("plate 100 x 60 x 5 with two 6 mm holes with 40 mm between them")["features"]
    assert f["at"] == {"kind": "linear", "count": 2, "spacing": 40, "axis": "u"}


def test_a_rectangle_said_with_its_unit_and_a_circle_said_as_a_diameter():
    """'on a 100 x 60 mm rectangle' was dropped (corner holes at an assumed inset); 'on 80 diameter' unread."""
    (f,) = read("plate 120x80x6 with 4 holes of 8 mm on a 100 x 60 mm rectangle")["features"]
    assert f["at"] == {"kind": "grid", "counts": [2, 2], "spacing": [100, 60]}
    (f,) = read("disc 100 dia 10 thick, 6x 8mm holes around on 80 diameter")["features"]
    assert (f["at"]["kind"], f["at"]["count"], f["at"]["diameter"]) == ("bolt_circle", 6, 80)


@pytest.mark.parametrize("said", ["drill a 10 mm hole through it sideways, 20 from the top",
                                  "a 10 mm hole crosswise 20 from the top"])
def test_a_hole_sideways_is_a_cross_hole(said):
    """It went down the axis (the word not understood, the part marked ok)."""
    r = apply_edit(said, understand("cylinder 50 dia 80 tall").spec)
    (f,) = r.spec["features"]
    assert f["on"] == "front" and f["at"] == {"kind": "at", "points": [[0, 20]]}


@pytest.mark.parametrize("said,size", [("chamfer both ends of the bore 1mm", 1), ("break the edges of the bore 0.5", 0.5)])
def test_the_ends_of_a_bore_are_its_rims(said, size):
    """'chamfer both ends of the bore 1mm' made the bore 1 mm across (marked ok)."""
    r = apply_edit(said, understand("tube 40 OD 25 ID 60 long").spec)
    assert not r.failed and r.spec["body"]["inner_diameter"] == 25
    assert r.spec["features"] == [{"id": "bevel", "kind": "chamfer", "edges": "holes", "size": size}]
