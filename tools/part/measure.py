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
from collections import Counter, defaultdict

from OCP.BRepAdaptor import BRepAdaptor_Curve, BRepAdaptor_Surface
from OCP.BRepClass import BRepClass_FaceClassifier
from OCP.BRepGProp import BRepGProp, BRepGProp_Face
from OCP.GProp import GProp_GProps
from OCP.BRepTools import BRepTools
from OCP.GeomAbs import (GeomAbs_Cone, GeomAbs_Cylinder, GeomAbs_Plane, GeomAbs_Sphere, GeomAbs_Torus)
from OCP.gp import gp_Dir, gp_Lin, gp_Pnt, gp_Pnt2d, gp_Vec
from OCP.IntCurvesFace import IntCurvesFace_ShapeIntersector
from OCP.TopAbs import TopAbs_EDGE, TopAbs_FACE, TopAbs_IN
from OCP.TopExp import TopExp
from OCP.TopoDS import TopoDS
from OCP.TopTools import TopTools_IndexedMapOfShape

TYPES = {GeomAbs_Plane: "planar", GeomAbs_Cylinder: "cylindrical", GeomAbs_Cone: "conical",
         GeomAbs_Sphere: "spherical", GeomAbs_Torus: "toroidal"}
TOL = 1e-4


def _v(p) -> tuple[float, float, float]:
    return (p.X(), p.Y(), p.Z())


def _r(x: float, k: int = 4) -> float:
    y = round(float(x), k)
    return 0.0 if y == 0 else y


def _dot(a, b) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _canon(d):
    """Direction with a canonical sign (axes of one hole agree whatever the face says)."""
    for c in d:
        if abs(c) > 1e-9:
            return d if c > 0 else (-d[0], -d[1], -d[2])
    return d


class FaceInfo:
    __slots__ = ("face", "kind", "ad", "u0", "u1", "v0", "v1", "point", "normal", "index")

    def __init__(self, face, index):
        self.face, self.index = face, index
        self.ad = BRepAdaptor_Surface(face)
        self.kind = TYPES.get(self.ad.GetType(), "other")
        self.u0, self.u1, self.v0, self.v1 = BRepTools.UVBounds_s(face)
        self.point, self.normal = self.sample((self.u0 + self.u1) / 2, (self.v0 + self.v1) / 2)

    def sample(self, u, v):
        p, n = gp_Pnt(), gp_Vec()
        BRepGProp_Face(self.face).Normal(u, v, p, n)
        mag = n.Magnitude()
        return _v(p), ((n.X() / mag, n.Y() / mag, n.Z() / mag) if mag > 1e-12 else (0.0, 0.0, 0.0))


def _faces(shape):
    fmap = TopTools_IndexedMapOfShape()
    TopExp.MapShapes_s(shape.wrapped, TopAbs_FACE, fmap)
    return [FaceInfo(TopoDS.Face_s(fmap.FindKey(i)), i - 1) for i in range(1, fmap.Extent() + 1)], fmap


def _axis_of(fi):
    g = fi.ad.Cylinder() if fi.kind == "cylindrical" else fi.ad.Cone()
    ax = g.Axis()
    d = _canon(_v(ax.Direction()))
    o = _v(ax.Location())
    # the axis line's point nearest the origin: one key for every face on that line
    t = _dot(o, d)
    foot = (o[0] - t * d[0], o[1] - t * d[1], o[2] - t * d[2])
    return d, foot, o


def _concave(fi, axis_pt, d) -> bool:
    """Material outside the surface: the face normal points towards the axis."""
    rel = _sub(fi.point, axis_pt)
    radial = _sub(rel, tuple(_dot(rel, d) * c for c in d))
    return _dot(radial, fi.normal) < 0


def _key(d, foot, k=3):
    return tuple(round(x, k) + 0.0 for x in (*d, *foot))


def _ends(fi, foot, d):
    """(z, radius) at both ends of a cylinder / cone face along the axis."""
    um = (fi.u0 + fi.u1) / 2
    out = []
    for v in (fi.v0, fi.v1):
        p = _v(fi.ad.Value(um, v))
        rel = _sub(p, foot)
        z = _dot(rel, d)
        radial = _sub(rel, tuple(z * c for c in d))
        out.append((z, math.sqrt(_dot(radial, radial))))
    return sorted(out)


class Segment:
    def __init__(self, kind, z0, z1, r0, r1, faces, span):
        self.kind, self.z0, self.z1, self.r0, self.r1, self.faces, self.span = kind, z0, z1, r0, r1, faces, span


def _segments(faces):
    """Concave cylinder / cone pieces grouped by axis line → {axis key: [Segment]}, plus the
    concave cylinder faces that do not go all the way round (fillet candidates)."""
    groups = defaultdict(lambda: defaultdict(list))
    axes = {}
    for fi in faces:
        if fi.kind not in ("cylindrical", "conical"):
            continue
        d, foot, _ = _axis_of(fi)
        if not _concave(fi, foot, d):
            continue
        (z0, ra), (z1, rb) = _ends(fi, foot, d)
        key = _key(d, foot)
        axes[key] = (d, foot)
        rkey = ("cyl", round(fi.ad.Cylinder().Radius(), 4)) if fi.kind == "cylindrical" else \
            ("cone", round(z0, 3), round(z1, 3))
        groups[key][rkey].append((fi, z0, z1, ra, rb))
    segs, partial = {}, []
    for key, by in groups.items():
        out = []
        for rkey, items in by.items():
            span = sum(fi.u1 - fi.u0 for fi, *_ in items)
            z0, z1 = min(i[1] for i in items), max(i[2] for i in items)
            if span < 2 * math.pi - 1e-3:
                partial += [i[0] for i in items]
                continue
            if rkey[0] == "cyl":
                out.append(Segment("cyl", z0, z1, rkey[1], rkey[1], [i[0] for i in items], span))
            else:
                ra, rb = items[0][3], items[0][4]
                out.append(Segment("cone", z0, z1, ra, rb, [i[0] for i in items], span))
        if out:
            segs[key] = sorted(out, key=lambda s: s.z0)
    return segs, axes, partial


def _closed_end(seg, z, d, foot, adjacency) -> bool:
    """Is the hole closed at axial position ``z`` (a bottom)? Across the segment's edges at that end
    lies either a flat disc perpendicular to the axis, no wider than the hole (a bottom), a cone
    narrowing to the axis (a drill point), or anything else (the hole opens there)."""
    edge_faces, face_edges = adjacency
    own = {fi.index for fi in seg.faces}
    r = seg.r0 if abs(seg.z0 - z) < abs(seg.z1 - z) else seg.r1
    for fi in seg.faces:
        for k, _ in face_edges[fi.index]:
            for o in edge_faces[k]:
                if o.index in own:
                    continue
                if o.kind == "planar" and abs(abs(_dot(o.normal, d)) - 1) < 1e-6 and \
                        abs(_dot(_sub(o.point, foot), d) - z) < 1e-4 and len(face_edges[o.index]) <= 4 and \
                        _area(o) <= math.pi * r * r * (1 + 1e-6):
                    return True
                if o.kind == "conical":
                    (za, ra), (zb, rb) = _cone_ends(o)
                    if min(ra, rb) < 1e-6 and abs(_dot(_canon(_v(o.ad.Cone().Axis().Direction())), d)) > 1 - 1e-6:
                        return True
    return False


def _holes(segs, axes, adjacency) -> list[dict]:
    holes = []
    for key, seg in segs.items():
        d, foot = axes[key]
        chains, cur = [], [seg[0]]
        for s in seg[1:]:
            if s.z0 <= cur[-1].z1 + 1e-3 and s.z0 >= cur[-1].z0 - 1e-3:
                cur.append(s)
            else:
                chains.append(cur)
                cur = [s]
        chains.append(cur)
        for ch in chains:
            cyls = [s for s in ch if s.kind == "cyl"]
            if not cyls:
                continue
            z0, z1 = min(s.z0 for s in ch), max(s.z1 for s in ch)
            at = lambda z: tuple(foot[i] + z * d[i] for i in range(3))  # noqa: E731
            lo_seg = min(ch, key=lambda s: s.z0)
            hi_seg = max(ch, key=lambda s: s.z1)
            open_lo = not _closed_end(lo_seg, z0, d, foot, adjacency)
            open_hi = not _closed_end(hi_seg, z1, d, foot, adjacency)
            main = min(cyls, key=lambda s: s.r0)
            extras = {}
            for end, z, is_open in (("lo", z0, open_lo), ("hi", z1, open_hi)):
                ends = [s for s in ch if (s.z0 if end == "lo" else s.z1) == z and s is not main]
                for s in ends if is_open else []:
                    if s.kind == "cyl" and s.r0 > main.r0 + 1e-4 and s not in extras.values():
                        extras[end] = s
                    elif s.kind == "cone":
                        extras[end] = s
            if open_lo and open_hi:
                entry = "lo" if "lo" in extras and "hi" not in extras else "hi"
            else:
                entry = "lo" if open_lo else "hi"
            direction = d if entry == "lo" else tuple(-c for c in d)
            hole = {"diameter": _r(2 * main.r0), "through": open_lo and open_hi, "depth": _r(z1 - z0),
                    "position": [_r(c) for c in at(z0 if entry == "lo" else z1)],
                    "axis": [_r(c, 6) for c in direction], "cbore": None, "csink": None,
                    "faces": [fi.index for s in ch for fi in s.faces]}
            x = extras.get(entry)
            if x is not None and x.kind == "cyl":
                hole["cbore"] = {"diameter": _r(2 * x.r0), "depth": _r(x.z1 - x.z0)}
            elif x is not None:
                half = math.degrees(math.atan2(abs(x.r1 - x.r0), x.z1 - x.z0))
                hole["csink"] = {"diameter": _r(2 * max(x.r0, x.r1)), "angle": _r(2 * half, 2)}
            holes.append(hole)
    return sorted(holes, key=lambda h: (h["diameter"], h["position"]))


def _edge_mid(edge):
    c = BRepAdaptor_Curve(TopoDS.Edge_s(edge))
    return _v(c.Value((c.FirstParameter() + c.LastParameter()) / 2))


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


def _cone_ends(fi):
    d, foot, _ = _axis_of(fi)
    return _ends(fi, foot, d)


def _adjacency(faces, shape):
    emap = TopTools_IndexedMapOfShape()
    TopExp.MapShapes_s(shape.wrapped, TopAbs_EDGE, emap)
    edge_faces, face_edges = defaultdict(list), defaultdict(list)
    for fi in faces:
        for e in _face_edges(fi.face):
            k = emap.FindIndex(e)
            edge_faces[k].append(fi)
            face_edges[fi.index].append((k, e))
    return edge_faces, face_edges


def _planar_chamfers(faces, adjacency, chamfers):
    edge_faces, face_edges = adjacency
    for fi in faces:
        if fi.kind != "planar":
            continue
        n = fi.normal
        nbrs = []
        for k, e in face_edges[fi.index]:
            for o in edge_faces[k]:
                if o is not fi and o.kind == "planar":
                    nbrs.append((o, e))
        found = None
        for i, (a, ea) in enumerate(nbrs):
            for b, eb in nbrs[i + 1:]:
                if abs(_dot(a.normal, b.normal)) < 0.02 and abs(_dot(n, a.normal) - 0.7071) < 0.02 \
                        and abs(_dot(n, b.normal) - 0.7071) < 0.02 and _area(fi) < min(_area(a), _area(b)):
                    found = abs(_dot(_sub(_edge_mid(ea), _edge_mid(eb)), a.normal))
                    break
            if found is not None:
                break
        if found:
            chamfers[_r(found, 3)] += 1


def _area(fi) -> float:
    props = GProp_GProps()
    BRepGProp.SurfaceProperties_s(fi.face, props)
    return props.Mass()


def _face_edges(face):
    from OCP.TopExp import TopExp_Explorer

    exp = TopExp_Explorer(face, TopAbs_EDGE)
    while exp.More():
        yield exp.Current()
        exp.Next()


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
