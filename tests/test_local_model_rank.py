"""The ensemble's ranking signals beyond "numbers used": the envelope a request states (extents fit) and the
cached candidates a ranking change is measured on."""

from __future__ import annotations

import json

import pytest

from cadagent.agent.local_model.extents import extent_fit, spec_extents, stated_extents
from cadagent.agent.local_model.normalize import normalize
from cadagent.agent.local_model.rank import rank
from cadagent.tools.part.validation import validate

ASSEMBLY = ("The design consists of three parts. The first part is a rectangular bar with a length of 0.6, a width of "
            "0.1 and a height of 0.06. The second part is a rectangular plate with a length of 0.75 units, a width "
            "of 0.47 units and a height of 0.03 units, and the third part is a small block measuring 0.1 units "
            "long, 0.1 units wide and 0.06 units tall. The final shape measures 0.75 units long, 0.47 units wide "
            "and 0.06 units tall.")


def _stated(text: str):
    return stated_extents(normalize(text).text)


def test_the_stated_envelope_is_the_group_holding_the_largest_size():
    assert _stated(ASSEMBLY) == [0.75, 0.47, 0.06]          # the final sentence wins the tie on 0.75
    assert _stated("It measures 0.75 units long, 0.4728 units wide, and 0.0326 units thick.") == [0.75, 0.4728, 0.0326]
    # Text2CAD's phrasings: "in height" (not inches), "in both length and width" (two sizes), "the length of
    # the prism is", fractions in words, a final period
    assert _stated("a disk measuring approximately 0.05 in height and 0.75 in both length and width.") == \
        [0.75, 0.75, 0.05]
    assert _stated("The length of the prism is 0.75 units, the width is 0.375 units, and the height is 0.0225.") == \
        [0.75, 0.375, 0.0225]
    assert _stated("a length of about 4-tenths of a unit, a width of about 6-tenths of a unit, and a height "
                   "of just over 5-hundredths of a unit") == [0.6, 0.4, 0.05]
    assert _stated("a cube with a height, width, and depth of 0.75 units") == [0.75, 0.75, 0.75]
    # a diameter, depth or edge is as often a feature's: no envelope from them, nor from a group without the
    # request's largest number
    assert _stated("a cylinder 40 dia 50 high with a 20 mm pocket drilled 30 mm deep into one end") is None
    assert _stated("rounded-corner block 140 x 55 x 2, radius 2, edges 2 wide and 2 long") is None
    # a chain's terms are no envelope: "32 x 14" is a tube's outside and bore, "4 x 6" holes a count
    assert _stated("spacer 36 x 10 x 2, four 4 x 6 holes") is None
    assert _stated("Need a steel block measuring 120 long by 40 wide, standing 30 tall") == [120, 40, 30]
    # counts are not sizes, and one size is no envelope
    assert _stated("The design has 2 parts, flat on 1 side, with 4 edges rounded.") is None
    assert _stated("a cylinder 0.75 units tall") is None


def test_extent_fit_scores_the_envelope_not_the_numbers_used():
    plate = validate({"body": {"kind": "box", "length": 0.75, "width": 0.47, "height": 0.06}, "features": []})[0]
    bar = validate({"body": {"kind": "box", "length": 0.6, "width": 0.1, "height": 0.06}, "features": []})[0]
    disc = validate({"body": {"kind": "cylinder", "diameter": 0.75, "height": 0.05}, "features": []})[0]
    assert spec_extents(plate) == pytest.approx([0.75, 0.47, 0.06])
    assert extent_fit([0.75, 0.47, 0.06], spec_extents(plate)) == 1.0
    assert extent_fit([0.75, 0.47, 0.06], spec_extents(bar)) == pytest.approx(1 / 3)
    assert extent_fit([0.75, 0.75, 0.05], spec_extents(plate)) == pytest.approx(1 / 3)    # one 0.75 is not two
    assert extent_fit([0.75, 0.75, 0.05], spec_extents(disc)) == 1.0
    assert extent_fit([0.75, 0.75, 0.05], [0.752, 0.752, 0.0505]) == 1.0        # rounding to 3 decimals is a match
    assert extent_fit(None, spec_extents(plate)) is None
    # the body's extents: a boss the request asks for on top does not cost the candidate that has it
    bossed = validate({"body": {"kind": "box", "length": 0.75, "width": 0.47, "height": 0.06},
                       "features": [{"id": "boss", "kind": "boss", "diameter": 0.2, "height": 0.3}]})[0]
    assert spec_extents(bossed) == pytest.approx([0.75, 0.47, 0.06])


def test_a_candidate_with_the_stated_envelope_outranks_one_that_uses_more_numbers():
    # the first part alone uses as many of the request's numbers as the whole (0.1 and 0.06 come back, 0.03 is
    # half of 0.06): numbers used cannot tell them apart
    first_part = {"body": {"kind": "box", "length": 0.6, "width": 0.1, "height": 0.06}, "features": []}
    envelope = {"body": {"kind": "box", "length": 0.75, "width": 0.47, "height": 0.06}, "features": []}
    r = rank(ASSEMBLY, [("model#1", first_part), ("model#2", first_part), ("model#3", first_part),
                        ("parser", envelope)], prefer=("parser",))
    by = {s.source: s for s in r.ranked}
    assert by["model#1"].matched_numbers >= by["parser"].matched_numbers
    assert r.winner.source == "parser" and r.winner.fit == 1.0
    assert "fits the stated 0.75 x 0.47 x 0.06" in r.reason
    # and the other way round: the model's envelope beats the parser's first part (which the preference for the
    # parser picked before)
    r2 = rank(ASSEMBLY, [("model#1", envelope), ("parser", first_part)], prefer=("parser",))
    assert r2.winner.source == "model#1"


def test_without_a_worded_envelope_the_ranking_is_unchanged():
    plate = "a 100 x 60 x 8 plate"
    a = {"body": {"kind": "box", "length": 100, "width": 60, "height": 8}, "features": []}
    b = {"body": {"kind": "box", "length": 100, "width": 8, "height": 60}, "features": []}
    r = rank("a plate, 100 by 60, 8 mm", [("model#1", b), ("parser", a)], prefer=("parser",))
    assert r.winner.source == "parser"                     # the same numbers: the preference decides
    assert rank("a disc", [("model#1", a)]).ranked[0].fit is None
    assert rank(plate, [("model#1", b), ("parser", a)]).winner.fit is None        # a chain states no envelope


def test_cached_candidates_are_served_as_the_writer_wrote_them(tmp_path):
    from cadagent.finetune.spec_eval import CachedWriter

    good = {"body": {"kind": "box", "length": 60, "width": 40, "height": 5}, "features": []}
    row = {"request": "a 60 x 40 x 5 plate", "tokens": 90, "gen_seconds": 12.5,
           "candidates": [{"source": "model#2", "spec": good, "valid": True, "problems": []},
                          {"source": "model#1-retry", "spec": good, "valid": True, "problems": []}],
           "rejected": [{"source": "model#1", "spec": good, "valid": False, "problems": ["error: too round"]}]}
    (tmp_path / "rows.jsonl").write_text(json.dumps(row) + "\n" + json.dumps({"request": "parser only"}) + "\n")
    gen = CachedWriter.load(tmp_path).candidates("a 60 x 40 x 5 plate")
    assert [c.source for c in gen.candidates] == ["model#2", "model#1-retry"] and gen.retried
    assert [c.source for c in gen.raw] == ["model#1", "model#2"] and not gen.raw[0].valid   # greedy was refused
    assert gen.tokens == 90 and gen.seconds == 12.5
    with pytest.raises(KeyError, match="no cached candidates"):
        CachedWriter.load(tmp_path).candidates("another request")
    with pytest.raises(ValueError, match="no model candidates"):
        CachedWriter([{"request": "x"}])


def test_local_eval_re_ranks_cached_candidates_without_the_model(tmp_path):
    from typer.testing import CliRunner

    from cadagent.cli import app
    from cadagent.finetune.spec_data import heldout

    first = heldout()[0]               # "I'd like a square plate, 60 on a side and 5 thick"
    cube = {"body": {"kind": "box", "length": 60, "width": 60, "height": 60}, "features": []}
    row = {"request": first["request"], "tokens": 40, "gen_seconds": 3.0,
           "candidates": [{"source": "model#1", "spec": cube, "valid": True, "problems": []},
                          {"source": "model#2", "spec": first["spec"], "valid": True, "problems": []}],
           "rejected": []}
    (tmp_path / "rows.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["local", "eval", "--candidates", str(tmp_path), "--limit", "1", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rec = json.loads((out / "rows.jsonl").read_text(encoding="utf-8"))
    assert rec["greedy"]["exact"] is False and rec["best_of_n"]["exact"] is True     # the greedy one is a cube
    assert "ensemble_numbers" in rec and "best_of_n_numbers" in rec
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["rows"] == 1 and summary["best_of_n"]["exact"] == 1.0
    bad = CliRunner().invoke(app, ["local", "eval", "--candidates", str(tmp_path), "--start", "2", "--limit", "1",
                                   "--out", str(out)])
    assert bad.exit_code != 0 and "no cached candidates" in str(bad.exception)


HOLLOW = "Design a rectangular box with a hollow center. The box measures 0.15 units in length and width, and 0.75 " \
         "units in height."


class _Built:
    def __init__(self, ok):
        self.ok = ok

    def summary(self):
        return "the build failed"


def test_sizes_said_of_two_extents_at_once_are_two_sizes():
    assert _stated(HOLLOW) == [0.75, 0.15, 0.15]
    assert _stated("The plate is 0.75 units long and wide, and 0.0532 units thick.") == [0.75, 0.75, 0.0532]
    assert _stated("It is 0.75 units long and 0.5 wide and 0.2 tall.") == [0.75, 0.5, 0.2]


def test_a_refused_parser_reading_falls_back_to_its_body():
    # the parser read the body exactly and assumed a 2 mm wall for a 0.15-unit box: the rules refuse the whole
    # reading, and a model candidate with a wrong body won it before
    parsed = {"body": {"kind": "box", "length": 0.15, "width": 0.15, "height": 0.75},
              "features": [{"id": "shell", "kind": "shell", "thickness": 2.0}]}
    wrong = {"body": {"kind": "box", "length": 0.3, "width": 0.15, "height": 0.75}, "features": []}
    assert validate(parsed)[0] is None and validate(wrong)[0] is not None
    r = rank(HOLLOW, [("model#1", wrong), ("parser", parsed)], prefer=("parser",))
    assert r.winner.source == "parser-body" and r.winner.spec["body"] == parsed["body"]
    assert r.winner.spec["features"] == [] and r.winner.fit == 1.0
    assert "parser-body: valid (parser's body without its features, as parser's own reading did not pass)" in r.reason
    assert rank(HOLLOW, [("model#1", wrong), ("parser", parsed)], prefer=("parser",),
                fallback=False).winner.source == "model#1"


def test_a_fallback_takes_the_model_features_and_wins_on_the_envelope_not_on_the_preference():
    request = "A square plate 0.75 units long and wide and 0.05 units thick, with a hole in the center."
    # holes at the corners with no inset run off the plate: refused; the model wrote the hole on a wrong body
    parsed = {"body": {"kind": "box", "length": 0.75, "width": 0.75, "height": 0.05},
              "features": [{"id": "holes", "kind": "hole", "size": 0.15, "at": {"kind": "corners", "inset": 0.0}}]}
    model = {"body": {"kind": "box", "length": 0.75, "width": 0.5, "height": 0.05},
             "features": [{"id": "hole", "kind": "hole", "size": 0.1}]}
    r = rank(request, [("model#1", model), ("parser", parsed)], prefer=("parser",))
    assert r.winner.source == "parser+model#1" and r.winner.fit == 1.0 and r.winner.preferred == 0
    assert r.winner.spec["body"] == parsed["body"] and r.winner.spec["features"] == model["features"]
    by = {s.source: s for s in r.ranked}
    assert by["parser-body"].features_missing == ["hole"]      # the body alone misses the hole, and ranks lower
    assert r.ranked.index(by["parser-body"]) > r.ranked.index(by["parser+model#1"])
    # a refused reading's body may be what was misread: "8 wide" taken as the block's width, its 12 mm hole refused.
    # The fallback ties the model's reading on the checks; four samples agreeing on it win the tie.
    request = "block 40 by 40 by 20 with a blind hole, 8 wide and 12 down, right in the middle of the top"
    misread = {"body": {"kind": "box", "length": 40, "width": 8, "height": 20},
               "features": [{"id": "holes", "kind": "hole", "size": 12.0, "at": {"kind": "center"}}]}
    right = {"body": {"kind": "box", "length": 40, "width": 40, "height": 20},
             "features": [{"id": "hole", "kind": "hole", "size": 8, "depth": 12}]}
    r = rank(request, [(f"model#{k}", right) for k in (1, 2, 3, 4)] + [("parser", misread)], prefer=("parser",))
    by = {s.source: s for s in r.ranked}
    assert "parser+model#1" in by and by["parser+model#1"].match == by["model#1"].match
    assert r.winner.source == "model#1" and r.winner.votes == 4


def test_a_reading_that_builds_gets_no_fallback_and_a_failed_build_does():
    parsed = {"body": {"kind": "box", "length": 0.15, "width": 0.15, "height": 0.75},
              "features": [{"id": "hole", "kind": "hole", "size": 0.05}]}
    model = {"body": {"kind": "box", "length": 0.3, "width": 0.15, "height": 0.75}, "features": []}
    ok = rank(HOLLOW, [("model#1", model), ("parser", parsed)], build=lambda s: _Built(True), prefer=("parser",))
    assert [s.source for s in ok.ranked] == ["parser", "model#1"]
    failed = rank(HOLLOW, [("model#1", model), ("parser", parsed)], prefer=("parser",),
                  build=lambda s: _Built(not s.features))           # the kernel refuses the hole
    assert failed.winner.source == "parser-body"
    assert next(s for s in failed.ranked if s.source == "parser").built is False
    # the model's candidates get none (the body the caller trusts is the preferred source's)
    assert not any("-body" in s.source for s in rank(HOLLOW, [("model#1", parsed)]).ranked)


def test_the_agent_gets_its_fallbacks_once_as_unchecked_candidates():
    from cadagent.agent.local_model.fallback import fallback_candidates

    body = {"kind": "box", "length": 0.75, "width": 0.75, "height": 0.05}
    hole = [{"id": "hole", "kind": "hole", "size": 0.1}]
    cands = [{"source": "model#1", "spec": {"body": {**body, "width": 0.5}, "features": hole}, "code": "…",
              "passed": False},                            # built, failed its size check: its features still count
             {"source": "model#2", "spec": {"body": body, "features": []}, "code": "…", "passed": True},
             {"source": "model#3", "spec": {"body": body, "features": hole}, "code": "…", "error": {"type": "X"}},
             {"source": "parser", "spec": {"body": body, "features": [{"id": "r", "kind": "fillet", "radius": 2}]},
              "passed": False}]
    extra = fallback_candidates(cands)
    assert [(c["source"], c["spec"]["features"], c["problems"]) for c in extra] == \
        [("parser-body", [], []), ("parser+model#1", hole, [])]
    assert all(c["spec"]["body"] == body for c in extra) and "checked" not in extra[0]
    assert fallback_candidates(cands + [{**c, "passed": False} for c in extra]) == []          # once
    assert fallback_candidates([{**cands[2], "passed": True}, cands[0]]) == []                # it works: none
