"""Edits in a conversation: units carried from the first turn, a change that was not made, and an edit
with no part to apply to. No sandbox: the specs and what the engine says are enough."""

import math

import pytest

from cadagent.agent.drafts import DesignContext
from cadagent.agent.offline.engine import OfflineChatModel
from cadagent.tools.part import expectations, parse
from cadagent.tools.understand import apply_edit, understand

ENGINE = OfflineChatModel()


def volume(spec: dict) -> float:
    return expectations(parse(spec))["volume"]


def edit(text: str, spec: dict, not_made: str | None = None):
    return ENGINE.draft(DesignContext(task="modify", request=text, current={"version": 2, "code": "", "spec": spec,
                                                                            "not_made": not_made}))


def test_an_edit_number_keeps_its_own_unit_and_a_bare_one_follows_the_conversation():
    inch = understand('plate 4 x 3 x 1/4 inch').spec
    assert inch["units"] == "in"
    assert apply_edit("make it 30 mm longer", inch).spec["body"]["length"] == pytest.approx(131.6)
    assert apply_edit("make it 1 longer", inch).spec["body"]["length"] == pytest.approx(127.0)
    assert apply_edit("make it 6 long", inch).spec["body"]["length"] == pytest.approx(152.4)
    metric = understand("plate 100 x 60 x 5").spec
    assert apply_edit("make it 2 inches longer", metric).spec["body"]["length"] == pytest.approx(150.8)
    assert apply_edit("make it 2 longer", metric).spec["body"]["length"] == pytest.approx(102.0)
    cm = understand("plate 10 x 6 x 0.5 cm").spec
    assert apply_edit("make it 8 long", cm).spec["body"]["length"] == pytest.approx(80.0)


def test_a_bare_number_that_makes_an_inch_part_many_times_its_size_is_asked_not_built():
    tube = understand('tube 1-1/2" OD with a 1/8" wall, 6" long').spec
    r = apply_edit("make it 150 long", tube)
    assert r.failed and "'150' read in inches" in r.failed[0] and "'150 mm' or '150 in'" in r.failed[0]
    assert apply_edit("make it 150 mm long", tube).spec["body"]["height"] == pytest.approx(150.0)
    plate = understand('plate 6" x 4" x 1/4"').spec
    assert "turns 6.35 mm into 508 mm" in apply_edit("make it 20 thick", plate).failed[0]     # one size 80 times over
    assert apply_edit("make it 1/2 thick", plate).spec["body"]["height"] == pytest.approx(12.7)
    assert apply_edit("cut it to 4 in", tube).spec["body"]["height"] == pytest.approx(101.6)
    d = edit("make it 150 long", tube)
    assert d.declined and d.code is None


def test_a_number_alone_after_a_change_that_was_not_made_retries_that_change():
    plate = understand("120 x 60 x 6 plate with a 10mm hole dead centre").spec
    assert apply_edit("now make the centre hole 70", plate).failed      # runs off the plate: not made
    d = edit("ok then 12", plate, not_made="now make the centre hole 70")
    assert not d.declined and [f["size"] for f in d.spec["features"]] == [12]
    assert "read as 'now make the center hole 12'" in d.note
    # with nothing refused before, a lone number is not guessed
    assert edit("ok then 12", plate).declined


def test_a_size_said_outright_after_a_refused_negative_one_is_not_negated():
    """'make it 40 tall' after 'make it -5 tall' was refused: 40 (it was read as -40 and refused again)."""
    cube = understand("cube 30").spec
    d = edit("make it 40 tall", cube, not_made="make it -5 tall")
    assert not d.declined and d.spec["body"]["height"] == 40


def test_a_change_that_says_again_what_the_refused_one_was_about_replaces_it():
    """'make the holes 6 mm and move them 8 in from the edges' after 'make the holes 30 mm' (too big): 'them' are the
    holes there, the move is measured from the part as it is."""
    plate = understand("plate 60 x 40 x 5 with 4 corner holes 5 mm").spec
    d = edit("make the holes 6 mm and move them 8 in from the edges", plate, not_made="make the holes 30 mm")
    assert not d.declined, d.note
    (h,) = d.spec["features"]
    assert h["size"] == 6 and h["at"] == {"kind": "corners", "inset": 8.0}
    assert "'make the holes 30 mm') was not made" in d.note


def test_a_relative_change_after_a_change_that_was_not_made_is_declined():
    tube = understand('tube 1-1/2" OD with a 1/8" wall, 6" long').spec
    d = edit("twice as long", tube, not_made="shorten it please")
    assert d.declined and "'shorten it please') was not made" in d.note
    assert edit("twice as long", tube).spec["body"]["height"] == pytest.approx(304.8)
    # a size said outright does not depend on the change that was not made
    d = edit("make it 8 in long", tube, not_made="shorten it please")
    assert not d.declined and d.spec["body"]["height"] == pytest.approx(203.2)


def test_a_change_with_no_part_yet_is_not_built_as_a_new_part_with_sizes_assumed():
    d = ENGINE.draft(DesignContext(task="new_design", request="make the disc 120 across"))
    assert d.declined and d.code is None and "no part yet" in d.note
    d = ENGINE.draft(DesignContext(task="new_design", request="put the same flange on the other end as well, keep it "
                                                            "200 overall"))
    assert d.declined and d.code is None          # it built a 200 x 5 disc, marked ok
    d = ENGINE.draft(DesignContext(task="new_design", request="a disc 120 across, 5 thick"))
    assert not d.declined and d.spec["body"]["diameter"] == 120
    assert expectations(parse(d.spec))["volume"] == pytest.approx(3.14159265 * 60 ** 2 * 5)


def test_through_the_agent_a_refused_change_is_retried_by_its_number_and_relative_ones_wait(agents):
    agent = agents()
    assert agent.turn("t", "plate 100 x 60 x 10").ok
    same = agent.turn("t", "make it 100 long")                     # what it already is: said, and kept
    assert same.ok and same.version.volume == pytest.approx(60000, rel=1e-6), same.answer
    refused = agent.turn("t", "add a 40 mm fillet on the top edges")      # larger than the part can take
    assert not refused.ok and refused.version is None
    waited = agent.turn("t", "make the fillet twice as big")               # measured from which fillet?
    assert not waited.ok and waited.version is None and "was not made" in waited.answer
    refused = agent.turn("t", "add a 40 mm fillet on the top edges")
    assert not refused.ok
    retried = agent.turn("t", "ok then 3")
    assert retried.ok, retried.answer
    fillet = 3 ** 2 * (1 - math.pi / 4) * 2 * (100 + 60)          # R3 swept round the top outline
    assert retried.version.volume < 60000 and retried.version.volume == pytest.approx(60000 - fillet, rel=2e-3)


def test_an_edit_changes_what_it_names_and_nothing_else():
    plate = understand("base plate 200x100x15 with 2mm chamfers on the vertical edges and a 50mm bore in the middle").spec
    r = apply_edit("make the bore 30% bigger", plate)           # the bore, not the whole part
    assert r.spec["body"]["length"] == 200 and [f.get("size") for f in r.spec["features"]] == [2, 65]
    r = apply_edit("switch the chamfers to R5 rounds", plate)
    assert r.spec["features"][0] == {"id": "bevel", "kind": "fillet", "edges": "vertical", "radius": 5}
    tube = understand("tube 40 od 30 id 50 long").spec
    assert apply_edit("make the bore 10% bigger", tube).spec["body"]["outer_diameter"] == 40
    block = understand("block 60 x 40 x 30 with a 12 mm hole through the middle").spec
    r = apply_edit("also break the top edges, 3mm chamfer", block)
    assert r.spec["features"][-1]["edges"] == "top"
    rounded = understand("block 80x50x20, round off the four vertical edges R8").spec
    assert apply_edit("actually chamfer them instead, 5 mm", rounded).spec["features"] == [
        {"id": "round", "kind": "chamfer", "edges": "vertical", "size": 5}]
    square = apply_edit("and 70 square", understand("plate 60 x 60 x 6").spec).spec["body"]
    assert [square[k] for k in ("length", "width", "height")] == [70, 70, 6]
    standoff = understand("round standoff Ø10 x 30 tall with a Ø4.2 hole through and a Ø16 x 3 flange at the bottom").spec
    r = apply_edit("make it 40 tall, flange stays the same", standoff)
    assert r.spec["body"]["sections"] == [{"diameter": 16, "length": 3}, {"diameter": 10, "length": 37}]
    assert apply_edit("hole 5 instead", standoff).spec["features"][0]["size"] == 5


def test_words_for_features_the_part_does_not_have_refuse_the_edit():
    shaft = understand("shaft Ø20 x 100 long, with a 6 wide x 3.5 deep key way running 30 in from one end").spec
    r = apply_edit("make the whole thing 120 long, keep the step 25", shaft)
    assert r.spec is None and "there is no step" in r.failed[0]
    slots = understand("120 x 60 x 6 plate, two 8mm wide slots 30 long running across the short way, centred 25 in "
                       "from each end").spec
    r = apply_edit("make the left slot 40 long", slots)            # one copy of a pattern of two: split off, alone
    assert [(f["length"], f["at"]["points"]) for f in r.spec["features"]] == [(30, [[35, 0]]), (40, [[-35, 0]])]
    assert volume(r.spec) == pytest.approx(120 * 60 * 6 - (22 * 8 + math.pi * 16) * 6 - (32 * 8 + math.pi * 16) * 6)
    assert apply_edit("make both slots 40 long", slots).spec["features"][0]["length"] == 40
    assert apply_edit("make the other slot 40 long", slots).spec is None        # which one is 'other' is not known
    xy = understand("plate 100 x 40 x 8. measuring from the bottom left corner: Ø6 holes at 10,10 / 90,10 / 90,30 / "
                    "10,30 and a Ø20 at 50,20").spec
    assert apply_edit("move the big hole to 65,20", xy).spec["features"][1]["at"] == {"kind": "at", "points": [[15, 0]]}
    assert apply_edit("move the holes to 65,20", xy).spec is None               # four holes to one point: no
    side = understand("Block 60 long, 40 wide, 30 high, a 12mm hole along the 60 through the middle of the end "
                      "face").spec
    assert "no top holes" in apply_edit("make the top hole 16", side).failed[0]


def test_a_corner_fillet_or_chamfer_beside_corner_holes_is_limited_by_where_the_holes_are(sandbox):
    from cadagent.tools.part import build

    plate = understand("plate 90x60x5 with 4 holes 5mm at the corners, 7 in from both edges").spec
    r = apply_edit("fillet the corners R8", plate)        # the R8 arcs pass 6.6 mm from the hole centres
    assert r.spec is not None, r.explain()
    part = build(parse(r.spec), sandbox, exports=())
    assert part.ok, part.summary()
    want = 90 * 60 * 5 - 4 * math.pi * 2.5 ** 2 * 5 - 4 * (8 ** 2 - math.pi * 8 ** 2 / 4) * 5
    assert part.measured["volume"] == pytest.approx(want, rel=1e-4)
    r = apply_edit("chamfer the corners 11", plate)       # its face passes 2.1 mm from the hole centres
    assert r.spec is None and "between hole 'holes' and the edge" in r.failed[0]


def test_fractions_of_a_size_every_other_hole_and_a_mirrored_hole():
    block = understand("block 60 x 40 x 30").spec
    assert apply_edit("make it 2/3 the height", block).spec["body"]["height"] == pytest.approx(20)
    assert apply_edit("three quarters as long", block).spec["body"]["length"] == pytest.approx(45)
    assert apply_edit("make it 3/4 thick", block).spec["body"]["height"] == pytest.approx(19.05)   # inches, not 3/4 of it
    row = understand("plate 100 x 50 x 5 with 5 holes 6 mm in a row 15 apart").spec
    r = apply_edit("remove every other hole", row)
    assert (r.spec["features"][0]["at"]["count"], r.spec["features"][0]["at"]["spacing"]) == (3, 30)
    ring = understand("disc 100 dia 10 thick with 8 holes 6 mm on a 70 bolt circle").spec
    assert apply_edit("remove every other hole", ring).spec["features"][0]["at"]["count"] == 4
    one = understand("plate 100 x 50 x 5 with a 8 mm hole 20 mm from the left edge").spec
    r = apply_edit("mirror the hole to the other side", one)
    assert r.spec["features"][0]["at"] == {"kind": "at", "points": [[-30, 0], [30, 0]]}
    assert volume(r.spec) == pytest.approx(100 * 50 * 5 - 2 * math.pi * 4 ** 2 * 5)
    r = apply_edit("mirror the hole front to back", one)         # it is on that centre line
    assert r.spec is None and "its mirror image is itself" in r.failed[0]


def test_swaps_walls_windows_legs_and_ends_in_the_words_people_use():
    plate = apply_edit("fillet the corners R8", understand("plate 90x60x5 with 4 holes 5mm at the corners, 7 in from "
                                                            "both edges").spec).spec
    for text in ("hmm, chamfer them 3mm instead of rounding", "actually I'd rather have a 3mm chamfer there"):
        assert apply_edit(text, plate).spec["features"][-1] == {"id": "round", "kind": "chamfer", "edges": "vertical",
                                                                 "size": 3}, text
    box = understand("open-top box 120x80x50 outside, 3 mm walls and floor, cut a 40 wide x 20 high rectangular window "
                     "through one of the long walls, centred on it").spec
    window = next(f for f in box["features"] if f["kind"] == "pocket")
    assert next(f for f in apply_edit("window 60 wide", box).spec["features"] if f["kind"] == "pocket")["length"] == 60
    shell = next(f for f in apply_edit("walls + floor 4mm", box).spec["features"] if f["kind"] == "shell")
    assert shell["thickness"] == 4 and "bottom" not in shell and window["width"] == 20
    cup = understand("a box 10 x 6 x 4 cm tall, hollow with 3mm walls, top open").spec
    r = apply_edit("walls 2 thick instead, bottom too", cup)
    assert r.spec["body"]["height"] == 40 and r.spec["features"][0]["thickness"] == 2
    hexbar = understand("hex bar 19 AF 50 long with an M10 tapped hole through").spec
    assert [f.get("edges") for f in apply_edit("chamfer both ends 1 mm", hexbar).spec["features"]] == [None, "top", "bottom"]
    assert apply_edit("tap it M12 instead", hexbar).spec["features"][0]["size"] == "M12 tapped"
    block = understand("block 60 x 40 x 20 with a 10 mm hole").spec
    assert apply_edit("chamfer both ends 1 mm", block).spec is None        # not every outside edge
    angle = understand("L bracket 50 x 50 legs, 30 wide, 5 thick").spec
    legs = apply_edit("make one leg 80 long", angle).spec["body"]
    assert sorted([legs["width"], legs["height"]]) == [50, 80]
    assert apply_edit("make one leg 60 long", understand("L bracket 50 x 80 legs, 30 wide, 5 thick").spec).spec is None
    two = understand("plate 200 x 100 x 10 with a 40 mm hole in the centre and four 8 mm holes 15 in from the corners").spec
    r = apply_edit("make the centre hole a counterbore, 60 dia 5 deep", two)     # that hole, not the corner ones
    assert [f.get("cbore") for f in r.spec["features"]] == [{"diameter": 60, "depth": 5}, None]
    assert apply_edit("make it thinner by a third", two).spec["body"]["height"] == pytest.approx(20 / 3)
    ring = understand("ring 60 OD 40 ID 10 thick").spec
    assert apply_edit("chamfer the inside edge 1mm", ring).spec["features"][0]["edges"] == "holes"   # the bore's rims
    assert apply_edit("chamfer the top inside edge 1mm", ring).spec is None     # one end's: its top edges take the outside too
    corners = understand("plate 100 x 60 x 5 with four 8 mm holes 10 in from the corners").spec
    r = apply_edit("put the holes back to 6mm", corners)          # a size back, not a new hole
    assert [(f["kind"], f["size"]) for f in r.spec["features"]] == [("hole", 6)]


def test_an_edit_with_words_it_cannot_build_is_refused_not_built_without_them():
    plate = understand("plate 100 x 60 x 5 with four 8 mm holes 10 in from the corners").spec
    for text in ("make it 120 long and add a ledge", "extrude a 20 mm tall post in the middle",
                 "make it 120 long and taper the sides", "add a counterbore"):
        r = apply_edit(text, plate)
        assert r.spec is None or r.failed, f"{text!r}: {r.explain()}"
        assert ENGINE.draft(DesignContext(task="modify", request=text, current={"version": 1, "code": "",
                                                                                "spec": plate})).declined, text
    r = apply_edit("perfect, now make it 120 long thanks", plate)          # chatter around a plain change
    assert r.spec["body"]["length"] == 120 and not r.failed


def test_machinists_shorthand_and_an_enclosure_that_keeps_its_inside():
    bar = understand("round bar 25 dia 100 long").spec
    assert apply_edit("chamfer the ends 1x45", bar).spec["features"] == [{"id": "bevel", "kind": "chamfer",
                                                                          "edges": "ends", "size": 1}]
    assert apply_edit("face it down to 95", bar).spec["body"]["height"] == 95
    box = understand("box 80 x 60 x 40 hollow 2 mm walls open top").spec
    r = apply_edit("make the walls 3 but keep the inside size", box)
    assert [r.spec["body"][k] for k in ("length", "width", "height")] == [82, 62, 41]
    assert volume(r.spec) - volume(box) == pytest.approx(82 * 62 * 41 - 76 * 56 * 38 - (80 * 60 * 40 - 76 * 56 * 38))


def test_draughtsmans_shorthand_in_an_edit():
    plate = understand("plate 150x100x8, 4x M6 clr holes 12 from corners, 30 centre bore").spec
    r = apply_edit("holes M8", plate)                     # the bolt holes, not the centre bore
    assert [f["size"] for f in r.spec["features"]] == ["M8 clearance", 30]
    r = apply_edit("4x -> 6x", plate)                      # a count (it scaled the part 4 then 6 times)
    assert r.spec["body"]["length"] == 150 and r.spec["features"][0]["at"]["counts"] == [3, 2]
    assert apply_edit("C1 all round", plate).spec["features"][-1] == {"id": "bevel", "kind": "chamfer", "edges": "outer",
                                                                       "size": 1}
    assert apply_edit("+10 on the length", plate).spec["body"]["length"] == 160
    assert apply_edit("cb the corner holes for M6", plate).spec["features"][0]["cbore"] == {"diameter": 11, "depth": 6.4}


def test_a_screw_size_for_a_washer_nut_or_spacer():
    assert apply_edit("M12 instead", understand("washer M10").spec).spec["body"]["size"] == "M12"
    assert apply_edit("M10 instead", understand("M8 nut").spec).spec["body"]["size"] == "M10"
    spacer = understand("spacer 20 OD 10 ID 15 long").spec
    assert apply_edit("make it M8 clearance inside", spacer).spec["body"]["inner_diameter"] == 9


def test_a_value_the_part_has_becomes_another():
    plate = understand("plate 100 x 60 x 8 with four 6 mm holes 10 in from the corners and a 20 mm hole in the "
                       "middle").spec
    assert apply_edit("change 100 to 120", plate).spec["body"]["length"] == 120
    assert apply_edit("thickness from 8 to 10mm", plate).spec["body"]["height"] == 10
    assert [f["size"] for f in apply_edit("holes 6->8", plate).spec["features"]] == [8, 20]
    r = apply_edit("go from 4 holes to 6", plate)          # a count (it kept 4 and said so, marked ok)
    assert r.spec["features"][0]["at"]["counts"] == [3, 2] and r.spec["features"][0]["size"] == 6
    for text in ("make the 6 mm holes 8", "swap the 6mm holes for 8mm ones"):   # it kept 6: 8 is the thickness
        assert [f["size"] for f in apply_edit(text, plate).spec["features"]] == [8, 20], text
    block = understand("block 60 x 60 x 20").spec
    assert "more than one size" in apply_edit("change 60 to 80", block).failed[0]


def test_a_through_cut_as_long_as_its_face_is_refused_it_would_split_the_part():
    angle = understand("angle bracket, 80x80 legs, 40 wide, 8 thick. one 10 wide 30 long slot in the upright leg").spec
    assert apply_edit("slot 40 long", angle).spec is None          # across the whole 40 wide leg: two solids
    assert apply_edit("slot 36 long", angle).spec is not None


def test_fewer_holes_and_a_bolt_circle_spread_out():
    ring = understand("disc 60 dia 10 thick with 6 holes 5 mm on a 45 bolt circle").spec
    r = apply_edit("two fewer holes", ring)                     # 4 (it made 2, marked ok)
    assert r.spec["features"][0]["at"]["count"] == 4 and not r.notes
    assert apply_edit("spread them out to 50", ring).spec["features"][0]["at"]["diameter"] == 50


def test_a_change_after_and_with_a_new_verb_is_its_own_part():
    channel = understand("U channel 60 wide 40 tall 3 thick 100 long with two 6 mm holes in the base 50 apart").spec
    r = apply_edit("make it 150 long and spread those holes to 100 apart", channel)
    assert r.spec["body"]["length"] == 150 and r.spec["features"][0]["at"]["spacing"] == 100


def test_the_copies_of_a_pattern_on_one_side_removed():
    plate = understand("plate 100 x 80 x 6 with 4 holes 6mm, 10 in from each corner").spec
    r = apply_edit("remove the two holes on the right and add a 20 mm hole in the centre", plate)
    assert r.spec["features"][0]["at"] == {"kind": "at", "points": [[-40, -30], [-40, 30]]}
    assert volume(r.spec) == pytest.approx(100 * 80 * 6 - 2 * math.pi * 9 * 6 - math.pi * 100 * 6)
    assert apply_edit("remove the three holes on the right", plate).spec is None     # two are on the right


def test_holes_placed_by_points_moved_a_distance_from_the_ends():
    plate = understand("100 x 40 plate, 6 thk. Ø6.5 holes at (10,10), (90,10), (10,30) and (90,30)").spec
    r = apply_edit("move the holes in so they're 15 from the ends", plate)
    assert r.spec["features"][0]["at"]["points"] == [[-35, -10], [35, -10], [-35, 10], [35, 10]]


def test_a_change_to_something_else_after_a_change_not_made_is_applied_and_says_what_is_missing():
    from cadagent.agent.drafts import DesignContext
    from cadagent.agent.offline import spec_path
    from cadagent.tools.part import expectations, parse

    spec = understand("plate 100 x 60 x 5 with a 10 mm hole in the middle").spec

    def edit(text, not_made, before=()):
        return spec_path.edit(DesignContext(task="modify", request=text, current={"version": 1, "spec": spec, "code": "",
                                                                                   "not_made": not_made,
                                                                                   "not_made_before": list(before)}))
    missed = "move the hole so it lines up with the slot"
    assert edit(missed, None).code is None
    d = edit("round the vertical corners R5", missed)       # the fillet is the same on either part: made, and said
    assert d.code is not None and d.note.startswith(f"Your earlier change ('{missed}') is still NOT made")
    fillet = 4 * 5 ** 2 * (1 - math.pi / 4) * 5
    assert expectations(parse(d.spec))["volume"] == pytest.approx(30000 - math.pi * 25 * 5 - fillet, rel=1e-6)
    # about the same thing, or after a change to the part's own size, or pointing at what it would have added: declined
    assert edit("make the hole 2 mm bigger", "move the hole 10 to the left and 90 up").code is None
    assert edit("round the vertical corners R5", "make it 500 mm wide and 3 long").code is None
    assert edit("chamfer them 1 mm", "add 4 holes 6 mm in the corners 10 in").code is None
    assert edit("make the holes 8", "add a 6 mm hole next to the widget").code is None      # the holes with the new one
    # every change not made since the last version counts, not only the last one; removing what they were about is moot
    assert edit("round the vertical corners R5", "chamfer the top edges 30", ["make it 2 wide"]).code is None
    assert edit("round the vertical corners R5", "chamfer the top edges 30", ["move the hole 90 up"]).code is not None
    d = edit("no holes after all", "move the hole 90 up", ["make the hole 80"])
    assert d.code is not None and d.spec["features"] == []


def test_through_the_agent_a_change_after_two_not_made_is_checked_against_both(agents):
    agent = agents()
    assert agent.turn("t", "plate 100 x 60 x 10 with a 10 mm hole in the middle").ok
    assert not agent.turn("t", "make it 2 wide").ok                     # the hole would run off the plate
    assert not agent.turn("t", "chamfer the top edges 30").ok           # after a size not made: declined
    later = agent.turn("t", "round the vertical corners R5")            # independent of the chamfer, not of the width
    assert not later.ok and later.version is None and "was not made" in later.answer


def test_a_size_said_on_its_own_goes_on_from_the_change_before():
    from cadagent.agent.drafts import DesignContext
    from cadagent.agent.offline import spec_path

    spec = apply_edit("make the pocket 3/4 deep", understand("4 x 2 x 1 in block, 2 x 1 x .5 deep pocket in the top, "
                                                              "centered").spec).spec
    d = spec_path.edit(DesignContext(task="modify", request="and 2.5 long", current={
        "version": 2, "spec": spec, "code": "", "request": "make the pocket 3/4 deep"}))
    pocket = next(f for f in d.spec["features"] if f["kind"] == "pocket")
    assert d.spec["body"]["length"] == pytest.approx(101.6) and pocket["length"] == pytest.approx(63.5)   # the block was cut
    first = spec_path.edit(DesignContext(task="modify", request="and 2.5 long", current={
        "version": 1, "spec": spec, "code": "", "request": "4 x 2 x 1 in block, 2 x 1 x .5 deep pocket in the top"}))
    assert first.spec["body"]["length"] == pytest.approx(63.5)        # after the whole part's words: the part's length


@pytest.mark.parametrize("first, change, again, key, value", [
    ("cube 40", "fillet all edges 3", "actually make that 4", "radius", 4.0),
    ("plate 80 x 60 x 10", "chamfer the top edges 2", "make it 1.5", "size", 1.5),
    ("plate 80 x 60 x 10", "add a 10 mm hole in the middle", "no, make that 12", "size", 12.0),
])
def test_make_that_n_right_after_a_change_to_one_feature_is_that_features_size(first, change, again, key, value):
    """'actually make that 4' right after 'fillet all edges 3': the fillet's radius (it was refused as no change read)."""
    spec = apply_edit(change, understand(first).spec).spec
    d = ENGINE.draft(DesignContext(task="modify", request=again, current={"version": 2, "code": "", "spec": spec,
                                                                          "request": change}))
    assert not d.declined, d.note
    (f,) = d.spec["features"]
    assert f[key] == value and d.spec["body"] == spec["body"]


def test_cut_in_half_is_half_as_long():
    r = apply_edit("cut it in half", understand("tube 50 od 40 id 80 long").spec)
    assert r.spec["body"]["height"] == 40 and not r.failed
