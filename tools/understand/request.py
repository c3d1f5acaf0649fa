"""A request in plain words → ranked candidate part specs, with every assumption and every word
that was not understood."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from cadagent.tools.part import tables

from .build import Build
from .build_features import features
from .clauses import clauses
from .numbers import FLAT_BY_ONE_SIZE, UNIT_WORDS, corrections, default_unit, is_inch_fraction, stated_unit, normalize, number, unified_thread, unit_mm
from .roles import role_words, tag
from .spelling import correct
from .targets import PROFILE_KINDS, RAW_ROLES, targets
from .lips import LIP, read_lip
from .vocab import find, vocab

RESTART = re.compile(r"^.*\b(?:start over|start again|from scratch|scrap (?:that|it|this)|new part|instead make)\b\s*[:,.]?\s*")
# "I'm making a little storage tray. Start with a solid block 150 long ...": what it will become is context; the part
# asked for now is the one to start with
START_WITH = re.compile(r"^.*?[.;!]\s*(?=(?:let'?s |we'?ll |first,? |so |ok,? )?(?:start|begin) (?:with|from|by making) (?:a|an|one) )")
# sentences about the sketch's frame (Euler angles, translation vectors): their numbers are no sizes
SETUP = re.compile(r"[^.;]*\b(?:euler|translation vector|coordinate system|rotat\w+ (?:by|of)|translat\w+ (?:by|of))\b"
                   r"[^.;]*(?:[.;]|$)")
STEP_MARK = re.compile(r"(?:(?<=^)|(?<=\s)|(?<=[;:]))(?<!x\s)(?<!by\s)(?:step\s*)?\d{1,2}[.)](?=\s+(?:[a-z]|\d+\s+[a-z]))")


@dataclass
class Candidate:
    spec: dict
    notes: list[str] = field(default_factory=list)
    score: float = 1.0

    def to_dict(self) -> dict:
        return {"spec": self.spec, "notes": self.notes, "score": self.score}


# an assumption as Build.assume says it: "no thickness given: 5 mm assumed" (what, value)
ASSUMED_NOTE = re.compile(r"no (.+?) given: (.+?) assumed")


@dataclass
class Understanding:
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)          # assumptions
    missing: list[str] = field(default_factory=list)        # what it needs and could not find
    unknown: list[str] = field(default_factory=list)        # words not understood
    unsupported: list[str] = field(default_factory=list)    # features asked for that no spec here builds
    assumed: list[str] = field(default_factory=list)        # ids of features whose size or place was assumed
    approximate: bool = False                               # the spec is the block the asked shape spans
    body: str | None = None                                 # the body word it read

    @property
    def spec(self) -> dict | None:
        return self.candidates[0].spec if self.candidates else None

    @property
    def asked(self) -> list[str]:
        """The assumptions a new part is not built on (vocab.yaml ``ask_when_missing``): what to ask for instead."""
        from .vocab import vocab

        kinds = tuple(vocab().get("ask_when_missing") or ())
        out = [n for n in self.notes if (m := ASSUMED_NOTE.match(n)) and m.group(1).startswith(kinds)]
        # a shape described in relative 'units' (a caption, not an order), or holes said to be small / a few (their
        # size left to the designer): a shell's wall and a hole's size are assumed and said, not asked
        caption = re.search(r"\b\d*\.?\d+\s+units?\b", self.text, re.I)
        small = re.search(r"\b(?:small|smaller|tiny|little|several|a few|various|decorative|some)\s+(?:\w+\s+){0,2}?holes?\b",
                          self.text, re.I)
        return [n for n in out if not (caption and ASSUMED_NOTE.match(n).group(1).startswith(("wall thickness", "diameter for"))
                                       or small and ASSUMED_NOTE.match(n).group(1).startswith("diameter for the hole"))]

    def explain(self, assumed: bool = True) -> str:
        """What was assumed, missing, not built and not understood (``assumed=False``: a decline, where nothing was
        made on the assumptions, leaves them out: 'no shape named: a block assumed' beside keyboard mash)."""
        bits = []
        if self.notes and assumed:
            bits.append("Assumed: " + "; ".join(self.notes) + ".")
        if self.missing:
            bits.append("Missing: " + "; ".join(self.missing) + ".")
        if self.unsupported:
            bits.append("Not built by the spec path: " + ", ".join(f"'{w}'" for w in self.unsupported) + ".")
        if self.unknown:
            bits.append("Not understood: " + ", ".join(f"'{w}'" for w in self.unknown) + ".")
        return " ".join(bits)

    def to_dict(self) -> dict:
        return {"text": self.text, "candidates": [c.to_dict() for c in self.candidates], "notes": self.notes,
                "missing": self.missing, "unknown": self.unknown, "body": self.body}


def _step_marks(t: str) -> str:
    """'1. a plate ... 2. add holes': numbered steps are cut into clauses; a lone 'N.' is a size at a
    sentence's end ('a hub sticking up 20. Ø30 bore ...'), kept."""
    marks = list(STEP_MARK.finditer(t))
    vals = {int(re.search(r"\d+", m.group(0)).group(0)) for m in marks}
    keep = [m for m in marks if {int(re.search(r"\d+", m.group(0)).group(0)) - 1,
                                 int(re.search(r"\d+", m.group(0)).group(0)) + 1} & vals
            or m.group(0).lower().startswith("step")]
    for m in reversed(keep):
        t = t[:m.start()] + ";" + t[m.end():]
    return t


# "end cap to plug into 1-1/2\" ID tube: ...", "a bung that fits in a 20 mm bore": the other part's size, not this one's
# (a part that fits over or onto a shaft takes the shaft's size as its bore: not this)
ON_SHAFT = re.compile(r"(?i)\b(?:(?:that|which|to)\s+)?(?:(?:fits?|goes|go|slides?|sits?)\s+(?:over|onto|on)|for|over|onto)\s+(?:an?|the|my)\s+"
                      r"(\d+(?:\.\d+)?\s*(?:mm)?)\s*(?:dia\w*\s+)?(shaft|rod|axle|pin|dowel)\b")
FITS_OTHER = re.compile(r"\b(?:(?:to|that|which|so it|so that it)\s+)?(?:plugs?|fits?|goes|go|slides?|press(?:es)?|pushes|push)"
                        r"\s+(?:in|into|inside)\s+(?:an?\s+|the\s+|my\s+)?([\d./-]+\s*(?:\"|mm|cm|in\b|inch(?:es)?)?\s*"
                        r"(?:id|i\.d\.|dia\w*|bore|inside)?\s*(?:tube|pipe|hole|bore|housing|socket))\b", re.I)


def understand(text: str) -> Understanding:
    text, fixed = correct(text)      # "cylindar", "flang", "hoels": one letter off a word the reader knows
    fixed += corrections(text)
    on_shaft = ON_SHAFT.search(text)
    if on_shaft and re.search(r"\b(?:spacers?|bushings?|bush|sleeves?|collars?|rings?|washers?|tubes?)\b", text, re.I) and not \
            re.search(r"\b(?:id|i\.d\.|inner|inside|bore|hole|holes|m\d+)\b|ø\s*\d[^,;]*\bthru\b", text, re.I):
        # "spacer for a 10 mm shaft, 20 OD 15 long": its bore is the shaft's size (no clearance added, said)
        fixed.append(f"the bore Ø{on_shaft.group(1).strip()} read from the {on_shaft.group(2).lower()} it goes on "
                     "(no clearance added)")
        text = text[:on_shaft.start()] + f" ID {on_shaft.group(1)} " + text[on_shaft.end():]
    other = FITS_OTHER.search(text)
    if other:
        fixed.append(f"'{other.group(1).strip()}' is the part it fits, not a size of this one")
        text = text[:other.start()] + " " + text[other.end():]
    out = _understand(text)
    flat = FLAT_BY_ONE_SIZE.search(text)
    if flat and not re.search(r"\b(?:deep|depth)\b", re.split(r"[,;.](?!\d)", text[flat.end():])[0]) and \
            out.spec is not None and any(f["kind"] == "flat" for f in out.spec.get("features", [])):
        # "a 4mm flat": one size said of a D-flat, read as its depth (numbers.normalize), said
        fixed.append(f"the {flat.group(2)}{' mm' if flat.group(3) else ''} of '{flat.group(0).strip()}' read as how deep "
                     "the flat cuts in")
    if fixed:
        out.notes[:0] = fixed
        for c in out.candidates:
            c.notes[:0] = fixed
    negative = NEGATIVE.search(text)
    if negative and out.spec is not None:
        # "a cube with sides of -20 mm": no length is negative (read without its sign it would be another part)
        out.missing.append(f"a size that is not negative (found {negative.group(0).strip()}): sizes are lengths")
    return out


# a number written with a minus sign where a size goes ("sides of -20 mm", "= -5"); not a dash between words or a range
NEGATIVE = re.compile(r"(?<!\bat )(?<!\by )(?<!\bz )(?<!\boffset )(?<!\bby )(?:^|(?<=[\s=:]))[-−]\d*\.?\d+"
                      r"(?!\s*(?:/|x\s*\d|to\b|,\s*-?\d))(?=\s*(?:mm|cm|in\b|inch|\"|m\b|$|[\s,.;)]))")


def _understand(text: str) -> Understanding:
    t = normalize(text)
    # "ok next one: a 20 mm spacer ...": the next part, not a size of 1
    t = re.sub(r"\b(next|new|second|another|different)\s+1\b(?![-/.\d])(?!\s*(?:mm|cm|in\b|\"|/|\.\d|x\b|by\b|\d))",
               r"\1 part", t)
    t = _step_marks(t)
    t = _second_body_as_boss(t)
    if EACH_SIDE.search(t) and ROUND_STOCK.search(t):
        # "shaft with a Ø30 x 20 collar in the middle and Ø20 x 50 on each side of it": the three sections in order
        t = EACH_SIDE.sub(r"\2, \1, \2", t)
    if re.search(r"\b(?:holes?|bores?)\b", t):
        # "two holes ...: a 6 mm one 20 from the left end and a 16 mm one 20 from the right end": each one a hole
        t = re.sub(r"\b(an?|the)\s+((?:dia\s*)?\d[\d./]*\s*(?:mm|cm|in\b|\")?(?:\s*dia\w*)?)\s+(?:one|1)\b(?![./]\d)(?!\s*(?:end|side|"
                   r"edge|corner|of|mm|cm|x|by)\b)", r"\1 \2 hole", t)
    t = RESTART.sub("", t)
    t = START_WITH.sub("", t)
    t = SETUP.sub(" ", t)
    collar = HOLLOW_COLLAR.search(t)
    if collar:
        t = re.sub(r"\bcollar\b", "flange", t)     # a collar on a bushing or a sleeve is its flange
    if FLANGED.search(t) or WITH_FLANGE.search(t):
        out = _flanged(text, t)
        if out.missing and FLANGED.search(t) and re.search(r"\bhub\b[^.;]*\d", t) and re.search(r"\bflange\b[^.;]*\d", t):
            # "flanged bushing: flange 60 dia x 8 thick, hub 30 dia standing 25 above the flange, 16 bore": a flange with
            # a hub on it, its sizes said that way
            alt = _read(text, FLANGED.sub(" ", t, count=1))
            if alt.spec is not None and not alt.missing:
                alt.notes.append("the bushing read as its flange with the hub on it")
                return alt
        if collar:
            out.notes.append("the collar read as a flange at one end")
        return out
    if LIP.search(t):
        lipped = read_lip(text, t, _read, _unit(t))     # "lid ... with a lip on the underside, 2 walls, 6 high"
        if lipped is not None:
            return lipped
    if STEP_CLAUSE.search(t):
        stepped = _stepped(text, t)
        if stepped is not None:
            return stepped
    if TURNED.search(t):
        turned = _turned_down(text, t)
        if turned is not None:
            return turned
    out = _read(text, t)
    if out.body == "cylinder" and ROUND_STOCK.search(t) and len({float(m.group(1)) for m in SECTION_SAID.finditer(t)}) > 1 \
            and not re.search(r"\b(?:holes?|bores?|boss|hub)\b", t):
        # "pin Ø8 x 20, Ø12 x 10, Ø8 x 20": the sections of a stepped pin (a cylinder would keep one and drop the rest)
        shaft = _read(text, t, force="shaft")
        if shaft.spec is not None and not shaft.missing and len(shaft.spec["body"].get("sections") or []) > 1:
            shaft.notes.insert(0, f"the {out.spec['body']['id'] if out.spec else 'part'} read as a stepped shaft of "
                                  "the sections said")
            if shaft.candidates:
                shaft.candidates[0].notes = list(shaft.notes)
            return shaft
    if out.body == "tube" and any(n in ("cbore", "csink") for _, _, _, n in find("features", t)):
        # "spacer 24 OD 15 long, 10.5 hole, cbore 18 dia 6 deep": the bore is a centre hole with its counterbore, through
        # a solid round (a tube's top face is a ring: the counterbore would have nowhere to sit)
        solid = _read(text, t, force="cylinder")
        holes = [f for f in (solid.spec or {}).get("features", []) if f["kind"] == "hole"]
        if solid.spec is not None and not solid.missing and len(holes) == 1 and (holes[0].get("cbore") or holes[0].get(
                "csink")) and holes[0].get("at", {"kind": "center"}) == {"kind": "center"}:
            solid.notes.insert(0, f"the bore read as a {'counterbored' if holes[0].get('cbore') else 'countersunk'} centre "
                                  "hole through a solid round")
            if solid.candidates:
                solid.candidates[0].notes = list(solid.notes)
            solid.body = out.body
            return solid
    if out.spec is not None and out.spec["body"].get("kind") == "cylinder" and re.search(
            r"\bstepped\s+(?:shaft|pin|axle|spindle|bar|rod|cylinder|arbor)s?\b", t):
        # "turn me a stepped shaft, 20 and 15 dia, 80 overall": read as one plain cylinder it is not the stepped part
        out.missing.append("the diameter and length of each step (e.g. 'Ø20 x 50, then Ø15 x 30')")
    if out.spec is None and out.body in BLOCK_SPANNED and out.missing:
        # a shape it knows but cannot size (an L-shaped part with only its overall sizes): when the
        # request gives the overall length, width and height, the block they span is the candidate
        box = _read(text, t, force="box")
        if box.spec is not None and not box.missing and not any(n.startswith("no thickness given") for n in box.notes):
            box.notes.insert(0, f"the {out.body.replace('_', ' ')} needs {'; '.join(out.missing)}: approximated "
                                "by the block its overall sizes span")
            box.candidates[0].notes = list(box.notes)
            box.body = out.body
            box.approximate = True
            return box
    return out


# shapes whose overall sizes span a block that stands in for them when their section is not said (the engine declines
# or adapts an example for them); a ball, a gear or a cone approximated by a block would be another part
BLOCK_SPANNED = {"angle", "tee", "ibeam", "channel", "c_channel", "shelled_box", "square_tube", "tube"}
_PAIR = r"(?:\(\s*\d*\.?\d+\s*,\s*\d*\.?\d+\s*\)|\d*\.?\d+,\d*\.?\d+)"
COORDS = re.compile(rf"\bat\s+(?:the\s+)?(?:points?\s+|positions?\s+|coordinates?\s+|centers?\s+|x,?y\s+)?"
                    rf"({_PAIR}(?:\s*(?:,|/|;|and|&)\s*{_PAIR})*)")


_STATION = r"\d*\.?\d+(?:\s*(?:mm|cm|\"))?"
# "holes at 20, 60 and 100 along the length", "at 25 and 175 mm from the left end": places along a part by
# their distance from one end
STATIONS = re.compile(rf"\bat\s+({_STATION}(?:\s*(?:,\s*and|,|and|&)\s*{_STATION})+)\s*(mm|cm|inch(?:es)?\b|in\b|\")?"
                      rf"\s*(?:in\s+)?(?:along (?:the |its )?(?:length|bar|part|top|strip|plate|cent(?:er|re) ?line|it)\b|(?:measured )?from (?:the |a )?"
                      rf"(left|right|one|first|near|far|other|opposite)?\s*(?:end|edge|side))\b(?!\s+(?:and|&)\b)")


# a second solid said standing on the first ("base plate 100x60x10 with a 20 dia cylinder 30 tall on top", "a 50 mm cube
# with a 20 mm cylinder sticking out of one face, 15 long"): a boss on it, not another part (nor a size of the first)
_ON_IT = re.compile(r"\b(?:on top|on it|on the top|on the top face|standing|stands|sticking (?:out|up)|sticks (?:out|up)|"
                    r"protruding|projecting|out of (?:a|one|the) (?:face|side|end)|on (?:a|one|the) (?:face|side|end)|"
                    r"welded on|on the (?:bottom|underside)|underneath|below it)\b")
_ROUND_SOLID = r"(?:cylinder|rod|round bar|disc|disk|puck|spigot|dowel|pin|post|peg)"


def _second_body(cls, spec_body: dict, feats: list[dict], k: float) -> str | None:
    """The words of a second solid with sizes of its own that nothing built took, or None."""
    bodies = [c for c in cls if c.body]
    if len(bodies) < 2 or SEVERAL_PARTS.search(" ".join(c.text for c in cls)):
        return None
    have = set(round(x, 6) for x in _numbers_in({"body": spec_body, "features": feats}))
    for c in bodies[1:]:
        sizes = [round(it.num.mm(k), 6) for it in c.nums]
        if len(sizes) >= 2 and any(x not in have for x in sizes):
            return c.text.strip()[:80]
    return None


_BLOCK_SOLID = r"(?:block|cube|box|pad|cuboid|rectangular block|square block)"
_GROUP3 = r"\d*\.?\d+\s*(?:mm|cm|\"|in\b)?\s*(?:x|by)\s*\d*\.?\d+\s*(?:mm|cm|\"|in\b)?\s*(?:x|by)\s*\d*\.?\d+\s*(?:mm|cm|\"|in\b)?"


def _triple_unused(tagging, spec_body: dict, feats: list[dict], k: float, t: str, taken=(), notes=()) -> str | None:
    """An 'A x B x C' said that no size built takes two of ("base 100 x 60 x 10 and a 20 x 20 x 30 block next to
    it": the block), or None."""
    if SEVERAL_PARTS.search(t) and any(n.startswith("several parts are described") for n in notes):
        return None          # "two rectangular blocks ...": several parts described (the largest is made, and said)
    # (but "base plate 100 x 60 x 10 with another plate 20 x 20 x 10 on top": the second plate was dropped, unsaid)
    have = [x for x in _numbers_in({"body": spec_body, "features": feats}) if x > 0] + list(taken)
    for g in tagging.groups:
        if len(g) != 3:
            continue
        # (a number counts as taken in any unit the request may have meant: 'all dimensions in inches: 2 x 1 x 10mm')
        vals = [{it.num.mm(f) for f in (1.0, k, 25.4, 10.0)} for it in g]
        if sum(not any(abs(v - h) < 1e-6 for v in vs for h in have) for vs in vals) >= 2:
            return t[g[0].num.start:g[-1].num.end].strip()
    return None


def _second_body_as_boss(t: str) -> str:
    """The words with a solid said standing on the part after it written as a boss (its sizes then the boss's): a
    round one ("with a 20 dia cylinder 30 tall on top"), or a block placed in the middle ("with a 20 x 20 x 30 block
    sitting on top"; one placed elsewhere is left to be said as a second solid)."""
    b = re.search(rf"\b(with|and|plus)\s+(?:a|an|1)\s+(?:({_GROUP3})\s+{_BLOCK_SOLID}|{_BLOCK_SOLID}\s+(?:of\s+)?({_GROUP3}))"
                  rf"\b([^.;]*)", t)
    if b and (find("bodies", t[:b.start()]) or re.search(r"\d\s*(?:mm\s*)?(?:x|by)\s*\d", t[:b.start()])) and re.search(r"\b(?:on top|on it|on the top|sitting on|sits on|standing on|"
                                                         r"stands on|on top of it)\b", b.group(4)) and not re.search(
            r"\b(?:corner|from|edge|end|side|left|right|front|back|offset)\b", b.group(4)):
        a, c, h = [x.strip() for x in re.split(r"\s*(?:x|by)\s*", b.group(2) or b.group(3))]
        return t[:b.start()] + f"{b.group(1)} a {a} x {c} pad {h} high on top" + t[b.end():]
    m = re.search(rf"\b(with|and|plus)\s+(?:a|an|1)\s+((?:[ø⌀]?\s*\d*\.?\d+\s*(?:mm|cm|\"|in\b)?\s*(?:dia(?:meter)?|od)?\s*)?)"
                  rf"({_ROUND_SOLID})\b([^.;]*)", t)
    if not m or not find("bodies", t[:m.start()]) or not _ON_IT.search(m.group(4)):
        return t
    return t[:m.start(3)] + "boss" + t[m.end(3):]


def _coordinates(t: str) -> tuple[str, list]:
    """'holes at (10,10), (90,10) and (10,30)', '.257 dia holes at 0.5,0.5 / 3.5,0.5': hole centres by their
    x, y; the list leaves the text (its numbers are places, not sizes) as 'at points#k'. 'at 20, 60 and 100
    along the length': places along the part from its left end, as 'at stations#k' (an entry
    ('stations', edge, distances, unit word))."""
    found: list = []

    def keep(m):
        pts = [(float(a), float(b)) for a, b in re.findall(r"(\d*\.?\d+)\s*,\s*(\d*\.?\d+)", m.group(1))]
        found.append(pts)
        return f" at points#{len(found) - 1} "

    def station(m):
        units = {u for u in re.findall(r"mm|cm|\"", m.group(1))} | ({m.group(2).strip()} if m.group(2) else set())
        if len(units) > 1:
            return m.group(0)
        edge = "right" if m.group(3) in ("right", "far", "other", "opposite") else "left"
        found.append(("stations", edge, [float(x) for x in re.findall(r"\d*\.?\d+", m.group(1))],
                      next(iter(units), None)))
        return f" at stations#{len(found) - 1} "
    return STATIONS.sub(station, COORDS.sub(keep, t)), found


def _read(text: str, t: str, force: str | None = None) -> Understanding:
    out = Understanding(text)
    t, coords = _coordinates(t)
    tagging = tag(t)
    for it in tagging.items:      # "scale it down to seventy-five percent": a ratio, not a size (a new part's)
        if re.match(r"\s*(?:%|percent\b|per cent\b)", t[it.num.end:]):
            it.role, it.via = "ref", "percent"
        elif re.search(r"(?:\+|±|\+/-)\s*$", t[:it.num.start]):
            it.role, it.via = "ref", "tolerance"     # "holes 3.4 (M3 +0.4 already added)": an allowance, no size
    said = stated_unit(t)
    du = said or default_unit([it.num for it in tagging.items])
    if du == "millimeter":
        du = None
    big = [it.num for it in tagging.items if du in ("inch", "centimeter") and not said and it.num.unit is None and
           it.num.value > 40 and it.role not in RAW_ROLES]
    long_cm = [it.num.value for it in tagging.items if du == "centimeter" and it.num.unit == "centimeter" and
               it.role == "length"]
    over = [it.num for it in tagging.items if long_cm and not said and it.num.unit is None and
            it.role not in RAW_ROLES and it.num.value > max(long_cm)]
    big = big or over       # "T section, 30 cm long. Top flange 40 wide": as cm the section would outgrow the length
    written = du
    if big:
        du = None           # "80 by 60 plate, quarter inch thick": as inches the part would be over a metre
    k = unit_mm(du) if du else 1.0
    units = {"inch": "in", "centimeter": "cm"}.get(du or "", "mm")
    cls = clauses(t, tagging)
    kinds = [c.body[1] for c in cls if c.body]
    body_kind = force or (kinds[0] if kinds else None)
    if body_kind == "tube" and not force and re.search(
            r"\b(?:standoffs?|stand-offs?|spacers?)\b", t) and re.search(
                r"[\d.]+\s*(?:mm\s*)?hex\b|\bhex\s*(?:body|bar|stock|section|shape|profile)?\s*[\d.]|\bhex\b.*\b(?:af|a/f|across flats)\b",
                t):
        body_kind = "hex"   # "standoff 10mm hex 25 long": a hex standoff (its size said between the two words)
    body, feats = targets(cls, tagging.groups, k, body_kind, t)
    bd = Build(t, body, feats, body_kind)
    bd.unit_mm = k
    bd.coords = coords
    if du == "inch" and not any(it.num.unit for it in tagging.items):
        bd.notes.append("no unit given: the fractions read as inches" if any(is_inch_fraction(it.num) for it in
                        tagging.items) else "no unit given: '.5'-style decimals read as inches")
    if big:
        bd.notes.append(f"no unit on {', '.join(n.text.strip() for n in big)}: read as mm (as "
                        f"{'inches' if written == 'inch' else 'cm'} the part would be over "
                        f"{'a metre' if written == 'inch' else '40 cm' if not over else 'its length'})")
    odd = re.search(r"\b([a-z])[- ](bracket|beam|profile|section|extrusion|channel|clip|shaft|gear|rail)\b", t) \
        if body_kind is None and force is None else None
    if odd:
        # "a Z bracket": a shape named that no spec here is; its bounding block would be a wrong part
        out.missing.append(f"a shape the spec path knows for '{odd.group(0)}'")
        out.unknown = unknown_words(t)
        return out
    if body_kind is None and force is None and re.search(r"\b(?:bracket|brackets|profile|extrusion)\b", t):
        # "bracket: 60 x 40 x 5, 50 wide" with no L, U or T said: a block its sizes span would be another part
        out.missing.append("which bracket it is (an L / angle, a U / channel or a T) and its section's sizes")
        out.unknown = unknown_words(t)
        return out
    if body_kind is None:
        bd.notes.append("no shape named: " + ("a cylinder" if body.get("diameter") else "a block") + " assumed")
    _titled_feature(bd)
    spec_body = bd.pointed(bd.make_body())
    out.body = body_kind
    if spec_body is not None:
        features(bd, spec_body)
        bd.inside_sizes(spec_body)
        spec_body = _hub_on_a_bored_disc(spec_body, bd)
        unused = unused_sizes(bd, t, spec_body) + _loose_nowhere(bd, spec_body, t)
        # (a part said as its plates names each plate: those are the body, not second solids)
        second = None if bd.plates else _second_body(cls, spec_body, bd.features, k)
        triple = None if second else _triple_unused(tagging, spec_body, bd.features, k, t, bd.inside, bd.notes)
        if triple and SEVERAL_PARTS.search(t) and not re.search(r"\b(?:on top|on it|onto|attached|joined|welded|fixed|"
                                                                r"standing on|sitting on|sits on|stands on|bolted)\b", t):
            # "The design includes two rectangular blocks ... A smaller block, measuring ...": parts listed apart; the
            # largest is made, and the others said not made (as a second part with its own sizes is)
            bd.notes.append(f"several parts are described: the largest one is made ('{triple}' is not; ask for it as a "
                            "part of its own)")
        elif triple:
            bd.missing.append(f"what '{triple}' is: nothing I built takes those sizes (a second solid is said as a feature "
                              "of the first, e.g. 'a 20 x 20 pad 30 high on top', or asked for as a part of its own)")
        if second:
            # "plate 80 x 80 x 5 and a block 20 x 20 x 20 on top at one corner": the block dropped would be a wrong part
            bd.missing.append(f"the second solid ('{second}'): one part is built from one body and its features; say "
                              "it as a feature of the first (e.g. 'a 20 dia boss 30 tall on top', 'a 20 x 20 pad 10 "
                              "high on top') or ask for it as a part of its own")
        stray = _face_not_found(tagging, spec_body, k)
        if stray:
            bd.missing.append(stray)
        treated = [f for f in bd.features if f["kind"] in ("fillet", "chamfer")]
        if ROOT_EDGE.search(t) and len(treated) == 1:
            # "a 3 mm fillet at the base of the hub": round the boss's foot (it went on the top edges)
            size = treated[0].get("radius", treated[0].get("size"))
            f, why = root_treatment(t, bd.features, [size], treated[0]["kind"])
            if f is None:
                bd.missing.append(why)
            else:
                bd.features[bd.features.index(treated[0])] = {**f, "id": treated[0]["id"]}
        elif ROOT_EDGE.search(t) and treated:
            bd.missing.append("which of the fillets and chamfers goes round the boss's foot")
        if unused:
            bd.missing.append(f"what {', '.join(unused)} {'is' if len(unused) == 1 else 'are'} for: nothing I "
                              "read takes "+ ("it" if len(unused) == 1 else "them"))
        if re.search(r"\bflanges\b|\bflanged\b|\bwith (?:an? |two |end )?(?:[\w.]+ ){0,4}flange\b", t) and not re.search(
                r"\b(?:pipe|tube)\s+flanges?\b", t) and body_kind not in ("flange", None) and spec_body["kind"] in (
                "tube", "cylinder") and not any(f["kind"] == "boss" for f in bd.features):
            # "a tube with end flanges: tube 60/50 x 120, flanges 100 x 8": a plain tube would be another part
            bd.missing.append("the flanges (read as a flanged part: e.g. 'flanged tube 40 OD 34 ID 100 long, flanges 70 dia "
                              "6 thick both ends')")
        spec = {"schema_version": "1.0", "name": _name(text), "units": units, "body": spec_body,
                "features": bd.features}
        out.candidates.append(Candidate(spec, list(bd.notes)))
    out.notes, out.missing = bd.notes, bd.missing
    out.assumed = sorted(bd.assumed)
    out.unknown = [w for w in unknown_words(t) if w not in bd.read_words]
    out.unsupported = unsupported_words(t)
    base = sorted(it.num.mm(k) for it in tagging.items[:3]) if len(tagging.items) >= 3 else None   # the base's sizes
    if body_kind in PROFILE_KINDS and re.search(r"\b(?:stiffening |reinforcing )?ribs?\b|\bstiffeners?\b", t):
        out.unsupported = [*out.unsupported, "rib"]    # a rib on a section is no feature read (targets skip it)
    if body_kind == "tee" and spec_body is not None and set(out.unsupported) <= {"rib", "ribs"} and out.unsupported and \
            base is not None and [spec_body.get("thickness"), spec_body.get("width"), spec_body.get("length")] == base and \
            spec_body.get("height", 0) > spec_body["thickness"]:
        # (only where the T read has the base's three sizes as its wall, flange width and length)
        # "T-bracket: base plate ... with a 5 mm thick rib standing up ... down the middle": the rib is the T's stem
        out.unsupported = []
        for notes in [out.notes] + [c.notes for c in out.candidates]:
            notes.append("the rib standing on the base is the T's stem")
    out.unknown = [w for w in out.unknown if w not in out.unsupported]
    return out


NOT_SIZES = RAW_ROLES | {"frame"}
SOLIDS = r"(?:parts?|components?|pieces?|bodies|body|sections?|blocks?|prisms?|cylinders?|protrusions?|plates?|bars?)"
SEVERAL_PARTS = re.compile(rf"(?<!dia )(?<!diameter )(?<!od )\b(?:two|three|four|five|six|seven|eight|several|multiple|[2-9]|"
                           rf"a series of) (?:[a-z]+ )?"
                           rf"{SOLIDS}\b|\b(?:first|second|third|another|final) (?:[a-z]+ )?{SOLIDS}\b")


def _numbers_in(x) -> list[float]:
    if isinstance(x, dict):
        return [n for v in x.values() for n in _numbers_in(v)]
    if isinstance(x, (list, tuple)):
        return [n for v in x for n in _numbers_in(v)]
    return [float(x)] if isinstance(x, (int, float)) and not isinstance(x, bool) else []


# "at the root of the hub", "where the boss meets the plate", "between hub and flange": the concave edge at a boss's foot
ROOT_EDGE = re.compile(r"\b(?:root|base|foot|bottom)\s+of\s+(?:the\s+|each\s+|every\s+)?(?:hub|boss|bosses|stem|post|spigot|"
                       r"pin|peg|standoff)s?\b|\bwhere\s+(?:the\s+)?(?:hub|boss|stem|post|spigot)s?\s+(?:meets?|joins?)\b|"
                       r"\bbetween\s+(?:the\s+)?(?:hub|boss)\s+and\s+(?:the\s+)?(?:flange|plate|base|disc|body|part)\b")


def root_treatment(text: str, features: list[dict], sizes: list[float], kind: str | None = None) -> tuple[dict | None, str]:
    """The fillet (or chamfer) round the foot of the one round boss the words name ('at the root of the hub'): a
    feature dict (edges 'root', of the boss), or None and why not."""
    bosses = [f for f in features if f["kind"] == "boss" and f.get("diameter") and not f.get("wall")
              and f.get("on", "top") in ("top", "bottom")]
    if len(bosses) != 1:
        return None, ("a fillet round a boss's foot needs one round solid boss on the top or bottom face"
                      if not bosses else "which boss's foot is rounded (there are several)")
    kind = kind or ("chamfer" if re.search(r"\b(?:chamfer|bevel)", text) else "fillet")
    if len(sizes) != 1:
        return None, f"the {kind}'s size round the boss's foot (e.g. 'a 3 mm fillet at the root of the hub')"
    return {"id": "root_round" if kind == "fillet" else "root_bevel", "kind": kind, "edges": "root",
            "radius" if kind == "fillet" else "size": sizes[0], "of": bosses[0]["id"]}, ""


def _face_not_found(tagging, body: dict, k: float) -> str | None:
    """'a hole through the 50 x 20 face' of an 80 x 60 x 20 block: no face is that size, so where the hole goes is
    not known (built on the top face it would be another part); None when each face named by sizes is one."""
    if body.get("kind") != "box":
        return None
    L, W, H = body["length"], body["width"], body["height"]
    faces = [sorted(p) for p in ((L, W), (L, H), (W, H))]
    for g in tagging.groups:
        if len(g) == 2 and all(it.via == "names a face" for it in g):
            pair = sorted(it.num.value * (unit_mm(it.num.unit) if it.num.unit else k) for it in g)
            if not any(all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6) for a, b in zip(pair, f)) for f in faces):
                return (f"which face the {g[0].num.text.strip()} x {g[1].num.text.strip()} face is (this "
                        f"{L:g} x {W:g} x {H:g} block's faces are {L:g} x {W:g}, {L:g} x {H:g} and {W:g} x {H:g})")
    return None


def _loose_nowhere(bd: Build, spec_body: dict, t: str) -> list[str]:
    """A number with no keyword, left on the part's target, that no size of the built part or its features is,
    nor half or twice one, nor a difference of two ('6 x M10 clearance on 95' read with the bolt circle assumed: the
    95 was dropped without a word). Only where one such number is the whole doubt: several parts, counts and
    rows of numbers are let through."""
    if SEVERAL_PARTS.search(t) or any(n.startswith("several parts are described") for n in bd.notes) or \
            spec_body.get("kind") not in ("box", "cylinder", "tube", "profile", "polygon_prism") or \
            re.search(r"\bunits?\b|\bscal(?:e|ed|ing)\b", t):
        return []      # (sizes in "units", scaled sketches: Text2CAD's own numbers, rounded as it writes them)
    have = _numbers_in(spec_body) + _numbers_in(bd.features)
    derived = set()
    for a in have:
        derived |= {round(a, 4), round(a / 2, 4), round(a * 2, 4)}
        for b in have:
            # (and a place from an edge: half a side and an offset from the middle, "at 15, 50 and 85 along it")
            derived |= {round(abs(a - b), 4), round(abs(a - b) / 2, 4), round(a + b, 4), round(abs(a / 2 - b), 4),
                        round(a / 2 + b, 4)}
    out = []
    # a second "A x B" said after the part's own sizes is some feature's: it must be one of the part's sizes itself
    # (not a difference of two: "25 x 15 x 1 cm plate ..., window 10 x 5 cm" built without the window read 100 as
    # 250 - 150)
    groups = [v.raw.group for v in bd.body.loose if v.raw is not None and v.raw.group is not None]
    strict = {round(x, 4) for a in have for x in (a, a / 2, a * 2)}
    for v in bd.body.loose:
        if v.raw is not None and v.raw.group is not None and groups and v.raw.group != groups[0] and \
                v.raw.role is None and round(v.mm, 4) not in strict and not (v.raw.num.integer and v.mm <= 12) and \
                not _names_a_side(v, t, spec_body):
            out.append(f"'{v.raw.num.text.strip()}'")
    loose = list(bd.body.loose) + [v for f in bd.feats for sub in (f, f.sub) if sub is not None for v in sub.loose]
    for v in loose:
        edge_size = re.search(r"\b(?:edges?|corners?)\s*[:=]?\s*$", t[:v.raw.num.start]) if v.raw is not None else None
        if v.raw is None or v.raw.role is not None or v.raw.group is not None or \
                v.raw.num.integer and v.mm <= 12 and not edge_size or \
                re.match(r"\s*(?:mm\s*)?(?:nps|nb|dn|nominal|sch|schedule|overall|total|in total|long overall|tall overall|"
                         r"high overall)\b", t[v.raw.num.end:]) or \
                re.search(r"\b(?:iso|din|en|ansi|asme|astm|bs|jis|so|total|overall|sch|schedule)\s*$", t[:v.raw.num.start]):
            continue
        if round(v.mm, 4) not in derived:
            out.append(f"'{v.raw.num.text.strip()}'")
    return out


def _titled_feature(bd: Build) -> None:
    """'flange with hub: OD 120, 12 thick, hub 60 OD sticking up 25': a feature named in the part's title, before a
    colon, and described again later; the sizes after the colon are the part's (they were the first hub's)."""
    for i, f in enumerate(list(bd.feats)):
        if f.kind not in ("boss", "bore", "hole", "slot", "pocket") or f.sub is not None:
            continue
        if not re.match(rf"\s*{re.escape(f.noun)}\s*:", bd.text[f.start:]):
            continue
        said = [v.raw.num.start for vs in [bd.body.loose, *bd.body.roles.values()] for v in vs if v.raw is not None]
        if said and min(said) < f.start:
            continue     # "150x50x15 bar. Pocket 1: ... Pocket 2: ...": features listed after the part, not its title
        if not any(o.kind == f.kind for o in bd.feats[i + 1:]):
            continue
        for role, vs in f.roles.items():
            for v in vs:
                bd.body.add(role, v)
        bd.body.loose.extend(f.loose)
        bd.feats.remove(f)


_REFERS = re.compile(r"\b(?:across|along|on|in|into|of|through|to|from|parallel to|facing)\s+(?:one of\s+|either of\s+|each of\s+)?"
                     r"the\s+(?:long |short |big |small |large |other )?$")


def _names_a_side(v, t: str, spec_body: dict | None) -> bool:
    """'across the 50', 'centred across the 60', 'one of the 4 inch walls': a size of the part, said to name a side
    or a direction (not a new size)."""
    if v.raw is None or spec_body is None or not _REFERS.search(t[max(0, v.raw.num.start - 40):v.raw.num.start]):
        return False
    return any(abs(v.mm - x) < 1e-6 for x in _numbers_in(spec_body))


def unused_sizes(bd: Build, t: str, spec_body: dict | None = None) -> list[str]:
    """Sizes the reader gave to the part or a feature that nothing built took ('a hex socket on top, 13 AF,
    10 deep' on a cylinder): a part built without them is not the one asked for. A description of several
    parts (the largest is made, and said) is let through."""
    if SEVERAL_PARTS.search(t) or any(n.startswith("several parts are described") for n in bd.notes):
        return []
    out = []
    for tgt in [bd.body, *bd.feats]:
        for sub in (tgt, tgt.sub):
            for role, vs in (sub.roles.items() if sub is not None else ()):
                if role not in NOT_SIZES:
                    out.extend(f"'{v.raw.num.text.strip()}'" for v in vs if v.raw is not None and
                               not _names_a_side(v, t, spec_body))
    return out


# "a bushing 20 OD 12 ID 25 long with a 26 dia x 3 collar": a hollow body's collar (not a shaft collar, nor a
# collar placed along it) is a flange at its end
HOLLOW_COLLAR = re.compile(r"^(?!.*\bshaft collar)(?!.*\bcollar\b[^,;.]*\b(?:middle|cent(?:er|re)|from)\b)"
                           r"(?=.*\b(?:bushing|bush|sleeve|spacer|tube|pipe)\b).*\bcollar\b")
ADDED_PARTS = {"standoffs", "posts", "pegs", "pillars", "lid"}     # unsupported only as parts added to a body
FLANGED = re.compile(r"\bflanged\s+(?:\w+\s+)?(?:bush(?:ing)?|sleeve|bearing|spacer|tube|pipe|insert|bush)\b")
# "a round standoff Ø10 x 30 tall ... and a Ø16 x 3 flange at the bottom": a flanged bushing in other words
_IN = r"(?:[^.;]|\.(?=\d))"      # within one sentence (a decimal point is no full stop)
WITH_FLANGE = re.compile(r"^(?!(?:(?!\b(?:bushing|bush|sleeve|spacer|standoff|tube|pipe)\b).)*\bflange[sd]?\b)"
                         r"(?!.*\b(?:pipe|tube) flanges?\b)"       # "a pipe flange": a flange for a pipe
                         r"(?:(?!\bflanges?\b).)*\b(?:bushing|bush|sleeve|spacer|standoff|tube|pipe|spool)\b.*\bflanges?\b(?!d)")
FLANGE_CLAUSE = re.compile(r"(?:(?:\b(?:with|and|plus|below|under|beneath|above|over)\s+|(?<=[,;:(])\s*|(?<=\.\s)|^)"
                           r"(?:(?!\b(?:with|and|plus|below|under|beneath|above|over)\b)"
                           r"(?:[^,;:().]|(?<=\d)\.(?=\d)))*?)?\bflanges?\b(?!d)(?:[^,;:().]|(?<=\d)\.(?=\d))*")
BOTH_ENDS = re.compile(r"\bflanges\b|\b(?:both|each|either) ends?\b|\bat each end\b")


def _flanged(text: str, t: str) -> Understanding:
    """A flanged bushing ("20 ID, 26 OD, 30 long, flange 40 dia x 4 thick"): the sleeve read as a tube,
    the flange clause as its diameter and thickness; built as a stepped body (the flange at the bottom,
    the sleeve above it, the length overall) with the bore through both."""
    found = list(FLANGE_CLAUSE.finditer(t))
    # the clause that sizes the flange ("the flange is Ø24 x 3 thick"), not one that only names it ("20 long overall
    # including the flange", "total length 24 with the collar")
    m = next((x for x in found if re.search(r"\bflanges?\b[^\d]*\d", x.group(0))), None) or \
        next((x for x in found if re.search(r"\d", x.group(0)) and not re.search(
            r"\b(?:including|incl|with|plus)\s+(?:the\s+)?flanges?\s*$", x.group(0))), None) or (found[0] if found else None)
    rest = FLANGED.sub(lambda x: x.group(0).split(None, 1)[1], t)
    flange_d = flange_t = None
    if m:
        a, b = m.start(), m.end()
        word = re.search(r"\bflanges?\b", t[a:b])
        if word and re.search(r"\b(?:bushing|bush|sleeve|spacer|standoff|tube|pipe|spool)\b", t[a:a + word.start()]):
            a += word.start()      # "bushing od 22 id 16 l 30 flange od 30 x 3": the sleeve's sizes stay before it
        more = NEXT_SIZES.match(t[b:])
        if not re.search(r"\d", m.group(0)) and more and re.search(r"\b(?:dia\w*|od|thick\w*|x)\b", more.group(1)):
            b += more.end()       # "with a flange at each end, 100 dia 10 thick": its sizes in the next clause
        holes = re.search(r"\s(?:with|and|plus|having)\s+(?=[^,;]*\b(?:holes?|bolt holes?)\b)", t[a:b])
        if holes:
            b = a + holes.start()   # "flange 45 dia 5 thick with 3 x 4.5 holes on a 36 PCD": the holes stay features
        rest = FLANGED.sub(lambda x: x.group(0).split(None, 1)[1], t[:a] + " " + t[b:])
        flange_d, flange_t = _diameter_and_length(t, t[a:b], "flange")
        # other mentions of the flange ("24 long with the flange") are no second flange for the sleeve's reading
        rest = re.sub(r"\b(?:with|including|incl|plus|and)\s+(?:the\s+|a\s+|its\s+)?flanges?\b|\bflanges?\b", " ", rest)
    out = _read(text, rest)
    if out.spec is None or out.spec["body"]["kind"] != "tube" or out.spec["body"].get("standard"):
        out.missing.append("a flanged bushing's bore, outside diameter and length")
        return out
    body = out.spec["body"]
    if flange_d is None or flange_t is None:
        out.missing.append("the flange's diameter and thickness (e.g. 'flange 40 dia x 4 thick')")
        out.candidates = []
        return out
    L, D, d = body["height"], body["outer_diameter"], body["inner_diameter"]
    if not (flange_d > D and L > flange_t):
        out.missing.append(f"a flange wider than the Ø{D:g} sleeve and thinner than the {L:g} mm length")
        out.candidates = []
        return out
    sleeve, n_fl = L, 2 if BOTH_ENDS.search(t) else 1
    if re.search(r"\b(?:body|sleeve|shank|barrel|spigot)\b[^,;]*?\b(?:long|sticking out|protrud\w*|project\w*|proud|"
                 r"stand\w* out|sticks? out|below (?:it|the flange)|beyond (?:it|the flange)|under (?:it|the flange)|"
                 r"past (?:it|the flange))\b|"
                 r"\blong\b[^,;]*\b(?:body|sleeve|shank)\b", rest):
        out.notes.append(f"{L:g} mm read as the sleeve's length, the {flange_t:g} mm flange added")
    else:
        sleeve = round(L - n_fl * flange_t, 6)
        out.notes.append(f"{L:g} mm read as the overall length, the {flange_t:g} mm flange{'s' if n_fl > 1 else ''} "
                         "included")
        if sleeve <= 0:
            out.missing.append(f"a length longer than the flanges ({n_fl} x {flange_t:g} mm)")
            out.candidates = []
            return out
    spec = out.spec
    sections = [{"diameter": flange_d, "length": flange_t}, {"diameter": D, "length": sleeve}]
    if n_fl == 2:
        sections.append({"diameter": flange_d, "length": flange_t})     # a spool: a flange at each end
        out.notes.append("a flange at each end")
    spec["body"] = {"kind": "shaft", "id": body["id"], "sections": sections}
    for f in spec["features"]:
        at = f.get("at") or {}
        if f["kind"] == "hole" and at.get("kind") == "bolt_circle" and at["diameter"] > D and "on" not in f:
            f["on"] = "bottom"     # bolt holes outside the sleeve: through the flange, from its face
            out.notes.append(f"the holes on the Ø{at['diameter']:g} circle go through the flange")
    # (a centre hole of that size said again, "the Ø32 bore runs through everything", is that bore)
    spec["features"] = [{"id": "bore", "kind": "hole", "size": d}] + [
        f for f in spec["features"] if not (f["kind"] == "hole" and (f.get("at") or {"kind": "center"})["kind"] == "center"
                                            and f.get("size") == d and f.get("depth") is None and "on" not in f)]
    if any(f["id"] == "bore" for f in spec["features"][1:]):
        n = 2
        while any(f["id"] == f"bore_{n}" for f in spec["features"]):
            n += 1
        spec["features"] = [spec["features"][0]] + [{**f, "id": f"bore_{n}"} if f["id"] == "bore" else f
                                                    for f in spec["features"][1:]]
    out.body = "flanged bushing"
    return out


# "a pin 10 dia 40 long with a 16 dia x 5 head", "shoulder 20 dia 5 long", "a 30 dia collar 10 wide in the middle"
STEP_CLAUSE = re.compile(r"(?:(?:\b(?:with|and|plus|has)\s+)|(?<=[,;:(])\s*|(?<=\.\s)|^)(?:(?!\b(?:with|and|plus)\b)"
                         r"(?:[^,;:().]|(?<=\d)\.(?=\d)))*?\b(head|shoulder|collar|journals?)\b(?:[^,;:().]|(?<=\d)\.(?=\d))*")
ROUND_STOCK = re.compile(r"\b(?:pin|pins|shaft|axle|rod|bolt|dowel|spindle|stud|cylinder|bar|standoff|stand-off|spacer|post)\b")


_SECTION = r"dia\s+[\d.]+\s*(?:mm\s*)?x\s*[\d.]+(?:\s*mm)?"
SECTION_SAID = re.compile(r"\bdia\s+([\d.]+)\s*(?:mm\s*)?x\s*[\d.]+")
EACH_SIDE = re.compile(rf"\b({_SECTION})\s*(?:long\s+)?(?:(?:cent(?:re|er)|middle|central|mid)\s+)?(?:collar|shoulder|section|band|step|part)?\s*(?:(?:in|at) the "
                       r"(?:middle|centre|center)\s*)?(?:,|and|with|plus)\s*(?:a\s+|an\s+)?"
                       rf"({_SECTION})\s*(?:long\s+)?(?:sections?\s+|ends?\s+|parts?\s+)?(?:on\s+)?(?:each|either|both)\s+"
                       r"(?:sides?|ends?)(?:\s+of\s+(?:it|the \w+))?")


def _stepped(text: str, t: str) -> Understanding | None:
    """A round part with a head or shoulder at one end or a collar along it: a stepped shaft. A head's or
    shoulder's length adds to the length given (a pin's length is under its head) unless an overall length is
    said; a collar sits within the length, in the middle unless placed from an end. None: not such a part."""
    for m in STEP_CLAUSE.finditer(t):
        if re.match(r"\s*(?:pin|bolt|screw|shaft|washer)s?\b", t[m.end(1):]) or \
                re.search(r"\b(?:under|below|beneath|from|to) the\s+$", t[:m.start(1)]):
            continue              # "a shoulder pin: ...", "40 long under the head": not the head's own sizes
        a, b = m.start(), m.end()
        more = NEXT_SIZES.match(t[b:])
        if not re.search(r"\d", m.group(0)) and more:
            b += more.end()       # "with a head, 16 dia 5 thick"
        if re.search(r"\d", t[a:b]):
            place = re.match(r"\s*,\s*(?:starting|beginning|centred|centered|placed|located|positioned)?\s*[\d.]+\s*"
                             r"(?:mm\s*)?(?:in\s+)?from (?:one|a|the|an|either) end\b|"
                             r"\s*,\s*(?:its bottom\s+(?:is\s+)?)?[\d.]+\s*(?:mm\s*)?up from the (?:base|bottom)\b", t[b:])
            if place:
                b += place.end()  # "collar is 20 dia and 6 wide, starting 25 mm from one end"
            break
    else:
        return None
    if not ROUND_STOCK.search(t[:a] + t[b:]):
        return None
    lead = t[a:m.start(1)]
    named = ROUND_STOCK.search(lead) and not re.search(r"\d", lead) and not ROUND_STOCK.search(t[:a] + t[b:].split(",")[0])
    # ("clevis pin - head Ø16 x 4, shank Ø10 x 40 ...": the part's name was in the head's clause; the rest keeps it)
    out = _read(text, t[:a] + " " + (lead.rstrip(" -:,;") + ", " if named else "") + t[b:])
    if out.spec is not None and out.spec["body"]["kind"] == "tube" and not out.missing and not out.spec["body"].get(
            "standard") and m.group(1) == "collar":
        # "a round standoff Ø10, 3.2 hole thru, with a Ø14 collar ...": the round body stepped, its bore through all
        tb = out.spec["body"]
        out.spec["body"] = {"kind": "cylinder", "id": tb["id"], "diameter": tb["outer_diameter"], "height": tb["height"]}
        out.spec["features"].insert(0, {"id": "bore", "kind": "hole", "size": tb["inner_diameter"]})
    if out.spec is None or out.spec["body"]["kind"] != "cylinder" or out.missing:
        return None
    k = _unit(t)
    d, ln = _diameter_and_length(t, t[a:b], "head")
    body, kind = out.spec["body"], m.group(1)
    D, H = body["diameter"], body["height"]
    if kind.startswith("journal") and d is not None and ln is not None and d < D:
        # "Ø16 middle section 80 long, with Ø12 journals 20 long on both ends (120 total)": a smaller step at each end
        both = re.search(r"\b(?:both|each|either) ends?\b|\bjournals\b", t[a:b])
        total = re.search(r"([\d.]+)\s*(?:mm\s*)?(?:total|overall|in all)\b|\b(?:total|overall)(?: length)?\s*([\d.]+)", t)
        n = 2 if both else 1
        if total and abs(float(total.group(1) or total.group(2)) * k - (H + n * ln)) > 1e-6:
            if abs(float(total.group(1) or total.group(2)) * k - H) > 1e-6:
                return None       # a total that fits neither reading: not guessed
            H = round(H - n * ln, 6)        # the length said was the whole shaft's
            if H <= 0:
                return None
        sections = [{"diameter": d, "length": ln}, {"diameter": D, "length": H}] + (
            [{"diameter": d, "length": ln}] if n == 2 else [])
        out.notes.append(f"a Ø{d:g} x {ln:g} journal {'at each end' if n == 2 else 'at one end'}")
        return _as_shaft(out, sections)
    if d is None or ln is None or d <= D:
        return None
    if kind == "collar":
        at = re.search(r"(starting |beginning )?([\d.]+)\s*(?:mm\s*)?(?:in\s+)?from (?:one|a|the|an|either) end", t[a:b])
        up = re.search(r"(?:bottom\s+(?:is\s+)?|^|\s)([\d.]+)\s*(mm|cm)?\s*up from the (?:base|bottom)\b", t[a:b])
        z = (float(at.group(2)) * k + (ln / 2 if at.group(1) else 0)) if at else \
            float(up.group(1)) * ({"mm": 1.0, "cm": 10.0}.get(up.group(2) or "", k)) + ln / 2 if up else H / 2
        # ("a collar 3 thick whose bottom is 5 up from the base": its lower face there, its centre half its width above)
        lo, hi = round(z - ln / 2, 6), round(H - z - ln / 2, 6)
        if lo <= 0 or hi <= 0:
            return None
        sections = [{"diameter": D, "length": lo}, {"diameter": d, "length": ln}, {"diameter": D, "length": hi}]
        out.notes.append(f"the collar centred {z:g} mm from the end")
    else:
        said = re.search(r"([\d.]+)\s*(?:mm\s*)?(?:overall|total|in all|long overall|long in total)\b", t)
        total = float(said.group(1)) * k if said else None
        overall = re.search(r"\b(?:overall|total|in all|including the (?:head|shoulder))\b", t)
        if total is not None and abs(total - (H + ln)) < 1e-6:
            overall = None        # "shank 40 long, head 5 thick (45 overall)": the overall said again
        elif total is not None and abs(total - H) > 1e-6:
            return None           # an overall length that fits neither reading: not guessed
        shank = round(H - ln, 6) if overall else H
        if shank <= 0:
            return None
        sections = [{"diameter": d, "length": ln}, {"diameter": D, "length": shank}]
        out.notes.append(f"{H:g} mm read as the {'overall length' if overall else 'length under the ' + kind}")
    shift = (sum(x["length"] for x in sections) - H) / 2 if kind != "collar" else 0.0
    for f in out.spec["features"]:
        # a cross hole placed along the rod keeps its place on the shank, which now starts above the head
        at = f.get("at") or {}
        if f.get("on") in ("front", "back", "left", "right") and shift:
            if at.get("kind") == "at":
                at["points"] = [[u, round(v + shift, 6)] for u, v in at["points"]]
            elif at.get("kind") == "linear":
                at["center"] = [at.get("center", [0.0, 0.0])[0], round(at.get("center", [0.0, 0.0])[1] + shift, 6)]
    return _as_shaft(out, sections)


# "turned down to 1/4" dia on the last 1/2"", "the other end is turned down to Ø5 for 10mm"
TURNED = re.compile(r"\b(?:turned|stepped|reduced|machined|necked) down to (?:a )?(?:dia\s*)?(\d+(?:-\d+/\d+)?(?:[./]\d+)*|\.\d+)"
                    r"\s*(mm|cm|\"|in\b)?\s*(?:dia(?:meter)?\s*)?(?:on|for|over|along) (?:the )?(?:last|first|end|final|bottom|top)?\s*"
                    r"(\d+(?:-\d+/\d+)?(?:[./]\d+)*|\.\d+)\s*(mm|cm|\"|in\b)?")


def _turned_down(text: str, t: str) -> Understanding | None:
    """A rod or pin with one end turned down to a smaller diameter over a length: a two-step shaft (the
    length given is overall)."""
    m = TURNED.search(t)
    both = re.match(r"\s*(?:mm|cm|in)?\s*(?:at|on)\s+(?:each|both)\s+ends?\b", t[m.end():])
    if both:
        t = t[:m.end()] + " " + t[m.end() + both.end():]
    out = _read(text, t[:m.start()] + " " + t[m.end():])
    if out.spec is None or out.spec["body"]["kind"] != "cylinder" or out.missing:
        return None
    k = _unit(t)
    d = number(m.group(1)) * (unit_mm(UNIT_WORDS[m.group(2).strip()]) if m.group(2) else k)
    ln = number(m.group(3)) * (unit_mm(UNIT_WORDS[m.group(4).strip()]) if m.group(4) else k)
    body = out.spec["body"]
    D, H = body["diameter"], body["height"]
    if not (0 < d < D and 0 < ln * (2 if both else 1) < H):
        return None
    if both:
        # "2 cm at each end turned down to 1.2 cm": a journal at each end, the middle as it was
        out.notes.append(f"Ø{d:g} for {ln:g} mm at each end of the {H:g} mm length")
        return _as_shaft(out, [{"diameter": d, "length": ln}, {"diameter": D, "length": round(H - 2 * ln, 6)},
                               {"diameter": d, "length": ln}])
    out.notes.append(f"Ø{d:g} for the last {ln:g} mm of the {H:g} mm length")
    return _as_shaft(out, [{"diameter": D, "length": round(H - ln, 6)}, {"diameter": d, "length": ln}])


def _as_shaft(out: Understanding, sections: list[dict]) -> Understanding:
    """The cylinder read becomes the stepped shaft of these sections (its features and notes kept)."""
    out.spec["body"] = {"kind": "shaft", "id": out.spec["body"]["id"], "sections": sections}
    out.body = "shaft"
    for c in out.candidates:
        c.spec, c.notes = out.spec, list(out.notes)
    return out


# the sizes in the comma clause right after a phrase ("with a flange at each end, 100 dia 10 thick")
NEXT_SIZES = re.compile(r"\s*,\s*((?:[^,;:()]|(?<=\d)\.(?=\d))*\d(?:[^,;:()]|(?<=\d)\.(?=\d))*)")


def _unit(t: str) -> float:
    """mm per bare number in this request (inches, cm or mm, as the request is written)."""
    unit = default_unit([it.num for it in tag(t).items])
    return unit_mm(unit) if unit else 1.0


def _diameter_and_length(t: str, clause: str, own: str) -> tuple[float | None, float | None]:
    """The diameter and the length (thickness) a flange, head, shoulder or collar clause gives, in mm: by their
    keywords, else the larger of two bare numbers is the diameter ("a Ø16 x 3 flange", "a 90 mm flange 8 thick");
    ``own`` is the role the clause's noun gives a bare number."""
    k = _unit(t)
    mm = [(it, it.num.value * (unit_mm(it.num.unit) if it.num.unit else k)) for it in tag(clause).items]
    d = next((v for it, v in mm if it.role in ("diameter", "size")), None)
    ln = next((v for it, v in mm if it.role in ("thickness", "height", "length", "depth", "width")), None)
    loose = [v for it, v in mm if it.role in (None, own)]
    if d is None and ln is None and len(loose) == 2:
        d, ln = max(loose), min(loose)
    elif d is not None and ln is None and len(loose) == 1:
        ln = loose[0]
    elif d is None and ln is not None and len(loose) == 1:
        d = loose[0]
    return d, ln


def _hub_on_a_bored_disc(body: dict, bd) -> dict:
    """A hub on a bored disc ("disc 100 dia with a 50 dia hub ..., 30 bore all the way thru"): a solid
    disc, the hub, then the bore cut through both (a tube's end face has no middle to stand a hub on)."""
    hubs = [f for f in bd.features if f["kind"] == "boss" and f.get("on", "top") in ("top", "bottom")]
    if body["kind"] in ("cylinder", "box", "spur_gear") and hubs:
        # "flange OD 120 with a hub Ø50 ..., 25 bore through the lot": a centre hole through the hub too
        for f in list(bd.features):
            if f["kind"] == "hole" and "depth" not in f and "on" not in f and f.get("at", {"kind": "center"}) == \
                    {"kind": "center"} and isinstance(f["size"], (int, float)) and \
                    all(f["size"] < h.get("diameter", 0) for h in hubs):
                f["on"] = {"plane": "XY", "offset": body.get("height", body.get("thickness"))}
                bd.notes.append(f"the Ø{f['size']:g} bore goes through the part and the hub")
                last = max(bd.features.index(h) for h in hubs)
                if bd.features.index(f) < last:      # cut after the hub is on, so it goes through the hub too
                    bd.features.remove(f)
                    bd.features.insert(last, f)
        return body
    if body["kind"] != "tube" or not hubs or body.get("standard"):
        return body
    disc = {"kind": "cylinder", "id": body["id"], "diameter": body["outer_diameter"], "height": body["height"]}
    if body.get("name"):
        disc["name"] = body["name"]
    bore = {"id": bd.fid("bore"), "kind": "hole", "size": body["inner_diameter"],
            "on": {"plane": "XY", "offset": body["height"]}}
    last = max(bd.features.index(h) for h in hubs)
    bd.features.insert(last + 1, bore)
    bd.notes.append(f"the Ø{body['inner_diameter']:g} bore goes through the disc and the hub")
    return disc


def unsupported_words(t: str) -> list[str]:
    """Features named and not negated ("no lid" is fine) that the spec path cannot build."""
    words = vocab().get("unsupported", [])
    out = []
    for u in re.findall(r"\bunified[a-jsnt]+", t):
        thread = unified_thread(u)
        if thread.upper() not in tables.table("unified_threads"):
            out.append(f"inch threads ({thread})")     # "7/16-14 tapped": not in the table here
    named = find("features", t) + find("bodies", t)
    for w in sorted(words, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", t):
            if any(s <= m.start() and m.end() <= e and e - s > len(w) for s, e, _, _ in named):
                continue     # "a snap ring groove": a word inside a feature's longer name is that feature
            if re.search(r"\b(?:no|without|not|nor)\s+(?:a |an |the |any )?$", t[max(0, m.start() - 16):m.start()]):
                continue
            if not t[:m.start()].strip() and re.match(r"\s*[:\-–]", t[m.end():]):
                continue     # "handle: round bar 20 dia 120 long": what the part is for, its label
            if w in ("vee pulley", "v pulley", "v-pulley", "v-belt", "v belt", "vee belt") and \
                    re.search(r"\b(?:v|vee)[- ]?grooves?\b", t):
                continue     # "V pulley 80 OD ... 40 degree vee groove 8 deep": the groove said, and built round the rim
            if w.startswith("thread") and re.search(r"\bm\d|tapped|hole", t[max(0, m.start() - 20):m.end() + 20]):
                continue     # "threaded M6 hole": a tapped hole, which the spec builds
            if w in ADDED_PARTS and not any(s < m.start() and p not in ADDED_PARTS for s, _, p, _ in find("bodies", t)):
                continue     # "I need some standoffs. Round, 8mm across ...": the standoffs are the part
            if w in ADDED_PARTS and (
                    re.search(r"\b(?:for|to take|to hold|to fit|takes|holds)\s+(?:the\s+|some\s+|my\s+)?(?:[\w.]+\s+)?$",
                              t[max(0, m.start() - 24):m.start()]) or
                    re.search(r"\b(?:the|a|my)\s+$", t[max(0, m.start() - 6):m.start()]) and re.match(
                        r"\s*(?:is|will be|comes?|goes|gets?|can be)\b[^.;]*\b(?:separate|later|separately|another|own|"
                        r"next|afterwards|printed)\b|\s+comes later\b", t[m.end():]) or
                    re.match(r"\s+(?:is|will be) (?:a )?separate\b|\s+comes later\b|\s+(?:later|separately|separate)\b", t[m.end():])):
                continue     # "holes through the floor for standoffs", "(the lid is a separate part)", "lid comes later"
            if w not in out and not any(w in o for o in out):
                out.append(w)
    return out


def _name(text: str) -> str:
    s = re.sub(r"\s+", " ", text.strip())
    return s[:77] + "..." if len(s) > 80 else s


_KNOWN: set[str] | None = None


def known_words() -> set[str]:
    global _KNOWN
    if _KNOWN is None:
        v = vocab()
        words: set[str] = set(v.get("filler", []))
        for section in ("bodies", "features", "edge_sets", "faces"):
            for phrases in v[section].values():
                for p in phrases:
                    words.update(re.findall(r"[a-z]+", p))
                    words.update(w.strip("'-") for w in re.findall(r"[a-z][a-z'-]*", p))    # "c'bore" whole
        for side in role_words().values():
            for phrases in side.values():
                for p in phrases:
                    words.update(re.findall(r"[a-z]+", p))
        words.update(re.findall(r"[a-z]+", " ".join(map(str, v["typos"].values()))))
        words.update(re.findall(r"[a-z]+", " ".join(v.get("unsupported", []))))
        words.update(["mm", "cm", "in", "inch", "inches", "millimeter", "millimeters", "millimetre", "millimetres",
                      "centimeter", "centimeters", "ft", "feet", "foot", "units", "unit", "x", "by", "m", "iso"])
        _KNOWN = words
    return _KNOWN


def unknown_words(t: str) -> list[str]:
    known = known_words()
    out = []
    for w in re.findall(r"[a-z][a-z'-]*", t):
        w = w.strip("'-")
        if "-" in w and all(part in known or len(part) < 2 for part in w.split("-")):
            continue
        if len(w) > 2 and w not in known and w.rstrip("s") not in known and w not in out and not re.fullmatch(r"m\d.*", w) \
                and not w.startswith("unified"):
            out.append(w)
    return out
