"""``cadagent part build|check|schema|to-cadjson``: part specs (tools/part) from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .cli_common import ConfigOpt, settings_from, write_json_atomic

app = typer.Typer(help="Part specs: a base body and features, compiled to CadQuery, built, measured and "
                       "checked feature by feature.", no_args_is_help=True)

SpecArg = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="a part spec (.json)")
JsonOpt = typer.Option(False, "--json", help="machine-readable output")


def _load(file: Path, as_json: bool):
    from cadagent.tools.part import load

    spec, problems = load(file.read_bytes())
    if spec is None:
        if as_json:
            typer.echo(json.dumps({"ok": False, "problems": [p.to_dict() for p in problems]}, indent=2))
        else:
            for p in problems:
                typer.secho(str(p), fg="red", err=True)
            typer.secho(f"invalid spec: {len(problems)} problem(s)", fg="red", err=True)
        raise typer.Exit(1)
    return spec


def _measurements(m: dict) -> list[str]:
    lines = [f"bbox {' x '.join(f'{s:g}' for s in m['size'])} mm, volume {m['volume']:.1f} mm³, "
             + ", ".join(f"{v} {k}" for k, v in m["faces"].items() if v and k != "total") + " faces"]
    for h in m["hole_counts"]:
        kind = "through" if h["through"] else "blind"
        extra = ", counterbored" if h["cbore"] else ", countersunk" if h["csink"] else ""
        lines.append(f"{h['count']} hole(s) Ø{h['diameter']:g} {kind}{extra}")
    lines += [f"fillet R{f['radius']:g} ({f['faces']} faces)" for f in m["fillets"]]
    lines += [f"chamfer {c['size']:g} ({c['faces']} faces)" for c in m["chamfers"]]
    if m.get("min_wall"):
        lines.append(f"thinnest wall about {m['min_wall']['value']:g} mm")
    return lines


@app.command("build")
def build_cmd(
    file: Path = SpecArg,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="output folder (default: ./out/<name>/)"),
    as_json: bool = JsonOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Validate, compile to a CadQuery script, build, export STEP/STL/GLB, measure every feature and check
    it against the spec. Exit 0 only when the part is what the spec asks for."""
    from cadagent.tools.part import build

    spec = _load(file, as_json)
    stem = file.name.split(".")[0]
    out_dir = out or Path("out") / stem
    out_dir.mkdir(parents=True, exist_ok=True)
    with settings_from(config).sandbox_factory() as sandbox:
        part = build(spec, sandbox, out_dir, stem=stem)
    (out_dir / f"{stem}.py").write_text(part.script, encoding="utf-8")
    report = {**part.to_dict(), "script": str(out_dir / f"{stem}.py")}
    write_json_atomic(out_dir / "report.json", report)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        files = [str(out_dir / f"{stem}.py"), *(str(p) for p in (part.result.artifacts if part.result else {}).values())]
        typer.echo("→ " + ", ".join(files + [str(out_dir / "report.json")]))
        for line in _measurements(part.measured) if part.measured else []:
            typer.echo("  " + line)
        typer.secho(part.summary(), fg="green" if part.ok else "red")
    raise typer.Exit(0 if part.ok else 1)


@app.command("check")
def check_cmd(
    file: Path = SpecArg,
    part: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="a .step or .brep file"),
    as_json: bool = JsonOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Measure a STEP / BREP file (made by anyone) and check it against the spec, feature by feature."""
    from cadagent.tools.part import check, expectations, measure_file

    spec = _load(file, as_json)
    with settings_from(config).sandbox_factory() as sandbox:
        try:
            measured = measure_file(sandbox, part)
        except RuntimeError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(1) from exc
    problems = check(expectations(spec), measured)
    if as_json:
        typer.echo(json.dumps({"ok": not problems, "measured": measured,
                               "problems": [p.to_dict() for p in problems]}, indent=2))
    else:
        for line in _measurements(measured):
            typer.echo("  " + line)
        for p in problems:
            typer.secho(f"✗ {p.what}: {p.message}", fg="red")
        typer.secho("check ok: the part is what the spec asks for" if not problems
                    else f"{len(problems)} difference(s)", fg="green" if not problems else "red")
    raise typer.Exit(0 if not problems else 1)


@app.command("schema")
def schema_cmd(out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here (default: print)")) -> None:
    """The part spec's JSON Schema (draft 2020-12, versioned)."""
    from cadagent.tools.part import part_schema

    schema = part_schema()
    if out:
        write_json_atomic(out, schema)
        typer.echo(f"→ {out}")
    else:
        typer.echo(json.dumps(schema, indent=2))


@app.command("to-cadjson")
def to_cadjson_cmd(
    file: Path = SpecArg,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here (default: print)"),
) -> None:
    """A spec made only of sketches and extrusions → minimal CAD JSON (see `cadagent cadjson`)."""
    from cadagent.tools.part.to_cadjson import NotSketchable, to_cadjson

    spec = _load(file, False)
    try:
        doc = to_cadjson(spec)
    except NotSketchable as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    if out:
        write_json_atomic(out, doc)
        typer.echo(f"→ {out} ({len(doc['parts'])} parts, mm)")
    else:
        typer.echo(json.dumps(doc, indent=2))
