"""Deterministic request parsing: dimensions, counts, features and edits, in millimetres.

Used by the plan node for every provider (the validate step checks the measured part
against these numbers) and by the offline engine to fill example parameters.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..tools.understand.numbers import UNIT, number

UNIT_MM = {"mm": 1.0, "millimeter": 1.0, "millimetre": 1.0, "cm": 10.0, "centimeter": 10.0, "centimetre": 10.0,
           "m": 1000.0, "meter": 1000.0, "metre": 1000.0, "in": 25.4, "inch": 25.4, "inches": 25.4, '"': 25.4}
WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "twelve": 12, "a pair of": 2, "a couple of": 2, "single": 1}
METRIC_CLEARANCE = {2: 2.4, 2.5: 2.9, 3: 3.4, 4: 4.5, 5: 5.5, 6: 6.6, 8: 9.0, 10: 11.0, 12: 13.5, 16: 17.5, 20: 22.0}

_NUM = r"(\d+(?:\.\d+)?)"
# the units as the part-spec reader writes them ("10 mm in from the edge", "Ø30 in the middle": no inches)
_UNIT = rf"\s*({UNIT})?"
_QTY = _NUM + _UNIT


@dataclass
class Plan:
    """What the request asks for. Lengths in mm; ``dims`` by role (length, width, ...)."""

    text: str
    dims: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    features: list[str] = field(default_factory=list)
    extents: list[float] = field(default_factory=list)     # the part's bbox, sorted, when fully given
    must_have: list[float] = field(default_factory=list)   # sizes that must appear among the extents
    units: str = "mm"
    notes: list[str] = field(default_factory=list)
    # what the request asks beyond sizes, as tools.part expectations (holes, fillets, chamfers,
    # min_wall): agent.feature_check measures them on every provider's part
    features_expected: dict = field(default_factory=dict)
    change: bool = False            # a change to the current part (its sizes are the part's, not an example's)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Plan:
        return cls(**d)

    def summary(self) -> str:
        bits = []
        if self.extents:
            bits.append(" x ".join(_fmt(v) for v in self.extents) + " mm")
        for k, v in self.dims.items():
            bits.append(f"{k.replace('_', ' ')} {_fmt(v)}")
        for k, v in self.counts.items():
            bits.append(f"{v} {k}")
        bits += self.features
        if bits:
            return ", ".join(bits)
        return "a change to the current part (its sizes are the part's)" if self.change else \
            "no dimensions given: sizes assumed (and said)"

    def unread(self) -> list[str]:
        """The numbers of the request that no size or count of this plan took, as written ('3 mm wall'
        read by nothing): a stored example filled from this plan would keep its own size there."""
        return unread_numbers(self.text, self.dims, self.counts)


# a number that names a standard thing rather than a size: "NEMA 17", "a 608 bearing", "6200 series"
_DESIGNATION = re.compile(r"(?:nema|din|iso|type|size|model)\s*$")
_DESIGNATED = re.compile(r"\s*(?:bearings?|series)\b")


def unread_numbers(text: str, dims: dict, counts: dict) -> list[str]:
    """Numbers in ``text`` that are none of ``dims`` (mm; a radius counts for its diameter) and none of
    ``counts``, nor a designation. Keyboard mash with a digit in it gives its digit."""
    from ..tools.understand.numbers import default_unit, normalize, numbers, unit_mm

    t = normalize(text)
    nums = numbers(t)
    unit = default_unit(nums)
    k = unit_mm(unit) if unit else 1.0
    sizes = [float(v) for v in dims.values()]
    out = []
    for n in nums:
        if _DESIGNATION.search(t[max(0, n.start - 8):n.start]) or _DESIGNATED.match(t[n.end:]):
            continue
        v = n.mm(k)
        if any(abs(v - d) <= 1e-6 * max(1.0, d) or abs(2 * v - d) <= 1e-6 * max(1.0, d) for d in sizes):
            continue
        if n.integer and int(n.value) in counts.values():
            continue
        out.append(n.text.strip())
    return out


def _fmt(v: float) -> str:
    return f"{v:g}"


def _mm(value: str, unit: str | None, default_unit: float) -> float:
    if not unit:
        return float(value) * default_unit
    unit = unit.lower().rstrip("s") if unit not in ('"', "ins") else unit
    for key, f in UNIT_MM.items():
        if unit == key or unit.rstrip("s") == key:
            return float(value) * f
    return float(value) * default_unit


def _default_unit(text: str) -> float:
    """A request written in inches (or cm) throughout uses that unit for bare numbers."""
    units = re.findall(rf"\d\s*({UNIT})", text)
    if units and all(u.startswith(("in", '"')) for u in units):
        return 25.4
    if units and all(u == "cm" for u in units):
        return 10.0
    return 1.0


def _words_to_numbers(text: str) -> str:
    for word, n in sorted(WORD_NUM.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"\b{word}\b", str(n), text)
    # inch fractions as decimals ("1-1/2", "3/4 in"); "30/20" (outside over inside) is no fraction
    return re.sub(r"(?<![\d./])(?:(\d+)[- ])?(\d+)/(2|4|8|16|32|64)(?![\d./])",
                  lambda m: f"{number(m.group(0)):g}" if int(m.group(2)) < int(m.group(3)) else m.group(0), text)


def parse_request(text: str, spec_facts: bool = True) -> Plan:
    """Sizes, counts and features of a request. ``spec_facts``: also read it with the part-spec parser
    (tools.understand) for its bbox and the features to check (see :func:`_spec_facts`)."""
    raw = text
    t = _words_to_numbers(text.lower().replace("×", " x ").replace("ø", " diameter "))
    t = re.sub(r"(\d)\s*,\s*(\d{3})\b", r"\1\2", t)  # 1,000 -> 1000
    du = _default_unit(t)
    plan = Plan(text=raw, units="inch" if du == 25.4 else "cm" if du == 10 else "mm")
    dims, counts = plan.dims, plan.counts

    # A x B (x C), units after each number or once at the end
    m = re.search(rf"{_NUM}{_UNIT}\s*(?:x|by)\s*{_NUM}{_UNIT}(?:\s*(?:x|by)\s*{_NUM}{_UNIT})?", t)
    if m:
        last_unit = m.group(6) or m.group(4) or m.group(2)
        vals = [_mm(m.group(1), m.group(2) or last_unit, du), _mm(m.group(3), m.group(4) or last_unit, du)]
        if m.group(5):
            vals.append(_mm(m.group(5), m.group(6) or last_unit, du))
        dims["length"], dims["width"] = vals[0], vals[1]
        if len(vals) == 3:
            dims["height"] = vals[2]
        t_rest = t[:m.start()] + " " + t[m.end():]
    else:
        t_rest = t

    def grab(pattern: str, role: str, factor: float = 1.0) -> None:
        mm = re.search(pattern, t_rest)
        if mm and role not in dims:
            dims[role] = _mm(mm.group(1), mm.group(2), du) * factor

    grab(rf"{_QTY}\s*(?:thick|thickness)", "thickness")
    grab(rf"thickness\s*(?:of\s*)?{_QTY}", "thickness")
    grab(rf"{_QTY}\s*(?:tall|high|height)\b", "height")
    grab(rf"height\s*(?:of\s*)?{_QTY}", "height")
    grab(rf"{_QTY}\s*(?:long|length)\b", "length")
    grab(rf"length\s*(?:of\s*)?{_QTY}", "length")
    grab(rf"{_QTY}\s*(?:wide|width)\b", "width")
    grab(rf"width\s*(?:of\s*)?{_QTY}", "width")
    grab(rf"{_QTY}\s*(?:bore|hole in the middle|center hole|centre hole|shaft hole)", "bore_d")
    grab(rf"bore\s*(?:of\s*|diameter\s*)?{_QTY}", "bore_d")
    grab(rf"{_QTY}\s*(?:in|inset)?\s*from the (?:corners?|edges?)", "inset")
    grab(rf"{_QTY}\s*(?:in\s+)?from (?:each|every) (?:corner|edge)", "inset")
    grab(rf"{_QTY}\s*(?:walls?|wall thickness)\b", "wall")
    grab(rf"{_QTY}\s*(?:legs?|arms?)\b", "leg")
    sq = re.search(rf"{_QTY}\s*square\b", t_rest)
    if sq and "length" not in dims:
        dims["length"] = dims["width"] = _mm(sq.group(1), sq.group(2), du)
    # 'A x B, N long': A x B is the cross-section, N the length
    long_ = re.search(rf"{_QTY}\s*(?:long|length)\b", t_rest)
    if m and long_ and len(dims) >= 2 and "height" not in dims:
        a, b = dims["length"], dims["width"]
        dims["width"], dims["height"], dims["length"] = a, b, _mm(long_.group(1), long_.group(2), du)
    grab(rf"wall(?:s| thickness)?\s*(?:of\s*)?{_QTY}", "wall")
    grab(rf"module\s*{_NUM}()", "module")
    grab(rf"{_QTY}\s*(?:fillets?|radius corners|rounded corners|round(?:ed)? edges?)", "fillet")
    grab(rf"(?:fillets?|round(?:ed)? (?:the )?(?:corners|edges))\s*(?:of|with|to)?\s*{_QTY}", "fillet")
    grab(rf"(?:pcd|bolt circle|pitch circle)\s*(?:of\s*)?{_QTY}", "pcd")
    grab(rf"{_QTY}\s*(?:pcd|bolt circle)", "pcd")
    # diameters
    grab(rf"{_QTY}\s*(?:in\s+)?(?:diameter|dia\b|across)", "diameter")
    grab(rf"(?:diameter|dia\.?)\s*(?:of\s*)?{_QTY}", "diameter")
    grab(rf"radius\s*(?:of\s*)?{_QTY}", "diameter", 2.0)
    # holes
    mm_thread = re.search(r"\bm(\d+(?:\.\d+)?)\b", t)
    hole = re.search(rf"{_QTY}\s*(?:mm\s*)?(?:diameter\s*)?(?:through[- ])?holes?", t_rest)
    if mm_thread:
        nominal = float(mm_thread.group(1))
        dims.setdefault("hole_d", METRIC_CLEARANCE.get(nominal, round(nominal * 1.1, 1)))
        plan.notes.append(f"M{mm_thread.group(1)} → {dims['hole_d']:g} mm clearance holes")
    elif hole and not re.match(r"\s*\d+\s*holes", t_rest[hole.start():hole.end()]):
        dims.setdefault("hole_d", _mm(hole.group(1), hole.group(2), du))
    grab(rf"holes?\s*(?:of\s*)?{_QTY}", "hole_d")
    for noun, key in (("holes", "holes"), ("bolt holes", "holes"), ("bolts", "holes"), ("teeth", "teeth"),
                      ("fins", "fins"), ("slots", "slots"), ("grooves", "grooves"), ("flutes", "flutes")):
        mc = re.search(rf"(?<![\w.])(\d+)(?![\d.])(?!\s*(?:mm|cm|in|inch|inches|\"|dia|diameter)\b)\s*(?:x\s*)?"
                       rf"(?:\d+(?:\.\d+)?\s*(?:mm|cm|in|\")?\s+)?(?:[a-z][\w.]*\s+){{0,2}}?{noun}\b", t)
        if mc and key not in counts:
            n = int(mc.group(1))
            if 0 < n < 1000:
                counts[key] = n
    for feat in ("fillet", "chamfer", "shell", "hollow", "hole", "slot", "keyway", "text", "engrav", "gear",
                 "thread", "countersunk", "counterbore", "lid", "boss"):
        if feat in t:
            plan.features.append(feat)
    _derive_extents(plan)
    if spec_facts:
        _spec_facts(plan)
    return plan


def _spec_facts(plan: Plan) -> None:
    """Sizes and features read by the part-spec parser (tools.understand), where it reads a
    whole buildable part: its bbox replaces the regex reading when nothing was assumed, and its
    features (not the assumed ones, not the table-sized M holes) become feature expectations."""
    from ..tools.part import expectations, validate
    from ..tools.understand import understand

    u = understand(plan.text)
    if u.spec is None or u.missing:
        return
    part, problems = validate(u.spec)
    if part is None or any(p.severity == "error" for p in problems):
        return
    e = expectations(part)
    assumed = " ".join(u.notes)
    body_assumed = any(w in n for n in u.notes for w in ("thickness given", "height given", "length given",
                                                         "face width given", "no shape named", "approximated"))
    spec_extents = sorted(round(hi - lo, 6) for lo, hi in zip(e["bbox_min"], e["bbox_max"]))
    if e.get("bbox_exact") and not body_assumed:
        plan.extents = spec_extents
        plan.must_have = []
    elif not body_assumed and plan.extents and any(abs(a - b) > 0.05 * max(b, 1.0)
                                                   for a, b in zip(plan.extents, spec_extents)):
        # the regex took another size for the part's (a gear's Ø12 hub): the whole part read says otherwise, and
        # its bbox is not exact (a gear's teeth), so no overall size is promised
        plan.extents, plan.must_have = [], []
    table_sized = {f["id"] for f in u.spec.get("features", []) if isinstance(f.get("size"), str)}
    skip = {"holes": any(w in assumed for w in ("diameter for", "spacing", "inset", "number of holes")),
            "fillets": "fillet size" in assumed, "chamfers": "chamfer size" in assumed,
            "min_wall": "wall thickness" in assumed}
    out: dict = {}
    for key in ("holes", "fillets", "chamfers", "min_wall"):
        v = e.get(key)
        if not v or skip[key]:
            continue
        if key == "holes" and any(set(h.get("features", ())) & table_sized for h in v):
            continue     # an "M8 clearance" hole may be drilled fine, normal or coarse: no exact holes to check
        if v:
            out[key] = v
    if skip["min_wall"] and e.get("min_wall"):
        # the wall's size was assumed, but that the part is hollow was asked: some wall thinner than half the part's
        # smallest size (a solid block passed as "a hollow box" before)
        out["hollow"] = spec_extents[0]
    plan.features_expected = out


def _derive_extents(plan: Plan) -> None:
    d = plan.dims
    if {"length", "width", "height"} <= set(d):
        plan.extents = sorted([d["length"], d["width"], d["height"]])
    elif {"length", "width", "thickness"} <= set(d):
        plan.extents = sorted([d["length"], d["width"], d["thickness"]])
    elif "diameter" in d and ("height" in d or "thickness" in d or "length" in d) and "width" not in d:
        plan.extents = sorted([d["diameter"], d["diameter"], d.get("height", d.get("thickness", d.get("length")))])
    else:
        # thickness is an overall extent only for plates: not required when the rest is unknown
        plan.must_have = [v for k, v in d.items() if k in ("length", "width", "height", "diameter")]
    if "module" in d and "teeth" in plan.counts and not plan.extents:
        plan.must_have.append(d["module"] * (plan.counts["teeth"] + 2))  # tip diameter


@dataclass
class Edit:
    """One follow-up change: set / add / scale a role, or add a feature."""

    kind: str            # "set" | "add" | "scale" | "feature"
    role: str            # length, width, height, thickness, diameter, hole_d, ... or fillet / shell
    value: float

    def to_dict(self) -> dict:
        return asdict(self)


_ROLE_WORDS = {
    "longer": ("length", 1), "shorter": ("length", -1), "wider": ("width", 1), "narrower": ("width", -1),
    "taller": ("height", 1), "higher": ("height", 1), "lower": ("height", -1), "thicker": ("thickness", 1),
    "thinner": ("thickness", -1), "bigger": ("size", 1), "larger": ("size", 1), "smaller": ("size", -1),
}
_ADJ_ROLE = {"long": "length", "wide": "width", "tall": "height", "high": "height", "thick": "thickness",
             "big": "size", "large": "size", "deep": "height"}


def parse_edits(text: str) -> list[Edit]:
    """Follow-up requests: '10 mm longer', 'twice as wide', 'holes 6 mm', 'add 2 mm fillets', 'shell it 2 mm'."""
    t = _words_to_numbers(text.lower())
    du = _default_unit(t)
    edits: list[Edit] = []
    for m in re.finditer(rf"{_QTY}\s*(longer|shorter|wider|narrower|taller|higher|lower|thicker|thinner|bigger|larger|smaller)", t):
        role, sign = _ROLE_WORDS[m.group(3)]
        edits.append(Edit("add", role, sign * _mm(m.group(1), m.group(2), du)))
    for m in re.finditer(r"(twice|double|half|three times|(\d+(?:\.\d+)?) times)\s*(?:as\s*)?(long|wide|tall|high|thick|big|large|deep)", t):
        factor = {"twice": 2.0, "double": 2.0, "half": 0.5, "three times": 3.0}.get(m.group(1)) or float(m.group(2))
        edits.append(Edit("scale", _ADJ_ROLE[m.group(3)], factor))
    for m in re.finditer(rf"(?:make it|should be|set (?:the )?\w+ to)\s*{_QTY}\s*(long|wide|tall|high|thick|deep)\b", t):
        edits.append(Edit("set", _ADJ_ROLE[m.group(3)], _mm(m.group(1), m.group(2), du)))
    m = re.search(rf"holes?\s*(?:to\s*|of\s*|at\s*)?{_QTY}(?!\s*(?:from|in))|{_QTY}\s*holes", t)
    if m and not re.search(r"\d+\s*holes\b", t[m.start():m.end()] if m.group(3) is None else ""):
        value, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if m.group(1) or float(value) != int(float(value)) or "mm" in (unit or ""):
            edits.append(Edit("set", "hole_d", _mm(value, unit, du)))
    m = re.search(rf"(?:fillets?|round(?:ed)?)\D{{0,25}}?{_QTY}|{_QTY}\s*(?:fillets?|radius)", t)
    if m:
        value, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        edits.append(Edit("feature", "fillet", _mm(value, unit, du)))
    m = re.search(rf"(?:shell|hollow)\D{{0,20}}?{_QTY}", t)
    if m:
        edits.append(Edit("feature", "shell", _mm(m.group(1), m.group(2), du)))
    m = re.search(r"\b(\d+)\s*teeth", t)
    if m:
        edits.append(Edit("set", "teeth", float(m.group(1))))
    m = re.search(r"\b(\d+)\s*(?:bolt\s*)?holes\b", t)
    if m and not any(e.role == "hole_d" for e in edits):
        edits.append(Edit("set", "holes", float(m.group(1))))
    m = re.search(rf"(?:diameter|dia)\s*(?:to\s*|of\s*)?{_QTY}", t)
    if m:
        edits.append(Edit("set", "diameter", _mm(m.group(1), m.group(2), du)))
    return edits
