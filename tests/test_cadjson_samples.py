"""CAD JSON on the real samples in ../shared/benchmarks (skipped cleanly when absent).

The data is non-commercial: it is read from ../shared, never copied into the repo."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from cadagent.bench.cadjson_bench import check_sample
from cadagent.tools.cadjson import compile_doc, load_document, to_minimal
from cadagent.tools.cadjson.explain import explain
from cadagent.tools.cadjson.model import Frame

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "benchmarks"
T2C = SHARED / "text2cad_random100"
FUSION = SHARED / "cadjson_samples" / "fusion360_reconstruction"
pytestmark = pytest.mark.skipif(not T2C.is_dir(), reason="../shared/benchmarks is not present")


def test_text2cad_100_bboxes(sandbox):
    results = [check_sample(p, sandbox) for p in sorted((T2C / "deepcad_cad_json").glob("*.json"))]
    assert len(results) == 100
    assert all(r.valid_solid for r in results), [r.file for r in results if not r.valid_solid]
    ok = sum(r.ok for r in results)
    # every miss is explained by the file itself (truncated sequence / ground truth beyond
    # every feature / a single extrusion whose box is exact); see the README for the list
    unexplained = [(r.file, r.bbox_error_mm) for r in results if not r.ok and r.reason == "unexplained"]
    assert unexplained == []
    assert ok >= 86


def test_euler_convention_matches_text2cad_annotations():
    prompts = {json.loads(line)["cad_id"]: json.loads(line) for line in (T2C / "prompts.jsonl").open()}
    checked = 0
    for path in sorted((T2C / "deepcad_cad_json").glob("*.json")):
        nli = prompts[path.stem.split("_")[1]]["nli_data"]
        eulers = []
        for chunk in re.split(r"<part_\d+>", nli)[1:]:
            m = re.search(r"Euler [Aa]ngles[^\[\n]{0,40}\[([^\]]*)\]", chunk)
            if m:
                eulers.append(tuple(float(x.strip().rstrip("°")) for x in m.group(1).split(",")))
        doc, _, _ = load_document(path)
        if len(eulers) != len(doc.parts):
            continue
        for angles, part in zip(eulers, doc.parts):
            assert np.abs(Frame(angles, (0, 0, 0)).matrix - part.frame.matrix).max() < 1e-3, path.name
            checked += 1
    assert checked >= 100


@pytest.mark.parametrize("name", sorted(p.name for p in FUSION.glob("*.json")) if FUSION.is_dir() else [])
def test_fusion360_volume_and_bodies(sandbox, name):
    path = FUSION / name
    doc, problems, fmt = load_document(path)
    assert fmt == "fusion360" and doc is not None, problems
    res = sandbox.run_script(compile_doc(doc), exports=())
    props = json.loads(path.read_text())["properties"]
    assert res.report.volume == pytest.approx(props["volume"] * 1000, rel=0.01)  # cm³ → mm³
    assert res.report.solids == props["body_count"]
    assert explain(doc, res.report).summary.startswith("A ")


@pytest.mark.parametrize("name", ["003_00704466", "022_00217703", "044_00847302", "054_00595180",
                                  "069_00528227", "100_00578995"])
def test_round_trip_through_serialised_minimal_json(sandbox, tmp_path, name):
    path = T2C / "deepcad_cad_json" / f"{name}.json"
    if not path.exists():
        pytest.skip(f"{path.name} not in this copy of the samples")
    raw = json.loads(path.read_text())
    exact, _ = to_minimal(raw, digits=None)               # DeepCAD → compile, full precision
    doc_a, _, _ = load_document(exact)
    text = json.dumps(to_minimal(raw)[0])                  # DeepCAD → minimal file → compile
    doc_b, _, _ = load_document(text)
    a = sandbox.run_script(compile_doc(doc_a), tmp_path / "a", exports=())
    b = sandbox.run_script(compile_doc(doc_b), tmp_path / "b", exports=())
    answer = sandbox.call("iou", {"a": str(a.shape_file), "b": str(b.shape_file)})
    assert answer["ok"], answer
    assert answer["value"]["iou"] >= 0.999


def test_cli_convert_then_validate(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "hexagon.min.json"
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "cadjson", "convert", str(FUSION / "Hexagon.json"),
                        "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    minimal = json.loads(out.read_text())
    assert minimal["units"] == "mm" and minimal["source"] == {"format": "fusion360", "units": "cm"}
    assert len(minimal["parts"]) == 3
    doc, problems, fmt = load_document(out)
    assert fmt == "minimal" and doc is not None and problems == []
