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


@dataset_app.command("spec")
def dataset_spec_cmd(
    out: Path = typer.Option(Path("data/spec"), "--out", "-o", help="folder for train/val/test.jsonl and stats.json"),
    specs: int = typer.Option(1500, "--specs", min=10, help="distinct validated specs to phrase"),
    per_spec: int = typer.Option(3, "--per-spec", min=1, max=6, help="phrasings per spec (templates recombined)"),
    seed: int = typer.Option(0, "--seed"),
    confirmed: bool = typer.Option(True, "--confirmed/--no-confirmed",
                                   help="add the parser's readings that the measurer confirmed (builds each in "
                                   "the sandbox, ~30 s)"),
    confirmed_from: Optional[list[Path]] = typer.Option(None, "--confirmed-from", exists=True,
                                                        help="conversation sets to read them from; repeatable "
                                                        "(default: userset dev, dev2, evals/conversations)"),
    confirmed_repeat: int = typer.Option(3, "--confirmed-repeat", min=1, max=10,
                                         help="copies of each confirmed pair in train (they are few)"),
    repair: int = typer.Option(0, "--repair", min=0, help="retry pairs (request + a refused spec + the part "
                               "rules' problems → the valid spec), made by breaking valid specs the way the "
                               "model does; 8% go to val"),
    text2cad_train: Optional[str] = typer.Option(None, "--text2cad-train", help="Text2CAD samples (e.g. 31-100; "
                                                 "never 1-30, the measured split) whose beginner and intermediate "
                                                 "prompts are paired with the parser's best reading of the sample "
                                                 "when it builds to IoU ≥ --text2cad-min-iou"),
    text2cad_dir: Path = typer.Option(Path("../shared/benchmarks/text2cad_random100"), "--text2cad-dir"),
    text2cad_min_iou: float = typer.Option(0.7, "--text2cad-min-iou", min=0.0, max=1.0),
    text2cad_repeat: int = typer.Option(4, "--text2cad-repeat", min=1, max=20,
                                        help="copies of each Text2CAD pair in train (every 20th sample's go to val)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """(request → part spec) pairs for the local model's spec task: sampled specs, validated by the
    part rules, phrased by the templates in finetune/spec_phrases.yaml, plus the parser's readings of
    the dev conversation sets that built to the sizes and volume each turn expects. test.jsonl is the
    hand-written held-out split (phrasings no template makes), for measuring only."""
    from cadagent.finetune.spec_confirmed import DEFAULT_SOURCES, confirmed_pairs
    from cadagent.finetune.spec_data import write_spec_dataset

    rows, skipped = [], None
    if confirmed:
        settings = settings_from(config)
        try:
            with settings.sandbox_factory() as sandbox:
                got = confirmed_pairs([str(s) for s in confirmed_from or DEFAULT_SOURCES], sandbox)
        except ValueError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
        rows, skipped = got.rows, got.skipped
        typer.echo(f"confirmed parser pairs: {len(rows)}; skipped {skipped}")
    t2c = []
    if text2cad_train:
        from cadagent.finetune.spec_text2cad import parse_range, text2cad_pairs

        try:
            indices = parse_range(text2cad_train)
            with settings_from(config).sandbox_factory() as sandbox:
                got_t2c = text2cad_pairs(text2cad_dir, indices, sandbox, min_iou=text2cad_min_iou)
        except ValueError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
        t2c = got_t2c.rows
        typer.echo(f"Text2CAD pairs: {len(t2c)} from {len({r['sample'] for r in t2c})} samples; "
                   f"skipped {got_t2c.skipped}")
    stats = write_spec_dataset(out, specs, per_spec, seed, confirmed=rows, confirmed_repeat=confirmed_repeat,
                               confirmed_skipped=skipped, repair=repair, text2cad=t2c, text2cad_repeat=text2cad_repeat)
    typer.echo(json.dumps(stats["splits"]) + f"; {stats['rejected_specs']} sampled specs refused by the rules")
    typer.echo(f"→ {out}/train.jsonl, val.jsonl, test.jsonl, stats.json")


@dataset_app.command("cadjson")
def dataset_cadjson_cmd(
    out: Path = typer.Option(Path("data/cadjson"), "--out", "-o", help="folder for train/val.jsonl and stats.json"),
    documents: int = typer.Option(400, "--documents", min=10, help="generated CAD JSON documents to write out as steps"),
    seed: int = typer.Option(0, "--seed"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """(construction steps → CAD JSON) pairs for the cadjson adapter only: each document's steps read
    back to the same document, and it builds a valid solid (~70 s for 400 here)."""
    from cadagent.finetune.cadjson_text import write_cadjson_dataset

    settings = settings_from(config)
    with settings.sandbox_factory() as sandbox:
        stats = write_cadjson_dataset(out, sandbox, documents, seed)
    typer.echo(json.dumps(stats["splits"]) + f"; rejected {stats['rejected']}")
    typer.echo(f"→ {out}/train.jsonl, val.jsonl, stats.json")


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
    base: Optional[str] = typer.Option(None, "--base", help="base model: gemma3-270m (the [local-model] extra; "
                                       "cached in the workspace on first use), a local folder, or a hub id"),
    data: Optional[Path] = typer.Option(None, "--data", help="dataset folder from `cadagent dataset build`"),
    task: Optional[str] = typer.Option(None, "--task", help="gen (code), explain (CAD JSON explanations), "
                                       "spec (part specs) or cadjson (instructions → CAD JSON)"),
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
    workspace: Optional[Path] = typer.Option(None, "--workspace", help="where a known base is cached "
                                             "(default: the config's workspace)"),
    init_adapter: Optional[Path] = typer.Option(None, "--init-adapter", exists=True, file_okay=False,
                                                help="start from this adapter's weights (fresh optimizer "
                                                "and schedule): continue training on new data"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Train a LoRA adapter (transformers + peft) on one task of a dataset; loss on answers only.
    A rerun with the same --out resumes from the last checkpoint."""
    from cadagent.finetune.train import TrainConfig, train

    overrides = {"base": base, "data": str(data) if data else None, "task": task, "out": str(out) if out else None,
                 "epochs": epochs, "lr": lr, "r": r, "alpha": alpha, "batch_size": batch_size,
                 "grad_accum": grad_accum, "max_len": max_len, "max_steps": max_steps, "max_minutes": max_minutes,
                 "eval_steps": eval_steps, "qlora": qlora, "seed": seed,
                 "init_adapter": str(init_adapter) if init_adapter else None,
                 "workspace": str(workspace or settings_from(config).workspace)}
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


local_app = typer.Typer(help="The local model as a part-spec writer (Gemma 3 270M + LoRA adapters).",
                        no_args_is_help=True)


@local_app.command("status")
def local_status_cmd(config: Optional[Path] = ConfigOpt) -> None:
    """Whether the known bases are installed and cached."""
    from cadagent.agent.local_model.base import BASES, status

    settings = settings_from(config)
    for name in BASES:
        typer.echo(f"{name}: {status(name, settings.workspace)['detail']}")


def _writer(base: str, adapter: Optional[Path], settings, n_tokens: int, temperature: float):
    from cadagent.agent.local_llm import LocalChatModel
    from cadagent.agent.local_model.base import resolve
    from cadagent.agent.local_model.writer import SpecWriter

    folder = resolve(base, settings.workspace, progress=lambda m: typer.echo(f"  · {m}"))
    llm = LocalChatModel(model_path=str(folder), adapters={"spec": str(adapter)} if adapter else {},
                         device=settings.agent.device, temperature=0)
    return SpecWriter(llm, max_new_tokens=n_tokens, temperature=temperature)


@local_app.command("spec")
def local_spec_cmd(
    request: str = typer.Argument(..., help="what to make, in words"),
    base: str = typer.Option("gemma3-270m", "--base"),
    adapter: Optional[Path] = typer.Option(None, "--adapter", exists=True, file_okay=False,
                                           help="the spec adapter (`cadagent finetune --task spec`)"),
    n: int = typer.Option(4, "-n", min=1, max=16, help="candidates (1 greedy, the rest sampled)"),
    parser: bool = typer.Option(True, "--parser/--no-parser", help="rank the parser's readings with them"),
    build: bool = typer.Option(False, "--build", help="compile and measure each candidate in the sandbox"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Write N spec candidates under the schema constraint, rank them (with the parser's) by the checks,
    print the winner and why."""
    from cadagent.agent.local_model.rank import rank

    settings = settings_from(config)
    writer = _writer(base, adapter, settings, 160, 0.7)
    gen = writer.candidates(request, n=n)
    pairs = [(c.source, c.spec) for c in gen.candidates]
    for c in gen.rejected:                 # refused by the rules; the retry wrote the ones below instead
        typer.echo(f"{c.source} (rejected): {c.text}  ✗ {c.problems[0] if c.problems else '?'}")
    for c in gen.candidates:
        typer.echo(f"{c.source}: {c.text}" + (f"  ✗ {c.problems[0]}" if c.problems else ""))
    if parser:
        from cadagent.tools.understand import understand

        pairs += [("parser", c.spec) for c in understand(request).candidates[:1]]
    sandbox = settings.sandbox_factory() if build else None
    try:
        builder = None
        if sandbox is not None:
            from cadagent.tools.part.pipeline import build as build_part

            def builder(spec):
                return build_part(spec, sandbox, exports=())
        ranking = rank(request, pairs, build=builder, prefer=("parser",))
    finally:
        if sandbox is not None:
            sandbox.close()
    typer.echo(f"{gen.tokens} tokens in {gen.seconds:.1f} s ({gen.tokens_per_second:.1f} tokens/s, constrained)")
    typer.secho(ranking.reason, fg="green" if ranking.winner else "red")
    if ranking.winner:
        typer.echo(json.dumps(ranking.winner.spec))


@local_app.command("eval")
def local_eval_cmd(
    base: str = typer.Option("gemma3-270m", "--base"),
    adapter: Optional[Path] = typer.Option(None, "--adapter", exists=True, file_okay=False),
    n: int = typer.Option(4, "-n", min=1, max=16),
    limit: Optional[int] = typer.Option(None, "--limit", help="only the first N requests"),
    start: int = typer.Option(1, "--start", min=1, help="begin at the Nth request (1 = the first); --limit counts from it"),
    text2cad: Optional[str] = typer.Option(None, "--text2cad", help="instead of the held-out split: the Text2CAD "
                                           "prompts at this level (beginner, intermediate, ...), scored by IoU ≥ 0.5"),
    text2cad_dir: Path = typer.Option(Path("../shared/benchmarks/text2cad_random100"), "--text2cad-dir"),
    model: bool = typer.Option(True, "--model/--parser-only", help="--parser-only: measure the parser alone"),
    candidates: Optional[list[Path]] = typer.Option(None, "--candidates", exists=True,
                                                    help="re-rank the model candidates an earlier run wrote (its "
                                                    "rows.jsonl or folder; repeatable) instead of loading the "
                                                    "model; the parser reads again"),
    out: Path = typer.Option(Path("reports/local-model"), "--out", "-o"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Measure the model greedy and best-of-N, the parser, and the ensemble: on the hand-written
    held-out split (exact specs), or on Text2CAD prompts (built, IoU against the ground truth)."""
    from cadagent.finetune.spec_data import heldout
    from cadagent.finetune.spec_eval import CachedWriter, evaluate, evaluate_text2cad

    settings = settings_from(config)
    cached = None
    if candidates:
        try:
            cached = CachedWriter.load(*candidates)
        except (OSError, ValueError, KeyError) as exc:
            raise typer.BadParameter(f"--candidates {candidates}: {exc}") from exc
    if text2cad:
        from cadagent.evals.conversations import ConversationError, text2cad_suite

        try:
            convs = text2cad_suite(text2cad_dir, text2cad)[start - 1:][:limit]
        except (ConversationError, OSError) as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
        writer = (cached or _writer(base, adapter, settings, 160, 0.7)) if model else None
        with settings.sandbox_factory() as sandbox:
            res = evaluate_text2cad(writer, convs, n=n, sandbox=sandbox, echo=typer.echo, out=out)
    else:
        if not model:
            raise typer.BadParameter("--parser-only needs --text2cad (the held-out run scores the parser anyway)")
        rows = heldout()[start - 1:][:limit]
        res = evaluate(cached or _writer(base, adapter, settings, 160, 0.7), rows, n=n, echo=typer.echo, out=out)
    typer.echo(json.dumps(res["summary"], indent=1))


@local_app.command("serve-files")
def local_serve_files_cmd(
    adapter: list[str] = typer.Option(..., "--adapter", help="name=folder of a trained adapter; repeatable "
                                      "(Ollama's Modelfile takes the first)"),
    out: Path = typer.Option(Path("serving"), "--out", "-o", help="folder for Modelfile, vllm.sh, the schema"),
    base: str = typer.Option("gemma3-270m", "--base"),
    gguf: Optional[Path] = typer.Option(None, "--gguf", help="the base as GGUF (default: assembled from the "
                                        "[local-model] packages into --out)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Generate an Ollama Modelfile and a vLLM command line for the base and its adapters, and check
    their format (neither server runs here)."""
    from cadagent.agent.local_model.serve import ServeError, check_modelfile, check_vllm, serve_files

    settings = settings_from(config)
    adapters = {}
    for item in adapter:
        name, eq, folder = item.partition("=")
        if not eq or not name or not folder:
            raise typer.BadParameter(f"--adapter {item!r}: expected name=folder (e.g. spec=adapters/spec)")
        adapters[name] = Path(folder)
    try:
        files = serve_files(out, adapters, workspace=settings.workspace, base=base, gguf=gguf)
        items = check_modelfile(files.modelfile)
        vllm = check_vllm(files.vllm)
    except ServeError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"Modelfile: {len(items)} instructions ({', '.join(sorted({d for d, _ in items}))}), FROM {files.gguf}")
    typer.echo(f"vllm.sh: {vllm['model']} with LoRA modules {', '.join(vllm['modules'])} "
               f"(max rank {vllm['max_lora_rank']})")
    typer.echo(f"→ {out}/Modelfile, vllm.sh, spec.schema.json, SERVING.md (generated and checked; not run here)")
