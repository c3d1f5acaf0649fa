"""``cadagent dataset build|stats``, ``cadagent finetune`` and ``cadagent merge``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .cli_common import ConfigOpt, settings_from

dataset_app = typer.Typer(help="Fine-tuning datasets from verified generations.", no_args_is_help=True)


@dataset_app.command("build")
def dataset_build_cmd(
    out: Path = typer.Option(Path("data"), "--out", "-o", help="folder for train/val/test.jsonl and stats.json"),
    seed: int = typer.Option(0, "--seed", help="phrasings, units, sweeps and splits follow this seed"),
    per_example: int = typer.Option(6, "--per-example", min=1, max=8, help="parameter sweeps per KB example"),
    cadjson: int = typer.Option(140, "--cadjson", min=0, help="generated CAD JSON documents (explain task)"),
    cadjson_file: Optional[list[Path]] = typer.Option(None, "--cadjson-file", exists=True, dir_okay=False,
                                                      help="your own CAD JSON files to explain; repeatable"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Build (prompt → code) and (CAD JSON → explanation) pairs, each verified by running it, plus
    thumbs-up answers and saved designs from the workspace; split by group without leakage."""
    from cadagent.finetune.dataset import DataError, build_dataset

    settings = settings_from(config)
    try:
        stats = build_dataset(out, settings, seed=seed, per_example=per_example, cadjson=cadjson,
                              cadjson_files=cadjson_file or [], progress=lambda m: typer.echo(f"  · {m}"))
    except DataError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    _print_stats(stats)
    typer.echo(f"→ {out}/train.jsonl, val.jsonl, test.jsonl, stats.json")


@dataset_app.command("stats")
def dataset_stats_cmd(folder: Path = typer.Argument(..., exists=True, file_okay=False)) -> None:
    """Counts per split, task, source and family; lengths; the verification rate of the build."""
    from cadagent.finetune.dataset import DataError, dataset_stats

    try:
        stats = dataset_stats(folder)
    except DataError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    built = folder / "stats.json"
    if built.is_file():
        stats["verification"] = json.loads(built.read_text()).get("verification")
    _print_stats(stats)


def _print_stats(stats: dict) -> None:
    for split, s in stats["splits"].items():
        typer.echo(f"{split:>5}: {s['records']} records in {s['groups']} groups, tasks {s['by_task']}, "
                   f"sources {s['by_source']}, median {s['chars_median']} chars")
    v = stats.get("verification")
    if v:
        typer.echo(f"verified {v['kept']} of {v['kept'] + v['rejected']} candidates ({v['rate']:.1%}); "
                   f"rejected: {dict(v['rejected_by_reason'])}")


def finetune_cmd(
    base: Optional[str] = typer.Option(None, "--base", help="base model: a local folder (or a hub id where "
                                       "downloads work)"),
    data: Optional[Path] = typer.Option(None, "--data", help="dataset folder from `cadagent dataset build`"),
    task: Optional[str] = typer.Option(None, "--task", help="gen (code) or explain (CAD JSON explanations)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="adapter folder (checkpoints inside; rerun resumes)"),
    train_config: Optional[Path] = typer.Option(None, "--train-config", exists=True, dir_okay=False,
                                                help="TOML with [finetune] keys (see configs/)"),
    epochs: Optional[float] = typer.Option(None, "--epochs"),
    lr: Optional[float] = typer.Option(None, "--lr"),
    r: Optional[int] = typer.Option(None, "--r", help="LoRA rank"),
    alpha: Optional[int] = typer.Option(None, "--alpha", help="LoRA alpha"),
    batch_size: Optional[int] = typer.Option(None, "--batch-size"),
    grad_accum: Optional[int] = typer.Option(None, "--grad-accum"),
    max_len: Optional[int] = typer.Option(None, "--max-len", help="longest record in tokens (longer are dropped)"),
    max_steps: Optional[int] = typer.Option(None, "--max-steps"),
    max_minutes: Optional[float] = typer.Option(None, "--max-minutes", help="stop and save after this long"),
    eval_steps: Optional[int] = typer.Option(None, "--eval-steps", help="evaluate every N steps (default: each epoch)"),
    qlora: Optional[str] = typer.Option(None, "--qlora", help="auto (CUDA + bitsandbytes) | on | off"),
    seed: Optional[int] = typer.Option(None, "--seed"),
) -> None:
    """Train a LoRA adapter (transformers + peft) on one task of a dataset; loss on answers only."""
    from cadagent.finetune.train import TrainConfig, train

    overrides = {"base": base, "data": str(data) if data else None, "task": task, "out": str(out) if out else None,
                 "epochs": epochs, "lr": lr, "r": r, "alpha": alpha, "batch_size": batch_size,
                 "grad_accum": grad_accum, "max_len": max_len, "max_steps": max_steps, "max_minutes": max_minutes,
                 "eval_steps": eval_steps, "qlora": qlora, "seed": seed}
    try:
        cfg = (TrainConfig.from_file(train_config, **overrides) if train_config else
               TrainConfig(**{k: v for k, v in overrides.items() if v is not None}))
        metrics = train(cfg)
    except ValueError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.secho(f"adapter → {cfg.out} ({metrics['global_step']} steps in {metrics['seconds']:.0f} s on "
                f"{metrics['device']}; train loss {metrics['train_loss']:.3f}, eval loss "
                f"{metrics['eval_loss'] if metrics['eval_loss'] is None else round(metrics['eval_loss'], 3)})",
                fg="green")


def merge_cmd(
    base: str = typer.Option(..., "--base", help="the base model the adapter was trained on"),
    adapter: Path = typer.Option(..., "--adapter", exists=True, file_okay=False),
    out: Path = typer.Option(..., "--out", "-o", help="folder for the merged model"),
) -> None:
    """Fold an adapter into its base model (a plain transformers folder, e.g. for `vllm serve`)."""
    from cadagent.finetune.train import merge

    typer.echo(f"merged → {merge(base, str(adapter), str(out))}")
