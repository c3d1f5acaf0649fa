"""Volumetric IoU of two parts, exact where the kernel's booleans can be trusted, with a stated error.

``iou(a, b)`` compares the parts where they are. ``best_iou(a, b, align=...)`` first aligns
them: ``none`` leaves both in place, ``translate`` moves both bbox centers to the origin,
``rotate`` (the default) also tries the 24 axis-aligned rotations of ``b`` and keeps the best;
rotations whose bounding boxes alone cannot beat the best so far are skipped (the bbox overlap
bounds the intersection volume), so most parts need few booleans.

How a figure is obtained (:func:`overlap`): the intersection and the union are computed with
OCCT booleans, first exact, then with a fuzzy value of 1e-6, 1e-5 and 1e-4 of the parts' size
(near-coincident faces, e.g. a part rebuilt from coordinates printed to 4 decimals, make exact
booleans fail or return a partial result). A result is used only when it is consistent:
vol(A∩B) <= min(vol A, vol B) and vol(A∪B) = vol A + vol B - vol(A∩B) within the volume
precision plus what the fuzzy value can move. When no boolean is consistent, the IoU is
estimated by classifying a fixed-seed sample of points against both solids and reported with
its standard error. ``IoUResult.method`` says which (``exact`` / ``fuzzy`` / ``sampled``) and
``IoUResult.error`` bounds the figure's absolute error; a failed boolean's number is never
reported.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass

import cadquery as cq
import numpy as np
from OCP.BRepAlgoAPI import BRepAlgoAPI_Common, BRepAlgoAPI_Fuse
from OCP.BRepBuilderAPI import BRepBuilderAPI_Transform
from OCP.BRepClass3d import BRepClass3d_SolidClassifier
from OCP.gp import gp_Pnt, gp_Trsf
from OCP.ShapeAnalysis import ShapeAnalysis_ShapeTolerance
from OCP.TopAbs import TopAbs_OUT
from OCP.TopTools import TopTools_ListOfShape

ALIGNS = ("none", "translate", "rotate")
FUZZY_STEPS = (0.0, 1e-6, 1e-5, 1e-4)   # fuzzy value as a fraction of the parts' largest extent
VOLUME_PRECISION = 1e-4                  # relative: what OCCT's volume integration may be off by
SAMPLE_POINTS = 20000
SAMPLE_SEED = 0


@dataclass
class IoUResult:
    iou: float
    intersection: float
    volume_a: float
    volume_b: float
    rotation: list[list[int]] | None = None  # the rotation of b that gave the best IoU
    booleans: int = 1                          # how many overlaps were computed
    method: str = "exact"                      # exact | fuzzy | sampled
    error: float = 0.0                         # bound (exact / fuzzy) or standard error (sampled) of iou
    fuzzy: float = 0.0                         # the fuzzy value used, in the parts' length unit
    align: str = "none"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Overlap:
    intersection: float
    union: float
    method: str
    error: float        # absolute error of intersection / union
    fuzzy: float = 0.0

    @property
    def iou(self) -> float:
        return self.intersection / self.union if self.union > 0 else 0.0


def _volume(shape: cq.Shape) -> float:
    return float(sum(s.Volume() for s in shape.Solids()))


def _boolean(cls, a: cq.Shape, b: cq.Shape, fuzzy: float) -> float | None:
    op = cls()
    args, tools = TopTools_ListOfShape(), TopTools_ListOfShape()
    args.Append(a.wrapped)
    tools.Append(b.wrapped)
    op.SetArguments(args)
    op.SetTools(tools)
    if fuzzy > 0:
        op.SetFuzzyValue(fuzzy)
    op.SetRunParallel(False)
    op.Build()
    if not op.IsDone():
        return None
    return _volume(cq.Shape.cast(op.Shape()))


def _tolerance(shape: cq.Shape) -> float:
    """The largest tolerance of the shape's vertices, edges and faces (OCCT's, in its unit)."""
    return float(ShapeAnalysis_ShapeTolerance().Tolerance(shape.wrapped, 1))


def _extent(*shapes: cq.Shape) -> float:
    bb = shapes[0].BoundingBox()
    for s in shapes[1:]:
        bb = bb.add(s.BoundingBox())
    return max(bb.xlen, bb.ylen, bb.zlen)


def _consistent(vi: float | None, vu: float | None, va: float, vb: float, slack: float) -> float | None:
    """The relative residual of vol(A∪B) = vA + vB − vol(A∩B), or None when the pair cannot be
    the result of correct booleans (within ``slack``, relative to the union)."""
    if vi is None or vu is None or vu <= 0:
        return None
    tol = (VOLUME_PRECISION + slack) * vu
    if vi < -tol or vi > min(va, vb) + tol or vu < max(va, vb) - tol or vu > va + vb + tol:
        return None
    residual = abs(vu - (va + vb - vi)) / vu
    return residual if residual <= VOLUME_PRECISION + slack else None


def sampled_overlap(a: cq.Shape, b: cq.Shape, points: int = SAMPLE_POINTS, seed: int = SAMPLE_SEED) -> Overlap:
    """Monte Carlo estimate: uniform points in the union of both bounding boxes, classified
    against every solid of each part (a point on a face counts as inside)."""
    bb = a.BoundingBox().add(b.BoundingBox())
    lo, hi = np.array([bb.xmin, bb.ymin, bb.zmin]), np.array([bb.xmax, bb.ymax, bb.zmax])
    pts = np.random.default_rng(seed).uniform(lo, hi, size=(points, 3))
    tol = 1e-7 * max(float(np.max(hi - lo)), 1e-9)

    def inside(shape: cq.Shape) -> np.ndarray:
        out = np.zeros(len(pts), dtype=bool)
        for solid in shape.Solids():
            sb = solid.BoundingBox()
            mask = ~out & np.all((pts >= [sb.xmin, sb.ymin, sb.zmin]) & (pts <= [sb.xmax, sb.ymax, sb.zmax]), axis=1)
            classifier = BRepClass3d_SolidClassifier(solid.wrapped)
            for i in np.flatnonzero(mask):
                classifier.Perform(gp_Pnt(*map(float, pts[i])), tol)
                out[i] = classifier.State() != TopAbs_OUT
        return out

    in_a, in_b = inside(a), inside(b)
    box = float(np.prod(hi - lo))
    n_union = int(np.count_nonzero(in_a | in_b))
    n_inter = int(np.count_nonzero(in_a & in_b))
    if n_union == 0:
        return Overlap(0.0, 0.0, "sampled", 1.0)
    p = n_inter / n_union
    stderr = float(np.sqrt(max(p * (1 - p), 1.0 / n_union) / n_union))
    return Overlap(box * n_inter / points, box * n_union / points, "sampled", stderr)


def overlap(a: cq.Shape, b: cq.Shape, va: float | None = None, vb: float | None = None) -> Overlap:
    """vol(A∩B) and vol(A∪B) from the first consistent boolean (exact, then fuzzy), else sampled."""
    va = _volume(a) if va is None else va
    vb = _volume(b) if vb is None else vb
    size = _extent(a, b)
    area = float(a.Area() + b.Area())
    kernel_tol = max(_tolerance(a), _tolerance(b))   # faces closer than this are one to the kernel
    for step in FUZZY_STEPS:
        fuzzy = step * size
        vi = _boolean(BRepAlgoAPI_Common, a, b, fuzzy)
        if vi is None:
            continue
        vu = _boolean(BRepAlgoAPI_Fuse, a, b, fuzzy)
        # what merging faces within ``fuzzy`` (or the kernel's own tolerance) can change, relative
        moved = max(fuzzy, kernel_tol) * area / vu if vu else 0.0
        residual = _consistent(vi, vu, va, vb, 4 * moved)
        if residual is not None:
            return Overlap(vi, vu, "fuzzy" if fuzzy else "exact", max(residual, moved, 1e-9), fuzzy)
    return sampled_overlap(a, b)


def _result(ov: Overlap, va: float, vb: float, align: str, rotation=None, booleans: int = 1) -> IoUResult:
    return IoUResult(ov.iou, ov.intersection, va, vb, rotation, booleans, ov.method, ov.error, ov.fuzzy, align)


def iou(a: cq.Shape, b: cq.Shape) -> IoUResult:
    """IoU of the parts where they are."""
    va, vb = _volume(a), _volume(b)
    if va <= 0 or vb <= 0:
        raise ValueError("IoU needs two solids with positive volume")
    return _result(overlap(a, b, va, vb), va, vb, "none")


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
    """Uniformly scaled about the origin so its largest bbox extent is NORMALIZED_EXTENT."""
    bb = shape.BoundingBox()
    largest = max(bb.xlen, bb.ylen, bb.zlen)
    if largest <= 0:
        raise ValueError("cannot normalize a shape with an empty bounding box")
    trsf = gp_Trsf()
    trsf.SetScale(gp_Pnt(0, 0, 0), NORMALIZED_EXTENT / largest)
    return cq.Shape.cast(BRepBuilderAPI_Transform(shape.wrapped, trsf, True).Shape())


def best_iou(a: cq.Shape, b: cq.Shape, normalize: bool = False, align: str = "rotate") -> IoUResult:
    """``align``: ``none`` (in place), ``translate`` (bbox centers to the origin) or ``rotate``
    (centered, best of the 24 axis-aligned rotations of ``b``). ``normalize``: scale each part
    (about the origin, after any centering) to the same largest extent first: a units-free shape
    comparison, e.g. a generated part against a DeepCAD ground truth in its own unit. Volumes
    are then reported in the normalized frame."""
    if align not in ALIGNS:
        raise ValueError(f"align must be one of {', '.join(ALIGNS)}, not {align!r}")
    if align != "none":
        a, b = _centered(a), _centered(b)
    if normalize:
        a, b = _normalized(a), _normalized(b)
    va, vb = _volume(a), _volume(b)
    if va <= 0 or vb <= 0:
        raise ValueError("IoU needs two solids with positive volume")
    if align != "rotate":
        return _result(overlap(a, b, va, vb), va, vb, align)
    ha, hb = _half_extents(a), _half_extents(b)
    candidates = []
    for m in rotations_24():
        hb_rot = np.abs(m) @ hb
        bound_inter = min(float(np.prod(2 * np.minimum(ha, hb_rot))), va, vb)
        candidates.append((bound_inter / (va + vb - bound_inter), m))
    candidates.sort(key=lambda c: -c[0])
    best: IoUResult | None = None
    count = 0
    for bound, m in candidates:
        if best is not None and bound <= best.iou + 1e-12:
            break
        ov = overlap(a, _transform(b, m), va, vb)
        count += 1
        if best is None or ov.iou > best.iou:
            best = _result(ov, va, vb, align, m.tolist())
        if best.iou >= 1 - 1e-9:
            break
    assert best is not None
    best.booleans = count
    return best
