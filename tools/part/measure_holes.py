"""Holes from the B-rep: coaxial concave cylinders and cones, chained along their axis; through or
blind from the topology across each end; counterbores and countersinks at the open end."""

from __future__ import annotations

import math
from collections import defaultdict

from .measure_faces import (_area, _axis_of, _canon, _concave, _cone_ends, _dot, _edge_mid, _ends, _key, _r, _sub,
                            _v)


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
        for rkey, every in by.items():
            for items in _overlapping(every):
                # two blind holes drilled from both ends on one axis: two pieces of one radius, apart along it
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


def _overlapping(items: list) -> list[list]:
    """Faces of one radius on one axis, in runs whose spans along the axis overlap or touch (the halves of
    one bore split at its seam join; a second bore further along is its own run)."""
    runs: list[list] = []
    for it in sorted(items, key=lambda i: i[1]):
        if runs and it[1] <= max(i[2] for i in runs[-1]) + 1e-3:
            runs[-1].append(it)
        else:
            runs.append([it])
    return runs


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
                        _area(o) <= math.pi * r * r * (1 + 1e-6) and _on_rim(o, face_edges, foot, d, r):
                    return True
                if o.kind == "conical":
                    (za, ra), (zb, rb) = _cone_ends(o)
                    if min(ra, rb) < 1e-6 and abs(_dot(_canon(_v(o.ad.Cone().Axis().Direction())), d)) > 1 - 1e-6:
                        return True
    return False


def _on_rim(face, face_edges, foot, d, r) -> bool:
    """Is the flat face bounded only by the hole's own rim (a bottom), not also by a wider circle (the
    small annulus left at a tube's end between its bore and an outside chamfer)?"""
    for _, e in face_edges[face.index]:
        rel = _sub(_edge_mid(e), foot)
        z = _dot(rel, d)
        radial = _sub(rel, tuple(z * c for c in d))
        if abs(math.sqrt(_dot(radial, radial)) - r) > 1e-3 * max(1.0, r):
            return False
    return True


def _holes(segs, axes, adjacency) -> list[dict]:
    holes = []
    for key, seg in segs.items():
        d, foot = axes[key]
        chains, cur = [], [seg[0]]
        for s in seg[1:]:
            last = max(cur, key=lambda x: x.z1)
            if s.z0 <= cur[-1].z1 + 1e-3 and s.z0 >= cur[-1].z0 - 1e-3:
                cur.append(s)
            elif s.kind == last.kind == "cyl" and abs(s.r0 - last.r0) < 1e-4 and \
                    not _closed_end(last, last.z1, d, foot, adjacency) and not _closed_end(s, s.z0, d, foot, adjacency):
                cur.append(s)     # one hole cut in two by a hole crossing it: open into each other across the gap
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
