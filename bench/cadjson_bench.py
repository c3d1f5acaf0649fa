"""CAD JSON on the real Text2CAD / DeepCAD samples: accuracy against the ground-truth boxes
and speed (validate + compile + execute + measure, warm sandbox).

The samples are non-commercial data in ``../shared/benchmarks`` (never shipped). A file
whose result misses its ``properties.bounding_box`` gets a reason; the reasons below are
checked from the file itself, so "the data is inconsistent" is shown, not claimed.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cadagent.tools.cadjson import build, load_document
from cadagent.tools.cadjson.model import CadDoc, extruded_corners

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "text2cad_random100" / "deepcad_cad_json"
TO_MM = 1000.0  # DeepCAD is in metres


@dataclass
class SampleResult:
    file: str
    ok: bool                # valid solid and bbox within 1% of the largest GT extent
    valid_solid: bool
    bbox_error_mm: float | None
    tolerance_mm: float | None
    ms: float
    reason: str = ""


def additive_box(doc: CadDoc) -> tuple[np.ndarray, np.ndarray]:
    """World bbox of every prism that adds material: no feature of the file reaches beyond it."""
    pts = []
    for part in doc.parts:
        if part.extrusion.operation not in ("NewBodyFeatureOperation", "JoinFeatureOperation"):
            continue
        pts += extruded_corners(part)
    arr = np.array(pts)
    return arr.min(axis=0), arr.max(axis=0)


def _why(raw: dict, doc: CadDoc, gmin, gmax, tol: float) -> str:
    seq = [raw["entities"][s["entity"]]["type"] for s in raw.get("sequence", [])]
    trailing = 0
    while seq and seq[-1] == "Sketch":
        seq.pop()
        trailing += 1
    reasons = []
    if trailing:
        reasons.append(f"truncated sequence: {trailing} sketch(es) at the end are never extruded")
    amin, amax = additive_box(doc)
    beyond = max(float(np.max(amin - gmin)), float(np.max(gmax - amax)))
    if beyond > tol:
        reasons.append(f"the ground-truth box reaches {beyond:.1f} mm beyond every feature in the file")
    extrudes = [e for e in raw["entities"].values() if e["type"] == "ExtrudeFeature"]
    if len(extrudes) == 1 and len(doc.parts) == 1:
        reasons.append("the file holds one extrusion, whose box is exactly the measured one")
    return "; ".join(reasons) or "unexplained"


def check_sample(path: Path, sandbox) -> SampleResult:
    t0 = time.perf_counter()
    doc, problems, _ = load_document(path)
    if doc is None:
        return SampleResult(path.name, False, False, None, None, (time.perf_counter() - t0) * 1000,
                            "invalid: " + "; ".join(str(p) for p in problems[:2]))
    _, res = build(doc, sandbox, exports=())
    ms = (time.perf_counter() - t0) * 1000
    if not res.ok:
        return SampleResult(path.name, False, False, None, None, ms, f"did not build: {res.error}")
    raw = json.loads(path.read_text())
    box = raw["properties"]["bounding_box"]
    gmin = np.array([box["min_point"][c] for c in "xyz"]) * TO_MM
    gmax = np.array([box["max_point"][c] for c in "xyz"]) * TO_MM
    tol = 0.01 * float(np.max(gmax - gmin))
    err = max(float(np.max(np.abs(np.array(res.report.bbox_min) - gmin))),
              float(np.max(np.abs(np.array(res.report.bbox_max) - gmax))))
    ok = res.report.is_valid_solid and err <= tol
    reason = "" if ok else ("invalid solid: " + "; ".join(res.report.problems) if not res.report.is_valid_solid
                            else _why(raw, doc, gmin, gmax, tol))
    return SampleResult(path.name, ok, res.report.is_valid_solid, err, tol, ms, reason)


def run_benchmark(settings, directory: Path | None = None, echo=print) -> list[SampleResult]:
    directory = Path(directory or DEFAULT_DIR)
    files = sorted(directory.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no .json samples in {directory}")
    with settings.sandbox_factory() as sandbox:
        sandbox.warm()
        t0 = time.perf_counter()
        results = [check_sample(f, sandbox) for f in files]
        total = time.perf_counter() - t0
    ok = sum(r.ok for r in results)
    valid = sum(r.valid_solid for r in results)
    explained = [r for r in results if not r.ok and r.reason != "unexplained"]
    echo(f"{len(files)} files in {total:.1f} s; per file median {statistics.median(r.ms for r in results):.0f} ms "
         f"(validate + compile + execute + measure, warm sandbox; target < 150 ms)")
    echo(f"valid solids: {valid}/{len(files)}; bbox within 1% of the largest extent: {ok}/{len(files)}")
    echo(f"misses with a reason found in the file itself: {len(explained)}/{len(files) - ok}")
    for r in results:
        if not r.ok:
            err = f"{r.bbox_error_mm:.1f} mm off (tolerance {r.tolerance_mm:.1f})" if r.bbox_error_mm is not None else ""
            echo(f"  {r.file}: {err} — {r.reason}")
    return results
