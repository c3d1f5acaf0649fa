"""A lid's locating lip, a tray's rim, a cap's skirt: a thin wall standing on the part round an outline, open in the
middle (a boss with a ``wall``). "lid 120x80x4 with a lip on the bottom side, set in 3mm from the edge all round, lip
walls 2mm thick and 10mm deep"; "LID, 150 X 100 X 2.5 THK. LOCATING LIP ON UNDERSIDE 144 X 94 O/A, 2 WALL, 5 HIGH".

The lip's sentence is read here (its outside size, or how far in from the edge it is set; its wall; its height;
which face); the rest of the request is read as the part it stands on."""

from __future__ import annotations

import re
from typing import Callable

from .numbers import fmt

LIP = re.compile(r"(?<!round the )(?<!around the )(?<!into the )(?<!in the )(?<!on the )(?<!of the )"
                 r"\b(?:locating\s+|locator\s+|register\s+)?(lip|rim|skirt)\b(?!\s+(?:of|round|around)\s+the\s+(?:hole|bore))")
# "The opening is 80 x 50 inside": the size of the other part's opening the lip drops into
OPENING = re.compile(r"\b(?:the\s+|its\s+|box\s+)?opening\s+(?:is|of|measures|=|:)\s*([\d.]+)\s*(?:mm\s*)?(?:x|by)\s*([\d.]+)"
                     r"\s*(?:mm\s*)?(?:inside|internal|id)?")
_N = r"([\d.]*\d)\s*(?:mm\s*)?"
SIZE = re.compile(rf"{_N}(?:x|by)\s*{_N}(?!\s*(?:x|by)\b)(?:o/?a\b|overall\b|outside\b|od\b)?")
INSET = re.compile(rf"\b(?:set\s+)?(?:in|inset|back)\s+(?:by\s+)?{_N}(?:in\s+)?from\s+(?:the\s+|each\s+|all\s+)?(?:outside\s+)?edges?"
                   rf"|{_N}(?:in|inset|back|away)?\s*from\s+(?:the\s+|each\s+|all\s+)?(?:outside\s+)?edges?|\binset\s+(?:of\s+|by\s+)?{_N}")
WALL = re.compile(rf"{_N}(?:thick\s+)?walls?\b(?!\s+thick)|\bwalls?\s+(?:are\s+|is\s+|of\s+)?(?:thickness\s+)?{_N}(?:thick\b)?"
                  rf"|{_N}wall\s+thickness\b|\bwall\s+thickness\s+(?:of\s+)?{_N}|\b(?:lip|rim|skirt)\s+{_N}thick\b")
THICK = re.compile(rf"{_N}thick\b")
HEIGHT = re.compile(rf"{_N}(?:tall|high|deep|height|long)\b|\b(?:height|depth)\s+(?:of\s+)?{_N}")
UNDER = re.compile(r"\b(?:under\w*|bottom|below|beneath|lower)\b")


def _span(t: str, m: re.Match) -> tuple[int, int]:
    """The lip's words: from the clause that names it to the end of its sentence."""
    cuts = [x.end() for x in re.finditer(r"\.(?=\s|$)|;|\bwith\b|\bplus\b", t[:m.start()])]
    start = max(cuts, default=0)
    if start and t[start - 4:start] == "with":
        start -= 4
    end = re.search(r"\.(?=\s|$)|;", t[m.end():])
    return start, m.end() + end.start() if end else len(t)


def _first(pat: re.Pattern, s: str, taken: list[tuple[int, int]]) -> tuple[float | None, tuple[int, int] | None]:
    for m in pat.finditer(s):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        g = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
        return float(m.group(g)), (m.start(), m.end())
    return None, None


def read_lip(text: str, t: str, read: Callable, k: float):
    """The part with its lip (an Understanding), or None when ``t`` names no lip this reads. ``read(text, t)`` reads
    the rest as a part; ``k`` is mm per bare number."""
    m = LIP.search(t)
    if m is None:
        return None
    a, b = _span(t, m)
    span, rest = t[a:b], t[:a] + " " + t[b:]
    opening = OPENING.search(rest)
    if opening:
        rest = rest[:opening.start()] + " " + rest[opening.end():]
    # "lid for a box with 2 mm walls: top plate ...": the box it fits is another part (its walls are not this one's)
    rest = re.sub(r"\b(?:for|to fit|that fits|fitting|to go on)\s+(?:a|the|my|an)\s+(?:[\w-]+\s+)?(?:box|case|enclosure|container|"
                  r"tray|tub|housing)\b(?:\s+with\s+[\d.]+\s*(?:mm\s*)?(?:thick\s+)?walls?)?", " ", rest)
    out = read(text, rest)
    if out.spec is None or out.missing or out.spec["body"]["kind"] not in ("box", "cylinder") or out.spec.get("features"):
        return None
    body = out.spec["body"]
    taken: list[tuple[int, int]] = []
    size = SIZE.search(span)
    if size:
        taken.append((size.start(), size.end()))
    inset, where = _first(INSET, span, taken)
    if where:
        taken.append(where)
    wall, where = _first(WALL, span, taken)
    if wall is None:
        wall, where = _first(THICK, span, taken)      # "a 2mm thick lip", "rim ..., 2 thick": a lip's thickness is its wall
    if where:
        taken.append(where)
    height, where = _first(HEIGHT, span, taken)
    if where:
        taken.append(where)
    left = [n.group(0) for n in re.finditer(r"[\d.]*\d", span) if not any(x <= n.start() < y for x, y in taken)]
    missing = ([] if wall is not None else ["the lip's wall thickness (e.g. '2 mm walls')"]) + \
        ([] if height is not None else ["how tall the lip stands (e.g. '6 high')"]) + \
        ([f"what {', '.join(repr(x) for x in left)} {'is' if len(left) == 1 else 'are'} for in the lip"] if left else [])
    f: dict = {"id": "lip", "kind": "boss", "on": "bottom" if UNDER.search(span) or re.search(
        r"\b(?:lid|cover|cap)\b", t) and not re.search(r"\bon (?:the )?top\b", span) else "top"}
    if body["kind"] == "box":
        L, W = body["length"], body["width"]
        if size:
            x, y = sorted((float(size.group(1)) * k, float(size.group(2)) * k), reverse=L >= W)
        elif opening and re.search(r"\b(?:fits?|drops?|goes|go|opening|inside)\b", span):
            x, y = sorted((float(opening.group(1)) * k, float(opening.group(2)) * k), reverse=L >= W)
        elif inset is not None:
            x, y = round(L - 2 * inset * k, 6), round(W - 2 * inset * k, 6)
        elif re.search(r"\b(?:round|around|along) the (?:outside |outer )?edges?\b|\bflush\b", span):
            x, y = L, W
        else:
            x = y = None
            missing.append("the lip's outside size (e.g. '144 x 94 outside') or how far in from the edge it is set")
        if x is not None:
            f.update(length=x, width=y)
    else:
        d = re.search(rf"{_N}(?:dia\w*|od)\b|\b(?:dia|diameter|od)\s+{_N}", span)
        if d:
            f["diameter"] = float(d.group(1) or d.group(2)) * k
        elif inset is not None:
            f["diameter"] = round(body["diameter"] - 2 * inset * k, 6)
        else:
            missing.append("the lip's outside diameter or how far in from the edge it is set")
    from .request import unknown_words

    out.unknown = list(dict.fromkeys(out.unknown + [w for w in unknown_words(span) if w not in ("lip", "rim", "skirt")]))
    if missing:
        out.missing += missing
        return out
    f.update(height=height * k, wall=wall * k)
    out.spec["features"] = [f]
    out.unsupported = [w for w in out.unsupported if w not in ("lid", "lip", "rim", "skirt", "locating lip")]
    size_said = f"Ø{fmt(f['diameter'])}" if "diameter" in f else f"{fmt(f['length'])} x {fmt(f['width'])}"
    out.notes.append(f"the {m.group(1)} read as a wall {fmt(f['wall'])} thick and {fmt(f['height'])} tall, {size_said} outside, "
                     f"on the {'underside' if f['on'] == 'bottom' else 'top'}")
    if out.candidates:
        out.candidates[0].notes = list(out.notes)
    return out
