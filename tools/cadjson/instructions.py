"""Sketch-and-extrude instructions (Text2CAD ``expert`` prose, ``nli_data`` step lists) → minimal CAD JSON.

    from cadagent.tools.cadjson.instructions import parse_instructions
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

import copy
import re
from dataclasses import dataclass, field

from .instr_steps import (EULER, EXTRUDE, SCALE, TRANSLATION, UNITS, PartState, choose_op, read_extrusion,
                          read_frame, read_operation, vocabulary)
from .instr_text import NUM, Statement, ordinal, statements, words_to_numbers
from .model import CadDoc
from .validate import Problem, validate

__all__ = ["InstructionResult", "Unused", "looks_like_instructions", "parse_instructions"]


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

def looks_like_instructions(text: str) -> bool:
    """True for construction steps precise enough to build: a sketch with coordinates and an extrusion."""
    t = words_to_numbers(text).lower()  # "from zero, zero point one to ..." counts too
    points = len(re.findall(rf"[(\[]\s*{NUM}\s*,\s*{NUM}\s*[)\]]", t)) + len(re.findall(r"\bradius\b", t)) + \
        len(re.findall(rf"\b(?:from|at|to|through)\s+(?:the\s+point\s+)?{NUM}\s*,\s*{NUM}", t))
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
    parts: list[PartState] = [PartState()]
    unused: list[Unused] = []
    for st, start in _split_parts(sts, voc):
        part = parts[-1]
        if start in ("tag", "marker") and part.started() or start == "frame" and part.extruded:
            parts.append(PartState(first_statement=st.index))
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
        if read_frame(part, st, parts[-2] if len(parts) > 1 else None):
            used.append("frame")
        m = SCALE.search(st.norm)
        if m and not (summary and summary.start() < m.start()):
            v = m.group("v") or m.group("w")
            if float(v) > 0:
                part.scale = float(v)
                st.take(*m.span("v" if m.group("v") else "w"))
                used.append("scale")
        about_extrusion = bool(EXTRUDE.search(st.norm) or re.search(r"\b(?:body|boolean|operation|material)\b",
                                                                    st.norm))
        if read_extrusion(part, st, voc):
            used.append("extrusion")
        if read_operation(part, st, voc, about_extrusion):
            used.append("operation")
        if not EULER.search(st.norm) and not TRANSLATION.search(st.norm):
            sketch_text = st.norm
            ex = EXTRUDE.search(sketch_text)
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
    for name, rx in UNITS.items():
        if rx.search(t):
            return name
    return "unitless"


def _assemble(parts: list[PartState], sts: list[Statement], unused: list[Unused], units: str) -> InstructionResult:
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
            body = copy.deepcopy(previous)
            body["extrusion"]["operation"] = choose_op(part, False) if part.ops else "JoinFeatureOperation"
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
        op = choose_op(part, not out)
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
