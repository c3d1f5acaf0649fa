"""A reply that completes the request before it: the engine asked for a size (or assumed one), and the user
answers in a chat's way ('oh sorry, 3 mm thick', '6mm', 'M6 clearance', '6 off, equally spaced', 'on the top
face'). Read alone the reply is no part; read with the request it completes, it is the part the user meant.

    completed("L bracket, legs 60 and 40, 30 wide", "oh sorry, 3 mm thick")
    # -> "L bracket, legs 60 and 40, 30 wide. oh sorry, 3 mm thick"

The reading is taken only when it leaves less open than the request alone (a size no longer missing or
assumed) and changes the part the request alone gave; a reply that is a whole part of its own is never merged.
"""

from __future__ import annotations

import re

from .request import Understanding, understand
from .vocab import find

# a reply that is only a size ('6mm', 'it's 2 mm', 'M6 clearance', '6 off', 'R10', '17/32"'): which size it is
# comes from what the request left open
_BARE = re.compile(r"^\W*(?:(?:oh|ah|sorry|oops|right|yes|yeah|ok(?:ay)?|so|um+|er+|hmm+)[\s,.!-]+)*"
                   r"(?:(?:it'?s|it is|make it|use|go with|let'?s say|say|about|roughly|just)\s+)?"
                   r"(?P<size>(?:[ø⌀r]\s*)?[\d][\d./\s-]*(?:mm|cm|in|inch(?:es)?|\"|°|deg)?(?:\s*(?P<role>across|dia(?:meter)?|od|"
                   r"o\.d\.|id|i\.d\.|wide|long|thick|tall|high|deep|bore|wall|radius|rad)\b)?|m\d+(?:\s*(?:clearance|"
                   r"tapped|thread(?:ed)?|tap))?|\d+\s*(?:off|of them|holes?|x))(?:[\s,]+(?:please|pls|is fine|is ok|will do|"
                   r"thanks|is good|works|should do|equally spaced|evenly spaced|spaced evenly|equi-?spaced|all round|"
                   r"all around))*\W*$", re.I)

_LEAD = re.compile(r"^\W*(?:(?:oh|ah|sorry|oops|whoops|my bad|right|yes|yeah|ok(?:ay)?|so|um+|er+|hmm+)\b[\s,.!-]*)+",
                   re.I)       # 'oh sorry, 3 mm thick': the size, without the apology

# what an assumption note or a missing size names -> how a size of that kind is said
_ROLE_PHRASES = (
    (r"wall", "{} wall"),
    (r"number of holes|how many", "{} holes"),
    (r"chamfer", "{} chamfer"),
    (r"fillet|radius|round", "R{}"),
    (r"inner diameter|bore|hole in the middle", "{} bore"),
    (r"outer diameter|outside diameter", "{} OD"),
    (r"thickness|thick", "{} thick"),
    (r"depth|deep", "{} deep"),
    (r"diameter for the (?P<what>[\w -]+?)(?: given|$)", "{} {what}"),
    (r"diameter|size of the (?P<what>[\w -]+?)(?: given|$)", "{} dia"),
    (r"length|long", "{} long"),
    (r"width|wide", "{} wide"),
    (r"height|tall|high", "{} tall"),
)


def _open(u: Understanding) -> int:
    """How much a reading leaves open: sizes missing, sizes assumed, a section only approximated."""
    return len(u.missing) + sum("assumed" in n for n in u.notes) + int(u.approximate) + len(u.unsupported)


def _whole(u: Understanding) -> bool:
    return u.spec is not None and u.body is not None and not u.missing and not u.unsupported and not u.approximate \
        and not any(n.startswith("no shape named") for n in u.notes)


def _role_phrase(u: Understanding, size: str) -> str | None:
    """'6mm' said after a request whose first open size is the thickness: '6mm thick'."""
    for said in [*u.missing, *u.notes]:
        low = said.lower()
        for pattern, phrase in _ROLE_PHRASES:
            m = re.search(pattern, low)
            if m:
                what = m.groupdict().get("what")
                return phrase.format(size.strip(), what=what.strip() if what else "")
    return None


# where a size said alone may belong in the request: before a feature's noun ('two bolt holes'), or before the
# size said with it ('9 mm bolt holes': '6 off 9 mm bolt holes')
_NOUNS = re.compile(r"\b(?:(?:bolt|mounting|screw|through|blind|clearance|tapped|cross|fixing)\s+)?(?:holes?|slots?|pockets?|"
                    r"recess(?:es)?|bores?|counterbores?|countersinks?|chamfer(?:s|ed)?|fillet(?:s|ed)?|rounded|corners|edges|"
                    r"boss(?:es)?|keyways?|grooves?|steps?|hub)\b", re.I)
_SAID_BEFORE = re.compile(r"(?:[ø⌀]\s*)?\d[\d./]*\s*(?:mm|cm|in|inch(?:es)?|\"|dia\.?|diameter)?\s*$", re.I)


def _readings(before: str, reply: str, ub: Understanding) -> list[str]:
    """The request read with the reply: the size put where it belongs (the open size's words, or in front of
    a feature's noun), then the reply said after the request."""
    parts = re.split(r"(?<=[.!;])\s+", reply.strip(), maxsplit=1)
    rest = parts[1] if len(parts) > 1 else ""
    stem = before.rstrip(" .;,")
    out = []
    m = _BARE.match(parts[0])
    if m:
        size = m.group("size").strip()
        count = re.fullmatch(r"(\d+)\s*(?:off|of them|x|holes?)", size, re.I)
        said = f"{count.group(1)} off" if count else size
        phrase = f"{count.group(1)} holes" if count else size if m.group("role") else _role_phrase(ub, size)
        if phrase:
            out.append(_then(stem + ", " + phrase, rest))
            named = find("bodies", before.lower())
            if named and not count:
                # "round cover plate, 5 thick, 4 holes ... on a 100 circle" + "make it 120 across": the body's size,
                # said with the body (after the holes it would be theirs)
                end = named[0][1]
                out.append(_then(before[:end] + " " + phrase + ("" if before[end:].lstrip().startswith(",") else ",")
                                 + before[end:], rest))
        for n in _NOUNS.finditer(before):
            lead = _SAID_BEFORE.search(before[:n.start()])
            for at in ([lead.start()] if lead else []) + [n.start()]:
                out.append(_then(before[:at] + said + " " + before[at:], rest))
    fix = _CORRECTED.match(_LEAD.sub("", parts[0]))
    if fix:
        # "my bad, hole is 30" after "50 x 50 plate 5 thick with a 60 mm hole in the center": that size replaced
        noun, size = fix.group("noun").lower().rstrip("s"), fix.group("size").strip()
        for m2 in re.finditer(rf"(?P<n>(?:[ø⌀]\s*)?\d[\d./]*)\s*(?:mm\s*)?(?:dia\.?\s*|diameter\s*)?(?:\w+\s+)?{noun}s?\b|"
                              rf"\b{noun}s?\s+(?:of\s+|is\s+|at\s+)?(?P<m>(?:[ø⌀]\s*)?\d[\d./]*)", before, re.I):
            g = "n" if m2.group("n") else "m"
            out.append(_then(before[:m2.start(g)] + size + before[m2.end(g):], rest))
    out.append(_then(before, _LEAD.sub("", reply.strip()) or reply.strip()))
    return out


# "hole is 30", "the slot should be 8 wide": a size of the request corrected
_CORRECTED = re.compile(r"^\W*(?:the\s+)?(?P<noun>holes?|bores?|slots?|pockets?|boss|counterbores?)\s+(?:is|are|should be|"
                        r"was meant to be|meant to be|needs to be|=|:)\s+(?:only\s+|just\s+)?(?P<size>(?:[ø⌀]\s*)?\d[\d./]*\s*"
                        r"(?:mm|cm|\"|in\b)?)\W*$", re.I)


def _then(text: str, more: str) -> str:
    """``more`` said after ``text``, as a sentence of its own."""
    text = text.rstrip(" ;,")
    if not more:
        return text
    return text + (" " if text.endswith((".", "!", "?")) else ". ") + more


def completed(before: str, reply: str) -> str | None:
    """``before`` read again with ``reply`` when the reply completes it (see the module's note), else None."""
    if not before.strip() or not reply.strip():
        return None
    ub = understand(before)
    fix = _CORRECTED.match(_LEAD.sub("", reply.strip()))
    if fix and ub.body is not None:
        # "my bad, hole is 30": the request that made nothing (a hole larger than the plate), that size corrected
        for text in _readings(before, reply, ub)[:-1]:
            um = understand(text)
            if um.spec is not None and not um.missing and not um.unsupported and not um.approximate:
                return text
        return None
    if ub.body is None or not _open(ub):
        return None              # no part named before, or nothing left open: the reply is its own message
    ur = understand(reply)
    if _whole(ur) and not ur.notes:
        return None              # 'forget it, a 20 mm cube': a part of its own
    pieces = [p for p in re.split(r"\s*(?:,|;|\band\b)\s*", _LEAD.sub("", reply.strip())) if p.strip()]
    if len(pieces) > 1 and all(_BARE.match(p) for p in pieces):
        # "6 holes, 9 mm": each size where it belongs, one after the other
        text = before
        for piece in pieces:
            text = _best(text, piece, understand(text), _open(understand(text)) + 1) or text
        return text if text != before and _open(understand(text)) < _open(ub) else None
    return _best(before, reply, ub, _open(ub))


def _best(before: str, reply: str, ub: Understanding, least: int) -> str | None:
    best = None
    for text in _readings(before, reply, ub):
        um = understand(text)
        if um.spec is None or um.body is None or um.missing or um.unsupported or um.approximate:
            continue
        if _open(um) < least:
            best, least = text, _open(um)
    return best


def read_with_previous(before: str, reply: str, made: bool) -> str | None:
    """The words to build for ``reply`` sent right after the request ``before``: that request completed by the reply,
    or None when the reply is a message of its own. ``made``: the request made a part (its open sizes assumed);
    then only a size said alone completes it ('6mm' after the plate whose thickness was assumed), since words that
    change something ('make it 6 thick') are a change of that part."""
    first = re.split(r"(?<=[.!;])\s+", reply.strip(), maxsplit=1)[0]
    if made and (not _BARE.match(first) or re.match(r"^\W*(?:make|change|set|turn)\b", first, re.I)):
        return None
    return completed(before, reply)
