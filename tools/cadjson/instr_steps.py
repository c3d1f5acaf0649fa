"""Statement readers of the instruction parser: coordinate systems, scale, extrusion depths and
operations, each filling the part being read (see instructions.py for the whole flow)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .instr_sketch import SketchBuilder
from .instr_text import NUM, TRIPLE_RE, Statement


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = yaml.safe_load(resources.files(__package__).joinpath("instructions.yaml").read_text(encoding="utf-8"))
    rx = lambda p: re.compile(p, re.I)  # noqa: E731
    return {"ordinals": data["ordinals"], "part_start": rx(data["part_start"]), "new_frame": rx(data["new_frame"]),
            "repeat": rx(data["repeat"]), "summary": rx(data["summary"]),
            "ops": [(strength, op, rx(p)) for strength in ("strong", "weak")
                    for op, p in data["operations"][strength].items()],
            "directions": {k: rx(v) for k, v in data["directions"].items()},
            "no_ops": [rx(p) for p in data["no_ops"]]}


@dataclass
class PartState:
    name: str | None = None
    euler: list | None = None
    translation: list | None = None
    sketch: SketchBuilder = field(default_factory=SketchBuilder)
    scale: float | None = None
    towards: float | None = None
    opposite: float | None = None
    same_amount: bool = False
    ops: list = field(default_factory=list)     # (rank, statement index, op)
    repeat: bool = False
    first_statement: int = 0

    @property
    def extruded(self) -> bool:
        return self.towards is not None or self.opposite is not None

    def started(self) -> bool:
        return not self.sketch.empty() or self.extruded or self.repeat


EULER = re.compile(r"\beuler\s+angles?\b")
TRANSLATION = re.compile(r"\btranslation(?:\s+vector)?\b|\btranslat\w*\b[^.]{0,50}?\bvector\b")
_SAME = re.compile(r"\bsame\s+(?:(?:euler\s+)?angles|euler|rotation|orientation|coordinate system|settings|values|"
                   r"parameters)|"
                   r"\b(?:euler angles|rotation)\s+(?:are|is|remain\w*)\s+(?:the same|unchanged)")
_SAME_T = re.compile(r"\bsame\s+(?:(?:euler\s+)?angles\s+and\s+(?:the\s+)?)?(?:translation|vector|position|origin|coordinate system|settings|values|parameters)")
_ZERO = re.compile(r"^[^\d\[(]{0,40}?\b(?:zero|0(?:\.0+)?)\b(?!\s*,)|^[^\d]{0,30}\b(?:no|without)\b|"
                   r"^[^\d]{0,40}\b(?:origin|the default|identity)\b")
SCALE = re.compile(rf"\bscal\w*\b[^.;]{{0,60}}?(?:\bfactor\b|\bby\b|\bof\b|\bto\b)\s*(?:of\s+|is\s+)?(?P<v>{NUM})|"
                    rf"\bsketch[_ ]scale\b[^\d]{{0,20}}(?P<w>{NUM})")
EXTRUDE = re.compile(r"\bextru\w*|\bdepth\b[^.]{0,40}\bnormal\b")
UNITS = {"mm": re.compile(r"\bmm\b|\bmillimet"), "cm": re.compile(r"\bcm\b|\bcentimet"),
          "in": re.compile(r"\binch(?:es)?\b")}


_AXIS = re.compile(rf"(?P<v>{NUM})\s*(?:degrees?|units?)?\s*(?:on|for|along|about|around|in)\s+the\s+"
                   r"(?P<axes>(?:first|second|third|x|y|z)(?:\s*(?:,|and|,\s*and)\s*(?:first|second|third|x|y|z))*)"
                   r"(?:[\s-]+ax[ie]s)?\b")
_AXIS_INDEX = {"first": 0, "second": 1, "third": 2, "x": 0, "y": 1, "z": 2}


def _vector(text: str, at: re.Match, st: Statement) -> list[float] | None:
    """Three numbers after a keyword ('[0.0, 0.0, -90.0]', '0, 0 and -90 degrees', '-90 degrees on the
    third axis'), or zeros for 'set to zero'."""
    tail = text[at.end():at.end() + 160]
    stop = re.search(r"\b(?:euler|translation)\b", tail)
    tail = tail[:stop.start()] if stop else tail
    m = TRIPLE_RE.search(tail)
    if m:
        st.take(at.end() + m.start(), at.end() + m.end())
        return [float(m.group(i)) + 0.0 for i in (1, 2, 3)]
    axes = list(_AXIS.finditer(tail))
    if axes:
        v = [0.0, 0.0, 0.0]
        for a in axes:
            for word in re.findall(r"first|second|third|x|y|z", a.group("axes")):
                v[_AXIS_INDEX[word]] = float(a.group("v")) + 0.0
            st.take(at.end() + a.start(), at.end() + a.end())
        return v
    z = _ZERO.search(tail)
    if z:
        st.take(at.end(), at.end() + z.end())
        return [0.0, 0.0, 0.0]
    return None


def read_frame(part: PartState, st: Statement, prev: PartState | None) -> bool:
    text, used = st.norm, False
    e = EULER.search(text)
    if e:
        v = _vector(text, e, st)
        if v is not None and part.euler is None:
            part.euler = v
        used = v is not None
    t = TRANSLATION.search(text)
    if t:
        v = _vector(text, t, st)
        if v is not None and part.translation is None:
            part.translation = v
        used |= v is not None
    if part.euler is None and _SAME.search(text) and prev is not None and prev.euler is not None:
        part.euler, used = list(prev.euler), True
    if part.translation is None and _SAME_T.search(text) and prev is not None and prev.translation is not None:
        part.translation, used = list(prev.translation), True
    if not used and e and t is None and re.search(r"\b(?:both|and)\b[^.]{0,40}\btranslation\b", text):
        used = True
    return used


def read_extrusion(part: PartState, st: Statement, voc: dict) -> bool:
    m = EXTRUDE.search(st.norm)
    if not m:
        return False
    before = [b.end() for b in re.finditer(r"[,;]|\band\b", st.norm[:m.start()])]
    offset = before[-1] if before else 0  # from the start of the clause that says "extrude"
    text = st.norm[offset:]
    cut = voc["summary"].search(text)
    if cut:
        text = text[:cut.start()]
    d = voc["directions"]
    used, done = False, set()
    depths = [n for n in re.finditer(NUM, text) if not re.match(r"\s*(?:-|d\b|dimensional)", text[n.end():])]
    if d["both"].search(text) and len(depths) == 1 and not d["opposite"].search(text.replace("opposite direction", "")):
        part.towards = part.opposite = abs(float(depths[0].group(0)))
        st.take(offset + depths[0].start(), offset + depths[0].end())
        return True
    bounds = [0] + [b.start() for b in re.finditer(r"[,;]|\b(?:and|while|without|but|with)\b", text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        clause = re.match(r"[\s\S]*", text[a:b])
        clause_start = a
        body = clause.group(0)
        nums = [n for n in re.finditer(NUM, body) if not re.match(r"\s*(?:-|d\b|dimensional)", body[n.end():])]
        if not nums and re.search(r"\b(?:no|not|without|none)\b", body):
            used = True  # "do not extrude in the opposite direction": nothing that way
            continue
        if d["same_amount"].search(body) and d["opposite"].search(body):
            part.same_amount = used = True
            continue
        if not nums or re.search(r"\b(?:diameter|radius|length|width|height|thickness)\b", body[:nums[0].start()]) \
                and not re.search(r"\bdepth\b", body):
            continue
        value = abs(float(nums[0].group(0)))
        st.take(offset + clause_start + nums[0].start(), offset + clause_start + nums[0].end())
        used = True
        if d["both"].search(body):
            sides = ("towards", "opposite")
        elif d["opposite"].search(body) and not d["none_opposite"].search(body) or \
                d["none_opposite"].search(body) and value == 0:
            sides = ("opposite",)
        else:
            sides = ("towards",)
        for side in sides:
            if side not in done:  # the first depth a statement gives a side is the one it means
                setattr(part, side, value)
                done.add(side)
    return used


def read_operation(part: PartState, st: Statement, voc: dict, about_extrusion: bool) -> bool:
    text = st.norm
    cut = voc["summary"].search(text)
    if cut:
        text = text[:cut.start()]
    rank = {"strong": 0, "weak": 1}
    found = False
    for strength, op, rx in voc["ops"]:
        if strength == "weak" and not about_extrusion:
            continue
        if rx.search(text):
            part.ops.append((rank[strength], st.index, op))
            found = True
            if strength == "strong":
                break
    return found


def choose_op(part: PartState, first: bool) -> str:
    if not part.ops:
        return "NewBodyFeatureOperation"
    best = min(r for r, _, _ in part.ops)
    return [op for r, _, op in part.ops if r == best][-1]
