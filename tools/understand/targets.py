"""Clauses → targets: the body and each feature the request names, with the numbers that belong to
them (by role, in mm) and the words around them (faces, edge sets, placements)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Clause
from .numbers import is_inch_fraction
from .roles import Tagged

OUTER_WORDS = {"od", "o.d.", "outer diameter", "outside diameter", "outside", "outer dia", "outside dia",
               "external diameter"}
OVERALL = re.compile(r"\b(final|overall|resulting)\b")
NEGATED = re.compile(r"^\s*(?:no|without|not)\b")
LEADS = re.compile(r"^\s*(?:a|an)\s+[\d.]")
MERGED = {"shell", "keyway", "flat", "mirror"}
HALF_ROLES = {"outer_r": "diameter", "inner_r": "inner", "bottom_r": "bottom_d", "top_r": "top_d"}
RAW_ROLES = {"count", "teeth", "module", "angle", "ref"}          # numbers that are not lengths
HOLE_MODIFIERS = {"cbore", "csink"}


@dataclass
class Value:
    mm: float              # in mm (or the raw number for counts, teeth, module, angle)
    raw: Tagged

    @property
    def explicit_unit(self) -> bool:
        return self.raw.num.unit is not None


@dataclass
class Target:
    kind: str                         # "body" or a feature word's name (hole, bore, fillet, ...)
    noun: str = ""
    roles: dict[str, list[Value]] = field(default_factory=dict)
    loose: list[Value] = field(default_factory=list)      # numbers with no keyword
    words: str = ""
    mods: set[str] = field(default_factory=set)            # cbore / csink named with a hole
    sub: "Target | None" = None                            # the counterbore / countersink's own numbers
    start: int = 0

    def get(self, role: str) -> float | None:
        v = self.roles.get(role)
        return v[0].mm if v else None

    def pop(self, role: str) -> float | None:
        v = self.roles.get(role)
        if not v:
            return None
        out = v.pop(0)
        if not v:
            del self.roles[role]
        return out.mm

    def take(self, keep) -> list[Value]:
        """Remove and return the values (written ones, loose or in any role) for which ``keep(value)`` holds."""
        out = []
        for vs in [self.loose, *self.roles.values()]:
            for v in list(vs):
                if v.raw is not None and keep(v):
                    vs.remove(v)
                    out.append(v)
        self.roles = {k: vs for k, vs in self.roles.items() if vs}
        return out

    def add(self, role: str | None, value: Value) -> None:
        if role in HALF_ROLES:      # "outer radius 25": a diameter of 50
            role = HALF_ROLES[role]
            value = Value(value.mm * 2, value.raw)
        if role:
            self.roles.setdefault(role, []).append(value)
        else:
            self.loose.append(value)


def _value(it: Tagged, unit_mm: float, groups) -> Value:
    n = it.num
    if it.role in RAW_ROLES:
        return Value(n.value, it)
    unit = n.unit
    if unit is None and is_inch_fraction(n):
        unit = "inch"          # "a 3/8 hole" beside metric sizes: a fraction of an inch, as always
    if unit is None and it.group is not None:      # "2 x 3/4 x 6 inches": the unit written last
        unit = next((g.num.unit for g in reversed(groups[it.group]) if g.num.unit), None)
    if unit is None and it.group is None:
        return Value(n.mm(unit_mm), it)
    from .numbers import unit_mm as factor
    return Value(n.value * (factor(unit) if unit else unit_mm), it)


ATTRIBUTE = re.compile(r"\s+(?:centres|centers|center|centre|spacing|pitch|size|width|length|depth|diameter|"
                       r"ends|positions?)\b")
# "hub diameter 50, hub height 20": the hub named again with its next size, not a second hub
BOSS_ATTRIBUTE = re.compile(r"\s+(?:diameter|dia|od|height|length|thickness|projection|size|width)\b")
NEAR = re.compile(r"^[\s\w.\"'/-]{0,28}$")


def _opens_sentence(cls: list[Clause], ci: int, text: str | None) -> bool:
    """No noun before clause ``ci`` in its sentence ('... EDM'd). At each corner, 12 mm in from both edges, a
    counterbored hole ...': the numbers lead into the sentence's feature)."""
    if text is None:
        return False
    for j in range(ci - 1, -1, -1):
        if re.search(r"[.;!?](?:\s|$)|\n", text[cls[j].end:cls[j + 1].start]):
            return True
        if cls[j].features or cls[j].body:
            return False
    return False


def targets(cls: list[Clause], groups, unit_mm: float, body_kind: str | None,
            text: str | None = None) -> tuple[Target, list[Target]]:
    body = Target("body")
    feats: list[Target] = []
    current = body
    carry: list = []
    run: list[tuple[Value, Target]] = []      # sizes in clauses after a feature's, given to that feature
    run_to_body = False                       # ... and one of those clauses was plainly the part's
    for ci, c in enumerate(cls):
        if c.features or c.body:
            _reclaim(run if run_to_body else [], body, body_kind)
            run, run_to_body = [], False
        nouns = []      # (position, Target) in this clause
        words = c.text
        hole_here = None
        pending_mods = set()
        negated = bool(NEGATED.match(c.text))
        for phrase, name in ([] if negated else c.features):
            pos = c.text.find(phrase)
            if re.search(r"\bfor (?:the|a|an|its) (?:[a-z]+ )?$", c.text[:pos]) and (name in ("boss", "shaft", "pocket") or (
                    name in ("hole", "bore") and ci == 0 and not c.text[pos + len(phrase):].strip() and
                    any(n in ("hole", "bore") for x in cls[1:] for _, n in x.features))):
                # "a 22 mm hole for the motor boss"; "block for a cross bore: ..." (what the part is for, a title)
                continue     # "a 22 mm hole for the motor boss": what the hole is for, not a boss
            if name in ("bore", "hole") and any(n in ("fillet", "chamfer") for _, n in c.features) and \
                    re.search(r"\b(?:on|of|around|round|to|at|in) (?:the|its|each|both) (?:[a-z]+ )?$|"
                              r"\b(?:chamfer|deburr|fillet|break|round)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?$", c.text[:pos]):
                continue     # "a 1/32 chamfer on the bore at both ends": the edges it goes on, not a new bore
            if name == "boss" and phrase in ("shoulder", "hub", "spigot", "boss", "collar") and re.search(
                    r"\b(?:from|to|at|against|near|off|past|behind|up to|of|meets?|joins?|into|in|on|round|around) the\s+$",
                    c.text[:pos]) and (phrase == "shoulder" and any(n in ("fillet", "chamfer") for _, n in c.features) or
                                       re.search(r"\b(?:from|to|at|against|near|off|past|behind|up to|of) the\s+$",
                                                 c.text[:pos])) and not re.match(
                    r"\s*(?:is|are|of|dia|diameter|\d)", c.text[pos + len(phrase):]):
                continue     # "a cross hole 10 from the shoulder": where it is, not a new shoulder
            if name == "boss" and phrase == "stem" and body_kind not in ("cylinder", "box", "tube", "flange"):
                continue     # "a T with a 40 tall stem": the section's own stem, not a boss on it
            if name == "rib" and body_kind in PROFILE_KINDS:
                continue     # "T-bracket: base ... with a rib standing up": the section's stem (request.py), not a rib
            if name == "boss" and phrase in ("shoulder", "spigot") and re.match(r"\s+(?:pin|bolt|screw|washer|bush\w*)s?\b",
                                                                             c.text[pos + len(phrase):]):
                continue     # "a shoulder pin": the kind of pin, not a shoulder on it
            last = nouns[-1] if nouns else None
            if last is not None and last[1].kind in ("hole", "bore", "pocket") and name in ("hole", "bore", "pocket") \
                    and pos - last[0] < 30 and not (re.search(r"[\d.]\s*(?:mm\s*)?$", c.text[:last[0]]) and any(
                        it.role == "count" and last[0] < it.num.start - c.start < pos for it in c.nums)):
                # (but "50 bore 6 holes 10 mm on 95 pcd": the first sized by the number before it, and a count before the
                # second, a set of its own; "drill 4 holes" is one)
                continue     # "pocket drilled", "through hole", "center hole": one noun
            same = next((f for f in feats if f.kind == name), None)
            latest = next((f for f in reversed(feats) if f.kind == name), None)
            if latest is not None and nouns and all(x is not latest for _, x in nouns) and re.search(
                    r"\b(?:sides? of|beside|next to|near|alongside|between|around|from|clear of|past) (?:the|that|each|both)"
                    r"\s+(?:[a-z]+\s+)?$", c.text[:pos]):
                continue     # "a 12mm hole on each side of the slot 45 from the centre": the slot is where, the 45 the hole's
            if latest is not None and name in ("hole", "bore", "slot", "pocket", "boss") and phrase.endswith("s") == (
                    latest.noun or "").endswith("s") and not c.text[:pos].strip(" ,;:-") and re.match(
                    r"\s*(?:are|is|should be|must be|need to be|needs to be|to be|:|=)\s", c.text[pos + len(phrase):]):
                nouns.append((pos, latest))     # "4 holes in the corners. holes are M4, 8 from the edges": those holes
                continue
            if latest is not None and name in ("hole", "bore", "slot", "pocket", "boss") and re.search(
                    r"\b(?:the|these|this|those|said|each of the|both)\s+(?:[a-z]+\s+)?$", c.text[:pos]) and \
                    not re.search(r"\b(?:other|second|third|another|new|larger|smaller|bigger|central|center|centre|"
                                  r"middle|corner)\s+$", c.text[:pos]):
                nouns.append((pos, latest))     # "... a hole in the center. The hole has a diameter of 0.125": that hole
                continue
            if latest is not None and name == "hole" and latest.kind == "hole" and phrase.endswith("s") and \
                    not c.text[:pos].strip(" ,;:-") and set(latest.roles) <= {"count"} and latest.roles and \
                    not latest.loose and not any(it.role == "count" and it.num.start - c.start < pos for it in c.nums):
                nouns.append((pos, latest))     # "pipe flange with 4 holes: ..., holes Ø9 on 65 PCD": those 4 holes
                continue
            if latest is not None and name == "hole" and latest.kind == "hole" and re.match(
                    r"\s*(?:pattern|layout|spacing|cent(?:er|re)s)\b", c.text[pos + len(phrase):]) and not \
                    c.text[:pos].strip(" ,;:-").split()[-1:] in (["the"], ["a"]) and not any(
                    it.role == "count" and it.num.start - c.start < pos for it in c.nums):
                nouns.append((pos, latest))     # "4 holes Ø9, hole pattern 90 x 50": where those holes go
                continue
            if latest is not None and name in ("hole", "bore", "slot", "pocket", "boss") and re.search(
                    r"\b(?:cent(?:er|re)s?|middle|axis|cent(?:er|re) ?line)\s+of\s+(?:the\s+|that\s+|this\s+|each\s+)?$",
                    c.text[:pos]):
                nouns.append((pos, latest))     # "..., centre of slot 30 from the left end": that slot, placed
                continue
            if same is not None and (ATTRIBUTE.match(c.text, pos + len(phrase)) or name == "boss" and
                                     BOSS_ATTRIBUTE.match(c.text, pos + len(phrase))) and not any(
                    it.role == "count" and it.num.start - c.start < pos for it in c.nums) and not (
                    re.match(r"\s+cent(?:er|re)\b", c.text[pos + len(phrase):]) and not phrase.endswith("s") and
                    any(it.num.start - c.start < pos for it in c.nums)):
                # (but "..., Ø50 hole center": a hole of its own, in the centre)
                # (but "... 2 hole diameter 8, in short side 1 hole diameter 8": a second set, counted)
                nouns.append((pos, same))       # "slot centres 50 apart": the slots named before
                continue
            if name == "shell" and body_kind in ("channel", "c_channel") and re.search(r"\bwalls?$", phrase) and \
                    not re.search(r"\b(?:shell|hollow|thick walls?|wall thickness)\b", phrase):
                continue     # "a U bracket: ..., side walls 40 high": the U's own walls, their sizes the section's
            if name == "shell" and phrase in ("wall", "walls") and (
                    re.match(r"\s+(?:legs?|arms?|sides?|flanges?|plates?|brackets?|mounts?|mounting|plugs?|anchors?)\b",
                             c.text[pos + len(phrase):]) or
                    re.search(r"\b(?:on|to|against|onto|off|from|into) (?:the|a|my|your) $", c.text[:pos])):
                continue     # "hang a shelf on the wall", "the wall leg": the room's wall, a bracket's leg
            if name == "shell" and same is not None and not phrase.endswith("s") and re.search(
                    r"\b(?:across|along|on|of|in|through|up)\s+(?:the|that|this|its)\s+(?:[\w.]+\s+)?$", c.text[:pos]):
                continue     # "a cutout ..., centred across the wall": the wall it is in, not the shell again
            if name in MERGED and same is not None:
                nouns.append((pos, same))       # one shell / one keyway: later words add to it
                continue
            if name == "shell" and re.search(r"\b(?:through|in|into|on|of)\s+(?:(?:both|the|each|either|its|one)\s+)?"
                                             r"(?:side\s*)?$", c.text[:pos]):
                continue     # "a hole through both side walls": the walls it goes through, not a shell
            if name == "fillet" and phrase.startswith("round") and any(n == "chamfer" for _, n in c.features) and \
                    re.search(r"\bchamfer\w*\s+(?:[\w.]+\s+){0,2}$", c.text[:pos]):
                continue     # "a 2 mm chamfer round the top edges": where the chamfer goes, not a fillet
            if name == "fillet" and phrase == "round the" and re.match(r"\s*(?:rim|circumference|outside|periphery|"
                                                                       r"edge of the (?:disc|wheel|pulley))\b",
                                                                       c.text[pos + len(phrase):]) and \
                    re.search(r"\b(?:groove|vee|v)\s*(?:[\w.]+\s+){0,1}$", c.text[:pos]):
                continue     # "a 90° V groove round the rim": where the groove runs, not a fillet
            if name == "fillet" and phrase.startswith(("break", "ease", "soften")) and \
                    any(n == "chamfer" for x in cls[ci:ci + 3] for _, n in x.features):
                name = "chamfer"     # "break all edges with a 1/16 chamfer": the chamfer is how they are broken
            if name == "fillet" and (current.kind == "slot" or any(n == "slot" for _, n in c.features)) and \
                    re.match(r"\s*(?:at (?:both|the|each) )?ends?\b", c.text[pos + len(phrase):]):
                continue     # "a 40 x 10 slot (rounded ends)": how a slot is, not a fillet on the part
            if name in ("fillet", "chamfer") and current.kind == name and not current.roles and not current.loose:
                nouns.append((pos, current))    # "rounded, 5 mm radius": one fillet
                continue
            if name in HOLE_MODIFIERS:
                host = hole_here or (current if current.kind in ("hole", "bore") else None)
                # "10 mm counterbore 5.5 deep" after the hole: the counterbore's own numbers
                if host is not None and hole_here is None and current is host and \
                        not re.match(r"\s+(?:(?:through|thru|clearance|bolt|screw|mounting|fixing|m\d+(?:\.\d+)?)\s+){0,2}(?:holes?|bores?)\b",
                                     c.text[pos + len(phrase):]):
                    sub = host.sub or Target(name, phrase)
                    host.sub, host.mods = sub, host.mods | {name}
                    nouns.append((pos, sub))
                    continue
                if hole_here is not None:
                    hole_here.mods.add(name)
                    sub = hole_here.sub or Target(name, phrase)
                    hole_here.sub = sub
                    nouns.append((pos, sub))
                    continue
                named = next((f for f in reversed(feats) if f.kind in ("hole", "bore") and name in f.mods
                              and f.sub is not None and not f.sub.roles and not f.sub.loose), None)
                if named is not None and not any(n in ("hole", "bore", "pocket") for _, n in c.features):
                    nouns.append((pos, named.sub))     # "two counterbored holes ... counterbores Ø15 by 9 deep"
                    continue
                if not any(n in ("hole", "bore", "pocket") for _, n in c.features):
                    # "a 20 mm deep 30 mm diameter counterbore" and no hole: a round blind hole; but "counterbored for an
                    # M5 socket head", "..., counterbored so the head sits flush" (no size of its own, one screw named):
                    # a counterbored hole for that screw
                    tgt = Target("hole", phrase, start=c.start + pos)
                    screws = {m.group(1) for m in re.finditer(r"\bm(\d+(?:\.\d+)?)\b", text or "")}
                    if len(screws) == 1 and not c.nums and phrase.endswith(("ed", "sunk")):
                        tgt.mods, tgt.sub = {name}, Target(name, phrase)
                    hole_here = tgt
                    nouns.append((pos, tgt))
                    feats.append(tgt)
                    continue
                pending_mods.add(name)
                continue
            tgt = Target(name, phrase, start=c.start + pos)
            if name in ("hole", "bore"):
                tgt.mods |= pending_mods
                if pending_mods:
                    tgt.sub = Target(next(iter(pending_mods)))
                pending_mods = set()
                hole_here = tgt
            nouns.append((pos, tgt))
            feats.append(tgt)
        if pending_mods:        # "countersunk" with no hole noun in this clause: the last hole's
            host = next((f for f in reversed(feats) if f.kind in ("hole", "bore")), None)
            if host is not None:
                host.mods |= pending_mods
                host.sub = host.sub or Target(next(iter(pending_mods)))
                nouns.append((0, host.sub))
        if c.body is not None:
            pos = c.text.find(c.body[0])
            if not body.noun:
                body.noun = c.body[0]
            nouns.append((pos, body))
        nouns.sort(key=lambda pt: pt[0])
        for t in {id(t): t for _, t in nouns}.values():
            t.words += " " + words
        if not nouns:
            if re.match(r"\s*(?:each|every one|each one)\b", c.text) and feats and current is body:
                current = feats[-1]     # "3 slots through a 120x60x6 plate, each 30 long ...": the slots' sizes
            hole = next((f for f in reversed(feats) if f.kind in ("hole", "bore")), None)
            if current is body and hole is not None and not hole.roles.get("size") and c.nums and all(
                    it.role == "size" and it.via in ("through", "thru") for it in c.nums):
                current = hole          # "csk hole dead centre of a plate - 6.5 thru, ...": the hole's size
            current.words += " " + words
            owner_default = current
            # "with a 6 wide, 3.5 deep keyway": numbers that lead into the next clause's feature
            nxt = cls[ci + 1] if ci + 1 < len(cls) else None
            if LEADS.match(c.text) and nxt is not None and nxt.features and not nxt.body and c.nums and all(
                    it.role is None or it.role in FEATURE_ROLES.get(nxt.features[0][1], ()) for it in c.nums):
                carry.extend(c.nums)
                continue
            if nxt is not None and nxt.features and not nxt.body and c.nums and all(
                    it.role in ("inset", "spacing", "pcd", "half_spacing") and
                    any(it.role in FEATURE_ROLES.get(n, ()) for _, n in nxt.features) for it in c.nums) and \
                    _opens_sentence(cls, ci, text) and not re.search(r"[.;!?](?:\s|$)|\n", text[c.end:nxt.start]):
                carry.extend(c.nums)    # "At each corner, 12 mm in from both edges, a counterbored hole ...": its inset
                nxt.text = c.text + " " + nxt.text
                continue
            if nxt is not None and nxt.features and not nxt.body and not c.nums and re.match(
                    r"\s*(?:in|on|into|through|at)\s+(?:the|each|both|one)\b", c.text) and \
                    _opens_sentence(cls, ci, text) and not re.search(r"[.;!?](?:\s|$)|\n", text[c.end:nxt.start]):
                nxt.text = c.text + " " + nxt.text      # "In the base, two slots ...": where the slots are
                continue
        else:
            owner_default = None
        if negated:
            owner_default = body
            nouns = []
        for it in carry + c.nums if nouns else c.nums:
            v = _value(it, unit_mm, groups)
            if it in carry:
                first = next((t for _, t in nouns if t is not body), nouns[0][1])
                first.add(it.role, v)
                continue
            pos = it.num.start - c.start
            if nouns:
                after = [(p, t) for p, t in nouns if p >= it.num.end - c.start]
                before = [(p, t) for p, t in nouns if p < pos]
                nxt = after[0] if after else None
                whole_size = it.group is not None and len(groups[it.group]) == 3
                if whole_size and any(t is body for _, t in nouns) or (whole_size and not before and nxt is not None
                                                                       and nxt[1].kind not in ("pocket", "slot", "boss")):
                    owner = body          # "box 100x80x60 hollowed out": A x B x C is the part's size
                elif nxt is not None and nxt[1] is body and it.role == "depth" and (
                        before[-1][1] if before else current) is not body and "depth" in FEATURE_ROLES.get(
                        (before[-1][1] if before else current).kind, ()) and any(len(g) == 3 for g in groups):
                    # "a 30 mm counterbore 5 deep in a 60x60x20 block": the counterbore's depth (the part's sizes said)
                    owner = before[-1][1] if before else current
                elif nxt is not None and before and before[-1][1] is body and c.body is not None and re.fullmatch(
                        r"[\s:,]*(?:of\s+|is\s+)?(?:dia\.?\s*|ø\s*|od\s*)?", c.text[before[-1][0] + len(c.body[0]):pos]) and \
                        it.role in (None, "size", "diameter") and any(
                            it.num.end <= o.num.start < c.start + nxt[0] for o in c.nums if o is not it):
                    # "disc 80 dia 8 thick 20 bore": the number right after the part's name is the part's (the
                    # thickness and the bore's own size come between it and the bore)
                    owner = body
                elif nxt is not None and NEAR.match(c.text[it.num.end - c.start:nxt[0]]) and (
                        it.role in (None, "count", "size", "diameter", "depth", "inner", "radius", "pcd")
                        or not before or nxt[1] is body and it.role in BODY_ROLES and re.fullmatch(
                            r"\s*(?:mm\s*)?(?:[a-z]+\s*)?", c.text[it.num.end - c.start:nxt[0]])):   # "on a 5 thick disc"
                    owner = nxt[1]
                elif before:
                    owner = before[-1][1]
                elif nxt is None:
                    owner = nouns[0][1]   # a number inside the noun itself ("a 90 degree bracket")
                elif nxt[1] is body and current is not body and it.role in FEATURE_ROLES.get(current.kind, ()):
                    owner = current       # "pocket 40 x 20, 5 deep in the top of the block"
                else:
                    owner = nxt[1]
            else:
                owner = owner_default
                group = groups[it.group] if it.group is not None else ()
                head = owner.sub if owner.kind in ("hole", "bore") and owner.sub is not None else None
                if head is not None and len(group) == 2 and (head.roles.keys() <= {"diameter", "depth"}) and any(
                        g.role in ("depth", "diameter") for g in group):
                    owner = head      # "4 counterbored holes ...: Ø6.6 through, Ø11 x 6 deep": the counterbore's
                elif owner is not body and (len(group) == 3 or len(group) == 2 and owner.kind in (
                        "hole", "bore", "fillet", "chamfer", "cbore", "csink")) and not (
                        len(group) == 2 and owner.kind == "hole" and CUTOUT_NOUN.search(owner.noun) and
                        sum(len(vs) for vs in [body.loose, *body.roles.values()]) >= 3):
                    # (but "a 25 x 15 x 1 cm plate with a window through the middle, 10 x 5 cm": the window's)
                    owner = body      # "a plate with 4 holes, 100 x 60 x 5": the part's sizes, not the holes'
            edge_noun = next((t for _, t in nouns if t.kind in ("fillet", "chamfer")), None)
            if owner is body and edge_noun is not None and it.role in (None, "size", "radius") and (
                    re.search(r"\bby\s*$", c.text[:it.num.start - c.start]) or it.role is None and body.noun and
                    re.search(rf"\b{re.escape(body.noun)}\s*$", c.text[:it.num.start - c.start]) and
                    any(r in body.roles for r in ("side", "length", "diameter", "length_width")) or
                    it.role is None and it.group is None and
                    next(p for p, t in nouns if t is edge_noun) < it.num.start - c.start and
                    re.match(r"\s*(?:mm\s*)?(?:on|for|to|of)\s+(?:a|an|the|my|this)\b", c.text[it.num.end - c.start:])):
                # "radius the corners 6mm on a plate 90 x 45 x 4": the radius, said before the part
                owner = edge_noun     # "bevel the top edges of a 40 mm cube by 3 mm", "... of a 50 mm cube 2 mm": the bevel's
            if owner.kind in HOLE_MODIFIERS and it.role in ("pcd", "spacing", "inset", "count", "half_spacing"):
                # "4 holes on a 70 bolt circle counterbored ...": where the holes go, not the counterbore's size
                owner = next((f for f in feats if f.sub is owner), owner)
            if owner is body and it.role == "diameter" and not nouns and body_kind not in ROUND_BODIES and \
                    body_kind in ("box", "shelled_box") and any(f.kind in ("hole", "bore") for f in feats):
                # "... along a 100x50x12 plate, centred. Through Ø9": a block has no diameter; its holes do
                owner = next(f for f in reversed(feats) if f.kind in ("hole", "bore"))
            here = [t for _, t in nouns if t is not body and it.role in FEATURE_ROLES.get(t.kind, ())]
            if owner is body and it.role in ("spacing", "half_spacing", "pcd") and here:
                owner = here[0]       # "6 holes on a 10 cm bolt circle in a 14 cm disc": the holes' circle
            if owner is body and it.role in ("spacing", "half_spacing", "pcd", "inset") and not nouns:
                # "... running across the plate (short way), 25 mm apart": a part has no spacing; its features do
                owner = next((f for f in reversed(feats) if it.role in FEATURE_ROLES.get(f.kind, ())), body)
                if owner is not body and c.text not in owner.words:
                    owner.words += " " + c.text     # ("20 in from each end" said after the part: where the holes go)
            role = it.role
            if role in ("top_d", "bottom_d") and nouns and owner is not body and owner.kind in (
                    "csink", "cbore", "hole", "bore", "boss"):
                role = "diameter"     # "a 90 deg csk dia 6.5 at the top": the countersink's, not a cone's top
            if role == "width" and not nouns and owner is not body and owner.kind in ("hole", "bore") and \
                    not any(owner.get(r) is not None for r in ("size", "diameter", "inner")) and \
                    sum(len(vs) for vs in [body.loose, *body.roles.values()]) >= 3:
                role = "size"         # "a 40 x 40 x 20 block with a blind hole, 8 wide and 12 down": the hole's width
            redirected = _redirect(owner, role, body, body_kind, named=bool(nouns))
            if not nouns and owner is not body and redirected is body:
                run_to_body = True    # "... 4 bolt holes, 100 mm diameter, 12 mm thick": the list is the part's
            elif not nouns and owner is not body and owner is current:
                run.append((v, owner))
            owner = redirected
            if owner is not body and owner.kind == "boss" and it.role == "inner" and body_kind in ("flange", "cylinder"):
                owner = body          # "hub OD 50, hub length 25, ID 25": the flange's bore, through the hub too
            if owner is not body and owner.kind in ("hole", "bore") and it.role == "diameter" and it.via in OUTER_WORDS:
                owner = body          # "..., 16 mm outer diameter": the part's, not the hole's
            if owner is not body and owner.kind == "bore" and it.role in ("diameter", "length", "height") and \
                    not nouns and any(owner.get(r) is not None for r in ("inner", "size", "diameter")):
                owner = body          # "bushing, bore 12, 18 dia, 20 long": the bore is sized; these are the part's
            if OVERALL.search(c.text) and it.role in BODY_ROLES | {"height", "length", "width", "diameter"} and not (
                    (owner if nouns else current).kind in ("slot", "pocket", "keyway") and it.role in ("length", "width")) \
                    and not (owner is not body and owner.kind == "boss" and not says_overall(c.text, it.num.start - c.start,
                                                                                               it.num.end - c.start)):
                owner = body        # "the final part has a length of ...": the whole part's sizes
                # (but "a slot ..., 40 mm long overall": the slot's end-to-end length; "a hub 30 dia 25 long
                # overall": the hub's diameter, the part's overall length)
            owner.add(role, v)
        carry = [] if nouns else carry
        if nouns:
            last = nouns[-1]
            if len(nouns) > 1 and re.search(r"\b(?:of|from|beside|next to|around|near|either side of|each side of|"
                                            r"both sides of|to)\s+the\s+(?:[a-z]+\s+)?$", c.text[:last[0]]):
                last = nouns[-2]      # "2 M3 holes either side of the slot, 30 apart": the holes go on
            current = last[1] if last[1].kind not in HOLE_MODIFIERS else next(
                (f for f in reversed(feats) if f.kind in ("hole", "bore")), body)
            if any(t is body for _, t in nouns) and nouns[-1][1] is body:
                current = body
    _reclaim(run if run_to_body else [], body, body_kind)
    return body, feats


ROUND_BODIES = {"cylinder", "shaft", "tube", "shelled_cylinder", "flange", None}
LENGTHS = ("height", "length", "thickness")


def says_overall(text: str, start: int, end: int) -> bool:
    """'25 long overall', 'overall length 25': this number is the overall size (not just a number in a clause
    that says 'overall' somewhere)."""
    return bool(re.match(r"\s*(?:mm\s*)?(?:(?:long|tall|high|length|height)\s+)?(?:final|overall|resulting|total|in total)\b",
                         text[end:])
                or re.search(r"\b(?:final|overall|resulting|total)\s*(?:length|height|size)?\s*(?:of\s+|is\s+|=\s*)?$",
                             text[:start]))


def _reclaim(run: list[tuple["Value", Target]], body: Target, body_kind: str | None) -> None:
    """Sizes listed after a feature ("a round flange with 4 bolt holes, 100 mm diameter, 12 mm thick";
    "a shaft with a keyway, 25 mm diameter, 100 mm long") that the feature took while a clause of the
    same list was plainly the part's: the ones the part has no value for go to the part."""
    for v, owner in run:
        role = v.raw.role
        if role == "diameter":
            own = owner.roles.get(role, [])
            pattern = any(x.mm > 1 for x in owner.roles.get("count", [])) or owner.kind not in ("hole", "bore")
            lacks = body_kind in ROUND_BODIES and not any(body.get(r) is not None for r in (
                "diameter", "flange", "length_width", "side", "radius")) and v.raw.group is None and (
                pattern or len(own) > 1)    # "a disc with a centre hole, 10 mm diameter": the hole's
            if lacks and len(own) > 1 and v is own[0]:
                continue                    # "4 holes, 8 mm diameter, 100 mm diameter": the second is the part's
        elif role in LENGTHS:
            lacks = not any(body.get(r) is not None for r in LENGTHS) and v.raw.group is None and (
                body_kind in ROUND_BODIES and body_kind is not None)
        else:
            lacks = False
        if lacks and v in owner.roles.get(role, []):
            owner.roles[role].remove(v)
            if not owner.roles[role]:
                del owner.roles[role]
            body.add(role, v)


PROFILE_KINDS = ("tee", "angle", "channel", "c_channel", "ibeam", "zee")
BODY_ROLES = {"frame", "length", "width", "height", "thickness", "length_width", "side", "af", "legs", "flange", "module",
              "span", "inside_h",
              "teeth", "top_d", "bottom_d", "across_corners"}
FEATURE_ROLES = {
    "hole": {"count", "size", "diameter", "inner", "depth", "spacing", "pcd", "inset", "radius", "head", "angle",
             "half_spacing"},
    "bore": {"count", "size", "diameter", "inner", "depth", "radius", "head", "angle"},
    "vgroove": {"depth", "width", "length", "size", "angle"},
    "gusset": {"count", "thickness", "size", "length", "height", "width"},
    "dhole": {"count", "size", "diameter", "inner", "depth", "spacing", "pcd", "inset", "half_spacing", "af"},
    "fillet": {"size", "radius", "diameter"},
    "chamfer": {"size", "angle"},
    "shell": {"wall", "thickness", "size", "floor"},
    "boss": {"diameter", "height", "size", "length", "width", "thickness", "inner", "radius", "af"},
    "pocket": {"diameter", "depth", "length", "width", "size", "radius", "inner", "af", "count", "spacing", "half_spacing", "height"},
    "slot": {"length", "width", "depth", "size", "count", "spacing", "inset", "half_spacing"},
    "keyway": {"width", "depth", "length", "size"},
    "flat": {"depth", "length", "size", "af"},
    "rebate": {"width", "depth", "size", "height"},
    "groove": {"width", "depth", "length", "size", "inset", "diameter"},
    "cbore": {"head", "diameter", "depth", "size", "inner", "angle"},
    "csink": {"head", "diameter", "angle", "size", "depth", "inner"},
    "mirror": set(),
    "rib": {"count", "thickness", "wall", "width", "height", "depth", "length", "size", "spacing"},
}


CUTOUT_NOUN = re.compile(r"\b(?:cutouts?|cut-outs?|openings?|windows?)\b")


def _redirect(owner: Target, role: str | None, body: Target, body_kind: str | None, named: bool = False) -> Target:
    """A body size written in a feature's clause ("..., 10 thick") belongs to the body."""
    if owner is body or role is None:
        return owner
    accepts = FEATURE_ROLES.get(owner.kind, set())
    if named and owner.kind == "hole" and CUTOUT_NOUN.search(owner.noun) and role in ("length", "width", "height"):
        return owner      # "a 40 wide x 20 high window": the cut-out's own sizes, written with it
    if role not in accepts and (role in BODY_ROLES or role in ("diameter", "inner", "height", "length", "width")):
        return body
    return owner
