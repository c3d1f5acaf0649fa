"""The spec task's training data beyond the templates: the parser's readings that the measurer
confirmed (built in the sandbox, sizes and volume checked against the turn's expectation), and the
polygon phrasings (a "hex" template never labels a prism of another side count)."""

from __future__ import annotations

import json
import random
import re

import pytest

from cadagent.finetune.spec_confirmed import confirmed_pairs, target_form
from cadagent.finetune.spec_data import canonical, phrase, sample_spec, spec_pairs, write_spec_dataset


def test_target_form_writes_a_spec_as_the_templates_teach_it():
    rows = spec_pairs(150, 1, seed=5).train
    for r in rows:
        want = r["messages"][-1]["content"]
        assert canonical(target_form(json.loads(want))) == want
    # the parser's style: names, ids of its own, defaults written out
    parsed = {"name": "plate", "units": "mm", "body": {"id": "plate", "name": "plate", "kind": "box", "length": 80,
                                                       "width": 50, "height": 6},
              "features": [{"id": "bore", "kind": "hole", "size": 10, "at": {"kind": "center"}},
                           {"id": "mounts", "kind": "hole", "size": 5, "at": {"kind": "corners", "inset": 8}}]}
    assert canonical(target_form(parsed)) == (
        '{"body":{"kind":"box","length":80,"width":50,"height":6},"features":[{"id":"hole","kind":"hole",'
        '"size":10},{"id":"holes","kind":"hole","size":5,"at":{"kind":"corners","inset":8}}]}')
    # outside the target (a counterbore) or against the rules: no pair
    cbore = {"body": {"kind": "box", "length": 80, "width": 50, "height": 6},
             "features": [{"id": "h", "kind": "hole", "size": 6, "cbore": {"diameter": 11, "depth": 3}}]}
    assert target_form(cbore) is None
    assert target_form({"body": {"kind": "box", "length": 80, "width": 50, "height": 6},
                        "features": [{"id": "h", "kind": "hole", "size": 60}]}) is None


def test_a_hex_phrasing_never_labels_another_side_count():
    rng = random.Random(0)
    seen = 0
    for _ in range(3000):
        spec, parts = sample_spec(rng)
        if spec["body"]["kind"] == "polygon_prism" and spec["body"]["sides"] != 6:
            seen += 1
            text = phrase(rng, parts)
            assert not re.search(r"hex|six", text, re.I), text
    assert seen >= 20


CONV = """id: {id}
category: test
turns:
  - user: "{user}"
    expect:
      ok: true
      intent: new_design
      bbox: {bbox}
      volume: {volume}
      solids: 1
"""


def test_confirmed_pairs_keep_only_readings_that_build_to_the_expected_part(tmp_path, sandbox):
    import math

    right = 60 * 40 * 5 - math.pi * 3 ** 2 * 5
    for name, user, volume in (("good", "a 60 x 40 x 5 mm plate with a 6 mm hole in the middle", right),
                               # one chamfered edge more than the parser reads is 0.1% of the volume:
                               # the tight tolerance refuses it
                               ("off", "a 60 x 40 x 5 mm plate with a 6 mm hole in the middle, take 2", right * 0.999),
                               ("worded", "a plate 60 by 40 by 5 with nothing else", 60 * 40 * 5)):
        (tmp_path / f"{name}.yaml").write_text(CONV.format(id=f"c-{name}", user=user, bbox="[5.0, 40.0, 60.0]",
                                                           volume=round(volume, 3)), encoding="utf-8")
    got = confirmed_pairs([tmp_path], sandbox)
    requests = {r["request"]: r for r in got.rows}
    assert "a 60 x 40 x 5 mm plate with a 6 mm hole in the middle" in requests
    assert not any("take 2" in r for r in requests)
    assert got.skipped.get("measured sizes differ from the expected", 0) >= 1
    row = requests["a 60 x 40 x 5 mm plate with a 6 mm hole in the middle"]
    assert row["source"] == "confirmed" and [m["role"] for m in row["messages"]] == ["system", "user", "assistant"]
    assert json.loads(row["messages"][-1]["content"])["features"] == [{"id": "hole", "kind": "hole", "size": 6}]
    # they join the train split (repeated), never val or test
    stats = write_spec_dataset(tmp_path / "data", 30, 1, 0, confirmed=got.rows, confirmed_repeat=2)
    train = (tmp_path / "data" / "train.jsonl").read_text(encoding="utf-8")
    assert train.count('"source": "confirmed"') == 2 * len(got.rows) == 2 * stats["confirmed_pairs"]
    assert "confirmed" not in (tmp_path / "data" / "val.jsonl").read_text(encoding="utf-8")


def test_a_measured_set_never_becomes_training_data(sandbox):
    with pytest.raises(ValueError, match="never becomes training data"):
        confirmed_pairs(["evals/userset/test"], sandbox)


def test_rule_failures_are_counted_by_rule():
    from cadagent.agent.local_model.writer import Candidate
    from cadagent.finetune.spec_eval import failure_rule, rule_failures
    from cadagent.tools.part.validation import validate

    def cand(spec):
        ok, problems = validate(spec)
        return Candidate("model#1", json.dumps(spec), spec, [str(p) for p in problems if p.severity == "error"])

    box = {"kind": "box", "length": 80, "width": 50, "height": 6}
    off = [cand({"body": box, "features": [{"id": "holes", "kind": "hole", "size": s,
                                            "at": {"kind": "corners", "inset": 1}}]}) for s in (6, 8)]
    fat = cand({"body": box, "features": [{"id": "fillet", "kind": "fillet", "edges": "all", "radius": 6}]})
    good = cand({"body": box, "features": []})
    got = rule_failures(off + [fat, good, Candidate("model#5", "{", None, ["not JSON"])])
    assert got == {"features[].at: hole N at (N, N) runs off the N x N mm top face": 2,
                   "features[].radius: fillet N mm is larger than the N mm block can take": 1}
    assert failure_rule("error: $.body.size: unknown size 'M7'; expected a size") == "body.size: unknown size X"


def test_the_cadjson_dataset_holds_only_verified_instruction_pairs(tmp_path, sandbox):
    from cadagent.finetune.cadjson_text import write_cadjson_dataset
    from cadagent.finetune.train import of_task

    stats = write_cadjson_dataset(tmp_path, sandbox, n=12, seed=2)
    rows = [json.loads(line) for s in ("train", "val") for line in
            (tmp_path / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sum(stats["splits"].values()) >= 10 and stats["splits"]["train"] >= 1
    for r in rows:
        assert of_task(r, "cadjson") and not of_task(r, "spec")
        doc = json.loads(r["messages"][-1]["content"])
        assert doc["units"] and doc["parts"] and "Extrude" in r["messages"][1]["content"]
    train_groups = {r["group"] for r in rows[: stats["splits"]["train"]]}
    assert not train_groups & {r["group"] for r in rows[stats["splits"]["train"]:]}


# -- Text2CAD pairs (finetune/spec_text2cad.py) --------------------------------------------------
TEXT2CAD = __import__("pathlib").Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "text2cad_random100"


def test_the_measured_text2cad_split_never_becomes_training_data(sandbox):
    from cadagent.finetune.spec_text2cad import parse_range, text2cad_pairs

    assert parse_range("31-33,98-100") == [31, 32, 33, 98, 99, 100]
    with pytest.raises(ValueError, match="samples 25-30 are the measured split"):
        parse_range("25-40")
    with pytest.raises(ValueError, match="expected indices like '31-100'"):
        parse_range("thirty-one")
    with pytest.raises(ValueError, match="never becomes training data"):
        text2cad_pairs(TEXT2CAD, [5, 40], sandbox)


@pytest.mark.skipif(not TEXT2CAD.is_dir(), reason="../shared/benchmarks/text2cad_random100 is not here")
def test_text2cad_pairs_teach_the_reading_that_builds_to_the_ground_truth(sandbox):
    from cadagent.finetune.spec_text2cad import text2cad_pairs

    # 77: a 0.75-unit cube; 86: a block said in metres (0.75 m: 750 mm, as the prompt reads after
    # normalizing, not 0.75 mm); 86's best reading reaches IoU 0.78
    got = text2cad_pairs(TEXT2CAD, [77, 86], sandbox, min_iou=0.7)
    assert [(r["sample"], r["level"]) for r in got.rows] == [(77, "beginner"), (77, "intermediate"),
                                                             (86, "beginner"), (86, "intermediate")]
    answers = {r["sample"]: json.loads(r["messages"][-1]["content"]) for r in got.rows}
    assert answers[77] == {"body": {"kind": "box", "length": 0.75, "width": 0.75, "height": 0.75}, "features": []}
    assert sorted(answers[86]["body"][k] for k in ("length", "width", "height")) == [156.25, 187.5, 750]
    assert all(r["iou"] > 0.75 for r in got.rows) and not got.skipped


def test_text2cad_pairs_join_train_repeated_and_every_20th_sample_goes_to_val(tmp_path):
    rows = [{"task": "spec", "source": "text2cad", "request": f"part {i} of 0.75 units", "sample": i, "level": "beginner",
             "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": f"part {i}"},
                          {"role": "assistant", "content": '{"body":{"kind":"box","length":0.75,"width":0.5,'
                                                           '"height":0.035},"features":[]}'}]} for i in (33, 40, 41)]
    stats = write_spec_dataset(tmp_path, 30, 1, 0, text2cad=rows, text2cad_repeat=3)
    train = [json.loads(x) for x in (tmp_path / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    val = [json.loads(x) for x in (tmp_path / "val.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["sample"] for r in train if r["source"] == "text2cad") == [33, 33, 33, 41, 41, 41]
    assert [r["sample"] for r in val if r["source"] == "text2cad"] == [40]
    assert stats["text2cad_pairs"] == 3 and stats["text2cad_samples"] == [33, 40, 41]


def test_canonical_keeps_three_decimals_when_asked():
    spec = {"body": {"kind": "box", "length": 0.75, "width": 0.0785, "height": 0.0353}, "features": []}
    assert '"width":0.08,"height":0.04' in canonical(spec)
    assert '"width":0.079,"height":0.035' in canonical(spec, 3)
