"""The local spec model end to end on a tiny Llama built offline: `cadagent dataset spec`'s pairs,
a short LoRA run on the ``spec`` task (the loss falls, the adapter's metadata says what it was
trained on; resuming an interrupted run is tested for every task in tests/test_finetune.py), the adapter loaded in the local
provider beside a second one and switched per call, and schema-constrained decoding: every
candidate the tiny model writes under the constraint is valid JSON of the spec target's schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

pytest.importorskip("peft")
pytest.importorskip("lmformatenforcer")

from cadagent.agent.local_llm import LocalChatModel  # noqa: E402
from cadagent.agent.local_model.schemas import spec_schema  # noqa: E402
from cadagent.agent.local_model.writer import SpecWriter  # noqa: E402
from cadagent.bench.tiny_model import build_tiny_llama, make_adapter  # noqa: E402
from cadagent.finetune.spec_data import write_spec_dataset  # noqa: E402
from cadagent.finetune.train import TrainConfig, read_meta, train  # noqa: E402


def _without(node, keys):
    if isinstance(node, dict):
        return {k: _without(v, keys) for k, v in node.items() if k not in keys}
    return [_without(v, keys) for v in node] if isinstance(node, list) else node


def _numbers(obj):
    if isinstance(obj, dict):
        return [n for v in obj.values() for n in _numbers(v)]
    if isinstance(obj, list):
        return [n for v in obj for n in _numbers(v)]
    return [obj] if isinstance(obj, (int, float)) and not isinstance(obj, bool) else []


@pytest.fixture(scope="module")
def tiny_spec(tmp_path_factory):
    root = tmp_path_factory.mktemp("tinyspec")
    stats = write_spec_dataset(root / "data", n_specs=24, per_spec=1, seed=0)
    rows = [json.loads(line) for line in (root / "data" / "train.jsonl").read_text().splitlines()]
    corpus = [m["content"] for r in rows for m in r["messages"]]
    base = build_tiny_llama(root / "base", corpus, vocab_size=400, hidden=64, layers=2)
    cfg = TrainConfig(base=str(base), data=str(root / "data"), out=str(root / "spec"), task="spec", r=8, alpha=16,
                      lr=5e-3, batch_size=8, grad_accum=1, max_steps=12, logging_steps=1, eval_steps=6,
                      early_stopping=0, bf16="off", modules_to_save=["embed_tokens"])
    metrics = train(cfg, progress=False)
    return {"root": root, "base": base, "stats": stats, "metrics": metrics, "cfg": cfg}


def test_a_short_spec_run_lowers_the_loss_and_records_what_it_learnt_from(tiny_spec):
    m, root = tiny_spec["metrics"], tiny_spec["root"]
    curve = [p["loss"] for p in m["loss_curve"]]
    assert m["global_step"] == 12 and curve[-1] < curve[0] - 0.5, curve
    meta = read_meta(root / "spec")
    assert meta["task"] == "spec" and meta["schema_version"] == "1.0"
    assert len(meta["base_sha256"]) == 64 and len(meta["dataset_sha256"]) == 64
    assert meta["metrics"]["train_records"] == tiny_spec["stats"]["splits"]["train"]
    # the same data gives the same hash; other data another
    from cadagent.finetune.train import dataset_sha256

    assert dataset_sha256(root / "data", "spec") == meta["dataset_sha256"] != dataset_sha256(root / "data", "gen")


def test_constrained_candidates_are_schema_valid_and_adapters_switch(tiny_spec):
    root = tiny_spec["root"]
    other = make_adapter(tiny_spec["base"], root / "cadjson", seed=3)
    llm = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(root / "spec"),
                                                                      "cadjson": str(other)}, temperature=0)
    assert llm.loaded_adapters == ["spec", "cadjson"]
    writer = SpecWriter(llm, max_new_tokens=400, temperature=0.3)
    structure = _without(spec_schema(), ("exclusiveMinimum", "minimum"))
    outputs = 0
    for i, req in enumerate(["a 40 x 30 x 5 plate", "block 60 x 20 x 10 with a 5 mm hole in the middle"]):
        gen = writer.candidates(req, n=2, seed=i)
        for c in gen.candidates:
            outputs += 1
            if not c.text.endswith("}"):
                # an untrained model can list features until the token budget runs out: that candidate is cut,
                # said so and never valid (it loses the ranking; the writer retries when none is valid)
                assert c.tokens >= 400 and not c.valid and "cut at max_new_tokens" in c.problems[0], c.text
                continue
            obj = json.loads(c.text, strict=False)   # complete JSON, by construction
            # the structure is the schema's; a value's lower bound (> 0) is checked after, by validation
            errors = list(jsonschema.Draft202012Validator(structure).iter_errors(obj))
            assert not errors, (c.text, errors[0].message)
            assert all(abs(v) < 100_000 for v in _numbers(obj)), c.text     # the digit cap holds
    assert outputs in (4, 8)          # 2 requests x 2 candidates (x 2 when no candidate was valid: the retry)
    free = SpecWriter(llm, max_new_tokens=40, constrained=False).generate(
        [{"role": "user", "content": "a 40 x 30 x 5 plate"}], 1)
    assert free.candidates and not free.constrained
    # the spec writer ran on the spec adapter, and the chat path still switches to the other one
    reply = llm.invoke("hello", config={"metadata": {"cadagent_adapter": "cadjson"}})
    assert llm.calls[-1]["adapter"] == "cadjson" and isinstance(reply.content, str)
    assert llm._model.active_adapter == "cadjson"


def test_two_adapters_switch_per_turn_and_back(tiny_spec):
    """Turns alternate spec → cadjson → spec on one loaded base: each turn runs its own adapter (the
    answers differ) and coming back to spec gives spec's answer again (nothing leaks between turns)."""
    root = tiny_spec["root"]
    other = make_adapter(tiny_spec["base"], root / "cadjson2", seed=5, r=8)
    llm = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(root / "spec"),
                                                                      "cadjson": str(other)},
                         temperature=0, max_new_tokens=12)
    ask = lambda name: llm.invoke("a 40 x 30 x 5 plate", config={"metadata": {"cadagent_adapter": name}}).content  # noqa: E731
    first, second, third, bare = ask("spec"), ask("cadjson"), ask("spec"), ask("none")
    assert [c["adapter"] for c in llm.calls[-4:]] == ["spec", "cadjson", "spec", "base"]
    assert first == third and first != second and len({first, second, bare}) == 3, (first, second, bare)


def test_the_cadjson_writer_runs_on_its_adapter_and_spec_turns_switch_back(tiny_spec):
    """An instruction turn on the local model writes CAD JSON on the ``cadjson`` adapter (under its
    schema); the next spec turn runs on ``spec`` again, with the same candidates as before it."""
    root = tiny_spec["root"]
    other = make_adapter(tiny_spec["base"], root / "cadjson3", seed=7, r=8)
    llm = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(root / "spec"),
                                                                      "cadjson": str(other)}, temperature=0)
    spec = SpecWriter(llm, max_new_tokens=30)
    before = spec.generate([{"role": "user", "content": "a 40 x 30 x 5 plate"}], 1).candidates[0].text
    assert llm._model.active_adapter == "spec"
    writer = llm.cadjson_writer
    writer.max_new_tokens = 20
    doc = writer.write("Create a new coordinate system. Draw a circle of radius 5. Extrude it 2.")
    assert llm._model.active_adapter == "cadjson" and doc.tries == 1
    assert doc.document is None and doc.problems              # 20 tokens: cut, said, never a document
    after = spec.generate([{"role": "user", "content": "a 40 x 30 x 5 plate"}], 1).candidates[0].text
    assert llm._model.active_adapter == "spec" and after == before
    # no cadjson adapter: no writer (the chat path answers)
    alone = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(root / "spec")})
    assert alone.cadjson_writer is None and llm.cadjson_writer is writer


def _tiny_gguf(path):
    """An empty but well-formed GGUF file (magic, version 3, no tensors, no metadata)."""
    import struct

    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 0))
    return path


def test_serving_files_are_generated_and_checked(tiny_spec, tmp_path):
    from cadagent.agent.local_model.base import NOTICE
    from cadagent.agent.local_model.serve import (ServeError, check_modelfile, check_vllm, parse_modelfile,
                                                  serve_files)

    root = tiny_spec["root"]
    ws = tmp_path / "ws"
    (ws / "models" / "gemma3-270m").mkdir(parents=True)
    (ws / "models" / "gemma3-270m" / "config.json").write_text("{}")
    gguf = _tiny_gguf(tmp_path / "base.gguf")
    other = make_adapter(tiny_spec["base"], tmp_path / "cadjson", seed=2, r=32)
    files = serve_files(tmp_path / "serve", {"spec": root / "spec", "cadjson": other}, workspace=ws, gguf=gguf)
    items = check_modelfile(files.modelfile)
    got = {d: a for d, a in items if d != "PARAMETER"}
    assert got["FROM"] == str(gguf.resolve()) and got["ADAPTER"] == str((root / "spec").resolve())
    assert "### User:\n{{ .Prompt }}" in got["TEMPLATE"] and NOTICE in got["LICENSE"]
    assert ("PARAMETER", "temperature 0") in items
    v = check_vllm(files.vllm)
    assert v["modules"] == {"spec": 8, "cadjson": 32} and v["max_lora_rank"] == 32     # the larger r rounds up
    assert json.loads(files.schema.read_text())["properties"]["body"]
    # the checks refuse what a server would refuse
    bad = tmp_path / "Modelfile"
    bad.write_text(files.modelfile.read_text().replace("PARAMETER temperature 0", "PARAMETER temprature 0"))
    with pytest.raises(ServeError, match="temprature"):
        check_modelfile(bad)
    bad.write_text(files.modelfile.read_text().replace(f"FROM {gguf.resolve()}", f"FROM {root / 'spec'}"))
    with pytest.raises(ServeError, match="not a GGUF"):
        check_modelfile(bad)
    with pytest.raises(ServeError, match="never closes"):
        parse_modelfile('FROM x\nTEMPLATE """open\n')
    sh = tmp_path / "v.sh"
    sh.write_text(files.vllm.read_text().replace("--max-lora-rank 32", "--max-lora-rank 16"))
    with pytest.raises(ServeError, match="max-lora-rank 16"):
        check_vllm(sh)
    sh.write_text(files.vllm.read_text().replace("--enable-lora ", ""))
    with pytest.raises(ServeError, match="enable-lora"):
        check_vllm(sh)
    with pytest.raises(ServeError, match="not a GGUF"):
        serve_files(tmp_path / "s2", {"spec": root / "spec"}, workspace=ws, gguf=root / "spec" / "adapter_config.json")


def test_the_decode_bench_measures_both_ways_on_one_model(tiny_spec, tmp_path):
    from cadagent.bench.decode_bench import run_benchmark

    llm = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(tiny_spec["root"] / "spec")},
                         temperature=0)
    s = run_benchmark(lambda c: SpecWriter(llm, max_new_tokens=400 if c else 60, constrained=c),
                      ["a 40 x 30 x 5 plate", "cylinder 20 mm diameter, 30 tall"], echo=lambda m: None, out=tmp_path)
    assert s["requests"] == 2 and s["constrained"]["tokens"] > 0 and s["free"]["tokens"] > 0
    assert s["ratio_constrained_to_free"] == round(s["constrained"]["tokens_per_second"] /
                                                   s["free"]["tokens_per_second"], 3)
    rows = json.loads((tmp_path / "decode.json").read_text())["rows"]
    assert [r["mode"] for r in rows] == ["constrained", "free", "free", "constrained"]   # alternated
    # under the constraint every output is a JSON object, even from a 2-layer model
    assert all(r["json"] for r in rows if r["mode"] == "constrained")


def test_the_vocabulary_subset_changes_no_constrained_choice(tiny_spec):
    """Projecting only the tokens the closed schema can ever use gives the same candidates, greedy and
    sampled, as projecting the whole vocabulary (the enforcer would mask the rest anyway)."""
    from cadagent.agent.local_model.constrain import _schema_words, vocabulary_subset

    llm = LocalChatModel(model_path=str(tiny_spec["base"]), adapters={"spec": str(tiny_spec["root"] / "spec")},
                         temperature=0)
    ids = vocabulary_subset(llm._tokenizer, spec_schema())
    assert 0 < ids.numel() < len(llm._tokenizer) and llm._tokenizer.eos_token_id in ids.tolist()
    head = llm._model.get_output_embeddings()
    for req in ["a 40 x 30 x 5 plate", "cylinder 20 mm diameter, 30 tall with a 5 mm hole in the middle"]:
        fast, full = (SpecWriter(llm, max_new_tokens=120, temperature=0.8, restrict_vocab=r).candidates(req, n=3, seed=7)
                      for r in (True, False))
        assert [c.text for c in fast.candidates] == [c.text for c in full.candidates]
    assert llm._model.get_output_embeddings() is head          # the projection is restored after each call
    assert _schema_words({"type": "object", "properties": {"name": {"type": "string"}}}) is None  # free text: no subset
