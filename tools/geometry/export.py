"""Export a shape to STEP / STL / GLB (and BREP for our own tools), atomically."""

from __future__ import annotations

import os
from pathlib import Path

import cadquery as cq

FORMATS = ("step", "stl", "glb", "brep")
# Mesh quality for STL / GLB: 0.05 mm chordal deviation, 0.2 rad angular.
MESH_TOLERANCE = 0.05
MESH_ANGULAR_TOLERANCE = 0.2


def _write(shape: cq.Shape, fmt: str, path: Path) -> None:
    if fmt == "step":
        cq.exporters.export(shape, str(path), exportType="STEP")
    elif fmt == "stl":
        cq.exporters.export(shape, str(path), exportType="STL", tolerance=MESH_TOLERANCE,
                            angularTolerance=MESH_ANGULAR_TOLERANCE)
    elif fmt == "glb":
        cq.Assembly(shape, name="part").export(str(path), exportType="GLTF",
                                              tolerance=MESH_TOLERANCE,
                                              angularTolerance=MESH_ANGULAR_TOLERANCE)
    elif fmt == "brep":
        shape.exportBrep(str(path))
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def export(shape: cq.Shape, out_dir: Path, stem: str, formats) -> dict[str, Path]:
    """Write each format to ``out_dir/stem.<fmt>`` (temp file + rename: never half-written)."""
    out_dir = Path(out_dir)
    written = {}
    for fmt in formats:
        final = out_dir / f"{stem}.{fmt}"
        tmp = out_dir / f".tmp-{os.getpid()}-{stem}.{fmt}"
        _write(shape, fmt, tmp)
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise RuntimeError(f"exporting {fmt.upper()} produced no file")
        os.replace(tmp, final)
        written[fmt] = final
    return written
