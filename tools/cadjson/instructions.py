"""Sketch-and-extrude instructions (Text2CAD ``expert`` prose, ``nli_data`` step lists) → minimal CAD JSON.

    from tools.cadjson.instructions import parse_instructions
    result = parse_instructions(text)
    result.document      # the minimal CAD JSON (dict), or None when nothing could be built
    result.doc           # the validated CadDoc (None when the validator found errors)
    result.problems      # validator problems + what the parser could not resolve
    result.unused        # every statement not used, with its sentence and why

Conventions are the ones the DeepCAD / Fusion import and the compiler use: Euler angles in
degrees (Text2CAD ``zyx``), the translation vector in the document's units, sketch points at final
size (``sketch_scale`` is kept as metadata, the compiler does not apply it), depths towards and
opposite the sketch normal, and the first part a new body. The vocabulary is data
(``instructions.yaml``). Nothing here imports CadQuery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .instr_sketch import SketchBuilder
from .instr_text import NUM, TRIPLE_RE, Statement, ordinal, statements
from .model import CadDoc
from .validate import Problem, validate

__all__ = ["InstructionResult", "Unused", "looks_like_instructions", "parse_instructions"]


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
class Unused:
    index: int          # 1-based statement number
    sentence: str
    reason: str

    def __str__(self) -> str:
        return f"statement {self.index}: {self.reason}: \"{self.sentence}\""

    def to_dict(self) -> dict:
        return {"index": self.index, "sentence": self.sentence, "reason": self.reason}


@dataclass
class InstructionResult:
    document: dict | None
    doc: CadDoc | None
    problems: list[Problem] = field(default_factory=list)
    unused: list[Unused] = field(default_factory=list)
    statements: int = 0

    @property
    def ok(self) -> bool:
        return self.doc is not None

    def to_dict(self) -> dict:
        return {"ok": self.ok, "document": self.document, "statements": self.statements,
                "unused": [u.to_dict() for u in self.unused], "problems": [p.to_dict() for p in self.problems]}


@dataclass
class _Part:
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


_EULER = re.compile(r"\beuler\s+angles?\b")
_TRANSLATION = re.compile(r"\btranslation(?:\s+vector)?\b|\btranslat\w*\b[^.]{0,50}?\bvector\b")
_SAME = re.compile(r"\bsame\s+(?:(?:euler\s+)?angles|euler|rotation|orientation|coordinate system|settings|values|"
                   r"parameters)|"
                   r"\b(?:euler angles|rotation)\s+(?:are|is|remain\w*)\s+(?:the same|unchanged)")
_SAME_T = re.compile(r"\bsame\s+(?:(?:euler\s+)?angles\s+and\s+(?:the\s+)?)?(?:translation|vector|position|origin|coordinate system|settings|values|parameters)")
_ZERO = re.compile(r"^[^\d\[(]{0,40}?\b(?:zero|0(?:\.0+)?)\b(?!\s*,)|^[^\d]{0,30}\b(?:no|without)\b|"
                   r"^[^\d]{0,40}\b(?:origin|the default|identity)\b")
_SCALE = re.compile(rf"\bscal\w*\b[^.;]{{0,60}}?(?:\bfactor\b|\bby\b|\bof\b|\bto\b)\s*(?:of\s+|is\s+)?(?P<v>{NUM})|"
                    rf"\bsketch[_ ]scale\b[^\d]{{0,20}}(?P<w>{NUM})")
_EXTRUDE = re.compile(r"\bextru\w*|\bdepth\b[^.]{0,40}\bnormal\b")
_UNITS = {"mm": re.compile(r"\bmm\b|\bmillimet"), "cm": re.compile(r"\bcm\b|\bcentimet"),
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


def _frame(part: _Part, st: Statement, prev: _Part | None) -> bool:
    text, used = st.norm, False
    e = _EULER.search(text)
    if e:
        v = _vector(text, e, st)
        if v is not None and part.euler is None:
            part.euler = v
        used = v is not None
    t = _TRANSLATION.search(text)
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


def _extrusion(part: _Part, st: Statement, voc: dict) -> bool:
    m = _EXTRUDE.search(st.norm)
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


def _operation(part: _Part, st: Statement, voc: dict, about_extrusion: bool) -> bool:
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


def _choose_op(part: _Part, first: bool) -> str:
    if not part.ops:
        return "NewBodyFeatureOperation"
    best = min(r for r, _, _ in part.ops)
    return [op for r, _, op in part.ops if r == best][-1]


def looks_like_instructions(text: str) -> bool:
    """True for construction steps precise enough to build: a sketch with coordinates and an extrusion."""
    t = text.lower()
    points = len(re.findall(rf"[(\[]\s*{NUM}\s*,\s*{NUM}\s*[)\]]", t)) + len(re.findall(r"\bradius\b", t))
    return points >= 1 and bool(re.search(r"\bextru", t)) and bool(
        re.search(r"\b(?:sketch|loop|face|coordinate system|euler)\b", t))


def _split_parts(sts: list[Statement], voc: dict):
    """Yield (statement, starts_a_new_part) in order."""
    for st in sts:
        tag = re.match(r"<part_(\d+)>", st.norm)
        if tag:
            yield st, "tag"
            continue
        m = voc["part_start"].search(st.norm)
        if m and ordinal(m.group("ord"), voc["ordinals"]) is not None and not voc["summary"].search(st.norm[:m.end()]):
            yield st, "marker"
            continue
        yield st, "frame" if voc["new_frame"].search(st.norm) else None


def parse_instructions(text: str, *, units: str | None = None) -> InstructionResult:
    """Read the instructions; build, validate and report. Never raises on bad input."""
    voc = vocabulary()
    sts = statements(text or "")
    parts: list[_Part] = [_Part()]
    unused: list[Unused] = []
    for st, start in _split_parts(sts, voc):
        part = parts[-1]
        if start in ("tag", "marker") and part.started() or start == "frame" and part.extruded:
            parts.append(_Part(first_statement=st.index))
            part = parts[-1]
        if start == "tag":
            continue
        if st.header:
            if re.search(r"\b(?:face|loop)\b", st.norm):
                part.sketch.read(st, voc["ordinals"], False)
            name = re.sub(r"^(?:step\s*\d+\s*:\s*)?", "", st.text.lstrip("# ").strip())
            if re.match(r"(?:construct|create|build|make)\b", name, re.I) and part.name is None:
                part.name = re.sub(r"^(?:construct|create|build|make)\s+(?:an?|the)?\s*", "", name, flags=re.I)
            continue
        used = []
        if start == "marker":
            used.append("part")
        if voc["repeat"].search(st.norm) and len(parts) > 1 and part.sketch.empty() and \
                not re.search(r"\bfaces?\b|\bloops?\b", st.norm):
            part.repeat = True
            used.append("repeat")
        summary = voc["summary"].search(st.norm)
        if _frame(part, st, parts[-2] if len(parts) > 1 else None):
            used.append("frame")
        m = _SCALE.search(st.norm)
        if m and not (summary and summary.start() < m.start()):
            v = m.group("v") or m.group("w")
            if float(v) > 0:
                part.scale = float(v)
                st.take(*m.span("v" if m.group("v") else "w"))
                used.append("scale")
        about_extrusion = bool(_EXTRUDE.search(st.norm) or re.search(r"\b(?:body|boolean|operation|material)\b",
                                                                    st.norm))
        if _extrusion(part, st, voc):
            used.append("extrusion")
        if _operation(part, st, voc, about_extrusion):
            used.append("operation")
        if not _EULER.search(st.norm) and not _TRANSLATION.search(st.norm):
            sketch_text = st.norm
            ex = _EXTRUDE.search(sketch_text)
            cut = min([m.start() for m in (ex, summary, m if m else None) if m] or [len(sketch_text)])
            piece = Statement(st.index, st.text, sketch_text[:cut])
            bare = bool(re.search(r"\b(?:line|arc|circle|point|vertices|center|centre)s?\b", piece.norm))
            if part.sketch.read(piece, voc["ordinals"], bare):
                used.append("sketch")
                st.taken += piece.taken
        if summary and not used:
            used.append("summary")
        if not used and any(rx.search(st.norm) for rx in voc["no_ops"]):
            used.append("no-op")
        st.used = used
        left = st.unread_numbers()
        if not used:
            unused.append(Unused(st.index, st.text, "nothing to build in it" if not left else
                                 f"not understood; its numbers {', '.join(left)} were not used"))
        elif left and "summary" not in used and not summary:
            unused.append(Unused(st.index, st.text, f"partly used ({', '.join(used)}); the numbers "
                                 f"{', '.join(left)} were not used"))
    return _assemble(parts, sts, unused, units or _units(text or ""))


def _units(text: str) -> str:
    t = text.lower()
    for name, rx in _UNITS.items():
        if rx.search(t):
            return name
    return "unitless"


def _assemble(parts: list[_Part], sts: list[Statement], unused: list[Unused], units: str) -> InstructionResult:
    problems: list[Problem] = []
    out: dict = {}
    previous: dict | None = None
    for part in parts:
        if not part.started():
            continue
        path = f"$.parts.part_{len(out) + 1}"
        for note in part.sketch.notes:
            problems.append(Problem(f"{path}.sketch", note, severity="warning"))
        if part.repeat and part.sketch.empty() and previous is not None:
            import copy

            body = copy.deepcopy(previous)
            body["extrusion"]["operation"] = _choose_op(part, False) if part.ops else "JoinFeatureOperation"
            body["description"] = {"name": f"repeat of part_{len(out)}"}
            out[f"part_{len(out) + 1}"] = body
            continue
        faces = part.sketch.to_json()
        if not faces:
            problems.append(Problem(f"{path}.sketch", "this part has no sketch: no line, arc or circle was read",
                                    "lines by end points, arcs by start / mid / end, circles by centre and radius",
                                    "nothing", "give the sketch's curves with their coordinates"))
            continue
        towards = part.towards or 0.0
        opposite = part.opposite or 0.0
        if part.same_amount:
            opposite = towards
        if towards + opposite <= 0:
            problems.append(Problem(f"{path}.extrusion", "no extrusion depth was read", "e.g. 'extrude 0.1 units "
                                    "towards the normal'", "nothing", "state how far to extrude, and which way"))
        op = _choose_op(part, not out)
        if not out and op != "NewBodyFeatureOperation":
            problems.append(Problem(f"{path}.extrusion.operation", f"the first part cannot be a {op}; "
                                    "it is made a new body", "a new body first", op, severity="warning"))
            op = "NewBodyFeatureOperation"
        for what, value in (("Euler angles", part.euler), ("translation vector", part.translation)):
            if value is None:
                problems.append(Problem(f"{path}.coordinate_system", f"no {what} given; zeros assumed",
                                        severity="warning"))
        body = {"coordinate_system": {"Euler Angles": part.euler or [0.0, 0.0, 0.0],
                                      "Translation Vector": part.translation or [0.0, 0.0, 0.0]},
                "sketch": faces,
                "extrusion": {"extrude_depth_towards_normal": towards, "extrude_depth_opposite_normal": opposite,
                              "sketch_scale": part.scale or 1.0, "operation": op}}
        if part.name:
            body["description"] = {"name": part.name}
        out[f"part_{len(out) + 1}"] = body
        previous = body
    if not out:
        problems.append(Problem("$.parts", "no part could be read from the instructions",
                                "a sketch (lines, arcs, circles with coordinates) and an extrusion", "nothing",
                                "describe at least one sketch and how far to extrude it"))
        return InstructionResult(None, None, problems, unused, len([s for s in sts if not s.header]))
    document = {"units": units, "parts": out}
    doc, more = validate(document)
    return InstructionResult(document, doc, problems + more, unused, len([s for s in sts if not s.header]))
