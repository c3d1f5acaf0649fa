"""Requests rewritten before the model: lengths in inches, cm or m become mm, number words become
digits, and the rare words in ``vocabulary.yaml`` become the ones the training phrasings use. The
unit the user spoke in is kept (the spec records it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from cadagent.agent.plan import UNIT_MM, WORD_NUM

_NUM = r"(?<![\w.])(\d+(?:\.\d+)?|\.\d+)"
# a bare "in" is the preposition, not inches, when a noun phrase follows ("22 in the middle", "12 in
# from the sides", "10 in each corner"), or a dimension named after it (Text2CAD's "0.09 in height")
_IN = (r"in(?![a-z])(?!\s+(?:the|a|an|each|every|all|both|its|their|this|that|these|those|from|of|on|at|to|"
       r"between|diameter|dia|radius|size|total|length|width|height|thickness|depth)\b)")
_UNIT = rf"\s*(mm|cm|m(?![a-z0-9])|met(?:er|re)s?|centimet(?:er|re)s?|inch(?:es)?|{_IN}|\"|'')"
_CHAIN = re.compile(rf"{_NUM}(\s*(?:x|by|×)\s*{_NUM})(\s*(?:x|by|×)\s*{_NUM})?{_UNIT}", re.I)
_ONE = re.compile(rf"{_NUM}{_UNIT}", re.I)
_DIGITS = "zero one two three four five six seven eight nine".split()
_D = r"(?:\d|" + "|".join(_DIGITS) + r")(?![\w.])"
_PART = {"tent": 10, "hund": 100, "thou": 1000}
_PARTS = re.compile(r"(?<![\w.])(\d+)[- ](tenths?|hundredths?|thousandths?)\b(\s+of\s+an?\s+unit)?", re.I)
_SPOKEN = re.compile(rf"(?<![\w.])({_D})\s+point((?:\s+{_D})+)", re.I)


def _digit(w: str) -> str:
    return w if w.isdigit() else str(_DIGITS.index(w.lower()))


@dataclass
class Normalized:
    text: str
    units: str          # mm | cm | m | in: the unit the request spoke in (mm when none)


@lru_cache(maxsize=1)
def vocabulary() -> list[tuple[re.Pattern, str]]:
    rows = yaml.safe_load(resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8"))
    return [(re.compile(a, re.I), b) for a, b in rows]


def _fmt(v: float) -> str:
    r = round(v, 2)
    return str(int(r)) if r == int(r) else f"{r:g}"


def _factor(unit: str) -> float:
    u = unit.lower().strip()
    if u in ("''", '"'):
        return 25.4
    return UNIT_MM.get(u, UNIT_MM.get(u.rstrip("s"), UNIT_MM.get(u.replace("es", ""), 1.0)))


def _unit_name(f: float) -> str:
    return {25.4: "in", 10.0: "cm", 1000.0: "m"}.get(f, "mm")


def normalize(request: str) -> Normalized:
    text = " ".join(request.split())
    # decimals spelt digit by digit ("zero point zero 7 8 5 units", as Text2CAD writes them) → 0.0785
    text = _SPOKEN.sub(lambda m: _digit(m.group(1)) + "." + "".join(map(_digit, m.group(2).split())), text)
    for word, n in sorted(WORD_NUM.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"\b{word}\b", str(n), text, flags=re.I)
    # fractions in words ("4-tenths of a unit", "5 hundredths of a unit", as Text2CAD writes them) → 0.4 units
    text = _PARTS.sub(lambda m: f"{int(m.group(1)) / _PART[m.group(2).lower()[:4]]:g}"
                      + (" units" if m.group(3) else ""), text)
    text = re.sub(r"(?<![\w.])(\d+)\s*/\s*(\d+)(?![\w.])",
                  lambda m: _fmt(int(m.group(1)) / int(m.group(2))) if int(m.group(2)) else m.group(0), text)
    for pattern, repl in vocabulary():
        text = pattern.sub(repl, text)
    spoken = set()

    def chain(m: re.Match) -> str:
        f = _factor(m.group(6))
        spoken.add(f)
        nums = [m.group(1), m.group(3)] + ([m.group(5)] if m.group(5) else [])
        return " x ".join(_fmt(float(v) * f) for v in nums) + " mm"

    def one(m: re.Match) -> str:
        f = _factor(m.group(2))
        spoken.add(f)
        return f"{_fmt(float(m.group(1)) * f)} mm"

    text = _CHAIN.sub(chain, text)
    text = _ONE.sub(one, text)
    text = re.sub(r"\bmm mm\b", "mm", text)
    units = _unit_name(max(spoken, key=lambda f: f != 1.0)) if spoken else "mm"
    return Normalized(text=text, units=units)
