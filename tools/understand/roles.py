"""What each number in a request is: the keyword written right after it ("40 dia", "15 deep",
"30 mm apart") or right before it ("dia 8", "depth of 15", "PCD 80"), counts ("six holes",
"4 x 9 holes"), and "A x B x C" groups. Keywords are data (``roles.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .numbers import Num, numbers
from .vocab import HERE, vocab

FILL_PRE = (r"(?:\s*(?:of (?:the|this|its|each) [a-z-]+(?: [a-z-]+)? (?:is|are|measures|measuring|of)|"
            r"of|=|:|is|to|at|about|approximately|approx\.?|roughly|around|by|a|an|the|measuring|which|"
            r"both|just|exactly|nearly|almost|set to|equal to|that is|up to|down to|out to|,|)\s*)*")
RESPECTIVELY = re.compile(r"\b(length|width|height|depth|thickness|diameter)(?:,\s*(?:and\s+)?|\s+and\s+)"
                          r"(length|width|height|depth|thickness|diameter)(?:,?\s*(?:and\s+)?(length|width|height|"
                          r"depth|thickness|diameter))?\s+(?:of|are|is|measuring|measure)?\s*(?:approximately|about|"
                          r"roughly|around)?\s*")
NOT_THINGS = {"points", "flanges", "units", "inches", "mms", "cms", "times", "degrees", "degs", "holes", "teeth", "walls", "legs", "sides", "flats", "faces", "ends",
              "rows", "columns", "millimeters", "millimetres", "centimeters", "centimetres", "meters", "metres", "thous",
              "deep", "apart", "is", "was", "has", "as", "pls", "thanks", "cheers", "yes", "guys"}
COUNT_NOUNS = r"(?:holes?|bolts?(?!\s*circle)|screws?|slots?|teeth|tooth|bores|openings?|cutouts?|pins?|ribs?|bosses|pads|posts|studs|gussets?)"
SHELL_CUE = re.compile(r"\b(walls?|shell(?:ed)?|hollow(?:ed)?|cup|open[- ]top|container|tray|bin|tub|pot|enclosure|cap)\b")
BETWEEN = r"(?:[\d.]+(?=\s*(?:x|by)\s*[\d.])|[\d.]+(?=\s+(?:mm\s+)?(?:wide|long|deep|thick|dia|diameter)\b)|(?!with\b|and\b|plus\b|on\b|in\b|at\b|for\b|to\b|of\b)[a-z'-]+|#\d+|m\d+(?:\.\d+)?|dia\s*[\d.]+|[\d.]+\s*mm|x\s*[\d.]+|\d*\.\d+|\d+/\d+\s*(?:\"|in(?:ch)?)?)"


@lru_cache(maxsize=1)
def role_words() -> dict:
    return yaml.safe_load((HERE / "roles.yaml").read_text())


@lru_cache(maxsize=2)
def _table(side: str) -> tuple[re.Pattern, dict]:
    table = {p: role for role, phrases in role_words()[side].items() for p in phrases}
    keys = sorted(table, key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    if side == "after":
        return re.compile(rf"^\s*(?:overall\s+|outside\s+|in total\s+|total\s+)?({alt})(?![\w])"), table
    return re.compile(rf"(?<![\w])({alt}){FILL_PRE}$"), table


@dataclass
class Tagged:
    num: Num
    role: str | None = None
    via: str = ""                 # the keyword that gave the role
    group: int | None = None      # index of an "A x B x C" group
    pos: int = 0                  # place in its group


@dataclass
class Tagging:
    text: str
    items: list[Tagged] = field(default_factory=list)
    groups: list[list[Tagged]] = field(default_factory=list)

    def in_span(self, a: int, b: int) -> list[Tagged]:
        return [t for t in self.items if a <= t.num.start < b]


_X = re.compile(r"^\s*(?:x|by)\s*$")


def is_floor(t: str, it: Tagged) -> bool:
    """Is this number a floor's thickness ("bottom 4 thick", "floor 3", "a 3 mm floor")?"""
    before = t[:it.num.start]
    if re.search(r"\b(?:walls?|sides?)\s+(?:and|&)\s+(?:the\s+)?(?:bottom|floor|base)\b[^\d]*$", before):
        return False       # "walls and base 5 mm": one thickness for both
    return bool(re.search(r"\b(?:bottom|floor|base|closed end|end wall)(?:\s+thickness)?(?:\s+(?:also|too))?"
                          r"(?:\s+(?:of|is|=|at|to))?\s*[:=]?\s*$",
                          before) and not re.match(r"^\s*(?:mm\s*)?(?:dia|diameter|across|wide|long|x)\b",
                                                             t[it.num.end:])
                or re.match(r"^\s*(?:mm\s*)?(?:thick\s+|thk\s+)?(?:floor|bottom|base)\b(?!\s*(?:dia|diameter|edge|plate|of\b))",
                            t[it.num.end:]))


BLOCKY = r"block|blk|plate|box|bar|slab|brick|cuboid|panel|tile|board|cube"


def tag(t: str) -> Tagging:
    nums = numbers(t)
    out = Tagging(t, [Tagged(n) for n in nums])
    items = out.items
    # A x B (x C): numbers joined by x / by
    i = 0
    while i < len(items) - 1:
        j = i
        while j + 1 < len(items) and _X.match(t[items[j].num.end:items[j + 1].num.start]):
            j += 1
        if j > i:
            g = items[i:j + 1]
            for k, it in enumerate(g):
                it.group, it.pos = len(out.groups), k
            out.groups.append(g)
        i = j + 1
    # "40 40 10 block": three bare numbers in a row, only spaces between them, are the part's sizes
    for i in range(len(items) - 2):
        trio = items[i:i + 3]
        if any(it.group is not None for it in trio) or any(it.num.unit for it in trio[:2]) or not all(
                re.fullmatch(r" *,? *", t[a.num.end:b.num.start]) for a, b in zip(trio, trio[1:])):
            continue
        if i + 3 < len(items) and re.fullmatch(r" *", t[trio[2].num.end:items[i + 3].num.start]):
            continue          # four or more in a row: not a size triple
        if re.search(r"\b(?:at|points?|positions?)\s*$", t[:trio[0].num.start]) or not (
                re.search(rf"\b(?:{BLOCKY})\s*:?\s*$", t[:trio[0].num.start]) or
                re.match(rf"\s*(?:mm\s*)?(?:{BLOCKY})\b", t[trio[2].num.end:])):
            continue          # (only beside a block's name: "tube 40 30 100" is its diameters and length)
        for k, it in enumerate(trio):
            it.group, it.pos = len(out.groups), k
        out.groups.append(trio)
    # "the two walls 30 high", "2 legs 50mm long": how many walls or legs a section has, not a size
    hollow = re.search(r"\b(?:hollow\w*|shell\w*|open[- ]top(?:ped)?|open (?:at the |on )?top)\b", t)
    for it in items:
        if it.num.integer and it.num.value in (2, 3, 4) and re.match(r"\s*(?:side\s+)?(?:walls|sides|legs|arms|uprights|"
                                                                        r"flanges|cheeks)\b", t[it.num.end:]):
            if hollow and re.match(r"\s*(?:mm\s*)?walls\b(?!\s*(?:are\s+|of\s+|at\s+)?[\d.])", t[it.num.end:]) and \
                    not re.search(r"\b(?:the|both|two|its|all)\s+$", t[:it.num.start]):
                continue      # "shelled box 80x80x50, 2 walls, open top": the walls' thickness (a hollow box has four)
            it.role, it.via = "ref", "how many"
    after, a_table = _table("after")
    # "three faces", "four lines", "two parts": a bare whole number before a plural noun counts things
    for it in items:
        if it.role or not it.num.integer:
            continue
        m = re.match(r"^\s*(?:[a-z]+\s+)?([a-z]+s)\b", t[it.num.end:]) or \
            re.match(r"^\s*(?:top|bottom|upper|lower|vertical|long|short|side|outside|outer)\s+(?:outside|outer|inside|inner|"
                     r"corner|side|vertical)\s+(edges|corners)\b", t[it.num.end:])   # "the 4 top outside edges", "4 vertical corner edges"
        am = after.match(t[it.num.end:])
        corners = am is not None and m is not None and m.group(1) in ("corners", "edges") and it.num.value <= 12 \
            and not re.match(r"^\s*(?:mm\s+)?(?:radius|rad)\b", t[it.num.end:]) \
            and a_table[am.group(1)] != "inset"        # "8 from edges": how far in, not eight edges
        if it.group is not None and it.pos > 0:
            continue          # "80 x 60 x 40 all edges filleted": a size of the group, not "40 edges"
        if re.search(r"\b(?:r|rad|radius|dia|diameter|od|id)\s*$", t[:it.num.start]):
            continue          # "R5 corners", "the Ø20 body sticks out": a size, not a count
        if re.search(r"\bx\s*$", t[:it.num.start]) or m and m.group(1).endswith("ss"):
            continue          # "a 15 dia x 10 boss": a size after the 'x' (and 'boss' is one, not a plural)
        square = am is not None and m is not None and am.group(1) == "square" and it.num.value <= 12 and \
            re.match(r"^\s*square\s+(?:pockets|recesses|holes|slots|cutouts|bosses|pads|windows)\b", t[it.num.end:])
        if m and m.group(1) not in NOT_THINGS and (not am or corners or square):      # "four rounded corners": a count
            # ("2 square pockets, each 40 x 40": two of them, not a square of 2)
            it.role, it.via = "count", m.group(1)
    # "a length, width and height of 0.75, 0.52 and 0.19 units, respectively"
    for m in RESPECTIVELY.finditer(t):
        names = [g for g in m.groups() if g]
        follow = [it for it in items if it.num.start >= m.end() and it.role is None][:len(names)]
        if len(follow) == len(names) and all(re.fullmatch(r"[\s,]*(?:and\s*)?", t[a.num.end:b.num.start])
                                              for a, b in zip(follow, follow[1:])) and follow[0].num.start - m.end() < 3:
            for it, name in zip(follow, names):
                it.role, it.via = ("width" if name == "depth" else name), "respectively"
    before, b_table = _table("before")
    used_after: set[int] = set()
    # counts first: a bare integer before a countable noun ("six holes", "4 x 9 holes", "8 dia 18 holes")
    inside: list[tuple[int, int]] = []
    for it in items:      # "NEMA 17": a motor frame, not a size
        if re.search(r"\bnema\s*$", t[:it.num.start]):
            it.role, it.via = "frame", "nema"
    for it in items:
        n = it.num
        if not n.integer or it.role or any(a <= n.start < b for a, b in inside):
            continue
        rest = t[n.end:n.end + 40]
        m = re.match(rf"^\s*(?:of\s+)?(?:{BETWEEN}\s+){{0,3}}?({COUNT_NOUNS})\b", rest)
        lead = re.match(r"^\s*(?:mm|cm|in\b|\"|deep|wide|long|thick|tall|high|dia(?:meter)?\b(?!\s*[\d.]))", rest) or \
            re.search(r"\b(?:dia|diameter|r|radius)\s*$", t[:n.start])        # "Ø6 holes": six across, not six
        if it.group is not None and it.pos > 0 and len(out.groups[it.group]) > 2:
            m = None
        if m and it.group is not None and it.pos == 0 and len(out.groups[it.group]) == 3 and \
                not re.match(r"\s*x\s*[\d.]+\s*x\s*[\d.]+\s*(?:mm\s*)?" + COUNT_NOUNS, rest):
            m = None          # "a plate 80 x 60 x 10 that bolts down ...": the part's size, not 80 of something
        if m and it.group is not None and re.search(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a|an|"
                                                    r"pair of)\s+$", t[:out.groups[it.group][0].num.start]):
            m = None          # "two 30 x 8 slots": counted before, so the group is their size
        if m and it.group is not None and it.pos > 0 and not m.group(1).endswith("s"):
            m = None          # "a 12 x 6 slot": its size, not six of them
        if m and re.search(r"\b(square|rectangular|rectangle)\b", rest[:m.start(1)]) and (
                it.group is not None or not m.group(1).endswith("s") or n.value > 12):
            m = None          # "a 20 x 20 square hole": a size, not a count ("2 square pockets, each 40 x 40": two)
        if m and not m.group(1).endswith("s") and n.value != 1 and m.group(1) not in ("teeth", "tooth") and \
                not re.match(r"\s*(?:pattern|flange|circle|layout|plate|bracket|design|mount|bolt|pcd|holes|"
                                r"screws|slots)\b", rest[m.end(1):]) and not (
                    n.integer and n.value <= 24 and not re.search(r"\b(?:a|an|the|one)\s+$", t[:n.start]) and (re.match(r"\s*(?:with\s+|of\s+)?(?:a\s+)?(?:dia(?:meter)?|size|ø)\s*(?:of\s*|is\s*)?"
                                                             r"\d", rest[m.end(1):]) or
                                                             re.match(r"\s*\d*\.?\d+\s*(?:mm|cm|\"|in)?\s*(?:dia(?:meter)?|ø)\b",
                                                                      rest[m.end(1):]) or
                                                             re.match(r"\s*,?\s*each\b", rest[m.end(1):]))):
            # ("with 2 slot, each slot 20 long": two slots, sized one by one after)
            # ("make 2 hole diameter 8": two holes, the size said after the noun)
            m = None          # "add a 40 centre hole", "20 centre hole": one hole 20 across ("a 4 hole pattern" counts)
        if m and not lead and 0 < n.value <= 500:
            it.role, it.via = ("teeth", "teeth") if m.group(1).startswith("t") else ("count", "count")
            inside.append((n.end, n.end + m.start(1)))
            if it.group is not None and len(out.groups[it.group]) == 2 and it.pos == 0:
                other = out.groups[it.group][1]
                if other.role is None:
                    other.role, other.via = "size", "x"
        elif n.value <= 8 and not lead and re.match(r"\s*(?:counterbores?|counterbored|c'?bores?|c'?bored|countersinks?|"
                                                    r"countersunk|csks?)\s+(?:for|holes?|on|at|in)\b", rest):
            it.role, it.via = "count", "count"     # "one c'bore for M6 SHCS": one counterbored hole, not an 1 mm head
        elif n.value <= 24 and re.search(rf"\b(?:{COUNT_NOUNS})\s*[:,]\s*$", t[:n.start]) and \
                re.match(r"^\s*(?:(?:in|on|at|per|along|through|across|into|near)\s+(?:each|every|both|either|the|a|one|"
                         r"its)\b|each\b)", rest) and not re.match(r"\s*across\s+(?:the\s+)?(?:flats?|corners)\b", rest):
            # (but "a 12 mm double d hole, 10 across the flats": its size across the flats)
            it.role, it.via = "count", "after its noun"     # "5.5 holes: two in each leg": two of them
        elif re.match(r"^\s*(?:of them|in total|total|in all)\b(?!\s*(?:height|length|width|thickness|diameter|"
                      r"depth|size|long|high|tall|wide|thick))", rest) and not re.search(r"\(\s*$", t[:n.start]):
            # ("(25 total)" in brackets: an overall size said again, not a count)
            it.role, it.via = "count", "of them"
    for it in items:
        if it.role:
            continue
        n = it.num
        m = after.match(t[n.end:])
        if m:
            # "OD 40 ID 32": the word after 40 starts the next number's phrase; the word before wins
            nxt = t[n.end + m.end():]
            b = before.search(t[:n.start])
            if b and re.match(r"^\s*\.?\d", nxt) and b_table[b.group(1)] != "count" and m.group(1) in b_table \
                    and not (b_table[b.group(1)] in ("teeth", "module") and n.unit is not None) \
                    and not (b.group(1) in ("teeth", "tooth") and re.search(r"\d\s*$", t[:b.start(1)])) \
                    and b.start(1) not in used_after and not re.search(
                        r"\b(?:in|on|into|through) (?:a|an|one|the|each|either|other)\s+$", t[:b.start(1)]):
                continue      # (but "a slot in a leg 6 wide 15 long": 'in a leg' says where, 6 is the slot's width)
            if a_table[m.group(1)] == "side" and re.match(r"\s*(?:through\s+|raised\s+|thru\s+)?(?:holes?|cutouts?|cut-outs?|openings?|pockets?|recess(?:es)?|boss(?:es)?|"
                                                                   r"pads?|windows?|slots?|apertures?|notch(?:es)?)\b",
                                                          t[n.end + m.end():]):
                continue      # "20 x 20 square hole", "a 20 mm square boss": the feature's shape, not a square part
            if a_table[m.group(1)] == "side" and m.group(1).startswith("on ") and it.group is not None and it.pos > 0:
                continue      # "raised face Ø90 x 2 on one side": where the 90 x 2 face is, not a square's side
            if a_table[m.group(1)] == "side" and m.group(1).startswith("on ") and b and b_table[b.group(1)] == "height":
                continue      # "a hub sticking out 5mm on one side": how far it stands out, on that side
            if a_table[m.group(1)] == "side" and re.search(r"\b(?:on|in|corners of|corner of) (?:an?|the) (?:[\d.]+\s*(?:mm\s*)?x\s*)?$",
                                                                      t[:n.start]):
                continue      # "4 holes on (the corners of) a 70 x 70 square": where the holes sit, not a square part
            if m.group(1) == "blind" and re.match(r"\s*blind\s+flanges?\b", t[n.end:]):
                continue      # "Ø200 blind flange": the flange's diameter, not a depth
            if a_table[m.group(1)] == "wall" and m.group(1) == "shell" and it.group is not None and \
                    len(out.groups[it.group]) == 3 and re.match(r"\s*shell(?:ed)?\s*(?:it\s*)?(?:to\s*|with\s*|of\s*)?[\d.]",
                                                                t[n.end:]):
                continue      # "box 120x80x60 shell 3mm": the part's third size, then the shell's wall
            it.role, it.via = a_table[m.group(1)], m.group(1)
            used_after.add(n.end + m.start(1))
    if SHELL_CUE.search(t) or re.search(r"\b(?:tray|box|bin|enclosure|case)\b", t):
        for it in items:  # "a tray 120x80x20 with 2mm sides": its walls, not a square's side
            if it.role == "side" and it.via in ("sides", "side") and it.group is None and it.num.value < 20:
                it.role, it.via = "wall", "sides"
    if SHELL_CUE.search(t):   # "bottom 4 thick", "a 3 mm floor": an open shell's floor, not the part's thickness
        for it in items:
            if it.role in (None, "thickness", "size", "height", "bottom_d") and is_floor(t, it):
                it.role, it.via = "floor", "floor"
    if re.search(r"\b(cone|conical|frustum|tapered|taper|funnel|truncated)\b", t):
        # ("base 40 top 20 height 30": every size said after its word, the first one too; "40 bottom dia 20 top dia": before)
        words_first = bool(items) and re.search(r"\b(?:top|tip|small end|bottom|base|big end)(?:\s+(?:dia|diameter))?\s*"
                                                r"(?:of|is|=|:)?\s*$", t[:items[0].num.start]) is not None
        for it in items:   # "cone, bottom 40, top 20": the diameters at its ends
            m = re.search(r"\b(top|tip|small end|bottom|base|big end)(?:\s+(?:dia|diameter))?\s*(?:of|is|=|:)?\s*$",
                          t[:it.num.start])
            if m and (it.role is None or words_first and it.via in ("top", "tip", "bottom", "base", "height", "high", "tall")):
                # ("base 40 top 20 height 30": each number is the word before it's, not the word after it)
                it.role, it.via = ("top_d" if m.group(1) in ("top", "tip", "small end") else "bottom_d"), m.group(1)
            elif words_first and it.via in ("top", "tip", "bottom", "base") and re.search(r"\b(?:height|tall|high|long|length)\s*(?:of|is|=|:)?\s*$",
                                                                       t[:it.num.start]):
                it.role, it.via = "height", "height"
    for it in items:       # "50 x 30 x 5 angle ..., holes in the 50 leg": the leg named by its size, said before
        if any(len(g) >= 3 for g in out.groups) or any(
                o.num.start < it.num.start and abs(o.num.value - it.num.value) < 1e-9 for o in items if o is not it):
            if it.role == "legs" and it.group is None and re.search(r"\bthe\s*$", t[:it.num.start]) and \
                    re.match(r"\s*(?:mm\s*|in\b\s*|\"\s*)?(?:long\s+)?(?:leg|arm|flange)\b", t[it.num.end:]):
                it.role, it.via = "ref", "names a leg"
    for it in items:       # "both legs 60 long": the legs' length, not the part's
        if it.role == "length" and re.search(r"\b(?:legs?|arms?|sides?|flanges?)\s*(?:are\s+|is\s+|=\s*|:\s*|of\s+|"
                                             r"measure\s+|measuring\s+)?$", t[:it.num.start]):
            it.role, it.via = "legs", "legs"
    for it in items:       # "4 holes on a 75 square": the square the holes stand on, not the part's side
        if it.role in (None, "side") and re.search(r"\b(?:on|in|at|corners? of) (?:an?\s|the\s)?\s*$", t[:it.num.start]) and \
                re.match(r"^\s*(?:mm\s*)?square\b(?!\s*(?:plate|block|bar|part))", t[it.num.end:]):
            it.role, it.via = "spacing", "square"
    for it in items:       # "9 dia x 90 csk": the countersink's angle written without its degree sign
        if it.num.value in (60, 82, 90, 100, 120) and it.num.unit is None and re.search(r"\bx\s*$", t[:it.num.start]) and \
                re.match(r"\s*(?:csk|c/sink|countersink|countersunk|c'sink)\b", t[it.num.end:]):
            it.role, it.via = "angle", "csk"
    for it in items:       # "4 holes in the corners, 10 in": how far in from the edges
        if it.role is None and it.num.unit is None and re.search(r"\bin\s*$", it.num.text):
            it.role, it.via = "inset", "in"
    for it in items:       # "an end cap for a 36mm tube": the size of what it is for, not of the part
        if re.search(r"\b(?:for|to hold|hold|holds|to fit|fits?|to take|takes|over|onto)\s+(?:a|an|the|my|our|some)?\s*$",
                     t[:it.num.start]) and re.match(r"^\s*(?:mm|in|\")?\s*(?:[a-z]+\s+)?(?:tube|pipe|rod|bar|shaft|dowel|"
                                                    r"bearing|motor|magnet|led|bolt|screw)s?\b", t[it.num.end:]):
            it.role, it.via = "ref", "for"
    for it in items:       # "running the full 50 length": the part's length named again, not a new size
        if re.search(r"\bthe (?:full|whole|entire)\s*$", t[:it.num.start]):
            it.role, it.via = "ref", "full"
    for it in items:       # "running along the 80 side": a side named by its size, not a new size
        # ("30 either side of the middle of the 120 length": the length named, too)
        if re.search(r"\b(?:along|on|parallel to|across|through|down|up|of) the\s*$", t[:it.num.start]) and \
                re.match(r"^\s*(?:mm\s*)?(?:side|edge|end|face|direction|width|length|height|way)\b", t[it.num.end:]):
            it.role, it.via = "ref", "side"
    if re.search(r"\b(?:tube|tubing|pipe|sleeve|bush(?:ing)?|spacer)\b", t) and not re.search(r"\b(?:square|rectangular|box)\b", t):
        for g in out.groups:   # "tube 1-1/2 x 1/8 wall x 6": the outside diameter by its wall
            if len(g) >= 2 and g[1].role == "wall" and g[0].role is None:
                g[0].role, g[0].via = "diameter", "x wall"
    for g in out.groups:   # "a hole through the 60 x 20 face": a face named by its two sizes, which it sizes nothing
        if len(g) == 2 and re.search(r"\b(?:the|one of the|either of the|both)\s+(?:big |large |small |long |short |end |side )?$",
                                     t[:g[0].num.start]) and \
                re.match(r"^\s*(?:mm\s*)?(?:side\s+|end\s+)?(?:face|faces|side|sides|end|ends|surface|wall|walls)\b",
                         t[g[1].num.end:]):
            for it in g:
                it.role, it.via = "ref", "names a face"
    for it in items:
        if it.role:
            continue
        n = it.num
        b = before.search(t[:n.start])
        if re.match(r"\s*(?:mm\s*)?(?:(?:,\s*(?:and\s+)?|\s*\band\s+|\s*&\s*)[\d.]*\d\s*(?:mm\s*)?)*(?:(?:up|down) (?:from|off)|"
                    r"(?:in )?from) (?:the|each|both|either|one|a)\b", t[n.end:]):
            continue      # "along the length, 15 up from the bottom", "a cross hole 10 from the top", "the base leg 15 and
            # 35 from the outside corner": a place (or places)
        if b and b.start(1) not in used_after and not (it.group is not None and it.pos > 0) and not (
                b_table[b.group(1)] == "angle" and it.group is not None) and not (   # "angle 2 x 2 x 1/4": the part's section
                b_table[b.group(1)] in ("teeth", "count", "module") and n.unit is not None):   # "18 teeth 20mm wide"
            it.role, it.via = b_table[b.group(1)], b.group(1)
            used_after.add(b.start(1))
    if not re.search(r"\b(cone|conical|frustum|tapered|taper|funnel|truncated)\b", t):
        for it in items:   # "a hub on top Ø50": the hub's diameter, no cone's top end
            if it.role in ("top_d", "bottom_d") and re.search(r"\bdia|diam", it.via):
                it.role = "diameter"
    if re.search(r"\b(?:flange|disc|disk|round|circular|cylinder|wheel|hub|od)\b", t):
        for it in items:   # "6 x M10 clearance on 95" on a round part: the bolt circle, said without its word
            if it.role is None and re.search(r"\b(?:holes?|clearance|tapped|bolts?|screws?)\s+on\s+(?:an?\s+)?$",
                                             t[:it.num.start]) and re.match(r"\s*(?:mm\s*)?(?:[,;.]|$)", t[it.num.end:]):
                it.role, it.via = "pcd", "on"
    if any(it.role == "diameter" for it in items):
        for it in items:   # "4 in flange plate: 9.00 OD": a nominal (pipe) size naming the part, its sizes said apart
            if it.role in (None, "flange") and it.num.unit == "inch" and re.match(r"\s*(?:nominal\s+|nps\s+|nb\s+)?(?:flanges?|pipes?)\b",
                                                                       t[it.num.end:]):
                it.role, it.via = "ref", "nominal size"
    return out
