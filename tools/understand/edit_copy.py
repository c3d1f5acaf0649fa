"""Copies of a placed feature in an edit: "another one the same, 20 from the right end", "an identical hole 25 to
the left of it", "two more the same, 40 either side", "duplicate the pocket 30 to the right". The copy keeps every
size of the one there (diameter, depth, head, thread) and is placed by the words, measured from that feature or
from the part's edges; where the words give no place, it is asked, never guessed."""

from __future__ import annotations

import re

from .numbers import is_inch_fraction, normalize, numbers, unit_mm

KINDS = {"hole": "hole", "holes": "hole", "bore": "hole", "pocket": "pocket", "slot": "slot", "boss": "boss"}
_LEAD = r"^\s*(?:(?:ok|okay|now|and|also|then|please|pls|oh|right|so)\W+)*(?:(?:can|could|would) you\s+)?" \
        r"(?:(?:put|add|drill|make|cut|do|place|i need|i want|we need|give it|give me)\s+)?"
def _kind(i: int) -> str:
    return rf"(?P<kind{i}>holes?|bores?|pockets?|slots?|boss|ones?|1|thing)"
_LIKE = r"(?:the same size|the same|identical|exactly the same|just the same|same size|just like (?:it|that|this|the (?:first|other)(?: \w+)?)" \
        r"(?: one)?|like (?:it|that|this)(?: one)?|to match|matching|of (?:those|them|these|that|the same))"
# the words that ask for a copy, and what stays after them (the copy's place)
COPY = re.compile(
    _LEAD + r"(?:(?P<n>another|(?:one|1) more|a second|a 2nd|an extra|(?:two|2) more)\b(?:\s+" + _kind(1) + r"\b)?(?P<like>\s*,?\s*"
    + _LIKE + r"\b)?|(?P<ident>an? (?:identical|matching|duplicate)|a copy of (?:the|that|this|it))\s*(?:" + _kind(2)
    + r"\b)?|(?P<verb>duplicate|copy|repeat|clone)\s+(?:the|that|this|it)\b\s*(?:" + _kind(3) + r"\b)?|"
    r"(?:the\s+)?same\s+(?:" + _kind(4) + r"\s+)?again\b|(?:the\s+)?same\s+" + _kind(5) + r"(?=\s+(?:at|on|to)\s+the\s+)|"
    r"(?P<lone>1|one)(?=\s+(?:more\s+)?(?:(?:at|on|in)\s+(?:the\s+(?:other|opposite|far|middle|cent(?:er|re))\b|[\d.]+\s*(?:mm\s*)?"
    r"(?:in\s+)?from\b)|[\d.]+\s*(?:mm\s*)?(?:to\s+the\s+|further\s+)?(?:left|right|above|below)\b)))(?P<rest>.*)$")
_UNIT = r"\s*(?:mm|cm|in(?:ch(?:es)?)?|\"|millimet\w*)?"
SHIFT = re.compile(r"(?P<d>\S+?)" + _UNIT + r"\s*(?:further\s+|more\s+|over\s+)?(?:to(?:wards?)?\s+(?:the\s+)?|)"
                   r"(?P<way>left|right|up|down|back|front|above|below)\b(?:\s+(?:of\s+)?(?:it|that 1|this 1|that|this|the (?:first|other|old|existing)"
                   r"(?: \w+)?|the \w+|that one))?")
EITHER = re.compile(r"(?P<d>\S+?)" + _UNIT + r"\s*(?:away\s+|apart\s+|out\s+)?(?:on\s+|to\s+)?(?:either|each|both)\s+sides?"
                    r"(?:\s+of\s+(?:it|that|this|the \w+))?|(?:on\s+|to\s+)?(?:either|each|both)\s+sides?(?:\s+of\s+"
                    r"(?:it|that|this|the \w+))?\s*,?\s*(?P<d2>\S+?)" + _UNIT + r"\s*(?:away|apart|out|off)\b")
EDGE = re.compile(r"(?P<d>\S+?)" + _UNIT + r"\s*(?:in\s+)?(?:away\s+)?from\s+the\s+(?P<e>left|right|front|back|top|bottom)"
                  r"(?:\s+(?:end|edge|side))?\b|(?:at|on|to|near)\s+the\s+(?P<e2>left|right|front|back)\s*(?:end|edge|side)?"
                  r"\s*,?\s*(?P<d2>\S+?)" + _UNIT + r"\s*in\b")
OTHER = re.compile(r"(?:\b(?:at|on|to|near|in)\s+|(?<![\w.])(?P<d>\d*\.?\d+)\s*(?:mm\s*)?(?:in\s+)?from\s+)the\s+(?:other|opposite|far)\s+(?:end|side)\b(?:\s*,?\s*(?:at\s+)?(?:the\s+)?"
                   r"same\s+(?:distance|spot|place|position|amount)(?:\s+in)?)?")
SIDE = re.compile(r"\b(?:at|on|to|near)\s+the\s+(left|right|front|back)(?:\s+(?:end|edge|side|hand side))?\b")
MIDDLE = re.compile(r"\b(?:(?:in|at|on)\s+the\s+(?:middle|cent(?:er|re))(?:\s+of\s+(?:the|it)(?:\s+(?!from\b)\w+)?)?|dead\s+cent(?:er|re)|"
                    r"(?:in\s+the\s+)?(?:exact\s+)?cent(?:er|re)\s+of\s+the\s+\w+)\b")
# "another hole 20 to the right of it, same size": the copy said to match after its place
LIKE_LATER = re.compile(r"\s*[,;-]?\s*(?:and\s+|with\s+|but\s+|of\s+)?(?:the\s+)?(?:same\s+(?:size|dia(?:meter)?|hole)|identical|"
                        r"(?:just\s+)?like\s+(?:it|that|this|the\s+(?:first|other|old|existing|big|bigger|large|small|smaller|little|middle|"
                        r"cent(?:er|re))(?:\s+(?:one|1|hole))?)|same\s+as\s+(?:it|that|"
                        r"this|the\s+(?:first|other|old|existing|big|bigger|large|small|smaller|little|middle|cent(?:er|re))(?:\s+(?:one|1|hole))?)|same|matching)\b(?:\s+as\s+(?:it|that|before|"
                        r"the\s+(?:first|other)(?:\s+one)?))?")
FILLER = re.compile(r"^(?:\s|[,.;:!?-]|\b(?:please|pls|too|as well|thanks|then|also|mm)\b)*$")


def _as_far_from_its_end(ed, f: dict, d: float) -> bool:
    """Is the placed feature ``f`` ``d`` from the end it is nearer to (along the way it sits off centre)?"""
    from ..part.plan import resolve_feature

    try:
        res = resolve_feature(ed.spec, f["id"])
    except ValueError:
        return False
    (u, v), = [(float(a), float(b)) for a, b in res.points] or [(0.0, 0.0)]
    hu, hv = res.frame.half
    return any(abs(h - abs(c) - d) < 1e-6 for h, c in ((hu, u), (hv, v)) if abs(c) > 1e-6)


def _kind_of(m: re.Match) -> str | None:
    gd = m.groupdict()
    return next((gd.get(f"kind{i}") for i in range(1, 6) if gd.get(f"kind{i}")), None)


# "another 10 mm hole 40 right of the first", "add a second 6 mm hole 20 to the left of it": a hole of its own size placed
# from the one there
SIZED = re.compile(_LEAD + r"(?P<n>another|a second|a 2nd|(?:one|1) more|an extra|a|an)\s+(?P<size>[\d./]+\s*(?:mm|cm|in|\")?)\s*"
                   r"(?:dia\w*\s+|Ø\s*)?(?P<kind1>holes?|bores?)\b(?P<rest>.*)$")
REL = re.compile(r"\b(?:left|right|above|below|up|down)\s+(?:of\s+)?(?:it|that|this|that 1|this 1|the hole|the (?:first|other|old|"
                 r"existing)(?:\s+(?:one|1|hole))?)\b")


def copy_request(text: str, spec: dict) -> re.Match | None:
    """The words ask for a copy of the one placed feature there ('another one the same ...'), not a new feature with
    its own size, nor more of a pattern ('add two more on the same spacing': the pattern's count)."""
    t = re.sub(r"\b(another|more|second|2nd|extra)\s+(?:a|1)\b(?!\s*(?:mm|cm|in|\"|/|\.\d))", r"\1 one", normalize(text).lower())
    sized = SIZED.match(t)
    if sized is not None and REL.search(sized.group("rest")):
        placed = _placed(spec, "hole", t)
        if len(placed) == 1 and (placed[0].get("at") or {"kind": "center"})["kind"] in (
                "at", "from_edge", "from_corner", "center") and len((placed[0].get("at") or {}).get("points") or [0]) == 1:
            return sized
    m = COPY.match(t)      # ('another one' is 'another a' or 'another 1' once numbers are read)
    if m is None:
        return None
    later = m.group("n") and not m.group("like") and LIKE_LATER.search(m.group("rest")) and not re.match(
        r"\s*[\d./]+\s*(?:mm|cm|in|\")?\s*(?:dia\w*|Ø|hole|bore|deep|x)\b", m.group("rest"))
    if m.group("n") and not m.group("like") and not later and (_kind_of(m) or "one").rstrip("s") not in ("one", "1",
                                                                                                       "thing") and not \
            (REL.search(m.group("rest")) or (re.match(r"\s*,?\s*[\d./]+\s*(?:mm|cm|in|\")?\s*(?:in\s+)?(?:from|to the|right|left)\b",
                                                     m.group("rest")) and (EDGE.search(m.group("rest")) or re.search(
                                                         r"\bfrom the (?:near |nearest |closest )?end\b", m.group("rest"))))):
        # ("a second hole 40 mm to the right of the first one", "another hole 20 from the right end": a copy of it, its
        # size kept; the hole there was moved)
        return None      # "another 8 mm hole ...", "one more hole, 20 from the end": a new hole said on its own
    if m.group("n") and not m.group("like") and not later and not _kind_of(m) and not re.match(
            r"\s*(?:[,.;:!?]|$|(?:at|on|to|near|next|beside|by|either|each|both)\b)", m.group("rest")):
        return None      # "a second 5mm hole in the leg": a hole said with its size
    k = _kind_of(m) or ""
    kind = KINDS.get(k if k == "boss" else k.rstrip("s"))
    placed = _placed(spec, kind, t)
    if len(placed) != 1 or (placed[0].get("at") or {"kind": "center"})["kind"] not in (
            "at", "from_edge", "from_corner", "center") or len((placed[0].get("at") or {}).get("points") or [0]) != 1:
        return None
    return m


def _placed(spec: dict, kind: str | None, t: str) -> list[dict]:
    """The placed features a copy may be of; 'the same as the big one', 'like the middle one': the one those words pick
    among holes of different sizes (the largest, the smallest, the one in the middle)."""
    placed = [f for f in spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot", "boss")
              and (kind is None or f["kind"] == kind)]
    w = re.search(r"\b(?:as|like)\s+the\s+(big|bigger|large|larger|biggest|small|smaller|smallest|little|middle|cent(?:er|re)|"
                  r"central)\s+(?:one|1|hole)\b", t)
    holes = [f for f in placed if f["kind"] == "hole" and isinstance(f.get("size"), (int, float))]
    if len(placed) < 2 or not w or len(holes) != len(placed):
        return placed
    word = w.group(1)
    if word.startswith(("big", "large", "larg")):
        return [max(holes, key=lambda f: f["size"])]
    if word.startswith(("small", "little")):
        return [min(holes, key=lambda f: f["size"])]
    return [f for f in holes if (f.get("at") or {"kind": "center"})["kind"] == "center"]


def copy_feature(ed, m: re.Match) -> None:
    """Add the copy ``m`` asks for to the editor's spec (``ed``: the edits module's editor), or say why not."""
    from ..part import ops
    from ..part.plan import resolve_feature

    k = _kind_of(m) or ""
    kind = KINDS.get(k if k == "boss" else k.rstrip("s"))
    placed = _placed(ed.spec, kind, m.string)
    single = [f for f in placed if (f.get("at") or {"kind": "center"})["kind"] in ("at", "from_edge", "from_corner", "center")]
    if not placed:
        ed.out.failed.append(f"there is no {kind or 'hole, pocket, slot or boss'} to copy")
        return
    if len(single) != 1 or len(placed) != 1:
        ed.out.failed.append(f"which {kind or 'feature'} to copy: the part has {len(placed)} "
                             + ("patterns or several" if len(single) != len(placed) else "of them")
                             + " (say e.g. 'another hole like the big one, 20 from the right end')")
        return
    f = single[0]
    rest = m.group("rest")
    gd = m.groupdict()
    if gd.get("n") and not gd.get("like"):
        rest = LIKE_LATER.sub(" ", rest, count=1)       # "..., same size": said to match, no place
    # "the same as the big one, 35 to the right of it": which one it is like (picked above), no place
    rest = re.sub(r"^\s*as\s+(?:it|that|this|before|the\s+\w+(?:\s+(?:one|1|hole))?)(?=\W|$)", " ", rest)
    # "another one of those counterbored holes at the other end": what is copied, said again
    rest = re.sub(r"^\s*(?:(?:counterbored|countersunk|tapped|threaded|blind|through|thru|big|small|same|\w+ mm)\s+)?"
                  r"(?:holes?|bores?|ones?|pockets?|slots?|boss(?:es)?)\b", " ", rest)
    # "to the right end, same distance in": its mirror image (the distance kept is what mirroring keeps)
    rest = re.sub(r",?\s*(?:at\s+)?(?:the\s+)?same\s+(?:distance|spot|place|position|amount|inset)(?:\s+in)?"
                  r"(?:\s+from\s+(?:the|that|its)\s+(?:end|edge|side))?", " ", rest)
    side = SIDE.search(rest)
    other = OTHER.search(rest)
    if other and other.group("d") and not _as_far_from_its_end(ed, f, float(other.group("d")) * ed.k):
        other = None        # "20 from the other end" of a hole 15 from its end: not its mirror image
    if (other and FILLER.match(OTHER.sub(" ", rest))) or (side and FILLER.match(SIDE.sub(" ", rest)) and
                                                                        _across(ed, f, side.group(1))):
        ed.mirror([f["kind"]])          # "another one the same at the other end": its mirror image
        ed.used.update(it.num.start for it in ed.tagging.items)
        return
    try:
        res = resolve_feature(ed.spec, f["id"])
    except ValueError as exc:
        ed.out.failed.append(f"where {f['id']} is could not be read ({exc})")
        return
    (u0, v0), = [(round(u, 6), round(v, 6)) for u, v in res.points] or [(0.0, 0.0)]
    hu, hv = res.frame.half
    want = 2 if re.match(r"(?:two|2) more", gd.get("n") or "") else None

    def mm(tok: str) -> float | None:
        nums = numbers(tok)
        if len(nums) != 1 or nums[0].end - nums[0].start != len(tok.strip()):
            return None
        n = nums[0]
        if not n.unit and ed.k == 1.0 and is_inch_fraction(n):
            return n.value * 25.4
        return n.value * (unit_mm(n.unit) if n.unit else ed.k)

    if re.search(r"\bfrom the (?:near |nearest |closest )?end\b", rest) and abs(u0) > 1e-6:
        # "one more hole, 20 from the end": the end the one copied sits nearer (said)
        rest = re.sub(r"\bfrom the (?:near |nearest |closest )?end\b", f"from the {'left' if u0 < 0 else 'right'} end", rest)
        if not getattr(ed, "end_note", None):
            ed.out.notes.append(f"'the end' read as the {'left' if u0 < 0 else 'right'} end (the one {f['id']} sits nearer)")
    new, said, left = [], [], rest
    for mt in EITHER.finditer(rest):
        d = mm(mt.group("d") or mt.group("d2"))
        if d is None:
            continue
        if hv > hu:      # "30 to either side of it" in a U's base: along the face's long way (its length)
            new += [(u0, v0 - d), (u0, v0 + d)]
            said.append(f"{d:g} mm either side along the length")
        else:
            new += [(u0 - d, v0), (u0 + d, v0)]
            said.append(f"{d:g} mm either side")
        left = left.replace(mt.group(0), " ")
    own = re.search(r"\bwith\s+its\s+(?:near\s+|nearest\s+|closest\s+|outer\s+|outside\s+)?(?:edge|side)\b", left)
    # "with its edge 10 mm from the right end": the copy's side that far in, its centre half its size further
    half_u = half_v = 0.0
    if own:
        size = f.get("size") if isinstance(f.get("size"), (int, float)) else f.get("diameter")
        if f.get("angle") or not (f.get("length") or size):
            # (a turned or table-sized one: its side's distance is not its centre's plus a half size read here)
            ed.out.failed.append(f"where the copy of {f['id']} goes by its edge (say where its centre goes)")
            return
        half_u, half_v = (f.get("length") or size) / 2, (f.get("width") or size) / 2
        left = left.replace(own.group(0), " ")
    for mt in EDGE.finditer(left):
        d = mm(mt.group("d") or mt.group("d2"))
        e = mt.group("e") or mt.group("e2")
        if d is None:
            continue
        grow = half_u if e in ("left", "right") else half_v
        d += grow
        u, v = u0, v0
        if e in ("left", "right"):
            u = (-hu + d) if e == "left" else (hu - d)
        else:
            v = (hv - d) if e in ("back", "top") else (-hv + d)
        new.append((u, v))
        said.append(f"its side {d - grow:g} mm from the {e} edge (centre {d:g} in)" if grow else f"{d:g} mm from the {e} edge")
        left = left.replace(mt.group(0), " ")
    mid = MIDDLE.search(left)
    if mid and not new:
        new.append((0.0, 0.0))          # "one more, same size, in the middle of the plate"
        said.append("in the middle")
        left = left.replace(mid.group(0), " ")
    if not new:
        du = dv = 0.0
        for mt in SHIFT.finditer(left):
            d = mm(mt.group("d"))
            if d is None:
                continue
            a, b = {"left": (-d, 0), "right": (d, 0), "up": (0, d), "back": (0, d), "front": (0, -d), "down": (0, -d),
                    "above": (0, d), "below": (0, -d)}[mt.group("way")]
            du, dv = du + a, dv + b
            said.append(f"{d:g} mm " + {"above": "above it", "below": "below it"}.get(mt.group("way"), f"{mt.group('way')} of it"))
            left = left.replace(mt.group(0), " ")
        if said:
            new.append((u0 + du, v0 + dv))
    stray = numbers(left)
    if not new:
        ed.out.failed.append(f"where the copy of {f['id']} goes (say e.g. 'another one the same, 20 mm from the right end' "
                             "or '30 mm to the left of it')")
        return
    if new and all(abs(v - v0) < 1e-9 for _, v in new) and re.search(r"\balong (?:the |its )?(?:length|bar|plate|part|"
                                                                        r"strip)\b|\blengthwise\b|\bthe long way\b", left):
        # "20 mm either side of it along the length": the way it was placed (left and right)
        left = re.sub(r"\balong (?:the |its )?(?:length|bar|plate|part|strip)\b|\blengthwise\b|\bthe long way\b", " ", left)
    if stray or not FILLER.match(re.sub(r"\b(?:and|but|of it|of the \w+|from it|with|the|a|at|on|in|its|centre|center|"
                                        r"line|same|height|level|row|parallel|alongside|running the same way)\b", " ", left)):
        ed.out.failed.append(f"I did not see what '{left.strip(' ,.;')[:60]}' says about where the copy goes")
        return
    if want is not None and len(new) != want:
        ed.out.failed.append(f"{want} more asked, {len(new)} placed by the words")
        return
    pts = [(u0, v0)] + new
    if any(abs(u) > hu + 1e-6 or abs(v) > hv + 1e-6 for u, v in new):
        ed.out.failed.append(f"the copy of {f['id']} would sit off the face ({', '.join(said)})")
        return
    size = mm(gd["size"]) if gd.get("size") else None
    if size is not None and not (isinstance(f.get("size"), (int, float)) and abs(size - f["size"]) < 1e-6):
        # a hole of its own size there (a pattern's points share one size): a new hole, no head
        ed.used.update(it.num.start for it in ed.tagging.items)
        (u, v), = new
        ed.apply(f"added hole Ø{size:g}, {' and '.join(said)}", ops.add_feature,
                 {"id": f"{f['id']}_{len(ed.spec['features']) + 1}", "kind": "hole", "size": size, "on": f.get("on", "top"),
                  "at": {"kind": "at", "points": [[round(u, 6), round(v, 6)]]}})
        return
    at = {"kind": "at", "points": [[round(u, 6), round(v, 6)] for u, v in dict.fromkeys(pts)]}
    ed.used.update(it.num.start for it in ed.tagging.items)
    ed.apply(f"{f['id']}: copied, {' and '.join(said)} ({len(at['points'])} now, every size kept)",
             ops.replace_feature, f["id"], {k: v for k, v in f.items() if k not in ("id", "at")} | {"at": at})


def _across(ed, f: dict, side: str) -> bool:
    """Does ``f`` sit off the middle on the side opposite ``side`` (its mirror image is then on that side)?"""
    from ..part.plan import resolve_feature

    try:
        res = resolve_feature(ed.spec, f["id"])
    except ValueError:   # a place that cannot be read is no mirror
        return False
    if len(res.points) != 1:
        return False
    u, v = res.points[0]
    return {"left": u > 1e-6, "right": u < -1e-6, "back": v < -1e-6, "front": v > 1e-6}[side]


# "add a 5th one dead center, same", "one more in the middle, same as the others": a copy of a pattern's holes (every
# size, head and thread kept) at a place of its own on the part (the middle, or from its edges)
PATTERN_COPY = re.compile(
    _LEAD + r"(?:another|(?:one|1) more|an extra|a (?:5th|6th|7th|9th|fifth|sixth|seventh|ninth|third|fourth|3rd|4th)|(?:one|1)(?= (?:at|in)\b)|"
    r"(?P<two>(?:two|2) more)(?:\s+of)?)\b"
    r"(?:\s+(?P<kind>holes?|bores?|ones?|1)\b)?(?P<rest>.*)$")
_SAME_AS = re.compile(r"\s*[,;-]?\s*(?:and\s+|with\s+|but\s+)?(?:(?:just|exactly)\s+)?(?:the\s+)?(?:same|identical|matching|"
                      r"like (?:the )?(?:others|rest|other ones|them|those)|as (?:the )?(?:others|rest))\b(?:\s+(?:size|type|kind|"
                      r"as (?:the )?(?:others|rest|them|those|before)|(?:counterbore|countersink|head|hole)s?))*")


# "in the middle of each long side, also 8 in from the edge": one on each long (short) side, that far in
SIDES = re.compile(r"\b(?:in\s+|at\s+|on\s+)?(?:the\s+)?(?:middle|cent(?:er|re))\s+of\s+(?:each|both|the two|the)\s+(long|short)\s+"
                   r"(?:sides?|edges?|ends?)\b")
IN_FROM = re.compile(r"(?P<d>[\d./]+)\s*(?:mm\s*)?(?:in\s+)?(?:from|off)\s+(?:the\s+|each\s+|its\s+)?(?:edges?|sides?)\b|"
                     r"(?P<d2>[\d./]+)\s*(?:mm\s*)?in\b")


def pattern_copy_request(text: str, spec: dict) -> re.Match | None:
    """The words ask for one more of a pattern's holes, said to be the same, at a place of the part's own."""
    t = normalize(text).lower()
    m = PATTERN_COPY.match(t)
    if m is None or not _SAME_AS.search(m.group("rest")):
        return None
    rest = _SAME_AS.sub(" ", m.group("rest"), count=1)
    if re.search(r"\b(?:of it|of them|of that|from it|from that|either side|each side|both sides|left of|right of|"
                 r"above|below|next to|beside)\b", rest):
        return None      # measured from a hole: which one of the pattern is not said (asked elsewhere)
    patterns = [f for f in spec.get("features", []) if f["kind"] == "hole"
                and (f.get("at") or {"kind": "center"})["kind"] not in ("at", "from_edge", "from_corner", "center")]
    if len(patterns) != 1 or not (MIDDLE.search(rest) or EDGE.search(rest) or SIDES.search(rest)):
        return None
    if bool(m.group("two")) != bool(SIDES.search(rest)):
        return None       # two more go one on each side; one more goes in one place
    return m


def copy_from_pattern(ed, m: re.Match) -> None:
    """Add the hole ``m`` asks for: the pattern's sizes, at the middle or that far from the edges (said)."""
    from ..part import ops

    f = next(f for f in ed.spec["features"] if f["kind"] == "hole"
             and (f.get("at") or {"kind": "center"})["kind"] not in ("at", "from_edge", "from_corner", "center"))
    rest = _SAME_AS.sub(" ", m.group("rest"), count=1)
    sides = SIDES.search(rest)
    mid = MIDDLE.search(rest) if not sides else None
    left = rest
    if sides:
        b = ed.spec["body"]
        hu, hv = (b.get("length") or 0) / 2, (b.get("width") or 0) / 2
        inset = IN_FROM.search(rest[sides.end():]) or IN_FROM.search(rest)
        if inset is None or not hu or not hv:
            ed.out.failed.append("how far in from the sides the two new holes go (say e.g. '8 in from the edge')")
            return
        nums = numbers(inset.group("d") or inset.group("d2"))
        d = nums[0].value * (unit_mm(nums[0].unit) if nums[0].unit else ed.k)
        long_ = sides.group(1) == "long"
        # the long sides run along the longer outline size
        along_u = hu >= hv
        if long_ == along_u:
            pts = [[0.0, round(hv - d, 6)], [0.0, round(-hv + d, 6)]]
        else:
            pts = [[round(hu - d, 6), 0.0], [round(-hu + d, 6), 0.0]]
        at, said = {"kind": "at", "points": pts}, f"in the middle of each {sides.group(1)} side, {d:g} mm in"
        left = left.replace(sides.group(0), " ").replace(inset.group(0), " ")
        left = re.sub(r"\b(?:also|too|as well|of)\b", " ", left)
    elif mid:
        at, said = {"kind": "center"}, "in the middle"
        left = left.replace(mid.group(0), " ")
    else:
        hits = list(EDGE.finditer(rest))
        b = ed.spec["body"]
        hu, hv = (b.get("length") or 0) / 2, (b.get("width") or 0) / 2
        u = v = 0.0
        said = []
        for mt in hits:
            nums = numbers(mt.group("d") or mt.group("d2"))
            if len(nums) != 1:
                ed.out.failed.append(f"where the new hole goes ('{mt.group(0)}')")
                return
            n = nums[0]
            d = n.value * (unit_mm(n.unit) if n.unit else ed.k)
            e = mt.group("e") or mt.group("e2")
            if e in ("left", "right"):
                u = -hu + d if e == "left" else hu - d
            else:
                v = hv - d if e in ("back", "top") else -hv + d
            said.append(f"{d:g} mm from the {e} edge")
            left = left.replace(mt.group(0), " ")
        at, said = {"kind": "at", "points": [[round(u, 6), round(v, 6)]]}, " and ".join(said)
    if numbers(left) or not FILLER.match(re.sub(r"\b(?:and|but|of it|of the \w+|the|a|at|on|in|its|dead|exact|exactly|"
                                               r"right|plate|part|block|one|hole)\b", " ", left)):
        ed.out.failed.append(f"I did not see what '{left.strip(' ,.;')[:60]}' says about the new hole")
        return
    ed.used.update(it.num.start for it in ed.tagging.items)
    ed.apply(f"added {'two holes' if sides else 'a hole'} the same as {f['id']} (every size kept), {said}", ops.add_feature,
             {k: v for k, v in f.items() if k not in ("id", "at")} | {"id": f"{f['id']}_{len(ed.spec['features']) + 1}",
                                                                      "at": at})
