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


# -- the default recipe's duration, projected from measured steps ------------------------------------
TARGET_MINUTES = 45.0


def projection(cfg, step_seconds: list[float], eval_seconds: float | None, load_seconds: float) -> dict:
    """A recipe's wall time from measured steps: load + max_steps x the median step (the first two,
    warm-up, left out when there are more) + one evaluation per eval_steps and a final one."""
    import statistics

    steady = step_seconds[2:] if len(step_seconds) > 4 else step_seconds
    step = statistics.median(steady)
    evals = (cfg.max_steps // cfg.eval_steps if cfg.eval_steps else 1) + 1 if eval_seconds else 0
    total = load_seconds + cfg.max_steps * step + evals * (eval_seconds or 0.0)
    capped = min(total, cfg.max_minutes * 60 + (eval_seconds or 0.0) + load_seconds) if cfg.max_minutes else total
    return {"max_steps": cfg.max_steps, "step_seconds_median": round(step, 2), "measured_steps": len(step_seconds),
            "evaluations": evals, "eval_seconds": eval_seconds, "load_seconds": load_seconds,
            "projected_minutes": round(total / 60, 1), "max_minutes": cfg.max_minutes,
            "stops_at_minutes": round(capped / 60, 1), "steps_within_limit": min(cfg.max_steps, int(
                ((cfg.max_minutes or 1e9) * 60) // step)), "within_target": total / 60 <= TARGET_MINUTES}


def run_recipe_projection(settings, recipe: Path, *, steps: int = 6, out: Path = Path("reports/finetune-bench"),
                          from_run: Path | None = None, echo=print) -> dict:
    """Project the recipe's time on this machine: from ``steps`` measured training steps on its base and
    data (a scratch adapter in ``out``), or from a finished run's metrics (``from_run``: its adapter)."""
    from cadagent.finetune.train import TrainConfig, train

    cfg = TrainConfig.from_file(Path(recipe), workspace=str(settings.workspace))
    if from_run is not None:
        m = json.loads((Path(from_run) / "metrics.json").read_text(encoding="utf-8"))
        if m.get("step_seconds"):
            secs, ev, load = m["step_seconds"], m.get("eval_seconds"), m.get("load_seconds") or 0.0
        else:        # an older run: its average step
            secs, ev, load = [m["seconds"] / max(1, m["global_step"])], None, 0.0
        source = f"the run in {from_run} ({m['global_step']} steps, {m['seconds'] / 60:.1f} min)"
    else:
        data = Path(cfg.data)
        if not (data / "train.jsonl").is_file() and cfg.task == "spec":
            from cadagent.finetune.spec_data import write_spec_dataset

            data = Path(out) / "data-spec"
            write_spec_dataset(data)
        scratch = TrainConfig.from_file(Path(recipe), workspace=str(settings.workspace), data=str(data),
                                        out=str(Path(out) / "recipe-steps"), max_steps=steps, eval_steps=steps)
        import shutil

        shutil.rmtree(scratch.out, ignore_errors=True)
        echo(f"measuring {steps} steps of {recipe} …")
        m = train(scratch, progress=False)
        secs, ev, load = m["step_seconds"], m["eval_seconds"], m["load_seconds"]
        source = f"{len(secs)} steps measured now"
    p = projection(cfg, secs, ev, load)
    p["source"] = source
    echo(f"{recipe}: {p['max_steps']} steps x {p['step_seconds_median']} s + {p['evaluations']} evaluations x "
         f"{p['eval_seconds']} s + load {p['load_seconds']} s = {p['projected_minutes']} min projected "
         f"(target ≤ {TARGET_MINUTES:g}: {'yes' if p['within_target'] else 'NO'}); max_minutes "
         f"{p['max_minutes']} stops it at {p['stops_at_minutes']} min after ~{p['steps_within_limit']} steps "
         f"[{source}]")
    Path(out).mkdir(parents=True, exist_ok=True)
    (Path(out) / "recipe-projection.json").write_text(json.dumps(p, indent=1), encoding="utf-8")
    return p
