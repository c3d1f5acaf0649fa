"""Typed form of a CAD JSON document (our canonical "minimal" format, see schema.json).

Plain dataclasses and numpy; no CadQuery. Lengths are in the document's units
(``CadDoc.units``; our converter always writes millimetres).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial.transform import Rotation

Point2 = tuple[float, float]
OPERATIONS = ("NewBodyFeatureOperation", "JoinFeatureOperation", "CutFeatureOperation",
              "IntersectFeatureOperation")
OPERATION_VERB = {"NewBodyFeatureOperation": "new body", "JoinFeatureOperation": "join",
                  "CutFeatureOperation": "cut", "IntersectFeatureOperation": "intersect"}
EULER_ORDER = "zyx"  # Text2CAD: Rotation.from_euler("zyx", angles, degrees=True)


def natural_key(name: str) -> tuple:
    """part_2 < part_10 (numeric suffix order)."""
    m = re.search(r"(\d+)$", name)
    return (name.rsplit("_", 1)[0], int(m.group(1)) if m else 0, name)


@dataclass
class Line:
    name: str
    start: Point2
    end: Point2

    def reversed(self) -> Line:
        return Line(self.name, self.end, self.start)

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)


@dataclass
class Arc:
    name: str
    start: Point2
    mid: Point2
    end: Point2

    def reversed(self) -> Arc:
        return Arc(self.name, self.end, self.mid, self.start)

    def circle(self) -> tuple[Point2, float] | None:
        """Center and radius through the three points; None when they are collinear."""
        (ax, ay), (bx, by), (cx, cy) = self.start, self.mid, self.end
        d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
        scale = max(math.dist(self.start, self.mid), math.dist(self.mid, self.end), 1e-300)
        if d == 0 or abs(d) < 1e-12 * scale * scale:     # (d == 0: three equal points, where scale² underflows)
            return None
        ux = ((ax**2 + ay**2) * (by - cy) + (bx**2 + by**2) * (cy - ay) + (cx**2 + cy**2) * (ay - by)) / d
        uy = ((ax**2 + ay**2) * (cx - bx) + (bx**2 + by**2) * (ax - cx) + (cx**2 + cy**2) * (bx - ax)) / d
        return (ux, uy), math.dist((ux, uy), self.start)

    def sweep(self) -> float:
        """Swept angle in radians (0..2π), going start → mid → end."""
        c = self.circle()
        if c is None:
            return 0.0
        (ux, uy), _ = c
        ang = [math.atan2(p[1] - uy, p[0] - ux) for p in (self.start, self.mid, self.end)]
        ccw = (ang[1] - ang[0]) % (2 * math.pi) < (ang[2] - ang[0]) % (2 * math.pi)
        total = (ang[2] - ang[0]) % (2 * math.pi)
        return total if ccw else 2 * math.pi - total


@dataclass
class Circle:
    name: str
    center: Point2
    radius: float


Curve = Line | Arc | Circle


@dataclass
class Loop:
    name: str
    curves: list[Curve]  # chained head to tail (or a single circle)

    @property
    def is_circle(self) -> bool:
        return len(self.curves) == 1 and isinstance(self.curves[0], Circle)

    def polygon(self, arc_steps: int = 8) -> list[Point2]:
        """A polyline approximation (for areas, containment and bboxes)."""
        if self.is_circle:
            c = self.curves[0]
            return [(c.center[0] + c.radius * math.cos(2 * math.pi * i / 64),
                     c.center[1] + c.radius * math.sin(2 * math.pi * i / 64)) for i in range(64)]
        pts: list[Point2] = []
        for cv in self.curves:
            pts.append(cv.start)
            if isinstance(cv, Arc) and cv.circle() is not None:
                (ux, uy), r = cv.circle()
                a0 = math.atan2(cv.start[1] - uy, cv.start[0] - ux)
                sw = cv.sweep()
                am = math.atan2(cv.mid[1] - uy, cv.mid[0] - ux)
                sign = 1 if (am - a0) % (2 * math.pi) <= sw + 1e-9 else -1
                for i in range(1, arc_steps):
                    a = a0 + sign * sw * i / arc_steps
                    pts.append((ux + r * math.cos(a), uy + r * math.sin(a)))
        return pts

    def area(self) -> float:
        """Unsigned enclosed area."""
        if self.is_circle:
            return math.pi * self.curves[0].radius ** 2
        pts = self.polygon(16)
        s = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))
        return abs(s) / 2

    def bbox(self) -> tuple[float, float, float, float]:
        pts = self.polygon()
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass
class Face:
    name: str
    loops: list[Loop]  # outer loop first (largest area), then holes

    @property
    def outer(self) -> Loop:
        return self.loops[0]

    @property
    def holes(self) -> list[Loop]:
        return self.loops[1:]


@dataclass
class Frame:
    euler: tuple[float, float, float]   # degrees
    origin: tuple[float, float, float]

    @property
    def matrix(self) -> np.ndarray:
        """Columns: the sketch's x axis, y axis and normal, in world coordinates."""
        return Rotation.from_euler(EULER_ORDER, self.euler, degrees=True).as_matrix().T

    @property
    def x_dir(self) -> np.ndarray:
        return self.matrix[:, 0]

    @property
    def normal(self) -> np.ndarray:
        return self.matrix[:, 2]

    @staticmethod
    def euler_from_axes(x_axis, y_axis, z_axis) -> tuple[float, float, float]:
        m = np.column_stack([x_axis, y_axis, z_axis]).astype(float)
        angles = Rotation.from_matrix(m.T).as_euler(EULER_ORDER, degrees=True)
        return tuple(float(round(a, 9)) + 0.0 for a in angles)  # type: ignore[return-value]


@dataclass
class Extrusion:
    towards: float          # along the sketch normal
    opposite: float         # against it
    operation: str
    sketch_scale: float = 1.0

    @property
    def length(self) -> float:
        return self.towards + self.opposite


@dataclass
class Part:
    name: str
    frame: Frame
    faces: list[Face]
    extrusion: Extrusion
    description: dict | str | None = None


def extruded_corners(part: Part) -> list:
    """World-space corners of each face's outer-loop box, extruded both ways: bounds the part."""
    m, o = part.frame.matrix, np.array(part.frame.origin)
    ex = part.extrusion
    return [o + m @ np.array([x, y, z]) for face in part.faces
            for x0, y0, x1, y1 in [face.outer.bbox()] for x in (x0, x1) for y in (y0, y1)
            for z in (-ex.opposite, ex.towards)]


@dataclass
class CadDoc:
    parts: list[Part]
    units: str | None = "mm"
    extra: dict = field(default_factory=dict)
