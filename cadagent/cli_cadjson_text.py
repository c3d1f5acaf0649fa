"""``cadagent cadjson from-text FILE|-``: sketch-and-extrude instructions → minimal CAD JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_common import write_json_atomic


def from_text_cmd(
    source: str = typer.Argument(..., help="a text file of instructions, or - to read standard input"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write the CAD JSON here (default: print it)"),
    units: Optional[str] = typer.Option(None, "--units", help="units of the document (default: from the text, "
                                        "else unitless)"),
    as_json: bool = typer.Option(False, "--json", help="print {ok, document, unused, problems} instead"),
) -> None:
    """Read construction steps (coordinate system, sketch faces and loops, scale, extrusion,
    operation; prose or a step list) and write the CAD JSON they describe. Every statement that
    was not used is listed on stderr with its sentence. Exit 0 when the document is valid, 1 when
    it is not (it is still written, with its problems), 2 when the input cannot be read."""
    from cadagent.tools.cadjson.instructions import parse_instructions

    if units is not None and units not in ("mm", "cm", "m", "in", "unitless"):
        typer.secho(f"error: --units {units!r}: expected mm, cm, m, in or unitless", fg="red", err=True)
        raise typer.Exit(2)
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        typer.secho(f"error: cannot read {source}: {getattr(exc, 'strerror', None) or exc}; give a UTF-8 text "
                    "file or - for standard input", fg="red", err=True)
        raise typer.Exit(2) from exc
    result = parse_instructions(text, units=units)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
        raise typer.Exit(0 if result.ok else 1)
    for u in result.unused:
        typer.secho(f"not used: {u}", fg="yellow", err=True)
    for p in result.problems:
        typer.secho(str(p), fg="red" if p.severity == "error" else "yellow", err=True)
    if result.document is not None:
        if out:
            write_json_atomic(out, result.document)
            typer.echo(f"→ {out} ({len(result.document['parts'])} part(s), {result.statements} statements, "
                       f"{len(result.unused)} not used)")
        else:
            typer.echo(json.dumps(result.document, indent=2))
    if not result.ok:
        typer.secho("the instructions do not give a valid CAD JSON document (problems above)", fg="red", err=True)
    raise typer.Exit(0 if result.ok else 1)
