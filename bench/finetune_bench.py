"""Offline proof that the fine-tuning pipeline moves a model (a benchmark, not a test).

No real base model can be downloaded here, so: build a tiny Llama-style model offline (a BPE
tokenizer trained on the dataset, a small config), measure it through the ``local`` provider on the
eval runner with in-distribution requests (the dataset's held-out test split), train a ``gen`` LoRA
adapter on CPU for a bounded time, measure again with the adapter. Reports the loss curves and the
valid-syntax / runs / pass rates before and after, side by side.
"""

from __future__ import annotations

import json
import time
from pathlib import Path


def in_distribution_conversations(data: Path, n: int):
    """Single-turn conversations from the test split's gen records: the request, its measured size."""
    from cadagent.evals.conversations import Conversation
    from cadagent.finetune.dataset import read_jsonl

    rows = [r for r in read_jsonl(Path(data) / "test.jsonl") if r.get("task") == "gen" and r.get("source") == "kb"]
    rows = rows[:: max(1, len(rows) // n)][:n]
    return [Conversation(id=f"indist-{i:02d}-{r['meta']['example']}", category=r["family"], path=str(data),
                         base_dir=str(data), turns=[{"user": r["meta"]["request"],
                                                     "expect": {"ok": True, "bbox": r["meta"]["size"]}}])
            for i, r in enumerate(rows)]


def _measure(label, convs, settings, out: Path, echo) -> dict:
    from cadagent.evals.metrics import by_backend
    from cadagent.evals.runner import Backend, run_eval

    t0 = time.perf_counter()
    results = run_eval(convs, [Backend("local", "local", settings.agent.model)], out, settings, workers=1,
                       turn_timeout=600, resume=False)
    m = by_backend(results)["local"]["overall"]
    echo(f"{label:>7}: valid syntax {m['valid_syntax_rate']:.0%}, runs {m['exec_after_retries']:.0%}, "
         f"turns passed {m['turn_pass_rate']:.0%} of {m['turns']} ({time.perf_counter() - t0:.0f} s)")
    return m


def run_benchmark(settings, echo=print, data: Path | None = None, out: Path = Path("reports/finetune-bench"),
                  minutes: float = 15.0, turns: int = 20, max_new_tokens: int = 700) -> dict:
    from cadagent.bench.tiny_model import build_tiny_llama
    from cadagent.finetune.dataset import build_dataset, read_jsonl
    from cadagent.finetune.train import TrainConfig, train

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(data) if data else out / "data"
    if not (data / "train.jsonl").is_file():
        echo(f"building the dataset in {data} …")
        build_dataset(data, settings, seed=0)
    rows = read_jsonl(data / "train.jsonl")
    texts = [m["content"] for r in rows for m in r["messages"]]
    base = build_tiny_llama(out / "tiny-base", texts, vocab_size=2000, hidden=128, layers=4, heads=4)
    convs = in_distribution_conversations(data, turns)
    common = {"max_attempts": 1, "max_tokens": max_new_tokens, "temperature": 0.0, "model": str(base), "llm": "local"}
    before = _measure("before", convs, settings.with_agent(**common, adapters={}), out / "eval-before", echo)
    cfg = TrainConfig(base=str(base), data=str(data), out=str(out / "adapter-gen"), task="gen", r=32, alpha=64,
                      lr=3e-3, epochs=50, batch_size=4, grad_accum=1, max_len=1536, eval_steps=100,
                      early_stopping=0, max_minutes=minutes, logging_steps=10, modules_to_save=["embed_tokens"])
    echo(f"training the gen adapter for at most {minutes:g} min on CPU …")
    metrics = train(cfg, progress=False)
    echo(f"  {metrics['global_step']} steps in {metrics['seconds']:.0f} s: train loss "
         f"{metrics['loss_curve'][0]['loss']:.2f} → {metrics['loss_curve'][-1]['loss']:.2f}, eval loss "
         + " → ".join(f"{p['eval_loss']:.2f}" for p in metrics["eval_curve"]))
    after = _measure("after", convs, settings.with_agent(**common, adapters={"gen": Path(cfg.out)}),
                     out / "eval-after", echo)
    summary = {"before": before, "after": after, "training": {k: metrics[k] for k in (
        "global_step", "seconds", "train_records", "val_records", "loss_curve", "eval_curve", "trainable_parameters")},
        "turns": len(convs), "minutes": minutes}
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    echo(f"→ {out}/summary.json")
    return summary
