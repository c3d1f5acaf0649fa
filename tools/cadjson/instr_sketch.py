"""The sketch of one part, read as a stream: face and loop markers, curve words, points, radii.

Statements are read token by token, in text order, so a curve may span statements (a step
list gives a circle's centre and radius on separate lines). A line runs from a point to the
next point joined by "to" / "ends at"; an arc takes its mid point from "mid" / "through" and
its ends from "from" / "to"; a circle takes a centre and a radius (or diameter); a polygon or
rectangle by its vertices is closed. A loop ends where its chain returns to its start, at a
circle, or at a loop marker; a face ends at a face marker.
"""

from __future__ import annotations

import math
import re

from .instr_text import NUM, POINT_RE, Statement, ordinal
from .instr_tokens import CENTER, RECT_DIMS, REFERENCE, TOKENS, point_role

def _close(a, b, scale: float = 1.0) -> bool:
    return math.dist(a, b) <= 1e-6 * max(1.0, scale)


def _open_ends(loop: list) -> list:
    """Points where exactly one curve of a chain ends: a closed loop has none, an open chain two."""
    if any(c[0] == "circle" for c in loop):
        return []
    count: dict = {}
    for c in loop:
        for p in (c[1], c[-1]):
            key = (round(p[0], 6), round(p[1], 6))
            count.setdefault(key, [0, p])[0] += 1
    return [p for n, p in count.values() if n % 2 == 1]


def _flat(loop: list) -> bool:
    """A loop of lines only whose points all lie on one line (e.g. a line and the same line back)."""
    if any(c[0] != "line" for c in loop):
        return False
    pts = [p for c in loop for p in (c[1], c[2])]
    (x0, y0) = pts[0]
    far = max(pts, key=lambda p: math.dist(p, (x0, y0)))
    span = math.dist(far, (x0, y0))
    if span == 0:
        return True
    dx, dy = (far[0] - x0) / span, (far[1] - y0) / span
    return max(abs((p[0] - x0) * dy - (p[1] - y0) * dx) for p in pts) <= 1e-9 * max(1.0, span)


class SketchBuilder:
    def __init__(self) -> None:
        self.faces: list[list[list[tuple]]] = [[[]]]   # faces → loops → curves ('line', a, b) ...
        self.kind: str | None = None
        self.start = None          # pending line start
        self.last_end = None       # end of the last curve of the current loop
        self.arc: dict = {}
        self.circle: dict = {}
        self.last_center = None
        self.poly: list | None = None
        self.rect = False
        self.same_centre = self.each = self.separate_faces = False
        self.shared_r: float | None = None
        self.radii: list[float] = []
        self.centres: list = []
        self.face_no: int | None = None
        self.loop_no: int | None = None
        self.notes: list[str] = []

    # -- structure --------------------------------------------------------------------------
    @property
    def loop(self) -> list:
        return self.faces[-1][-1]

    def new_face(self, flush: bool = True) -> None:
        if flush:
            self._flush()
        if any(self.faces[-1]):
            self.faces.append([[]])
        self.last_end = None

    def new_loop(self) -> None:
        self._flush()
        if self.loop:
            self.faces[-1].append([])
        self.last_end = None

    def empty(self) -> bool:
        return not any(any(face) for face in self.faces)

    def _add(self, curve: tuple) -> None:
        if curve[0] == "circle":
            if self.loop:
                self.faces[-1].append([])
            self.loop.append(curve)
            self.faces[-1].append([])
            self.last_end = None
            return
        if curve[0] == "line" and _close(curve[1], curve[2]):
            self.notes.append(f"a zero-length line at {curve[1]} was dropped")
            return
        self.loop.append(curve)
        self.last_end = curve[-1] if curve[0] == "line" else curve[3]
        first = self.loop[0][1]
        if len(self.loop) >= 2 and _close(self.last_end, first):
            self.faces[-1].append([])
            self.last_end = None

    # -- tokens -----------------------------------------------------------------------------
    def read(self, st: Statement, ordinals: dict, bare_points: bool) -> bool:
        """Feed one statement; True when it held sketch content."""
        text, used, prev_end = st.norm, False, 0
        self.same_centre = bool(re.search(r"\bsame (?:cent|point|location|position|coordinates)|\bconcentric\b|\bcommon cent|\bshar\w+ (?:the )?cent", text))
        self.separate_faces = bool(re.search(r"\b(?:separate|different|individual|own|its own) faces?\b", text)) or \
            self.separate_faces and not re.search(r"\bface\b", text)
        dims = RECT_DIMS.search(text)
        if dims and not POINT_RE.search(text):
            # "a closed rectangular shape with dimensions of 0.375 by 0.4821": a rectangle from the origin
            w, h = float(dims.group("w")), float(dims.group("h"))
            self.new_loop()
            self._add_polygon([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)])
            self.notes.append(f"a {w:g} by {h:g} rectangle without coordinates was placed at the origin")
            st.take(*dims.span())
            text = text[:dims.start()] + " " * (dims.end() - dims.start()) + text[dims.end():]
            used = True
        drawn_by_curves = re.search(r"\b(?:line|arc)s?\b", text)
        connecting = re.search(r"\b(?:connecting|joining|through)\s+(?:the\s+)?(?:points\s+|vertices\s+)?(?:at\s+)?[(\[]",
                               text) and not re.search(r"\barcs?\b|\bfrom\b", text)
        if connecting or not drawn_by_curves and (
                re.search(r"\b(?:vertices|corners|points)\s*(?:at|of|are|located|:)", text)
                or re.search(r"\b(?:rectangle|square)\b", text)):
            self.poly = []
            self.rect = bool(re.search(r"\b(?:rectangle|square)\b", text))
        for m in TOKENS.finditer(text):
            if m.group("bare") and not bare_points:
                continue
            if m.group("origin") and re.match(r"\s*(?:at\s*)?[(\[]", text[m.end():]):
                continue  # "the origin at (0.0, 0.0)": the point follows
            gap = text[prev_end:m.start()]
            prev_end = m.end()
            if m.group("face"):
                n = ordinal(m.group("face_ord") or m.group("face_num"), ordinals)
                if not (n and n == self.face_no):
                    self.new_face()
                    self.loop_no = None
                self.face_no = n
                used = True
            elif m.group("loop"):
                n = ordinal(m.group("loop_ord") or m.group("loop_num"), ordinals)
                if not (n and n == self.loop_no):
                    self.new_loop()
                self.loop_no = n
                used = True
            elif m.group("poly") or m.group("rect"):
                continue
            elif m.group("kind") and REFERENCE.search(text[max(0, m.start() - 40):m.start()]):
                continue  # "from the endpoint of the first line": a reference, not a new curve
            elif m.group("kind"):
                plural = m.group("kind").lower().endswith("s")
                word = "circle" if m.group("kind").lower() == "circular" else m.group("kind").lower().rstrip("s")
                self._flush_open_arc()
                if word != self.kind or word == "circle":
                    self.start = None
                self.kind = word
                used |= bool(re.match(r"\W*(?:\w+,?\s+){0,3}?(?:draw|create|add|sketch|make|start|begin)\w*\b", text))
                if word == "circle" and not plural:
                    self.circle, self.shared_r = {}, None
            elif m.group("radii"):
                self.radii = [float(v) for v in re.findall(NUM, m.group("rl"))]
                st.take(*m.span())
                used = True
                while self.radii and self.centres:
                    self._circle_at(self.centres.pop(0), self.radii.pop(0))
            elif m.group("axmove") and self.kind in (None, "line"):
                # "end at 0.75 along the x-axis", "move back to the origin along the x-axis": that coordinate
                at = self.start if self.start is not None else self.last_end if self.last_end is not None else (0.0, 0.0)
                value = float(m.group("amv")) if m.group("amv") else 0.0
                self._add(("line", at, (value, at[1]) if m.group("aax").lower() == "x" else (at[0], value)))
                self.start = None
                st.take(*m.span())
                used = True
            elif m.group("axmove"):
                continue
            elif m.group("radius") or m.group("diameter"):
                self.each = bool(re.search(r"\beach\b|\ball\b|\bevery\b", text[max(0, m.start() - 30):m.end() + 10]))
                r = float(m.group("r")) if m.group("radius") else float(m.group("d")) / 2
                st.take(*m.span())
                used |= self._radius(r)
            else:
                if m.group("origin"):
                    p = (0.0, 0.0)
                elif m.group("axes"):
                    p = (float(m.group("ax")), float(m.group("ay")))
                elif m.group("point"):
                    p = (float(m.group("x")), float(m.group("y")))
                else:
                    p = (float(m.group("bx")), float(m.group("by")))
                st.take(*m.span())
                used = True
                self._point(p, gap)
        self._flush_poly()
        return used

    def _radius(self, r: float) -> bool:
        if self.kind != "circle" and self.kind is not None and self.circle == {}:
            return False
        if self.centres or "c" in self.circle and self.each:  # centres listed first, radii after
            pending = ([self.circle.pop("c")] if "c" in self.circle else []) + self.centres
            self.centres = pending[1:] if not self.each else []
            for c in (pending if self.each else pending[:1]):
                self._circle_at(c, r)
            if not self.each and self.centres:
                self.circle = {"c": self.centres.pop(0)}
            return True
        self.circle["r"] = r
        if self.each:
            self.shared_r = r
        if "c" not in self.circle and self.last_center is not None and self.same_centre:
            self.circle["c"] = self.last_center
        self._emit_circle()
        return True

    def _circle_at(self, c, r: float) -> None:
        if self.separate_faces and any(self.faces[-1]):
            self.new_face(flush=False)
        self._add(("circle", c, r))
        self.last_center = c

    def _emit_circle(self) -> None:
        if "c" in self.circle and "r" in self.circle:
            self._circle_at(self.circle["c"], self.circle["r"])
            self.circle = {"r": self.shared_r} if self.shared_r is not None else {}

    def _point(self, p, gap: str) -> None:
        if self.poly is not None:
            self.poly.append(p)
            return
        if self.kind == "circle" or CENTER.search(gap) and self.kind != "arc":
            if self.kind != "circle":
                self.kind, self.circle = "circle", ({"r": self.circle["r"]} if "r" in self.circle else {})
            if self.radii:
                self._circle_at(p, self.radii.pop(0))
            elif "c" in self.circle and "r" not in self.circle:
                self.centres.append(p)  # several centres before their radii
            else:
                self.circle["c"] = p
                self._emit_circle()
            return
        role = point_role(gap)
        if self.kind == "arc":
            if role is None or role in self.arc:
                role = next((r for r in ("start", "mid", "end") if r not in self.arc), "end")
            self.arc[role] = p
            self._emit_arc()
            return
        # a line (or points before any curve word: lines); "to (a), (b), and back to (c)" chains on
        if role == "end" or role is None and (self.start is not None or self.last_end is not None):
            start = self.start if self.start is not None else self.last_end
            if start is not None:
                self._add(("line", start, p))
                self.start = None
                return
        self.start = p

    def _emit_arc(self) -> None:
        a = self.arc
        if "start" not in a and self.last_end is not None and "mid" in a and "end" in a:
            a["start"] = self.last_end
        if {"start", "mid", "end"} <= set(a):
            self._add(("arc", a["start"], a["mid"], a["end"]))
            self.arc = {}

    def _flush_open_arc(self) -> None:
        if self.arc:
            a = self.arc
            if "start" in a and "end" in a:
                self.notes.append(f"an arc from {a['start']} to {a['end']} had no mid point: drawn as a line")
                self._add(("line", a["start"], a["end"]))
            self.arc = {}

    def _flush_poly(self) -> None:
        pts = self.poly
        self.poly = None
        if pts is None:
            return
        pts = [p for i, p in enumerate(pts) if i == 0 or not _close(p, pts[i - 1])]
        if len(pts) >= 2 and _close(pts[0], pts[-1]):
            pts = pts[:-1]  # "... and back to the origin": the first corner again
        if len(pts) == 2 and self.rect:
            (x0, y0), (x1, y1) = pts
            pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        elif len(pts) == 3 and self.rect:  # three corners of a rectangle: the fourth is implied
            pts = pts + [(pts[0][0] + pts[2][0] - pts[1][0], pts[0][1] + pts[2][1] - pts[1][1])]
        if len(pts) >= 3:
            if self.loop:
                self.new_loop()
            self._add_polygon(pts)
        self.rect = False

    def _add_polygon(self, pts: list) -> None:
        for a, b in zip(pts, pts[1:] + pts[:1]):
            self._add(("line", a, b))

    def _flush(self) -> None:
        self._flush_open_arc()
        self.start = None
        self.circle, self.shared_r, self.radii, self.centres = {}, None, [], []

    # -- result -----------------------------------------------------------------------------
    def to_json(self) -> dict:
        """{face_N: {loop_N: {line_N / arc_N / circle_N: ...}}}, empty faces and loops dropped."""
        self._flush()
        faces: dict = {}
        for face in self.faces:
            loops = {}
            for loop in face:
                if not loop:
                    continue
                ends = _open_ends(loop)
                if len(ends) == 2:
                    self.notes.append(f"an open loop was closed with a line from {ends[0]} to {ends[1]}")
                    loop = loop + [("line", ends[0], ends[1])]
                if _flat(loop):
                    self.notes.append(f"a loop of {len(loop)} curve(s) encloses no area and was dropped")
                    continue
                counters = {"line": 0, "arc": 0, "circle": 0}
                curves = {}
                for c in loop:
                    counters[c[0]] += 1
                    name = f"{c[0]}_{counters[c[0]]}"
                    if c[0] == "line":
                        curves[name] = {"Start Point": list(c[1]), "End Point": list(c[2])}
                    elif c[0] == "arc":
                        curves[name] = {"Start Point": list(c[1]), "Mid Point": list(c[2]), "End Point": list(c[3])}
                    else:
                        curves[name] = {"Center": list(c[1]), "Radius": c[2]}
                loops[f"loop_{len(loops) + 1}"] = curves
            if loops:
                faces[f"face_{len(faces) + 1}"] = loops
        return faces
