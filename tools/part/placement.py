"""Face frames and placement points (pure geometry, no CAD kernel).

A named face is a side of the base body's bounding box. Its frame: ``origin`` at the face's
centre, ``x_dir`` (u) to the right and ``normal`` out of the part; v = normal x u is "up" as seen
from outside. ``half`` is the half-extent in (u, v), ``depth`` the thickness of the bbox along the
normal (what a through cut has to go through)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import tables
from .features import Datum
from .geometry import Shape

# face -> (axis index of the normal, sign, u direction)
FACES = {"top": (2, 1, (1, 0, 0)), "bottom": (2, -1, (1, 0, 0)), "front": (1, -1, (1, 0, 0)),
         "back": (1, 1, (-1, 0, 0)), "right": (0, 1, (0, 1, 0)), "left": (0, -1, (0, -1, 0))}
# datum -> (axis index of the normal, sign of the normal, u direction): CadQuery's named planes
DATUMS = {"XY": (2, 1, (1, 0, 0)), "XZ": (1, -1, (1, 0, 0)), "YZ": (0, 1, (0, 1, 0))}


def _cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


@dataclass
class Frame:
    name: str
    origin: tuple[float, float, float]
    x_dir: tuple[float, float, float]
    normal: tuple[float, float, float]
    half: tuple[float, float]
    depth: float
    round_radius: float | None = None   # a disc face (cylinder top): points must stay inside it
    inner_radius: float = 0.0           # an annulus (tube end): points must stay outside this

    @property
    def y_dir(self):
        return _cross(self.normal, self.x_dir)

    def to_world(self, u: float, v: float, w: float = 0.0):
        y = self.y_dir
        return tuple(self.origin[i] + u * self.x_dir[i] + v * y[i] + w * self.normal[i] for i in range(3))


def face_frame(shape: Shape, on) -> Frame:
    lo, hi = shape.lo, shape.hi
    c = [(a + b) / 2 for a, b in zip(lo, hi)]
    if isinstance(on, Datum):
        k, sign, xd = DATUMS[on.plane]
        n = [0.0, 0.0, 0.0]
        n[k] = -float(sign) if on.flip else float(sign)
        origin = [0.0, 0.0, 0.0]
        origin[k] = on.offset   # along the axis, whatever the normal's sign
        f = Frame(f"datum {on.plane}", tuple(origin), xd, tuple(n), (0, 0), hi[k] - lo[k])
        ku = [i for i in range(3) if xd[i]][0]
        kv = [i for i in range(3) if i not in (k, ku)][0]
        f.half = ((hi[ku] - lo[ku]) / 2 + abs(c[ku]), (hi[kv] - lo[kv]) / 2 + abs(c[kv]))
        return f
    k, sign, xd = FACES[on]
    origin = list(c)
    origin[k] = hi[k] if sign > 0 else lo[k]
    n = [0.0, 0.0, 0.0]
    n[k] = float(sign)
    ku = [i for i in range(3) if xd[i]][0]
    kv = [i for i in range(3) if i not in (k, ku)][0]
    rr = None
    if shape.round_top and on in ("top", "bottom"):
        rr = {"top": shape.r_top, "bottom": shape.r_bottom}[on]
        rr = (hi[0] - lo[0]) / 2 if rr is None else rr
    return Frame(on, tuple(origin), tuple(float(x) for x in xd), tuple(n),
                 ((hi[ku] - lo[ku]) / 2, (hi[kv] - lo[kv]) / 2), hi[k] - lo[k], rr,
                 shape.r_inner if on in ("top", "bottom") else 0.0)


def _linear(count: int, spacing: float) -> list[float]:
    return [(i - (count - 1) / 2) * spacing for i in range(count)]


def points(at, frame: Frame) -> list[tuple[float, float]]:  # noqa: C901 - one branch per placement kind
    """The (u, v) points of a placement on a face."""
    hu, hv = frame.half
    kind = at.kind
    if kind == "center":
        return [(0.0, 0.0)]
    if kind == "at":
        return [tuple(p) for p in at.points]
    if kind == "from_corner":
        su = -1 if at.corner.endswith("left") else 1
        sv = -1 if at.corner.startswith("lower") else 1
        return [(su * (hu - at.dx), sv * (hv - at.dy))]
    if kind == "from_edge":
        if at.edge in ("left", "right"):
            return [((-1 if at.edge == "left" else 1) * (hu - at.distance), at.along)]
        return [(at.along, (-1 if at.edge == "lower" else 1) * (hv - at.distance))]
    if kind == "corners":
        iu = at.inset_u if at.inset_u is not None else at.inset
        iv = at.inset_v if at.inset_v is not None else at.inset
        return [(su * (hu - iu), sv * (hv - iv)) for sv in (-1, 1) for su in (-1, 1)]
    if kind == "linear":
        step = at.spacing if at.spacing is not None else (at.span / (at.count - 1) if at.count > 1 else 0.0)
        offs = _linear(at.count, step)
        cu, cv = at.center
        return [(cu + o, cv) if at.axis == "u" else (cu, cv + o) for o in offs]
    if kind == "grid":
        cu, cv = at.center
        return [(cu + a, cv + b) for b in _linear(at.counts[1], at.spacing[1])
                for a in _linear(at.counts[0], at.spacing[0])]
    if kind == "bolt_circle":
        cu, cv = at.center
        r = at.diameter / 2
        return [(cu + r * math.cos(math.radians(at.start_angle + 360.0 * i / at.count)),
                 cv + r * math.sin(math.radians(at.start_angle + 360.0 * i / at.count))) for i in range(at.count)]
    if kind == "nema":
        s = tables.nema(at.frame)["spacing"] / 2
        cu, cv = at.center
        return [(cu + a * s, cv + b * s) for b in (-1, 1) for a in (-1, 1)]
    raise ValueError(kind)


def clean(pts):
    """Round away float noise (1e-9) so scripts read 22.5, not 22.499999999999996."""
    def r(x):
        y = round(x, 6)
        return 0.0 if y == 0 else y
    return [(r(u), r(v)) for u, v in pts]
