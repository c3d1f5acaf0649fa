"""Short, actionable hints for common CadQuery failures (patterns live in hints.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern, str]]:
    text = resources.files(__package__).joinpath("hints.yaml").read_text(encoding="utf-8")
    return [(re.compile(r["match"], re.IGNORECASE), r["hint"]) for r in yaml.safe_load(text)]


# Patterns are matched against at most this many characters: the scan stays linear in a
# bounded input, so a huge message cannot make a backtracking pattern run for minutes.
SUBJECT_CAP = 512


def hint_for(exception: str | None, message: str) -> str | None:
    subject = f"{(exception or '')[:100]}: {(message or '')[:SUBJECT_CAP]}"
    for pattern, hint in _rules():
        if pattern.search(subject):
            return hint
    return None
