"""Text side of the instruction parser: number words to digits, statements, numbers and points.

Every statement keeps its original wording (for the report of what was not used) beside the
normalised text the parser reads: lower case, digits for number words ("negative ninety" → -90,
"zero point seven five" → 0.75), markdown marks removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUM = r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?"
NUM_RE = re.compile(rf"(?<![\w.]){NUM}(?![\w.]*\d)")
POINT_RE = re.compile(rf"[(\[]\s*({NUM})\s*,\s*({NUM})\s*[)\]]")
BARE_POINT_RE = re.compile(rf"(?<![\w.])({NUM})\s*,\s*({NUM})(?![\w.]*\d)(?!\s*,\s*{NUM})")
TRIPLE_RE = re.compile(rf"({NUM})\s*(?:°|degrees?)?\s*,\s*(?:and\s+)?({NUM})\s*(?:°|degrees?)?\s*,?\s*(?:and\s+)?({NUM})")

_ONES = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_WORD = "|".join(sorted([*_ONES, *_TENS, "hundred", "thousand"], key=len, reverse=True))
_SEQ = re.compile(rf"\b(?:(?:negative|minus)\s+)?(?:{_WORD})\b(?:(?:\s+|-)(?:(?:{_WORD}|point|and)\b))*(?![-\w])",
                  re.I)
_KEEP_AFTER = {"unit", "units", "degree", "degrees", "to", "and", "by", "along", "in", "towards", "mm", "millimeters",
               "millimetres", "for", "with", "on", "then", "back", "where", "which"}


def _seq_value(words: list[str]) -> str | None:
    sign = ""
    if words and words[0] in ("negative", "minus"):
        sign, words = "-", words[1:]
    whole, seen, decimals, after_point = 0, False, "", False
    for w in words:
        if w == "point":
            if after_point:
                return None
            after_point = True
        elif w == "and":
            continue
        elif after_point:
            if w in _ONES and _ONES[w] < 10:
                decimals += str(_ONES[w])
            elif w in _ONES or w in _TENS:
                decimals += str(_ONES.get(w, _TENS.get(w)))
            else:
                return None
        elif w in _ONES:
            whole += _ONES[w]
            seen = True
        elif w in _TENS:
            whole += _TENS[w]
            seen = True
        elif w == "hundred":
            whole = max(whole, 1) * 100
            seen = True
        elif w == "thousand":
            whole = max(whole, 1) * 1000
            seen = True
    if after_point and not decimals:
        return None
    if not seen and not after_point:
        return None
    return sign + str(whole) + (f".{decimals}" if decimals else "")


def words_to_numbers(text: str) -> str:
    """'zero point seven five' → '0.75', 'negative ninety degrees' → '-90 degrees'; counts before a
    noun ('four lines', 'one loop') and 'two-dimensional' stay words; 'and' joins numbers only after
    'hundred' / 'thousand' ('zero, zero and zero' is three numbers)."""
    parts = re.split(r"(?<!hundred)(?<!thousand)(\s+and\s+)", text)
    return "".join(p if i % 2 else _words_to_numbers(p) for i, p in enumerate(parts))


def _words_to_numbers(text: str) -> str:
    def sub(m: re.Match) -> str:
        raw = m.group(0)
        words = [w for w in re.split(r"[\s-]+", raw.lower()) if w]
        while words and words[-1] == "and":
            words.pop()
        simple = "point" not in words and words[0] not in ("negative", "minus")
        if simple and words == ["one"]:
            return raw  # "the first one", "one loop": a word, not a coordinate
        if simple and not raw.lower().rstrip().endswith(" and"):  # "zero and ends at": a number before "and"
            nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20], re.I)
            if nxt and nxt.group(1).lower() not in _KEEP_AFTER:
                return raw
        value = _seq_value(words)
        if value is None:
            return raw
        tail = raw[len(raw.rstrip()):] if raw.rstrip().lower().endswith("and") else ""
        if raw.lower().rstrip().endswith(" and"):
            return value + " and"
        return value + tail
    return _SEQ.sub(sub, text)


@dataclass
class Statement:
    """One sentence (prose) or one line (step list)."""

    index: int
    text: str                 # as written
    norm: str                 # what the parser reads
    header: bool = False      # a markdown heading or a <part_N> tag: structure, not a statement
    used: list[str] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # spans of norm whose numbers were read

    def take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def unread_numbers(self) -> list[str]:
        out = []
        for m in NUM_RE.finditer(self.norm):
            if any(a <= m.start() < b for a, b in self.taken):
                continue
            before = self.norm[max(0, m.start() - 12):m.start()]
            after = self.norm[m.end():m.end() + 14]
            if re.search(r"(?:part|step|face|loop|line|arc|circle|curve)[\s_]*$", before) or \
                    re.match(r"\s*(?:st|nd|rd|th)?\s*(?:lines|arcs|circles|loops|faces|curves|sides|edges|"
                             r"elements|segments|holes|parts|steps|vertices|points|times)\b", after) or \
                    re.match(r"\s*-?\s*(?:d|dimensional)\b", after):
                continue
            out.append(m.group(0))
        return out


_MD = re.compile(r"\*\*|__|`")
_LATEX = re.compile(r"\\[()\[\]]|\^\s*\{?\\circ\}?|°|\\text\{[^}]*\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[\"'])")


def statements(text: str) -> list[Statement]:
    """Split prose into sentences and step lists into lines; keep each one's original wording."""
    out: list[Statement] = []
    for raw_line in text.replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not re.search(r"[A-Za-z0-9]", line):
            continue
        header = bool(re.match(r"#{1,6}\s|</?part_\d+>", line))
        body = re.sub(r"^(?:#{1,6}|[-*+•]|\d+[.)])\s+", "", line)
        pieces = [body] if header else [p for p in _SENTENCE_END.split(body) if p.strip()]
        for piece in pieces:
            norm = _LATEX.sub(lambda m: " degrees" if "circ" in m.group(0) else "", _MD.sub("", piece))
            norm = norm.replace("−", "-").replace("–", "-").replace("\u00a0", " ")
            norm = words_to_numbers(norm).lower()
            out.append(Statement(len(out) + 1, piece.strip(), norm.strip(), header=header))
    return out


def ordinal(word: str, table: dict) -> int | None:
    """'second' → 2, '3rd' / '3' → 3; None when it is not an ordinal."""
    word = word.lower()
    if word in table:
        return table[word]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word)
    return int(m.group(1)) if m else None
