"""Repair pairs: a valid spec broken the ways the model breaks it, refused by the part rules, shown
with its problems in the writer's retry prompt, answered by the valid spec."""

from __future__ import annotations

import json
import random

from cadagent.agent.local_model.prompts import repair_messages, spec_messages
from cadagent.finetune.spec_data import canonical, write_spec_dataset
from cadagent.finetune.spec_repair import break_spec, repair_pairs
from cadagent.tools.part.validation import validate


def test_repair_pairs_show_a_refused_spec_and_answer_the_valid_one():
    rows, made = repair_pairs(120, seed=5)
    assert len(rows) == 120
    # every way of breaking is used, and the commonest refusals of the model are among the rules hit
    assert {"swap_number", "spread", "too_deep", "too_round"} <= set(made)
    rules = " ".join(k for k in made if k.startswith("rule: "))
    assert "runs off" in rules and "deep" in rules and "larger than" in rules
    for r in rows:
        user, answer = r["messages"][-2]["content"], r["messages"][-1]["content"]
        refused = json.loads(user.split("Refused answer: ")[1].split("\n")[0])
        assert validate(refused)[0] is None                      # the shown spec is one the rules refuse
        assert validate(json.loads(answer))[0] is not None       # the answer passes them
        assert canonical(refused) != answer
        assert user.startswith(spec_messages(r["request"])[-1]["content"] + "\nRefused answer: ")
        assert "Problems: " in user and "Fix:" not in user and user.endswith("Write the corrected spec.")
    assert repair_pairs(20, seed=5)[0] == rows[:20]              # reproducible


def test_a_spec_with_nothing_to_break_gives_none():
    plain = {"body": {"kind": "sphere", "diameter": 20}, "features": []}
    assert break_spec(plain, random.Random(0)) is None


def test_the_repair_prompt_is_the_writers_and_keeps_numbers():
    problems = ["error: $.features[0].depth: the pocket is 12 mm deep but the part is only 10 mm thick there; "
                "expected less than 10; found 12. Fix: drop depth to cut through"]
    msgs = repair_messages("a 60 x 40 x 10 block, 20 x 10 pocket 6 deep", '{"body":{}}', problems)
    assert msgs[-1]["content"].endswith("Problems: features[0].depth: the pocket is 12 mm deep but the part is only "
                                        "10 mm thick there; expected less than 10; found 12\nWrite the corrected spec.")


def test_the_spec_dataset_mixes_repair_pairs_into_train_and_val(tmp_path):
    stats = write_spec_dataset(tmp_path, n_specs=30, per_spec=1, seed=2, repair=50)
    train = [json.loads(x) for x in (tmp_path / "train.jsonl").read_text().splitlines()]
    val = [json.loads(x) for x in (tmp_path / "val.jsonl").read_text().splitlines()]
    assert sum(r["source"] == "repair" for r in train) == 46 and sum(r["source"] == "repair" for r in val) == 4
    assert stats["repair_pairs"] == 50 and sum(v for k, v in stats["repair_breaks"].items() if not k.startswith("rule")) == 50
    val_specs = {r["messages"][-1]["content"] for r in val if r["source"] != "repair"}
    assert not any(r["messages"][-1]["content"] in val_specs for r in train if r["source"] == "repair")
