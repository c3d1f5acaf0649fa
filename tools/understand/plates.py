"""A part said as the plates it is built from: a base (floor, bottom, horizontal) plate with walls, a web or an
upright plate standing on it. "Base plate 100 x 60, 8 thick, two walls along both 100 mm edges, 4 thick and 30 high
above the plate" is a U channel 38 tall whose base is 8 thick; four walls round a floor plate are an open box whose
floor is the plate; a web on the centre line is a T; one upright plate along an edge is an L. Heights said of the
walls are above the base plate unless said overall. None when the words are not that (the usual readers go on)."""

from __future__ import annotations

import re

_N = r"(\d+(?:\.\d+)?|\.\d+)"
BASE = re.compile(r"\b(?:base|floor|bottom|horizontal|flat)\s+plate\b\s*(?:is\s*|of\s*|:\s*|measuring\s*)?" + _N +
                  r"\s*(?:mm\s*)?(?:x|by)\s*" + _N + r"(?:\s*(?:mm\s*)?(?:x|by)\s*" + _N + r"|\s*(?:mm\s*)?,?\s*(?:and\s+)?" +
                  _N + r"\s*(?:mm\s*)?thick\b)?")
# "base plate 100 long, 80 wide, 8 thick": its sizes said by their words
BASE_WORDS = re.compile(r"\b(?:base|floor|bottom|horizontal|flat)\s+plate\b\s*(?:is\s*|of\s*|:\s*|measuring\s*)?" + _N +
                        r"\s*(?:mm\s*)?long\s*,?\s*(?:and\s+)?" + _N + r"\s*(?:mm\s*)?wide\s*,?\s*(?:and\s+)?()" + _N +
                        r"\s*(?:mm\s*)?thick\b")
UPRIGHT = r"(?:walls?|sides?|side walls?|webs?|ribs?|fins?|stems?|uprights?|(?:upright|vertical|standing)\s+(?:web\s+)?plates?|" \
          r"web plates?)"
FOUR = re.compile(r"\bfour\s+(?:\w+\s+)?walls\b|\b4\s+(?:\w+\s+)?walls\b|\bwalls\b[^.;]*?\baround\b|\baround\s+(?:its|the)\s+"
                  r"(?:edges?|outside|perimeter)\b")
TWO = re.compile(r"\b(?:two|2)\s+(?:\w+\s+)?(?:walls|sides|side walls|plates)\b|\bboth\s+(?:long\s+)?(?:edges|sides)\b")
CENTRE = re.compile(r"\b(?:along|on|down)\s+(?:its|the)\s+(?:cent(?:re|er)\s*-?\s*line|middle|cent(?:re|er))\b|"
                    r"\bcent(?:red|ered)\s+on\s+(?:it|the\s+(?:base|plate))\b|\bin\s+the\s+middle\b")
ONE_EDGE = re.compile(r"\balong\s+(?:(?:one|a)\s+of\s+its|one|an?|its|the)\s+(?:[\d.]+\s*(?:mm\s*)?)?(?:long\s+|short\s+)?edges?\b|"
                      r"\bat\s+one\s+(?:end|edge)\b|\bflush\s+with\s+(?:one|that|the)\s+edge\b")
STANDS = re.compile(r"\b(?:on\s+top\s+of|standing\s+on|sitting\s+on|stands?\s+on|sits?\s+on|on\s+it|rising|upright|"
                    r"above\s+the\s+(?:base|floor|bottom|plate|horizontal))\b")


def _thick(text: str) -> float | None:
    """The walls' (web's) thickness: 'each wall 4 thick', '3 mm thick walls', 'walls and bottom 6 thick'."""
    m = re.search(UPRIGHT + r"\b(?:(?!\bbase\b|\bfloor\b|\bbottom plate\b)[^.;])*?" + _N + r"\s*(?:mm\s*)?thick\b", text) or \
        re.search(_N + r"\s*(?:mm\s*)?thick\s+" + UPRIGHT + r"\b", text)
    return float(m.group(1)) if m else None


def _rise(text: str) -> tuple[float, bool] | None:
    """How high the walls stand: ('30 high above the plate', 'rising 60 above ...', '50 tall'), and whether it is
    said overall (from the underside of the base)."""
    m = re.search(_N + r"\s*(?:mm\s*)?(?:high|tall|up)?\s*(?:above|over|up from)\s+(?:the\s+)?(?:base|floor|bottom|plate|"
                  r"horizontal|top)", text) or re.search(r"\brising\s+" + _N, text)
    if m:
        return float(m.group(1)), False
    m = re.search(UPRIGHT + r"\b[^.;]*?" + _N + r"\s*(?:mm\s*)?(high|tall)\b(\s*(?:overall|in total|total))?", text)
    if m:
        return float(m.group(1)), bool(m.group(3))
    m = re.search(r"\b(?:total|overall)\s+height\s*(?:of\s*|is\s*)?" + _N, text)
    return (float(m.group(1)), True) if m else None


def from_plates(text: str, unit_mm: float) -> tuple[dict, list[dict], set[float], str] | str | None:
    """The body (and a shell feature for an open box) a base plate with walls / a web / an upright plate makes, the
    numbers read (as written) and a note; what cannot be built, said; None when the text is not said that way."""
    base = BASE.search(text) or BASE_WORDS.search(text)
    if not base:
        return None
    rest = text[base.end():]
    if not re.search(r"\b" + UPRIGHT + r"\b", rest) or not STANDS.search(rest):
        return None
    if re.search(r"\b(?:two|three|four|five|six|[2-9])\s+(?:\w+\s+)?(?:ribs|webs|fins|stiffeners)\b", rest):
        return None      # "a flat plate ... with three ribs on the top face": ribs on a plate, no T (nor a U)
    a, b = float(base.group(1)), float(base.group(2))
    t_base = base.group(3) or base.group(4)
    t_wall = _thick(rest)
    shared = re.search(r"\b(?:walls?|sides?)\s+(?:and|&)\s+(?:the\s+)?(?:bottom|base|floor)\s+(?:both\s+)?" + _N +
                       r"\s*(?:mm\s*)?thick\b|\ball\s+(?:plates\s+)?" + _N + r"\s*(?:mm\s*)?thick\b", text)
    if shared:
        t_wall = float(shared.group(1) or shared.group(2))
        t_base = t_base or t_wall
    rise = _rise(rest)
    if t_base is None or t_wall is None or rise is None:
        return None
    t_base = float(t_base)
    k = unit_mm
    h, overall = rise
    edge = re.search(r"\balong\s+(?:both|the\s+two|the|(?:one|a)\s+of\s+its|its|one)\s+" + _N + r"\s*(?:mm\s*)?(?:long\s+)?edges?\b", rest)
    run = float(edge.group(1)) if edge and float(edge.group(1)) in (a, b) else max(a, b)
    across = b if run == a else a
    H = h if overall else t_base + h
    if H <= t_base:
        return None
    used = {a, b, t_base, t_wall, h} | ({run} if edge else set())
    L, W, T, t, Hm = run * k, across * k, t_base * k, t_wall * k, H * k
    said = f"the {base.group(0).split()[0]} plate {run:g} x {across:g} x {t_base:g}"
    rising = f"{'to' if overall else 'standing'} {h:g}{' overall' if overall else ' above it'}"
    if FOUR.search(rest):
        shell = {"id": "shell", "kind": "shell", "thickness": t, "open_face": "top"}
        if abs(T - t) > 1e-9:
            shell["bottom"] = T
        return ({"kind": "box", "id": "box", "length": L, "width": W, "height": Hm}, [shell], used,
                f"{said} with four {t_wall:g} thick walls {rising}: an open box {H:g} tall, its floor the plate")
    shape, what = ("U", f"two {t_wall:g} thick walls along its {run:g} edges") if TWO.search(rest) else \
        ("T", f"a {t_wall:g} thick web on its centre line") if CENTRE.search(rest) else \
        ("L", f"a {t_wall:g} thick plate standing along one {run:g} edge") if ONE_EDGE.search(rest) else (None, "")
    if shape is None:
        return None
    if shape == "L" and abs(T - t) > 1e-9:
        return (f"an L whose two plates differ in thickness ({t_base:g} and {t_wall:g}): an L section here has one "
                "wall thickness")
    body = {"kind": "profile", "id": {"U": "channel", "T": "tee", "L": "angle"}[shape], "shape": shape, "width": W,
            "height": Hm, "thickness": t, "length": L}
    if abs(T - t) > 1e-9:
        body["lip"] = T          # a U's base, a T's flange: the plate's own thickness
    return body, [], used, f"{said} with {what} {rising}: {'an' if shape == 'L' else 'a'} {shape} {H:g} tall"


TRIPLE = re.compile(_N + r"\s*(?:mm\s*)?x\s*" + _N + r"\s*(?:mm\s*)?x\s*" + _N)
TWO_PLATES = re.compile(r"\b(?:two|2|pair of)\s+(?:\w+\s+)?plates\b|\b(?:another|second|other|upright|vertical)\s+(?:[\w.]+\s+){0,6}?"
                        r"plate\b|\bplates?\b[^.;]*\bthe other\b")
SQUARE = re.compile(r"\bright[- ]angles?\b|\b90\s*(?:deg\w*)?\b|\bperpendicular\b|\bupright\b|\bvertical(?:ly)?\b|"
                    r"\bstanding\b|\bstands?\b|\bl[- ]?(?:shape[d]?|bracket)\b|\bangle\b")
ON_EDGE = re.compile(r"\b(?:on|onto|on top of|sitting on|standing on|stands on|sits on|rests on)\s+(?:(?:one|a)\s+of\s+)?"
                     r"(?:its|the|one|an?)\s+(?:\w+\s+){0,2}(?:edges?|ends?)\b|\bstanding\s+(?:up(?:right)?\s+)?on\s+(?:it|the\s+(?:first|"
                     r"base|bottom|flat|horizontal)(?:\s+(?:one|plate))?)\b")


def two_plates(text: str, unit_mm: float) -> tuple[dict, list[dict], set[float], str] | str | None:
    """Two plates said by their three sizes and joined at a right angle ("a 100 x 40 x 5 plate with another 100 x 30 x 5
    plate standing on one long edge"): an L, the upright's height on top of the first plate's thickness. How they meet
    asked when no plate is said to stand on the other (welded end to end, the outside sizes differ by a thickness)."""
    triples = list(TRIPLE.finditer(text))
    if len(triples) != 2 or not TWO_PLATES.search(text) or not SQUARE.search(text):
        return None
    a, b = (sorted((float(x) for x in m.groups()), reverse=True) for m in triples)
    if a[2] != b[2]:
        return (f"an L from plates {a[2]:g} and {b[2]:g} thick (an L section here has one wall thickness)")
    shared = [x for x in a[:2] if x in b[:2]]
    if not shared:
        return "which side the two plates share (their lengths differ: no straight L)"
    run = shared[0]
    W = a[1] if a[0] == run else a[0]
    U = b[1] if b[0] == run else b[0]
    t = a[2]
    if not ON_EDGE.search(text[triples[0].end():] + " " + text[:triples[0].start()]):
        return ("how the two plates meet: say which one stands on the other (e.g. 'the second standing on the first's "
                "back edge'), so the outside sizes are known")
    k = unit_mm
    body = {"kind": "profile", "id": "angle", "shape": "L", "width": W * k, "height": (U + t) * k, "thickness": t * k,
            "length": run * k}
    return (body, [], {run, W, U, t}, f"two {t:g} thick plates: {run:g} x {W:g} lying flat, {run:g} x {U:g} standing on "
            f"its edge: an L {W:g} x {U + t:g}, {run:g} long")
