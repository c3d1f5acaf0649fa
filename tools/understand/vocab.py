"""The vocabulary (``vocab.yaml``) loaded once, with phrase lookups longest first."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def vocab() -> dict:
    return yaml.safe_load((HERE / "vocab.yaml").read_text())


@lru_cache(maxsize=None)
def phrase_table(section: str) -> tuple[re.Pattern, dict]:
    """(a regex matching any phrase of the section, phrase → name)."""
    table = {p: name for name, phrases in vocab()[section].items() for p in phrases}
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])"), table


def find(section: str, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, name) of every phrase of ``section`` in ``text``."""
    pat, table = phrase_table(section)
    return [(m.start(), m.end(), m.group(1), table[m.group(1)]) for m in pat.finditer(text)]


def default(name: str) -> float:
    return float(vocab()["defaults"][name])
