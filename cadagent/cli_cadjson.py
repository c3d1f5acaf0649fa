"""``cadagent cadjson validate|compile|explain|convert``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .cli_common import ConfigOpt, settings_from, write_json_atomic

app = typer.Typer(help="CAD JSON (Text2CAD / CADmium minimal, DeepCAD, Fusion 360 Gallery): "
                       "validate, compile to CadQuery, explain, convert.", no_args_is_help=True)

FileArg = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="a .json file")
UnitsOpt = typer.Option(None, "--units", help="source unit of a DeepCAD / Fusion 360 file "
                        "(default: m for DeepCAD, cm for Fusion 360)")
JsonOpt = typer.Option(False, "--json", help="machine-readable output")


def _load(file: Path, units: Optional[str], as_json: bool):
    from cadagent.tools.cadjson import load_document

    doc, problems, fmt = load_document(file, units)
    errors = [p for p in problems if p.severity == "error"]
    if not as_json:
        for p in problems:
            typer.secho(str(p), fg="red" if p.severity == "error" else "yellow", err=True)
    return doc, problems, fmt, errors


@app.command("validate")
def validate_cmd(file: Path = FileArg, units: Optional[str] = UnitsOpt, as_json: bool = JsonOpt) -> None:
    """Check the schema and the meaning; list every problem. Exit 0 when valid, 1 otherwise."""
    doc, problems, fmt, errors = _load(file, units, as_json)
    if as_json:
        typer.echo(json.dumps({"valid": not errors, "format": fmt, "parts": len(doc.parts) if doc else 0,
                               "problems": [p.to_dict() for p in problems]}, indent=2))
    elif not errors:
        typer.secho(f"valid {fmt} document: {len(doc.parts)} part(s), units {doc.units}"
                    + (f", {len(problems)} warning(s)" if problems else ""), fg="green")
    else:
        typer.secho(f"invalid: {len(errors)} error(s)", fg="red")
    raise typer.Exit(1 if errors else 0)


@app.command("compile")
def compile_cmd(
    file: Path = FileArg,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="output folder (default: ./out/<name>/)"),
    units: Optional[str] = UnitsOpt,
    apply_sketch_scale: bool = typer.Option(False, "--apply-sketch-scale",
                                            help="multiply sketch coordinates by sketch_scale (for "
                                                 "producers whose sketches are not at final size)"),
    run: bool = typer.Option(True, "--run/--no-run", help="run the script in the sandbox and export"),
    as_json: bool = JsonOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Compile to a commented CadQuery script, run it, export STEP/STL/GLB and measure."""
    from cadagent.tools.cadjson import compile_doc

    doc, problems, fmt, errors = _load(file, units, as_json)
    if doc is None:
        if as_json:
            typer.echo(json.dumps({"ok": False, "problems": [p.to_dict() for p in problems]}, indent=2))
        raise typer.Exit(1)
    script = compile_doc(doc, apply_sketch_scale=apply_sketch_scale, title=f"{file.name} ({fmt})")
    stem = file.name.split(".")[0]
    out_dir = out or Path("out") / stem
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{stem}.py").write_text(script, encoding="utf-8")
    if not run:
        try:
            compile(script, str(out_dir / f"{stem}.py"), "exec")
        except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
            typer.secho(f"the compiled script does not parse: {exc}", fg="red", err=True)
            raise typer.Exit(1)
        typer.echo(str(out_dir / f"{stem}.py"))
        raise typer.Exit(0)
    with settings_from(config).sandbox_factory() as sandbox:
        result = sandbox.run_script(script, out_dir, stem=stem)
    report = {**result.to_dict(), "script": str(out_dir / f"{stem}.py"),
              "problems": [p.to_dict() for p in problems]}
    write_json_atomic(out_dir / "report.json", report)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        typer.echo("→ " + ", ".join([str(out_dir / f"{stem}.py"), *map(str, result.artifacts.values())]))
        typer.secho(result.summary(), fg="green" if result.valid_solid else "red")
    raise typer.Exit(0 if result.valid_solid else 1)


@app.command("explain")
def explain_cmd(
    file: Path = FileArg,
    level: str = typer.Option("steps", "--level", help="short | steps"),
    units: Optional[str] = UnitsOpt,
    as_json: bool = JsonOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Explain what the part is, grounded in the solid we build and measure."""
    from cadagent.tools.cadjson import build
    from cadagent.tools.cadjson.explain import explain

    if level not in ("short", "steps"):
        typer.secho("error: --level must be 'short' or 'steps'", fg="red", err=True)
        raise typer.Exit(2)
    doc, problems, fmt, errors = _load(file, units, as_json)
    if doc is None:
        if as_json:
            typer.echo(json.dumps({"ok": False, "problems": [p.to_dict() for p in problems]}, indent=2))
        raise typer.Exit(1)
    with settings_from(config).sandbox_factory() as sandbox:
        _, result = build(doc, sandbox, exports=())
    explanation = explain(doc, result.report if result.ok else None)
    if as_json:
        typer.echo(json.dumps({"ok": result.ok, "format": fmt, **explanation.to_dict(),
                               "error": result.to_dict()["error"]}, indent=2))
    else:
        typer.echo(explanation.text(level))
        if not result.ok:
            typer.secho(f"note: the part could not be built ({result.error}); sizes above come from "
                        "the document only", fg="yellow")
    raise typer.Exit(0 if result.ok else 1)


@app.command("convert")
def convert_cmd(
    file: Path = FileArg,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here (default: print)"),
    units: Optional[str] = UnitsOpt,
) -> None:
    """DeepCAD / Fusion 360 Gallery JSON → minimal CAD JSON in millimetres."""
    from cadagent.tools.cadjson import to_minimal
    from cadagent.tools.cadjson.validate import load_text

    obj, problems = load_text(file.read_bytes())
    minimal = None
    if obj is not None:
        minimal, more = to_minimal(obj, units)
        problems += more
    for p in problems:
        typer.secho(str(p), fg="red" if p.severity == "error" else "yellow", err=True)
    if minimal is None:
        raise typer.Exit(1)
    text = json.dumps(minimal, indent=2)
    if out:
        write_json_atomic(out, minimal)
        typer.echo(f"→ {out} ({len(minimal['parts'])} parts, mm)")
    else:
        typer.echo(text)
