"""Exact volumetric IoU of two solids through OCCT booleans.

``iou(a, b)`` compares the parts where they are. ``best_iou(a, b)`` first moves both bbox
centers to the origin, then tries the 24 axis-aligned rotations of ``b`` and keeps the
best; rotations whose bounding boxes alone cannot beat the best so far are skipped
(the bbox overlap bounds the intersection volume), so most parts need few booleans.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass

import cadquery as cq
import numpy as np
from OCP.BRepBuilderAPI import BRepBuilderAPI_Transform
from OCP.gp import gp_Pnt, gp_Trsf


@dataclass
class IoUResult:
    iou: float
    intersection: float
    volume_a: float
    volume_b: float
    rotation: list[list[int]] | None = None  # the rotation of b that gave the best IoU
    booleans: int = 1                          # how many intersections were computed

    def to_dict(self) -> dict:
        return asdict(self)


def _volume(shape: cq.Shape) -> float:
    return float(sum(s.Volume() for s in shape.Solids()))


def _intersection_volume(a: cq.Shape, b: cq.Shape) -> float:
    return _volume(a.intersect(b))


def iou(a: cq.Shape, b: cq.Shape) -> IoUResult:
    va, vb = _volume(a), _volume(b)
    if va <= 0 or vb <= 0:
        raise ValueError("IoU needs two solids with positive volume")
    inter = _intersection_volume(a, b)
    return IoUResult(inter / (va + vb - inter), inter, va, vb)


def rotations_24() -> list[np.ndarray]:
    """The 24 proper rotations that map coordinate axes onto coordinate axes."""
    mats = []
    for perm in itertools.permutations(range(3)):
        for signs in itertools.product((1, -1), repeat=3):
            m = np.zeros((3, 3), dtype=int)
            for row, (col, sign) in enumerate(zip(perm, signs)):
                m[row, col] = sign
            if round(np.linalg.det(m)) == 1:
                mats.append(m)
    return mats


def _centered(shape: cq.Shape) -> cq.Shape:
    c = shape.BoundingBox().center
    return shape.translate(cq.Vector(-c.x, -c.y, -c.z))


def _transform(shape: cq.Shape, m: np.ndarray) -> cq.Shape:
    trsf = gp_Trsf()
    v = [float(x) for x in m.flatten()]
    trsf.SetValues(v[0], v[1], v[2], 0.0, v[3], v[4], v[5], 0.0, v[6], v[7], v[8], 0.0)
    return cq.Shape.cast(BRepBuilderAPI_Transform(shape.wrapped, trsf, True).Shape())


def _half_extents(shape: cq.Shape) -> np.ndarray:
    bb = shape.BoundingBox()
    return np.array([bb.xlen, bb.ylen, bb.zlen]) / 2.0


NORMALIZED_EXTENT = 100.0


def _normalized(shape: cq.Shape) -> cq.Shape:
    """Uniformly scaled so its largest bbox extent is NORMALIZED_EXTENT (around its bbox center)."""
    bb = shape.BoundingBox()
    largest = max(bb.xlen, bb.ylen, bb.zlen)
    if largest <= 0:
        raise ValueError("cannot normalize a shape with an empty bounding box")
    trsf = gp_Trsf()
    trsf.SetScale(gp_Pnt(0, 0, 0), NORMALIZED_EXTENT / largest)
    return cq.Shape.cast(BRepBuilderAPI_Transform(shape.wrapped, trsf, True).Shape())


def best_iou(a: cq.Shape, b: cq.Shape, normalize: bool = False) -> IoUResult:
    """``normalize``: scale both to the same largest extent first (units-free shape comparison,
    e.g. a generated part against a DeepCAD ground truth in its own unit). Volumes are then
    reported in the normalized frame."""
    a, b = _centered(a), _centered(b)
    if normalize:
        a, b = _normalized(a), _normalized(b)
    va, vb = _volume(a), _volume(b)
    if va <= 0 or vb <= 0:
        raise ValueError("IoU needs two solids with positive volume")
    ha, hb = _half_extents(a), _half_extents(b)
    candidates = []
    for m in rotations_24():
        hb_rot = np.abs(m) @ hb
        overlap = float(np.prod(2 * np.minimum(ha, hb_rot)))
        bound_inter = min(overlap, va, vb)
        candidates.append((bound_inter / (va + vb - bound_inter), m))
    candidates.sort(key=lambda c: -c[0])
    best = IoUResult(0.0, 0.0, va, vb, None, 0)
    seen = set()
    for bound, m in candidates:
        if bound <= best.iou + 1e-12:
            break
        key = m.tobytes()
        if key in seen:
            continue
        seen.add(key)
        inter = _intersection_volume(a, _transform(b, m))
        best.booleans += 1
        value = inter / (va + vb - inter)
        if value > best.iou:
            best.iou, best.intersection, best.rotation = value, inter, m.tolist()
        if best.iou >= 1 - 1e-9:
            break
    return best
