"""Fine-tuning: verification rejects mismatched pairs, splits do not leak, a few steps on a tiny
model reduce the loss, adapters save / reload / switch, resume continues the step count, broken
data files are clear errors with their line."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

pytest.importorskip("peft")

from cadagent.bench.tiny_model import build_tiny_llama  # noqa: E402
from cadagent.config import load_settings  # noqa: E402
from cadagent.finetune.dataset import (DataError, cadjson_records, kb_records, phrase_request, read_jsonl,  # noqa: E402
                              split_of, usage_records, verify_request)
from cadagent.finetune.train import TrainConfig, train  # noqa: E402

from .conftest import ROOT  # noqa: E402


def test_verification_rejects_a_pair_whose_part_does_not_match():
    assert verify_request("a plate 60 x 40 x 5 mm", [60, 40, 5]) == []
    assert verify_request("a plate 60 x 40 x 5 mm", [40, 5, 60]) == []  # any axis order
    assert verify_request("a plate 60 x 40 x 5 mm", [70, 40, 5])[0].startswith("bbox is 5.0 x 40.0 x 70.0 mm")
    assert verify_request("a disc 3 inches in diameter, 0.5 inches thick", [76.2, 76.2, 12.7]) == []
    assert verify_request("a nice bracket", [10, 10, 10]) == ["the request parser finds no size in the request"]


def test_phrasings_vary_and_read_back_as_the_measured_size():
    rng = random.Random(3)
    seen_units, seen_texts = set(), set()
    for size in ([60, 40, 5], [80, 80, 12], [25.4, 50.8, 101.6], [120, 30, 30]):
        for _ in range(6):
            text, unit = phrase_request("Mounting plate", size, rng)
            seen_units.add(unit)
            seen_texts.add(text)
            assert verify_request(text, size) == [], text
    assert seen_units == {"mm", "cm", "inch"} and len(seen_texts) >= 20


def test_kb_sweeps_and_cadjson_pairs_are_verified_by_running(sandbox, kb):
    entries = [e for e in kb.entries() if e.id in ("plate-four-corner-holes", "washer-flat-m5")]
    assert len(entries) == 2
    rep = kb_records(entries, sandbox, random.Random(0), per_example=3)
    assert len(rep.records) + len(rep.rejected) == 6 and len(rep.records) >= 3
    for r in rep.records:
        roles = [m["role"] for m in r.messages]
        assert roles == ["system", "user", "assistant"] and r.task == "gen" and r.group == f"kb:{r.meta['example']}"
        assert r.meta["request"] in r.messages[1]["content"] and '"examples"' not in r.messages[1]["content"]
        code = r.messages[2]["content"].split("```python\n")[1].split("```")[0]
        res = sandbox.run_script(code, exports=())
        assert res.ok and sorted(res.report.size) == pytest.approx(sorted(r.meta["size"]), abs=1e-6)
    docs = cadjson_records(sandbox, random.Random(0), 7)
    assert len(docs.records) == 7 and not docs.rejected
    first = docs.records[0]
    assert first.task == "explain" and first.messages[-1]["content"].startswith("1. part_1:")
    assert "CHECKED FACTS" in first.messages[1]["content"]


def test_usage_pairs_come_from_thumbs_up_and_are_rerun(sandbox, tmp_path):
    ok_code = "import cadquery as cq\nresult = cq.Workplane().box(60, 40, 5)\n"
    rows = [{"liked": True, "prompt": "a plate 60 x 40 x 5 mm", "code": ok_code},
            {"liked": True, "prompt": "a plate 60 x 40 x 5 mm", "code": ok_code},          # duplicate
            {"liked": False, "prompt": "a plate 1 x 1 x 1 mm", "code": ok_code},           # thumbs down
            {"liked": True, "prompt": "a plate 90 x 40 x 5 mm", "code": ok_code},          # does not match
            {"liked": True, "prompt": "a cube", "code": "import cadquery as cq\nresult = 1/0\n"}]
    (tmp_path / "feedback.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    rep = usage_records(tmp_path, sandbox)
    assert [r.meta["request"] for r in rep.records] == ["a plate 60 x 40 x 5 mm"]
    assert sorted(x.reason.split(":")[0] for x in rep.rejected) == ["does not build any more",
                                                                     "request does not match the part"]
    (tmp_path / "feedback.jsonl").write_text(json.dumps(rows[0]) + "\n{broken\n")
    with pytest.raises(DataError, match=r"feedback.jsonl:2: not JSON"):
        usage_records(tmp_path, sandbox)


def test_splits_are_by_group_so_nothing_leaks():
    groups = [f"kb:example-{i}" for i in range(300)]
    splits = {g: split_of(g, seed=0) for g in groups}
    assert all(split_of(g, seed=0) == s for g, s in splits.items())  # deterministic
    counts = {s: list(splits.values()).count(s) for s in ("train", "val", "test")}
    assert 200 < counts["train"] < 280 and counts["val"] > 10 and counts["test"] > 10
    reseeded = {g: split_of(g, seed=1) for g in groups}
    assert reseeded != splits  # the seed decides the assignment


def test_broken_data_files_name_the_line(tmp_path):
    good = {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(good) + "\n" + '{"messages": [1, 2]}\n')
    with pytest.raises(DataError, match=r"train.jsonl:2: expected"):
        read_jsonl(path)
    path.write_text(json.dumps(good) + "\n\n" + '{"messages": \n')
    with pytest.raises(DataError, match=r"train.jsonl:3: not JSON"):
        read_jsonl(path)


# -- training on a tiny model -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory):
    root = tmp_path_factory.mktemp("ft")
    data = root / "data"
    data.mkdir()
    code = "import cadquery as cq\nlength = {l}\nresult = cq.Workplane().box(length, 40, 5)\n"
    def row(i, task="gen"):
        return {"task": task, "messages": [{"role": "system", "content": "You write CadQuery."},
                                           {"role": "user", "content": f"a plate {i} x 40 x 5 mm"},
                                           {"role": "assistant", "content": f"```python\n{code.format(l=i)}```"}]}
    (data / "train.jsonl").write_text("".join(json.dumps(row(i)) + "\n" for i in range(20, 84)))
    (data / "val.jsonl").write_text("".join(json.dumps(row(i)) + "\n" for i in range(90, 98)))
    texts = [m["content"] for i in range(20, 98) for m in row(i)["messages"]]
    base = build_tiny_llama(root / "base", texts, vocab_size=300, hidden=64, layers=2)
    return root, base, data


def _cfg(root, base, data, out, **kw):
    return TrainConfig(base=str(base), data=str(data), out=str(root / out), task="gen", r=8, alpha=16, lr=5e-3,
                       batch_size=8, grad_accum=1, logging_steps=1, **{"epochs": 3, **kw})


@pytest.fixture(scope="module")
def trained(tiny_data):
    root, base, data = tiny_data
    return train(_cfg(root, base, data, "gen", modules_to_save=["embed_tokens"]), progress=False)


def test_a_few_steps_reduce_the_loss_and_the_adapter_reloads_and_switches(tiny_data, trained):
    root, base, data = tiny_data
    m = trained
    curve = [p["loss"] for p in m["loss_curve"]]
    assert len(curve) == m["global_step"] == 24 and curve[-1] < curve[0] - 0.5, curve
    assert m["eval_curve"] and m["eval_loss"] < m["eval_curve"][0]["eval_loss"] + 1e-6
    out = root / "gen"
    saved = json.loads((out / "train_config.json").read_text())
    assert saved["r"] == 8 and saved["task"] == "gen" and (out / "adapter_config.json").is_file()
    assert json.loads((out / "metrics.json").read_text())["train_records"] == 64
    assert (out / "tokenizer_config.json").is_file()
    from langchain_core.messages import HumanMessage, SystemMessage

    from cadagent.agent.local_llm import LocalChatModel

    llm = LocalChatModel(model_path=str(base), adapters={"gen": str(out), "explain": str(out)}, temperature=0,
                         max_new_tokens=8)
    msgs = [SystemMessage(content="You write CadQuery."), HumanMessage(content="a plate 50 x 40 x 5 mm")]
    tuned = llm.invoke(msgs, config={"metadata": {"cadagent_adapter": "gen"}}).content
    bare = llm.invoke(msgs, config={"metadata": {"cadagent_adapter": "none"}}).content
    assert tuned != bare and "`" in tuned  # the adapter learned the answer's opening fence


def test_resume_from_a_checkpoint_continues_the_step_count(tiny_data):
    root, base, data = tiny_data
    first = train(_cfg(root, base, data, "resume", epochs=2, eval_steps=4), progress=False)
    assert first["global_step"] == 16 and not first["resumed"]
    assert len(first["step_seconds"]) == 16 and all(t > 0 for t in first["step_seconds"])
    second = train(_cfg(root, base, data, "resume", epochs=4, eval_steps=4), progress=False)
    assert second["resumed"] and second["global_step"] == 32
    assert second["loss_curve"][0]["step"] == 1  # the history carried over from the checkpoint
    assert [p["step"] for p in second["loss_curve"]][-1] == 32


def test_config_file_and_cli_errors(tiny_data, tmp_path):
    root, base, data = tiny_data
    cfg_file = tmp_path / "ft.toml"
    cfg_file.write_text(f'[finetune]\nbase = "{base}"\ndata = "{data}"\nr = 4\nrank = 3\n')
    with pytest.raises(ValueError, match="unknown key\\(s\\) rank"):
        TrainConfig.from_file(cfg_file)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "finetune", "--base", str(base), "--data",
                        str(tmp_path), "--out", str(tmp_path / "x")], capture_output=True, text=True, env=env,
                       timeout=120)
    assert p.returncode == 2 and "has no train.jsonl: run `cadagent dataset build" in p.stderr
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "finetune", "--base", str(base), "--data", str(data),
                        "--out", str(tmp_path / "x"), "--task", "poems"], capture_output=True, text=True, env=env,
                       timeout=120)
    assert p.returncode == 2 and "task 'poems': expected one of gen, explain" in p.stderr
    for shipped in (ROOT / "configs").glob("*.toml"):
        cfg = TrainConfig.from_file(shipped)
        assert cfg.r == 16 and cfg.dropout == 0.05 and cfg.lr == 2e-4 and cfg.warmup_ratio == 0.03


def test_merge_folds_the_adapter_into_a_plain_model(tiny_data, trained):
    root, base, data = tiny_data
    from cadagent.finetune.train import merge

    out = merge(str(base), str(root / "gen"), str(root / "merged"))
    assert (out / "config.json").is_file() and not (out / "adapter_config.json").exists()
    settings = load_settings(workspace=root / "ws", agent={"llm": "local", "model": str(out), "max_tokens": 16})
    from cadagent.agent.providers import chat_model

    merged = chat_model(settings)
    assert merged.loaded_adapters == []
    adapted = chat_model(load_settings(workspace=root / "ws", agent={
        "llm": "local", "model": str(base), "adapters": {"gen": root / "gen"}, "max_tokens": 16}))
    import torch

    ids = merged._tokenizer("a plate 50 x 40 x 5 mm", return_tensors="pt")
    with torch.no_grad():
        folded = merged._model(**ids).logits
        with_adapter = adapted._model(**ids).logits
        with adapted._model.disable_adapter():
            bare = adapted._model(**ids).logits
    assert torch.allclose(folded, with_adapter, atol=1e-4)  # the merged model is the adapted one
    assert not torch.allclose(folded, bare, atol=1e-3)


def test_the_answer_only_loss_equals_the_models_own_loss(tiny_data):
    """The trainer projects only answer positions onto the vocabulary; its loss must be the model's."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments

    from cadagent.finetune.train import _AnswerLossTrainer, _Collator, tokenize

    root, base, data = tiny_data
    tok = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base)
    rows, _ = tokenize(tok, read_jsonl(data / "train.jsonl")[:5], 512)
    rows[1]["labels"][-3:] = [-100] * 3                 # ragged answers: pads and holes are ignored
    batch = _Collator(tok.pad_token_id or 0)(rows)
    trainer = _AnswerLossTrainer(model=model, args=TrainingArguments(output_dir=str(root / "x"), report_to=[],
                                                                     use_cpu=True))
    with torch.no_grad():
        ours = trainer.compute_loss(model, dict(batch))
        theirs = model(**batch).loss
        # evaluation asks for the outputs too: the same loss, and logits only where answers are
        evaluated, out = trainer.compute_loss(model, dict(batch), return_outputs=True)
    assert abs(float(ours) - float(theirs)) < 1e-4, (float(ours), float(theirs))
    assert abs(float(evaluated) - float(theirs)) < 1e-4
    assert out.logits.shape[1] < batch["input_ids"].shape[1]


def test_a_timed_cosine_schedule_decays_by_the_clock(tiny_data):
    """cosine_time: a run stopped by max_minutes long before max_steps has still decayed its rate."""
    root, base, data = tiny_data
    m = train(_cfg(root, base, data, "timed", epochs=1000, max_steps=100000, max_minutes=0.3,
                   scheduler="cosine_time", eval_steps=100000), progress=False)
    # the last step's rate was set as it began (one step before the clock ran out): well below the peak
    assert 3 < m["global_step"] < 100000 and m["last_lr"] < 0.25 * 5e-3, (m["global_step"], m["last_lr"])
    # the step the clock stopped at is evaluated, so the best-model reload keeps it (no rollback)
    state = json.loads((root / "timed" / "checkpoints" / f"checkpoint-{m['global_step']}" / "trainer_state.json")
                       .read_text())
    assert state["best_model_checkpoint"].endswith(f"checkpoint-{m['global_step']}"), state["best_model_checkpoint"]
    with pytest.raises(ValueError, match="max_minutes"):
        TrainConfig(base="b", data=str(data), out="o", task="gen", scheduler="cosine_time").check()


def test_the_recipe_projection_adds_load_steps_and_evaluations():
    from cadagent.bench.finetune_bench import projection

    cfg = TrainConfig(base="b", data="d", out="o", max_steps=160, eval_steps=40, max_minutes=45)
    p = projection(cfg, [10.0, 9.0, 3.0, 3.0, 3.0, 3.0], 20.0, 5.0)     # warm-up steps left out
    assert p["step_seconds_median"] == 3.0 and p["evaluations"] == 5
    assert p["projected_minutes"] == round((5 + 160 * 3 + 5 * 20) / 60, 1) and p["within_target"]
    slow = projection(cfg, [40.0] * 6, 60.0, 5.0)
    assert not slow["within_target"] and slow["steps_within_limit"] == 67 and slow["stops_at_minutes"] < 47
