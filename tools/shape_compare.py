"""Chamfer distance between two parts, with Text2CAD's conventions, from their STL meshes.

Text2CAD (and DeepCAD before it) report the chamfer distance of 8,192 points sampled on each
surface, both shapes normalised to the unit bounding box, multiplied by 1000. Here each mesh is
centred on its bounding-box centre and divided by its largest extent (so it fits the unit
cube), points are sampled uniformly by area (seeded), and

    CD = mean_a min_b |a - b|² + mean_b min_a |b - a|²

(the squared form DeepCAD's evaluation uses), times 1000. Plain numpy / scipy; STL read here
(binary or ASCII), so it works on any exported mesh without the CAD kernel.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

TEXT2CAD_POINTS = 8192
TEXT2CAD_FACTOR = 1000.0


def read_stl(path: Path | str) -> np.ndarray:
    """Triangles as an (n, 3, 3) array; ValueError when the file is not an STL mesh."""
    data = Path(path).read_bytes()
    if len(data) >= 84:
        n = struct.unpack_from("<I", data, 80)[0]
        if 84 + 50 * n == len(data):
            rec = np.frombuffer(data, dtype=np.dtype([("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")]),
                                count=n, offset=84)
            return rec["v"].astype(float)
    text = data.decode("ascii", errors="replace")
    if "vertex" not in text:
        raise ValueError(f"{path}: not an STL mesh (neither binary nor ASCII with vertices)")
    verts = [line.split()[1:4] for line in text.splitlines() if line.strip().startswith("vertex")]
    arr = np.asarray(verts, dtype=float)
    if len(arr) % 3:
        raise ValueError(f"{path}: {len(arr)} vertices is not a whole number of triangles")
    return arr.reshape(-1, 3, 3)


def unit_box(points: np.ndarray, box_of: np.ndarray | None = None) -> np.ndarray:
    """Centre on the bounding-box centre of ``box_of`` (default: the points) and divide by its largest extent."""
    ref = points if box_of is None else box_of.reshape(-1, 3)
    lo, hi = ref.min(axis=0), ref.max(axis=0)
    extent = float((hi - lo).max()) or 1.0
    return (points - (lo + hi) / 2) / extent


def sample_surface(tris: np.ndarray, n: int = TEXT2CAD_POINTS, seed: int = 0) -> np.ndarray:
    """``n`` points uniformly on the mesh surface (triangles chosen by area, barycentric inside)."""
    if len(tris) == 0:
        raise ValueError("the mesh has no triangles")
    area = 0.5 * np.linalg.norm(np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0]), axis=1)
    if area.sum() <= 0:
        raise ValueError("the mesh has no area")
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(tris), size=n, p=area / area.sum())
    u, v = rng.random(n), rng.random(n)
    flip = u + v > 1
    u[flip], v[flip] = 1 - u[flip], 1 - v[flip]
    t = tris[idx]
    return t[:, 0] + u[:, None] * (t[:, 1] - t[:, 0]) + v[:, None] * (t[:, 2] - t[:, 0])


def chamfer(a: np.ndarray, b: np.ndarray) -> float:
    """Symmetric mean squared nearest-neighbour distance between two point sets."""
    da, _ = cKDTree(b).query(a)
    db, _ = cKDTree(a).query(b)
    return float(np.mean(da ** 2) + np.mean(db ** 2))


def text2cad_chamfer(stl_a: Path | str, stl_b: Path | str, n: int = TEXT2CAD_POINTS, seed: int = 0) -> float:
    """CD × 1000 between two STL meshes, each normalised to the unit bounding box."""
    ta, tb = read_stl(stl_a), read_stl(stl_b)
    pa = unit_box(sample_surface(ta, n, seed), ta)
    pb = unit_box(sample_surface(tb, n, seed + 1), tb)
    return chamfer(pa, pb) * TEXT2CAD_FACTOR
