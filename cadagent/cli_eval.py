"""``cadagent eval``: scripted conversations against one or more backends → results and reports."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Optional

import typer

from .cli_agent import AdapterOpt, BaseUrlOpt, ModelOpt, provider_settings
from .cli_common import ConfigOpt


def eval_cmd(
    sources: list[Path] = typer.Argument(..., help="conversation YAML files or folders (e.g. evals/conversations/), "
                                         "or the text2cad benchmark folder (holds prompts.jsonl)"),
    llm: Optional[list[str]] = typer.Option(None, "--llm", help="backend(s) to compare: offline, gemini, "
                                            "openai:MODEL, local:FOLDER; repeatable (default: offline)"),
    out: Path = typer.Option(Path("reports/eval"), "--out", "-o", help="results.jsonl, report.md, report.html"),
    filter: Optional[str] = typer.Option(None, "--filter", help="only conversations whose id contains this"),
    category: Optional[str] = typer.Option(None, "--category", help="only this category"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="a seeded random sample of this many"),
    seed: int = typer.Option(0, "--seed", help="seed for --limit"),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="parallel conversations "
                                          "(default: the number of cores, at most 4)"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="run on Dask workers: local:N starts N on "
                                          "this machine, tcp://HOST:8786 uses a running scheduler "
                                          "(needs the [server] extra)"),
    timeout: float = typer.Option(300.0, "--timeout", min=1, help="seconds per turn before it counts as failed"),
    fresh: bool = typer.Option(False, "--fresh", help="start over instead of resuming what results.jsonl holds"),
    level: str = typer.Option("beginner", "--text2cad-level", help="text2cad prompt level: abstract, beginner, "
                              "intermediate, expert"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    adapter: Optional[list[str]] = AdapterOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Run eval conversations, check every turn, write results.jsonl (resumable), report.md and
    report.html (backends side by side, per category, plots, failures). Exit 1 if any check failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from cadagent.evals.cluster import ClusterError, parse_cluster
    from cadagent.evals.conversations import ConversationError, load_all, select
    from cadagent.evals.report import write_reports
    from cadagent.evals.runner import Backend, run_eval

    try:
        convs = select(load_all(sources, text2cad_level=level), filter=filter, category=category,
                       limit=limit, seed=seed)
        backends = [Backend.parse(s) for s in (llm or ["offline"])]
    except (ConversationError, ValueError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    if not convs:
        typer.secho("error: no conversation matches --filter / --category", fg="red", err=True)
        raise typer.Exit(2)
    if cluster:
        try:
            kind, target = parse_cluster(cluster)
        except ClusterError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
        workers = target if kind == "local" else workers
    settings = provider_settings(config, None, model, base_url, adapter)  # NAME:MODEL in --llm wins
    workers = workers or min(4, os.cpu_count() or 1)
    n_turns = sum(len(c.turns) for c in convs)
    where = f"Dask cluster {cluster}" if cluster else f"{workers} worker(s)"
    typer.echo(f"{len(convs)} conversations, {n_turns} turns × {len(backends)} backend(s) "
               f"({', '.join(b.name for b in backends)}), {where} → {out}/")
    t0 = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=False) as bar:
        task = bar.add_task("conversations", total=None)

        def on_result(done: int, total: int, result: dict) -> None:
            mark = "✓" if result.get("passed") else "✗"
            bar.update(task, completed=done, total=total,
                       description=f"{mark} {result['backend']} · {result['id'][:40]:<40}")

        try:
            results = run_eval(convs, backends, out, settings, workers=workers, turn_timeout=timeout,
                               resume=not fresh, on_result=on_result, cluster=cluster)
        except ClusterError as exc:   # no Dask here, or the scheduler cannot be reached
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
    seconds = time.perf_counter() - t0
    ran_turns = sum(len(r.get("turns", [])) for r in results)
    meta = {"backends": ", ".join(b.name for b in backends), "conversations": len(convs),
            "turns per backend": n_turns, "workers": workers, "wall time": f"{seconds:.0f} s",
            "sources": ", ".join(str(s) for s in sources)}
    from cadagent.evals.metrics import by_backend

    metrics = by_backend(results)
    paths = write_reports(results, out, "CadAgent eval", meta, metrics)
    for name, m in metrics.items():
        o = m["overall"]
        typer.echo(f"{name}: turns passed {o['turn_pass_rate']:.1%} of {o['turns']}, conversations "
                   f"{o['conversation_pass_rate']:.1%} of {o['conversations']}, latency p50 "
                   f"{o['latency_p50_s'] or 0:.2f} s")
    typer.echo(f"{ran_turns} turns recorded → {paths['md']}, {paths['html']}, {out / 'results.jsonl'}")
    if not all(r.get("passed") for r in results):
        raise typer.Exit(1)
