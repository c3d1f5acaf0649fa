"""JSON Lines files read with errors that name the file and the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def iter_jsonl(path: Path, error: type[Exception] = ValueError) -> Iterator[tuple[int, object]]:
    """(line number, value) for each non-blank line; a line that is not JSON raises ``error``
    saying ``path:line: not JSON (...)``."""
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{path}:{n}: not JSON ({exc.msg} at column {exc.colno}); fix or delete that line") from exc
