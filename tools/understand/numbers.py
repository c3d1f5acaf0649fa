"""Numbers and units in the words people type: "1/4\"", "1-1/2 inch", "2.5 cm", "nine", "zero
point two five", "Ø8", "M8", "A x B x C". Units convert through ``pint``; a bare number takes the
unit the request is written in (all inches: inches; all cm: cm; otherwise mm)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .vocab import vocab

UNIT_WORDS = {"mm": "millimeter", "millimeter": "millimeter", "millimetre": "millimeter", "millimeters": "millimeter",
              "millimetres": "millimeter", "cm": "centimeter", "centimeter": "centimeter", "centimetre": "centimeter",
              "centimeters": "centimeter", "centimetres": "centimeter", "in": "inch", "inch": "inch",
              "inches": "inch", '"': "inch", "ft": "foot", "foot": "foot", "feet": "foot", "'": "foot",
              "m": "meter", "meter": "meter", "metre": "meter", "meters": "meter", "metres": "meter",
              "thou": "mil", "mil": "mil", "units": "millimeter", "unit": "millimeter"}
SHORT = {"millimeter": "mm", "centimeter": "cm", "inch": "in", "foot": "ft", "meter": "m", "mil": "mil"}


@lru_cache(maxsize=None)
def unit_mm(unit: str) -> float:
    """How many mm one ``unit`` is, through pint (cached: the registry loads once)."""
    return float(_registry()(unit).to("millimeter").magnitude)


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


NUM = r"(?:\d+\s*-\s*\d+/\d+|\d+\s+\d+/\d+|\d+/\d+|\d*\.\d+|\d+)"
# "in" is an inch only where it cannot be the preposition ("10 mm in from the edge")
UNIT = (r"(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|met(?:er|re)s?|m(?=\s+(?:long|length|tall|high|wide)\b)|"
        r"inch(?:es)?|"
        r"in(?![a-z])(?!\s+(?:from|the|a|an|each|every|diameter|dia|length|width|height|thickness|size|total|"
        r"all|on|both|depth|radius|from|web|base|legs?|flanges?|walls\b|sides?|top|bottom|middle|cent(?:er|re)|face|"
        r"one|two|three|four|its|it|line|row|rows|line|pattern|corners?|ends?)\b)|\"|ft|feet|foot|thou|units?)(?![a-z])")
QTY = re.compile(rf"(?<![\w.#])({NUM})\s*({UNIT})?")


@dataclass
class Num:
    """A number as written: ``value`` in its own unit, ``unit`` the pint name or None (bare)."""
    value: float
    unit: str | None
    start: int
    end: int
    text: str

    def mm(self, default: float = 1.0) -> float:
        return self.value * (unit_mm(self.unit) if self.unit else default)

    @property
    def integer(self) -> bool:
        return self.unit is None and float(self.value).is_integer() and "." not in self.text    # "a 1.0 hole"


def number(text: str) -> float:
    """'1-1/2' → 1.5, '3/8' → 0.375, '.5' → 0.5."""
    t = text.strip()
    m = re.fullmatch(r"(\d+)\s*[- ]\s*(\d+)/(\d+)", t)
    if m:
        return int(m.group(1)) + float(Fraction(int(m.group(2)), int(m.group(3))))
    if "/" in t:
        a, b = t.split("/")
        return float(Fraction(int(a), int(b))) if int(b) else float(a)
    return float(t)


def _fraction_or_pair(m) -> str:
    a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if int(a) < int(b) or int(b) in (2, 4, 8, 16, 32, 64) or int(b) == 0:
        return m.group(0)
    return f"{a} / {b}"


_SPOKEN = re.compile(r"\b(zero|one|two|three|four|five|six|seven|eight|nine)\s+point((?:\s+(?:zero|one|two|three|"
                     r"four|five|six|seven|eight|nine))+)\b")
_DIGIT = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_COMPOUND = re.compile(rf"\b(?:(?:({_ONES}|a)\s+hundred)(?:\s+and)?(?:\s+({_TENS}|{_TEENS}))?(?:[\s-]+({_ONES}))?|"
                       rf"({_TENS})[\s-]+({_ONES}))\b(?![\s-]*(?:/|quarters?|halves|half|thirds?|eighths?)\b)")


def _compound(m: re.Match, words: dict) -> int:
    """A number written in words with parts: 'one hundred twenty' 120, 'twenty five' 25, 'a hundred and ten' 110."""
    if m.group(4):
        return int(words[m.group(4)]) + int(words[m.group(5)])
    n = 100 * (1 if m.group(1) == "a" else int(words[m.group(1)]))
    return n + sum(int(words[g]) for g in (m.group(2), m.group(3)) if g)


_DENOMS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "eighth": 8,
           "tenth": 10, "sixteenth": 16, "hundredth": 100, "thousandth": 1000}
_VERBAL_FRACTION = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(halve|half|third|quarter|fourth|fifth|sixth|eighth|"
    r"tenth|sixteenth|hundredth|thousandth)s?\s+(?:of\s+)?(?:an?\s+)?(units?|inch(?:es)?|met(?:er|re)s?|"
    r"millimet(?:er|re)s?|centimet(?:er|re)s?|mm|cm|foot|feet)\b")


_MIXED = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine)\s+and\s+(?:a|one)\s+(half|quarter|third)\b|"
                    r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine)\s+(inch(?:es)?|met(?:er|re)s?|foot|feet|"
                    r"centimet(?:er|re)s?|cm)\s+and\s+a\s+(half|quarter)\b")


def _mixed(m: re.Match) -> str:
    """'one and a half inches' 1.5 inches, 'an inch and a half' 1.5 inch."""
    whole, frac, unit = (m.group(1), m.group(2), "") if m.group(1) else (m.group(3), m.group(5), " " + m.group(4))
    n = int(whole) if whole.isdigit() else {"a": 1, "an": 1}.get(whole) or _DIGIT_WORDS[whole]
    return f"{round(n + 1 / _DENOMS[frac], 4):g}{unit}"


def _verbal_fraction(m: re.Match) -> str:
    """'three-quarters of an inch' 0.75 inch, 'four-tenths of a unit' 0.4 unit, 'half a metre' 0.5 metre."""
    count = {"a": 1, "an": 1, "one": 1}.get(m.group(1) or "a") or _DIGIT_WORDS[m.group(1)]
    return f"{round(count / _DENOMS[m.group(2)], 4):g} {m.group(3)}"


_DIGIT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}


UNIFIED = re.compile(r"(?<![\w/.#])(#\d{1,2}|\d{1,2}/\d{1,2})\s*-\s*(\d{2})(?:\s*-?\s*un[cf])?\b(?=[^.;]{0,30}?\b(?:tap|tapped|"
                     r"threaded|thread|threads|screws?|bolts?|clearance|holes?|helicoil|instead|standoffs?|stand-offs?|spacers?)\b|\s*[.!]*\s*$)")
# the thread said after its word: "tap them 5/16-18", "clearance for 1/4-20"
UNIFIED_AFTER = re.compile(r"(\b(?:tap|tapped|threaded|thread|clearance|helicoil)\b[^.;\d#]{0,20}?)(?<![\w/.#])"
                           r"(#\d{1,2}|\d{1,2}/\d{1,2})\s*-\s*(\d{2})(?:\s*-?\s*un[cf])?\b")
# a numbered screw written without its '#': "four 8-32 tapped holes", "10-24 clearance"
NUMBERED = re.compile(r"(?<![\w/.#-])(2-56|4-40|6-32|8-32|10-24|10-32)\b(?=[^.;]{0,30}?\b(?:tap|tapped|threaded|thread|"
                      r"threads|screws?|bolts?|clearance|holes?|helicoil)\b|\s*(?:tapped|clearance))")
_CODE = str.maketrans("0123456789/#-", "abcdefghijsnt")
_DECODE = str.maketrans("abcdefghijsnt", "0123456789/#-")


def unified_thread(token: str) -> str | None:
    """'unifiedbsetca' (a normalized request's token) → '1/4-20'."""
    m = re.fullmatch(r"unified([a-jsnt]+)", token)
    return m.group(1).translate(_DECODE) if m else None


def _grid_counts(m: re.Match) -> str:
    """'4 along the 160 side, 3 along the 120 side' as '4 x 3' (the count along the longer side first)."""
    a, sa, b, sb = int(m.group(1)), float(m.group(2)), int(m.group(3)), float(m.group(4))
    return f"{a} x {b}" if sa >= sb else f"{b} x {a}"


# "a 4mm flat 20 long at one end": a D-flat said by one size before the word, read as its depth (not a flat bar)
FLAT_BY_ONE_SIZE = re.compile(r"\b(a|an|one|with)\s+([\d.]+)\s*(mm\s+)?flat\b(?!\s+(?:bar|plate|sheet|stock|head|end|face|"
                              r"washer|top|bottom))", re.I)


def normalize(text: str) -> str:
    """Lower case, symbols and typos fixed, number words as digits."""
    t = text.lower()
    # "two 1/4-20 tapped holes", "#10-32": an inch thread, kept whole as one word (its numbers are no sizes)
    t = NUMBERED.sub(r"#\1", t)
    # "od100 thk10", "len50": a size keyword run into its number
    t = re.sub(r"\b(thk|thks|thck|od|id|len|lg|wd|pcd|bcd|dia)(?=\d)", r"\1 ", t)
    t = UNIFIED.sub(lambda m: " unified" + f"{m.group(1)}-{m.group(2)}".translate(_CODE) + " ", t)
    t = UNIFIED_AFTER.sub(lambda m: m.group(1) + " unified" + f"{m.group(2)}-{m.group(3)}".translate(_CODE) + " ", t)
    t = (t.replace("×", " x ").replace("″", '"').replace("”", '"').replace("“", '"').replace("’", "'")
         .replace("→", " to ").replace("@", " at ").replace("⌀", " dia ").replace("ø", " dia ").replace("°", " deg ").replace("–", "-").replace("²", ""))
    # drawing symbols: "⌴ Ø11 ↧ 6.5" (counterbore Ø11, 6.5 deep), "⌵ Ø12 x 90°" (countersink), "∅" for "Ø"
    t = re.sub(r"↧\s*(\d*\.?\d+(?:\s*mm)?)", r" x \1 deep ", t.replace("⌴", ", cbore ").replace("⌵", ", csk ")
               .replace("∅", " dia "))
    # a drawing's hole callout: "4-Ø6.6" (four of them), "THRU / Ø11 C'BORE", "THRU C/BORE Ø11", "CB Ø11": the through
    # hole, then its counterbore (or countersink) as its own clause
    t = re.sub(r"\b(\d+)\s*-\s*(?=dia\s*\d)|\((\d+)\)\s*(?=dia\s*\d)", lambda m: f"{m.group(1) or m.group(2)}x ", t)
    t = re.sub(r"\bcb\b(?=\s*(?:dia\s*)?\d)", "cbore", t)
    t = re.sub(r"\b(thru|through)(\s+all)?\s*(?:/\s*|\s(?=\s*(?:c/bored?|c'bored?|cbored?|counterbored?|c/b|csk|csink|"
               r"countersunk|countersink|c'sink)\b))", r"\1\2, ", t)
    # "4X Ø8 THRU, CBORE Ø14 x 6 DP on 90x50": the rectangle the holes sit on, said after their counterbore, is the holes'
    t = re.sub(r"\b(thru|through)(\s+all)?,\s*((?:c/bored?|c'bored?|cbored?|counterbored?|c/b|csk|csink|countersunk|countersink|"
               r"c'sink)\s*dia\s*\d*\.?\d+(?:\s*mm)?(?:\s*(?:x\s*)?\d*\.?\d+(?:\s*mm)?\s*(?:deep|dp)\b|\s*x\s*\d+\s*deg\b)?)"
               r"\s+((?:on|at)\s+(?:an?\s+|the\s+)?\d*\.?\d+(?:\s*mm)?\s*(?:x|by)\s*\d*\.?\d+(?:\s*mm)?"
               r"(?:\s+(?:(?:bolt|hole|mounting)\s+)?(?:pattern|grid|rectangle|square|cent(?:er|re)s))?)(?=\s*(?:[,;.]|$))",
               r"\1\2 \4, \3", t)
    # "4x Ø9 cbore Ø15 x 8 deep holes": the hole noun said after the counterbore's sizes is the holes' (one hole, not two)
    t = re.sub(r"(dia\s*\d*\.?\d+(?:\s*mm)?)\s+((?:c'?bored?|counterbored?|csk|csink|countersunk|countersink)\s*dia\s*"
               r"\d*\.?\d+(?:\s*mm)?(?:\s*(?:x\s*)?\d*\.?\d+(?:\s*mm)?\s*(?:deep|dp)|\s*x\s*\d+\s*deg)?)\s+(holes?)\b",
               r"\1 \3 \2", t)
    # "2X Ø9 CBORE Ø15 x 8 DP": the hole's diameter, then its counterbore with its own diameter (THRU left out)
    t = re.sub(r"(dia\s*\d*\.?\d+(?:\s*mm)?)\s+(?=(?:c/bored?|c'bored?|cbored?|counterbored?|counterbore|c/b|csk|csink|"
               r"countersunk|countersink|c'sink|spot ?face)\s*dia\s*\d)", r"\1, ", t)     # (never "Ø11 C'BORE 6.5 DP": its own)
    t = re.sub(r"(\d),(\d{3})\b", r"\1\2", t)
    # a decimal comma after a diameter sign: "ø6,5", "ø6,35" (a thousands comma was taken above; one before a size word
    # is read below)
    t = re.sub(r"(\bdia\s*\d+),(\d{1,2})\b(?![,\d])", r"\1.\2", t)
    # "7 mm across the flat" (a D shaft or hole): across flats ("20 across the flat top" of a cone stays a diameter)
    t = re.sub(r"\bacross\s+the\s+flat\b(?!\s*(?:top|face|end|side|bottom|surface|part|base))", "across flats", t)
    # drawing notes: "R5 TYP", "(4 PL)", "2 PLCS": how often a size repeats on the print, never a size or a count
    t = re.sub(r"\(\s*\d+\s*(?:pl|plcs|places)\.?\s*\)|\b\d+\s*(?:pl|plcs)\b\.?|\btyp(?:ical)?\b\.?", " ", t)
    t = re.sub(r"(\d)\s*r\s+(?=(?:outside |outer |vertical )?corners?\b)", r"\1 radius ", t)   # ".50 R corners"
    # "angle 40x40x4 ... 2 holes 5.5mm in each flange": an angle's or a channel's flanges are its legs (no flange part)
    if re.search(r"\b(?:angle|channel|[lu][- ]?(?:bracket|shape|section|profile))\b", t):
        t = re.sub(r"\b(in|on|through|into) (each|both|either|the|one|a) flange(s?)\b", r"\1 \2 leg\3", t)
    # "80 long legs", "50mm each leg", "each leg is 50": both legs that long
    t = re.sub(r"(?<![\d./])(\d*\.?\d+\s*(?:mm|cm|\")?)\s*(?:long\s+)?(?:on\s+|for\s+)?(?:each|both|every)\s+legs?\b"
               r"(?!\s*(?:is|are|=|:)?\s*\d)", r"legs \1", t)
    t = re.sub(r"(?<![\d./])(\d*\.?\d+\s*(?:mm|cm|\")?)\s*long\s+legs\b", r"legs \1", t)
    t = re.sub(r"(?<![a-z] )\b(?:each|every)\s+leg\s*(?:is\s+|=\s*|:\s*|of\s+)?(?=\d|\.\d)", "legs ", t)
    t = re.sub(r"\b90\s*-?\s*(?:deg(?:ree)?s?|°)\s+(bracket|angle)\b", r"right-angle \1", t)    # no size: its bend
    # "tube 2\" OD x 1/8\" wall x 6\"": after the wall, the length
    t = re.sub(r"\b(wall|walls|wall thickness|thk)\s+x\s+(?=[\d.])", r"\1, length ", t)
    # "bracket: L 60 x 40 x 5", "bracket, U 50x30x3": the letter names the bracket's section
    t = re.sub(r"\b(bracket|profile|section|angle|channel)\s*[:,\-]?\s*([lut])\s+(?=[\d.])", r"\2 \1 ", t)
    # "Ø20 H7 bore", "Ø12h6 pin": an ISO fit's tolerance class, not a size (the nominal size is modelled)
    t = re.sub(r"(?<=\d)(\s*)(?:h|g|f|e|js|k|n|p)(?:[5-9]|1[01])\b(?!\s*(?:mm|deep|long|wide|thick|holes?)\b)", r"\1", t)
    # "a 6061 aluminium block", "316 stainless": an alloy's grade, not a size
    t = re.sub(r"\b(?:1018|1045|2024|4140|5052|5083|6060|6061|6063|6082|7075|303|304|316)(?:-?t\d+)?\s+"
               r"(?=alu|ali\b|steel|stainless|ss\b|s/s)", "", t)
    # "6061 plate 150 x 100 x 12": a four-digit grade before the stock's name (no part is 6 m thick)
    t = re.sub(r"\b(?:1018|1045|2024|4140|5052|5083|6060|6061|6063|6082|7075)(?:-?t\d+)?\s+(?=(?:plate|bar|block|sheet|"
               r"stock|flat|rod|tube|angle|channel)\b)", "", t)
    t = re.sub(r"\b[23]-?d\b", " ", t)
    t = re.sub(r"#\s*(\d+)", r"#\1", t)
    t = re.sub(r"\bnema\s*(\d+)", r"nema \1", t)                          # "2D sketch", "3-d object": no numbers
    t = re.sub(r"(\d)\s*''", r'\1"', t)
    # "a blind hole in the middle for an 8 mm rod": the hole is the rod's size (when nothing else sizes it)
    t = re.sub(r"\b(holes?|bores?|pockets?|recess|sockets?)\b([^.,;\d]{0,40}?)\bfor (?:an? |the |each |two |2 )?"
               r"([ø⌀]?\s*\d[\d./]*\s*(?:mm|cm|in|inch|\")?)\s*(?:dia(?:meter)?\s+)?(rods?|pins?|dowels?|shafts?|axles?|"
               r"magnets?|tubes?|pipes?|pegs?|spindles?)\b",
               lambda m: m.group(0) if re.search(r"\d\s*(?:mm|cm|\"|in)?\s*(?:dia\w*\s+)?(?:\w+\s+)?$",
                                                t[max(0, m.start() - 14):m.start()])
               else f"{m.group(1)}{m.group(2)} {m.group(3).strip()} dia", t)
    # "a step milled along one long edge, 15 wide and 10 deep": the step's sizes, said after its edge
    t = re.sub(r"\b(rebate|rabbet|step milled|milled step|step cut|step)\b([^,.;]*?\bedges?)\s*[,:-]\s*((?:[\d.]+\s*(?:mm\s*)?"
               r"(?:wide|deep|high)\s*(?:and|,|x|by)?\s*){2})", r"\1 \3\2", t)
    # "4 along the 160 side, 3 along the 120 side": a grid's counts, the one along the longer side first
    t = re.sub(r"\b(\d+)\s+(?:holes?\s+)?(?:along|on|down|across)\s+the\s+(\d*\.?\d+)\s*(?:mm\s*)?(?:side|edge|length|way|"
               r"direction|dimension)\s*(?:,|and|&|;)?\s*(?:and\s+)?(\d+)\s+(?:holes?\s+)?(?:along|on|down|across)\s+the\s+"
               r"(\d*\.?\d+)\s*(?:mm\s*)?(?:side|edge|length|way|direction|dimension)\b", _grid_counts, t)
    # "an 8 cross hole": one hole, 8 across (not eight of them)
    t = re.sub(r"\b(an?|one|single)\s+(\d*\.?\d+)\s+((?:cross|through|thru|blind|radial|drilled)\s+)?(hole|bore)\b"
               r"(?![- ]?(?:flange|plate|disc|disk|pattern|circle|pcd|bolt|bracket|mount|block|hub|cover|bar|strip|wheel|coupling|"
               r"adapter|ring|part)s?\b)", r"\1 \2 dia \3\4", t)      # ('a 4 hole flange': four holes)
    # "15 from right end": from the right end
    t = re.sub(r"\bfrom (left|right|top|bottom|front|back) (end|edge|side|face)\b", r"from the \1 \2", t)
    # "tapped M8 both ends": M8 tapped, the size before the word as everywhere else
    t = re.sub(r"\b(tapped|threaded)\s+(m\d+(?:\.\d+)?)\b(?!\s*(?:x\s*)?\d)", r"\2 \1", t)
    # "with 2 cm at each end turned down to 1.2 cm": turned down to 1.2 cm for 2 cm at each end
    t = re.sub(r"\bwith\s+(\d*\.?\d+\s*(?:mm|cm|\"|in\b)?)\s+(?:at|on)\s+(each|both)\s+ends?\s+((?:turned|stepped|reduced|"
               r"machined|necked)\s+down\s+to\s+(?:a\s+)?(?:dia\s*)?\d*\.?\d+\s*(?:mm|cm|\"|in\b)?)",
               r"\3 for \1 at \2 end", t)
    # "15 FROM RH END": the right-hand end (drawing shorthand)
    t = re.sub(r"\b(?:rh|r\.h\.|right[- ]hand)\s+(end|side|edge|face)\b", r"right \1", t)
    t = re.sub(r"\b(?:lh|l\.h\.|left[- ]hand)\s+(end|side|edge|face)\b", r"left \1", t)
    # "depth of hole is 10mm", "the length of the slot should be 40": the feature's size, said the other way round
    t = re.sub(r"\b(depth|length|width|diameter|thickness|height) of (?:the |that |this |each |every )?"
               r"(hole|holes|pocket|slot|slots|boss|bore|counterbore|keyway|groove|step|recess|hub|flange|leg|legs|wall|"
               r"walls|base|plate|chamfer|fillet)\s+(?:is|are|=|:|should be|will be|of|to be|must be)\s+(?=[ø⌀]?[\d.])",
               r"\2 \1 ", t)
    t = re.sub(r"\ball round\b", "all around", t)        # "a chamfer all round the top": not a fillet
    # "the hole ..., creating a hollow space": the hole said again, not a shell
    t = re.sub(r"\b(creating|forming|leaving|resulting in|which creates|that creates) (a|an) hollow "
               r"(section|space|center|centre|interior|core|area|region|cavity|channel|passage)", r"\1 \2 void \3", t)
    # "20/10.5 spacer", "12.5/8 tube": a decimal on either side of the slash is a pair, never a fraction
    t = re.sub(r"(?<![\d./])(\d+\.\d+|\d+)/(\d+\.\d+)(?![\d./])|(?<![\d./])(\d+\.\d+)/(\d+(?:\.\d+)?)(?![\d./])",
               lambda m: f"{m.group(1) or m.group(3)} / {m.group(2) or m.group(4)}", t)
    # "30/20 tube": outside over inside, not a fraction (a fraction is less than one, or over 2, 4, ... 64)
    t = re.sub(r"(?<![\d.\-\s])(?<!\d )(\d+)/(\d+)(?![\d.])|(?<=[\s(])(\d+)/(\d+)(?![\d.])",
               lambda m: _fraction_or_pair(m), t)
    t = _SPOKEN.sub(lambda m: _DIGIT[m.group(1)] + "." + "".join(_DIGIT[w] for w in m.group(2).split()), t)
    t = _VERBAL_FRACTION.sub(_verbal_fraction, _MIXED.sub(_mixed, t))
    v = vocab()
    # "1/4 thick sides, 3/8 thick floor": the walls' and the floor's thickness said before them
    # ("5 thick base and walls": both, said once)
    t = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?|\.\d+)(\s*(?:mm|cm|in|inch(?:es)?|\"))?\s*(?:thick|thk)\s+"
               r"((?:base|floor|bottom)\s+(?:and|&)\s+(?:side\s+)?(?:walls|sides)|(?:side\s+)?(?:walls|sides)\s+(?:and|&)\s+"
               r"(?:base|floor|bottom))\b", lambda m: f"{m.group(3)} {m.group(1)}{m.group(2) or ''} thick", t)
    t = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?|\.\d+)(\s*(?:mm|cm|in|inch(?:es)?|\"))?\s*(?:thick|thk)\s+"
               r"((?:side\s+)?walls|sides|side walls|floor|bottom|base)\b(?!\s+(?:and|&)\s+(?:side\s+)?(?:walls|sides|floor|"
               r"bottom|base)\b)",
               lambda m: f"{'walls' if m.group(3) == 'sides' else m.group(3)} {m.group(1)}{m.group(2) or ''} thick", t)
    # "round the joint between stem and base": where the one meets the other
    t = re.sub(r"\bthe\s+(?:joint|junction|transition|intersection|inside corner)\s+(?:between|of)\s+(?:the\s+)?(\w+)\s+and\s+"
               r"(?:the\s+)?(\w+)\b", r"where the \1 meets the \2", t)
    t = re.sub(r"\b(?:round|fillet|radius)\s+(where the \w+ meets the \w+)\s*,?\s+(?:with\s+|to\s+|at\s+)?(?:an?\s+)?"
               r"(\d*\.?\d+\s*(?:mm)?)\s*(?:radius|rad|fillet|r)\b", r"\2 fillet \1", t)
    # "a washer for an M10 bolt, 2 thick, 22 outside": its outside diameter (on a round part; was dropped unsaid)
    if re.search(r"\b(?:washers?|spacers?|tubes?|tubing|pipes?|rings?|bushings?|bush|sleeves?|collars?|discs?|disks?|"
                 r"cylinders?|pucks?|rods?|shafts?|bosses|boss|hubs?|flanges?)\b", t) and not re.search(
                     r"\b(?:square|rect\w*|box|hex\w*|plate|block)\b", t):     # ("square tube 40 outside": its side)
        t = re.sub(r"(?<![\w.])(\d*\.?\d+(?:\s*(?:mm|cm|in|\"))?)\s+outside\b(?!\s*(?:dims?|dimensions?|sizes?|measure\w*|"
                   r"corners?|edges?|of|walls?|faces?|length|width|height))", r"\1 od", t)
    # "25 mm between holes", "25 hole to hole", "with 25 mm between each hole", "25 mm from each other", "on a 25 mm
    # grid": the holes' spacing (the 25 was dropped and a 10 mm spacing assumed)
    t = re.sub(r"(?<![\w.])(\d*\.?\d+)(\s*(?:mm|cm|in|\"))?\s+(?:between\s+(?:the\s+|each\s+|adjacent\s+|neighbouring\s+|"
               r"neighboring\s+)?(?:holes?|ones?|centres|centers)|between\s+(?:them|the\s+two|both)|"
               r"(?:hole|centre|center)\s+to\s+(?:hole|centre|center)|"
               r"from\s+(?:each\s+other|one\s+another))\b",
               lambda m: m.group(0) if re.search(r"\bdistance\s+(?:of\s+)?$", t[:m.start()]) else f"{m.group(1)}{m.group(2) or ''} apart",
               t)       # ("in distance 60 between them": read below)
    t = re.sub(r"\bon\s+an?\s+(\d*\.?\d+)(\s*(?:mm|cm|in|\"))?\s+(?:square\s+)?grid\b", r"\1\2 apart", t)
    # "6x 8mm holes around on 80 diameter": the circle the holes sit on (the 80 was unread)
    t = re.sub(r"(\bholes?\b[^.;]*?)\b(?:(?:a)?round\s+)?on\s+(?:an?\s+|the\s+)?(\d*\.?\d+)(\s*mm)?\s*(?:dia(?:meter)?)\b"
               r"(?!\s*(?:holes?|bosses?|boss|pins?|hub|bore|rod|shaft|bar|tube|disc|disk|cylinder|plate))",
               r"\1on a \2\3 pcd", t)
    # "drill a 10 mm hole through it sideways", "a hole crosswise": through the side (it went down the axis, the word
    # not understood and the part marked ok)
    t = re.sub(r"\b(?:(?:through|thru)\s+(?:it|the\s+part|the\s+(?:rod|shaft|cylinder|pin|bar))\s+)?(?:sideways|side-ways|"
               r"crosswise|cross-wise|transversely)\b", "through the side", t)
    # "20 above the bottom edge", "10 below the top edge": that far from the edge (the 20 was dropped)
    t = re.sub(r"(\d)(\s*(?:mm|\"|in|cm)?)\s+(?:above|up from)\s+the\s+bottom\s+edge\b", r"\1\2 from the bottom edge", t)
    t = re.sub(r"(\d)(\s*(?:mm|\"|in|cm)?)\s+(?:below|down from)\s+the\s+top\s+edge\b", r"\1\2 from the top edge", t)
    # "a Ø10 hole across it through the curved side": a round part's side (the word 'curved' unread, the hole axial)
    t = re.sub(r"\b(through|thru|into|in|on)\s+the\s+(?:curved|round(?:ed)?|cylindrical|outer|outside)\s+(?:side|surface|face|wall)\b",
               r"\1 the side", t)
    # "three-bolt flange", "six-hole pattern": the count word said as a word of its own
    t = re.sub(r"\b(two|three|four|five|six|seven|eight|nine|ten|twelve)-(bolt|hole|stud|screw)\b", r"\1 \2", t)
    t = _words(t, v["typos"])
    t = re.sub(r"\bone (?=(?:(?:long|short|square|flat|round|outer|outside|inner|side|end)\s+)?(?:end|side|face|edge|leg|"
               r"corner|wall|of)\b)", "a ", t)
    # "one 1/4 inch hole": a number word before a fraction is a count, not a mixed number
    t = re.sub(r"\b(" + "|".join(map(re.escape, v["numbers"])) + r") (?=\d+/\d+)", r"\1 of ", t)
    # "4 3/8 holes": four holes 3/8 across, not 4.375 ("4 3/8 inch long" stays a mixed number)
    t = re.sub(r"\b(\d{1,2}) (?=\d+/\d+\s*(?:\"|in(?:ch(?:es)?)?|mm)?\s*(?:dia(?:meter)?\s*)?(?:holes|bolts|screws)\b)",
               r"\1 of ", t)
    # "three faces are drawn, each a loop of four lines": how many sketch entities, never a size (a fillet took the 3)
    t = re.sub(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?=(?:(?:closed|straight|curved|"
               r"rectangular|circular|separate|distinct)\s+)?(?:faces|lines|line segments|segments|loops|arcs|curves|"
               r"sketches|surfaces|steps|stages|operations|extrusions)\b)", "", t)
    t = _COMPOUND.sub(lambda m: str(_compound(m, v["numbers"])), t)     # "one hundred twenty", "twenty five"
    t = _words(t, {k: str(n) for k, n in v["numbers"].items()})
    t = re.sub(r"(\d)\s*x\s*(?=[\d.])", r"\1 x ", t)          # 20x20x2 → 20 x 20 x 2
    t = re.sub(r"\((\d{1,2})\)\s*(?=[\d.])", r"\1 x ", t)       # "(4) .201 dia thru": four of them
    # "two .257 thru", "4 x .201 dia thru": holes said by their size alone, the machinist's way
    # (not a slot's or a window's size: "a slot 30 x 8 through the middle")
    t = re.sub(r"\b(\d{1,2}(?:\s*x)?\s+\.?\d[\d./]*\s*(?:mm\s*|\"\s*|in\s+)?(?:dia\s+)?)(thru|through)\b(?!\s*(?:holes?|bores?))",
               lambda m: m.group(0) if re.search(r"\b(?:slots?|pockets?|windows?|cut-?outs?|recess(?:es)?|grooves?|keyways?|"
                                                 r"openings?)\s*$", t[:m.start()]) else f"{m.group(1)}holes {m.group(2)}", t)
    t = re.sub(r"\b\d{1,2}\s*x\s*(?=r\s*\d)", "", t)       # "4x R10 corners": how many corners, not a size
    # "with R5 vertical corners": a radius said of an edge set is a fillet on it
    t = re.sub(r"\br\s*(\d[\d.]*)\s+(?=(?:on\s+)?(?:the\s+|all\s+)*(?:\d\s+)?(?:vertical|outside|outer|upright|top|"
               r"bottom|side)?\s*(?:corners|edges)\b)", r"fillet r \1 ", t)
    if re.search(r"\bgears?\b", t):
        t = re.sub(r"\b(\d+)\s*t\b", r"\1 teeth", t)             # "30T gear"
    t = re.sub(r"(?<=[a-z])(\d)", r" \1", t)                  # r5 → r 5, m8 stays below
    t = re.sub(r"\bm (\d)", r"m\1", t)
    # "make the length 110, not 100": the size said, the one it replaces dropped
    t = re.sub(r"(?<=\d)(\s*(?:mm|cm|\"|in)?)\s*,?\s*(?:and\s+)?not\s+\d*\.?\d+(?:\s*(?:mm|cm|\"|in))?\b(?!\s*(?:x|by)\b)", r"\1", t)
    # "x 50 -- sorry, 40 -- so": a bare number corrected between dashes, the new one kept
    t = re.sub(r"(?<![\w.])\d*\.?\d+\s*(?:--|–|—|-)\s*(?:sorry|oops|no|i mean|i meant|make that|correction)[,:]?\s*"
               r"(\d*\.?\d+)\s*(?:--|–|—)", r"\1", t)
    # "plate 90 by 50, no wait, 90 by 60", "Ø10x25 - no wait, Ø10x20": a whole size group corrected, the second kept
    t = PAIR_CORRECTED.sub(r"\2", t)
    # "block 50 x 40 x 30 - sorry, 45 wide": the size its word names corrected (not the last one written)
    t = TRIPLE_CORRECTED.sub(_triple_corrected, t)
    # "disc 100 dia 10 thick, sorry, 120 dia": the size its word names corrected (not the thickness written last)
    t = _keyed_fix(t)[0]
    # "40 wide, no make that 45", "80 long - no wait, make that 90 -": the size corrected in the same breath
    t = CORRECTED.sub(lambda m: f"{m.group(4)}{m.group(5) or m.group(2) or ''}{m.group(3) or ''}", t)
    # "4x M5 clearance": four clearance holes for M5 screws, the word "holes" left out
    # "4 M10 clearance (11) holes", "#8 clearance (.170)": the size in brackets is the holes' own
    t = re.sub(r"(?<![\w#])(m\d+(?:\.\d+)?|#\d+)\s+(clearance|tapped|tap|threaded)\s*(?:holes?\s*|bores?\s*)?\(\s*(\d*\.?\d+)\s*"
               r"(mm|\")?\s*\)(?:\s*(?:holes?|bores?)\b)?", r"\1 \2 holes dia \3\4", t)
    t = re.sub(r"\b(\d+)\s*(?:x\s*)?(m\d+(?:\.\d+)?|#\d+)\s+(clearance|tapped|tap|threaded)\b(?!\s*(?:\([^)]*\)\s*)?(?:holes?|bores?))",
               r"\1 \2 \3 holes", t)       # ("two #8 clearance (.170)": two clearance holes for #8 screws)
    # "shaft ..., flat 2 mm deep 25 long": a D-flat said by its depth right after the word (not a flat plate or head)
    if re.search(r"\b(?:shafts?|pins?|rods?|axles?|spindles?|cylinders?|dowels?|round bar)\b", t):
        t = re.sub(r"\bflat(?=\s+[\d.]+\s*(?:mm\s*)?deep\b)", "d-flat", t)
        # "a 4mm flat 20 long at one end": a D-flat said by its depth before the word (not a flat bar)
        t = FLAT_BY_ONE_SIZE.sub(r"\1 d-flat \2 \3deep", t)
    # "Pocket 1: 40 x 30 ... Pocket 2: round, Ø25": numbered labels of features listed one by one (not sizes)
    labels = re.findall(r"\b(pocket|hole|slot|boss|bore|cut ?out|feature|step|rib)s?\s+#?(\d)\s*[:.)-]\s", t)
    for noun in {n for n, _ in labels}:
        if {d for n, d in labels if n == noun} >= {"1", "2"}:
            t = re.sub(rf"\b({noun}s?)\s+#?\d\s*([:.)-])(?=\s)", r"\1\2", t)
    # "spacer Ø16 / Ø8.4 x 12 long": outside and inside diameters written as a fraction of two
    t = re.sub(r"\bdia\s*(\d*\.?\d+)\s*/\s*(?:dia\s*)?(\d*\.?\d+)\b(?!\s*/)(\s*x\s*)?",
               lambda m: f"od {m.group(1)}, id {m.group(2)}{', ' if m.group(3) else ''}"
               if float(m.group(1)) > float(m.group(2)) else m.group(0), t)
    # "4x c/bore M5 at the corners": four counterbored holes for M5 screws, the word "holes" left out
    t = re.sub(r"\b([2-9]|\d\d)\s*x?\s*(?:c/bores?|c'bores?|cbores?|counterbores?|c/b|c-bores?)\b(?=\s+(?:m\d|#\d|for\b))",
               r"\1 counterbored holes", t)
    t = re.sub(r"\b([2-9]|\d\d)\s*x?\s*(?:c/sinks?|csks?|countersinks?|c-sinks?)\b(?=\s+(?:m\d|#\d|for\b))",
               r"\1 countersunk holes", t)
    # "3 mm holes, 5 mm pitch, 12 x 10 of them": a 12 x 10 grid
    t = re.sub(r"\b(\d+)\s*(?:x|by)\s*(\d+)\s+of them\b", r"\1 x \2 grid", t)
    # "a grid of Ø8 holes, 7 across by 3 down": a 7 x 3 grid
    t = re.sub(r"\b(\d+)\s+(?:across|along|in each row)\s*(?:,\s*)?(?:by|x|and|&)\s+(\d+)\s+(?:down|up|rows)\b",
               r"\1 x \2 grid", t)      # ("4 across and 2 down")
    t = re.sub(r"\boal\b", "overall", t)        # "Ø20 x 80 OAL": overall length
    # "a ball bearing seat", "ball joint", "ball screw": what the part holds, not a ball
    t = re.sub(r"\bball[- ](bearings?|joints?|screws?|valves?|ends?|studs?|transfer)\b", r"\1", t)
    # "M6-1.0 tapped", "M8 x 1.25": an ISO thread's pitch (the hole is sized by the thread; the pitch is no size)
    t = re.sub(r"\b(m\d+(?:\.\d+)?)\s*[-x×]\s*(?:0\.[2-9]\d?|[1-3]\.\d\d?)\b(?!\s*(?:mm\s*)?(?:long|deep|lg|x\b))", r"\1", t)
    # "collar 30 OD 15 bore 10 wide with M5 set screw": its tapped hole (the screw is not modelled, its hole is)
    t = re.sub(r"\b(m\d+(?:\.\d+)?\s*(?:x\s*[\d.]+\s*)?(?:set|grub)[- ]?screw)s?\b(?!\s*(?:holes?|tapped|threaded|hole's))",
               r"\1 hole", t)
    # "4 holes 5mm through one wall" (of a tube): through one side (the wall is no shell, and its number the holes')
    t = re.sub(r"\b(holes?\b[^,.;]*?)\bthrough (?:one|1|a|a single|just one|only one|the near) (?:side )?wall\b",
               r"\1through one side", t)
    # "L 60x40x4, 80 long": an L section written the steel table's way (not "L=120", a length)
    t = re.sub(r"(?:^|(?<=\ban )|(?<=\ba )|(?<=[:,;]\s))([lut])\s+(?=\d*\.?\d+\s*x\s*\d*\.?\d+\s*x\s*\d)",
               lambda m: {"l": "l angle ", "u": "u channel ", "t": "t section "}[m.group(1)], t)
    # "slot width 1,2 cm": a decimal comma (one digit after it, a unit right after)
    t = re.sub(r"(?<![\d.,])(\d+),(\d)\s*(cm|mm|thru|through|deep|dia|diameter|wide|long|thick|tall|high)\b", r"\1.\2 \3", t)
    # ("6,6 thru, cbore 11 dia, 6,5 deep": the same, a size word right after)
    # "M4 thread both ends 8 deep", "M5 threads 10 deep each end": an internal thread, a tapped hole (not a male thread)
    t = re.sub(r"(?<![\w#])(m\d+(?:\.\d+)?)\s+(?:internal\s+|female\s+)?threads?\b(?=\s*(?:(?:in|at|on|into)\s+)?(?:both|each|either)\s+"
               r"ends?\b|\s*(?:x\s*)?\d*\.?\d+\s*(?:mm\s*)?deep\b)", r"\1 tapped holes", t)
    t = re.sub(r"(?<![\w#])(m\d+(?:\.\d+)?)\s+female\s+threads?\b", r"\1 tapped hole", t)   # "M3 female thread": a tapped hole
    # "6 bolts M16 on pcd 170", "4x M10 bolts on a 120 PCD": clearance holes for the bolts
    t = re.sub(r"\b(\d+)\s*(?:x\s*)?(?:bolts?\s+(m\d+(?:\.\d+)?)|(m\d+(?:\.\d+)?)\s+bolts?)\b(?!\s*(?:holes?|clearance|tapped))",
               lambda m: f"{m.group(1)} {m.group(2) or m.group(3)} clearance holes", t)
    # "blk 50 sq x 20, M8 clearance thru ctr": one hole by its screw, the word "hole" left out (not after "holes")
    t = re.sub(r"(?<![\w#])(m\d+(?:\.\d+)?|#\d+)\s+(clearance|tapped)\b(?!\s*(?:\([^)]*\)\s*)?(?:holes?|bores?|for|hole|"
               r"counterbore|countersink|c'?bore|csk)\b)",
               lambda m: m.group(0) if re.search(r"\b(?:holes?|bores?|counterbored|countersunk|c'?bored|csk|tapped|"
                                                 r"threaded)\b[^.;,]*$", t[max(0, m.start() - 40):m.start()])
               else f"{m.group(1)} {m.group(2)} hole", t)
    # "10 x 10 holes of 4 mm": a grid of holes, sized after (not four of them 10 across)
    t = re.sub(r"\b(\d+)\s*x\s*(\d+)\s+holes\s+(?=(?:of|at|each)\s+(?:dia\s*)?\d*\.?\d+\s*(?:mm|\"|in\b)?\s*(?:dia\w*\s*)?"
               r"(?!\s*(?:pitch|apart|spacing|cent)))", r"\1 x \2 grid of holes ", t)
    # "6x Ø8 on PCD 70", "4x Ø9 thru": counted holes written by their diameter only
    t = re.sub(r"\b(\d+)\s*x\s*dia\s*(\d*\.?\d+)(\s*mm)?(?![\d.])(\s+(?:thru|through)(?=\s+holes?\b)\s+holes?\b)?"
               r"(?!\s*(?:mm\s*)?(?:holes?|bores?|x\b))", lambda m: f"{m.group(1)} holes dia {m.group(2)}{m.group(3) or ''}"
               + (" through" if m.group(4) else ""), t)     # ("4 x Ø9 thru holes": the noun said once)
    # "hole pattern 90 x 50, 4 x Ø9 thru": the pattern named first, then the holes on it (one set of holes, not two)
    t = re.sub(r"\b(?:bolt|hole|mounting|screw|fixing)\s+pattern\s+(?:of\s+|is\s+)?(\d*\.?\d+)((?:\s*mm)?)\s*x\s*(\d*\.?\d+"
               r"(?:\s*mm)?)\s*(?:,|:|-|with|of)?\s*(\d+\s+holes\s+dia\s*\d*\.?\d+(?:\s*mm)?(?:\s+(?:through|thru)\b)?)",
               r"\4 on a \1\2 x \3 pattern", t)
    t = re.sub(r"\b(\d+)\s*x\s*(dia\s*\d*\.?\d+(?:\s*mm)?\s*(?:holes?|bores?))", r"\1 \2", t)    # "4 x Ø6.5 holes"
    # "6 x 14 holes on 120 pcd": six holes of 14 (not a 6 x 14 size); never the last of a part's sizes ("100 x 6 x 4 holes")
    # (a small whole second number is a grid: "3 x 2 holes")
    # "3 holes dia 6.6 equally spaced on dia 70": the circle they are on (the 70 was a second hole size)
    t = re.sub(r"(\bholes?\b(?:[^.;:]|\.(?=\d)){0,40}?\b(?:on|around|round)\s+)(?:an?\s+|the\s+)?(?:dia\.?\s*|ø\s*)(\d*\.?\d+)(?![\d.])(\s*mm)?"
               r"(?!\s*(?:mm\s*)?(?:boss|hub|shaft|rod|bar|pipe|tube|disc|plate|part|spigot|section|step|flange|pcd|bcd|"
               r"circle|bolt|pitch)\b)", r"\1a \2\3 pcd", t)
    # (written "6 holes dia 14": "6 14 holes" read the 14 as the count)
    t = re.sub(r"(?<![x\d.]\s)(?<![x\d.])\b([1-9]\d?)\s*x\s*(?:((?:\d*\.\d+|[1-9]\d+))(\s*mm)?|(\d+)(\s*mm))\s+(holes?|bores?)\b",
               lambda m: f"{m.group(1)} {m.group(6)} dia {m.group(2) or m.group(4)}{m.group(3) or m.group(5) or ''}", t)
    # "one each side", "one at either end": one per side, not a size of 1
    t = re.sub(r"\b(?:one|1) (?:on |at )?(each|either|both) (sides?|ends?)\b", r"\1 \2", t)
    # "four .201 dia thru", "2 6.5 dia through": counted holes written the drawing's way, the word "holes" left out
    t = re.sub(r"\b(\d+)\s+(\d*\.\d+|\d+/\d+|\d+)(\s*(?:mm|\"))?\s*dia(?:meter)?\s+(thru|through)\b(?!\s+(?:holes?|bores?))",
               r"\1 holes \2\3 dia \4", t)
    # "6x 9mm on a 100 BC": six holes of 9 mm, the word "holes" left out
    t = re.sub(r"\b(\d+)\s*x\s*(\d*\.?\d+)\s*(mm|\")\s+(?=on (?:an? |the )?[\d.]+\s*(?:mm\s*)?(?:bc|bcd|pcd|bolt circle|pitch circle))",
               r"\1 holes \2\3 ", t)
    t = re.sub(r"\blegs?\s*[,:]\s*(?=\d)", "legs ", t)      # "unequal legs, 50 and 30"
    # "5-hole flange, ..., Ø9 on 95 PCD": holes written by their diameter only, placed on a bolt circle
    t = re.sub(r"(^|[,;:]\s*)dia\s*(\d*\.?\d+)(\s*mm)?\s+(?=on\s+(?:an?\s+|the\s+)?(?:dia\s*)?\d*\.?\d+\s*(?:mm\s*)?(?:pcd|bcd|bc|"
               r"bolt circle|pitch circle)\b|on\s+(?:an?\s+|the\s+)?(?:pcd|bcd|bc|bolt circle|pitch circle)\b)",
               r"\1holes dia \2\3 ", t)
    # "Ø40 in the centre": a hole written by its diameter only
    t = re.sub(r"(?<![\w.])dia\s*([\d.]+)(\s*mm)?\s+(?:(thru|through)\s+)?(?=(?:in|at|through) the (?:center|middle)\b|"
               r"at \(?\s*\d*\.?\d+\s*,)",
               lambda m: f"dia {m.group(1)}{m.group(2) or ''} {m.group(3) + ' ' if m.group(3) else ''}hole ", t)
    # "plate of 100 mm on 50 mm": by; "2 hole of diameter 10 in distance 60 between them": 60 apart
    t = re.sub(r"\b(plate|block|sheet|bar|board|panel|piece|base)\s+of\s+(?:[a-z]+\s+)?([\d.]+\s*(?:mm|cm)?)\s+on\s+(?=[\d.])",
               r"\1 \2 x ", t)      # ("plate of aluminium 120 on 80")
    t = re.sub(r"\b(?:in |at |with )?(?:a )?distance (?:of )?([\d.]+)(\s*mm)? between (?:them|the holes|(?:the )?cent(?:er|re)s)\b",
               r"\1\2 apart", t)
    # "4 countersunk holes ...: 6.6 drill through, countersink to 13 dia": the holes' drill and head, said after them
    t = re.sub(r"(\bholes?\b[^.;]*:\s*)([\d.]+)(\s*mm)?\s+drill(?:ed)?\s+(thru|through)\b", r"\1dia \2\3 \4", t)
    t = re.sub(r"\bcountersink(?:s|ed)? to (?:a )?([\d.]+)(\s*mm)?\s*dia(?:meter)?\b", r"countersink \1\2 dia", t)
    # "Ø8 thru the boss and the plate.": a sentence that is one hole written by its diameter only
    # (not the size of holes said before it in the sentence: "4 countersunk holes for M3: Ø3.4 thru")
    t = re.sub(r"(^|[.;:,]\s*)dia\s*([\d.]+)(\s*mm)?\s+(thru|through)\b(?!\s+(?:holes?|bores?)\b)",
               lambda m: m.group(0) if re.search(r"\b(?:holes?|bores?|counterbor\w*|countersunk|csk)\b[^.;]*$",
                                                 t[:m.start()]) else
               f"{m.group(1)}dia {m.group(2)}{m.group(3) or ''} {m.group(4)} hole", t)
    # "block 50x50x20, Ø8 x 12 deep in the centre": one blind hole written by its diameter and depth only
    t = re.sub(r"(^|[.;:,]\s*)dia\s*([\d.]+)(\s*mm)?\s*(?:x\s*)?([\d.]+)(\s*mm)?\s*(deep|dp)\b(?!\s+(?:holes?|bores?)\b)",
               lambda m: m.group(0) if re.search(r"\b(?:holes?|bores?|counterbor\w*|cbore|countersunk|csk)\b(?:[^.;]|\.(?=\d))*$",
                                                 t[:m.start()]) else
               f"{m.group(1)}dia {m.group(2)}{m.group(3) or ''} hole {m.group(4)}{m.group(5) or ''} deep", t)
    # "R5 corners", "corners R5": a corner radius written the draughtsman's way
    t = re.sub(r"\br (\d+(?:\.\d+)?)(\s*mm)? ((?:inside |internal |inner )?(?:corners?|edges?))\b", r"\1\2 radius \3", t)
    t = re.sub(r"\b(corners?|edges?) r (?=\d)", r"\1 radius ", t)
    # "a 5 mm radius on the top edge": a fillet said by its radius and where it goes
    t = re.sub(r"(?<=\d)(\s*mm)? radius (?=(?:on|to|at|around|round|along) (?:the |all |every |each |both )?(?:top|bottom|upper|"
               r"lower|outer|outside|vertical|edges?|corners?|rim|ends?)\b)", r"\1 radius fillet ", t)
    # "a 3mm round on the top", "2 mm rounds along the edges": a fillet written as a round (a noun)
    t = re.sub(r"(?<=\d)(\s*mm)? rounds? (?=(?:on|to|at|along|around|over) (?:the |all |every |each |both )?(?:top|bottom|upper|"
               r"lower|outer|outside|vertical|long|edges?|corners?|rim|ends?)\b)", r"\1 radius fillet ", t)
    # "R5 on the vertical edges", "R3 all round": a fillet written by its radius only
    t = re.sub(r"(?<![\w.])r (\d+(?:\.\d+)?)(\s*mm)? (?=(?:on|to|at|along|round|around|all) (?:the |all |every |each |both |4 |four )?"
               r"(?:[a-z]+ )?(?:edges?|corners?|ends?|round|around|over)\b)", r"fillet radius \1\2 ", t)
    # "radius 3 on the vertical edges", "vertical edges radius 3": a fillet said by the word radius and its edges
    t = re.sub(r"(?<!fillet )(?<!round )\bradius (\d+(?:\.\d+)?)(\s*mm)? (?=(?:on|to|at|along|round|around) (?:the |all |"
               r"every |each |both |4 |four )?(?:[a-z]+ )?edges?\b)", r"fillet radius \1\2 ", t)
    t = re.sub(r"\b((?:top|bottom|upper|lower|vertical|outer|outside|long|side|all|the) edges?) radius (?=\d)",
               r"\1 radius fillet ", t)
    t = re.sub(r"\b(each|both|either) of the (?:two )?(?:short |far |opposite )?ends\b", r"\1 end", t)  # "from each of the short ends"
    # "1x45 chamfer", "0.5 x 45 deg chamfer on the OD", "a 1/32 x 45° chamfer": a chamfer's size at 45 degrees
    # ("top edges 2x45", "2 x 45 on all edges": no chamfer word, but an edge set takes it: a chamfer, said)
    t = CHAMFER_X45.sub(lambda m: f"{m.group(1)}{m.group(2) or ''} " if _names_a_chamfer(t, m) else
                        f"{m.group(1)}{m.group(2) or ''} chamfer " if "deg" in m.group(0) or _on_edges(t, m) else
                        m.group(0), t)
    t = re.sub(r"\s+", " ", t).strip()
    return t


CORRECTED = re.compile(r"(?<![\w./-])(\d+-\d+/\d+|\d+/\d+|\d*\.?\d+)(\s*(?:mm|cm|in|\"))?(\s+[a-z]+)?\s*[,;(-]?\s*\b(?:no,? wait|"
                       r"wait,? no|no|wait|sorry|oops|actually|correction|scratch that|i mean|rather)\b[\s,:-]*(?:(?:make|change) "
                       r"(?:that|it)(?: to)?|i mean|it'?s|it is|should be|rather)?\s*(\d+-\d+/\d+|\d+/\d+|\d*\.?\d+)"
                       r"(\s*(?:mm|cm|in|\"))?(?![\d./])(?!\s*x\b)"
                       r"(?:\s*\))?(?:\s+-(?=\s))?")


_GROUP = r"(?:dia\s+)?\d*\.?\d+(?:\s*(?:mm|cm|\"))?(?:\s*(?:x|by)\s*\d*\.?\d+(?:\s*(?:mm|cm|\"))?){1,2}"
PAIR_CORRECTED = re.compile(rf"(?<![\w./])(?<!x )(?<!x)(?<!by )({_GROUP})\s*[,;(-]?\s*\b(?:no,? wait|wait,? no|no|wait|sorry|oops|"
                            r"actually|correction|scratch that|i mean)\b[\s,:-]*(?:(?:make|change) (?:that|it)(?: to)?|i mean|"
                            rf"it'?s|it is|should be|rather)?\s*({_GROUP})(?![\d/])(?!\.\d)(?!\s*(?:x|by)\b)")


_N = r"(\d*\.?\d+)(\s*(?:mm|cm|\"))?"
_SLIP = r"\s*[,;(-]?\s*(?:\b(?:no,? wait|wait,? no|no|wait|sorry|oops|actually|correction|scratch that|i mean|i meant|rather)\b" \
        r"[\s,:-]*){1,2}" \
        r"(?:(?:make|change) (?:that|it)(?: to)?|i mean|i meant|it'?s|it is|should be|rather)?\s*"
TRIPLE_CORRECTED = re.compile(rf"(?<![\w./]){_N}\s*(x|by)\s*{_N}\s*(x|by)\s*{_N}{_SLIP}{_N}\s*(long|wide|tall|high|thick)\b")
_AT = {"long": 0, "wide": 1, "tall": 2, "high": 2, "thick": 2}


def _triple_corrected(m: re.Match) -> str:
    """'50 x 40 x 30 - sorry, 45 wide': length x width x height with the one its word names (the width) replaced."""
    nums = [m.group(1), m.group(4), m.group(7)]
    units = [m.group(2) or "", m.group(5) or "", m.group(8) or ""]
    k = _AT[m.group(11)]
    nums[k], units[k] = m.group(9), m.group(10) or units[k]
    return f"{nums[0]}{units[0]} {m.group(3)} {nums[1]}{units[1]} {m.group(6)} {nums[2]}{units[2]}"


_KEYS = {"dia": "d", "diameter": "d", "od": "d", "id": "i", "bore": "i", "long": "l", "length": "l", "wide": "w",
         "width": "w", "tall": "h", "high": "h", "height": "h", "thick": "t", "thickness": "t", "deep": "p", "depth": "p"}
_KEY = r"(dia|diameter|od|id|bore|long|length|wide|width|tall|high|height|thick|thickness|deep|depth)"
KEYED_CORRECTED = re.compile(rf"(?<![\w./-]){_N}\s+{_KEY}\b{_SLIP}{_N}\s*{_KEY}\b")


def _keyed(text: str) -> list[re.Match]:
    """The corrections in ``text`` whose new size names another size than the one before the slip."""
    return [m for m in KEYED_CORRECTED.finditer(text) if _KEYS[m.group(3)] != _KEYS[m.group(6)]]


def _said_of(key: str, text: str):
    """The last number said with the size word ``key`` (or its like) in ``text``: '120 dia', 'OD 30'."""
    found = None
    for m in re.finditer(rf"(?<![\w./])(\d*\.?\d+)\s*(?:mm|cm|\")?\s*{_KEY}\b|\b{_KEY}\s*(?:of\s*|is\s*|=\s*)?(\d*\.?\d+)\b", text):
        word = m.group(2) or m.group(3)
        if _KEYS[word] == key:
            found = m
    return found


def _keyed_fix(text: str) -> tuple[str, list[str]]:
    """The keyed corrections in ``text`` applied where the corrected size was said before, with notes."""
    notes = []
    while True:
        m = next(iter(_keyed(text)), None)
        if m is None:
            return text, notes
        prev = _said_of(_KEYS[m.group(6)], text[:m.start()])
        kept = f"{m.group(1)}{m.group(2) or ''} {m.group(3)}"
        if prev is None:
            text = text[:m.start()] + kept + f", {m.group(4)}{m.group(5) or ''} {m.group(6)}" + text[m.end():]
            continue
        g = 1 if prev.group(1) is not None else 4
        notes.append(f"{prev.group(g)} corrected by the writer to {m.group(4)} (the {m.group(6)})")
        text = text[:prev.start(g)] + m.group(4) + text[prev.end(g):m.start()] + kept + text[m.end():]


def retracted(text: str) -> tuple[str, list[str]]:
    """An edit that takes back the size it just said for another ('make it 45 wide - sorry, 45 tall'): the second kept,
    the first dropped (both were changed), with notes; a size said before the slip with the new word is left to the
    correction readers (normalize)."""
    notes = []
    low = text.lower()
    for m in reversed(_keyed(low)):
        if _said_of(_KEYS[m.group(6)], low[:m.start()]) is not None:
            continue
        notes.append(f"'{text[m.start():m.end()].strip()}' read as {m.group(4)} {m.group(6)} (the {m.group(1)} "
                     f"{m.group(3)} taken back)")
        text = text[:m.start()] + text[m.start(4):m.end()] + text[m.end():]
        low = text.lower()
    return text, notes[::-1]


def corrections(text: str) -> list[str]:
    """The numbers a request corrects in the same breath ('ball 40 dia, no wait, 50'), as notes."""
    low = text.lower().replace("ø", "dia ").replace("⌀", "dia ")
    triples = [f"{[m.group(1), m.group(4), m.group(7)][_AT[m.group(11)]]} corrected by the writer to {m.group(9)} "
               f"(the {'length' if m.group(11) == 'long' else 'width' if m.group(11) == 'wide' else 'height'})"
               for m in TRIPLE_CORRECTED.finditer(low)]
    low = TRIPLE_CORRECTED.sub(_triple_corrected, low)
    low, keyed = _keyed_fix(low)
    groups = triples + keyed + [f"{m.group(1)} corrected by the writer to {m.group(2)}" for m in PAIR_CORRECTED.finditer(low)]
    return groups + [f"{m.group(1)} corrected by the writer to {m.group(4)}" for m in CORRECTED.finditer(PAIR_CORRECTED.sub(
        r"\2", low))]


CHAMFER_X45 = re.compile(r"(?<![\d.])(?<!x )(\d+\s*-\s*\d+/\d+|\d+/\d+|\d*\.?\d+)(\s*(?:mm|\"|in\b))?\s*x\s*45\s*"
                         r"(?:deg(?:rees?)?\b)?(?!\s*x\b)(?!\s*(?:mm|cm|in|\")?\s*(?:long|wide|thick|tall|high|deep)\b)")


def _names_a_chamfer(t: str, m: re.Match) -> bool:
    """'A x 45' is a chamfer's size said with its word: right before or after a chamfer (bevel, countersink)."""
    word = r"(?:chamf\w*|bevel\w*|csk|countersink\w*)"
    return (re.match(r"\s*" + word + r"(?!\w)(?!\s+(?:plate|block|bar|part|box)\b)", t[m.end():])
            is not None or re.search(r"\b" + word + r"\s*(?:of\s*)?$", t[max(0, m.start() - 16):m.start()]) is not None)


def _on_edges(t: str, m: re.Match) -> bool:
    """'A x 45' right after an edge set ('top edges 2x45') or right before one ('2x45 on all edges')."""
    return re.search(r"\b(?:edges?|corners?)\s*[:=-]?\s*$", t[max(0, m.start() - 16):m.start()]) is not None or \
        re.match(r"\s*(?:on|to|round|around|along) (?:the |all |every |both )?(?:[a-z]+ )?(?:edges?|corners?)\b",
                 t[m.end():]) is not None


@lru_cache(maxsize=64)
def _pattern(keys: tuple) -> re.Pattern:
    return re.compile(r"(?<![\w'-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w'-])")


def _words(t: str, table: dict) -> str:
    keys = tuple(sorted(table, key=len, reverse=True))
    return _pattern(keys).sub(lambda m: str(table[m.group(1)]), t) if keys else t


def numbers(t: str) -> list[Num]:
    """Every number in normalized text, with its unit where one is written."""
    out = []
    for m in QTY.finditer(t):
        unit = UNIT_WORDS.get(m.group(2).strip()) if m.group(2) else None
        if m.group(2) and m.group(2).strip() == "in" and re.match(r"\s*(?:$|[,;.)]|and\b)", t[m.end():]) and \
                not re.search(r"\b(?:x|by)\s*$", t[:m.start()]) and \
                re.search(r"\b(?:corners?|edges?|sides?|ends?)\b", t[max(0, m.start() - 40):m.start()]):
            unit = None       # "4 holes in the corners, 10 in": that far in from the edges, not ten inches
        out.append(Num(number(m.group(1)), unit, m.start(), m.end(), m.group(0)))
    return out


def is_inch_fraction(n: Num) -> bool:
    """A bare fraction over 2, 4, ... 64 ('3/8', '1-1/2'): how inch sizes are written."""
    m = re.search(r"/(\d+)$", n.text.strip())
    return n.unit is None and m is not None and int(m.group(1)) in (2, 4, 8, 16, 32, 64)


STATED_UNIT = re.compile(r"\b(?:sizes?|dims?|dimensions?|measurements?|all|everything|units?|numbers?|values?)\s*"
                         r"(?:are\s+|is\s+|given\s+)?(?:in|:)\s*(cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?|inch(?:es)?|"
                         r"in\b|\")")


def stated_unit(t: str) -> str | None:
    """A unit said for the whole request ('pipe flange, sizes in cm: 12 across, ...'): bare numbers are in it."""
    m = STATED_UNIT.search(t)
    if not m:
        return None
    u = m.group(1)
    return "centimeter" if u.startswith(("cm", "centi")) else "inch" if u.startswith(("in", '"')) else "millimeter"


def default_unit(nums: list[Num]) -> str | None:
    """The unit a request is written in: inch or cm when every written unit is that one."""
    units = {n.unit for n in nums if n.unit}
    if units == {"inch"} or not units and any(is_inch_fraction(n) for n in nums):
        return "inch"           # no unit written, but '3/8', '1-1/2': fractions of an inch (said by the reader)
    if not units and any(n.text.strip().startswith(".") for n in nums) and all(n.value <= 48 for n in nums):
        return "inch"           # '.5 x 4 x 8 plate': a decimal written with no leading zero, the inch habit
    if units == {"centimeter"}:
        return "centimeter"
    if units == {"millimeter"} or not units:
        return None
    return None


def fmt(v: float) -> str:
    return f"{v:.4g}" if abs(v) < 1000 else f"{v:.0f}"
