"""Feature targets → part spec features: holes (count, size, depth, counterbore / countersink,
placement), fillets and chamfers on a named edge set, shells, bosses, pockets, slots, keyways."""

from __future__ import annotations

import math
import re

from cadagent.tools.part import tables

from .build import M_SIZE, NOT_THROUGH, THICK_ALL_ROUND, Build, _closed, assumed_wall
from .numbers import unified_thread
from .targets import Target, Value, says_overall
from .vocab import default, find, vocab

GAUGE = re.compile(r"#\s*(\d+)")
ROWS = re.compile(r"\b(\d+) rows? of (\d+)\b")
GRID = re.compile(r"(?<!dia )(?<!dia)\b(\d+)\s*(?:x|by)\s*(\d+)\b(?!\s*(?:mm\b(?!\s*(?:rect\w*|pattern|grid|square|"
                  r"cent(?:er|re)s|spacing|apart|pitch|layout)\b)|cm\b|in\b|inch|\"|\.\d|deep\b|dp\b|deg\b))")
# ("on a 100 x 60 mm rectangle": the rectangle's sizes, said with their unit)
# (never "cbore dia 15 x 8 deep": a counterbore's diameter and depth)


def features(bd: Build, body: dict) -> None:
    _build_all(bd, body)
    # a shell comes right after the body: outline fillets before it, every other feature after it
    shells = [f for f in bd.features if f["kind"] == "shell"]
    if shells:
        # a vertical-edge fillet larger than the wall rounds the outline first; a smaller one comes after
        outline = [f for f in bd.features if f["kind"] == "fillet" and f.get("edges") in ("vertical",)
                   and f["radius"] > shells[0]["thickness"]]
        rest = [f for f in bd.features if f not in shells and f not in outline]
        bd.features[:] = outline + shells[:1] + rest


NEMA = re.compile(r"\bnema (17|23)\b")          # a NEMA 17 / 23 motor face (its four screw holes: placement "nema")
MOTOR = re.compile(r"\b(?:nema|mount\w*|motor)\b")
PLACED = re.compile(r"\b(corners?|circle|pcd|grid|rows?|pattern|array|edges?|sides?|ends?|apart|spacing|pitch|"
                    r"from|along|each|both|every|left|right|offset|\d+ holes)\b")


WHERE_ROLES = {"inset", "spacing", "pcd", "half_spacing"}
SAYS_WHERE = re.compile(r"\b(?:corners?|circle|pcd|grid|rows?|pattern|from|along|apart|spacing|pitch|cent(?:er|re)d?|middle|"
                        r"points#\d+|stations#\d+)\b")


def _sized_later(bd: Build) -> None:
    """'5 holes in a row at 15mm pitch, holes 3.4': a later mention of holes that gives only their size sizes the one
    set of holes said before without one (not a second, centred hole)."""
    sizes = ("size", "diameter", "inner", "radius")
    for t in list(bd.feats):
        if t.kind not in ("hole", "bore") or t.sub is not None or t.mods or t.get("count") is not None or \
                t.roles.keys() - set(sizes) - {"ref"} or SAYS_WHERE.search(t.words) or FROM_EDGE.search(t.words):
            continue
        said = [v for r in sizes for v in t.roles.get(r, [])] + t.loose
        if len(said) != 1:
            continue
        i = bd.feats.index(t)
        earlier = [o for o in bd.feats[:i] if o.kind in ("hole", "bore")]
        if len(earlier) != 1:
            continue
        o = earlier[0]
        if o.get("count") is None or o.sub is not None or o.loose or any(o.get(r) is not None for r in sizes) or \
                M_SIZE.search(o.words) or "unified" in o.words:
            continue
        o.roles.setdefault("size", []).append(said[0])
        bd.feats.remove(t)
        bd.notes.append(f"'{t.words.strip()[:40]}' read as the size of the {o.noun} before")


def _placed_later(bd: Build) -> None:
    """'4 holes M5 clearance. holes 12 from the edges': a later mention of holes that gives no size, only where
    they go, places the one set of holes said before (not a second set with an assumed size)."""
    _sized_later(bd)
    for t in list(bd.feats):
        if t.kind not in ("hole", "bore") or t.sub is not None or t.mods or t.loose or any(
                t.get(r) is not None for r in ("size", "diameter", "inner", "radius", "depth", "head")) or \
                M_SIZE.search(t.words) or "unified" in t.words:
            continue
        i = bd.feats.index(t)
        earlier = [o for o in bd.feats[:i] if o.kind in ("hole", "bore")]
        if t.roles.keys() <= {"angle", "count"} and "angle" in t.roles and re.search(
                r"\b(?:rotat\w*|clock\w*|turn(?:ed)?|offset)\b", t.words) and earlier and "pcd" in earlier[-1].roles:
            # "... on a 60 PCD. Holes rotated 30 degrees": where the bolt circle's first hole sits
            earlier[-1].roles["start_angle"] = t.roles["angle"]
            bd.feats.remove(t)
            continue
        if not t.roles.keys() & WHERE_ROLES and not FROM_EDGE.search(t.words):
            continue
        if len(earlier) != 1:
            continue
        o = earlier[0]
        if o.roles.keys() & WHERE_ROLES or SAYS_WHERE.search(o.words) or not (
                o.roles.keys() - {"count"} or o.loose or o.sub is not None or M_SIZE.search(o.words)):
            continue
        n, m = t.get("count"), o.get("count")
        if n is not None and m is not None and n != m:
            continue
        for r, vs in t.roles.items():
            if r != "count" or m is None:
                o.roles.setdefault(r, []).extend(vs)
        o.words += " " + t.words
        bd.feats.remove(t)
        bd.notes.append(f"'{t.words.strip()[:40]}' read as where the {o.noun} go")


CBORE_NOUN = re.compile(r"(?:counterbore|cbore|c'bore|counter bore|counterbored)s?$")


def _counterbore_alone(bd: Build) -> None:
    """'M6 counterbore: 11 dia x 6.5 deep, 6.6 through', 'c'bore Ø10.5 x 5.5 DP, Ø6.4 THRU': a counterbore named
    as the feature, its two diameters (the larger the counterbore's) and the depth (the counterbore's) said with it
    or in the next clause: one counterbored hole (not a blind hole and a second, through one)."""
    from .targets import Target
    for i, t in enumerate(list(bd.feats)):
        if t.kind != "hole" or t.mods or t.sub is not None or not CBORE_NOUN.match(t.noun.strip()) or t.get("depth") is None:
            continue
        vals = [v for r in ("size", "diameter", "inner") for v in t.roles.get(r, [])] + list(t.loose)
        nxt = bd.feats[i + 1] if i + 1 < len(bd.feats) else None
        if len(vals) == 1 and nxt is not None and nxt.kind == "hole" and not nxt.mods and nxt.sub is None and \
                re.search(r"\b(?:through|thru)\b", nxt.words) and set(nxt.roles) <= {"size", "diameter"} and \
                len([v for vs in nxt.roles.values() for v in vs]) + len(nxt.loose) == 1 and \
                not re.search(r"[.;](?!\d)", bd.text[t.start:nxt.start]):
            vals.append(([v for vs in nxt.roles.values() for v in vs] + nxt.loose)[0])
            bd.feats.remove(nxt)
            t.words += " " + nxt.words
        if len(vals) != 2 or abs(vals[0].mm - vals[1].mm) < 1e-9:
            continue
        big, small = sorted(vals, key=lambda v: -v.mm)
        t.take(lambda v: v is big or v is small)
        depth = t.roles.pop("depth")
        t.roles["size"] = [small]
        t.sub = Target("cbore", t.noun, roles={"head": [big], "depth": depth})
        t.mods = {"cbore"}


def _ribs_said_apart(bd: Build) -> None:
    """'3 ribs on the top face. each rib is 4 thick and 12 tall ... 1 rib sits on the center line, the other 2 25 either
    side of it': one set of ribs, its count, its size and its place said in turn (read apart, the first had no size
    and the last no count). Merged into the first when no size is said twice with two values."""
    ribs = [t for t in bd.feats if t.kind == "rib"]
    counts = [c for t in ribs for c in [t.get("count")] if c is not None and c > 1]
    if len(ribs) < 2 or len(set(counts)) != 1:
        return
    first, merged = ribs[0], {}
    for t in ribs:
        for role, vs in t.roles.items():
            if role in ("count", "ref"):
                continue
            if role in merged and abs(merged[role][0].mm - vs[0].mm) > 1e-9:
                return        # two ribs of different sizes: two sets, not one said in turn
            merged.setdefault(role, vs)
    others = [v for t in ribs for v in t.loose if not (
        v.raw.num.integer and re.search(r"\bother\s*$", bd.text[:v.raw.num.start]))]
    if others:
        return
    first.roles = {**merged, "count": [v for t in ribs for v in t.roles.get("count", []) if v.mm > 1][:1]}
    first.loose = []
    for t in ribs[1:]:
        first.words += " " + t.words
        t.roles, t.loose = {}, []


def _build_all(bd: Build, body: dict) -> None:
    _placed_later(bd)
    _counterbore_alone(bd)
    _ribs_said_apart(bd)
    seen: set[str] = set()
    sized = {t.kind for t in bd.feats if t.roles or t.loose or t.sub}
    counts: set[float] = set()
    centred_sized = {t.kind for t in bd.feats if (t.roles or t.loose) and t.kind in ("hole", "bore")
                     and not PLACED.search(t.words) and not t.get("count")}
    for t in bd.feats:
        if not t.roles and not t.loose and not t.sub and (t.kind in seen or t.kind in sized and t.kind in (
                "fillet", "chamfer", "shell", "boss")):
            continue     # "rounded edges ... rounded corners", "beveled block ... 2 mm chamfers": said twice, built once
        if not t.roles and not t.loose and not t.sub and t.kind in ("hole", "bore") and \
                {"hole", "bore"} & centred_sized and not PLACED.search(t.words) and not (
                    NEMA.search(bd.text) and MOTOR.search(t.words)):
            continue     # "a hole in the center ... The hole has a diameter of 0.125": one hole, said twice
        unsized = t.kind in ("hole", "bore") and not any(t.get(r) is not None for r in ("size", "diameter", "inner",
                                                                                      "radius")) and not t.loose
        if unsized and not t.sub and re.search(r"\bno (?:holes?|bores?)\b(?!\s+(?:in|on|through|at)\b)", bd.text):
            if "no hole: the request says none is needed" not in bd.notes:
                bd.notes.append("no hole: the request says none is needed")
            continue     # "I'll drill and tap it myself afterwards so no hole needed"
        if t.kind == "boss" and not t.roles and not t.loose and re.search(
                r"\b(?:basically|essentially|like|i\.?e\.?|aka|kind of|sort of|acting as|used as|as a|to make)\s+(?:an?\s+)?"
                rf"{re.escape(t.noun)}\b", bd.text):
            bd.notes.append(f"'{t.noun}' read as what the part is for, not a {t.noun} on it")
            continue     # "8mm rod 150mm long, basically a dowel pin": the part itself, said again
        if unsized and t.get("count") is not None and t.get("count") in counts:
            continue     # "two small holes at one end ... the two holes": the same holes, said twice
        singles = [o for o in bd.feats[bd.feats.index(t) + 1:] if o.kind in ("hole", "bore") and (o.roles or o.loose)
                   and o.get("count") in (None, 1)]
        if unsized and t.get("count") is not None and t.get("count") > 1 and len(singles) == t.get("count") and \
                re.search(r"[:;]\s*$|:", bd.text[t.start:singles[0].start]):
            continue     # "two holes on the centreline: a 6 mm one ... and a 16 mm one ...": those two, each said
        if unsized and not t.sub and t.get("count") is None and not PLACED.search(t.words) and re.search(
                r"\b(?:several|multiple|various|some|a few|a number of|a series of|a set of)\s+(?:\w+\s+)?(?:holes|bores|cutouts)\b",
                t.words) and any(o is not t and o.kind in ("hole", "bore") and (o.roles or o.loose) for o in bd.feats):
            continue     # "a flange with several holes. four smaller holes near the corners and one central hole": a summary
        if unsized and t.get("count") is None and re.search(r"\b(?:pattern|grid|array)\b", t.words) and any(
                o is not t and o.kind in ("hole", "bore") and (o.roles or o.loose) for o in bd.feats):
            continue     # "hole pattern test piece: 7x7 grid of 3mm holes ...": the pattern named, then given
        later = next((o for o in bd.feats[bd.feats.index(t) + 1:] if o.kind == t.kind and (o.roles or o.loose)), None)
        if t.kind == "groove" and later is not None and not t.roles.keys() - {"count", "inset"} and not t.loose:
            # "a circlip groove 5 mm from one end. groove dia 11.5, width 1.1": the same groove, sized after
            later.words = t.words + " " + later.words
            for role, vs in t.roles.items():
                later.roles.setdefault(role, []).extend(vs)
            t.roles = {}
            continue
        if t.kind in ("slot", "pocket") and not t.roles.keys() - {"count"} and not t.loose and later is not None:
            # "one slot at each end running lengthwise, slots 20 long 6 wide": the same slots, sized after
            later.words += " " + t.words
            if (t.get("count") or 1) > 1 and later.get("count") is None:
                later.roles["count"] = t.roles["count"]
            continue
        if t.kind in ("hole", "bore") and t.get("count") is not None:
            counts.add(t.get("count"))
        seen.add(t.kind)
        notes, built = len(bd.notes), len(bd.features)
        fn = {"hole": _hole, "bore": _hole, "fillet": _edge, "chamfer": _edge, "shell": _shell, "boss": _boss,
              "pocket": _pocket, "slot": _slot, "keyway": _keyway, "flat": _keyway, "groove": _groove,
              "rib": _rib, "rebate": _rebate, "dhole": _d_hole, "vgroove": _v_groove, "gusset": _gusset}.get(t.kind)
        if fn is None:
            bd.notes.append(f"'{t.noun}' is not built by the offline engine (ignored)")
            continue
        fn(bd, t, body)
        if len(bd.notes) > notes:        # a size or a place was assumed for what this built
            bd.assumed.update(f["id"] for f in bd.features[built:])
    nema = NEMA.search(bd.text)
    if nema and body.get("kind") == "box" and MOTOR.search(bd.text.replace(nema.group(0), " ")) and not any(
            f["kind"] == "hole" and (f.get("at") or {"kind": "center"})["kind"] != "center" for f in bd.features):
        # "motor mount plate 80x80x6 for NEMA 17 with a 22 mm center hole": a motor mount has the motor's screw holes
        f = _motor_holes(bd, nema.group(1))
        bd.notes.append(f"a NEMA {nema.group(1)} motor mount: its four screw holes ({f['size']}) added")
        bd.assumed.add(f["id"])


def _motor_holes(bd: Build, frame: str, size: str | float | None = None) -> dict:
    """The four screw holes of a NEMA ``frame`` motor face, their screw's clearance unless sized; added."""
    f = {"id": bd.fid("motor_holes"), "kind": "hole", "size": size or f"{'M3' if frame == '17' else 'M5'} clearance",
         "at": {"kind": "nema", "frame": frame}}
    bd.features.append(f)
    return f


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """Where the sentence (or ';' clause) of ``text`` around ``pos`` starts and ends (a decimal point ends none)."""
    a = max(text.rfind(". ", 0, pos), text.rfind(";", 0, pos)) + 1
    return a, pos + re.search(r"[.;](?!\d)|$", text[pos:]).end()


def smallest(body: dict, face: bool = False) -> float:
    """The body's smallest size (of its top face, with ``face``): defaults scale with the part."""
    keys = ("length", "width", "diameter", "outer_diameter", "across_flats", "bottom_diameter") + (
        () if face else ("height", "thickness"))
    sizes = [float(body[k]) for k in keys if isinstance(body.get(k), (int, float))]
    return min(sizes) if sizes else 10.0


def _size(t: Target, *roles) -> float | None:
    for r in roles:
        v = t.pop(r)
        if v is not None:
            return v
    return None


def _hole_size(bd: Build, t: Target):
    d = _size(t, "size", "diameter", "inner")
    r = t.pop("radius")
    if d is None and r is not None:
        d = 2 * r
    if d is None:
        u = re.search(r"\bunified[a-jsnt]+", t.words)
        if u:
            kind = "tapped" if re.search(r"\btap(?:ped)?\b|\bthread|\bhelicoil", t.words) else "clearance"
            return f"{unified_thread(u.group(0))} {kind}"
        m = M_SIZE.search(t.words)
        if m is None and t.mods & {"cbore", "csink"} and not t.roles and not t.loose:
            # "spacer 16 OD for an M5 socket head cap screw, counterbored so the head sits flush": that screw's hole
            m = M_SIZE.search(bd.text)
        said = [v for v in t.loose if re.search(r"\b(?:thru|through|drill(?:ed)?|dia)\s*$", bd.text[
            max(0, v.raw.num.start - 9):v.raw.num.start]) or re.match(r"\s*(?:mm\s*)?(?:thru|through)\b",
                                                                      bd.text[v.raw.num.end:])]
        if m and said and 0.5 * float(m.group(1)) < said[0].mm < 2.5 * float(m.group(1)):
            # "c'bored holes for M6 SHCS ... thru 6.6": the hole the writer sized, not the table's
            t.loose.remove(said[0])
            return said[0].mm
        if m:
            kind = "tapped" if m.group(2) and m.group(2).startswith(("tap", "thread")) or re.search(
                r"\btap(?:ped)?\b|\bthread", t.words) else "clearance"
            return f"M{m.group(1)} {kind}"
        g = GAUGE.search(t.words)
        if g and g.group(1) in vocab()["screw_gauges"]:
            bd.notes.append(f"#{g.group(1)} screw: {vocab()['screw_gauges'][g.group(1)]:g} mm clearance hole")
            return float(vocab()["screw_gauges"][g.group(1)])
    if d is None:
        unit = [v for v in t.loose if v.explicit_unit or not v.raw.num.integer]
        unit = [v for v in unit if not re.match(r"^\s*in\b(?!\s*(?:dia|diameter|an?\b|the\b))", bd.text[v.raw.num.end:])]
        if unit:
            d = unit[0].mm
            t.loose.remove(unit[0])
    if d is None and t.loose:
        first = t.loose[0]
        grp = first.raw.group
        if grp is not None and any(v.raw.group == grp and re.match(
                r"\s*(?:mm\s*)?(?:spacing|apart|pitch|cent(?:er|re)s|on cent(?:er|re)s|c/c|square|pattern|grid|rectangle)\b",
                bd.text[v.raw.num.end:]) for v in t.loose + t.roles.get("spacing", [])):
            return None      # "4 holes at 30 x 30 spacing": where they go, not their size
        d = t.loose.pop(0).mm
    return d


def _hole(bd: Build, t: Target, body: dict) -> None:
    words = t.words
    for r in ("size", "inner", "diameter"):
        # "a 5 mm cross hole 15 above the bottom": the 15 is where it goes, not its size (the 5 was dropped)
        for v in [v for v in t.roles.get(r, []) if FROM_END.match(bd.text[v.raw.num.end:])]:
            if t.loose or len(t.roles[r]) > 1:
                t.roles[r].remove(v)
                t.loose.append(v)
        if r in t.roles and not t.roles[r]:
            del t.roles[r]
    if re.search(r"\b(?:windows?|openings?|cut-?outs?)\b", t.noun) and _tube_slot(bd, t, body, "window"):
        return           # "a rectangular window cut straight down through one wall only" of a tube
    if re.search(r"\bbored?\s*(?:=|is|equals|same as|matches|to match|to)\s*(?:the\s+)?(?:tube|pipe|sleeve)(?:'s)?\s*"
                 r"(?:id|i\.d\.|bore|inside)\b", words) and not t.roles and not t.loose and \
            any(f["kind"] == "hole" and f.get("id") == "bore" for f in bd.features) or (
            body["kind"] in ("shaft", "tube") and re.search(r"\bbored?\s*(?:=|is|equals|same as|matches|to match|to)\s*(?:the\s+)?"
                                                  r"(?:tube|pipe|sleeve)(?:'s)?\s*(?:id|i\.d\.|bore|inside)\b", words)
            and not t.roles and not t.loose):
        return       # "Flange bore = tube ID": the bore already made, said again
    if re.match(r"\W*(?:so\s+|that(?:'s| is)\s+|i\.e\.?\s+)?(?:3|three)\s+(?:holes|bores)\s+(?:crossing|meeting|that cross)\b",
                words) and not t.roles.keys() - {"count"} and not t.loose and \
            sum(f["kind"] == "hole" and f.get("at", {}).get("kind") == "center" for f in bd.features) == 3:
        return       # "... through the centre of every face, so 3 holes crossing in the middle": those three, said again
    if re.match(r"(?:counterbore|cbore|c'bore|counterbored|spot ?face)", t.noun) and "head" in t.roles and not any(
            r in t.roles for r in ("size", "diameter", "inner")):
        t.roles["size"] = t.roles.pop("head")   # "a 30 mm counterbore 5 deep" alone: a round blind hole that size
    nema = NEMA.search(bd.text)
    if nema and MOTOR.search(words) and not re.search(r"\b(?:cent(?:er|re)|middle|pilot|boss|spigot|shaft)\b", words):
        # the four screw holes of a NEMA motor face, their screw's clearance unless sized
        t.roles.pop("frame", None)
        _motor_holes(bd, nema.group(1), _hole_size(bd, t))
        return
    pair = sorted([v for vs in [t.loose] + [t.roles.get(r, []) for r in ("size", "inner", "diameter")] for v in vs
                   if v.raw.group is not None], key=lambda v: v.raw.pos)
    sides = [v for r in ("length", "width", "height") for v in t.roles.get(r, [])]
    if len(pair) < 2 and len(sides) == 2:
        pair = sorted(sides, key=lambda v: v.raw.num.start)       # "a 40 wide x 20 high window"
    if len(pair) >= 2 and pair[0].raw.group == pair[1].raw.group and (
            re.search(r"\b(square|rectangular|rectangle|oblong)\s+(?:through\s+)?(?:hole|cutout|cut-out|opening|window)", words)
            or re.search(r"\b(?:cutouts?|cut-outs?|openings?|windows?)\b", t.noun)):
        # "a 20 x 20 square hole", "a 90 x 40 window": a rectangular cut-out, through unless a depth is given
        f = {"id": bd.fid("cutout"), "kind": "pocket", "shape": "rect", "length": pair[0].mm, "width": pair[1].mm}
        t.take(lambda v: any(v is p for p in pair[:2]))
        depth = t.pop("depth")
        if depth is not None:
            f["depth"] = depth
        on = _face(words, body, bd.unit_mm)
        if on:
            f["on"] = on
            _drop_face_sizes(bd, t)
            _one_wall(bd, f, t.noun)
            _height_on_a_side(bd, t, body, f)
        bd.features.append(f)
        bd.cutout = (f, t.start)
        m = FROM_EDGE.search(words)
        if m and "at" not in f:
            f["at"] = _from_edge(m, bd)
        elif "at" not in f and not re.search(r"\b(cent(?:er|re)(?:ed|d)?|middle)\b", words):
            bd.notes.append(f"no place given for the {t.noun}: centred")
        return
    square = re.search(r"\bsquare\s+(?:through\s+)?(?:hole|cutout|cut-out|opening|window)\b", words)
    side = [v for r in ("size", "diameter", "side") for v in t.roles.get(r, [])] + t.loose
    if square and len(side) == 1 and body["kind"] in ("box", "cylinder"):
        # "a 20 mm square hole in the middle": a 20 x 20 cut-out, through unless a depth is given
        t.take(lambda v: v is side[0])
        f = {"id": bd.fid("cutout"), "kind": "pocket", "shape": "rect", "length": side[0].mm, "width": side[0].mm}
        depth = t.pop("depth")
        if depth is not None:
            f["depth"] = depth
        bd.features.append(f)
        if not re.search(r"\b(cent(?:er|re)(?:ed|d)?|middle)\b", words):
            bd.notes.append(f"no place given for the {t.noun}: centred")
        return
    boss = next((g for g in bd.features if g["kind"] == "boss" and g.get("at", {}).get("kind") not in (None, "center")
                 and g.get("on") in (None, "top")), None)
    if boss is not None and re.search(r"\b(?:each|every) (?:boss|pad|post)\b|\bin (?:each|every|all) (?:of )?(?:the )?"
                                      r"(?:bosses|pads|posts)\b", words) and body["kind"] in ("box", "cylinder"):
        # "each boss gets a Ø3.2 x 8 deep hole from the top": one in every boss, from the boss's top face down
        size = _hole_size(bd, t)
        depth = t.pop("depth")
        if size is None:
            bd.missing.append(f"the size of the {t.noun} in each boss")
            return
        top = body["height"] + boss["height"]
        through = depth is None and re.search(r"\b(?:and|&)\s+(?:the|its)\s+(?:plate|part|base|body|block|flange|disc|"
                                              r"bar)\b|\b(?:all the way|right) (?:through|thru)\b|\bthrough (?:everything|"
                                              r"both|the lot)\b", words + " " + re.split(r"[.;]", bd.text[t.start:])[0])
        # ("a hole through each boss and the plate": through both, not only the boss: it was made 10 deep, marked ok)
        f = {"id": bd.fid("holes"), "kind": "hole", "size": size, "depth": depth if depth is not None else boss["height"],
             "on": {"plane": "XY", "offset": round(top, 6)}, "at": boss["at"]}
        if through:
            del f["depth"]      # through the boss and the part under it
        if f.get("depth", 0) > top:
            bd.missing.append(f"a {f['depth']:g} deep hole in a {top:g} mm tall boss")
            return
        bd.features.append(f)
        bd.notes.append("a hole through each boss and the part under it" if through else
                        f"a hole in each boss, {f['depth']:g} deep from its top")
        return
    count = t.pop("count")
    if count is None and re.search(r"\b(?:a|an|one)\s+(?:[\w.]+\s+){0,3}?(?:hole|bore)\s+(?:on\s+)?(?:either|each|both)\s+sides?\b",
                                   words):
        count = 2.0     # "a 6 mm hole either side of it, 80 apart": one on each side, two
    if count is None and re.search(r"\b(?:a|an|one)\s+(?:[\w.]+\s+){0,3}?(?:hole|bore)\s+(?:at|near|towards?|by)\s+"
                                   r"(?:each|either|both)\s+ends?\b", words):
        count = 2.0     # "a plate with a hole at each end": one near each end, two
    size = _hole_size(bd, t)
    if size is None:
        size = min(default("hole_diameter"), 0.2 * smallest(body, face=True))
        if re.search(r"\b(?:larger|bigger|big|large)\b", t.words) and any(
                o is not t and o.kind in ("hole", "bore") and re.search(r"\b(?:smaller|small)\b", o.words) for o in bd.feats):
            size *= 2    # "four smaller holes near the corners and one larger central hole", neither sized: not the same size
        size = bd.assume(f"diameter for the {t.noun}", round(size, 4))
    f: dict = {"id": bd.fid("bore" if t.kind == "bore" else "holes"), "kind": "hole", "size": size}
    depth = t.pop("depth")
    if depth is None:
        down = t.take(lambda v: re.match(r"\s*(?:mm\s*)?(?:down|in depth|into it|into the part)\b(?!\s*(?:from|below))",
                                         bd.text[v.raw.num.end:]) is not None and v.raw.role is None)[:1]
        depth = down[0].mm if down else None       # "a blind hole, 8 wide and 12 down": 12 deep
    through = body.get("height") if body["kind"] in ("box", "cylinder") else None
    box_ends = body["kind"] == "box" and (not count or int(count) == 2) and BOX_ENDS.search(words) and depth is not None \
        and (re.search(r"\bend faces?\b", words) or depth >= body["height"] - 1e-9 or
             body["height"] >= body["width"] / 2 and body["length"] >= 2 * max(body["width"], body["height"]))
    if box_ends and (isinstance(size, str) or 2 * depth < body["length"]):
        # "a bar ... with an 8 mm hole 20 deep in each end face": one blind hole in the middle of each end
        end = {**f, "depth": depth, "at": {"kind": "center"}}
        bd.features.append({**end, "on": "left"})
        bd.features.append({**end, "id": bd.fid("holes"), "on": "right"})
        bd.notes.append(f"one {t.noun} in the middle of each end face, {depth:g} deep")
        return
    if depth is not None and through is not None and depth >= through - 1e-9 and not _face(words):
        # "a hole ... with a depth of 0.05" in a 0.05 thick plate: as deep as the part is through it
        bd.notes.append(f"a {depth:g} deep hole in a {through:g} thick part goes through")
        depth = None
    spare_depth = None
    if depth is not None and re.search(r"\bthrough\b|\bthru\b", words) and "cbore" in t.mods and t.sub is not None and \
            t.sub.get("depth") is None:
        spare_depth, depth = depth, None    # "6,6 thru, cbore 11 dia, 6,5 deep": the counterbore's depth, not the hole's
    blind = NOT_THROUGH.search(words)
    if depth is not None and (blind or not re.search(r"\bthrough\b|all the way", words)):
        f["depth"] = depth
    elif blind and depth is None:
        # "a 20 hole in the center but not going through": made through it would be another part
        bd.missing.append(f"the depth of the blind {t.noun} (e.g. '10 deep')")
        return
    if t.sub is not None:
        s = t.sub
        head = _size(s, "head", "diameter", "size", "inner") or (s.loose[0].mm if s.loose else None)
        if head is None:
            head = t.pop("head")
        screw = _screw_head(size, t.words + " " + bd.text[t.start:t.start + 60])
        std = "ASME" if screw and screw[0].startswith("#") else "ISO"
        if "cbore" in t.mods:
            depth_c = s.pop("depth") or t.pop("depth") or spare_depth
            grp = [v for v in s.loose if v.mm != head]
            if depth_c is None and grp:
                depth_c = grp[0].mm
            if screw and head is None:
                head = bd.assume(f"counterbore diameter for {'an' if std == 'ISO' else 'a'} {screw[0]} socket head screw "
                                 f"({'ISO 4762' if std == 'ISO' else 'ASME B18.3'})",
                                 screw[1]["cbore"]["diameter"])
            if screw and depth_c is None:
                depth_c = bd.assume(f"counterbore depth for {'an' if std == 'ISO' else 'a'} {screw[0]} socket head screw",
                                    screw[1]["cbore"]["depth"])
            if head is not None and depth_c is not None:
                f["cbore"] = {"diameter": head, "depth": depth_c}
            else:
                bd.missing.append("the counterbore's diameter and depth (e.g. 'counterbore 10 x 5 deep')")
        elif "csink" in t.mods:
            if head is None and screw:
                head = bd.assume(f"countersink diameter for {'an' if std == 'ISO' else 'a'} {screw[0]} countersunk screw "
                                 f"({'ISO 10642, 90°' if std == 'ISO' else 'ASME B18.6.3 flat head, 82°'})",
                                 screw[1]["csink"])
            if head is None:
                bd.missing.append("the countersink's diameter at the surface")
            else:
                f["csink"] = {"diameter": head, "angle": s.pop("angle") or t.pop("angle") or (
                    screw[1]["csink_angle"] if screw else 90.0)}
    if body["kind"] == "profile" and body.get("shape") == "L" and _leg_holes(bd, t, body, count, f):
        return
    if body["kind"] == "profile" and body.get("shape") == "T" and _web_holes(bd, t, body, count, f):
        return
    if bd.kind == "square_tube" and body["kind"] == "box" and _tube_side_holes(bd, t, body, count, f):
        return
    if body["kind"] == "profile" and body.get("shape") == "U" and _channel_holes(bd, t, body, count, f):
        return
    if body["kind"] == "tube" and SET_SCREW.search(words) and f.get("depth") is None:
        # "a shaft collar ... with an M5 set screw hole": tapped from the side into the bore, one wall
        if isinstance(f["size"], str) and f["size"].endswith("clearance"):
            f["size"] = f["size"].replace("clearance", "tapped")
        f["depth"] = body["outer_diameter"] / 2
        bd.notes.append("the set screw hole goes in from the side to the bore, at mid-length")
        return _cross_hole(bd, t, body, count, f, note=False)
    if body["kind"] == "tube" and f.get("depth") is None and "cbore" not in f and "csink" not in f and re.search(
            r"\bthrough (?:one|a|a single|the near|just one|only one) (?:side )?wall\b|\b(?:in|into|through|along|down) (?:one|a) side\b|"
            r"\bone wall only\b", words):
        # "4 holes 5mm through one wall": from the side into the bore, the far wall left whole (not the tube's end)
        f["depth"] = body["outer_diameter"] / 2
        bd.notes.append("the holes go in from the side through one wall, to the bore" if (count or 1) > 1 else
                        "the hole goes in from the side through one wall, to the bore")
        return _cross_hole(bd, t, body, count, f, note=False)
    if body["kind"] == "cylinder" and f.get("depth") is None and re.search(r"\b(?:through|thru)\b", words) and re.search(
            r"\d\s*(?:mm\s*)?(?:in\s+)?from\s+(?:each|both|either|one|a|the)\s+ends?\b", words) and not re.search(
            r"\b(?:in|into|on)\s+(?:the|each|both|one|either)\s+ends?\b|\bend faces?\b|\baxial\b|\blengthwise\b", words) and \
            body.get("height", 0) > body.get("diameter", 0) and _cross_hole(bd, t, body, count, f):
        return           # "axle 8 dia 60 long with a 2mm hole through 5 from each end": across the rod, near each end
    if (body["kind"] in ("cylinder", "tube") or body["kind"] == "polygon_prism" and body.get("sides") == 6) and \
            (CROSS.search(words) or re.search(r"\bradial(?:ly)?\b", words)) and _cross_hole(bd, t, body, count, f):
        return
    on = _face(words, body, bd.unit_mm)
    if on:
        _drop_face_sizes(bd, t)
    if on is None and re.search(r"\b(?:in|at|on|into) the other(?: end| face| side)?\b", words) and any(
            g["kind"] == "boss" and g.get("on", "top") == "top" for g in bd.features):
        on = "bottom"      # "a stud on one end, a tapped hole 6 deep in the other": the end across from the stud
    named = THROUGH_SIZE.search(words) if on is None and body["kind"] == "box" else None
    if named and not DOWN.search(words):
        # "a 22 bore through the 40 side": along the part's size of 40 (its width here)
        v = float(named.group(1)) * bd.unit_mm
        axis = next((a for a, k in (("left", "length"), ("front", "width")) if abs(body[k] - v) < 1e-6), None)
        if axis and abs(body["height"] - v) > 1e-6:
            on = axis
            bd.notes.append(f"the {t.noun} goes through the {v:g} mm {'length' if axis == 'left' else 'width'}")
    words = PITCH_ALONG.sub(" ", words)     # "40 pitch along the length": how the holes are spaced, not drilled
    if on is None and body["kind"] == "box" and CROSS_NAMED.search(words) and not LENGTHWISE.search(words) and not DOWN.search(
            re.sub(r"[\d.]+\s*(?:mm\s*)?(?:down\s+)?from the top", " ", words)) and (
            not count or int(count) == 1):
        # "a block ... with a 10mm cross hole 15 from the top": drilled from the side, not down through the top
        on = "front"
        bd.notes.append(f"the cross {t.noun} goes across the width, front to back")
    if on is None and body["kind"] == "box" and re.search(r"\bhorizontal(?:ly)?\b", words) and not DOWN.search(words) and \
            not LENGTHWISE.search(words) and (not count or int(count) == 1):
        # "pillow block 80 long 30 wide 40 high with a 25 bore horizontal": through the part sideways, the short way
        on = "front" if body["width"] <= body["length"] else "left"
        if re.search(r"\b(?:through|along) the (?:whole )?length\b|\bend to end\b", words):
            on = "left"
        elif re.search(r"\b(?:through|across) the (?:whole )?width\b|\bfront to back\b", words):
            on = "front"
        bd.notes.append(f"the horizontal {t.noun} goes through the {body['width' if on == 'front' else 'length']:g} mm "
                        f"{'width, front to back' if on == 'front' else 'length, end to end'}")
    if on is None and body["kind"] == "box" and ACROSS.search(words) and not DOWN.search(words):
        on = "front"     # "a Ø20 bore straight through across the 50 width": front to back
        bd.notes.append(f"the {t.noun} goes across the width, front to back")
    row = count and int(count) > 1 and re.search(r"\brows?\b|\bapart\b|\bpitch\b|\bspac(?:ed|ing)\b", words)
    if on is None and body["kind"] == "box" and LENGTHWISE.search(words) and not DOWN.search(words) and not row:
        # (not "a row of four holes 25 apart along the length, centred lengthwise": a row on the top, along it)
        on = "left"      # "a bore through the side, running the full 50 length": along the part, end to end
        bd.notes.append(f"the {t.noun} runs along the length, in from the end")
    if on:
        f["on"] = on
        _one_wall(bd, f, t.noun)
    if on is None and (not count or int(count) == 3) and body["kind"] == "box" and f.get("depth") is None and re.search(
            r"\b(?:every|each|all (?:the |three |3 |six |6 )?)\s*(?:pair of (?:opposite )?)?faces?\b|"
            r"\b(?:all )?three (?:bores |holes )?crossing\b", words):
        # "a 20mm hole through the centre of every face, so three bores crossing": one each way through the middle
        bd.features.append({**f, "at": {"kind": "center"}})
        for side in ("front", "left"):
            bd.features.append({**f, "id": bd.fid(f["id"]), "on": side, "at": {"kind": "center"}})
        bd.notes.append(f"three {t.noun}s, one each way through the middle")
        return
    opposite = re.search(r"\b(?:2|two|both|the) opposite (?:faces|sides|ends)\b|\btop and bottom (?:faces|sides)\b", words)
    if opposite and on is None and f.get("depth") is not None and (not count or int(count) == 2) and \
            body["kind"] in ("box",) + ROUND_OR_PRISM:
        # "M3 tapped holes in 2 opposite faces, 6 deep": one in the middle of the top, one of the bottom
        bd.features.append({**f, "at": {"kind": "center"}})
        bd.features.append({**f, "id": bd.fid("holes"), "on": "bottom", "at": {"kind": "center"}})
        bd.notes.append("one hole in the middle of the top face, one in the bottom")
        return
    both = ENDS_BOTH.search(words)
    if both and on is None and f.get("depth") is not None and not count and body["kind"] in ROUND_OR_PRISM:
        # "3.3 tap drill holes 8 deep in both ends" of a standoff or a pin: one in the top, one in the bottom
        bd.features.append({**f, "at": {"kind": "center"}})
        bd.features.append({**f, "id": bd.fid("holes"), "on": "bottom", "at": {"kind": "center"}})
        return
    if on in ("front", "back", "left", "right") and body["kind"] == "box" and (not count or int(count) == 1):
        _height_on_a_side(bd, t, body, f)     # "... side to side across the 40 width, 15 up from the bottom"
        if "at" in f:
            bd.features.append(f)
            return
    f["at"] = _placement(bd, t, body, count, f)
    if f["at"] is None:
        return
    bd.features.append(f)


UP_FROM = re.compile(r"\s*(?:mm\s*)?(?:up\s+)?(?:from|above|off) the (?:bottom|floor|base)\b")
DOWN_FROM = re.compile(r"\s*(?:mm\s*)?(?:down\s+)?(?:from|below|under) the top(?: face| surface)?\b")


def _height_on_a_side(bd: Build, t: Target, body: dict, f: dict) -> None:
    """'... on the end wall, its centre 15 up from the bottom': on a side face, that high (v is up), centred across."""
    up = t.take(lambda v: UP_FROM.match(bd.text[v.raw.num.end:]) is not None)[:1] if body.get("height") else []
    down = t.take(lambda v: DOWN_FROM.match(bd.text[v.raw.num.end:]) is not None)[:1] \
        if body.get("height") and not up else []
    if up:
        f["at"] = {"kind": "at", "points": [[0.0, round(up[0].mm - body["height"] / 2, 6)]]}
    elif down:       # "15 from the top": its centre that far below the top face
        f["at"] = {"kind": "at", "points": [[0.0, round(body["height"] / 2 - down[0].mm, 6)]]}


def _drop_face_sizes(bd: Build, t: Target) -> None:
    """'on one of the 4" sides', 'the 100mm end walls': the size names the face, it sizes nothing."""
    t.take(lambda v: re.match(r"\s*(?:mm\s*)?(?:long\s+)?(?:end\s+|side\s+)?(?:sides?|walls?|faces?)\b",
                              bd.text[v.raw.num.end:]) is not None)


def _one_wall(bd: Build, f: dict, noun: str) -> None:
    """A hole or cut-out in a side of a shelled part ('a 1/2" hole in one of the long walls') goes through that
    wall, not on through the part and out of the opposite wall."""
    shell = next((x for x in bd.features if x["kind"] == "shell"), None)
    if shell is not None and f.get("on") in ("front", "back", "left", "right") and f.get("depth") is None:
        f["depth"] = shell["thickness"]
        bd.notes.append(f"the {noun} goes through the one {f['on']} wall ({shell['thickness']:g} mm)")


ENDS_BOTH = re.compile(r"\b(?:in|into|at|on|tapped|drilled|threaded)(?: holes?)? (?:both|each|either) ends?\b|"
                       r"\bdeep (?:in |at |on |into )?(?:both|each|either) ends?\b|\b(?:both|each) ends? (?:of it )?(?:has|have|get)s?\b")
ROUND_OR_PRISM = ("cylinder", "tube", "polygon_prism")
BOX_ENDS = re.compile(r"\b(?:in|into|at|on|tapped|drilled)(?: holes?)? (?:both|each|either) ends?(?: faces?)?\b|"
                      r"\bdeep (?:in |at |on |into )?(?:both|each|either) ends?\b|\b(?:both|each) end faces?\b")


def _screw_head(size, words: str = "") -> tuple[str, dict] | None:
    """The screw a hole is sized by ("M6 clearance", "for #8 flat head screws") and its head's counterbore /
    countersink."""
    m = re.match(r"^\s*(M\d+(?:\.\d+)?)\s+clearance\b", size) if isinstance(size, str) else None
    g = GAUGE.search(words) if m is None else None
    key = m.group(1).upper() if m else f"#{g.group(1)}" if g else None
    if key is None:
        return None
    try:
        return key, tables.screw_head(key)
    except KeyError:
        return None


LEG_BOTH = re.compile(r"\b(?:each|both|either|every|per)\s+(?:of the\s+)?(?:legs?|arms?|flanges?|sides?)\b|"
                      r"\b(?:in|on|through|into) the (?:two )?legs\b")
LEG_BASE = re.compile(r"\b(?:base|bottom|horizontal|lower|flat|floor|foot)\s+(?:leg|arm|flange|side)s?\b|"
                      r"\b(?:leg|arm|flange|side)s?\s+that\s+(?:lies|sits|lays)\s+(?:flat|down)\b|"
                      r"\b(?:in|on|through|into) the (?:base|foot)\b(?!\s+(?:of|plate))|"
                      r"^\W*(?:the\s+)?(?:base|foot|horizontal)(?:\s+(?:leg|arm|flange))?\s+(?:gets|has|takes|with)\b")
LEG_UP = re.compile(r"\b(?:upright|vertical|standing|upper|wall|back|top|up)\s+(?:leg|arm|flange|side)s?\b|"
                    r"\b(?:upright|vertical|standing)\s+plate\b|"
                    r"\b(?:leg|arm|flange|side)s?\s+that\s+(?:stands?|goes|sticks|points?|rises?)\s+up\b|"
                    r"\b(?:in|on|through|into) the upright\b|"
                    r"^\W*(?:the\s+)?(?:upright|vertical)(?:\s+(?:leg|arm|flange))?\s+(?:gets|has|takes|with)\b")


def _legs_named(bd: Build, t: Target, body: dict) -> list[str] | None:
    """The L's legs the words put a feature in: ["front"] (the base leg), ["left"] (the upright), both, or [] when
    none is named; None when a leg is named by a size neither leg has (said in missing)."""
    words = t.words
    legs = ["front", "left"] if LEG_BOTH.search(words) else ["front"] if LEG_BASE.search(words) else \
        ["left"] if LEG_UP.search(words) else []
    used = next((g["on"] for g in reversed(bd.features) if g.get("on") in ("front", "left")), None)
    if not legs and used and re.search(r"\b(?:in|on|through|into) the other(?: legs?| arms?| sides?| one| flange)?\b", words):
        legs = ["left" if used == "front" else "front"]     # "a slot in one leg, and a 5mm hole in the other"
    sized = LEG_SIZE.search(words)
    if not legs and sized:
        # "two holes in the 50 leg", "through the 2 in leg": the leg that long (the base leg is 'width' long)
        t.take(lambda v: abs(v.raw.num.value - float(sized.group(1))) < 1e-9 and LEG_SIZE.match(
            "the " + bd.text[v.raw.num.start:]) is not None)
        v = float(sized.group(1)) * (25.4 if sized.group(2) in ("in", "inch", '"') else 1.0 if sized.group(2) == "mm"
                                     else bd.unit_mm)
        legs = ["front"] if abs(v - body["width"]) < 1e-6 else ["left"] if abs(v - body["height"]) < 1e-6 else []
        if not legs:
            bd.missing.append(f"which leg is the {v:g} mm one (the legs are {body['width']:g} and {body['height']:g})")
            return None
    if not legs and re.search(r"\b(?:in|on|through|into) (?:one|a|a single|only one) (?:leg|arm|flange)\b|"
                              r"\b(?:in|on|through|into) one of the (?:legs|arms|flanges)\b", words):
        legs = ["front"]       # "3 holes in one leg": in one of them (the base leg), not in both
        bd.notes.append(f"'one leg' read as the base leg ({body['width']:g} mm)")
    which = re.search(r"\b(short|shorter|shortest|long|longer|longest)\s+(?:leg|side|arm|flange|one|1)\b", words)
    if which and which.group(0).endswith(" 1"):
        t.take(lambda v: v.raw is not None and v.raw.num.value == 1 and re.search(
            r"\b(?:short|shorter|shortest|long|longer|longest)\s+$", bd.text[max(0, v.raw.num.start - 12):v.raw.num.start])
               is not None)      # ("the short one": which leg, not a size of 1)
    if not legs and which and body["width"] != body["height"]:
        # "a hole in the short leg": the base leg is 'width' long, the upright 'height'
        short = "front" if body["width"] < body["height"] else "left"
        legs = [short] if which.group(1).startswith("short") else ["left" if short == "front" else "front"]
    return legs


# "20 and 45 mm from the outside corner", "15, 30 and 45 from the heel": places along an L's leg from its corner
LEG_STATIONS = re.compile(r"((?:[\d.]*\d\s*(?:mm\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*))*[\d.]*\d)\s*(?:mm\s*)?(?:in\s+)?from\s+"
                          r"the\s+(?:outside\s+|outer\s+|inside\s+|inner\s+)?(?:corner|heel|bend)\b")


def _leg_holes(bd: Build, t: Target, body: dict, count, f: dict) -> bool:
    """Holes in the legs of an L ("one 6.5 hole in each leg", "two 5 mm holes in the base leg"): drilled
    through each leg from its outside face (front: the base leg's underside; left: the upright leg's
    outside), in the middle of the leg's free width, evenly along the length."""
    words = t.words
    legs = _legs_named(bd, t, body)
    if legs is None:
        return True
    if not legs and not re.search(r"\b(?:corners?|circle|pcd|grid|rows?|from the|cent(?:er|re)d?|middle|apart|"
                                  r"spacing|pitch|top|bottom|side|end)\b", words):
        # "an L bracket with holes": the mounting holes of an angle bracket are in its legs (said)
        legs = ["front", "left"]
        bd.notes.append("no place given for the holes: in each leg")
    if not legs:
        return False
    n = int(count) if count else 1
    rect = re.search(r"\bon an? ([\d.]+)\s*(?:mm\s*)?x\s*([\d.]+)\s*(?:mm\s*)?(?:rectangle|pattern|grid|rect)\b", words)
    if rect and n == 4 and len(legs) == 1:
        # "base gets 4x Ø5.5 on a 50 x 25 rectangle": a 2 x 2 grid on that leg, the way round that fits it
        a, c = (float(rect.group(i)) * bd.unit_mm for i in (1, 2))
        t.take(lambda v: any(abs(v.raw.num.value - float(rect.group(i))) < 1e-9 for i in (1, 2)))
        free = (body["width"] if legs[0] == "front" else body["height"]) - body["thickness"]
        if not (a < free and c < body["length"]):
            a, c = c, a
        if not (a < free and c < body["length"]):
            bd.missing.append(f"room for a {a:g} x {c:g} hole rectangle on the leg")
            return True
        u0 = body["thickness"] / 2 if legs[0] == "front" else -body["thickness"] / 2
        bd.features.append({**f, "id": bd.fid(f["id"]), "on": legs[0], "at": {"kind": "at", "points": [
            [round(u0 + su * a / 2, 6), round(sv * c / 2, 6)] for sv in (-1, 1) for su in (-1, 1)]}})
        bd.notes.append(f"the 4 holes on a {a:g} x {c:g} rectangle, centred on the leg")
        return True
    stations = LEG_STATIONS.search(words)
    if stations and len(legs) == 1:
        # "two 10 mm holes through the 60 leg, 20 and 45 mm from the outside corner": along the leg from its corner
        ds = [float(x) for x in re.findall(r"[\d.]*\d", stations.group(1))]
        if count and int(count) != len(ds):
            bd.missing.append(f"which {int(count)} of the {len(ds)} places listed the holes go at")
            return True
        k, th = bd.unit_mm, body["thickness"]
        span = body["width"] if legs[0] == "front" else body["height"]
        inner = bool(re.search(r"\b(?:inside|inner)\b", stations.group(0)))
        pts = []
        for d in ds:
            from_heel = d * k + (th if inner else 0.0)
            if not th < from_heel < span:
                bd.missing.append(f"a hole {d * k:g} mm from the {'inside' if inner else 'outside'} corner of the "
                                  f"{span:g} mm leg (it is not on the leg beyond the other one)")
                return True
            pts.append([round(-span / 2 + from_heel if legs[0] == "front" else span / 2 - from_heel, 6), 0.0])
        t.take(lambda v: any(abs(v.raw.num.value - x) < 1e-9 for x in ds))
        bd.features.append({**f, "id": bd.fid(f["id"]), "on": legs[0], "at": {"kind": "at", "points": pts}})
        bd.notes.append("holes centred across the leg, measured from its " + ("inside" if inner else "outside") + " corner")
        return True
    # "four holes in the legs": two in each ("with 3 holes" cannot be split: 3 in each)
    if len(legs) == 2 and not re.search(r"\b(?:each|per|either|every)\b", words) and n % 2 == 0:
        n //= 2
    if re.search(r"\bone (?:in|on|per|through) each\b", words):
        n = 1
    w, h, th, L = body["width"], body["height"], body["thickness"], body["length"]
    spacing = t.pop("spacing")
    if spacing is None and n == 2:
        ends = t.take(lambda v: _from_each_end(bd.text[v.raw.num.end:]) and L > 2 * v.mm)[:1]
        if ends:
            spacing = round(L - 2 * ends[0].mm, 6)        # "2 holes in the base leg, 15 from each end"
    if n > 1 and spacing is None:
        spacing = round(bd.assume("spacing of the holes along each leg", L / (n + 1)), 3)
    if not LEG_TIP.search(words):
        bd.notes.append("holes centred across each leg's width" if len(legs) == 2 else "holes centred across the leg")
    base = dict(f)
    d = f["size"] if isinstance(f.get("size"), (int, float)) else 0.0
    up = t.take(lambda v: re.match(r"\s*(?:mm\s*)?up\b(?:\s+from\s+the\s+(?:bottom|base|bend))?", bd.text[v.raw.num.end:])
                is not None)[:1] if legs == ["left"] else []
    above = _above_base(bd, t) if legs == ["left"] and not up else None
    if above is not None:
        # "30 above the horizontal plate": over the base leg's top, so that plus its thickness up the upright
        up = [Value(round(above + th, 6), None)]
    if n == 2 and spacing is None and len(legs) == 1 and re.search(r"\bfrom (?:each|both|either) ends?\b", words):
        ends = t.take(lambda v: _from_each_end(bd.text[v.raw.num.end:]) and L > 2 * v.mm)[:1]
        if ends:
            spacing = round(L - 2 * ends[0].mm, 6)     # "through the vertical plate, 20 in from each end"
    if up and not th < up[0].mm < h:
        bd.missing.append(f"a hole {up[0].mm:g} up the {h:g} mm upright")
        return True
    tip = LEG_TIP.search(words)
    if tip:
        d_tip = float(tip.group(1)) * bd.unit_mm
        t.take(lambda v: v.raw is not None and abs(v.raw.num.value - float(tip.group(1))) < 1e-9)
        bd.placed.add(round(d_tip, 6))
    for face in legs:
        u = th / 2 if face == "front" else -th / 2          # the middle of the leg beyond the other leg
        if tip:
            # "15 from the end of the leg": in from its free end (the base leg's at +X, the upright's top at u = -h/2)
            span = w if face == "front" else h
            if not th + d / 2 < span - d_tip and d_tip > d / 2:
                bd.missing.append(f"room for a Ø{d:g} hole {d_tip:g} from the end of the {span:g} mm leg")
                return True
            u = round(w / 2 - d_tip if face == "front" else -h / 2 + d_tip, 6)
            bd.notes.append(f"the hole{'s' if len(legs) > 1 else ''} {d_tip:g} from the free end of the leg")
        if up:
            u = round(h / 2 - up[0].mm, 6)     # "one hole in the upright 30 up": that high above the bottom
            bd.notes.append(f"the hole {up[0].mm:g} up the upright")
        g = {**base, "id": bd.fid(base["id"]), "on": face}
        free = (w if face == "front" else h) - th
        axis = "v"
        if n > 1 and spacing * (n - 1) + d > L and spacing * (n - 1) + d < free:
            # "an L 30 wide: 2 holes in the 60 leg 30 apart": they fit along the leg, not across its 30 width
            axis = "u"
            bd.notes.append(f"the holes {spacing:g} apart along the leg (across its {L:g} mm width they do not fit)")
        g["at"] = {"kind": "at", "points": [[u, 0.0]]} if n == 1 else {
            "kind": "linear", "count": n, "spacing": spacing, "axis": axis, "center": [u, 0.0]}
        bd.features.append(g)
    return True


# "15 from the end of the leg", "12 from its free end", "10 from the tip": in from a leg's free end
LEG_TIP = re.compile(r"([\d.]*\d)\s*(?:mm\s*)?(?:in\s+)?from\s+(?:the|its|their|each)\s+(?:(?:free|outer|open)\s+(?:end|edge)s?|tips?|"
                     r"ends?\s+of\s+(?:the|each|its|their)\s+(?:legs?|arms?|flanges?))\b")
ABOVE_BASE = re.compile(r"^\s*(?:mm\s*)?(?:above|over|up from|clear of)\s+(?:the\s+)?(?:top\s+of\s+the\s+)?(?:base|horizontal|bottom|"
                        r"lower|flat|flange|foot)(?:\s+(?:plate|leg|flange|part))?(?:'s\s+top(?:\s+face)?|\s+top)?\b")


def _above_base(bd: Build, t: Target) -> float | None:
    """'its centre 25 above the base plate's top', '30 above the horizontal plate': how high over the base's top face
    (mm), taken from the target; None when not said."""
    said = lambda v: v.raw is not None and ABOVE_BASE.match(bd.text[v.raw.num.end:]) is not None   # noqa: E731
    got = t.take(said)[:1]
    if not got:
        # "a Ø20 hole through the web, in the middle of its length, its centre 25 above the base plate's top": said in
        # the hole's sentence after its clause
        a, b = _sentence(bd.text, t.start)
        for o in [bd.body, *bd.feats]:
            got = got or o.take(lambda v: said(v) and a <= v.raw.num.start < b)[:1]
    if got:
        bd.placed.add(round(got[0].mm, 6))
    return got[0].mm if got else None


WEB = re.compile(r"\b(?:web|stem|upright|vertical (?:plate|leg|part|web)|standing (?:plate|leg|part))\b")


def _web_holes(bd: Build, t: Target, body: dict, count, f: dict) -> bool:
    """Holes through the web of a T ("a Ø20 hole through the web, in the middle of its length, 25 above the base
    plate's top"): from one side of the web through it (the section's flange is at +Y, the web's tip at -Y; the
    left face's u runs along -Y), at that height over the flange (the middle of the web when none is said), along the
    length in the middle or 'N from each end'."""
    words = t.words
    if not WEB.search(words) or f.get("depth") is not None or not isinstance(f.get("size"), (int, float)):
        return False
    h, fl, L, d = body["height"], body.get("lip") or body["thickness"], body["length"], f["size"]
    n = int(count) if count else 1
    above = _above_base(bd, t)
    free = h - fl
    at_h = above if above is not None else free / 2
    if not d / 2 < at_h < free - d / 2 + 1e-9:
        bd.missing.append(f"room for a Ø{d:g} hole {at_h:g} above the flange on the {free:g} mm web")
        return True
    u = round(fl + at_h - h / 2, 6)
    spacing = t.pop("spacing")
    if n == 2 and spacing is None:
        ends = t.take(lambda v: _from_each_end(bd.text[v.raw.num.end:]) and L > 2 * v.mm)[:1]
        spacing = round(L - 2 * ends[0].mm, 6) if ends else None
    if n > 1 and spacing is None:
        bd.missing.append(f"where the {n} holes go along the web (e.g. '20 from each end' or '40 apart')")
        return True
    bd.features.append({**f, "id": bd.fid(f["id"]), "on": "left", "at": {"kind": "at", "points": [[u, 0.0]]} if n == 1 else
                        {"kind": "linear", "count": n, "spacing": spacing, "axis": "v", "center": [u, 0.0]}})
    bd.notes.append(f"the hole{'s' if n > 1 else ''} through the web, {at_h:g} above the flange"
                    + ("" if above is not None else " (the middle of the web)"))
    return True


LEG_SIZE = re.compile(r"\bthe ([\d.]*\d)\s*(mm|in\b|inch|\")?\s*(?:long\s+)?(?:legs?|arms?|flanges?)\b")
def _tube_side_holes(bd: Build, t: Target, body: dict, count, f: dict) -> bool:
    """Holes across a square or rectangular tube standing on its end ("a 6 mm hole through both walls 10 from each
    end"): in from a side face, through both walls, at their distance from the ends (mid-length when none is said)."""
    words = t.words
    if not re.search(r"\b(?:through|thru|across|in)\s+(?:both|the|each|two|opposite)?\s*(?:side\s+)?(?:walls?|sides?|faces?)\b|"
                     r"\bcross|\bfrom (?:each|both|either|one|an?|the) ends?\b", words):
        return False
    H = body["height"]
    n = int(count) if count else 1
    inset = t.pop("inset")
    if inset is None:
        near = t.take(lambda v: _from_each_end(bd.text[v.raw.num.end:]) or FROM_END.match(bd.text[v.raw.num.end:]))[:1]
        inset = near[0].mm if near else None
    if re.search(r"\b(?:one|a single) (?:wall|side)\b", words):
        return False
    g = {**f, "on": "front"}
    if n == 1 and inset is not None and EACH_END.search(words):
        n = 2          # "a 6 mm hole through both walls 10 from each end": one near each end
    if n == 2 and inset is not None:
        if H - 2 * inset <= 0:
            bd.missing.append(f"room for holes {inset:g} from each end of the {H:g} mm tube")
            return True
        g["at"] = {"kind": "linear", "count": 2, "spacing": round(H - 2 * inset, 6), "axis": "v"}
    elif n == 1:
        g["at"] = {"kind": "at", "points": [[0.0, round(-H / 2 + inset, 6) if inset is not None else 0.0]]}
    else:
        return False
    bd.features.append(g)
    bd.notes.append("the holes go through both walls of the tube, from a side")
    return True


CROSS_NAMED = re.compile(r"\bcross[- ]?(?:holes?|drill(?:ed|ing)?|bored?)\b|\btransverse\s+(?:holes?|bores?)\b")
CROSS = re.compile(r"\bcross[- ]?(?:holes?|drill(?:ed|ing)?|bored?)\b|\b(?:radial|transverse)\s+(?:holes?|bores?)\b|"
                   r"\b(?:split|cotter|lynch|clevis|r[- ]?clip|roll)[- ]?pin\s+holes?\b|\bcotter\s+holes?\b|"
                   r"\bthrough (?:both|the) (?:side )?walls\b|\bthrough the (?:side|diameter)\b|"
                   r"\bacross the (?:diameter|rod|bar|shaft|shank|pin|tube|pipe)\b|\b(?:turned|rotated|at) 90\b")
FROM_END = re.compile(r"^\s*(?:mm\s*)?(?:in\s+)?(?:from|off|below|above|under|down from|up from) (?:one|a|the|either|an|each|the other|the top|the bottom|the near|"
                      r"the far)?\s*(?:(?:left|right|free|plain|nearest)\s+)?(end|top|bottom)\b")


def _from_each_end(after: str) -> bool:
    """The words after a number say it is measured in from each end ("15 from each end", "10 in from both ends")."""
    m = FROM_END.match(after)
    return m is not None and re.search(r"\b(?:each|either|both)\b", m.group(0)) is not None


SET_SCREW = re.compile(r"\b(?:set|grub)[- ]?screw\b|\bradial (?:tapped|threaded) hole\b")


def _cross_hole(bd: Build, t: Target, body: dict, count, f: dict, note: bool = True) -> bool:
    """A hole across a round bar or tube ("8 mm cross hole 10 mm from one end"): drilled from the side
    through the axis (both walls of a tube), at its distance from an end (mid-length when none is given)."""
    if f.get("depth") is not None and note or "cbore" in f or "csink" in f:
        return False
    H = body["height"]
    pick = None
    for vs in list(t.roles.values()) + [t.loose]:
        for v in vs:
            m = FROM_END.match(bd.text[v.raw.num.end:])
            if m and pick is None:
                pick, where, owner, each = v, m.group(1), vs, re.search(r"\b(?:each|either|both)\b", m.group(0))
                if "far" in m.group(0) or "other" in m.group(0):
                    where = "top"     # "4 mm from the far end": from the end away from the one it stands on
                    if any(g["kind"] == "hole" and g.get("depth") is not None and g.get("on") in (None, "top")
                           for g in bd.features):
                        # "a 20 bore 30 deep from one end and a cross hole 15 from the other end": the bore went in
                        # from the top, so the other end is the bottom
                        where = "bottom"
    n = int(count) if count else 1
    if pick is not None and each and n in (1, 2):
        # "two cross holes 15 from each end": one near each end, symmetric about mid-length
        owner.remove(pick)
        if H - 2 * pick.mm <= 0:
            bd.missing.append(f"room for cross holes {pick.mm:g} mm from each end of the {H:g} mm length")
            return True
        bd.features.append({**f, "on": "front", "at": {"kind": "linear", "count": 2, "spacing": round(H - 2 * pick.mm, 6),
                                                       "axis": "v"}})
        if note:
            bd.notes.append("the cross holes go through the axis, side to side")
        return True
    if pick is not None:
        owner.remove(pick)
        for role in [r for r, vs in t.roles.items() if not vs]:
            del t.roles[role]
        z = pick.mm if where in ("end", "bottom") else H - pick.mm
        if not 0 < z < H:
            bd.missing.append(f"a place for the cross hole inside the {H:g} mm length")
            return True
        v = round(z - H / 2, 6)
    else:
        v = 0.0
        if note and not re.search(r"\bmid(?:-?(?:height|length|way))?\b|\bmiddle\b|\bhalf ?way\b", t.words):
            bd.notes.append("no place along the part given for the cross hole: mid-length")
    if re.search(r"\bradial(?:ly)?\b", t.words) and n not in (1, 2, 4):
        bd.missing.append(f"{n} radial holes (radial holes are built one, two opposite or four at right angles)")
        return True
    if re.search(r"\bradial\b", t.words) and (n == 4 and re.search(
            r"\b90\s*(?:deg\w*\s*)?(?:apart|spacing|intervals?|each)\b|\bevenly\b|\bequally\b|\baround\b", t.words) or
            n == 2 and re.search(r"\bopposite\b|\b180\b", t.words)):
        # "four 6mm radial holes at mid height 90 degrees apart": two cross holes at right angles through the axis
        for face in ("front", "left") if n == 4 else ("front",):
            bd.features.append({**f, "id": bd.fid(f["id"]), "on": face, "at": {"kind": "at", "points": [[0.0, v]]}})
        bd.notes.append(f"{n} radial holes {360 // n} degrees apart: {n // 2} cross hole{'s' if n == 4 else ''} "
                        "through the axis")
        return True
    f = {**f, "on": "left" if re.search(r"\b(?:turned|rotated|at) 90\b", t.words) else "front"}
    if n == 1:
        f["at"] = {"kind": "at", "points": [[0.0, v]]}
    else:
        spacing = t.pop("spacing") or round(bd.assume("spacing of the cross holes", H / (n + 1)), 3)
        f["at"] = {"kind": "linear", "count": n, "spacing": spacing, "axis": "v", "center": [0.0, v]}
    if note:
        bd.notes.append("the cross hole goes through the axis, side to side")
    bd.features.append(f)
    return True


THROUGH_SIZE = re.compile(r"\b(?:through|thru|across|along)\s+(?:the\s+)?([\d.]+)\s*(?:mm\s*|\"\s*|in\s+)?(?:(?:side|width|length|"
                          r"direction|way|dimension|face|wide|long)\b|(?=\s*(?:[,;)]|\.(?!\d)|$)))")
ACROSS = re.compile(r"(?<!centred )(?<!centered )(?<!central )(?<!apart )(?<!spaced )(?<!pitch )\b(?:across|through)(?: through| across)? the (?:[\d.]+\s*(?:mm\s*)?)?(?:width|short way|short direction|"
                    r"short side)\b|"
                    r"\bfront to back\b|\bside to side\b|\bthrough the (?:front|width)\b|\bwidthways\b|\bwidthwise\b|"
                    r"\bsideways\b|\bcrossways\b|\bcrosswise\b|\bhorizontally\b")
PITCH_ALONG = re.compile(r"\b(?:pitch|pitched|spacing|spaced|apart|cent(?:re|er)s|on cent(?:re|er)s|(?:either|each|both)\s+sides?\s+"
                         r"of\s+(?:the\s+|its\s+)?\w+)\s+(?:along|across)\s+"
                         r"(?:the |its )?(?:length|width|long way|short way)\b")
DOWN = re.compile(r"\b(?:down|vertical(?:ly)?|from the top|top to bottom|through the top|in the top|into the top)\b")
LENGTHWISE = re.compile(r"(?<!\d )(?<!\dmm )(?<!\d mm )\b(?:in|going in|drilled|bored) from the end\b|\bout the other end\b|\bend face\b|"
                        r"\bfrom (?:one|an?|the) end to the other\b|"
                        r"\balong the [\d.]+\b(?!\s*(?:mm\s*)?(?:side|edge))|"
                        r"\b(?:running|runs|run|going|goes|drilled|bored)\s+(?:the\s+)?(?:full|whole|entire)\s+"
                        r"(?:[\d.]+\s*(?:mm\s*)?)?length\b|\b(?:lengthways|lengthwise|end to end|along the (?:full |whole )?"
                        r"length|the long way|along its length)\b")
CHANNEL_BASE = re.compile(r"\b(?:in|on|through|into|along|down|across) (?:the |its )?(?:(?:middle|center|centre) of (?:the |its )?)?"
                          r"(?:base|bottom|web|floor|back)\b")
CHANNEL_SIDES = re.compile(r"\b(?:through|in|on|into) (?:the middle of |the centre of |the center of )?"
                           r"(?:both |the |each |either )*(?:side ?walls?|sides|legs?|arms?|"
                           r"flanges|uprights?|walls|wall)\b")


def _channel_holes(bd: Build, t: Target, body: dict, count, f: dict) -> bool:
    """Holes in a U channel's base (its web, the -Y face of the section) evenly along its length, or
    across it through both side walls, at mid height."""
    words = t.words
    face = "front" if CHANNEL_BASE.search(words) else "left" if CHANNEL_SIDES.search(words) else None
    if face is None:
        return False
    n = int(count) if count else 1
    spacing = t.pop("spacing")
    half = t.pop("half_spacing")
    if spacing is None and half is not None and n == 2:
        spacing = 2 * half              # "two Ø5 holes in the base, 15 each side of centre"
    up = t.take(lambda v: UP_FROM.match(bd.text[v.raw.num.end:]) is not None)[:1] if face == "left" else []
    if n == 2 and spacing is None and EACH_END.search(words):
        inset = t.pop("inset")          # "two 6mm holes through the bottom, 20 in from each end"
        if inset is not None and body["length"] > 2 * inset:
            spacing = body["length"] - 2 * inset
    if n > 1 and spacing is None:
        spacing = round(bd.assume("spacing of the holes along the channel", body["length"] / (n + 1)), 3)
    if face == "left" and up:
        # "one Ø8 hole through both uprights, 30 up from the bottom": that high (u runs up the section's height)
        if not body["thickness"] < up[0].mm < body["height"]:
            bd.missing.append(f"a hole {up[0].mm:g} up the {body['height']:g} mm walls")
            return True
        bd.notes.append(f"through both side walls, {up[0].mm:g} up from the bottom")
        centre = [round(up[0].mm - body["height"] / 2, 6), 0.0]
    elif face == "left":
        bd.notes.append("through both side walls, at mid height")
        # the left face's u runs along Y (the section's height), centred on the section's box
        centre = [-body["thickness"] / 2, 0.0]     # the middle of the wall above the base
    else:
        bd.notes.append("in the base, on its centre line")
        centre = [0.0, 0.0]
    f = {**f, "on": face}
    axis = "v"
    d = f["size"] if isinstance(f.get("size"), (int, float)) else 0.0
    if face == "front" and n > 1 and spacing * (n - 1) + d > body["length"] and \
            spacing * (n - 1) + d < body["width"] - 2 * body["thickness"]:
        # "a U 60 wide, 30 deep: two 6mm holes in the base 30 apart": they fit across the base, not along it
        axis = "u"
        bd.notes.append(f"the holes {spacing:g} apart across the base (along its {body['length']:g} mm they do not fit)")
    f["at"] = {"kind": "at", "points": [centre]} if n == 1 else {
        "kind": "linear", "count": n, "spacing": spacing, "axis": axis, "center": centre}
    bd.features.append(f)
    return True


OPPOSITE = {"front": "back", "back": "front", "left": "right", "right": "left", "top": "bottom", "bottom": "top"}
_ADJ = r"(?:(?:square|round|flat|outer|outside|opposite|other|[\d.]+\s*(?:mm|\"|in)?)\s+)?"


def _face(words: str, body: dict | None = None, unit: float = 1.0) -> str | None:
    """The face a feature goes into: named ('on the left end', 'through one of the long walls', 'the end wall gets
    a hole'), or by its length ('on one of the 4" sides': the side that long)."""
    for s, e, p, name in find("faces", words):
        m = re.search(rf"\b(?:on|in|into|from|through) (?:the |its |each |either |(?:one|a) (?:of (?:the |its )?)?)?"
                      rf"{_ADJ}{re.escape(p)}\b(?!\s*(?:(?:left|right|front|back)[- ]?(?:hand\s+)?)?(?:edge|end|corner|side edge)s?\b)", words) or \
            re.search(rf"\b(?:(?:one|a|each|the) (?:of (?:the |its )?)?)?{_ADJ}{re.escape(p)}\s+(?:gets?|has|have|takes?)\b",
                      words)
        if m and m.group(0).startswith("from") and re.search(r"[\d.]\s*(?:mm|cm|in|\")?\s*(?:in\s+|away\s+|up\s+|down\s+)?$",
                                                               words[:m.start()]):
            continue      # "20 mm from the right": a distance from that edge, not the face it is drilled into
        if name in ("top", "bottom", "front", "back", "left", "right") and m:
            if re.search(r"\b(?:opposite|other)\s+(?:[\w.\"]+\s+)?$", m.group(0)[:m.group(0).rfind(p)]):
                name = OPPOSITE[name]       # "the opposite end wall": the end across from the one named before
            return None if name == "top" else name
    if re.search(r"\b(?:through|thru|into|in|from|on) (?:the|one|a) side\b(?!\s+of\b)(?!\s*(?:edges?|ends?)\b)", words) and \
            not re.search(r"\b(?:length|lengthwise|long way|end to end|width|widthwise|across|direction)\b", words):
        return "front"      # "a 12mm hole through the side": into a side face (the front, a long one)
    pair = re.search(r"\b(?:on|in|into|from|through) (?:(?:one|a) of )?the (?:big |large |small |long |short )?([\d.]+)\s*"
                     r"(?:mm\s*)?x\s*([\d.]+)\s*(?:mm\s*)?(?:side\s+|end\s+)?(?:sides?|walls?|faces?|ends?)\b", words)
    if pair and body is not None and body.get("kind") == "box":
        # "from one of the big 60x30 side faces": the face those two sizes span
        a, c = sorted(float(pair.group(i)) * unit for i in (1, 2))
        L, W, H = body["length"], body["width"], body["height"]
        for face, (p_, q_) in (("front", (L, H)), ("left", (W, H)), ("top", (L, W))):
            if abs(min(p_, q_) - a) < 1e-6 and abs(max(p_, q_) - c) < 1e-6:
                return None if face == "top" else face
    m = re.search(r"\b(?:on|in|into) (?:(?:one|a) of )?the ([\d.]+)\s*(?:mm|\"|in)?\s*(?:long\s+)?"
                  r"(?:sides?|walls?|faces?)\b", words)
    if m and body is not None and body.get("kind") == "box":
        v = float(m.group(1)) * unit      # "on one of the 4\" sides": the side 4" long
        side = next((f for f, k in (("front", "length"), ("left", "width")) if abs(body.get(k, -1) - v) < 1e-6), None)
        if side and abs(body["length"] - body["width"]) > 1e-6:
            return side
    return None


def _listed_points(bd: Build, body: dict, count, pts: list[tuple[float, float]]) -> dict | None:
    """Hole centres given as x, y: from the lower-left corner of a block's top face (x along its length),
    from the centre of a round part."""
    k = bd.unit_mm
    if count and int(count) != len(pts):
        bd.missing.append(f"which {int(count)} of the {len(pts)} places listed the holes go at")
        return None
    if body["kind"] == "box":
        L, W = body["length"], body["width"]
        out = [[round(x * k - L / 2, 6), round(y * k - W / 2, 6)] for x, y in pts]
        note = "hole positions measured from the lower-left corner"
    else:
        out = [[round(x * k, 6), round(y * k, 6)] for x, y in pts]
        note = "hole positions measured from the centre"
    if note not in bd.notes:
        bd.notes.append(note)
    return {"kind": "at", "points": out}


def _stations(bd: Build, t: Target, body: dict, count, f: dict, entry) -> dict | None:
    """Holes at distances along a bar or plate from one end ('at 20, 60 and 100 along the length'): on the top
    face's centre line, each that far from the named end, or in two rows set in from the long edges ('4 holes ...
    at 20 and 60 along the length, 10 in from each long edge')."""
    from .numbers import UNIT_WORDS, unit_mm

    _, edge, ds, unit = entry
    k = unit_mm(UNIT_WORDS[unit]) if unit else bd.unit_mm
    rows = [0.0]
    inset = t.get("inset")
    if count and int(count) == 2 * len(ds) and inset is not None and body["kind"] == "box" and re.search(
            r"\b(?:each|both|either) (?:of the )?(?:long )?(?:edges?|sides?)\b", t.words):
        t.pop("inset")
        rows = [-(body["width"] / 2 - inset), body["width"] / 2 - inset]
        count = len(ds)
    if count and int(count) != len(ds):
        bd.missing.append(f"which {int(count)} of the {len(ds)} places listed the holes go at")
        return None
    if body["kind"] != "box" or f.get("on") not in (None, "top"):
        bd.missing.append("places along the length on this part (they are read on a block's top face)")
        return None
    L = body["length"]
    far = [d * k for d in ds if not 0 < d * k < L]
    if far:
        bd.missing.append(f"room for a hole {far[0]:g} mm from the end of a {L:g} mm long part")
        return None
    sign = 1 if edge == "left" else -1
    bd.notes.append(f"hole centres {', '.join(f'{d * k:g}' for d in ds)} mm from the {edge} end, " +
                    ("on the centre line" if len(rows) == 1 else f"{inset:g} in from each long edge"))
    return {"kind": "at", "points": [[round(sign * (d * k - L / 2), 6), round(v, 6)] for v in rows for d in ds]}


EDGE_PAIR = r"(?:in\s+)?from (?:the |both |each |its )?(long|short)(?: edges?| sides?| ends?)"


# one corner named: "the top left corner", "the bottom-right corner", "the left front corner"
ONE_CORNER = re.compile(r"\b(?:the|one|a)\s+(?:(top|bottom|upper|lower|front|back|rear|far|near)[- ]?(left|right)|"
                        r"(left|right)[- ]?(top|bottom|upper|lower|front|back|rear|far|near))[- ]?(?:hand\s+)?corner\b(?!s)")


def _two_insets(bd: Build, t: Target, inset: float) -> dict | None:
    """'10 in from the long edges and 12 in from the short edges': corners set in by a different distance from
    each pair of edges (the long edges run along the length: their distance is across it)."""
    other = t.take(lambda v: re.match(rf"\s*(?:mm\s*)?{EDGE_PAIR}", bd.text[v.raw.num.end:]) is not None)
    if not other:
        return None
    which = re.match(rf"\s*(?:mm\s*)?{EDGE_PAIR}", bd.text[other[0].raw.num.end:]).group(1)
    from_long, from_short = (inset, other[0].mm) if which == "short" else (other[0].mm, inset)
    return {"kind": "corners", "inset_u": from_short, "inset_v": from_long}


# "3 holes 20 apart along the width", "across the width", "along the short side": a row that runs along Y
ROW_ALONG = re.compile(r"\b(?:(?:along|parallel to|in line with|across|spanning)\s+the\s+(width|short\s+(?:side|edge|way|"
                       r"direction)|y(?:\s+axis)?)|(?:along|parallel to|in line with)\s+the\s+(length|long\s+(?:side|edge|way|"
                       r"direction)|x(?:\s+axis)?))\b")


def _placement(bd: Build, t: Target, body: dict, count, f: dict) -> dict | None:
    """Where the holes go, and a row turned the way the words run it ('along the width')."""
    at = _placement_of(bd, t, body, count, f)
    m = ROW_ALONG.search(t.words) if at and at.get("kind") == "linear" and body.get("kind") == "box" else None
    if m and re.search(r"\b(?:cent(?:er|re)[ds]?|centred|centered|middle|halfway|mid)\s*$", t.words[:m.start()]):
        m = None       # ("centered across the width": where the row sits, not which way it runs)
    if m:
        axis = "v" if m.group(1) else "u"
        span = body["width"] if axis == "v" else body["length"]
        extent = (at["count"] - 1) * at["spacing"] + (f.get("size") if isinstance(f.get("size"), (int, float)) else 0)
        way = "width" if axis == "v" else "length"
        if axis != at.get("axis", "u") and extent < span and not at.get("center"):
            at = {**at, "axis": axis}
            bd.notes.append(f"the row along the {way}")
        elif axis != at.get("axis", "u") and not at.get("center"):
            bd.missing.append(f"room for the row along the {way}: it spans {extent:g} mm of the {span:g} mm {way}")
            return None
    return at


# "a 6-bolt flange", "4-hole flange", "six bolt flange", "an 8 bolt pattern": the number of holes on the bolt circle
# said as a word of the part's name (never "a 75 bolt circle": a size; never "6 bolt holes": a count said as usual)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twelve": 12, "sixteen": 16}
BOLTS_NAMED = re.compile(r"\b(\d{1,2}|" + "|".join(_COUNT_WORDS) + r")(?:-|\s)(?:bolt|hole|stud|screw)\b(?=-?\s*(?:flange|"
                         r"pattern|mount\w*|hub|plate|cover|disc|disk|ring)\b)|\b(\d{1,2}|" + "|".join(_COUNT_WORDS) +
                         r")-(?:bolt|hole|stud|screw)\b")


def _inside(grid: re.Match, body: dict, k: float) -> bool:
    """Whether an "A x B" said after "on" fits strictly inside the part's plan (a hole pattern, not the part)."""
    plan = sorted(v for v in (body.get("length"), body.get("width")) if v)
    said = sorted(float(g) * k for g in grid.groups())
    return len(plan) == 2 and all(a < b - 1e-9 for a, b in zip(said, plan))


def _bolts_named(bd: Build, t: Target) -> int | None:
    m = BOLTS_NAMED.search(bd.text)
    if m is None:
        return None
    at = m.start(1) if m.group(1) else m.start(2)
    said = m.group(1) or m.group(2)
    n = _COUNT_WORDS.get(said) or int(said)
    if not 2 <= n <= 24:
        return None
    for tg in (t, bd.body):
        tg.take(lambda v: v.raw is not None and v.raw.num.start == at)
    bd.notes.append(f"{n} holes on the bolt circle (a {n}-bolt part)")
    return n


def _placement_of(bd: Build, t: Target, body: dict, count, f: dict) -> dict | None:
    words = t.words
    listed = re.search(r"\bpoints#(\d+)\b", words)
    if listed:
        return _listed_points(bd, body, count, bd.coords[int(listed.group(1))])
    listed = re.search(r"\bstations#(\d+)\b", words)
    if listed:
        return _stations(bd, t, body, count, f, bd.coords[int(listed.group(1))])
    pcd = t.pop("pcd")
    if pcd is None and bd.body.get("pcd") is not None and body["kind"] in ("cylinder", "tube", "shaft"):
        pcd = bd.body.pop("pcd")      # "Bolt circle 11 cm with 4 holes of 1.4 cm": said before the holes, in its own clause
    spacing = t.pop("spacing")
    inset = t.pop("inset")
    if inset is None:   # "15 mm in" at the end of a clause: in from the edges
        v = next((v for v in t.loose if re.match(r"^\s*in\b(?!\s*(?:dia|diameter|an?\b|the\b))", bd.text[v.raw.num.end:])),
                 None)      # ("15 mm in", not "6mm in a 40 square": the holes' size, then where)
        if v is not None:
            t.loose.remove(v)
            inset = v.mm
    if count is not None and spacing is not None and inset is not None and body.get("kind") == "box" and int(count) >= 2 \
            and abs(body["length"] - 2 * inset - (int(count) - 1) * spacing) < 1e-6 and \
            re.search(r"\b(?:from|in from|off) (?:the|each|both|either) ends\b|\b(?:from|in from) (?:each|both|either) end\b",
                      words):
        # "4 holes 20 apart 20 from the ends" on a 100 strip: a row that ends 20 from each end (not the corners)
        return {"kind": "linear", "count": int(count), "spacing": spacing, "axis": "u"}
    if count is None and spacing is not None and inset is not None and body.get("kind") == "box" and \
            re.search(r"\bevery\b|\bpitch\b|\bspaced\b|\bapart\b", words) and \
            re.search(r"\b(?:from|in from|off) (?:the|each|both|either|one|an?) ends?\b|\bstarting\b", words):
        # "holes 5 mm every 25 mm starting 12.5 from the end": as many as fit, the last as far from the other end
        L = body["length"]
        k = (L - 2 * inset) / spacing
        if k >= 1 and abs(k - round(k)) < 1e-6:
            bd.notes.append(f"{int(round(k)) + 1} holes {spacing:g} apart, {inset:g} from each end")
            return {"kind": "linear", "count": int(round(k)) + 1, "spacing": spacing, "axis": "u"}
        bd.missing.append(f"how many holes: {spacing:g} apart from {inset:g} in does not end {inset:g} from the other end "
                          f"of the {L:g} mm part (say the count)")
        return None
    one_end = re.search(r"\bfrom (?:one|a|an|the near|the first) end\b", words)
    other_end = re.search(r"\bfrom the (?:other|far|opposite|second) end\b", words)
    if inset is not None and (not count or int(count) == 1) and (one_end or other_end) and body.get("length") and \
            not re.search(r"\b(?:each|both|either) (?:ends?|sides?)\b", words):
        # "a 1/2\" hole ..., 1/2\" in from one end", "... from the other end": on the centre line, that far in
        return {"kind": "from_edge", "edge": "right" if other_end else "left", "distance": inset}
    edge = FROM_EDGE.search(words)
    long_in = re.search(r"\bfrom (?:the |both |each )?long (?:edges|sides)\b", words)
    if count is not None and int(count) == 2 and inset is not None and long_in and edge and edge.group(3) in ("left", "right") \
            and body.get("kind") == "box" and body.get("width", 0) > 2 * inset:
        # "two 8 mm holes 15 from the left end, 15 from the long edges": a pair across the part, near that end
        x = float(edge.group(1)) * bd.unit_mm
        t.take(lambda v: abs(v.mm - x) < 1e-9)
        u = -body["length"] / 2 + x if edge.group(3) == "left" else body["length"] / 2 - x
        y = body["width"] / 2 - inset
        return {"kind": "at", "points": [[round(u, 6), round(y, 6)], [round(u, 6), round(-y, 6)]]}
    edge = edge if inset is not None and (not count or int(count) == 1) and pcd is None else None
    if edge and abs(float(edge.group(1)) * bd.unit_mm - inset) < 1e-6:
        # "a 6mm hole 30 in from the left edge": one hole that far in from that edge (not four in the corners)
        two = _from_two_edges(words, bd, body) if f.get("on") in (None, "top") else None
        return two or _from_edge(edge, bd)
    per_side = re.search(r"\b(\d+) (?:per|on each|each|a|along each|along every|on every) (?:long )?(?:side|edge)\b", words)
    if per_side and body.get("kind") == "box" and inset is not None and re.search(
            r"\b(?:along|on|down) (?:each|both|the(?: two)?) long (?:sides?|edges?)\b", words):
        # "holes 10 in from the edges along each long side, 4 per side": a row of 4 along each long edge, 10 in from
        # it, the end holes 10 in from the ends
        k = int(per_side.group(1))
        for tg in (t, bd.body):
            tg.take(lambda v: v.raw is not None and v.raw.group is None and abs(v.raw.num.value - k) < 1e-9 and
                    re.match(r"\s*(?:per|on each|each|a) (?:long )?(?:side|edge)", bd.text[v.raw.num.end:]) is not None)
        L, W = body["length"], body["width"]
        if k < 2 or L - 2 * inset <= 0 or W - 2 * inset <= 0:
            bd.missing.append(f"room for rows of {k} holes {inset:g} in from the edges")
            return None
        bd.notes.append(f"a row of {k} along each long side, {inset:g} in from the edges")
        return {"kind": "grid", "counts": [k, 2], "spacing": [round((L - 2 * inset) / (k - 1), 6), round(W - 2 * inset, 6)]}
    if per_side and body.get("kind") == "box":
        # "3 along each side" of a plate: on the long sides only, or all round sharing the corners, is not said
        bd.missing.append(f"how the {per_side.group(1)} holes per side go (e.g. '{per_side.group(1)} along each long side', "
                          "or their spacing)")
        return None
    rows = ROWS.search(words)
    if rows:
        a, b = int(rows.group(2)), int(rows.group(1))
        between = next((v for v in t.loose + t.roles.get("spacing", [])[1:] if re.match(
            r"\s*(?:mm\s*)?(?:apart\s+)?(?:between (?:the |its |both )?rows|rows? apart|row (?:spacing|pitch|cent(?:re|er)s))\b",
            bd.text[v.raw.num.end:])), None) or next((v for v in t.loose + t.roles.get("spacing", []) if re.search(
                r"\brows?\s+(?:are\s+|spaced\s+|at\s+)?$", bd.text[max(0, v.raw.num.start - 16):v.raw.num.start]) and
                re.match(r"\s*(?:mm\s*)?(?:apart|spacing|pitch|cent(?:re|er)s|on cent(?:re|er)s)\b",
                         bd.text[v.raw.num.end:])), None)   # "2 rows of 3, 30 pitch, rows 40 apart"
        if between is not None:
            t.take(lambda v: v is between)
        s = spacing or bd.assume("spacing along the rows", 10)
        # "two rows of three, 40 pitch along the length and 30 between rows": the rows 30 apart
        return {"kind": "grid", "counts": [a, b], "spacing": [s, between.mm if between is not None else s]}
    grid = GRID.search(words)
    n = int(count) if count else None
    if pcd is not None:
        if n is None:
            n = _bolts_named(bd, t)     # "a 6-bolt flange", "four bolt flange": the count said with the part
        if n is None:
            n = int(bd.assume("number of holes on the bolt circle", 4, "holes"))
        start = t.pop("start_angle")
        if start is not None:
            return {"kind": "bolt_circle", "count": n, "diameter": pcd, "start_angle": start}
        if n == 4 and body.get("kind") == "box" and abs(body["length"] - body["width"]) < 1e-9:
            # a square flange's four bolts sit on its diagonals, towards the corners
            bd.notes.append("the 4 holes on the bolt circle sit on the diagonals (towards the corners)")
            return {"kind": "bolt_circle", "count": n, "diameter": pcd, "start_angle": 45.0}
        return {"kind": "bolt_circle", "count": n, "diameter": pcd}
    pair = [v for v in t.roles.get("spacing", []) + t.loose if v.raw.group is not None and v.raw.role in (
        "spacing", None)]
    grid_is_spacing = bool(grid and (re.match(r"\s*(?:mm\s*)?(?:spacing|apart|pitch|cent(?:er|re)s|square)",
                                              words[grid.end():]) or n == 4 and int(float(grid.group(1))) *
                                     int(float(grid.group(2))) != 4 and float(grid.group(1)) != 4 and
                                     (re.match(r"\s*(?:mm\s*)?(?:(?:bolt|hole|mounting|screw|fixing)\s+)?(?:pattern|grid|"
                                               r"rectangle|layout)", words[grid.end():]) or
                                      # "hole pattern 70 x 70 of 4 x 5.5 holes": the pattern's sizes, said after its word
                                      # ("4 holes spaced 90 x 50": spaced that far, both ways)
                                      re.search(r"\b(?:pattern|rectangle|layout|spacing|cent(?:er|re)s|spaced(?: at)?)\s*"
                                                r"(?:of\s*|is\s*|:\s*)?$", words[:grid.start()]) or
                                      # "4 holes 8mm on 80x40": on the corners of an 80 x 40 rectangle inside the part
                                      re.search(r"\bon\s*$", words[:grid.start()]) and _inside(grid, body, bd.unit_mm))))
    # "4 holes ..., 60 x 40 pattern": their spacing (not "4 x 11 holes": four of them 11 across)
    if grid and not grid_is_spacing and (re.search(r"\bgrid\b|\barranged\b|\barray\b|\bmatrix\b|\bpattern\b", words)
                                         or int(grid.group(1)) * int(grid.group(2)) == (n or 0)):
        a, b = int(grid.group(1)), int(grid.group(2))
        s = spacing or bd.assume("grid spacing", 10)
        L, W = body.get("length", 0), body.get("width", 0)
        if (a - 1) * s > L or (b - 1) * s > W:
            if (b - 1) * s <= L and (a - 1) * s <= W:
                a, b = b, a        # "a 3 x 5 array" on a long plate: 5 along its length
        return {"kind": "grid", "counts": [a, b], "spacing": [s, s]}
    if n in (4, None) and grid_is_spacing:
        # "four holes at 70 x 50 spacing": the corners of a 70 x 50 rectangle
        k = bd.unit_mm
        return {"kind": "grid", "counts": [2, 2], "spacing": [float(grid.group(1)) * k, float(grid.group(2)) * k]}
    half = t.pop("half_spacing")
    if spacing is None and half is not None and n is None and re.search(r"\b(?:each|either|both) sides?\b", words):
        # "a 12mm hole on each side of the slot, 45 from the centre": one each side, a pair along the length
        return {"kind": "linear", "count": 2, "spacing": 2 * half,
                "axis": "u" if body.get("length", 0) >= body.get("width", 0) else "v"}
    if spacing is None and half is not None and n == 2:
        spacing = 2 * half                # "two holes, 25 mm each side of centre"
    if spacing is None and half is not None and n in (None, 1) and re.search(
            r"\b(?:from|off) (?:the )?(?:cent(?:er|re)|middle)\b|\boff[- ]cent(?:er|re)\b", words):
        # "a 10 mm hole 25 from the center": one hole that far off the centre, along the part's length (said)
        bd.notes.append(f"{half:g} from the centre, along the {'length' if body.get('kind') == 'box' else 'x axis'}")
        return {"kind": "at", "points": [[half, 0.0]]}
    if re.search(r"square pattern|square of|on (?:an?|the) [\d.]+\s*(?:mm\s*)?square\b", words) and spacing is not None:
        return {"kind": "grid", "counts": [2, 2], "spacing": [spacing, spacing]}
    ends = re.search(r"\b(?:each|both|either) (?:short |narrow |far )?ends?\b|\bthe (?:short |narrow )?ends\b", words) and \
        not re.search(r"\bcorner", words)
    if inset is not None and ends and n is None and spacing is not None and body.get("length") and body.get("width"):
        # "a row of 8mm holes, 15 from each end and 30 apart": as many as fit from end hole to end hole
        long_u = body["length"] >= body["width"]
        span = (body["length"] if long_u else body["width"]) - 2 * inset
        k = span / spacing
        if span > 0 and abs(k - round(k)) < 1e-6:
            return {"kind": "linear", "count": int(round(k)) + 1, "spacing": spacing, "axis": "u" if long_u else "v"}
        bd.missing.append(f"a row {inset:g} from each end with holes {spacing:g} apart: {span:g} between the end holes "
                          f"is no whole number of {spacing:g} steps")
        return None
    if inset is not None and ends and n in (None, 1, 2) and body.get("length") and body.get("width"):
        # "a hole 1 inch from each end": one near each end, on the centre line along the length
        long_u = body["length"] >= body["width"]
        span = body["length"] if long_u else body["width"]
        if span - 2 * inset <= 0:
            bd.missing.append(f"room for holes {inset:g} mm from each end of a {span:g} mm part")
            return None
        return {"kind": "linear", "count": 2, "spacing": round(span - 2 * inset, 6), "axis": "u" if long_u else "v"}
    if n == 4 and spacing is not None and body.get("length") and body.get("width") and \
            3 * spacing > max(body["length"], body["width"]) and not re.search(r"\b(?:rows?|line|in a row)\b", words):
        # "4 holes on 80 mm centres" on a 100 mm plate: a row would not fit, so the corners of an 80 square
        bd.notes.append(f"4 holes on {spacing:g} centres: the corners of a {spacing:g} mm square")
        return {"kind": "grid", "counts": [2, 2], "spacing": [spacing, spacing]}
    one = ONE_CORNER.search(words)
    if one and n in (None, 1) and body.get("length") and body.get("width") and not re.search(
            r"\b(?:each|every|all|both|four|4)\s+(?:\w+\s+)?corners?\b", words):
        # "a 6 mm hole in the top left corner, 10 from the edges": one hole, at that corner (not one in every corner)
        if inset is None:
            inset = bd.assume("inset from the corner", round(min(body["length"], body["width"])
                                                            * default("corner_inset_fraction"), 4))
        two = _two_insets(bd, t, inset) or {}
        vert, side = (one.group(1) or one.group(4)), (one.group(2) or one.group(3))
        return {"kind": "from_corner", "corner": f"{'upper' if vert in ('top', 'upper', 'back', 'rear', 'far') else 'lower'}"
                f"_{side}", "dx": two.get("inset_u", inset), "dy": two.get("inset_v", inset)}
    if inset is not None and n in (None, 1) and not t.noun.endswith("s") and body.get("kind") == "box" and re.search(
            r"\bfrom (?:the|one|an|either) end\b|\b(?:at|near|by|on) (?:one|an|the) end\b", words) and not re.search(
            r"\bcorner|\b(?:each|both|the) (?:ends|sides|edges)\b", words):
        # "drill an 8 mm hole 20 in from the end", "a hole at one end, 15 from the end": one hole that far in from
        # one end, on the centre line (it was four, one in from each corner)
        bd.notes.append(f"one hole {inset:g} in from the left end, on the centre line")
        return {"kind": "from_edge", "edge": "left", "distance": inset}
    long_edge = re.search(r"\bfrom\s+(?:(?:one|a|1)\s+(?:of\s+)?(?:the\s+|its\s+)?|the\s+|a\s+|its\s+)(long|front|back|rear)\s+"
                          r"(?:edges?|sides?)\b", words)
    if long_edge and n and n >= 2 and spacing is not None and inset is not None and re.search(r"\brow\b|\bin (?:a )?line\b",
                                                                                               words) \
            and body.get("kind") == "box" and body["width"] > 2 * inset and not re.search(r"\bcorner", words):
        # "a row of four holes 25 apart along the length, centred lengthwise, 20 in from one of the long edges": one
        # row along the part that far in from a long edge (the back one when either is said), not four corners
        v = round(body["width"] / 2 - inset, 6) * (-1 if long_edge.group(1) == "front" else 1)
        bd.notes.append(f"the row {inset:g} in from the {'front' if v < 0 else 'back'} long edge")
        return {"kind": "linear", "count": n, "spacing": spacing, "axis": "u", "center": [0.0, v]}
    in_row = re.search(r"\b(?:evenly|equally|equal spacing|in a row|in line)\b", words) and not re.search(r"\bcorner", words)
    four = n == 4 and spacing is None and body.get("length") and body.get("width") and not in_row and not re.search(
        r"\b(?:rows?|line|along|across)\b", words)   # "a plate with 4 holes": its corners (said)
    if re.search(r"\bcorners?\b", words) or four or inset is not None and not in_row and (
            re.search(r"\bcorner", words + bd.text) or n in (None, 4)):
        if inset is None:
            L, W = body.get("length", 20), body.get("width", 20)
            inset = bd.assume("inset from the corners", round(min(L, W) * default("corner_inset_fraction"), 4))
        two = _two_insets(bd, t, inset)
        if two is not None:
            return two
        across = re.search(r"\b(?:apart|spacing|pitch|centres|centers)\s+(across|along)\b", words)
        if spacing is not None and across and n in (None, 4) and body.get("length") and body.get("width"):
            # "10 in from the ends and 24 apart across the width": set in from the ends, that far apart across
            if across.group(1) == "across":
                return {"kind": "corners", "inset_u": inset, "inset_v": round((body["width"] - spacing) / 2, 6)}
            return {"kind": "corners", "inset_u": round((body["length"] - spacing) / 2, 6), "inset_v": inset}
        return {"kind": "corners", "inset": inset}
    if n and n >= 2 and body.get("length") is None and (body.get("diameter") or body.get("outer_diameter")):
        # "a 100 mm disc with 8 holes": a round part's holes go evenly on a circle (said)
        if spacing is not None and re.search(r"\bacross\b|\bdiametrically\b|\bopposite\b", words):
            return {"kind": "bolt_circle", "count": n, "diameter": spacing}     # "a ring of 12 holes 100 apart across"
        if spacing is not None:
            bd.missing.append(f"where {n} holes {spacing:g} apart go on a round part (say the bolt circle: 'on a 80 PCD')")
            return None
        D, inner = body.get("diameter") or body.get("outer_diameter"), body.get("inner_diameter") or 0
        pcd = (D + inner) / 2 if inner else D * default("bolt_circle_fraction")
        return {"kind": "bolt_circle", "count": n, "diameter": round(bd.assume("bolt circle diameter", round(pcd, 1)), 1)}
    if n and n >= 2:
        long_u = body.get("length", 0) >= body.get("width", 0)
        span = body.get("length") if long_u else body.get("width")
        if spacing is None and span and inset is not None and span > 2 * inset and re.search(
                r"\b(?:from|in from|off) (?:each|both|either|the) (?:short |narrow )?ends\b|"
                r"\b(?:from|in from|off) (?:each|both|either) (?:short |narrow )?end\b|"
                r"\b(?:from|in from|off) (?:the|each|both|either) short (?:edges?|sides?)\b", words):
            # "two holes ..., 20 in from each end": one that far from each end; "5 holes evenly spaced ..., 20 from each
            # end": the end ones that far in, the rest evenly between
            spacing = round((span - 2 * inset) / (n - 1), 6)
            inset = None
        if spacing is None and n == 2 and span and re.search(r"\b(?:near|towards?|close to|by|at) (?:the|each|both|either) "
                                                              r"ends?\b", words):
            # "two 5mm mounting holes near the ends": one near each end (how near assumed and said)
            inset = bd.assume("distance of the holes from the ends", round(min(max(span / 10, 5.0), 20.0), 1))
            spacing = round(span - 2 * inset, 6)
        if spacing is None:
            if span is None:
                bd.missing.append(f"where the {n} holes go (a spacing, a bolt circle or the corners)")
                return None
            spacing = round(bd.assume("hole spacing", span / (n + 1)), 3)
        return {"kind": "linear", "count": n, "spacing": spacing, "axis": "u" if long_u else "v"}
    if n is None and spacing is not None and re.search(r"s\b", t.noun):
        # "6mm holes every 20mm" with no count: how many, and from where, is not said
        bd.missing.append(f"how many {t.noun} at {spacing:g} mm pitch (e.g. '4 holes every 20 mm')")
        return None
    m = FROM_EDGE.search(words)
    if m:
        two = _from_two_edges(words, bd, body) if f.get("on") in (None, "top") else None
        return two or _from_edge(m, bd)
    if not re.search(r"\b(cent(?:er|re)(?:ed|d)?|central|centrally|middle|axis|axial|concentric|through it|through the part|bore|on top)\b",
                     words + " " + t.noun):
        bd.notes.append(f"no place given for the {t.noun}: centred")
    return {"kind": "center"}


def _edge(bd: Build, t: Target, body: dict) -> None:
    if t.kind == "fillet":       # "edges softened with a 1mm round": a round of 1 mm is its radius
        for v in t.take(lambda v: v.raw.role == "diameter" and v.raw.via in ("round", "rounds")):
            t.roles.setdefault("radius", []).append(v)
    size = _size(t, "size", "radius") or (t.pop("diameter") / 2 if t.kind == "fillet" and t.get("diameter") else None)
    if size is None and t.loose:
        size = t.loose.pop(0).mm
    if size is None and t.kind == "fillet" and bd.body.get("radius") is not None and body["kind"] not in (
            "cylinder", "sphere", "tube", "cone"):
        size = bd.body.pop("radius")      # "rounded rectangle ... with 5 mm corner radius"
    if size is None and re.search(r"\bfull(?:y)?[\s-]*(?:radius|radiused|round(?:ed)?)\b|\bhemispherical\b|\bdomed?\b|"
                                  r"\bball[\s-]*end(?:ed)?\b", bd.text):
        # "both ends rounded full radius": a domed end, not a small round with its size assumed
        bd.missing.append("a full-radius (domed) end: say the radius, or make it with an LLM provider")
        return
    if size is None:
        size = bd.assume(f"{t.kind} size", round(min(default(t.kind), 0.1 * smallest(body)), 4))
    if body["kind"] == "profile" and body.get("shape") in ("L", "T", "U") and re.search(
            r"\b(?:inside|inner|internal) (?:of )?(?:the )?(?:bends?|corners?)\b|\b(?:in|into) the (?:bends?|inside corners?)\b|"
            r"\bbend (?:fillet|radius)\b|\b(?:where|at) the (?:legs|walls|arms) meet\b", bd.text[t.start:t.start + 80]):
        if t.kind != "fillet":
            bd.missing.append("a chamfer inside a bracket's bend (a radius there is built: 'R5 inside the bend')")
            return
        body["inner_radius"] = size     # "R5 fillet on the inside of the bend": the concave corner where the legs meet
        return
    if re.search(r"\b(?:inside|inner|internal|interior)\s+(?:bottom\s+|floor\s+|top\s+|vertical\s+)?(?:edges?|corners?|"
                 r"bottom|floor)\b|\b(?:fillet|round|radius|chamfer)\w*\s+(?:on\s+|along\s+)?(?:the\s+)?inside\b|"
                 r"\bon the inside\b", t.words) and any(f["kind"] == "shell" for f in bd.features):
        # "1mm fillet inside bottom" of a cup: the cavity's edges (the outside ones would be another part)
        bd.missing.append(f"a {t.kind} on the inside edges of the hollow (the offline engine rounds or bevels outside edges)")
        return
    cut = bd.cutout
    if t.kind == "fillet" and cut is not None and re.search(r"\bcorners?\b", t.words) and cut[1] < t.start and \
            not re.search(r"[;!?]|\.(?!\d)|\b(?:plate|block|part|body|outside)\b", bd.text[cut[1]:t.start]):
        # "a 90 x 40 window in the centre with R5 corners": the cut-out's corners, not the part's
        cut[0]["corner_radius"] = size
        return
    rest = [v for v in t.roles.get("size", []) + t.roles.get("radius", []) + t.loose]
    pairs = re.findall(r"\b(top|bottom|vertical|upper|lower)\s+(?:outside\s+|outer\s+)?edges?\s+(?:to\s+|at\s+|by\s+|of\s+)?"
                       r"([\d.]*\d)\b", t.words)
    if len(rest) == 1 and len(pairs) == 2 and pairs[0][0] != pairs[1][0] and body["kind"] in ("box", "shelled_box"):
        # "round the top edges 4 and the vertical edges 10": each edge set its own size, in the order said
        key = "radius" if t.kind == "fillet" else "size"
        names = {"upper": "top", "lower": "bottom"}
        vals = [size, rest[0].mm]
        if [float(n) * bd.unit_mm for _, n in pairs] == vals:
            t.take(lambda x: x is rest[0])
            for (e, _), v in sorted(zip(pairs, vals), key=lambda p: p[0][0] != "vertical"):
                bd.features.append({"id": bd.fid("round" if t.kind == "fillet" else "bevel"), "kind": t.kind,
                                    "edges": names.get(e, e), key: v})
            return
    words = t.words
    second = None
    if len(rest) == 1:
        # "a 10mm fillet on the 4 vertical edges and 2 mm on the top edges": a second size for other edges
        after = bd.text[rest[0].raw.num.end:rest[0].raw.num.end + 40]
        other = [name for s, e, p, name in find("edge_sets", after)]
        if other:
            second = (rest[0], other[0])
            words = words.replace(after.strip(), " ")
    a, b = _sentence(bd.text, t.start)
    sentence = bd.text[a:b]
    if not find("edge_sets", words):
        # "break all the edges with a 1/16\" chamfer": the edges named in the sentence, before the chamfer's own words
        named = [x for x in find("edge_sets", bd.text[a:t.start]) if x[3] != "holes"]
        if named:
            words = words + " " + named[-1][2]
    if body["kind"] == "shaft":
        said = shoulder_named(bd.text[a:b] + " " + words, body, bd.unit_mm)
        if isinstance(said, str):
            bd.missing.append(said)
            return
        if said is not None:
            named = {round(x["diameter"], 6) for x in body["sections"]}
            for owner in (t, bd.body):      # ("where the Ø10 meets the shoulder": the section named, no size)
                owner.take(lambda v: v is not None and round(v.mm, 6) in named and v.mm != size and re.search(
                    r"\b(?:between|where|at|and|meets)\s+(?:the\s+)?(?:dia\s*)?$", bd.text[max(0, v.raw.num.start - 20):
                                                                                   v.raw.num.start]) is not None)
            key = "radius" if t.kind == "fillet" else "size"
            bd.features.append({"id": bd.fid("round" if t.kind == "fillet" else "bevel"), "kind": t.kind,
                                "edges": "shoulders", key: size, **({"of": said[0]} if said[0] else {})})
            bd.notes.append(f"the {t.kind} goes in the corner of {said[1]} (material added there)")
            return
    some = re.search(r"\b(?:long(?=\s+(?:top|bottom|vertical|outside|outer|upper|lower)\b)|short|longer|shorter|front|back|"
                     r"rear|left|right|one|two|three)\s+(?:top\s+|bottom\s+|vertical\s+|outside\s+|outer\s+|upper\s+|"
                     r"lower\s+)?edges?\b", words)
    if some and body["kind"] in ("box", "shelled_box"):
        # "the long top edges rounded 5": some edges of a set; the whole set would be another part
        bd.missing.append(f"a {t.kind} on only {some.group(0)} (a whole edge set is built: all, top, bottom, vertical)")
        return
    edges = outer_if_holes(_edges(words, body), bd.features, bd.notes)
    but = re.search(r"\b(?:except|but not|apart from|other than|excluding|save)\s+(?:for\s+)?(?:the\s+)?(top|bottom|vertical)\b",
                    words)
    if but and body["kind"] in ("box", "shelled_box", "polygon_prism"):
        # "fillet all edges except the bottom ones": the vertical edges and the top outline
        edges = "+".join(e for e in ("vertical", "top", "bottom") if e != but.group(1))
        bd.notes.append(f"all edges but the {but.group(1)} ones: {edges.replace('+', ' and ')}")
    elif but and body["kind"] in ("cylinder", "tube", "cone"):
        edges = {"top": "bottom", "bottom": "top"}.get(but.group(1), edges)
    if edges == "ends" and body["kind"] in ("polygon_prism", "box"):
        edges = "top+bottom"      # "hex bar ..., 1.5 chamfer on both ends": the outlines of its two end faces
    if edges == "ends" and body["kind"] == "tube" and not re.search(r"\b(?:bore|inside|inner|id)\b", words):
        edges = "outer"           # "spacer ..., chamfer both ends 1/32": the outside edges at both ends (the bore's, named)
        bd.notes.append("both ends: the outside edges (say 'and the bore' for its rims)")
    if re.search(r"\b(?:holes?|bores?)\b", bd.text[a:t.start]) and any(f["kind"] == "hole" for f in bd.features) and \
            re.search(r"\b(?:each|both|all) with\b|\b(?:its|their) (?:top |bottom |upper )?(?:edges?|rims?)\b", sentence):
        edges = "holes"       # "two Ø10 holes, each with a 1 x 45° chamfer on its top edge": the holes' rims
    key = "radius" if t.kind == "fillet" else "size"
    for e in edges.split("+"):
        bd.features.append({"id": bd.fid("round" if t.kind == "fillet" else "bevel"), "kind": t.kind, "edges": e,
                            key: size})
    if second is not None and second[1] != edges:
        v, other = second
        t.take(lambda x: x is v)
        bd.features.append({"id": bd.fid("round" if t.kind == "fillet" else "bevel"), "kind": t.kind,
                            "edges": other, key: v.mm})


SHOULDER = re.compile(r"\bshoulders?\b|\bwhere\s+(?:the\s+)?(?:dia\s*)?[\d.]+\s*(?:mm\s*)?(?:dia\w*\s+)?(?:section\s+|step\s+|part\s+)?"
                      r"meets\b|\bat\s+(?:the|each|every)\s+steps?\b|\b(?:inside|internal)\s+corners?\s+of\s+the\s+steps?\b")


def shoulder_named(words: str, body: dict, unit: float = 1.0) -> tuple[str | None, str] | str | None:
    """A fillet or chamfer said at a stepped shaft's shoulder: ('step_N' or None for every one, what was read), what
    cannot be told apart, or None when no shoulder is named. 'between the Ø25 and Ø18 steps', 'where the Ø10 meets the
    shoulder', 'at the shoulder' (one), 'at every shoulder'."""
    if not SHOULDER.search(words):
        return None
    secs = body["sections"]
    steps = [n for n in range(1, len(secs)) if abs(secs[n - 1]["diameter"] - secs[n]["diameter"]) > 1e-9]
    if not steps:
        return None

    def dia(x: str) -> float:
        return round(float(x) * unit, 6)
    pair = re.search(r"\bbetween\s+(?:the\s+)?(?:dia\s*)?([\d.]+)\s*(?:mm\s*)?(?:dia\w*\s+)?(?:and|&)\s+(?:the\s+)?"
                     r"(?:dia\s*)?([\d.]+)", words)
    if pair:
        want = {dia(pair.group(1)), dia(pair.group(2))}
        hit = [n for n in steps if {round(secs[n - 1]["diameter"], 6), round(secs[n]["diameter"], 6)} == want]
        if len(hit) == 1:
            return f"step_{hit[0]}", f"the shoulder between Ø{pair.group(1)} and Ø{pair.group(2)}"
    meets = re.search(r"\b(?:where|at)\s+(?:the\s+)?(?:dia\s*)?([\d.]+)\s*(?:mm\s*)?(?:dia\w*\s+)?(?:section\s+|step\s+|part\s+)?"
                      r"(?:meets|joins|shoulder)\b", words)
    if meets:
        d = dia(meets.group(1))
        hit = [n for n in steps if d in (round(secs[n - 1]["diameter"], 6), round(secs[n]["diameter"], 6))]
        if len(hit) == 1:
            return f"step_{hit[0]}", f"the shoulder of the Ø{meets.group(1)} section"
        if len(hit) > 1:
            return f"which of the {len(hit)} shoulders of the Ø{meets.group(1)} section (say it between two diameters)"
    if len(steps) == 1:
        return f"step_{steps[0]}", "the shoulder"
    if re.search(r"\b(?:all|every|each|both)\s+(?:the\s+)?(?:shoulders?|steps?)\b|\bshoulders\b", words):
        return None, "every shoulder"
    return f"which of the {len(steps)} shoulders (say it between two diameters, e.g. 'between the Ø25 and Ø18')"


def outer_if_holes(edges: str, before: list[dict], notes: list[str]) -> str:
    """'all edges' after holes are cut: the part's outside edges, not the rims of the holes too."""
    if edges in ("all", "ends") and any(f["kind"] in ("hole", "slot", "pocket") for f in before):
        notes.append(f"'{edges} edges' read as the outside edges (not the rims of the holes)")
        return "outer"
    return edges


def _edges(words: str, body: dict) -> str:
    found = [name for s, e, p, name in find("edge_sets", words)]
    if "holes" in found:
        return "holes"
    if "long" in found and body["kind"] == "box":
        return "long"     # "round over the four long edges of the bar": the four along its longest side
    if re.search(r"\b(?:outside|outer) vertical\b|\bvertical (?:outside|outer)\b|\bvertical (?:corners?|edges?)\b[^.;]*"
                 r"\bon the outside\b", words):
        return "top" if body["kind"] in ("cylinder", "tube") else "vertical"
    if re.search(r"\btop\s+(?:(?:and|&)\s+)?bottom\b", words):
        # "2mm chamfer top and bottom": both ends of a round part; a block's top and bottom outlines
        return "ends" if body["kind"] in ("cylinder", "tube", "cone") else "top+bottom"
    if "outer" in found and len({"top", "bottom"} & set(found)) == 1 and not re.search(r"\b(?:and|&|plus)\b", words):
        return "top" if "top" in found else "bottom"     # "the outside bottom edge": the bottom's, outside
    if "outer" in found:
        return "outer"
    if "all" in found and not any(re.search(rf"\b{w}\b", words) for w in ("top", "vertical", "bottom")):
        return "all"
    for name in ("vertical", "top", "bottom", "ends", "all"):
        if name in found:
            if name == "vertical" and body["kind"] in ("cylinder", "tube"):
                return "top"
            return name
    if body["kind"] in ("cylinder", "tube", "cone"):
        return "top"
    return "vertical" if body["kind"] in ("box",) else "all"


def _shell(bd: Build, t: Target, body: dict) -> None:
    if body["kind"] == "profile" and not t.roles and not t.loose:
        return       # "a U bracket ..., walls turned up at both ends": the section's walls, no shell
    if body["kind"] in ("cylinder", "shaft") and not t.roles and not t.loose and re.search(r"\bhollow\b", t.words) and any(
            o.kind in ("hole", "bore") and (o.roles or o.loose) and not PLACED.search(o.words) and not o.get("count")
            for o in bd.feats):
        bd.notes.append("hollow: the bore through it (no shell)")
        return       # "make it hollow with a 10 bore" on a rod: the centre bore is the hollow, not a cup-like shell
    wall = _size(t, "wall", "thickness", "size") or bd.body.pop("wall")
    if wall is None and t.loose:
        wall = t.loose.pop(0).mm
    if wall is None and body["kind"] == "box" and THICK_ALL_ROUND.search(bd.text):
        wall = bd.body.pop("thickness")      # "open top box, 120 long 80 wide 50 high, 2 mm thick all round": the walls
    if wall is None:
        if body["kind"] in ("tube",):
            return
        wall = bd.assume("wall thickness", assumed_wall(body))
    if body["kind"] == "sphere" or _closed(bd.text):
        open_face = None
    elif re.search(r"\bopen (?:at the |on the )?(?:bottom|underneath|underside|below)\b|\bopen[- ]bottom(?:ed)?\b|"
                   r"\bbottom open\b", bd.text):
        open_face = "bottom"       # "a lid ..., open underneath"
    else:
        open_face = "top"
    f = {"id": bd.fid("shell"), "kind": "shell", "thickness": wall, "open_face": open_face}
    floor = t.pop("floor") or bd.body.pop("floor")
    if floor is None and open_face:
        # "wall thickness 2.5 and also 2.5 at the bottom": the floor
        at_bottom = [v for tg in (t, bd.body) for v in tg.roles.get("bottom_d", []) if v.raw is not None and re.match(
            r"\s*(?:mm\s*)?(?:thick\s+)?at the bottom\b", bd.text[v.raw.num.end:])]
        if at_bottom:
            floor = at_bottom[0].mm
            for tg in (t, bd.body):
                tg.take(lambda v: v is at_bottom[0])
    if floor is not None and open_face and floor != wall:
        f["bottom"] = floor          # "2.5 wall, bottom 4 thick"
    bd.features.append(f)


def _rect_boss(t: Target) -> tuple[float, float, float | None] | None:
    """'a 30 x 20 x 10 boss', 'a rectangular boss 20 by 20, 15 tall', 'a 20 mm square pad 5 high': a
    rectangular pad's length, width (and height when the group has three)."""
    vals = sorted([v for r in ("size", "length", "width", "height", "diameter") for v in t.roles.get(r, [])] + t.loose,
                  key=lambda v: v.raw.num.start)
    grouped = [v for v in vals if v.raw.group is not None]
    groups: dict = {}
    for v in grouped:
        groups.setdefault(v.raw.group, []).append(v)
    rect = re.search(r"\b(?:rectangular|rectangle|square|pads?|block)\b", t.words) and not re.search(
        r"\bround|\bcircular|\bdia\b|\bdiameter", t.words)
    same = next((g for g in groups.values() if (len(g) == 3 or len(g) == 2 and rect) and not any(
        v.raw.role in ("diameter", "radius") for v in g)), None)
    if same is not None:
        t.take(lambda v: any(v is x for x in same))
        return same[0].mm, same[1].mm, same[2].mm if len(same) == 3 else None
    if re.search(r"\bsquare\b", t.words) and not re.search(r"\bround|\bcircular|\bdia", t.words):
        side = t.pop("size") or t.pop("width") or t.pop("length") or (t.loose.pop(0).mm if t.loose else None)
        if side is not None:
            return side, side, None
    return None


def _boss(bd: Build, t: Target, body: dict) -> None:
    rect = _rect_boss(t) if t.noun != "hub" else None
    if rect is not None:
        L, W, h = rect
        if h is None:
            h = _size(t, "height", "thickness", "depth") or (t.loose.pop(0).mm if t.loose else None)
        if h is None:
            bd.missing.append(f"the {t.noun}'s height")
            return
        f = {"id": bd.fid("boss"), "kind": "boss", "length": L, "width": W, "height": h}
        if re.search(r"\b(?:under|underneath|beneath|bottom|underside|below)\b", t.words):
            f["on"] = "bottom"
        bd.features.append(f)
        return
    d = _size(t, "diameter", "size")
    sides = None
    poly = re.search(r"\b(hex(?:agon(?:al)?)?|octagon(?:al)?|square)\b", t.noun + " " + t.words)
    if poly and poly.group(1) != "square" and (d is None or t.get("af") is not None):
        # "a hexagon boss, 24 across the flats and 12 tall": six sides, that far across the flats
        af = t.pop("af")
        d = af if af is not None else d
        sides = 8 if poly.group(1).startswith("oct") else 6
    base = body.get("height") or body.get("thickness")
    said_total = t.take(lambda v: v.raw is not None and v.raw.role in ("height", "length") and
                        says_overall(bd.text, v.raw.num.start, v.raw.num.end)) if base else []
    h = _size(t, "height", "length", "thickness")
    if h is None and said_total and said_total[0].mm > base:
        # "a Ø45 hub, total height 30" on a 10 thick flange: the hub stands the rest (20), not 30 more
        h = round(said_total[0].mm - base, 6)
        bd.notes.append(f"{said_total[0].mm:g} total: the {t.noun} stands {h:g} above the {base:g} mm body")
        said_total = []
    stud = re.search(r"\bm(\d+(?:\.\d+)?)\s+(?:threaded\s+|male\s+)?studs?\b|\bstuds?\s+m(\d+(?:\.\d+)?)\b", t.words)
    if d is None and stud:
        d = float(stud.group(1) or stud.group(2))     # "a 6 mm M3 stud on one end": a Ø3 peg (its thread not modelled)
        bd.notes.append(f"the M{d:g} stud as a plain Ø{d:g} peg (the thread is not modelled)")
    loose = [v.mm for v in t.loose]
    if d is None and loose:
        d = loose.pop(0)
    if h is None and loose:
        h = loose.pop(0)
    if h is None and base:
        # "disc 60 dia 8 thick with a hub 30 dia, 25 long overall": the hub stands the rest of the overall length
        ov = bd.body.take(lambda v: re.match(r"\s*(?:mm\s*)?(?:(?:long|tall|high)\s+)?overall\b",
                                             bd.text[v.raw.num.end:]) is not None or
                          re.search(r"\boverall\s*(?:length|height)?\s*(?:of\s+)?$", bd.text[:v.raw.num.start]) is not None)
        if ov and ov[0].mm > base:
            h = round(ov[0].mm - base, 6)
            bd.notes.append(f"{ov[0].mm:g} overall: the {t.noun} stands {h:g} above the {base:g} mm body")
    if d is None or h is None:
        bd.missing.append(f"the {t.noun}'s diameter and height")
        return
    total = said_total or t.take(lambda v: v.raw.role in ("height", "length") and says_overall(bd.text, v.raw.num.start,
                                                                                                   v.raw.num.end))
    if total and base:
        # "a Ø50 hub sticking up 25 (total height 37)" on a 12 disc: the total said again, as a check
        if abs(base + h - total[0].mm) > 1e-6:
            bd.missing.append(f"the {t.noun}'s height: {h:g} above the {base:g} mm body is {base + h:g} overall, "
                              f"not the {total[0].mm:g} said")
            return
        bd.notes.append(f"{total[0].mm:g} total: the {base:g} mm body and the {h:g} mm {t.noun}")
    f = {"id": bd.fid("hub" if t.noun == "hub" else "boss"), "kind": "boss", "diameter": d, "height": h}
    if sides:
        f["sides"] = sides
        bd.notes.append(f"a {sides}-sided boss {d:g} across the flats")
    if re.search(r"\b(?:under|underneath|beneath|bottom|underside|below)\b|\bon the (?:back|rear|reverse|other side)\b", t.words):
        f["on"] = "bottom"
    elif body.get("kind") == "box":
        side = _face(t.words, body, bd.unit_mm)
        if side in ("left", "right", "front", "back"):
            f["on"] = side        # "a boss sticking out 10 from one of the 40x40 ends": out of that face
    edge = FROM_EDGE.search(t.words)
    if edge and t.get("count") is None:
        # "a 20 dia boss 10 tall 20 from the left end": its centre that far in from that edge
        f["at"] = _from_edge(edge, bd)
        t.take(lambda v: v.raw.num.text.strip().split()[0] == edge.group(1))
    n = t.pop("count") if re.search(r"\b(?:bosses|pads|studs|posts|hubs|lugs)\b", t.words) else None
    if (n is None or int(n) == 1) and "pcd" in t.roles:
        # "a neck 7 cm OD ... on the back. Bolt circle 11 cm with 4 holes": the circle is the holes' that follow
        bd.body.roles.setdefault("pcd", []).extend(t.roles.pop("pcd"))
    if n is not None and int(n) > 1:
        # "four Ø12 bosses 10 tall standing on it, centers 10 in from the edges": placed as holes are
        at = _placement(bd, t, body, n, f) if body["kind"] in ("box", "cylinder") else None
        if at is None:
            if body["kind"] not in ("box", "cylinder"):
                bd.missing.append(f"where the {int(n)} bosses go on a {body['kind']}")
            return
        f["at"] = at
    bd.features.append(f)
    if re.search(r"\b(?:bore|hole)\b.*\bthrough\b|same bore", t.words):
        # the bore goes through the hub too: cut it after the hub
        for g in list(bd.features):
            if g["kind"] == "hole" and g.get("at", {}).get("kind") == "center":
                bd.features.remove(g)
                bd.features.append(g)


RIB_ACROSS = re.compile(r"\b(?:across|widthwise|crosswise|side to side|front to back|the short way)\b")


def _rib(bd: Build, t: Target, body: dict) -> None:
    """One straight rib standing on the top of a block or plate ('a rib 5 thick 20 high along the middle'):
    ``thickness`` wide, ``height`` above the top, along the length through the middle (or across the width, said),
    the full run unless its length is given (then centred). Several ribs, or a rib placed anywhere else, are
    declined: a plate missing a rib asked for would be another part."""
    if body["kind"] != "box":
        bd.missing.append(f"a rib on a {body['kind']} (the offline engine puts one rib on the top of a block or plate)")
        return
    count = t.pop("count")
    spacing, half = t.pop("spacing"), t.pop("half_spacing")
    if spacing is None and half is not None and count in (2, 3):
        # "two ribs 20 either side of the centre line": 40 apart; "three: one on the centre line, the other two 25
        # either side of it": 25 apart
        spacing = 2 * half if count == 2 else half
    if count is not None and int(count) != 1 and (spacing is None or int(count) > 4):
        bd.missing.append(f"where the {int(count)} ribs go (say how far apart: 'two ribs 40 apart')")
        return
    total = t.take(lambda v: v.raw.role in ("height", "depth") and says_overall(bd.text, v.raw.num.start, v.raw.num.end))
    thick = _size(t, "thickness", "wall", "width")
    high = _size(t, "height", "depth")
    run = _size(t, "length")
    loose = [v.mm for v in t.loose]
    if thick is None and loose:
        thick = loose.pop(0)       # "a 4mm rib 10 high": its thickness
    if total and high is None:
        high = round(total[0].mm - body["height"], 6)   # "total height 45" on a 5 mm plate: the rib stands 40
        if high <= 0:
            bd.missing.append(f"the {t.noun}'s height: {total[0].mm:g} overall is not above the {body['height']:g} mm part")
            return
        bd.notes.append(f"{total[0].mm:g} overall: the {t.noun} stands {high:g} above the {body['height']:g} mm part")
    if thick is None or high is None:
        bd.missing.append(f"the {t.noun}'s thickness and height (e.g. 'a rib 5 thick, 20 high')")
        return
    if loose or re.search(r"\b(?:from|off) the\b|\bcorner|\bdiagonal|\bedge\b", t.words) or _face(t.words, body, bd.unit_mm):
        bd.missing.append(f"where the {t.noun} goes (one rib along or across the middle of the top is built)")
        return
    across = bool(RIB_ACROSS.search(t.words))
    span = body["width"] if across else body["length"]
    if run is None:
        run = span
    elif run > span + 1e-9:
        bd.missing.append(f"a {run:g} mm rib on the {span:g} mm {'width' if across else 'length'}")
        return
    n = int(count or 1)
    room = (body["length"] if across else body["width"]) - thick
    if n > 1 and spacing * (n - 1) > room + 1e-9:
        bd.missing.append(f"room for {n} ribs {spacing:g} apart across the {room + thick:g} mm part")
        return
    for k in range(n):
        off = (k - (n - 1) / 2) * (spacing or 0.0)      # "two ribs ... 40 apart c/c": symmetric about the middle
        a, b = (off, -run / 2), (off, run / 2)
        if not across:
            a, b = (-run / 2, off), (run / 2, off)
        bd.features.append({"id": bd.fid("rib"), "kind": "rib", "start": [round(a[0], 6), round(a[1], 6)],
                            "end": [round(b[0], 6), round(b[1], 6)], "thickness": thick, "height": high})
    bd.notes.append(f"the rib{'s' if n > 1 else ''} run{'' if n > 1 else 's'} {'across the width' if across else 'along the length'}"
                    + (f", {spacing:g} apart about the middle of the top" if n > 1 else " through the middle of the top"))


GUSSET_ENDS = re.compile(r"\b(?:at|on|near)\s+(?:each|both|the two|either)\s+ends?\b|\bflush with (?:each|both|the|either)\s+"
                         r"(?:side\s+|outer\s+)?edges?\b|\bat the ends\b|\bone (?:at|on) each (?:end|side|edge)\b|"
                         r"\b(?:each|both)\s+(?:side\s+)?edges?\b")


def gusset_places(n: int, run: float, T: float, words: str) -> list[float] | None:
    """Where ``n`` gussets ``T`` thick go along a run ``run`` long (centres from its middle): one in the middle, two
    flush with the ends, more evenly from end to end; None when the words put them elsewhere."""
    ends = GUSSET_ENDS.search(words)
    if n == 1 and not ends:
        return [0.0]
    if n == 1 or n < 1:
        return None
    half = run / 2 - T / 2
    return [round(-half + k * 2 * half / (n - 1), 6) for k in range(n)]


def _gusset(bd: Build, t: Target, body: dict) -> None:
    """Triangular gussets in the inside corner of an L bracket ('one triangular gusset 6 thick in the middle of the
    inside corner, 30 along each leg'): their size along each leg (one size: both), their thickness (else the
    bracket's, said), one in the middle or two flush with the ends (or n evenly)."""
    if body.get("kind") != "profile" or body.get("shape") != "L":
        bd.missing.append(f"a gusset on a {body.get('kind', 'part')} (the spec path puts gussets in the inside corner "
                          "of an L bracket)")
        return
    T = t.pop("thickness")
    sizes = [v for v in (t.pop("size"), t.pop("length"), t.pop("height"), t.pop("width")) if v is not None] + \
        [v.mm for v in t.loose]
    t.loose = []
    if not sizes:
        bd.missing.append("the gusset's size along each leg (e.g. '30 along each leg')")
        return
    a, b = (sizes[0], sizes[1]) if len(sizes) > 1 else (sizes[0], sizes[0])
    if T is None:
        T = bd.assume("gusset thickness (the bracket's)", body["thickness"])
    n = int(t.pop("count") or (2 if GUSSET_ENDS.search(t.words) else 1))
    z = gusset_places(n, body["length"], T, t.words)
    if z is None:
        bd.missing.append("where the gussets go along the bracket (e.g. 'one in the middle', 'one at each end')")
        return
    bd.features.append({"id": bd.fid("gusset"), "kind": "gusset", "length": a, "height": b, "thickness": T, "z": z})


def _v_groove(bd: Build, t: Target, body: dict) -> None:
    """A V groove cut into a block's face ('a 90 degree V-groove along the 80 mm length on top, 10 mm deep', 'a 60°
    vee along the top full length, 20 wide at the surface'): any two of its angle, its width at the face and its
    depth give the third; along the length unless said across; centred."""
    if body.get("kind") not in ("box", "cylinder", "tube"):
        bd.missing.append(f"a V groove on a {body.get('kind', 'part')} (the spec path cuts V grooves into a block's flat "
                          "face or round a cylinder or tube)")
        return
    words = t.words + " " + bd.text[t.start:t.start + 120].split(".")[0]
    ang = re.search(r"([\d.]*\d)\s*(?:deg(?:ree)?s?\b|°)", t.words) or re.search(
        r"([\d.]*\d)\s*(?:deg(?:ree)?s?\b|°)", bd.text[max(0, t.start - 30):t.start + 80])
    a = float(ang.group(1)) if ang else None
    if ang:
        t.take(lambda v: abs(v.raw.num.value - a) < 1e-9)
    D, W = t.pop("depth"), t.pop("width")
    L = t.pop("length")
    if body["kind"] != "box":
        _v_ring(bd, t, body, a, D, W)
        return
    if L is not None and not any(abs(L - body[k]) < 1e-6 for k in ("length", "width")):
        bd.missing.append(f"a V groove {L:g} long (the spec path runs it the whole length or width of the face)")
        return
    W, D = _v_sizes(bd, a, W, D, "face", "10")
    if W is None:
        return
    across = re.search(r"(?<!wide )\bacross\b(?!\s+(?:the\s+)?(?:width|flats?|corners|at)\b)|\bthe short way\b|\bwidthwise\b",
                       words) and not re.search(r"\balong\b|\blength\b", t.words)
    run = body["width"] if across else body["length"]
    face = _face(t.words) or "top"
    thick = {"top": "height", "bottom": "height", "front": "width", "back": "width", "left": "length", "right": "length"}
    if D >= body[thick.get(face, "height")] or W >= (body["length"] if across else body["width"]):
        bd.missing.append(f"a V groove {W:g} wide and {D:g} deep that fits the block")
        return
    f = {"id": bd.fid("v_groove"), "kind": "pocket", "shape": "v", "length": run, "width": W, "depth": D}
    if across:
        f["angle"] = 90.0
    if face != "top":
        f["on"] = face
    bd.features.append(f)
    bd.notes.append(f"the V groove {W:g} wide at the face and {D:g} deep" + (f" ({a:g}°)" if a else "") +
                    f", the whole {'width' if across else 'length'}, centred")


def _v_sizes(bd: Build, a: float | None, W: float | None, D: float | None, where: str,
             eg: str) -> tuple[float | None, float | None]:
    """A V groove's width at the ``where`` (face or rim) and depth: any two of angle, width and depth give the third;
    (None, None) with what is missing said."""
    if a is not None and not 0 < a < 180:
        bd.missing.append(f"a V groove's angle between 0 and 180 degrees (found {a:g})")
        return None, None
    tan = math.tan(math.radians(a) / 2) if a is not None else None
    if W is None and D is not None and tan:
        W = round(2 * D * tan, 6)
    if D is None and W is not None and tan:
        D = round(W / 2 / tan, 6)
    if W is None or D is None:
        bd.missing.append(f"the V groove's depth and its angle or width at the {where} (e.g. '90 degree, {eg} deep')")
        return None, None
    return W, D


def _v_ring(bd: Build, t: Target, body: dict, a: float | None, D: float | None, W: float | None) -> None:
    """A V groove turned round a disc's or a tube's rim (a pulley's belt groove: 'a 90° V groove round the rim, 6 deep,
    centred in the thickness'): any two of angle, width at the rim and depth give the third; centred on the height."""
    W, D = _v_sizes(bd, a, W, D, "rim", "6")
    if W is None:
        return
    H = body["height"]
    if W >= H:
        bd.missing.append(f"a V groove {W:g} wide at the rim that fits the {H:g} mm thickness")
        return
    bd.features.append({"id": bd.fid("v_groove"), "kind": "v_groove", "z": round((H - W) / 2, 6), "length": W, "depth": D})
    bd.notes.append(f"the V groove {W:g} wide at the rim and {D:g} deep" + (f" ({a:g}°)" if a else "") +
                    ", centred on the thickness")


def _d_hole(bd: Build, t: Target, body: dict) -> None:
    """A D-shaped hole ('a D hole Ø10, 8.5 across the flat') or a double D ('12 dia, two flats 10 apart'): read and
    placed as a hole of that diameter, then cut as a D (one flat, across_flats from the flat to the far side) or a
    double D (two flats that far apart)."""
    double = re.search(r"\bdouble[- ]?d\b|\bdd\b|\b(?:two|2|both)\s+flats\b", t.words + " " + t.noun) is not None
    af = t.pop("af")
    if af is not None and double and af <= 2 and re.search(r"\b(?:two|2)\s+flats\b", t.words):
        af = None                 # "two flats 10 apart": the 2 counts the flats
    if af is None and double:
        af = t.pop("spacing")     # "... flats 10 apart"
    if af is None and body.get("kind") != "polygon_prism" and bd.body.get("af") is not None:
        af = bd.body.pop("af")    # "a 12 mm double d hole, 10 across the flats": said in a clause of its own
    if af is None:
        bd.missing.append(f"the {'double-D' if double else 'D'} hole's size across the flat{'s' if double else ''} "
                          f"(e.g. '{'10 across the flats' if double else '8.5 across the flat'}')")
        return
    if t.get("pcd") is not None and all(t.get(r) is None for r in ("diameter", "size", "inner")):
        t.roles["diameter"] = t.roles.pop("pcd")      # "a 30 mm circle with one flat": the D's circle, no bolt circle
    built = len(bd.features)
    _hole(bd, t, body)
    for f in bd.features[built:]:
        if f["kind"] != "hole" or f.get("cbore") or f.get("csink") or not isinstance(f.get("size"), (int, float)):
            bd.missing.append("a D hole with a counterbore, a countersink or a screw size (give its diameter)")
            del bd.features[built:]
            return
        size = f.pop("size")
        f.update(kind="pocket", shape="double_d" if double else "d", diameter=size, across_flats=af)
        f["id"] = bd.fid("d_hole")


HEX_POCKET = re.compile(r"\bhex(?:agon(?:al)?)?\s+(?:socket|pocket|recess|hole)s?\b|\bnut\s+(?:trap|pocket|recess|catch)e?s?\b|"
                        r"\bcaptive nut\b")


def _hex_pocket(bd: Build, t: Target, body: dict) -> None:
    """A hex socket or a nut trap: ``across_flats`` from '13 AF' (or the pocket's one size), or the ISO 4032
    nut of the screw named ('a nut trap for an M3 nut': 5.5 across flats, 2.4 deep), said."""
    af = t.pop("af") or t.pop("size") or t.pop("width") or t.pop("diameter")
    depth = t.pop("depth")
    if af is None and t.loose:
        af = t.loose.pop(0).mm
    m = M_SIZE.search(t.words) or (M_SIZE.search(bd.text) if re.search(r"\bnut\b", t.words) else None)
    if m and (af is None or depth is None):
        try:
            nut = tables.hex_nut(f"M{m.group(1)}")
        except KeyError:
            nut = None
        if nut is not None and af is None:
            af = bd.assume(f"across flats for an M{m.group(1)} nut (ISO 4032)", nut["s"])
        if nut is not None and depth is None and re.search(r"\bnut\b", t.words):
            depth = bd.assume(f"depth for an M{m.group(1)} nut (its height)", nut["m"])
    if af is None or depth is None:
        bd.missing.append("the hex pocket's size across flats and its depth (e.g. '13 AF, 10 deep')")
        return
    f = {"id": bd.fid("socket" if "socket" in t.words else "nut_trap" if "nut" in t.words else "pocket"),
         "kind": "pocket", "shape": "hex", "across_flats": af, "depth": depth}
    on = _face(t.words)
    if on:
        f["on"] = on
    bd.features.append(f)


def _rebate(bd: Build, t: Target, body: dict) -> None:
    """'a step milled along one long edge, 15 wide and 10 deep', 'a 10 x 6 rebate along the back edge': material
    taken off the top along an edge, the whole way (a pocket open at the edge and at both ends)."""
    if body.get("kind") != "box":
        bd.missing.append(f"a {t.noun} on a {body.get('kind')} (only along a block's edge)")
        return
    W = _size(t, "width", "size")
    D = t.pop("depth")
    loose = [v.mm for v in t.loose]
    if W is None and loose:
        W = loose.pop(0)
    if D is None and loose:
        D = loose.pop(0)
    if W is None or D is None:
        bd.missing.append(f"the {t.noun}'s width and depth (e.g. '15 wide, 10 deep')")
        return
    t.loose = []
    short = re.search(r"\b(?:short|end)\s+edges?\b|\b(?:left|right)\s+(?:edge|end)\b|\bone end\b", t.words)
    side = re.search(r"\b(front|back|rear|left|right)\b", t.words)
    if short:
        edge = "right" if side and side.group(1) == "right" else "left"
        f = {"id": bd.fid("rebate"), "kind": "pocket", "shape": "rect", "length": W, "width": body["width"],
             "depth": D, "at": {"kind": "from_edge", "edge": edge, "distance": W / 2}}
        where = f"the {edge} end"
    else:
        edge = "upper" if side and side.group(1) in ("back", "rear") else "lower"
        f = {"id": bd.fid("rebate"), "kind": "pocket", "shape": "rect", "length": body["length"], "width": W,
             "depth": D, "at": {"kind": "from_edge", "edge": edge, "distance": W / 2}}
        where = "the back edge" if edge == "upper" else "the front (long) edge"
    if W >= (body["width"] if not short else body["length"]) or D >= body["height"]:
        bd.missing.append(f"a {t.noun} {W:g} wide and {D:g} deep that fits the part")
        return
    bd.features.append(f)
    bd.notes.append(f"the {t.noun} {W:g} wide, {D:g} deep, along {where}, the whole way")


def _pocket(bd: Build, t: Target, body: dict) -> None:
    if re.search(r"\b(?:window|opening|cut-?out|slot)s?\b", t.noun + " " + t.words) and _tube_slot(bd, t, body, "window"):
        return
    if HEX_POCKET.search(t.words):
        _hex_pocket(bd, t, body)
        return
    # "R5 in the 4 inside corners": how many corners the pocket has, not how many pockets
    t.take(lambda v: v in t.roles.get("count", []) and v.raw.via in ("corners", "inside corners", "corner"))
    counted = re.match(r"\W*(\d{1,2})\s+[\d.]+\s*(?:mm\s*)?x\s*[\d.]+\s*(?:mm\s*)?(?:\w+\s+)?(?:pockets|recesses)\b", t.words)
    if counted and t.get("count") is None:
        # "2 40 x 40 pockets": two of them 40 x 40 (the 2 is no size)
        for v in t.take(lambda v: v.raw.num.start is not None and v.raw.num.text.strip() == counted.group(1))[:1]:
            t.add("count", v)
    L, W = t.pop("length"), t.pop("width")
    depth = t.pop("depth")
    side = None
    if body.get("kind") == "box":
        a, b = _sentence(bd.text, t.start)
        # ("On one of the big 80 x 50 side faces, centred on it, cut a pocket ...": the face said in its sentence)
        side = _face(t.words, body, bd.unit_mm) or (_face(bd.text[a:b], body, bd.unit_mm) if len(
            [x for x in bd.feats if a <= x.start < b]) == 1 else None)
    side = side if side in ("front", "back", "left", "right") else None
    if side:
        _drop_face_sizes(bd, t)      # ("on one of the big 80 x 50 side faces": which face, not the pocket's size)
        high = t.pop("height")
        if high is not None and (L is None) != (W is None):
            # "a pocket 60 wide, 36 high and 10 deep" in a side face: across it, and up it
            L, W = (W, high) if L is None else (L, high)
    pair = sorted([v for v in t.loose + t.roles.get("size", []) if v.raw.group is not None], key=lambda v: v.raw.pos)
    d = None
    if L is None and len(pair) >= 2 and not re.search(r"\b(round|circular|drilled)\b", t.words):
        L, W = pair[0].mm, pair[1].mm
        if len(pair) == 3 and depth is None:
            depth = pair[2].mm          # "a pocket 30x20x5": length x width x depth
            (t.loose if pair[2] in t.loose else t.roles["size"]).remove(pair[2])
        for v in pair[:2]:
            if v in t.loose:
                t.loose.remove(v)
            else:
                t.roles["size"].remove(v)
    else:
        d = _size(t, "diameter", "size", "inner")
    if L is not None and W is None and d is None:
        by = next((v for v in t.loose if re.search(r"(?:\bx|\bby)\s*$", bd.text[max(0, v.raw.num.start - 6):v.raw.num.start])),
                  None)
        if by is not None:
            t.loose.remove(by)
            W = by.mm             # "a pocket 40 long (along the bar) x 30": the x gives its width
    if d is None and L is None and t.loose:
        d = t.loose.pop(0).mm
    if d is not None and L is None:
        f = {"id": bd.fid("pocket"), "kind": "hole", "size": d}
    elif L is not None and W is not None:
        f = {"id": bd.fid("pocket"), "kind": "pocket", "shape": "rect", "length": L, "width": W}
        r = t.pop("radius")
        if r is not None:
            f["corner_radius"] = r       # "a 60x60 pocket ... with R5 inside corners"
    else:
        bd.missing.append("the pocket's size (a diameter, or length x width)")
        return
    if side:
        f["on"] = side
        bd.notes.append(f"the {t.noun} is cut into the {side} face")
    if depth is not None:
        f["depth"] = depth
    elif not re.search(r"\b(?:through|thru|all the way|right through|cut ?out|window|opening)\b", t.words):
        # "a 60 x 40 rectangular pocket in the top": a pocket is not cut through; built without its depth it would be
        bd.missing.append("the pocket's depth (e.g. '8 deep')")
        return
    two = _from_two_edges(t.words, bd, body) if f["kind"] == "pocket" and f["shape"] == "rect" else None
    if two is not None:
        # "40 x 20 pocket ..., 10 in from the left edge and 15 from the front edge": a side's distances where the
        # centre there would run off the part, else the centre's
        # (a centre there that would put the pocket's side on the part's edge reads as its side, too: an open pocket
        # is not what "20 from the front" asks)
        if two["distance"] < f["length"] / 2 + 1e-9:
            two["distance"] = round(two["distance"] + f["length"] / 2, 6)
        half_w = body["width"] / 2
        off = half_w - abs(two["along"])            # how far its centre is said to be from that edge
        if off < f["width"] / 2 + 1e-9:
            two["along"] = round(math.copysign(half_w - off - f["width"] / 2, two["along"]), 6)
        f["at"] = two
        said = {float(m.group(1)) for m in FROM_EDGE.finditer(t.words)}
        t.take(lambda v: v.raw.num.value in said)
        bd.features.append(f)
        bd.cutout = (f, t.start)        # ("..., R5 corners" said next: the pocket's)
        bd.notes.append("the pocket's sides placed from the edges where its centre there would run off the part")
        return
    one_end = re.search(r"([\d.]*\d)\s*(?:mm\s*)?(?:in\s+)?from (?:one|an|a|the) end\b", t.words)
    if one_end and "at" not in f and body["kind"] == "box" and not FROM_EDGE.search(t.words):
        # "a Ø30 pocket ... centred across the width, 30 from one end": its centre that far from the left end
        v = float(one_end.group(1)) * bd.unit_mm
        t.take(lambda x: abs(x.raw.num.value - float(one_end.group(1))) < 1e-9)
        f["at"] = {"kind": "from_edge", "edge": "left", "distance": v}
        bd.notes.append(f"{v:g} from one end: from the left end")
    edge = FROM_EDGE.search(t.words)
    if edge and f["kind"] == "hole" and "at" not in f:
        # "a round pocket Ø25, 8 deep, centred 35 from the right end": its centre that far in
        f["at"] = _from_edge(edge, bd)
        t.take(lambda v: abs(v.raw.num.value - float(edge.group(1))) < 1e-9)
    if edge and f["kind"] == "pocket":
        # "a 30 x 20 pocket 4 deep 20 mm from the left edge": its centre that far in
        f["at"] = _from_edge(edge, bd)
        half = (f["length"] if f["at"]["edge"] in ("left", "right") else f["width"]) / 2
        if f["at"]["distance"] < half - 1e-9:
            # "a 40 x 20 pocket 10 from the left edge": its centre there would run off the part; its side is 10 in
            f["at"]["distance"] = round(f["at"]["distance"] + half, 6)
            bd.notes.append(f"{edge.group(1)} from the {edge.group(3)} edge read as where the pocket's side is "
                            f"(its centre {f['at']['distance']:g} in)")
        else:
            bd.notes.append(f"{edge.group(1)} from the {edge.group(3)} edge read as where the pocket's centre is")
    n = t.get("count")
    if f["kind"] == "pocket" and n is not None and n > 1 and "at" not in f:
        # "two 40 x 40 pockets, 60 apart", "... their centres 30 either side of the middle": a row of them along the
        # part (one pocket built for two would be another part)
        t.pop("count")
        spacing, half = t.pop("spacing"), t.pop("half_spacing")
        spacing = spacing if spacing is not None else 2 * half if half is not None else None
        if spacing is None or body.get("kind") != "box":
            bd.missing.append(f"where the {n:g} {t.noun.rstrip('s')}s go (say e.g. '60 apart along the length')")
            return
        across = re.search(r"across\s+the\s+(?:width|short)|front to back", t.words) and not re.search(
            r"cent(?:red|ered)\s+across", t.words)
        f["at"] = {"kind": "linear", "count": int(n), "spacing": spacing, "axis": "v" if across else "u"}
        bd.notes.append(f"{n:g} {t.noun.rstrip('s')}s {spacing:g} apart along the {'width' if across else 'length'}, centred")
    bd.features.append(f)
    if f["kind"] == "pocket":
        bd.cutout = (f, t.start)        # ("a 40 x 30 pocket 5 deep, R5 corners": the pocket's corners)


FROM_EDGE = re.compile(r"([\d.]*\d)\s*(mm|cm|inch(?:es)?|in\b(?!\s+from\b)|\")?\s*(?:in\s+)?from the (left|right|front|back|lower|upper|top|"
                       r"bottom)(?: edge| end| side)?")


def _from_edge(m, bd: Build) -> dict:
    """A FROM_EDGE match as a placement: that far in from the named edge, in its own unit ('1\" from the left
    end') or the request's."""
    from .numbers import UNIT_WORDS, unit_mm

    k = unit_mm(UNIT_WORDS[m.group(2).strip()]) if m.group(2) else bd.unit_mm
    edge = {"front": "lower", "back": "upper", "top": "upper", "bottom": "lower"}.get(m.group(3), m.group(3))
    return {"kind": "from_edge", "edge": edge, "distance": float(m.group(1)) * k}


def _from_two_edges(words: str, bd: Build, body: dict) -> dict | None:
    """'15 from the left edge and 20 from the bottom edge': one distance from a side edge, one from the front or
    back edge of a block's top face (the bottom edge of the plate as drawn is its front)."""
    ms = [_from_edge(m, bd) for m in FROM_EDGE.finditer(words)]
    side = next((x for x in ms if x["edge"] in ("left", "right")), None)
    other = next((x for x in ms if x["edge"] in ("lower", "upper")), None)
    if side is None or other is None or body.get("kind") != "box" or not body.get("width"):
        return None
    half = body["width"] / 2
    along = -half + other["distance"] if other["edge"] == "lower" else half - other["distance"]
    bd.notes.append(f"{side['distance']:g} from the {side['edge']} edge and {other['distance']:g} from the "
                    f"{'front (bottom)' if other['edge'] == 'lower' else 'back (top)'} edge")
    return {**side, "along": round(along, 6)}


SLOT_CC = re.compile(r"\s*(?:mm\s*|\"\s*|in\b\s*)?(?:long\s+|length\s+)?(?:c-c|c/c|ctc|c to c|cent(?:er|re)s?[- ]to[- ]cent(?:er|re)s?|"
                     r"between (?:the )?(?:end )?cent(?:er|re)s|(?:end )?cent(?:er|re)s? apart)\b")


TUBE_ACROSS = re.compile(r"\bacross\b(?!\s+(?:the\s+)?(?:width|flats?|corners))")
TO_AXIS = re.compile(r"\b(?:cent(?:re|er)\s*-?\s*line|halfway|half way|the axis|the middle|half (?:way )?through)\b")
ONE_WALL = re.compile(r"\b(?:through|in|on|into|thru)\s+(?:only\s+)?(?:one|a|the|1|a single)\s+(?:wall|side)\b|\bone (?:wall|side)\b|"
                      r"\bsplit\b|\bslit\b|\blengthwise\b|\blengthways\b|\b(?:full|whole|entire) length\b|\balong the (?:length|axis)\b")
FULL_LENGTH = re.compile(r"\b(?:full|whole|entire) length\b|\ball the way along\b|\bend to end\b|\bsplit\b")


def _tube_slot(bd: Build, t: Target, body: dict, noun: str = "slot") -> bool:
    """A slot or window through one wall of a tube ('a 6 wide x 40 long slot through one wall', 'slit 5 wide the full
    length on one side'): cut on one side, square ends, its floor at the axis (the far wall untouched), centred along
    the tube unless placed from an end; or a saw cut across it down to the centre line ('a 10 wide slot across it,
    down to the centre line, 20 from one end'). False: not such a slot (read as before)."""
    if body.get("kind") != "tube" or not body.get("outer_diameter") or not body.get("inner_diameter") or not body.get(
            "height"):
        return False
    words = t.words
    R, H = body["outer_diameter"] / 2, body["height"]
    end = re.search(r"([\d.]*\d)\s*(?:mm\s*)?(?:in\s+)?from (?:one|an|a|the|either) end\b", words)
    at_end = re.search(r"\b(?:at|on) (?:one|an|a|the) end\b", words)
    if TUBE_ACROSS.search(words) and TO_AXIS.search(words):
        W = _size(t, "width", "size") or (t.loose.pop(0).mm if t.loose else None)
        if W is None:
            bd.missing.append(f"the {noun}'s width (e.g. '10 wide')")
            return True
        z = float(end.group(1)) * bd.unit_mm - W / 2 if end else 0.0 if at_end else (H - W) / 2
        if end:
            t.take(lambda v: abs(v.raw.num.value - float(end.group(1))) < 1e-9)
        bd.features.append({"id": bd.fid("saw_cut"), "kind": "flat", "length": W, "depth": R, "z": round(z, 6)})
        bd.notes.append(f"the {noun} cut across the tube down to its centre line, {W:g} wide")
        return True
    if not ONE_WALL.search(words):
        return False
    if re.search(r"\b(?:round(?:ed)?|radius(?:ed)?|semi-?circular|full radius)\s+ends?\b", words):
        bd.missing.append(f"a {noun} with rounded ends through a tube's wall (the spec path cuts square ends there)")
        return True
    L, W = t.pop("length"), _size(t, "width", "size")
    loose = sorted(t.loose, key=lambda v: v.mm)
    if W is None and loose:
        W = loose[0].mm
        t.loose.remove(loose[0])
    if L is None and FULL_LENGTH.search(words):
        L = H
    if L is None and t.loose:
        L = t.loose.pop(0).mm
    if L is None and W is None and bd.body.get("length") is not None and bd.body.get("width") is not None:
        # "... a window cut through one wall only, 40 long along the axis and 20 wide": its sizes in a clause of their own
        L, W = bd.body.pop("length"), bd.body.pop("width")
    if W is None or L is None:
        bd.missing.append(f"the {noun}'s width and length (e.g. '6 wide, 40 long')")
        return True
    if W > L:
        L, W = W, L
    z = float(end.group(1)) * bd.unit_mm if end else 0.0 if at_end or L >= H - 1e-9 else (H - L) / 2
    if end:
        t.take(lambda v: abs(v.raw.num.value - float(end.group(1))) < 1e-9)
    bd.features.append({"id": bd.fid(noun), "kind": "wall_slot", "width": W, "length": L, "depth": R, "z": round(z, 6)})
    bd.notes.append(f"the {noun} cut through one wall, {W:g} wide and {L:g} long, square ends" +
                    ("" if end or at_end or L >= H - 1e-9 else ", centred along the tube"))
    return True


def _slot(bd: Build, t: Target, body: dict) -> None:
    if _tube_slot(bd, t, body):
        return
    lv = t.get("length") is not None and next(iter(t.roles.get("length", [])), None)
    L, W, depth = t.pop("length"), t.pop("width"), t.pop("depth")
    cc = L is not None and W is not None and lv is not None and lv.raw is not None and SLOT_CC.match(
        bd.text[lv.raw.num.end:]) is not None
    if cc:
        L = round(L + W, 6)         # "5/16 wide slots, 1 1/2 long c-c": centre to centre of its ends, so overall + width
        bd.notes.append(f"the slot's {L - W:g} length is centre to centre: {L:g} overall")
    pair = sorted([v for v in t.loose + t.roles.get("size", []) if v.raw.group is not None], key=lambda v: v.raw.pos)
    if L is None and W is None and len(pair) >= 2:
        L, W = max(pair[0].mm, pair[1].mm), min(pair[0].mm, pair[1].mm)
        t.take(lambda v: v is pair[0] or v is pair[1])
    if L is None and W is not None and depth is not None and _across_face(bd, t, body, W, depth, "slot"):
        return
    longer = [v for v in t.loose if v.raw.group is None and v.mm > W] if L is None and W is not None else []
    if longer:
        L = longer[0].mm         # "a slot 40 overall x 10 wide": the number with no word is its length
        t.loose.remove(longer[0])
    if L is None or W is None:
        bd.missing.append("the slot's length and width")
        return
    f = {"id": bd.fid("slot"), "kind": "slot", "length": L, "width": W}
    if depth is not None:
        f["depth"] = depth
    end = re.search(r"[.;](?!\d)|$", bd.text[t.start:]).end()
    if re.search(r"(?<!centred )(?<!centered )(?<!centre )(?<!center )\b(across|crosswise|widthwise|sideways)\b|along the (?:short|width)|\bparallel (?:to|with) the (?:short|"
                 r"width|end)\b|\bperpendicular to the (?:long|length)\b", t.words) or re.search(
            r"\b(?:running|runs|run|going|goes|oriented|turned) (?:across|crosswise|widthwise|sideways)\b|\bthe short way\b",
            bd.text[t.start:t.start + end]):
        f["angle"] = 90.0       # (said anywhere in the slots' sentence: "3 slots through a plate, ..., running across")
    is_l = body["kind"] == "profile" and body.get("shape") == "L" and depth is None
    leg = None
    if is_l:
        # "a slot 6 x 15 in the 70 leg", "in the long leg", "in the other", "in each leg": as holes are placed
        one = re.search(r"\b(?:in|on|through) (?:one|a|an|1) (?:of the )?(?:legs?|arms?|sides?)\b", t.words)
        legs = ["left"] if one and not LEG_BOTH.search(t.words) else _legs_named(bd, t, body)   # (a slot "in one leg":
        if legs is None:                                                                        # the upright, as before)
            return
        leg = "both" if len(legs) == 2 else legs[0] if legs else None
    # ("a slot in one leg": either leg of the L, the upright one here; "the other" is then the base)
    n_leg = int(t.get("count")) if t.get("count") is not None else 1
    if leg is not None and n_leg > 1:
        # "in the 45 leg two slots 6 x 15": a row of them along the bracket's length, through that leg
        t.pop("count")
        s_ = t.pop("spacing")
        if s_ is None:
            s_ = round(bd.assume("spacing of the slots along the bracket", body["length"] / (n_leg + 1)), 3)
        f["angle"] = 0.0 if re.search(r"\b(?:vertical|upright|up and down|across the leg|(?:up|along) the (?:base |upright )?(?:leg|length)|along the (?:base|upright)|away from "
                                      r"the bend)\b", t.words.replace("upright leg", "")) else 90.0
        for face in (("front", "left") if leg == "both" else (leg,)):
            u = body["thickness"] / 2 if face == "front" else -body["thickness"] / 2
            bd.features.append({**f, "id": bd.fid("slot"), "on": face, "at": {
                "kind": "linear", "count": n_leg, "spacing": s_, "axis": "v", "center": [u, 0.0]}})
        return
    if leg is not None and t.get("count") is None:
        # "in the upright leg a horizontal slot 6 wide x 20 long, centred on that leg": through that leg, in the
        # middle of its free width (as its holes go), along the bracket's length unless said to run up and down
        f["angle"] = 0.0 if re.search(r"\b(?:vertical|upright|up and down|across the leg|(?:up|along) the (?:base |upright )?(?:leg|length)|along the (?:base|upright)|away from "
                                      r"the bend)\b", t.words.replace(
            "upright leg", "")) else 90.0
        for face in (("front", "left") if leg == "both" else (leg,)):
            u = body["thickness"] / 2 if face == "front" else -body["thickness"] / 2
            bd.features.append({**f, "id": bd.fid("slot") if face == "left" and leg == "both" else f["id"], "on": face,
                                "at": {"kind": "at", "points": [[u, 0.0]]}})
        if leg == "both":
            bd.notes.append("one slot in each leg")
        return
    edge = FROM_EDGE.search(t.words)
    if edge and (t.get("count") is None or t.get("count") == 1):
        # "a 12 x 6 slot 20 mm from the left edge": its centre that far in
        f["at"] = _from_edge(edge, bd)
        if re.search(r"\b(?:its|the slot's|the)\s+(?:left|right|near|nearest|closest|first)?\s*(?:end|edge|side)\s*"
                     r"(?:is\s+|sits\s+|at\s+)?$", t.words[:edge.start()]) and f.get("angle", 0.0) == 0.0 and \
                f["at"]["edge"] in ("left", "right"):
            # "its left end 15 from the left edge": the slot's end there, its centre half its length further in
            f["at"]["distance"] = round(f["at"]["distance"] + L / 2, 6)
            bd.notes.append(f"the slot's end {edge.group(1)} from the {edge.group(3)} edge (its centre "
                            f"{f['at']['distance']:g} in)")
        t.loose = [v for v in t.loose if v.raw.num.text.strip().split()[0] != edge.group(1)]
    n = t.pop("count")
    if n in (None, 1) and re.search(r"\b(?:a|one|1) (?:[a-z]+ )?slot (?:at|in|near) (?:each|both|either) ends?\b|\b(?:one|1) at each end\b",
                               t.words):
        n = 2                 # "a slot at each end ...": one near each end, a pair
    if n is not None and int(n) >= 2 and body["kind"] in ("cylinder", "tube") and re.search(
            r"\baround\b|\bround the\b|\bcircle\b|\bpcd\b|\bradial|\bequally spaced\b|\bevenly\b", t.words):
        bd.missing.append(f"{int(n)} slots around a round part (a ring of slots is not built offline)")
        return
    if n is not None and int(n) >= 2:
        # "two slots ..., centres 50 apart": a row of them, along the part's length
        n = int(n)
        spacing = t.pop("spacing")
        inset = t.pop("inset")
        half = t.pop("half_spacing")
        if spacing is None and half is not None and n == 2:
            spacing = 2 * half            # "25 each side of centre"
        if spacing is None and inset is not None and n == 2 and body.get("length") and \
                re.search(r"\b(?:each|both|either) ends?\b|\bthe ends\b", t.words):
            spacing = body["length"] - 2 * inset       # "centred 25 in from each end"
        if spacing is None:
            span = body.get("length") or body.get("diameter")
            if not span:
                bd.missing.append(f"where the {n} slots go (their spacing)")
                return
            spacing = round(bd.assume("slot spacing", span / (n + 1)), 3)
        axis = "u"
        along = f.get("angle", 0.0) == 0.0
        if along and spacing <= f["length"] + 1e-9 and re.search(
                r"\b(?:side by side|parallel|lengthwise|running (?:along|lengthwise)|along the length)\b",
                bd.text[t.start:t.start + end]):
            # "two slots 30 long, running lengthwise, 20 apart": in a row they would overlap; side by side, across
            axis = "v"
            bd.notes.append(f"the {n} slots side by side, {spacing:g} apart across the part")
        f["at"] = {"kind": "linear", "count": n, "spacing": spacing, "axis": axis}
    if body.get("kind") == "box" and "on" not in f and "depth" not in f and re.search(
            r"\b(?:from )?front to back\b|\bthrough the front\b|\bon the front face\b|\bin the front face\b", t.words):
        # "a slot cut right through from front to back ... on the front face": into the front, which is the face the
        # part's width spans when it was given 'wide x deep x high' (its depth is then its length, front to back)
        said = bd.text[:t.start]
        f["on"] = "left" if re.search(r"[\d.]\s*(?:mm\s*)?deep\b", said) and re.search(
            r"[\d.]\s*(?:mm\s*)?wide\b", said) and not re.search(r"[\d.]\s*(?:mm\s*)?long\b", said) else "front"
    bd.features.append(f)


RUNS = re.compile(r"\b(?:across|along|lengthwise|widthwise|crosswise|full length|whole length|end to end|"
                  r"side to side|running|runs|run|the length|the width|(?:[\d.]+\s*(?:mm\s*)?)direction)\b")
UNDER = re.compile(r"\b(?:underneath|underside|bottom|base|below)\b")


def _across_face(bd: Build, t: Target, body: dict, W: float, depth: float, noun: str) -> bool:
    """A slot or groove with a width and depth that runs right across a block's face ("a 10 wide by 5 deep slot
    across the bottom face, running the 50 mm direction"): a rectangular pocket as long as the face, centred."""
    if body["kind"] != "box":
        return False
    sentence = bd.text[slice(*_sentence(bd.text, t.start))]
    if not RUNS.search(sentence):
        return False
    size = re.search(r"\b(?:running|runs|run|along|in|across) the ([\d.]+)\s*(?:mm\s*)?(?:direction|way|side)\b", sentence)
    across = bool(re.search(r"\b(?:across|widthwise|crosswise|side to side|the width|the short way)\b", sentence))
    if size:
        across = abs(float(size.group(1)) * bd.unit_mm - body["width"]) < 1e-6 and abs(body["width"] - body["length"]) > 1e-6
    run = body["width"] if across else body["length"]
    if W >= (body["length"] if across else body["width"]) or depth >= body["height"]:
        return False
    f = {"id": bd.fid(noun), "kind": "pocket", "shape": "rect", "length": W if across else run,
         "width": run if across else W, "depth": depth}
    if UNDER.search(sentence) or _face(t.words, body) == "bottom":
        f["on"] = "bottom"
    bd.notes.append(f"the {W:g} x {depth:g} {noun} read as running the full {run:g} mm "
                    f"{'width' if across else 'length'} of the {f.get('on', 'top')} face, centred")
    bd.features.append(f)
    return True


def _width_by_depth(t: Target) -> tuple[float | None, float | None]:
    """'a 6 x 3.5 keyway', 'a 2 x 1.5 groove': a pair of sizes written together, width then depth (taken)."""
    pair = sorted([v for v in t.loose + t.roles.get("size", []) if v.raw.group is not None], key=lambda v: v.raw.pos)
    if len(pair) != 2:
        return None, None
    t.take(lambda v: any(v is p for p in pair))
    return pair[0].mm, pair[1].mm


MIDDLE = re.compile(r"\b(?:middle|centre|center|halfway|mid-?length|mid-?way)\b")
FAR_END = re.compile(r"\b(?:top|upper|other|far|right)\b")
EACH_END = re.compile(r"\b(?:each|both|either) ends?\b")
INSIDE = re.compile(r"\b(?:inside|internal|in the bore|in the hole|inner)\b")


def _groove(bd: Build, t: Target, body: dict) -> None:
    """A groove turned all round a round part ("a circlip groove 1.1 wide, 0.9 deep, 10 from one end"): its
    width along the axis, its depth, and where it sits (centred unless a distance from an end is said,
    measured to the groove's near side)."""
    W, depth = t.pop("width"), t.pop("depth")
    if W is None:
        W = t.pop("length")
    bottom = t.pop("diameter")
    D = body.get("diameter") or body.get("outer_diameter")
    if depth is None and bottom is not None and isinstance(D, (int, float)) and bottom < D:
        depth = round((D - bottom) / 2, 6)     # "groove dia 11.5" on a Ø12 shaft: 0.25 deep
        bd.notes.append(f"the groove's Ø{bottom:g} bottom: {depth:g} deep")
    if W is None and depth is None:
        W, depth = _width_by_depth(t)          # "a 2 x 1.5 groove"
    if INSIDE.search(t.words):
        bd.missing.append("a groove inside a bore (the spec path cuts grooves on the outside only)")
        return
    if W is None or depth is None:
        bd.missing.append("the groove's width and depth")
        return
    if body["kind"] not in ("cylinder", "shaft", "tube"):
        if not _across_face(bd, t, body, W, depth, "groove"):
            bd.missing.append("where the groove runs (along or across which face)")
        return
    full = body.get("height") or sum(s["length"] for s in body.get("sections", []))
    inset = t.pop("inset")
    if inset is None:
        ends = t.take(lambda v: FROM_END.match(bd.text[v.raw.num.end:]) is not None)
        inset = ends[0].mm if ends else None
    if inset is not None:
        bd.notes.append(f"the groove's {inset:g} mm from the end read to its near side")
        far = FAR_END.search(t.words)
        z = full - inset - W if far else inset
    else:
        if not MIDDLE.search(t.words):
            bd.notes.append("no place given for the groove: centred on the length")
        z = (full - W) / 2
    count = int(t.pop("count") or 1)
    both = inset is not None and (count == 2 or EACH_END.search(t.words))
    zs = [z, full - inset - W] if both else [z]
    if count > len(zs):
        bd.missing.append(f"where the {count} grooves go (a distance from each end, or their spacing)")
        return
    if any(x < 0 or x + W > full + 1e-9 for x in zs) or (both and zs[0] + W > zs[1]):
        bd.missing.append(f"room for a {W:g} mm groove {inset or 0:g} mm from the end of a {full:g} mm part")
        return
    for x in zs:
        bd.features.append({"id": bd.fid("groove"), "kind": "groove", "length": W, "depth": depth, "z": round(x, 6)})


def _named_section(bd: Build, t: Target, body: dict) -> tuple[float, float] | None:
    """The z range of the section of a stepped shaft that the words name by its diameter ('a keyway in the 25 part',
    'in the 20mm section'), its number taken; None when none is named."""
    if body["kind"] != "shaft":
        return None
    secs = body.get("sections") or []
    named = t.take(lambda v: any(abs(v.mm - s["diameter"]) < 1e-6 for s in secs) and re.match(
        r"\s*(?:mm\s*)?(?:dia\w*\s+)?(?:section|part|portion|step|diameter|dia\b|bit|length|end)",
        bd.text[v.raw.num.end:]) is not None)
    if not named:
        # "on the Ø20 end": the diameter said with its sign went to the part's sizes; the words still name it
        m = re.search(r"\b(?:on|in|at|into) the (?:dia\s*)?([\d.]*\d)\s*(?:mm\s*)?(?:dia\w*\s+)?(?:section|part|portion|step|"
                      r"end|bit)\b", t.words)
        d = float(m.group(1)) * bd.unit_mm if m else None
        if d is None or not any(abs(d - s_["diameter"]) < 1e-6 for s_ in secs):
            return None
        k = next(i for i, s_ in enumerate(secs) if abs(d - s_["diameter"]) < 1e-6)
        bd.body.take(lambda v: v.raw is not None and abs(v.mm - d) < 1e-6 and v.raw.num.start >= t.start)
        a = sum(s_["length"] for s_ in secs[:k])
        return a, a + secs[k]["length"]
    k = next(i for i, s in enumerate(secs) if abs(named[0].mm - s["diameter"]) < 1e-6)
    a = sum(s["length"] for s in secs[:k])
    return a, a + secs[k]["length"]


def _keyway(bd: Build, t: Target, body: dict) -> None:
    W, depth, L = t.pop("width"), t.pop("depth"), t.pop("length")
    section = _named_section(bd, t, body)
    if t.kind == "keyway" and W is None and depth is None:
        W, depth = _width_by_depth(t)          # "a 6 x 3.5 keyway"
    af = t.pop("af") if t.kind == "flat" else None
    D0 = body.get("diameter") or (body["sections"][0]["diameter"] if body.get("sections") else None)
    if af is not None and depth is None and D0 and 0 < af < D0:
        depth = D0 - af                    # "7 mm across the flat" on a Ø8 shaft: the flat is 1 deep
    if t.kind == "flat" and depth is None and t.loose:
        depth = t.loose.pop(0).mm          # "a 2 mm flat along the whole length": its depth
    if t.kind == "keyway" and W is None and depth is not None and len(t.loose) == 1:
        W = t.loose.pop(0).mm              # "8mm key slot 30 long 4 deep": its width
    if t.kind == "keyway" and W is None and depth is None and len(t.loose) == 1 and L is not None:
        W = t.loose.pop(0).mm              # "a 5mm keyway 25 long": its width (the key's size)
    if t.kind == "keyway" and W is not None and depth is None and tables.keyway_depth(W) is not None:
        depth = bd.assume(f"keyway depth in the shaft for a {W:g} mm key (DIN 6885-1)", tables.keyway_depth(W))
    if body["kind"] not in ("cylinder", "shaft"):
        inside = body["kind"] == "tube" or re.search(r"\b(?:in|inside|into) the (?:bore|hole)\b", t.words)
        bd.missing.append("a keyway inside a bore (the spec path cuts keyways into the outside of a shaft)" if inside
                          else "a keyway needs a shaft or cylinder")
        return
    full = body.get("height") or sum(s["length"] for s in body.get("sections", []))
    if L is None:
        L = t.pop("inset")          # "a keyway running 30 in from one end": it runs 30 from that end
    if L is None:
        L = section[1] - section[0] if section else full
        if t.kind == "flat" and not section:
            bd.notes.append(f"the flat runs the whole {full:g} mm of the part (its run not said)")
    D = body.get("diameter") or (body["sections"][0]["diameter"] if body.get("sections") else None)
    if t.kind == "keyway" and W is None and depth is None and D:
        try:
            row = tables.keyway(D)
            W = bd.assume(f"keyway width for a Ø{D:g} shaft (DIN 6885-1)", row["width"])
            depth = bd.assume("keyway depth in the shaft", row["depth"])
        except KeyError:
            pass
    if depth is None or (t.kind == "keyway" and W is None):
        bd.missing.append(f"the {t.kind}'s width and depth")
        return
    z = 0.0
    start = t.take(lambda v: re.search(r"\b(?:starting|starts|beginning|begins|from)\s*$",
                                       bd.text[max(0, v.raw.num.start - 12):v.raw.num.start]) is not None
                   and FROM_END.match(bd.text[v.raw.num.end:]) is not None)
    if not start and L is not None and t.get("inset") is not None and FROM_END.match(
            bd.text[t.roles["inset"][0].raw.num.end:]):
        start = [t.roles.pop("inset")[0]]     # "keyway 6 x 3.5, 30 long, 10 from the end": it begins there
    if start:
        z = start[0].mm           # "40 long, starting 10 mm from one end": it begins that far in
    elif section:
        # in a section named by its diameter: from the shaft's end when the section is at one, else in its middle
        a, b = section
        mid = re.search(r"\b(?:middle|centre|center|centred|centered)\b", t.words + " " + bd.text)
        z = a + (b - a - L) / 2 if mid or (a > 1e-9 and b < full - 1e-9) else a if a <= 1e-9 else b - L
        if L > b - a + 1e-9:
            bd.missing.append(f"room for a {L:g} mm {t.kind} in the {b - a:g} mm long section")
            return
    if z + L > full + 1e-9:
        bd.missing.append(f"room for a {L:g} mm {t.kind} starting {z:g} mm in on a {full:g} mm shaft")
        return
    f = {"id": bd.fid(t.kind), "kind": t.kind, "length": L, "depth": depth, "z": z}
    if W is not None:
        f["width"] = W
    bd.features.append(f)
