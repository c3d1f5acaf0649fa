"""The overall size a request states, and how well a candidate's extents fit it: a ranking signal that
counts the part's proportions, which "numbers used" does not (a candidate that writes the first of five
parts of an assembly uses as many numbers as one that writes the whole, but has the wrong envelope).

    stated_extents("… The final part measures 0.75 units long, 0.47 wide and 0.03 thick. …")  # [0.75, 0.47, 0.03]
    extent_fit([0.75, 0.47, 0.03], spec)                                                      # 1.0

A *size* is a number tied to an envelope word ("a length of 0.75", "0.47 units wide", "0.09 in height",
"0.75 in both length and width" → twice). Not a diameter, radius, depth or edge (as often a feature's as the
body's), nor the terms of an ``A x B x C`` chain ("tube 32 x 14" is its outside and bore, "5 x 2.5 holes" a
count): the signal is for descriptions in words, and stays silent on the rest. Sizes are grouped by
sentence; the overall group is the one holding the request's largest size (an assembly's envelope is
that of its largest part as often as not, and a sentence saying "final" or "overall" wins a tie). A
request with no group of two or more sizes states no envelope, and the signal stays silent (None).
"""

from __future__ import annotations

import re

_N = r"(\d+(?:\.\d+)?)"
_Q = r"(?:(?:about|approximately|approx\.?|around|roughly|nearly|almost|just|only|some|exactly|over|under|" \
     r"slightly|a little|a bit)\s+)*"
_UNIT = r"(?:\s*(?:units?|mm|millimet(?:er|re)s?|cm|m|met(?:er|re)s?|in|inch(?:es)?))?"
# envelope words only: a diameter, radius, depth, edge or side is as often a feature's (a bolt circle's, a pocket's,
# a chamfer's) as the body's, and a wrong envelope would outrank the right reading
_SIZE = r"(?:length|width|height|thickness|breadth)"
_DIM = rf"(?:{_SIZE[3:-1]}|depth)"                 # "depth" only after an envelope word: "height, width, and depth"
_ADJ = r"(?:long|wide|tall|high|thick|in length|in width|in height|in thickness|in each dimension|on each side|" \
       r"on a side)"
# "0.75 units long", "0.09 in height", "0.75 in (both) length and width", "0.75 long and wide" (the last two give
# two sizes)
_PAIR = r"(?:long|wide|tall|high|thick)\s+and\s+(?:long|wide|tall|high|thick)"
_AFTER = re.compile(rf"(?<![\w.]){_N}{_UNIT}\s*((?:in\s+)?(?:both\s+)?{_SIZE}\s+and\s+{_SIZE}|{_PAIR}\b|{_ADJ}\b)", re.I)
# a size right after a feature's noun is the feature's ("a blind hole 10 mm wide", "a slot 5 long")
_FEATURE_BEFORE = re.compile(r"\b(?:holes?|pockets?|slots?|bores?|recess(?:es)?|grooves?|cut-?outs?|bosses?|keyways?|"
                             r"counterbores?|notch(?:es)?|tabs?|ribs?|pins?|pegs?)\b[^,;.]{0,24}$", re.I)
# "a length of 0.75", "height of about 0.2", "the length of the prism is 0.75", "height, width, and depth of 0.75"
_BEFORE = re.compile(rf"\b({_SIZE}(?:,?\s*(?:and\s+)?{_DIM})*)(?:\s+of\s+the\s+\w+)?\s*(?:of|is|are|:|=)?\s*{_Q}"
                     rf"{_N}(?![\w]|\.\d)", re.I)
_CHAIN = re.compile(rf"(?<![\w.]){_N}{_UNIT}\s*(?:x|by|×)\s*{_N}{_UNIT}(?:\s*(?:x|by|×)\s*{_N})?", re.I)
_FINAL = re.compile(r"\b(final|overall|entire|resulting|whole|combined|total|complete|assembled|assembly)\b", re.I)
# numbers that are no size: a percentage or angle ("scale it to 75%"), a small whole number not followed by a unit,
# a size word or another size ("3 parts", "4 holes", "1 end", "3-dimensional", "3D")
_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent|°|degrees?)|(?:[1-9]|1\d|2[0-4])(?![\d.])"
                    r"(?!\s*(?:x|by|and|or|to|mm|cm|m|in|inch(?:es)?|units?|millimet\w*|centimet\w*|met(?:er|re)s?|"
                    r"long|wide|tall|high|thick|deep|across|dia\w*)\b)", re.I)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
TOLERANCE = 0.08        # a size matches an extent within 8% (the prompts round to 2-4 significant digits)


def _sizes(sentence: str) -> list[float]:
    spans: list[tuple[int, int, list[float]]] = []
    for m in _CHAIN.finditer(sentence):    # taken so that its numbers are not read again, but no envelope:
        spans.append((m.start(), m.end(), []))   # "tube 32 x 14" is outside x bore, "5 x 2.5 holes" a count
    for m in _AFTER.finditer(sentence):
        if _FEATURE_BEFORE.search(sentence[:m.start()]):
            spans.append((m.start(1), m.end(1), []))
            continue
        twice = " and " in m.group(2).lower()
        spans.append((m.start(1), m.end(1), [float(m.group(1))] * (2 if twice else 1)))
    for m in _BEFORE.finditer(sentence):
        spans.append((m.start(2), m.end(2), [float(m.group(2))] * len(re.findall(_DIM, m.group(1), re.I))))
    out, taken = [], []
    for a, b, vals in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(a < y and x < b for x, y in taken):      # one reading per number: the chain's, else the first
            continue
        taken.append((a, b))
        out += [v for v in vals if v > 0]
    return out


def stated_extents(text: str) -> list[float] | None:
    """The sizes (largest first, up to three) of the overall shape the request states, or None. The group must
    hold the largest number the request gives at all: a request that gives its envelope as a chain ("block 140 x
    55 x 2, radius 2") and words only its features' sizes states no envelope here."""
    numbers = [float(m.group(1)) for m in re.finditer(rf"(?<![\w.]){_N}", text) if not _COUNT.match(text, m.start())]
    groups = []
    for k, sentence in enumerate(_SENTENCE.split(text)):
        sizes = _sizes(sentence)
        if len(sizes) >= 2:
            groups.append((max(sizes), bool(_FINAL.search(sentence)), -k, sizes))
    if not groups:
        return None
    top = max(groups)
    if numbers and top[0] < max(numbers) * (1 - TOLERANCE):
        return None
    return sorted(top[3], reverse=True)[:3]


def spec_extents(spec) -> list[float] | None:
    """The extents (largest first) of a validated spec's body, or None when its shape cannot be said. The body
    alone: the envelope sentence names the largest part, and a boss or rib the request asks for on top of it
    must not cost the candidate that has it."""
    from cadagent.tools.part.geometry import body_shape

    try:
        shape = body_shape(spec.body)
    except Exception:                     # noqa: BLE001 - a body with no box to say (a sketch) fits nothing
        return None
    return sorted((hi - lo for lo, hi in zip(shape.lo, shape.hi)), reverse=True)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(a, b)


def extent_fit(stated: list[float] | None, extents: list[float] | None) -> float | None:
    """How well a candidate's extents fit the stated envelope, in [0, 1]: the stated sizes matched one to one by
    an extent (within :data:`TOLERANCE`), over the larger count (a 0.75 x 0.47 x 0.03 plate for "0.75 long, 0.47
    wide, 0.03 thick" is 1.0; the first part alone of an assembly scores low; "0.75 in both length and width"
    needs two extents of 0.75). None when the request states no envelope."""
    if not stated or not extents:
        return None
    left, matched = list(extents), 0
    for size in sorted(stated, reverse=True):
        hit = min((e for e in left if _close(size, e)), key=lambda e: abs(e - size), default=None)
        if hit is not None:
            left.remove(hit)
            matched += 1
    return matched / max(len(stated), len(extents))
