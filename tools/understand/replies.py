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

# a reply that is only a size ('6mm', 'it's 2 mm', 'M6 clearance', '6 off', 'R10', '17/32"'): which size it is
# comes from what the request left open
_BARE = re.compile(r"^\W*(?:(?:oh|ah|sorry|oops|right|yes|yeah|ok(?:ay)?|so|um+|er+|hmm+)[\s,.!-]+)*"
                   r"(?:(?:it'?s|it is|make it|use|go with|let'?s say|say|about|roughly|just)\s+)?"
                   r"(?P<size>(?:[ø⌀r]\s*)?[\d][\d./\s-]*(?:mm|cm|in|inch(?:es)?|\"|°|deg)?|m\d+(?:\s*(?:clearance|"
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
        phrase = f"{count.group(1)} holes" if count else _role_phrase(ub, size)
        if phrase:
            out.append(_then(stem + ", " + phrase, rest))
        for n in _NOUNS.finditer(before):
            lead = _SAID_BEFORE.search(before[:n.start()])
            for at in ([lead.start()] if lead else []) + [n.start()]:
                out.append(_then(before[:at] + said + " " + before[at:], rest))
    out.append(_then(before, _LEAD.sub("", reply.strip()) or reply.strip()))
    return out


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
    if ub.body is None or not _open(ub):
        return None              # no part named before, or nothing left open: the reply is its own message
    ur = understand(reply)
    if _whole(ur) and not ur.notes:
        return None              # 'forget it, a 20 mm cube': a part of its own
    best, least = None, _open(ub)
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
    if made and not _BARE.match(re.split(r"(?<=[.!;])\s+", reply.strip(), maxsplit=1)[0]):
        return None
    return completed(before, reply)
