"""Read features back from ANY B-rep (not only compiled parts): holes, fillets, chamfers, an
approximate minimum wall thickness, bbox, volume and face-type counts. Runs inside a sandbox
job (``Sandbox.call("part_measure", {"path": ...})``); returns plain JSON-able dicts.

- A hole is a set of coaxial concave cylindrical faces (material outside) that together go all
  the way round (2π), plus coaxial concave cones (countersinks) and larger coaxial cylinders at
  its open end (counterbores). Through or blind, from the topology: an end is closed when the
  face across its rim is a flat disc perpendicular to the axis and no wider than the hole, or a
  cone narrowing onto the axis (a drill point).
- A fillet face is a convex or concave cylindrical face that turns ≤ 90.5° (and is not a hole),
  a torus face (radius = its minor radius) or a sphere face of at most an eighth of a sphere.
- A chamfer face is a planar face between two faces that meet at 90°, at ~45° to both
  (size = width / √2), or a cone at 45° between a plane and a coaxial cylinder.
- Minimum wall thickness: from a point inside each face (its UV centre, or the first grid point
  that lies on the face), a ray along the inward normal; the distance to the next surface it
  meets. The minimum over faces is approximate (one sample per face).
"""

from __future__ import annotations

import math
from collections import Counter

from OCP.BRepClass import BRepClass_FaceClassifier
from OCP.BRepGProp import BRepGProp
from OCP.GProp import GProp_GProps
from OCP.gp import gp_Dir, gp_Lin, gp_Pnt, gp_Pnt2d
from OCP.IntCurvesFace import IntCurvesFace_ShapeIntersector
from OCP.TopAbs import TopAbs_IN

from .measure_faces import _adjacency, _cone_ends, _faces, _planar_chamfers, _r
from .measure_holes import _holes, _segments


def _blends(faces, hole_faces, partial_concave):
    fillets, chamfers = Counter(), Counter()
    for fi in faces:
        if fi.index in hole_faces:
            continue
        if fi.kind == "cylindrical" and fi.u1 - fi.u0 <= math.pi / 2 + 0.01:
            fillets[_r(fi.ad.Cylinder().Radius(), 3)] += 1
        elif fi.kind == "toroidal":
            fillets[_r(fi.ad.Torus().MinorRadius(), 3)] += 1
        elif fi.kind == "spherical" and (fi.u1 - fi.u0) * (fi.v1 - fi.v0) <= math.pi * math.pi / 4 + 0.01:
            fillets[_r(fi.ad.Sphere().Radius(), 3)] += 1
        elif fi.kind == "conical":
            semi = math.degrees(fi.ad.Cone().SemiAngle())
            if abs(abs(semi) - 45) < 1:
                (za, ra), (zb, rb) = _cone_ends(fi)
                chamfers[_r(math.hypot(zb - za, rb - ra) / math.sqrt(2), 3)] += 1
    return fillets, chamfers


def _thickness(faces, shape) -> dict | None:
    inter = IntCurvesFace_ShapeIntersector()
    inter.Load(shape.wrapped, 1e-6)
    best = None
    for fi in faces:
        for fu, fv in ((0.5, 0.5), (0.25, 0.25), (0.75, 0.75), (0.25, 0.75), (0.75, 0.25)):
            u, v = fi.u0 + fu * (fi.u1 - fi.u0), fi.v0 + fv * (fi.v1 - fi.v0)
            clf = BRepClass_FaceClassifier(fi.face, gp_Pnt2d(u, v), 1e-7)
            if clf.State() == TopAbs_IN:
                break
        else:
            continue
        p, n = fi.sample(u, v)
        if n == (0.0, 0.0, 0.0):
            continue
        inter.Perform(gp_Lin(gp_Pnt(*p), gp_Dir(-n[0], -n[1], -n[2])), 1e-4, 1e9)
        ws = [inter.WParameter(i) for i in range(1, inter.NbPnt() + 1)]
        ws = [w for w in ws if w > 1e-4]
        if ws and (best is None or min(ws) < best[0]):
            best = (min(ws), p, fi.index)
    if best is None:
        return None
    return {"value": _r(best[0]), "at": [_r(c) for c in best[1]], "face": best[2],
            "method": "one ray per face along the inward normal from a point on the face; the "
                      "shortest distance to the next surface (approximate)"}


def _volume(shape) -> float:
    """Exact volume of the closed shells (shared faces counted once: faster on many-face parts)."""
    props = GProp_GProps()
    BRepGProp.VolumeProperties_s(shape.wrapped, props, True, True, False)
    return props.Mass()


def measure_features(shape, thickness: bool = True) -> dict:
    """Everything above as a JSON-able dict (lengths in mm)."""
    faces, fmap = _faces(shape)
    segs, axes, partial = _segments(faces)
    adjacency = _adjacency(faces, shape)
    holes = _holes(segs, axes, adjacency)
    hole_faces = {i for h in holes for i in h.pop("faces")}
    fillets, chamfers = _blends(faces, hole_faces, partial)
    _planar_chamfers(faces, adjacency, chamfers)
    bb = shape.BoundingBox()
    counts = Counter(fi.kind for fi in faces)
    by_size = Counter((h["diameter"], h["through"], bool(h["cbore"]), bool(h["csink"])) for h in holes)
    return {
        "bbox_min": [_r(bb.xmin), _r(bb.ymin), _r(bb.zmin)], "bbox_max": [_r(bb.xmax), _r(bb.ymax), _r(bb.zmax)],
        "size": [_r(bb.xlen), _r(bb.ylen), _r(bb.zlen)],
        "volume": _r(_volume(shape), 3), "solids": len(shape.Solids()),
        "faces": {"total": len(faces), **{k: counts.get(k, 0) for k in ("planar", "cylindrical", "conical",
                                                                         "spherical", "toroidal", "other")}},
        "holes": holes,
        "hole_counts": [{"diameter": d, "through": t, "cbore": c, "csink": s, "count": n}
                        for (d, t, c, s), n in sorted(by_size.items())],
        "fillets": [{"radius": r, "faces": n} for r, n in sorted(fillets.items())],
        "chamfers": [{"size": s, "faces": n} for s, n in sorted(chamfers.items())],
        "min_wall": _thickness(faces, shape) if thickness else None,
    }
