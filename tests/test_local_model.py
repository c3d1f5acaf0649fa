"""The local model's parts that need no real weights: the spec target's schema, the request
normalizer, the (request → spec) dataset and its hand-written held-out split, best-of-N ranking
over candidates from several sources, and schema-constrained decoding on a tiny model built
offline (trained for a few steps on spec pairs). The real Gemma 3 270M runs in
tests/test_local_model_gemma.py, which skips when the ``[local-model]`` extra is absent."""

from __future__ import annotations

import json
import random
import re

import jsonschema
import pytest

from cadagent.agent.local_model.normalize import normalize
from cadagent.agent.local_model.rank import rank
from cadagent.agent.local_model.schemas import SPEC_TARGET, hole_sizes, spec_schema
from cadagent.finetune.spec_data import canonical, heldout, phrases, sample_spec, spec_pairs
from cadagent.tools.part.spec import part_schema
from cadagent.tools.part.validation import validate


def test_the_spec_target_is_a_cut_of_the_part_schema():
    target, full = spec_schema(), part_schema()
    assert set(target["$defs"]) <= set(full["$defs"])
    bodies = {r["$ref"].split("/")[-1] for r in target["properties"]["body"]["anyOf"]}
    assert bodies == set(SPEC_TARGET["bodies"])
    feats = {r["$ref"].split("/")[-1] for r in target["properties"]["features"]["items"]["anyOf"]}
    assert feats == set(SPEC_TARGET["features"])
    assert "units" not in target["properties"] and "Profile" not in target["$defs"]
    # free strings are closed: ids and hole sizes are enums (a free string costs a vocabulary walk a token)
    assert target["$defs"]["Hole"]["properties"]["id"]["enum"] == SPEC_TARGET["ids"]
    assert "M5 clearance" in hole_sizes() and "M5 tapped" in hole_sizes()
    # whatever validates under the target also validates as a full part spec
    rng = random.Random(5)
    target_v, full_v = jsonschema.Draft202012Validator(target), jsonschema.Draft202012Validator(full)
    for _ in range(20):
        spec, _parts = sample_spec(rng)
        obj = json.loads(canonical(spec))
        if validate(obj)[0] is None:
            continue
        target_v.validate(obj)
        full_v.validate(obj)


def test_normalize_converts_units_number_words_and_rare_words():
    n = normalize("a 2 x 3 x 0.25 inch plate with four holes on a 50 PCD, dia. 6")
    assert n.text == "a 50.8 x 76.2 x 6.35 mm plate with 4 holes on a 50 bolt circle, Ø6" and n.units == "in"
    assert normalize("cylinder 4 cm diameter, 25 mm tall").text == "cylinder 40 mm diameter, 25 mm tall"
    assert normalize("two M5 holes, 1/4 in apart").text == "2 M5 holes, 6.35 mm apart"
    assert normalize("plate 80 x 50 x 6").units == "mm"
    # a bare "in" before a noun phrase is the preposition (the held-out run read "22 in the middle" as 558.8 mm)
    n = normalize("disc Ø80, 10 thick, bored 22 in the middle, 4 holes 12 in from the edge")
    assert n.text == "disc Ø80, 10 thick, bored 22 in the middle, 4 holes 12 in from the edge" and n.units == "mm"
    n = normalize("approximately 0.09 in height and 0.75 in both length and width; a 2 in cube")
    assert n.text == "approximately 0.09 in height and 0.75 in both length and width; a 50.8 mm cube"
    # fractions in words, as Text2CAD writes sizes it does not give as decimals
    assert normalize("a length of 4-tenths of a unit, 5 hundredths thick").text == "a length of 0.4 units, 0.05 thick"
    assert normalize("a 3 in long bar").text == "a 76.2 mm long bar"


def test_spec_pairs_are_valid_varied_split_by_spec_and_reproducible():
    a, b = spec_pairs(120, 2, seed=3), spec_pairs(120, 2, seed=3)
    assert a.digest() == b.digest() and a.digest() != spec_pairs(120, 2, seed=4).digest()
    rows = a.train + a.val
    assert len(rows) >= 200
    targets_by_split = {name: {r["messages"][-1]["content"] for r in rs} for name, rs in (("t", a.train), ("v", a.val))}
    assert not targets_by_split["t"] & targets_by_split["v"]       # one spec's phrasings stay in one split
    kinds = set()
    for r in rows:
        spec = json.loads(r["messages"][-1]["content"])
        assert validate(spec)[0] is not None, r
        assert [m["role"] for m in r["messages"]] == ["system", "user", "assistant"]
        kinds.add(spec["body"]["kind"])
        kinds.update(f["kind"] for f in spec["features"])
    assert {"box", "cylinder", "tube", "polygon_prism", "hole", "fillet", "chamfer", "pocket"} <= kinds
    assert len({r["request"] for r in rows}) == len(rows)


def test_the_held_out_phrasings_come_from_no_template():
    rows = heldout()
    assert len(rows) >= 40
    templates = [t for group in phrases()["bodies"].values() for t in group] + \
        [t for group in phrases()["features"].values() for t in group]
    regexes = [re.compile(re.sub(r"\\\{\w+\\\}", r"[\\w.Ø]+", re.escape(t)), re.I) for t in templates]
    for row in rows:
        assert validate(row["spec"])[0] is not None, row["request"]
        hits = [t for t, rx in zip(templates, regexes) if rx.search(row["request"])]
        assert not hits, (row["request"], hits)
    train = {r["request"] for r in spec_pairs(200, 2, seed=0).train}
    assert not train & {r["request"] for r in rows}


PLATE = "plate 100 x 60 x 8 with four 6 mm holes 10 mm from the corners"
RIGHT = {"body": {"kind": "box", "length": 100, "width": 60, "height": 8},
         "features": [{"id": "holes", "kind": "hole", "size": 6, "at": {"kind": "corners", "inset": 10}}]}
SWAPPED = {"body": {"kind": "box", "length": 100, "width": 60, "height": 8},
           "features": [{"id": "holes", "kind": "hole", "size": 10, "at": {"kind": "corners", "inset": 6}}]}
NO_HOLES = {"body": {"kind": "box", "length": 100, "width": 60, "height": 8}, "features": []}
EXTRA = {"body": RIGHT["body"], "features": RIGHT["features"] + [{"id": "fillet", "kind": "fillet",
                                                                  "edges": "vertical", "radius": 3}]}
INVALID = {"body": {"kind": "box", "length": 100, "width": 60, "height": 8},
           "features": [{"id": "holes", "kind": "hole", "size": 6, "at": {"kind": "corners", "inset": 1}}]}


def test_best_of_n_picks_the_candidate_that_passes_the_checks():
    r = rank(PLATE, [("model#1", NO_HOLES), ("model#2", INVALID), ("model#3", EXTRA), ("model#4", RIGHT)])
    assert r.winner.source == "model#4" and r.winner.spec == RIGHT
    assert "model#4: valid" in r.reason and "misses hole" not in r.reason.split("Runner-up")[0]
    by = {s.source: s for s in r.ranked}
    assert not by["model#2"].valid and "runs off" in by["model#2"].problems[0]
    assert by["model#1"].features_missing == ["hole"] and by["model#3"].features_extra == ["fillet"]
    assert r.ranked[-1].source == "model#2"                                  # invalid ranks last
    # a source that joins later is one more pair: the parser's reading wins when the model is wrong
    r2 = rank(PLATE, [("model#1", NO_HOLES), ("model#2", EXTRA), ("parser", RIGHT)])
    assert r2.winner.source == "parser"
    # agreement breaks a tie between two readings that use the same numbers
    r3 = rank(PLATE, [("model#1", SWAPPED), ("model#2", RIGHT), ("model#3", RIGHT)])
    assert r3.winner.source in ("model#2", "model#3") and r3.winner.votes == 2
    ring = {"body": {"kind": "tube", "outer_diameter": 40, "inner_diameter": 32, "height": 4}, "features": []}
    plug = {"body": {"kind": "cylinder", "diameter": 40, "height": 4},
            "features": [{"id": "hole", "kind": "hole", "size": 4}]}
    r5 = rank("ring Ø40 with a Ø32 bore, 4 high", [("model#1", plug), ("parser", ring)])
    assert r5.winner.source == "parser"          # the tube's bore is the hole the request names
    # a preferred source wins a tie the checks cannot break, before the votes
    r4 = rank(PLATE, [("model#1", SWAPPED), ("model#2", SWAPPED), ("parser", RIGHT)], prefer=("parser",))
    assert r4.winner.source == "parser"
    assert rank(PLATE, [("model#1", NO_HOLES), ("parser", NO_HOLES), ("model#2", RIGHT)],
                prefer=("parser",)).winner.source == "model#2"     # but never over a better check


def test_a_candidate_whose_build_fails_the_check_loses():
    class Built:
        def __init__(self, ok):
            self.ok = ok

        def summary(self):
            return "check FAILED: asked 4 holes Ø6, found 3" if not self.ok else "ok"

    calls = []

    def build(spec):
        calls.append(spec)
        return Built(spec.features[0].size != 6)        # pretend the Ø6 holes did not come out

    r = rank(PLATE, [("model#1", RIGHT), ("model#2", RIGHT), ("parser", SWAPPED)], build=build)
    assert r.winner.source == "parser" and r.ranked[-1].built is False
    assert "found 3" in r.ranked[-1].problems[0]
    assert len(calls) == 2            # each distinct spec is built once
    assert rank(PLATE, [("model#1", None), ("model#2", INVALID)]).winner is None


def test_the_cadjson_task_trains_on_the_instruction_pairs():
    from cadagent.finetune.train import TASKS, of_task

    assert {"spec", "cadjson"} <= set(TASKS)
    steps = {"task": "gen", "source": "instructions"}
    assert of_task(steps, "cadjson") and of_task(steps, "gen")      # the gen adapter keeps them too
    assert not of_task({"task": "gen", "source": "kb"}, "cadjson") and not of_task({"task": "spec"}, "cadjson")
    assert of_task({"task": "spec"}, "spec") and not of_task({"task": "spec"}, "gen")


class _Scripted:
    """A spec writer that answers with fixed candidates (the ranking and scoring are what is tested)."""

    def __init__(self, specs):
        self.specs = specs

    def candidates(self, request, n=4, *, seed=0):
        from cadagent.agent.local_model.writer import Candidate, Generation

        cands = []
        for i, spec in enumerate(self.specs):
            ok, problems = validate(spec)
            cands.append(Candidate(f"model#{i + 1}", json.dumps(spec), spec,
                                   [str(p) for p in problems if p.severity == "error"]))
        return Generation(cands, 1.0, 10, True)


def test_text2cad_scoring_builds_each_readers_answer_and_measures_iou(sandbox):
    from pathlib import Path

    from cadagent.evals.conversations import text2cad_suite
    from cadagent.finetune.spec_eval import evaluate_text2cad

    folder = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "text2cad_random100"
    if not (folder / "prompts.jsonl").is_file():
        pytest.skip(f"the Text2CAD prompts are not here ({folder})")
    conv = text2cad_suite(folder, "beginner")[:1]       # a rounded cylindrical base, 0.75 wide, 0.64 tall
    good = {"units": "mm", "body": {"kind": "cylinder", "diameter": 0.75, "height": 0.64}, "features": []}
    bad = {"units": "mm", "body": {"kind": "cylinder", "diameter": 0.75, "height": 0.64},
           "features": [{"id": "fillet", "kind": "fillet", "edges": "all", "radius": 5}]}
    res = evaluate_text2cad(_Scripted([bad, good]), conv, n=2, sandbox=sandbox, echo=lambda m: None)
    row = res["rows"][0]
    assert row["schema_valid"] == [True, True] and row["rule_valid"] == [False, True]
    assert row["greedy"] == {"valid": False, "built": False, "iou": None, "ok": False}   # the first is invalid
    best = row["best_of_n"]
    # an IoU, or the reason there is none (the IoU job can fail on a loaded machine: it says why)
    assert best["built"] and (isinstance(best["iou"], float) or best.get("why")), best
    assert best["ok"] == (best["iou"] is not None and best["iou"] >= 0.5)
    assert res["summary"]["rule_valid_outputs"] == 0.5 and res["summary"]["rows"] == 1


class _FakeLLM:
    loaded_adapters = ["spec"]


def _queued_writer(rounds):
    """A SpecWriter whose model answers from ``rounds`` (one list of texts per generate call)."""
    from cadagent.agent.local_model.writer import Candidate, Generation, SpecWriter

    class Queued(SpecWriter):
        prompts: list = []

        def generate(self, messages, n=1, *, seed=0):
            self.prompts.append(messages[-1]["content"])
            texts = rounds.pop(0)
            assert len(texts) == n, (texts, n)
            return Generation([Candidate(f"model#{i + 1}", t, None, tokens=5) for i, t in enumerate(texts)],
                              1.0, 5 * n, True)

    w = Queued(_FakeLLM())
    w.prompts = []
    return w


BAD_TUBE = '{"body":{"kind":"tube","outer_diameter":20,"inner_diameter":30,"height":10},"features":[]}'
GOOD_TUBE = '{"body":{"kind":"tube","outer_diameter":30,"inner_diameter":20,"height":10},"features":[]}'


def test_rule_invalid_candidates_are_rejected_and_retried_with_their_problems():
    w = _queued_writer([[GOOD_TUBE, BAD_TUBE, BAD_TUBE, "{"], [GOOD_TUBE, BAD_TUBE, GOOD_TUBE]])
    gen = w.candidates("a collar 30 outside, 20 inside, 10 long", n=4)
    # the first round stays on record; the three refused ones (two by the bore rule, one not JSON) are gone
    assert [c.valid for c in gen.raw] == [True, False, False, False]
    assert [c.source for c in gen.rejected] == ["model#2", "model#3", "model#4"]
    # the set the ranking gets: the valid first-round one + one retry per rejected one, named as retries
    assert [c.source for c in gen.candidates] == ["model#1", "model#1-retry", "model#2-retry", "model#3-retry"]
    assert [c.valid for c in gen.candidates] == [True, True, False, True] and gen.retried
    # the retry prompt carries each distinct problem once, numbers kept
    assert len(w.prompts) == 2 and "Fix these problems" not in w.prompts[0] and "Refused answer" not in w.prompts[1]
    fix = w.prompts[1].split("Fix these problems of the last answer: ")[1]
    assert "bore is not smaller than the outside" in fix and "found 30" in fix
    assert fix.count("bore is not smaller") == 1 and "not a JSON object" in fix
    # the still-invalid retry is never counted as valid, and the bound holds (retries=1: no third call)
    assert not gen.candidates[2].valid and gen.candidates[2].problems


def test_the_retry_can_show_the_refused_spec_with_its_problems():
    w = _queued_writer([[BAD_TUBE, "{"], [GOOD_TUBE, GOOD_TUBE]])
    w.show_refused = True
    w.candidates("a collar 30 outside, 20 inside, 10 long", n=2)
    shown = w.prompts[1].split("Refused answer: ")[1].split("\n")[0]
    assert json.loads(shown) == json.loads(BAD_TUBE)
    fix = w.prompts[1].split("Problems: ")[1]
    assert "bore is not smaller than the outside" in fix and "found 30" in fix and "Fix:" not in fix
    assert fix.endswith("Write the corrected spec.")


def test_a_retry_with_no_refused_spec_to_show_lists_the_problems():
    w = _queued_writer([["{", '{"body":'], [GOOD_TUBE, GOOD_TUBE]])
    w.show_refused = True
    gen = w.candidates("a collar 30 outside, 20 inside, 10 long", n=2)
    assert "Refused answer" not in w.prompts[1]
    assert "Fix these problems of the last answer: the output is not a JSON object" in w.prompts[1]
    assert [c.valid for c in gen.candidates] == [True, True] and len(gen.rejected) == 2


def test_no_retry_when_every_candidate_passes_and_retries_can_be_turned_off():
    w = _queued_writer([[GOOD_TUBE, GOOD_TUBE]])
    gen = w.candidates("a collar 30 outside, 20 inside, 10 long", n=2)
    assert not gen.retried and not gen.rejected and len(w.prompts) == 1
    w = _queued_writer([[BAD_TUBE, BAD_TUBE]])
    gen = w.candidates("a collar 30 outside, 20 inside, 10 long", n=2, retries=0)
    assert not gen.retried and [c.valid for c in gen.candidates] == [False, False]


def test_consensus_of_model_samples_outranks_the_parser_preference_only_when_asked():
    req = "tray: 120 x 80 x 20 block hollowed by a 100 by 60 recess 15 deep"
    model = {"units": "mm", "body": {"kind": "box", "length": 120, "width": 80, "height": 20},
             "features": [{"id": "pocket", "kind": "pocket", "length": 100, "width": 60, "depth": 15}]}
    parser = {"units": "mm", "body": {"kind": "box", "length": 120, "width": 80, "height": 20},
              "features": [{"id": "pocket", "kind": "pocket", "length": 100, "width": 60, "depth": 15,
                            "corner_radius": 5}]}
    assert validate(model)[0] is not None and validate(parser)[0] is not None
    cands = [("model#1", model), ("model#2", model), ("parser", parser)]
    plain = rank(req, cands, prefer=("parser",))
    assert plain.winner.source == "parser"                  # same checks: the preference decides
    agreed = rank(req, cands, prefer=("parser",), consensus=2)
    assert agreed.winner.source.startswith("model") and "written by 2 candidates" in agreed.reason
    # one model candidate alone is no consensus: the parser keeps the tie
    assert rank(req, cands[1:], prefer=("parser",), consensus=2).winner.source == "parser"
    # consensus never lifts a candidate over a better feature match
    unasked = {**model, "features": model["features"] + [{"id": "hole", "kind": "hole", "size": 5}]}
    lone = rank(req, [("model#1", unasked), ("model#2", unasked), ("parser", parser)], prefer=("parser",), consensus=2)
    assert lone.winner.source == "parser"


def test_the_cadjson_target_is_a_closed_cut_of_the_cadjson_schema():
    from cadagent.agent.local_model.schemas import CADJSON_TARGET, cadjson_schema
    from cadagent.tools.cadjson.validate import schema as full_schema

    target = cadjson_schema()
    doc = {"units": "mm", "parts": {"part_1": {
        "coordinate_system": {"Euler Angles": [0.0, 0.0, 0.0], "Translation Vector": [0.0, 0.0, 0.0]},
        "sketch": {"face_1": {"loop_1": {"circle_1": {"Center": [10.0, 10.0], "Radius": 10.0}}}},
        "extrusion": {"extrude_depth_towards_normal": 5.0, "extrude_depth_opposite_normal": 0.0,
                      "sketch_scale": 1.0, "operation": "NewBodyFeatureOperation"}}}}
    jsonschema.Draft202012Validator(target).validate(doc)
    jsonschema.Draft202012Validator(full_schema()).validate(doc)
    # names are closed (no patterns for the enforcer to ignore), numbered up to the target's bounds
    assert "patternProperties" not in json.dumps(target) and "propertyNames" not in json.dumps(target)
    loop = target["$defs"]["loop"]["properties"]
    assert f"line_{CADJSON_TARGET['line']}" in loop and f"line_{CADJSON_TARGET['line'] + 1}" not in loop
    too_many = json.loads(json.dumps(doc))
    too_many["parts"]["part_9"] = too_many["parts"]["part_1"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(target).validate(too_many)


def test_the_cadjson_writer_validates_and_sends_the_validators_problems_back():
    from cadagent.agent.local_model.cadjson_writer import CadJsonWriter
    from cadagent.agent.local_model.writer import Candidate, Generation

    part = {"coordinate_system": {"Euler Angles": [0.0, 0.0, 0.0], "Translation Vector": [0.0, 0.0, 0.0]},
            "sketch": {"face_1": {"loop_1": {
                "line_1": {"Start Point": [0, 0], "End Point": [40.0, 0]},
                "line_2": {"Start Point": [40.0, 0], "End Point": [40.0, 20.0]},
                "line_3": {"Start Point": [40.0, 20.0], "End Point": [0, 20.0]},
                "line_4": {"Start Point": [0, 20.0], "End Point": [0, 0]}}}},
            "extrusion": {"extrude_depth_towards_normal": 5.0, "extrude_depth_opposite_normal": 0.0,
                          "sketch_scale": 1.0, "operation": "NewBodyFeatureOperation"}}
    good = {"units": "mm", "parts": {"part_1": part}}
    open_loop = json.loads(json.dumps(good))
    del open_loop["parts"]["part_1"]["sketch"]["face_1"]["loop_1"]["line_4"]
    answers, prompts = [json.dumps(open_loop), json.dumps(good)], []

    class Queued(CadJsonWriter):
        def generate(self, messages, n=1, *, seed=0):
            prompts.append(messages[-1]["content"])
            return Generation([Candidate("model#1", answers.pop(0), None, tokens=100)], 2.0, 100, True)

    w = Queued(_FakeLLM())
    assert w.max_decimals == 6 and "part_1" in json.dumps(w.schema())
    once = Queued(_FakeLLM()).write("Draw a 40 by 20 rectangle and extrude it 5 mm.")
    assert once.parsed and once.document is None and once.problems and once.tries == 1   # an open loop is refused
    answers[:] = [json.dumps(open_loop), json.dumps(good)]
    doc = w.write("Draw a 40 by 20 rectangle and extrude it 5 mm.", retries=1)
    assert doc.document == good and doc.tries == 2 and doc.tokens == 200 and doc.tokens_per_second == 50.0
    assert "Fix these problems" in prompts[-1] and "loop_1" in prompts[-1].split("Fix these problems")[1]


def test_the_decoder_keeps_the_value_rules_the_schema_enforcer_leaves_out():
    from cadagent.agent.local_model.constrain import SchemaLogitsProcessor
    from cadagent.agent.local_model.schemas import spec_bounds

    bounds = spec_bounds()
    assert bounds["radius"] == {"min": 0, "exclusive": True, "integer": False}
    assert bounds["counts"]["min"] == 1 and bounds["counts"]["integer"]
    assert bounds["inner_diameter"]["below"] == "outer_diameter" and "sides" not in bounds   # min 3: not kept
    proc = object.__new__(SchemaLogitsProcessor)
    texts = {0: "0", 1: "1", 2: "2", 3: "3", 5: "5", 10: ",", 11: "}", 12: ".", 13: "-", 14: " ", 15: "0,",
             16: " -", 17: " 0,", 18: " 4"}
    proc.texts, proc.bounds, proc.bounded_steps = texts, bounds, 0
    allowed = list(texts)
    keep = lambda text: sorted(texts[t] for t in proc._bounded(text, allowed))  # noqa: E731
    # a bore under the outside written before it: 25 outside, "2" may go on to 20-24 but not to 25+
    tube = '{"body":{"kind":"tube","outer_diameter":25,"inner_diameter":2'
    assert {"0", "1", "2", "3", ",", "}", ".", "0,"} <= set(keep(tube)) and "5" not in keep(tube)
    assert "0" not in keep('{"body":{"kind":"tube","outer_diameter":25,"inner_diameter":3')   # 30 > 25
    # no zero size: "0" may start 0.5 but may not end there; no negative
    radius = '{"features":[{"id":"fillet","kind":"fillet","edges":"all","radius":0'
    assert "," not in keep(radius) and "}" not in keep(radius) and "0," not in keep(radius) and "." in keep(radius)
    assert "-" not in keep('{"features":[{"id":"fillet","kind":"fillet","edges":"all","radius":')
    # after a colon, a token may carry the blank and the number's start (a CAD JSON depth of -9 got through)
    after = keep('{"features":[{"id":"fillet","kind":"fillet","edges":"all","radius": ')
    assert " -" not in after and "-" not in after and " 4" in after and " " in after
    # an integer count never starts with 0 (it cannot go on), inside an array too
    assert "0" not in keep('"at":{"kind":"grid","counts":[3, ') and "0," not in keep('"at":{"kind":"grid","counts":[')
    # a name without a rule, or a value that is not a number, is left alone
    assert keep('{"body":{"kind":"polygon_prism","sides":') == sorted(texts.values())
    assert " 0," not in keep('{"features":[{"id":"fillet","kind":"fillet","edges":"all","radius": ')
    assert proc.bounded_steps > 0


def test_an_instruction_turn_on_the_local_model_asks_its_cadjson_writer(tmp_path, sandbox, kb):
    """Steps the parser cannot read, on a local model with a cadjson adapter: the constrained CAD JSON
    writer answers (validated, built, saved beside the version), not the free chat path."""
    from cadagent.agent.local_model.cadjson_writer import CadJsonDoc
    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings
    from cadagent.tools.cadjson.instructions import looks_like_instructions, parse_instructions

    from .test_agent import ScriptedChatModel

    frame = {"Euler Angles": [0, 0, 0], "Translation Vector": [0, 0, 0]}
    ext = {"extrude_depth_towards_normal": 4, "extrude_depth_opposite_normal": 0, "sketch_scale": 1,
           "operation": "NewBodyFeatureOperation"}
    disc = {"parts": {"part_1": {"coordinate_system": frame, "extrusion": ext, "sketch": {"face_1": {"loop_1": {
        "circle_1": {"Center": [10, 10], "Radius": 10}}}}}}, "units": "mm"}

    class Writer:
        asked: list = []

        def write(self, steps, *, retries=0):
            self.asked.append((steps, retries))
            return CadJsonDoc(json.dumps(disc), disc, True, [], tokens=120, seconds=30.0, tries=2)

    class LocalWithAdapter(ScriptedChatModel):
        cadjson_writer: object = None

    vague = ("Create a new coordinate system. Draw a sketch of a disc around (10, 10), as large as the "
             "plate allows. Extrude it so it is a little thicker than usual.")
    assert looks_like_instructions(vague) and not parse_instructions(vague).ok
    llm = LocalWithAdapter(replies=["not used"], prompts=[], cadjson_writer=Writer())
    agent = Agent(load_settings(workspace=tmp_path / "ws"), llm=llm, kb=kb, sandbox=sandbox)
    try:
        events = list(agent.stream("steps", vague))
        from .test_cadjson_instructions import state_of

        version = state_of(agent, "steps")["versions"][-1]
    finally:
        agent.close()
    assert Writer.asked == [(vague, 1)] and not llm.prompts          # one retry allowed; the chat path unused
    assert version["volume"] == pytest.approx(3.141592653589793 * 100 * 4, rel=1e-6)
    answer = next(e for e in events if e.node == "respond").data["answer"]
    assert "cadjson adapter" in answer and "try 2 of 2" in answer


def test_the_local_model_routes_only_when_asked():
    """No routing adapter exists: the parser reads a local turn's intent unless model_routing = "on"."""
    from cadagent.agent.providers import decides_intent
    from cadagent.config import load_settings

    assert not decides_intent(load_settings(agent={"llm": "local"}))
    assert decides_intent(load_settings(agent={"llm": "local", "model_routing": "on"}))
    assert decides_intent(load_settings(agent={"llm": "gemini"}))


def test_an_arc_of_three_equal_points_is_a_problem_not_a_crash():
    """A local model wrote an arc whose three points coincide: the validator refuses it (it raised
    ZeroDivisionError inside an agent turn)."""
    from cadagent.tools.cadjson.validate import validate as validate_cadjson

    frame = {"Euler Angles": [0, 0, 0], "Translation Vector": [0, 0, 0]}
    ext = {"extrude_depth_towards_normal": 1, "extrude_depth_opposite_normal": 0, "sketch_scale": 1,
           "operation": "NewBodyFeatureOperation"}
    loop = {"arc_1": {"Start Point": [0, 0], "Mid Point": [0, 0], "End Point": [0, 0]}}
    doc = {"parts": {"part_1": {"coordinate_system": frame, "extrusion": ext, "sketch": {"face_1": {"loop_1": loop}}}}}
    ok, problems = validate_cadjson(doc)
    assert ok is None and any("arc_1" in p.path for p in problems if p.severity == "error"), problems


def test_normalize_reads_decimals_spelt_digit_by_digit():
    n = normalize("a length of zero point 7 5 units, a width of zero point zero 7 8 5 units and two point five deep")
    assert n.text == "a length of 0.75 units, a width of 0.0785 units and 2.5 deep"
    assert normalize("one point of contact").text == "1 point of contact"
