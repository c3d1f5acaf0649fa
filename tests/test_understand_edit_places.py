"""Edits that place, keep and name things (session 6 probes and the dev14 / dev16 first runs): one named corner,
distances kept from the ends when the part grows, inch threads, a shaft's section by its diameter, a change not
made before this one. Parser-level only: the specs and where their holes land, no sandbox."""

import pytest

from cadagent.agent.drafts import DesignContext
from cadagent.agent.offline.engine import OfflineChatModel
from cadagent.tools.part.plan import resolve_feature
from cadagent.tools.understand import apply_edit, understand

ENGINE = OfflineChatModel()


def ok(spec: dict, text: str) -> dict:
    r = apply_edit(text, spec)
    assert r.spec is not None and not r.failed, f"{text!r}: {r.explain()}"
    return r.spec


def refused(spec: dict, text: str) -> str:
    r = apply_edit(text, spec)
    assert r.spec is None or r.failed, f"{text!r} was applied: {r.explain()}"
    return r.explain()


def centres(spec: dict, fid: str) -> list[tuple[float, float, float]]:
    """World centres of one placed feature's holes."""
    r = resolve_feature(spec, fid)
    return sorted(tuple(round(c, 3) for c in r.frame.to_world(u, v)) for u, v in r.points)


def test_a_feature_that_is_not_there_or_a_spec_that_does_not_parse_is_a_value_error():
    plate = understand("plate 100 x 60 x 6 with a 10mm hole in the middle").spec
    assert centres(plate, "holes") == [(0.0, 0.0, 6.0)]
    with pytest.raises(ValueError, match="no feature 'slot'"):
        resolve_feature(plate, "slot")
    with pytest.raises(ValueError, match="length"):
        resolve_feature({**plate, "body": {**plate["body"], "length": -5}}, "holes")


def hole(spec: dict, i: int = -1) -> dict:
    return [f for f in spec["features"] if f["kind"] == "hole"][i]


def test_one_named_corner_moves_or_adds_one_hole_there():
    plate = understand("plate 100 x 60 x 6 with a 10mm hole in the middle").spec
    moved = ok(plate, "move it to the top left corner, 15 from each edge")        # it had moved 15 mm left
    assert centres(moved, "holes") == [(-35.0, 15.0, 6.0)]
    two = ok(plate, "move the hole to the top-right corner, 20 from the right and 12 from the top")
    assert centres(two, "holes") == [(30.0, 18.0, 6.0)]
    assert "how far in from the corner" in refused(plate, "move the hole to the top left corner")
    added = ok(understand("plate 100 x 60 x 6").spec, "a 6mm hole in the bottom right corner 12 in from each edge")
    assert hole(added).get("on", "top") == "top" and centres(added, "holes") == [(38.0, -18.0, 6.0)]   # one, on top


def test_a_distance_from_both_edges_is_the_inset_and_never_passes_as_a_double_of_the_size():
    plate = understand("plate 100 x 60 x 6").spec
    assert hole(ok(plate, "one 5mm hole in each corner 10mm from both edges"))["at"] == {"kind": "corners", "inset": 10.0}
    # a distance the words give but nothing reads: refused (the 5 mm hole's double, 10, had let it through)
    assert "'10mm'" in refused(plate, "a 5mm hole in each corner 10mm from both widgets")
    assert hole(ok(plate, "a 5mm hole in each corner 10mm from both flanks"))["at"] == {"kind": "corners", "inset": 10.0}


def test_inch_threads_in_edits():
    plate = understand("plate 4 x 3 x 1/4 inch with four 1/4 inch holes 1/2 inch from the corners").spec
    assert hole(ok(plate, "make them 1/4-20 tapped"))["size"] == "1/4-20 tapped"
    assert hole(ok(plate, "switch to #10-32 clearance"))["size"] == "#10-32 clearance"
    assert hole(ok(plate, "tap them 5/16-18"))["size"] == "5/16-18 tapped"
    assert hole(ok(plate, "make the holes clearance for 1/4-20"))["size"] == "1/4-20 clearance"
    tapped = understand("plate 4 x 3 x 1/4 inch with four 1/4-20 tapped holes 1/2 inch from the corners").spec
    assert hole(ok(tapped, "use 3/8-16 instead"))["size"] == "3/8-16 tapped"
    added = ok(understand("plate 4 x 3 x 1/2 inch").spec, "add four 8-32 tapped holes 1/2 in from the corners")
    assert hole(added)["size"] == "#8-32 tapped" and hole(added)["at"]["inset"] == pytest.approx(12.7)
    assert "7/16-14" in refused(plate, "change them to 7/16-14 tapped")


def test_sizes_named_by_the_words_for_them():
    bar = understand("bar 200 x 25 x 25").spec
    assert ok(bar, "make the section 30 square")["body"] == {**bar["body"], "width": 30.0, "height": 30.0}   # not the length
    plate = understand("plate 120 x 80 x 6").spec
    assert ok(plate, "make the short side 90")["body"]["width"] == 90
    assert ok(plate, "the long side should be 150")["body"]["length"] == 150
    disc = understand("disc 100 dia 8 thick with a 20mm hole in the middle").spec
    assert ok(disc, "make it 120")["body"]["outer_diameter"] == 120        # the size plainly meant, said
    assert apply_edit("make it 50", understand("block 40 x 40 x 20").spec).spec is None    # 40 or 40: asked
    pocket = understand("plate 100 x 60 x 5 with a 40 x 20 pocket 3 deep in the middle").spec
    p = ok(pocket, "make the pocket 10 bigger all round")["features"][0]
    assert (p["length"], p["width"], p["depth"]) == (60, 40, 3)
    p = ok(pocket, "pocket 5mm bigger each way")["features"][0]
    assert (p["length"], p["width"]) == (45, 25)


def test_hole_patterns_in_edits():
    corners = understand("plate 100 x 60 x 6 with four 6mm holes 8mm in from the corners").spec
    assert hole(ok(corners, "change the hole pattern to 70 x 30"))["at"]["spacing"] == [70.0, 30.0]
    row = understand("bar 150 x 30 x 10 with three 8mm holes 40 apart").spec
    assert "do not fit" in refused(row, "make it 5 holes, same spacing")      # it kept the span, 20 apart
    assert hole(ok(row, "make it 4 holes, same spacing"))["at"]["spacing"] == 40
    bar = understand("bar 150 x 30 x 10").spec
    assert [c[0] for c in centres(ok(bar, "put a 6mm hole 20 from each end"), "holes")] == [-55.0, 55.0]
    grid = understand("3 by 2 grid of 5mm holes, 20 spacing, on a plate 80x60x4").spec
    assert hole(ok(grid, "4 by 3 instead"))["at"]["counts"] == [4, 3]
    assert hole(ok(grid, "make the holes a 4 x 3 grid"))["size"] == 5.0        # the 4 was read as the size
    slot = understand("need a 120x80 plate 8mm thick with a 40 long x 10 wide slot in the middle running lengthwise, "
                      "four Ø6.5 holes 10mm in from each corner").spec
    h = hole(ok(slot, "and drop those four holes to 5.5"))
    assert h["size"] == 5.5 and len(centres({**slot, "features": [h]}, "holes")) == 4


def test_features_kept_from_the_ends_when_the_part_grows():
    block = understand("block 12 cm x 6 cm x 3 cm, 2 holes 1 cm dia through the top, 3 cm from each end").spec
    longer = ok(block, "make it 15 cm long, holes still 3 cm in from the ends")
    assert longer["body"]["length"] == 150 and [c[0] for c in centres(longer, "holes")] == [-45.0, 45.0]
    tube = understand("tube 40 OD 30 ID 100 long with an 8mm cross hole straight through both walls 15mm from each "
                      "end").spec
    longer = ok(tube, "make it 150 long, cross holes stay 15 in from the ends")
    assert sorted(c[2] for c in centres(longer, "holes")) == [15.0, 135.0]
    inch = understand('Plate 6" x 2-1/2" x 1/2". two counterbored holes 1" from each end on the centerline: .281 thru, '
                      '.438 cbore .25 deep').spec
    moved = ok(inch, 'move the counterbored holes in to 1-1/2" from the ends')
    assert [c[0] for c in centres(moved, "holes")] == [-38.1, 38.1] and "cbore" in hole(moved)
    two = understand("steel block 80 long 30 wide 20 high, two 8mm holes from the top, 50 apart on the centreline").spec
    kept = ok(two, "make the block 100 long and keep the holes 50 apart")      # 'keep' asks nothing of the holes
    assert kept["body"]["length"] == 100 and [c[0] for c in centres(kept, "holes")] == [-25.0, 25.0]


def test_a_shaft_section_by_its_diameter_and_what_sits_on_it():
    shaft = understand("stepped shaft: 25 dia x 60 long, then 20 dia x 40 long, with a keyway on the 20 end: 6 wide, "
                       "3.5 deep, 25 long, open at the end").spec
    longer = ok(shaft, "make the 20mm section 50 long, same keyway")       # the 20 had been read as a length too
    assert longer["body"]["sections"] == [{"diameter": 25.0, "length": 60.0}, {"diameter": 20.0, "length": 50.0}]
    assert next(f for f in longer["features"] if f["kind"] == "keyway")["z"] == 85      # still open at the end
    assert ok(longer, "put a 1mm chamfer on the big end")["features"][-1]["edges"] == "bottom"
    inch = understand('turned shaft in inches: 1" dia for 2", then 3/4" for 3", then 1/2" for 1-1/2"').spec
    assert [s["length"] for s in ok(inch, 'make the 3/4 section 4" long')["body"]["sections"]] == \
        pytest.approx([50.8, 101.6, 38.1])


def test_features_said_by_other_words():
    block = understand("block 70x50x20, round the four vertical edges R10").spec
    f = ok(block, "swap the R10 corners for 5mm chamfers")["features"][0]
    assert (f["kind"], f["size"]) == ("chamfer", 5.0)
    cbore = understand("block 60 x 40 x 30 with a 6.6 hole 15 from the left end, counterbored 11 dia 6.5 deep").spec
    both = ok(cbore, "also put another one of those counterbored holes at the other end, same distance in")
    assert [c[0] for c in centres(both, "holes")] == [-15.0, 15.0] and hole(both)["cbore"]["depth"] == 6.5
    slot = understand("steel block 80 long 30 wide 20 high with a 10 wide 5 deep slot across the bottom the full "
                      "width").spec
    p = ok(slot, "slot 12 wide and 6 deep please")["features"][0]
    assert (p["length"], p["width"], p["depth"]) == (12, 30, 6)        # its width is its narrow side
    box = ok(understand("box 120 by 80 by 50").spec, "hollow it out, 3 wall, open top")
    assert ok(box, "make the shell 5 thick")["features"][0]["thickness"] == 5
    assert ok(box, "make the shell 5 thick")["body"]["height"] == 50
    rounded = understand("block 60 x 40 x 25 with the vertical edges rounded R6 and a 10mm hole straight down through "
                         "the middle").spec
    hollow = ok(rounded, "actually no hole. hollow it out instead, 2mm walls, open top")
    assert [f["kind"] for f in hollow["features"]] == ["fillet", "shell"]


def test_a_change_not_made_is_not_silently_left_out_of_the_next_one():
    plate = understand("plate 100 x 60 x 5").spec

    def edit(text, not_made):
        return ENGINE.draft(DesignContext(task="modify", request=text, current={"version": 2, "code": "", "spec": plate,
                                                                                "not_made": not_made}))
    d = edit("chamfer the top edges 1mm", "add a 30 mm dovetail 10 deep along the top")
    assert d.declined and "forget that" in d.note
    assert not edit("forget that, chamfer the top edges 1mm", "add a 30 mm dovetail 10 deep along the top").declined
    assert not edit("chamfer the top edges 1mm", "sdfgsdfg hjkk").declined          # a slip: nothing meant
    assert not edit("make it 8 thick", "make it 500 thick").declined                # said again
    assert edit("get rid of the holes", "make it 150 long, holes stay 15 in from the ends").declined


def test_the_wall_thickness_is_read_from_a_spec_made_script():
    from cadagent.agent.answers import answer_question
    from cadagent.agent.offline.spec_path import compiled

    def wall(text):
        return answer_question("what is the wall thickness?", {}, compiled(understand(text).spec)[0])
    assert wall("box 80 x 60 x 40, open top, 2mm walls").startswith("The wall thickness is 2 mm")   # it said 'no wall'
    assert "the floor is 4 mm" in wall("cup 60 dia 50 tall, 3 wall, 4 floor")
    assert wall("tube 40 OD 30 ID 50 long").startswith("The wall thickness is 5 mm")
    assert "no wall-thickness parameter" in wall("plate 100 x 50 x 5")


def test_radial_holes_counted_as_the_holes_in_the_wall():
    part = understand("cylinder 50 dia 60 tall, 20mm bore through the axis, and four 6mm radial holes at mid height 90 "
                      "degrees apart, going into the bore").spec
    two = ok(part, "only two holes, opposite each other")          # one cross hole: two holes in the wall
    assert [f["kind"] for f in two["features"]] == ["hole"] and len(centres(two, two["features"][0]["id"])) == 1


def test_a_wall_said_to_stay_stays_and_more_ways_to_say_a_size():
    tube = understand("tube 50 OD 40 ID 80 long").spec
    b = ok(tube, "make it 60 across, same wall")["body"]          # the bore had stayed 40: a 10 mm wall, 'kept'
    assert (b["outer_diameter"], b["inner_diameter"]) == (60, 50)
    b = ok(tube, "bore 44, keep the same wall")["body"]
    assert (b["outer_diameter"], b["inner_diameter"]) == (54, 44)
    block = understand("block 80 x 50 x 30").spec
    assert ok(block, "chop 20 off the length")["body"]["length"] == 60
    assert ok(block, "lose 5mm of height")["body"]["height"] == 25
    assert ok(block, "thin it down to 6")["body"]["height"] == 6
    plate = understand("plate 120 x 80 x 8 with a 12mm hole in the middle").spec
    assert centres(ok(plate, "put it 25 in from the right edge"), "holes") == [(35.0, 0.0, 8.0)]
    corners = understand("plate 120 x 80 x 8 with four 6mm holes 10 in from the corners").spec
    assert hole(ok(corners, "holes 5mm further in"))["at"]["inset"] == 15


def test_a_second_action_after_a_filler_word_is_its_own():
    bar = understand("bar 200 x 40 x 10 with two slots 30 long 10 wide, 50 from each end").spec
    feats = ok(bar, "get rid of the slots and just put one 10 mm hole in the middle")["features"]
    assert [(f["kind"], f.get("size")) for f in feats] == [("hole", 10.0)]      # 'get rid of' had carried over


def test_bigger_by_an_amount_on_a_flat_or_long_part_and_a_flange_thicker():
    assert ok(understand("disc 100 dia 8 thick").spec, "make it 20 bigger")["body"] == \
        {"id": "disc", "name": "disc", "kind": "cylinder", "diameter": 120.0, "height": 8.0}     # it made it 28 thick
    plate = ok(understand("plate 100 x 60 x 5").spec, "make it 10 bigger")["body"]
    assert (plate["length"], plate["width"], plate["height"]) == (110, 70, 5)
    assert "which size" in refused(understand("bar 200 x 25 x 25").spec, "make it 10 bigger")
    cube = ok(understand("cube 40").spec, "make it 10 bigger")["body"]
    assert (cube["length"], cube["width"], cube["height"]) == (50, 50, 50)
    bushing = understand("flanged bushing, 25 long overall, body OD 20, flange 32 dia x 4, 12 bore").spec
    assert ok(bushing, "flange 2mm thicker")["body"]["sections"][0] == {"diameter": 32.0, "length": 6.0}   # it was set to 2
    assert ok(bushing, "flange 4mm bigger")["body"]["sections"][0] == {"diameter": 36.0, "length": 4.0}


def test_a_row_spread_to_its_ends_and_new_holes_a_distance_either_side():
    row = understand("plate 120 x 80 x 8 with a row of 4 6mm holes 25 apart").spec
    spread = ok(row, "spread them out so the end ones are 15 from the ends")
    assert [c[0] for c in centres(spread, "holes")] == [-45.0, -15.0, 15.0, 45.0]
    lone = understand("plate 120 x 80 x 8 with a 10mm hole in the middle").spec
    three = ok(lone, "add 2 more the same size either side, 30 away")
    assert sorted(c[0] for f in three["features"] for c in centres(three, f["id"])) == [-30.0, 0.0, 30.0]


def test_holes_drilled_out_counterbored_and_edges_taken_off_by_name():
    plate = understand("plate 120 x 80 x 10 with four 5mm holes 10 in from the corners and a 20mm hole in the middle").spec
    drilled = ok(plate, "drill the corner holes out to 6.5")        # it added a fifth set of holes (refused: overlap)
    assert sorted(f["size"] for f in drilled["features"]) == [6.5, 20.0]
    cb = {f["id"]: f for f in ok(plate, "counterbore the middle hole 30 dia 5 deep")["features"]}
    assert cb["holes_2"]["cbore"] == {"diameter": 30.0, "depth": 5.0} and "cbore" not in cb["holes"]
    block = understand("block 60 x 40 x 20 with 1mm chamfers on all edges").spec
    # (it took all; then it declined; now the chamfer stays on the rest of the edges)
    assert [f["edges"] for f in ok(block, "get rid of the chamfer on the bottom")["features"]] == ["vertical", "top"]
    two = understand("block 60 x 40 x 20 with a 1mm chamfer on the top edges and a 2mm chamfer on the bottom edges").spec
    assert [f["edges"] for f in ok(two, "remove the bottom chamfer")["features"]] == ["top"]
    box = understand("box 80 x 60 x 40, open top, 2mm walls").spec
    refused(box, "put a 3mm fillet where the walls meet the floor")          # it made the walls 3 thick


def test_a_round_bar_turned_down_at_the_top_and_a_shell_says_where_it_is_open():
    bar = understand("cylinder 30 dia 80 long").spec
    assert ok(bar, "turn the top 20mm down to 15 dia")["body"]["sections"] == [{"diameter": 30.0, "length": 60.0},
                                                                              {"diameter": 15.0, "length": 20.0}]
    r = apply_edit("make it hollow with a 3mm wall", bar)
    assert r.spec["features"][0]["open_face"] == "top" and any("open at the top" in n for n in r.notes)   # said


def test_a_size_said_to_be_wrong_and_an_amount_off_the_size_just_named():
    assert ok(understand("plate 120 x 80 x 5").spec, "I think 5mm is too thin, let's do 8")["body"]["height"] == 8
    assert ok(understand("block 60 x 40 x 50").spec, "it's a bit tall, knock 10 off")["body"]["height"] == 40


def test_holes_per_row_of_a_grid():
    plate = understand("Plate one hundred twenty by sixty, eight thick. Six holes, two rows of three, 6.5 dia, 40 pitch "
                       "along the length and 30 between rows.").spec
    assert hole(ok(plate, "four holes per row, 30 pitch"))["at"] | {"center": None} == {
        "kind": "grid", "counts": [4, 2], "spacing": [30.0, 30.0], "center": None}


def test_it_the_feature_when_the_part_cannot_be_that_size_and_more_dev14_edits():
    plate = understand("hey, could you make me a plate 200 by 100, 10mm thick, with a slot 80 long and 12 wide running along "
                       "the middle, plus a 10mm hole at each end on the centreline, 20 in from the end").spec
    r = apply_edit("widen the slot to 16 and make it 100 long", plate)
    slot = next(f for f in r.spec["features"] if f["kind"] == "slot")
    assert not r.failed and (slot["width"], slot["length"], r.spec["body"]["length"]) == (16, 100, 200)
    assert any("'it' read as the slot" in n for n in r.notes)
    angle = understand("angle bracket, 3mm steel, 30 wide, 40 x 40 legs, a slot in one leg 6 wide 15 long running up the "
                       "leg, and a 5mm hole in the other").spec
    two = ok(angle, "twice as wide, and put a second 5mm hole in the leg with the hole")
    assert two["body"]["length"] == 60 and hole(two)["at"]["count"] == 2 and hole(two)["on"] == "front"
    boss = understand('round boss 2" dia, 1" tall, 1/2" thru hole with a 3/4" counterbore 1/4" deep').spec
    assert hole(ok(boss, 'counterbore deeper, 3/8"'))["cbore"]["depth"] == pytest.approx(9.525)


def test_a_hole_copied_to_the_other_end():
    plate = understand("plate 100 x 60 x 6 with a 8mm hole 20 from the left edge").spec
    for text in ("copy the hole to the other end", "same on the right"):
        assert sorted(c[0] for c in centres(ok(plate, text), "holes")) == [-30.0, 30.0], text


def test_thread_the_hole_is_tapped():
    block = understand("block 50 x 50 x 50 with a 10mm hole through the middle").spec
    assert hole(ok(block, "thread the hole M12"))["size"] == "M12 tapped"          # it was an M12 clearance hole


def test_an_amount_too_small_and_holes_added_with_no_size():
    plate = understand("plate 100 x 60 x 5 with four 5mm holes 8 in from the corners").spec
    assert hole(ok(plate, "the holes are 2mm too small"))["size"] == 7           # it made them 2 mm
    assert ok(plate, "it is 10mm too long")["body"]["length"] == 90
    assert "no diameter" in refused(understand("plate 100 x 60 x 5").spec, "add 4 mounting holes")   # built at 5, assumed
