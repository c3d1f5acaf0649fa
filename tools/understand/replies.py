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
_CORRECTED = re.compile(r"^\W*(?:(?:make|change|set)\s+)?(?:the\s+)?(?P<noun>holes?|bores?|slots?|pockets?|boss|counterbores?)\s+"
                        r"(?:is|are|should be|was meant to be|meant to be|needs to be|=|:|to|(?=\d|[ø⌀]))\s*(?:only\s+|just\s+)?(?P<size>(?:[ø⌀]\s*)?\d[\d./]*\s*"
                        r"(?:mm|cm|\"|in\b)?)\W*$", re.I)


# "my bad, the wall is 2", "ah sorry, the 20 dia section is 40 long": a size the request said, named by the words
# before it there, corrected
_NAMED_FIX = re.compile(r"^\W*(?:the\s+)?(?P<noun>[a-z\dø⌀][\w .'-]{0,30}?)\s+(?:is|are|should be|should have been|was meant to "
                        r"be|meant to be|needs to be|=|:)\s+(?:only\s+|just\s+|actually\s+)?(?P<size>\d[\d./]*)\s*"
                        r"(?P<unit>mm|cm|\"|in\b)?\s*(?P<role>long|wide|thick|tall|high|deep|dia(?:meter)?|od|id|across)?\W*$", re.I)
_NUM = r"(?:[ø⌀]\s*)?\d[\d./]*"
# "sorry, OD 40", "oops, pcd 30", "wall 2": a size named by its word alone, corrected
_ROLE_FIX = re.compile(r"^\W*(?:the\s+)?(?P<noun>od|o\.d\.|id|i\.d\.|outer diameter|inner diameter|outside diameter|inside "
                       r"diameter|wall|walls|wall thickness|thickness|diameter|dia|length|width|height|pcd|bolt circle|bore)\s*"
                       r"(?:of\s+|to\s+|=\s*|:\s*|->\s*)?(?P<size>\d[\d./]*)\s*(?P<unit>mm|cm|\"|in\b)?\W*$", re.I)
# "sorry 5 thick", "oops, 40 long": a size said with the word the request said its wrong size with
_ADJ_FIX = re.compile(r"^\W*(?P<size>\d[\d./]*)\s*(?P<unit>mm|cm|\"|in\b)?\s*(?P<role>long|wide|thick|tall|high|deep|od|id|"
                      r"wall|pcd)\W*$", re.I)


def _adjective_fixes(before: str, reply: str) -> list[str]:
    """'sorry 5 thick' after 'plate 100 x 60 x 0 thick': the one size the request said with that word, replaced."""
    m = _ADJ_FIX.match(_LEAD.sub("", reply.strip()))
    if not m:
        return []
    said = list(re.finditer(rf"(?P<n>{_NUM})\s*(?:mm\s*)?{re.escape(m.group('role'))}\b", before, re.I))
    if len(said) != 1:
        return []
    size = m.group("size") + (f" {m.group('unit')}" if m.group("unit") else "")
    return [before[:said[0].start("n")] + size + before[said[0].end("n"):]]


def _named_fixes(before: str, reply: str) -> list[str]:
    """The request with the size that the reply names by its words replaced: the number right after those words in
    the request ('a 20 dia section 60 long': its 60, when the reply says 'long'), or right before them ('12 mm
    wall')."""
    m = _NAMED_FIX.match(_LEAD.sub("", reply.strip())) or _ROLE_FIX.match(_LEAD.sub("", reply.strip()))
    if not m:
        return []
    said = re.sub(r"\s+(?:section|step|part|bit|portion)$", "", m.group("noun").strip().lower())   # ('the 20 dia section')
    noun = re.sub(r"\s+", r"\\s+", re.escape(said).replace("\\ ", " "))
    noun = re.sub(r"s$", "", noun) + "s?"
    size = m.group("size") + (f" {m.group('unit')}" if m.group("unit") else "")
    role = m.groupdict().get("role")
    out = []
    for w in re.finditer(rf"(?<![\w.]){noun}\b", before, re.I):
        after = re.match(rf"\s*(?:(?P<c>is|of|at|=|:|x)\s*)?(?:(?:section|step|part|bit)\s+)?(?P<n>{_NUM})\s*(?:mm\s*)?"
                         rf"(?P<r>[a-z]+)?", before[w.end():], re.I)
        if after and role and (after.group("c") or "").lower() == "x" and role.lower().startswith("long") and \
                not (after.group("r") or "").lower().startswith(("wide", "thick", "deep")):
            after = re.match(rf"\s*x\s*(?P<n>{_NUM})(?P<r>)", before[w.end():], re.I)     # ("20 dia x 60": its length)
            by_x = after is not None
        else:
            by_x = False
        lead = re.search(rf"(?P<n>{_NUM})\s*(?:mm\s*)?(?:thick\s+)?$", before[:w.start()], re.I)
        here = []
        if after and (role is None or by_x or (after.group("r") or "").lower().startswith(role.lower()[:3])):
            a, b = w.end() + after.start("n"), w.end() + after.end("n")
            here.append(before[:a] + size + before[b:])
        if lead and role is None:
            fixed = (before[:lead.start("n")] + size + " " + before[w.start():].lstrip()
                     if not before[lead.end("n"):w.start()].strip() else
                     before[:lead.start("n")] + size + before[lead.end("n"):])
            # ("12 mm wall 50 long": the number said with the word before it is the wall's, the 50 the next size's)
            here.insert(0 if re.fullmatch(r"\s*(?:mm\s*)?", before[lead.end("n"):w.start()]) else len(here), fixed)
        out += here
    return out


# "oops, swapped them. 20 OD, 12 ID, 2 thick": the part said again without its name, after an apology
_SAID_AGAIN = re.compile(r"^\W*(?:(?:oh|ah|sorry|oops|whoops|my bad|my mistake|right|ok(?:ay)?|so|um+|er+|hmm+|typo|"
                         r"i (?:swapped|mixed up|got) (?:them|those|it)(?: (?:round|around|the wrong way round|backwards|mixed up))?|"
                         r"(?:swapped|mixed up|backwards|wrong way round)(?: them| those| the two)?|i meant|meant|should be|"
                         r"should have been|correction|that should be)\b[\s,.:!-]*)+", re.I)


def _builds(spec: dict) -> bool:
    """Does the spec pass the part rules (a corrected size that still leaves a bore over the outside is no fix)?"""
    from ..part.validation import validate
    return validate(spec)[0] is not None


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
    if ub.body is not None:
        for text in _named_fixes(before, reply) + _adjective_fixes(before, reply):
            um = understand(text)
            if _whole(um) and um.spec != ub.spec and _builds(um.spec):
                return text       # "my bad, the wall is 2" after a 12 wall on a 20 OD tube: that size corrected
        again = _SAID_AGAIN.match(reply.strip())
        named = find("bodies", before.lower())
        if again and named and not find("bodies", reply.lower()) and len(re.findall(r"\d", reply)) >= 2:
            rest = reply.strip()[again.end():]
            said = before[named[0][0]:named[0][1]]
            feats = re.search(r"[,;]?\s*\bwith\b.*$", before[named[0][1]:])
            for text in (before[:named[0][1]] + " " + rest,
                         # "sorry, I meant 50 x 50 base and 40 tall" after "a 50mm cube, 40 high, with a 20 hole": the
                         # part's sizes said again, its features kept (a cube so sized is a block)
                         ("block" if said.lower() == "cube" else said) + " " + rest.rstrip(" .,;") +
                         (", " + feats.group(0).lstrip(" ,;") if feats else "")):
                um = understand(text)
                if _whole(um) and um.spec != ub.spec:
                    return text       # "oops, swapped them. 20 OD, 12 ID, 2 thick": the washer said again
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
