"""The offline engine's spec path through ``draft()``: a new part, edits that compose, a repair after
a failure, the example fallback, and the feature check on the measured part."""

import math

import pytest

from cadagent.agent.drafts import DesignContext
from cadagent.agent.feature_check import feature_problems
from cadagent.agent.offline.engine import OfflineChatModel
from cadagent.agent.plan import parse_request

ENGINE = OfflineChatModel()
EXAMPLE = {"id": "plate_basic", "title": "plate", "code": "import cadquery as cq\nlength = 80\nwidth = 50\n"
           "thickness = 5\nresult = cq.Workplane('XY').box(length, width, thickness)\n"}


def new(text, **kw):
    return ENGINE.draft(DesignContext(task="new_design", request=text, **kw))


def edit(text, d):
    return ENGINE.draft(DesignContext(task="modify", request=text, current={"version": 1, "code": d.code,
                                                                            "spec": d.spec}))


def test_new_design_goes_through_the_spec_and_builds(sandbox):
    d = new("puck 60 diameter, 20 tall")
    d = edit("three 6 mm holes on a 40 mm circle", d)
    d = edit("chamfer the top edge 1 mm", d)
    assert d.path == "edit" and "Changed: added chamfer" in d.note
    res = sandbox.run_script(d.code, exports=())
    assert res.valid_solid, res.error
    top_chamfer = math.pi * 30 * 1 * 1 - 2 / 3 * 1 ** 3 * math.pi   # ring of a 45° chamfer, r = 30
    want = math.pi * 30 ** 2 * 20 - 3 * math.pi * 3 ** 2 * 20 - top_chamfer
    assert res.report.volume == pytest.approx(want, rel=2e-3)
    assert sorted(res.report.size) == pytest.approx([20, 60, 60], abs=1e-3)
    plan = {"features_expected": {"holes": [{"diameter": 6, "through": True, "count": 3}],
                                  "chamfers": [{"size": 1, "feature": "bevel"}]}}
    assert feature_problems(plan, res.to_dict(), sandbox) == []
    plan["features_expected"]["holes"][0]["count"] = 4
    assert feature_problems(plan, res.to_dict(), sandbox) == ["asked 4 holes Ø6 through, found 3 Ø6 through"]


def test_plan_carries_the_requested_features():
    p = parse_request("plate 100x60x8, a 4.5 mm hole in each corner (8 mm inset), fillet the vertical edges 5")
    assert p.extents == [8, 60, 100]
    assert [(h["diameter"], h["count"]) for h in p.features_expected["holes"]] == [(4.5, 4)]
    assert p.features_expected["fillets"] == [{"radius": 5, "feature": "round"}]
    # an assumed size is not a promise another provider must keep
    p = parse_request("plate 100x60x8 with rounded corners")
    assert "fillets" not in p.features_expected and p.extents == [8, 60, 100]


def test_feature_check_needs_a_request_and_a_part(sandbox):
    assert feature_problems({}, {"ok": True, "shape_file": "/nonexistent"}, sandbox) == []
    plan = {"features_expected": {"fillets": [{"radius": 2, "feature": "r"}]}}
    assert feature_problems(plan, {"ok": True, "shape_file": "/nonexistent"}, sandbox) == [
        "the part's shape file is missing: its features could not be measured"]


def test_what_it_cannot_read_is_said_and_examples_are_the_fallback():
    d = new("a gear with nice teeth")
    assert d.declined and d.code is None and "module and number of teeth" in d.note
    knob = {**EXAMPLE, "id": "knob_basic", "title": "a knob"}
    d = new("a knob for a radio", examples=[knob, EXAMPLE])     # no size at all: the example's would be a guess
    assert d.declined and d.code is None and "No sizes were given" in d.note and "'a knob'" in d.note
    d = new("asdkjh qwpoeiru zmxncb", examples=[knob, EXAMPLE])     # mash: nothing read, no example pointed at
    assert d.declined and "I could not read a part from these words" in d.note and "knob" not in d.note
    assert "'asdkjh'" in d.note and "assumed" not in d.note.lower()
    d = new("hmm, go with 3 mm walls instead", examples=[EXAMPLE])   # no example is what the words name
    assert d.declined and d.code is None and "I could not read a part from these words" in d.note
    d = edit("make it purple", new("30 mm cube"))
    assert d.declined and "no change I could read" in d.note


def test_a_version_made_from_code_is_edited_through_its_parameters():
    d = ENGINE.draft(DesignContext(task="modify", request="10 mm longer",
                                   edits=[{"kind": "add", "role": "length", "value": 10.0}],
                                   current={"version": 1, "code": EXAMPLE["code"], "spec": None}))
    assert d.path == "code-edit" and "length = 90" in d.code


def test_repair_drops_or_shrinks_only_a_feature_whose_size_was_assumed():
    text = "block 40x40x20, fillet the vertical edges"          # no radius given: 2 mm assumed
    d = new(text)
    prev = {"code": d.code, "spec": d.spec, "error": {"type": "kernel", "message": "BRep_API: command not done"},
            "problems": []}
    r = ENGINE.draft(DesignContext(task="fix", base="new_design", request=text, attempt=2, previous=prev))
    assert r.path == "spec" and r.spec["features"][0]["radius"] == 1 and "halved" in r.note
    text = "block 40x40x20, fillet the vertical edges 4"        # sized by the user: never shrunk
    d = new(text)
    prev = {**prev, "code": d.code, "spec": d.spec}
    r = ENGINE.draft(DesignContext(task="fix", base="new_design", request=text, attempt=2, previous=prev))
    assert r.declined and r.code is None and "sized as asked" in r.note
    r = ENGINE.draft(DesignContext(task="fix", base="modify", request="fillet the vertical edges 4", attempt=2,
                                   previous=prev))
    assert r.declined and "sized as asked" in r.note


def test_a_feature_named_but_not_sized_is_declined_not_left_out():
    d = new("Flat bar 150 long, 30 wide, 8 thick, with a slot")
    assert d.declined and d.code is None and "slot" in d.note


def test_a_feature_the_spec_cannot_build_is_never_left_out_silently():
    d = new("block 50x30x10 with a 5 mm dovetail along the top")
    assert d.declined and d.code is None and "'dovetail'" in d.note
    d = new("block 50x30x10 with a 5 mm dovetail along the top", examples=[{**EXAMPLE, "title": "dovetailed block"}])
    assert d.path == "example" and "Not built by the spec path: 'dovetail'" in d.note
    d = new("box 100x80x60 hollowed out, 2.5 walls, no lid")      # a lid said to be absent is no feature
    assert d.path == "spec" and d.spec["features"][0]["kind"] == "shell"


def test_an_edit_is_checked_on_the_measured_part(sandbox):
    """The spec an edit made promises sizes, volume and features; a part that does not show the change fails."""
    from cadagent.agent.feature_check import spec_promises, volume_problems
    from cadagent.agent.lc_tools import size_problems

    d = new("plate 100 x 60 x 6 with four 5 mm holes 8 mm from the corners")
    e = edit("make it 6 holes", d)
    assert e.path == "edit"
    promised = spec_promises(e.spec)
    assert promised["extents"] == [6, 60, 100] and promised["features_expected"]["holes"][0]["count"] == 6
    before = sandbox.run_script(d.code, exports=()).to_dict()      # the old part, as if the edit had not applied
    after = sandbox.run_script(e.code, exports=()).to_dict()
    assert feature_problems(promised, after, sandbox) == [] and volume_problems(promised, after) == []
    assert any("6 holes" in p or "asked 6" in p for p in feature_problems(promised, before, sandbox))
    longer = edit("make it 120 long", d)
    assert size_problems(spec_promises(longer.spec), before["report"]["size"])      # 100 long is not 120
    assert volume_problems(spec_promises(longer.spec), before)


@pytest.mark.parametrize("text", ["cube 50% bigger, hole stays 10", "OD 70", "Ø40"])
def test_a_change_or_a_lone_size_with_no_part_is_not_built_as_a_guessed_part(text):
    d = new(text)
    assert d.code is None and d.declined


def test_an_edit_right_after_a_change_not_made_says_it_lands_on_the_part_as_it_was():
    d = new("plate 100 x 60 x 10")
    e = ENGINE.draft(DesignContext(task="modify", request="plate 8 thick", current={
        "version": 1, "code": d.code, "spec": d.spec, "not_made": "make it nicer"}))
    assert e.code and e.spec["body"]["height"] == 8 and "was not made" in e.note


def test_sizes_alone_said_as_a_reply_with_no_part_yet_are_not_built_as_a_block():
    # after a first request that made nothing ('a dovetail rail 100 long'), '120 x 20 x 12 then' answers it: a plain
    # block of those sizes would be another part, built silently; the same sizes as a request of their own are a block
    d = new("120 x 20 x 12 then")
    assert d.declined and d.code is None and "no part yet" in d.note
    assert new("120 x 20 x 12").code is not None


@pytest.mark.parametrize("reply", ["sorry, I meant 12", "oh, 12 mm", "ok make them 12", "whoops meant 12 not 30",
                                   "12 should fit"])
def test_a_new_size_after_an_impossible_change_is_that_change_again(reply):
    """'make the holes 30' is refused (they run off the plate); the reply's one size is that change's size."""
    from cadagent.agent.offline.spec_path import _retry

    assert _retry(reply, "make the holes 30") == "make the holes 12" + (" mm" if "mm" in reply else "")


@pytest.mark.parametrize("said,radius", [("try a 5 mm radius instead", 5), ("too big I guess, go with 12", 12),
                                         ("a smaller fillet, 4", 4)])
def test_a_smaller_size_said_after_a_refused_fillet_is_that_fillet(said, radius):
    """Right after 'fillet the vertical edges 20 mm' was refused (too big for a 30 wide block), a reply with the new
    size and words around it ('a', 'too big', 'smaller') is that fillet (it was refused as a change on a part the user
    does not have in mind)."""
    d = new("block 40 x 30 x 10")
    d = ENGINE.draft(DesignContext(task="modify", request=said, current={
        "version": 1, "code": d.code, "spec": d.spec, "not_made": "fillet the vertical edges 20 mm"}))
    assert not d.declined and [(f["kind"], f["radius"], f["edges"]) for f in d.spec["features"]] == [
        ("fillet", radius, "vertical")]


@pytest.mark.parametrize("first,said,size", [
    ("scale it up 1.5x", "no, only the length should be scaled, the rest back as it was", (150, 50, 10)),
    ("double everything", "I meant only double the width", (100, 100, 10)),
    ("scale it by 2", "no just the length", (200, 50, 10))])
def test_a_whole_part_scale_corrected_to_one_size(first, said, size):
    """'I meant only double the width' right after 'double everything' doubled the width of the doubled part (200 x
    200 x 20, marked ok): the scale is put back, the hole too, and only that size scaled."""
    d = new("plate 100x50x10 with a 10 mm hole in the middle")
    scaled = ENGINE.draft(DesignContext(task="modify", request=first, current={"version": 1, "code": d.code,
                                                                               "spec": d.spec}))
    e = ENGINE.draft(DesignContext(task="modify", request=said, current={
        "version": 2, "code": scaled.code, "spec": scaled.spec, "request": first}))
    body = e.spec["body"]
    assert (body["length"], body["width"], body["height"]) == size and e.spec["features"][0]["size"] == 10
    assert "put back as it was" in e.note


@pytest.mark.parametrize("said,size", [("no, I meant the width", (80, 60, 20)),
                                       ("sorry, that should have been the width", (80, 60, 20)),
                                       ("not the length, the width", (80, 60, 20)),
                                       ("wrong size, I meant the height", (80, 40, 40))])
def test_a_change_moved_to_the_size_named(said, size):
    """Right after 'make it 20 longer': the size named by its noun was meant (these were 'no change I could read')."""
    d = new("block 80 x 40 x 20")
    longer = ENGINE.draft(DesignContext(task="modify", request="make it 20 longer", current={
        "version": 1, "code": d.code, "spec": d.spec}))
    e = ENGINE.draft(DesignContext(task="modify", request=said, current={
        "version": 2, "code": longer.code, "spec": longer.spec, "request": "make it 20 longer"}))
    body = e.spec["body"]
    assert (body["length"], body["width"], body["height"]) == size


@pytest.mark.parametrize("not_made,applied", [("make it purple", True), ("make it stronger", True),
                                              ("give it a 10 mm wibble", False)])
def test_a_relative_change_after_a_wish_with_no_size_lands_on_the_part(not_made, applied):
    """'make it purple' changed no size: '10 longer' after it is measured from the part as it is (it was refused);
    after a change with a size that was not read, the part the user has in mind may differ: still refused."""
    d = new("plate 100 x 60 x 8 with a 10 mm hole in the middle")
    e = ENGINE.draft(DesignContext(task="modify", request="make it 10 longer", current={
        "version": 1, "code": d.code, "spec": d.spec, "not_made": not_made}))
    assert (not e.declined and e.spec["body"]["length"] == 110 and "was not made" in e.note) if applied else e.declined
