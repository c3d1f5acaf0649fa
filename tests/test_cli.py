"""The `cadagent` command as a user runs it (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

EXE = [sys.executable, "-m", "cadagent.cli"]


def run(args, cwd, timeout=180):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(EXE + args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def test_exec_writes_artifacts_and_report(tmp_path):
    out = tmp_path / "out"
    p = run(["exec", str(ROOT / "examples" / "plate.py"), "--out", str(out)], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "valid solid, bbox 60.0 x 40.0 x 5.0 mm, volume 11 590 mm³" in p.stdout
    for name in ("plate.step", "plate.stl", "plate.glb", "plate.brep", "report.json"):
        assert (out / name).stat().st_size > 0
    report = json.loads((out / "report.json").read_text())
    assert report["valid_solid"] is True
    assert report["report"]["size"] == pytest.approx([60, 40, 5], abs=1e-6)


def test_exec_json_and_failure_exit_code(tmp_path):
    p = run(["exec", str(ROOT / "examples" / "not_a_solid.py"), "--json", "--out", str(tmp_path / "o")],
            tmp_path)
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert data["ok"] is False and data["error"]["type"] == "not_a_solid"
    assert "extrude" in data["error"]["message"]
    assert json.loads((tmp_path / "o" / "report.json").read_text())["error"]["type"] == "not_a_solid"


def test_exec_default_out_dir_and_timeout_flag(tmp_path):
    script = tmp_path / "spin.py"
    script.write_text("while True:\n    pass\n")
    p = run(["exec", str(script), "--timeout", "1"], tmp_path)
    assert p.returncode == 1
    assert "timeout" in p.stdout and "stopped after 1 s" in p.stdout
    assert (tmp_path / "out" / "spin" / "report.json").exists()


def test_exec_missing_file_is_a_usage_error(tmp_path):
    p = run(["exec", "nope.py"], tmp_path)
    assert p.returncode == 2
    assert "does not exist" in p.stderr


def test_iou_command(tmp_path):
    a = tmp_path / "a.py"
    b = tmp_path / "b.py"
    a.write_text("import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10, centered=False)\n")
    b.write_text("import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10, centered=False)"
                 ".translate((5, 0, 0))\n")
    p = run(["iou", str(a), str(b)], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "IoU 0.333333" in p.stdout and "(exact, align none;" in p.stdout
    centered = run(["iou", str(a), str(b), "--align", "translate"], tmp_path)
    assert "IoU 1.000000" in centered.stdout, centered.stderr
    wrong = run(["iou", str(a), str(b), "--align", "sideways"], tmp_path)
    assert wrong.returncode == 2 and "expected none, translate or rotate" in wrong.stderr


@pytest.mark.parametrize("cmd", [[], ["exec"], ["iou"], ["doctor"], ["bench"], ["bench", "sandbox"],
                                 ["bench", "cadjson"], ["bench", "kb"], ["bench", "agent"], ["chat"], ["run"], ["ui"], ["llm"], ["llm", "list"], ["kb"], ["kb", "search"], ["kb", "eval"],
                                 ["cadjson"], ["cadjson", "validate"],
                                 ["cadjson", "compile"], ["cadjson", "explain"], ["cadjson", "convert"]])
def test_help_everywhere(tmp_path, cmd):
    p = run(cmd + ["--help"], tmp_path, timeout=60)
    assert p.returncode == 0
    assert "Usage" in p.stdout


def test_doctor_lists_protections(tmp_path):
    p = run(["doctor"], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "sandbox job: ok" in p.stdout
    assert "rlimit-as" in p.stdout


# ---- cadjson ------------------------------------------------------------------------------

BLOCK_JSON = ROOT / "examples" / "cadjson" / "block_with_hole.json"


def test_cadjson_validate_good_and_bad(tmp_path):
    p = run(["cadjson", "validate", str(BLOCK_JSON)], tmp_path)
    assert p.returncode == 0 and "valid minimal document: 2 part(s)" in p.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"parts": {"part_1": {"sketch": {}, "extrusion": {"operation": "Cut"}}}}')
    p = run(["cadjson", "validate", str(bad), "--json"], tmp_path)
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert data["valid"] is False
    paths = {x["path"] for x in data["problems"]}
    assert {"$.parts.part_1", "$.parts.part_1.sketch", "$.parts.part_1.extrusion.operation"} <= paths


def test_cadjson_compile_writes_script_and_part(tmp_path):
    p = run(["cadjson", "compile", str(BLOCK_JSON), "--out", str(tmp_path / "o")], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "bbox 75.0 x 75.0 x 20.0 mm, volume 98 363 mm³" in p.stdout
    script = (tmp_path / "o" / "block_with_hole.py").read_text()
    assert "result = result.cut(part_2)" in script
    assert (tmp_path / "o" / "block_with_hole.step").stat().st_size > 0
    # the written script runs by itself through `cadagent exec`
    p = run(["exec", str(tmp_path / "o" / "block_with_hole.py"), "--out", str(tmp_path / "e")], tmp_path)
    assert p.returncode == 0 and "volume 98 363 mm³" in p.stdout


def test_cadjson_explain_levels(tmp_path):
    p = run(["cadjson", "explain", str(BLOCK_JSON), "--level", "short"], tmp_path)
    assert p.returncode == 0
    assert p.stdout.strip().startswith("A 75 x 75 x 20 mm block with a 30 mm through hole")
    assert "1. part_1" not in p.stdout
    p = run(["cadjson", "explain", str(BLOCK_JSON), "--json"], tmp_path)
    data = json.loads(p.stdout)
    assert data["ok"] and data["facts"]["size"] == pytest.approx([75, 75, 20])
    assert len(data["steps"]) == 2


def test_cadjson_convert_needs_a_reconstruction_file(tmp_path):
    p = run(["cadjson", "convert", str(BLOCK_JSON)], tmp_path)
    assert p.returncode == 1 and "not a DeepCAD / Fusion 360" in p.stderr


# ---- kb ----------------------------------------------------------------------------------

def test_kb_commands(tmp_path):
    p = run(["kb", "search", "flange with 6 bolt holes", "-k", "2"], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "built the knowledge base first" in p.stderr
    assert p.stdout.startswith("1. Flange with 6 bolt holes  [example: flange-6-bolt]")
    p = run(["kb", "build", "--no-verify"], tmp_path)
    assert p.returncode == 0 and "0 embedded" in p.stdout
    p = run(["kb", "list"], tmp_path)
    assert "gears (5)" in p.stdout and "examples in 22 families" in p.stdout
    p = run(["kb", "check", "washer-flat-m5", "shaft-keyway"], tmp_path)
    assert p.returncode == 0 and "2/2 examples run and match their bbox" in p.stdout
    p = run(["kb", "search", "  "], tmp_path)
    assert p.returncode == 2 and "the query is empty" in p.stderr
    p = run(["kb", "search", "gear", "--kind", "recipe"], tmp_path)
    assert p.returncode == 2 and "unknown kind" in p.stderr


# ---- agent ---------------------------------------------------------------------------------

def test_run_and_chat(tmp_path):
    p = run(["run", "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners",
             "--out", str(tmp_path / "plate")], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "v1 saved: valid solid, bbox 60.0 x 40.0 x 5.0 mm, volume 11 607 mm³" in p.stdout
    assert (tmp_path / "plate" / "part.step").stat().st_size > 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chat = subprocess.run(EXE + ["chat", "--thread", "t1"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          input="a plain rectangular plate 100 x 50 x 10 mm\nmake it 20 mm longer\n/quit\n",
                          timeout=180)
    assert chat.returncode == 0, chat.stderr
    assert "v2 saved (v1 kept)" in chat.stdout and "bbox 120.0 x 50.0 x 10.0" in chat.stdout
    p = run(["run", "a plain plate 10 x 10 x 1 mm", "--llm", "nope"], tmp_path)
    assert p.returncode == 2 and "unknown LLM provider 'nope'" in p.stderr
