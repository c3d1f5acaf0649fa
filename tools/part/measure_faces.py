"""Face records shared by the measurer: type, UV bounds, a point and its outward normal; axes,
adjacency and small vector helpers (OCP only)."""

from __future__ import annotations

import math
from collections import defaultdict

from OCP.BRepAdaptor import BRepAdaptor_Curve, BRepAdaptor_Surface
from OCP.BRepGProp import BRepGProp, BRepGProp_Face
from OCP.GProp import GProp_GProps
from OCP.BRepTools import BRepTools
from OCP.GeomAbs import GeomAbs_Cone, GeomAbs_Cylinder, GeomAbs_Plane, GeomAbs_Sphere, GeomAbs_Torus
from OCP.gp import gp_Pnt, gp_Vec
from OCP.TopAbs import TopAbs_EDGE, TopAbs_FACE
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


def _edge_mid(edge):
    c = BRepAdaptor_Curve(TopoDS.Edge_s(edge))
    return _v(c.Value((c.FirstParameter() + c.LastParameter()) / 2))


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
    """Planar faces at 45° between two perpendicular planar neighbours, with their size (the step along a neighbour's
    normal). A face that looks so because its neighbours are chamfers (a plate's top between two opposite 45° bevels)
    is told apart by its area (a bevel is narrower than the faces it joins) or, where a deep bevel is wider than what is
    left of the side (3 mm on a 6 mm plate), by its neighbours: a real bevel joins at least one face that is not such
    a candidate itself."""
    edge_faces, face_edges = adjacency
    candidates = {}
    for fi in faces:
        if fi.kind != "planar":
            continue
        n = fi.normal
        nbrs = []
        for k, e in face_edges[fi.index]:
            for o in edge_faces[k]:
                if o is not fi and o.kind == "planar":
                    nbrs.append((o, e))
        pairs = [(a, ea, b, eb) for i, (a, ea) in enumerate(nbrs) for b, eb in nbrs[i + 1:]
                 if abs(_dot(a.normal, b.normal)) < 0.02 and abs(_dot(n, a.normal) - 0.7071) < 0.02
                 and abs(_dot(n, b.normal) - 0.7071) < 0.02]
        if pairs:
            candidates[fi.index] = (fi, pairs)
    for fi, pairs in candidates.values():
        for a, ea, b, eb in pairs:
            if _area(fi) < min(_area(a), _area(b)) or not (a.index in candidates and b.index in candidates):
                chamfers[_r(abs(_dot(_sub(_edge_mid(ea), _edge_mid(eb)), a.normal)), 3)] += 1
                break


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
