"""`cadagent part schema|to-cadjson|build|check` (build and check of valid specs run in the README tour)."""

from __future__ import annotations

import json
import math

from typer.testing import CliRunner

from cadagent.cli import app

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "part"


def test_schema_command(tmp_path):
    res = CliRunner().invoke(app, ["part", "schema", "--out", str(tmp_path / "s.json")])
    assert res.exit_code == 0, res.output
    schema = json.loads((tmp_path / "s.json").read_text())
    assert schema["title"] == "CadAgent part spec 1.0" and "features" in schema["properties"]


def test_to_cadjson_round_trips_through_the_cadjson_tools(tmp_path):
    from cadagent.tools.cadjson import load_document

    out = tmp_path / "flange.json"
    res = CliRunner().invoke(app, ["part", "to-cadjson", str(EXAMPLES / "flange.json"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    doc, problems, fmt = load_document(out)
    assert fmt == "minimal" and not [p for p in problems if p.severity == "error"]
    assert len(doc.parts) == 2 and doc.parts[1].extrusion.operation == "CutFeatureOperation"
    assert doc.parts[1].extrusion.opposite == 10 and len(doc.parts[1].faces) == 6
    assert doc.parts[1].faces[0].loops[0].curves[0].radius == 4.5   # M8 clearance, normal: Ø9
    res = CliRunner().invoke(app, ["part", "to-cadjson", str(EXAMPLES / "plate.json")])
    assert res.exit_code == 1 and "centre_bore" in res.output and "not a sketch-and-extrude step" in res.output
    assert math.isclose(sum(1 for _ in doc.parts[1].faces), 6)


def test_a_bad_spec_is_refused_with_its_path(tmp_path):
    bad = json.loads((EXAMPLES / "plate.json").read_text())
    bad["features"][3]["radius"] = 40
    bad["body"]["height"] = "six"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    res = CliRunner().invoke(app, ["part", "build", str(path), "--out", str(tmp_path / "out"), "--json"])
    assert res.exit_code == 1
    report = json.loads(res.output)
    assert not report["ok"] and report["problems"][0]["path"] == "$.body.height"
    path.write_text("{not json")
    res = CliRunner().invoke(app, ["part", "check", str(path), str(path)])
    assert res.exit_code == 1 and "not valid JSON" in res.output
