"""Plain requests → part specs (tools/understand): numbers and units, shape nouns, features,
placements, assumptions and words not understood. Sizes are checked through the spec's own
closed-form volume and bounding box (tools.part.expectations), so a wrong reading fails."""

import math

import pytest

from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import understand
from cadagent.tools.understand.numbers import normalize, number, numbers


def extents(spec: dict) -> list[float]:
    e = expectations(parse(spec))
    return sorted(round(h - lo, 4) for lo, h in zip(e["bbox_min"], e["bbox_max"]))


def volume(spec: dict) -> float:
    return expectations(parse(spec))["volume"]


@pytest.mark.parametrize("text,value", [("1-1/2", 1.5), ("3/8", 0.375), (".5", 0.5), ("12", 12.0)])
def test_number_forms(text, value):
    assert number(text) == pytest.approx(value)


def test_units_through_pint_and_number_words():
    t = normalize('Two 1/4" holes, 2.5 cm apart, nine of them, Ø8')
    assert "dia 8" in t and t.startswith("2 of 1/4")
    mm = [n.mm() for n in numbers(t) if n.unit]
    assert mm == pytest.approx([6.35, 25.0])


def test_spoken_decimals():
    u = understand("a rectangular block measuring zero point seven five units in length, zero point three seven "
                   "five units in width and zero point zero four six nine units in height")
    assert extents(u.spec) == pytest.approx(sorted([0.75, 0.375, 0.0469]))


@pytest.mark.parametrize("text,size,vol", [
    ("hey, could you make me a plain cube, 42 mm on each side? nothing fancy", [42, 42, 42], 42 ** 3),
    ('Make a bar of 2 x 3/4 x 6 inches, solid.', [19.05, 50.8, 152.4], 50.8 * 19.05 * 152.4),
    ("I need a solid block 12 cm long, 5 cm wide and 3 cm high", [30, 50, 120], 120 * 50 * 30),
    ("Can you model a cylinder with a radius of 18 mm and a height of 60 mm?", [36, 36, 60], math.pi * 18 ** 2 * 60),
    ("tube OD 40 ID 32, 100 long", [40, 40, 100], math.pi / 4 * (40 ** 2 - 32 ** 2) * 100),
    ("truncated cone: 50 mm at the bottom, 20 mm at the top, 35 mm tall", [35, 50, 50],
     math.pi * 35 / 3 * (25 ** 2 + 25 * 10 + 10 ** 2)),
    ("hex prism 19 across flats, 50 long", [19, 21.9393, 50], math.sqrt(3) / 2 * 19 ** 2 * 50),
    ("U channel 50 wide outside, 30 tall, 3 mm walls, 200 long", [30, 50, 200], (50 * 3 + 2 * 27 * 3) * 200),
    ("L bracket, 50 x 50 legs, 30 wide, 4 thick", [30, 50, 50], (50 * 4 + 46 * 4) * 30),
])
def test_bodies(text, size, vol):
    u = understand(text)
    assert u.spec is not None, u.explain()
    assert extents(u.spec) == pytest.approx(sorted(size), abs=0.01)
    assert volume(u.spec) == pytest.approx(vol, rel=1e-3)


def test_holes_counts_sizes_and_placements():
    u = understand("flange 100 OD, 10 thick, 40 bore, 4 x 9 holes on 80 PCD")
    holes = {f["id"]: f for f in u.spec["features"]}
    assert holes["bore"]["size"] == 40 and holes["bore"]["at"] == {"kind": "center"}
    assert holes["holes"]["size"] == 9
    assert holes["holes"]["at"] == {"kind": "bolt_circle", "count": 4, "diameter": 80}
    u = understand('4" x 6" plate, 1/4" thick, 1/4" holes 1/2" in from each corner')
    (h,) = u.spec["features"]
    assert h["size"] == pytest.approx(6.35) and h["at"] == {"kind": "corners", "inset": pytest.approx(12.7)}
    assert u.spec["units"] == "in"
    u = understand("flat bar 150 long, 30 wide, 6 thick, with a row of 6 holes dia 8 spaced 22 mm along the centre line")
    (h,) = u.spec["features"]
    assert h["at"] == {"kind": "linear", "count": 6, "spacing": 22, "axis": "u"}


def test_counterbore_and_countersink():
    u = understand("I need a 100 x 50 x 12 block with four counterbored holes for M5 cap screws: 5.5 through, "
                   "10 mm counterbore 5.5 deep, 10 mm in from the corners")
    (h,) = u.spec["features"]
    assert h["size"] == 5.5 and h["cbore"] == {"diameter": 10, "depth": 5.5}
    assert h["at"] == {"kind": "corners", "inset": 10}
    u = understand('3" x 2" x 3/8" plate, one 1/4" hole in the middle countersunk to 1/2" at 90°')
    (h,) = u.spec["features"]
    assert h["size"] == pytest.approx(6.35) and h["csink"]["diameter"] == pytest.approx(12.7)


def test_edges_and_shells():
    u = understand("box 70 x 50 x 30 high, fillet the top edges 4mm")
    assert u.spec["features"] == [{"id": "round", "kind": "fillet", "edges": "top", "radius": 4}]
    u = understand("hollow cube 50 mm with 3 mm walls, fully closed inside (a sealed void)")
    (s,) = u.spec["features"]
    assert s["kind"] == "shell" and s["thickness"] == 3 and s["open_face"] is None
    assert volume(u.spec) == pytest.approx(50 ** 3 - 44 ** 3)
    u = understand("storage bin 150 x 100 x 80 hight, wall thicknes 3, opne top")
    (s,) = u.spec["features"]
    assert s == {"id": "shell", "kind": "shell", "thickness": 3, "open_face": "top"}


def test_steps_build_one_spec_in_order():
    u = understand("1. Start with an 80 x 50 x 20 block. 2. Fillet the vertical edges 15 mm. "
                   "3. Cut a 5 mm through hole 10 mm from the left edge.")
    body, feats = u.spec["body"], u.spec["features"]
    assert (body["length"], body["width"], body["height"]) == (80, 50, 20)
    assert [f["kind"] for f in feats] == ["fillet", "hole"]
    assert feats[0]["edges"] == "vertical" and feats[0]["radius"] == 15
    assert feats[1]["at"] == {"kind": "from_edge", "edge": "left", "distance": 10}


def test_assumptions_and_words_not_understood_are_said():
    u = understand("plate 120 x 80 with a frobnicated rim")
    assert "no thickness given: 5 mm assumed" in u.notes
    assert "frobnicated" in u.unknown and "rim" not in u.unknown
    assert "Assumed: no thickness given" in u.explain()
    u = understand("a gear with nice teeth")
    assert u.spec is None and u.missing == ["the gear's module and number of teeth"]


def test_centre_hole_on_a_round_face_is_valid():
    """A disc with a centre hole (a roller's bore) passes validation; off the rim it still does not."""
    from cadagent.tools.part import validate

    spec = understand("a cylinder 40 dia 50 high with a 20 mm pocket drilled 30 mm deep into one end, on the axis").spec
    assert spec["features"] == [{"id": "pocket", "kind": "hole", "size": 20, "depth": 30}]
    assert [p for p in validate(spec)[1] if p.severity == "error"] == []
    off = {**spec, "features": [{**spec["features"][0], "at": {"kind": "at", "points": [[12, 0]]}}]}
    assert any("runs off" in p.message for p in validate(off)[1])


@pytest.mark.parametrize("text,size,vol", [
    ("A hollow cylinder: outer radius 25 mm, inner radius 20 mm, height 60 mm.", [50, 50, 60],
     math.pi * (25 ** 2 - 20 ** 2) * 60),
    ("a cone with base radius 30 and height 50", [50, 60, 60], math.pi * 30 ** 2 * 50 / 3),
    ("Create a box 50 mm wide, 80 mm deep and 30 mm high.", [30, 50, 80], 50 * 80 * 30),
    ("a bar 1 inch square, 12 inches long", [25.4, 25.4, 304.8], 25.4 * 25.4 * 304.8),
    ("a pipe with a 50 mm outside diameter, 5 mm wall and 300 mm length", [50, 50, 300],
     math.pi * (25 ** 2 - 20 ** 2) * 300),
    ("circular plate diameter 80 thickness 4 with center hole 20", [4, 80, 80], math.pi * (40 ** 2 - 10 ** 2) * 4),
    ("standoff M3, 6 mm across, 20 high", [6, 6, 20], math.pi * (3 ** 2 - 1.7 ** 2) * 20),
])
def test_more_ways_to_say_a_body(text, size, vol):
    u = understand(text)
    assert u.spec is not None, u.explain()
    assert extents(u.spec) == pytest.approx(sorted(size), abs=0.01)
    assert volume(u.spec) == pytest.approx(vol, rel=1e-3)


def test_patterns_in_other_words():
    feats = understand("plate 200 x 100 x 6 mm with a 3 x 5 array of 8 mm holes spaced 30 mm").spec["features"]
    assert feats[0]["at"] == {"kind": "grid", "counts": [5, 3], "spacing": [30, 30]}   # 5 along the long side
    feats = understand("a 5 mm thick plate, 80 by 60, four holes 4mm at 70x50 spacing").spec["features"]
    assert feats[0]["at"] == {"kind": "grid", "counts": [2, 2], "spacing": [70, 50]}
    feats = understand("plate 120 by 60 by 5, six 5mm holes in two rows of three, 40 mm apart").spec["features"]
    assert feats[0]["at"] == {"kind": "grid", "counts": [3, 2], "spacing": [40, 40]}
    feats = understand('Aluminum plate 6" x 4" x 0.25" with four #10 holes 0.5" from edges').spec["features"]
    assert feats[0]["size"] == 5.0 and feats[0]["at"] == {"kind": "corners", "inset": pytest.approx(12.7)}


@pytest.mark.parametrize("text,body", [
    ("box: L=120 W=60 H=30", {"kind": "box", "length": 120, "width": 60, "height": 30}),
    ("pls make a cylinder r=10 h=50", {"kind": "cylinder", "diameter": 20, "height": 50}),
    ("make me a wheel 60 diameter 20 wide with a 5 mm axle hole",
     {"kind": "cylinder", "diameter": 60, "height": 20}),
    ("Design a shaft collar: 25 mm OD, 12 mm bore, 10 mm wide",
     {"kind": "tube", "outer_diameter": 25, "inner_diameter": 12, "height": 10}),
    ("truncated cone with a bottom diameter of 60 mm, top diameter of 30 mm and height of 40 mm",
     {"kind": "cone", "bottom_diameter": 60, "top_diameter": 30, "height": 40}),
    ("Round base plate, Ø120 x 8, six M5 holes equally spaced on a 100 PCD",
     {"kind": "cylinder", "diameter": 120, "height": 8}),
])
def test_short_forms_and_adjectives(text, body):
    got = understand(text).spec["body"]
    assert {k: got[k] for k in body} == body


def test_nema_motor_plate():
    feats = understand("motor mount plate 60x60x6 with NEMA17 holes and a 22 mm center hole").spec["features"]
    assert feats == [{"id": "motor_holes", "kind": "hole", "size": "M3 clearance", "at": {"kind": "nema", "frame": "17"}},
                     {"id": "bore", "kind": "hole", "size": 22, "at": {"kind": "center"}}]


def test_outer_diameter_after_a_hole_and_square_holes():
    u = understand("Make a washer with 8.4 mm hole, 16 mm outer diameter and 1.6 mm thickness")
    assert u.spec["body"] == {"kind": "tube", "id": "washer", "outer_diameter": 16, "inner_diameter": 8.4, "height": 1.6}
    u = understand("an 8mm thick disc of 100mm diameter with a 20x20 square hole in the middle")
    assert u.spec["features"] == [{"id": "cutout", "kind": "pocket", "shape": "rect", "length": 20, "width": 20}]
    assert volume(u.spec) == pytest.approx(math.pi * 50 ** 2 * 8 - 20 * 20 * 8)
    u = understand("cube with side length 5 cm, hollow, wall thickness 5 mm")
    assert extents(u.spec) == [50, 50, 50]


def test_an_l_bracket_reads_both_legs_and_its_overall_sizes():
    """Two legs given as 'legs 50 and 30' make the section (the 30 is not dropped); 'A x B x C, T thick'
    is the overall size with the wall said on its own."""
    from cadagent.tools.understand import understand

    legs = understand("a 90 degree L bracket, legs 50 and 30 mm, 40 mm wide, 5 mm thick").spec["body"]
    assert (legs["shape"], legs["width"], legs["height"], legs["thickness"], legs["length"]) == ("L", 50, 30, 5, 40)
    overall = understand("an L bracket 50 x 40 x 30 mm, 5 mm thick").spec["body"]
    assert (overall["width"], overall["height"], overall["thickness"], overall["length"]) == (50, 40, 5, 30)


def test_a_shape_read_only_as_its_bounding_block_is_declined_not_built():
    """The block an L spans is not an L: the engine says what it is missing instead of building it."""
    from cadagent.agent.drafts import DesignContext
    from cadagent.agent.offline import spec_path
    from cadagent.tools.understand import understand

    text = "an L bracket 60 long 40 wide 30 high"
    assert understand(text).approximate  # no wall thickness: only the block it spans is known
    draft = spec_path.new_design(DesignContext(task="new_design", request=text))
    assert draft is not None and draft.declined and draft.code is None
    assert "not its section" in draft.note


def test_holes_in_the_legs_of_an_l_bracket():
    from cadagent.tools.part import expectations, parse

    u = understand("L bracket, legs 50 x 50 outside, 30 wide, 4 thk, two 5mm holes in each leg")
    body, feats = u.spec["body"], u.spec["features"]
    assert (body["shape"], body["width"], body["height"], body["thickness"], body["length"]) == ("L", 50, 50, 4, 30)
    assert [(f["on"], f["at"]["count"]) for f in feats] == [("front", 2), ("left", 2)]
    section = 50 * 4 + 46 * 4
    assert expectations(parse(u.spec))["volume"] == pytest.approx(section * 30 - 4 * math.pi * 2.5 ** 2 * 4)


def test_a_hub_on_a_bored_disc_and_a_cups_floor():
    u = understand("pipe flange: disc 100 dia x 10 thick with a 50 dia hub sticking up another 20, 30mm bore all the "
                   "way thru, 4 holes of 9mm on a 76 bolt circle")
    assert u.spec["body"] == {"kind": "cylinder", "id": "pipe_flange", "diameter": 100, "height": 10, "name": "pipe flange"}
    assert [f["kind"] for f in u.spec["features"]] == ["boss", "hole", "hole"]
    assert u.spec["features"][2]["at"] == {"kind": "bolt_circle", "count": 4, "diameter": 76}
    u = understand("open box 100 x 60 x 40, 2 mm walls and a 4 mm floor")
    assert u.spec["features"][0] == {"id": "shell", "kind": "shell", "thickness": 2, "open_face": "top", "bottom": 4}
    u = understand("cone, bottom 40, top 20, 30 tall")
    assert (u.spec["body"]["bottom_diameter"], u.spec["body"]["top_diameter"]) == (40, 20)


@pytest.mark.parametrize("text,body", [
    ("Ø30 / Ø20 tube, 60 long", {"kind": "tube", "outer_diameter": 30, "inner_diameter": 20, "height": 60}),
    ("30/20 tube 60mm long", {"kind": "tube", "outer_diameter": 30, "inner_diameter": 20, "height": 60}),
    ("bushing, bore 12, 18 dia, 20 long", {"kind": "tube", "outer_diameter": 18, "inner_diameter": 12, "height": 20}),
    ("flanged bushing: 20 ID, 26 OD, 30 long, flange 40 dia x 4 thick",
     {"kind": "shaft", "sections": [{"diameter": 40, "length": 4}, {"diameter": 26, "length": 26}]}),
    ("U-shaped bracket, 40 mm between the arms, arms 30 tall, 4 thick, 25 wide",
     {"kind": "profile", "shape": "U", "width": 48, "height": 30, "thickness": 4, "length": 25}),
    ("equal leg angle bracket 40mm, 3mm thick, 20mm wide",
     {"kind": "profile", "shape": "L", "width": 40, "height": 40, "thickness": 3, "length": 20}),
])
def test_tubes_bushings_and_brackets_as_people_write_them(text, body):
    got = understand(text).spec["body"]
    assert {k: got[k] for k in body} == body
    assert normalize("a 3/8 hole, 1-1/2 long") == "a 3/8 hole, 1-1/2 long"       # real fractions stay


def test_a_flanged_bushing_is_bored_through():
    spec = understand("flanged bush, bore 12, body 18 dia x 20 long, flange 28 dia 3 thick").spec
    assert spec["features"] == [{"id": "bore", "kind": "hole", "size": 12}]
    assert expectations(parse(spec))["volume"] == pytest.approx(
        math.pi / 4 * (28 ** 2 * 3 + 18 ** 2 * 20 - 12 ** 2 * 23))
    assert understand("flanged sleeve 10 ID 14 OD 25 long").spec is None        # no flange size: asked, not guessed


@pytest.mark.parametrize("text,check", [
    ("a washer for M10, 2 thick, 25 OD", lambda s: (s["body"]["outer_diameter"], s["body"]["height"]) == (25, 2)),
    ("T bracket 60 wide 40 tall 5 thick 30 long", lambda s: s["body"]["shape"] == "T"),
    ("square flange 100 x 100 x 12 with a 50 bore and 4 x 11 holes on a 75 square",
     lambda s: s["body"]["length"] == 100 and s["features"][1]["at"] == {"kind": "grid", "counts": [2, 2],
                                                                          "spacing": [75, 75]}),
    ("block 80 x 60 x 40 all edges filleted 5", lambda s: s["body"]["height"] == 40),
    # "8 x 14 holes" is eight of 14 (it was built as fourteen of 8, marked ok)
    ("pipe flange 150 OD x 18 thk, 60 ID, 8 x 14 holes on 120 BCD",
     lambda s: s["features"][1]["size"] == 14 and s["features"][1]["at"] == {"kind": "bolt_circle", "count": 8,
                                                                              "diameter": 120}),
    # "equally spaced on Ø70": the holes' circle (the 70 was left unread)
    ("flange plate Ø90, 8 thick, Ø30 through bore, 3 holes Ø6.6 equally spaced on Ø70",
     lambda s: s["features"][1]["at"] == {"kind": "bolt_circle", "count": 3, "diameter": 70}),
    # sizes between slashes: the ID is the flange's bore (it was put on the holes)
    ("flange: OD 180 / ID 90 / T 20 / 8 holes 18 dia / PCD 145",
     lambda s: [f["size"] for f in s["features"]] == [90, 18] and s["body"]["height"] == 20),
])
def test_new_designs_outsiders_wrote(text, check):
    spec = understand(text).spec
    assert spec is not None and check(spec), spec


@pytest.mark.parametrize("text,check", [
    ("I beam 100 tall 60 wide 6 thick 400 long", lambda u: u.spec["body"]["shape"] == "I"),
    ("shaft 20 x 100 with a 6 x 3.5 keyway 30 long",
     lambda u: {k: u.spec["features"][0][k] for k in ("width", "depth", "length")} == {"width": 6, "depth": 3.5,
                                                                                        "length": 30}),
    ("flange 4 inch OD 1/2 thick 1 inch bore with 6 3/8 holes on a 3 inch bolt circle",
     lambda u: (u.spec["features"][1]["at"]["count"], u.spec["features"][1]["size"]) == (6, pytest.approx(9.525))),
    ("an L bracket 40x30 legs 3 thick 50 long with a 5mm hole in the short leg",
     lambda u: [f["on"] for f in u.spec["features"]] == ["left"]),
    ("Z bracket 40 x 30 x 40, 3 thick, 25 wide", lambda u: u.spec is None and "Z section's flanges" in u.missing[0]),
    ("a pin 8 dia 40 long with a 2 mm cross hole 5 from one end",       # drilled across, 5 from the bottom end
     lambda u: u.spec["features"] == [{"id": "holes", "kind": "hole", "size": 2.0, "on": "front",
                                       "at": {"kind": "at", "points": [[0.0, -15.0]]}}]),
    ("spur gear, 2 module, 30 teeth, face width 15", lambda u: u.spec["body"]["module"] == 2),
])
def test_shapes_outsiders_name(text, check):
    assert check(understand(text))


@pytest.mark.parametrize("text,body,feature", [
    ("a small box, 50mm square and 30 deep, walls 2mm, no lid", {"length": 50, "width": 50, "height": 30},
     {"kind": "shell", "thickness": 2, "open_face": "top"}),
    ("planter pot 100 dia 120 tall 3 mm thick walls open top", {"diameter": 100, "height": 120},
     {"kind": "shell", "thickness": 3, "open_face": "top"}),
    ("a hollow cylinder closed at both ends, 60 dia 80 long, 3 wall", {"kind": "cylinder", "diameter": 60},
     {"kind": "shell", "thickness": 3, "open_face": None}),
    ("a shot glass shape: 45 OD, 55 tall, 3 wall, 5 bottom", {"diameter": 45, "height": 55},
     {"kind": "shell", "thickness": 3, "bottom": 5}),
    ("beveled block 50x50x20 with 2mm chamfers on every edge", {"height": 20}, {"kind": "chamfer", "size": 2}),
    ("bevel the top edges of a 40 mm cube by 3 mm", {"length": 40}, {"kind": "chamfer", "edges": "top", "size": 3}),
])
def test_shells_and_edges_as_written(text, body, feature):
    spec = understand(text).spec
    assert {k: spec["body"][k] for k in body} == body
    (f,) = spec["features"]
    assert {k: f.get(k) for k in feature} == feature


def test_a_rectangular_tube_with_its_wall_in_the_sizes():
    spec = understand("rectangular tube 40 x 20 x 2 wall, 300 long").spec
    assert [spec["body"][k] for k in ("length", "width", "height")] == [20, 40, 300]
    assert spec["features"] == [{"id": "bore", "kind": "pocket", "shape": "rect", "length": 16, "width": 36}]


def test_a_feature_said_again_is_one_feature():
    spec = understand("Start by creating a rectangular plate. The plate has a length of 0.75, a width of 0.5, and a "
                      "height of 0.05. Next, create a cylindrical hole in the center of the plate. The hole has a "
                      "diameter of 0.125 and a depth of 0.05. The final shape is a rectangular plate with a circular "
                      "hole in the center, creating a hollow space.").spec
    assert spec["features"] == [{"id": "holes", "kind": "hole", "size": 0.125, "at": {"kind": "center"}}]
