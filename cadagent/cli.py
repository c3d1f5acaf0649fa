"""The ``cadagent`` command line. Thin: parse flags, build settings, call the tools, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_agent import chat_cmd, llm_app, run_cmd, ui_cmd
from .cli_cadjson import app as cadjson_app
from .cli_part import app as part_app
from .cli_cadjson_text import from_text_cmd
from .cli_eval import eval_cmd
from .cli_finetune import dataset_app, finetune_cmd, local_app, merge_cmd
from .cli_kb import app as kb_app
from .cli_common import ConfigOpt, settings_from, write_json_atomic

app = typer.Typer(help="CadAgent: design, check and measure CadQuery parts.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_show_locals=False,
                  context_settings={"help_option_names": ["-h", "--help"]})


@app.command("exec")
def exec_cmd(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                help="CadQuery script; the final part must be in `result`"),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="output folder (default: ./out/<script name>/)"),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.1,
                                            help="wall-clock limit in seconds (default 30)"),
    as_json: bool = typer.Option(False, "--json", help="print the full result as JSON"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Run a CadQuery script in the sandbox; write STEP, STL, GLB and report.json.

    Exit code 0 only when the result is a valid solid; 1 otherwise."""
    settings = settings_from(config, timeout_s=timeout)
    source = file.read_text(encoding="utf-8", errors="replace")
    out_dir = out or Path("out") / file.stem
    out_dir.mkdir(parents=True, exist_ok=True)
    with settings.sandbox_factory() as sandbox:
        result = sandbox.run_script(source, out_dir, stem=file.stem)
    report = result.to_dict()
    write_json_atomic(out_dir / "report.json", report)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        files = [str(p) for p in result.artifacts.values()] + [str(out_dir / "report.json")]
        if result.ok:
            typer.echo("→ " + ", ".join(files))
        if result.stdout:
            typer.echo("script output:\n" + result.stdout.rstrip())
        color = "green" if result.valid_solid else "red"
        typer.secho(result.summary(), fg=color)
        typer.echo(f"total {result.elapsed_ms / 1000:.2f} s (includes starting the sandbox)")
    raise typer.Exit(0 if result.valid_solid else 1)


@app.command("iou")
def iou_cmd(
    a: Path = typer.Argument(..., exists=True, dir_okay=False, help=".py, .step or .brep"),
    b: Path = typer.Argument(..., exists=True, dir_okay=False, help=".py, .step or .brep"),
    best: bool = typer.Option(False, "--best",
                              help="center both parts and take the best of 24 axis rotations (--align rotate)"),
    align: Optional[str] = typer.Option(None, "--align",
                                        help="none (in place, the default), translate (bbox centers "
                                             "together) or rotate (also the best of 24 axis rotations)"),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.1),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Volumetric IoU (intersection / union) of two parts, with how it was measured and its error."""
    align = align or ("rotate" if best else "none")
    if align not in ("none", "translate", "rotate"):
        typer.secho(f"--align: expected none, translate or rotate, not {align!r}", fg="red", err=True)
        raise typer.Exit(2)
    settings = settings_from(config, timeout_s=timeout)
    with settings.sandbox_factory() as sandbox:
        paths = []
        for p in (a, b):
            if p.suffix == ".py":
                res = sandbox.run_script(p.read_text(encoding="utf-8"), exports=())
                if not res.ok:
                    typer.secho(f"{p}: {res.error}", fg="red", err=True)
                    raise typer.Exit(1)
                paths.append(str(res.shape_file))
            else:
                paths.append(str(p.resolve()))
        answer = sandbox.call("best_iou", {"a": paths[0], "b": paths[1], "align": align})
    if not answer["ok"]:
        err = answer["error"]
        typer.secho(f"IoU failed: {err['type']}: {err['message']}", fg="red", err=True)
        raise typer.Exit(1)
    v = answer["value"]
    typer.echo(f"IoU {v['iou']:.6f} ± {v['error']:.2g}  ({v['method']}, align {v['align']}; intersection "
               f"{v['intersection']:.3f} mm³, volumes {v['volume_a']:.3f} / {v['volume_b']:.3f} mm³, "
               f"{v['booleans']} overlap(s))")


@app.command("doctor")
def doctor_cmd(config: Optional[Path] = ConfigOpt) -> None:
    """Say which sandbox protections this machine offers, check that a job runs, and say which backend each
    store uses (SQLite or Postgres, a Chroma folder or server, the files folder) and whether it is reachable."""
    import platform

    from cadagent.tools.sandbox.doctor import report as sandbox_report

    settings = settings_from(config)
    typer.echo(f"python {platform.python_version()} on {platform.system()} {platform.release()}")
    with settings.sandbox_factory() as sandbox:
        res = sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10)\n",
                                 exports=())
    if not res.ok:
        typer.secho(f"sandbox job failed: {res.error}", fg="red")
        raise typer.Exit(1)
    typer.echo(f"sandbox job: ok in {res.elapsed_ms:.0f} ms (first job includes the worker start)")
    typer.echo("active protections:")
    for p in ["static screen (RestrictedPython + import/name/attribute rules)", *res.protections]:
        typer.echo(f"  - {p}")
    for line in sandbox_report(res.protections, settings.sandbox.disk_mb):
        typer.echo(line)
    from cadagent.agent.pruning import disk_report

    typer.echo(disk_report(settings.workspace, settings.storage))
    from cadagent.agent.backends import checks

    from cadagent.agent.local_model.base import BASES
    from cadagent.agent.local_model.base import status as base_status

    for name in BASES:
        typer.echo(f"local model {name}: {base_status(name, settings.workspace)['detail']}")
    typer.echo("stores:")
    found = checks(settings)
    for check in found:
        typer.secho(check.line(), fg=None if check.ok else "red")
    if not all(c.ok for c in found):
        raise typer.Exit(1)


bench_app = typer.Typer(help="Benchmarks: side-by-side comparisons, printed as ratios and medians.",
                        no_args_is_help=True)


@bench_app.command("sandbox")
def bench_sandbox_cmd(
    repeats: int = typer.Option(7, "--repeats", "-n", min=1, help="runs per script and mode"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Sandbox vs in-process vs cold subprocess on five parts; IoU of two gears."""
    from cadagent.bench.sandbox_bench import run_benchmark

    run_benchmark(settings_from(config), repeats=repeats, echo=typer.echo)


@bench_app.command("part")
def bench_part_cmd(
    repeats: int = typer.Option(9, "--repeats", "-n", min=1, help="runs per measurement"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Part specs: compile time beside the sandbox run; the feature measurer on a ~200-face part."""
    from cadagent.bench.part_bench import run_benchmark

    run_benchmark(settings_from(config), repeats=repeats, echo=typer.echo)


@bench_app.command("cadjson")
def bench_cadjson_cmd(
    directory: Optional[Path] = typer.Argument(None, help="folder of DeepCAD .json files with "
                                               "properties.bounding_box (default: "
                                               "../shared/benchmarks/text2cad_random100/deepcad_cad_json)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Validate + compile + execute + measure every sample; accuracy against the ground truth."""
    from cadagent.bench.cadjson_bench import run_benchmark

    try:
        run_benchmark(settings_from(config), directory, echo=typer.echo)
    except FileNotFoundError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc


@bench_app.command("text2cad")
def bench_text2cad_cmd(
    folder: Optional[Path] = typer.Argument(None, help="the Text2CAD samples (prompts.jsonl + deepcad_cad_json/; "
                                            "default ../shared/benchmarks/text2cad_random100)"),
    level: str = typer.Option("expert", "--level", help="prompt field: expert or nli_data"),
    symmetric: str = typer.Option("split", "--symmetric", help="reference symmetric extrusions: split (over "
                                  "both sides, as the Text2CAD prompts read them) or each (the distance "
                                  "on each side, as the DeepCAD files' boxes show)"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="only the first N samples"),
    out: Path = typer.Option(Path("reports/text2cad-bench"), "--out", "-o"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Instructions → CAD JSON: parse speed, valid solids, IoU and chamfer distance (held-out split apart)."""
    from cadagent.bench.text2cad_bench import run_benchmark

    if level not in ("expert", "nli_data") or symmetric not in ("each", "split"):
        typer.secho("error: --level is expert or nli_data; --symmetric is split or each", fg="red", err=True)
        raise typer.Exit(2)
    try:
        run_benchmark(settings_from(config), folder, level=level, symmetric=symmetric, limit=limit, out=out,
                      echo=typer.echo)
    except FileNotFoundError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc


@bench_app.command("kb")
def bench_kb_cmd() -> None:
    """Knowledge base: build vs no-change rebuild, warm query latency per retrieval mode."""
    from cadagent.bench.kb_bench import run_benchmark

    run_benchmark(echo=typer.echo)


@bench_app.command("agent")
def bench_agent_cmd(config: Optional[Path] = ConfigOpt) -> None:
    """A full offline agent turn: total and per node; the agent's own overhead."""
    from cadagent.bench.agent_bench import run_benchmark

    run_benchmark(settings_from(config), echo=typer.echo)


@bench_app.command("ui")
def bench_ui_cmd(
    turns: int = typer.Option(4, "--turns", "-n", min=1, help="turns each session sends, one after another"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """The UI server under 1, 4 and 8 concurrent sessions: p50 / p95 turn latency side by side."""
    from cadagent.bench.ui_bench import run_benchmark

    run_benchmark(settings_from(config), echo=typer.echo, turns=turns)


@bench_app.command("server")
def bench_server_cmd(
    sessions: int = typer.Option(8, "--sessions", min=1, help="concurrent sessions"),
    turns: int = typer.Option(4, "--turns", "-n", min=1, help="turns each session sends, one after another"),
    processes: int = typer.Option(2, "--processes", min=1, help="UI processes in server mode"),
    rounds: int = typer.Option(2, "--rounds", min=1, help="rounds, alternating which setup goes first"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Concurrent sessions on one embedded UI process vs spread over UI processes that share a Postgres,
    a Chroma server and a files folder (started here, thrown away after): p50 / p95 side by side."""
    from cadagent.bench.server_bench import run_benchmark

    try:
        run_benchmark(settings_from(config), echo=typer.echo, sessions=sessions, turns=turns, processes=processes,
                      rounds=rounds)
    except RuntimeError as exc:  # a server that cannot be had here (Unavailable), a UI process that failed
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc


@bench_app.command("eval")
def bench_eval_cmd(
    limit: int = typer.Option(16, "--limit", min=1, help="conversations (a seeded sample of evals/conversations)"),
    workers: Optional[int] = typer.Option(None, "--workers", min=2, help="parallel workers (default: cores, max 4)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Eval throughput on the offline engine: serial vs parallel, side by side (turns per minute)."""
    from cadagent.bench.eval_bench import run_benchmark

    run_benchmark(settings_from(config), echo=typer.echo, limit=limit, workers=workers)


@bench_app.command("finetune")
def bench_finetune_cmd(
    minutes: float = typer.Option(15.0, "--minutes", min=0.1, help="training time limit (CPU)"),
    turns: int = typer.Option(20, "--turns", min=1, help="in-distribution requests measured before and after"),
    data: Optional[Path] = typer.Option(None, "--data", help="dataset folder (default: build one in --out)"),
    out: Path = typer.Option(Path("reports/finetune-bench"), "--out", "-o"),
    recipe: Optional[Path] = typer.Option(None, "--recipe", exists=True, dir_okay=False,
                                          help="project this recipe's time here instead (e.g. "
                                          "finetune/recipes/gemma3-270m-spec.toml)"),
    steps: int = typer.Option(6, "--steps", min=2, help="with --recipe: training steps to measure"),
    from_run: Optional[Path] = typer.Option(None, "--from-run", exists=True, file_okay=False,
                                            help="with --recipe: project from a finished run's adapter folder"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Offline proof: a tiny model built here, measured through the local provider before and after
    training a gen adapter on CPU (loss curves, valid syntax, runs, pass rate side by side). With
    --recipe: the recipe's projected wall time on this machine, from measured steps (target ≤ 45 min)."""
    from cadagent.bench.finetune_bench import run_benchmark, run_recipe_projection

    if recipe is not None:
        run_recipe_projection(settings_from(config), recipe, steps=steps, out=out, from_run=from_run, echo=typer.echo)
        return
    run_benchmark(settings_from(config), echo=typer.echo, data=data, out=out, minutes=minutes, turns=turns)


@bench_app.command("decode")
def bench_decode_cmd(
    adapter: Optional[Path] = typer.Option(None, "--adapter", exists=True, file_okay=False,
                                           help="the spec adapter (none: the bare base, with worked examples)"),
    base: str = typer.Option("gemma3-270m", "--base"),
    requests: int = typer.Option(6, "--requests", min=1, help="held-out requests, each decoded both ways"),
    out: Path = typer.Option(Path("reports/decode-bench"), "--out", "-o"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """The local spec model's tokens/s with and without the schema constraint, side by side (a ratio)."""
    from cadagent.agent.local_llm import LocalChatModel
    from cadagent.agent.local_model.base import resolve
    from cadagent.agent.local_model.writer import SpecWriter
    from cadagent.bench.decode_bench import run_benchmark
    from cadagent.finetune.spec_data import heldout

    settings = settings_from(config)
    llm = LocalChatModel(model_path=str(resolve(base, settings.workspace)), temperature=0,
                         adapters={"spec": str(adapter)} if adapter else {}, device=settings.agent.device)
    run_benchmark(lambda constrained: SpecWriter(llm, max_new_tokens=160, constrained=constrained),
                  [r["request"] for r in heldout()[:requests]], echo=typer.echo, out=out)


app.add_typer(bench_app, name="bench")
app.command("chat")(chat_cmd)
app.command("run")(run_cmd)
app.command("ui")(ui_cmd)
app.command("eval")(eval_cmd)
app.command("finetune")(finetune_cmd)
app.command("merge")(merge_cmd)
app.add_typer(dataset_app, name="dataset")
app.add_typer(local_app, name="local")
app.add_typer(llm_app, name="llm")
cadjson_app.command("from-text")(from_text_cmd)
app.add_typer(cadjson_app, name="cadjson")
app.add_typer(part_app, name="part")
app.add_typer(kb_app, name="kb")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
