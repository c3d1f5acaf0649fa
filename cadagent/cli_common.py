"""Helpers shared by the command modules."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from .config import load_settings


def settings_from(config: Optional[Path], workspace: Optional[Path] = None, **sandbox):
    sandbox = {k: v for k, v in sandbox.items() if v is not None}
    try:
        return load_settings(config, workspace=workspace, **({"sandbox": sandbox} if sandbox else {}))
    except (FileNotFoundError, ValueError) as exc:
        typer.secho(f"error: bad settings: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc


ConfigOpt = typer.Option(None, "--config", help="TOML settings file (default: ./cadagent.toml)")


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
