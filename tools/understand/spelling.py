"""A word one letter off a word the parsers know ('hoels', 'fillit', 'thiker', 'remvoe', 'chamfr') is read as
that word, and said. Known words: the vocabulary (vocab.yaml), the size keywords (roles.yaml) and the words
edits are made of (spelling.yaml); ordinary words one letter off them (spelling.yaml: protect) stay as they are."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from .roles import role_words
from .vocab import vocab

HERE = Path(__file__).parent
MIN = 5          # shorter words have too many neighbours ('hole' / 'hold' / 'pole') to guess


def _strings(x) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):
        return [s for k, v in x.items() for s in _strings(k) + _strings(v)]
    if isinstance(x, (list, tuple)):
        return [s for v in x for s in _strings(v)]
    return []


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset, dict]:
    data = yaml.safe_load((HERE / "spelling.yaml").read_text(encoding="utf-8"))
    # (the long words people put around an edit too: 'actualy make it 6 holes' is 'actually'; short ones stay out,
    # one letter off them is often another word: 'says' is no 'stays')
    known = {w for s in _strings(vocab()) + _strings(role_words()) + data["known"] +
             [str(w) for w in data["conversation"] if len(str(w)) >= 7] for w in re.findall(r"[a-z]+", str(s).lower())}
    by_len: dict[int, list[str]] = {}
    for w in known:
        if len(w) >= 4:
            by_len.setdefault(len(w), []).append(w)
    return frozenset(known | set(data["protect"])), by_len


@lru_cache(maxsize=1)
def _unbuilt() -> frozenset:
    return frozenset(w for s in vocab().get("unsupported", []) for w in re.findall(r"[a-z]+", str(s).lower()))


def _one_off(a: str, b: str) -> bool:
    """A typing slip turning ``b`` (known) into ``a``: two neighbours swapped, a letter dropped or doubled / added,
    or one vowel for another in a long word ('fillit'), never in the first letter. Other one-letter changes make
    ordinary words ('place' / 'plate', 'level' / 'bevel') and are not taken."""
    if a == b or a[0] != b[0]:
        return False
    la, lb = len(a), len(b)
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
        return len(diff) == 1 and la >= 6 and a[diff[0]] in "aeiou" and b[diff[0]] in "aeiou"
    if abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def correct(text: str) -> tuple[str, list[str]]:
    """``text`` with each unknown word that is one letter off exactly one known word replaced by it, and what
    was read ("'hoels' read as 'holes'")."""
    known, by_len = _words()
    said: list[str] = []

    def fix(m: re.Match) -> str:
        w = m.group(0)
        low = w.lower()
        if len(low) == 4 and low not in known:
            # 'hoel', 'slto': two neighbours swapped in a four-letter word of the vocabulary, never the first letter
            swaps = {low[:i] + low[i + 1] + low[i] + low[i + 2:] for i in range(1, 3)} & set(by_len.get(4, ()))
            if len(swaps) == 1:
                (k,) = swaps
                said.append(f"'{w}' read as '{k}'")
                return k
        if len(low) == 4 and low not in known and low.isalpha() and low not in edit_words():
            # 'hols', 'thck': a letter dropped from a five-letter word of the vocabulary, never the first
            # never into a feature the spec path declines ('sits on top' is no 'slits': Text2CAD prompts were refused)
            drops = {k for k in by_len.get(5, ()) if _one_off(low, k) and k not in _unbuilt()}
            if len(drops) > 1 and len(drops & _shape_words()) == 1:
                drops &= _shape_words()     # 'plat': 'plate' (a shape), not 'plant'
            if len(drops) == 1:
                (k,) = drops
                said.append(f"'{w}' read as '{k}'")
                return k
        if len(low) < MIN or low in known:
            return w
        near = {k for n in (len(low) - 1, len(low), len(low) + 1) for k in by_len.get(n, ())
                if _one_off(low, k) and (not (k.startswith(low) or low.startswith(k)) or k == low + "e")}
        # 'flanged', 'dimension': words, not slips; 'flang', 'counterbor': the silent final e left off
        typos = vocab().get("typos") or {}
        near = {typos.get(k, k) for k in near}        # 'hieght': one off 'height' and the known slip 'hight'
        if len(near) != 1:
            return w
        (k,) = near
        said.append(f"'{w}' read as '{k}'")
        return k

    return re.sub(r"[A-Za-z]+", fix, text), said


@lru_cache(maxsize=1)
def _shape_words() -> frozenset:
    """The one-word names of bodies and features in the vocabulary ('plate', 'block', 'holes')."""
    v = vocab()
    return frozenset(p for group in ("bodies", "features") for ps in (v.get(group) or {}).values() for p in ps
                     if isinstance(p, str) and " " not in p)


@lru_cache(maxsize=1)
def edit_words() -> frozenset:
    """Every word an edit may carry besides its sizes: the known words and the conversation around an edit."""
    data = yaml.safe_load((HERE / "spelling.yaml").read_text(encoding="utf-8"))
    return _words()[0] | frozenset(data.get("conversation", []))


@lru_cache(maxsize=1)
def boss_words() -> tuple[str, ...]:
    """Words for a boss the part has ('the post', 'the peg'), longest first (spelling.yaml: boss_words)."""
    data = yaml.safe_load((HERE / "spelling.yaml").read_text(encoding="utf-8"))
    return tuple(sorted(data.get("boss_words", []), key=len, reverse=True))
