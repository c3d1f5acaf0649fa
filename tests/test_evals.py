"""Eval conversations: schema errors, every check type, IoU reference kinds, resume, parallel =
serial, a crashing turn recorded as a failure, reports, the text2cad suite and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cadagent.config import load_settings
from cadagent.evals.checks import References, check_turn
from cadagent.evals.conversations import ConversationError, load_all, load_conversation, select, text2cad_suite
from cadagent.evals.metrics import by_backend, failures
from cadagent.evals.report import write_reports
from cadagent.evals.runner import Backend, run_eval

from .conftest import ROOT

CONVS = ROOT / "evals" / "conversations"
TEXT2CAD = ROOT.parent / "shared" / "benchmarks" / "text2cad_random100"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- the format ---------------------------------------------------------------------------------
def test_the_shipped_set_is_valid_and_big_enough():
    convs = load_all([CONVS])
    turns = [t for c in convs for t in c.turns]
    assert len(convs) >= 50 and len(turns) >= 150
    families = {p.name for p in (ROOT / "knowledge" / "examples").iterdir() if p.is_dir()}
    assert families <= {c.category for c in convs}  # every knowledge-base family has a conversation
    assert sum(1 for c in convs if len(c.turns) >= 3) >= 15
    intents = {(t.get("expect") or {}).get("intent") for t in turns}
    assert {"undo", "question", "explain", "modify"} <= intents
    assert any("inch" in t["user"] for t in turns) and any(" cm" in t["user"] for t in turns)
    refs = {Path((t["expect"].get("iou") or {}).get("reference", "x")).suffix for t in turns if t.get("expect")}
    assert ".py" in refs


@pytest.mark.parametrize("text,expected", [
    ("id: a\nturns:\n  - user: hi\n    expect: {bbox: [1, 2, 3], colour: red}\n",
     r"bad.yaml:4: turns\[0\].expect: Additional properties are not allowed \('colour' was unexpected\); allowed: "),
    ("id: a\nturns:\n  - user: hi\n    expect:\n      bbox: [1, 2]\n",
     r"bad.yaml:5: turns\[0\].expect.bbox: \[1, 2\] is too short"),
    ("id: a\nturns:\n  - user: hi\n    expect: {iou: {reference: nowhere.py}}\n",
     r"bad.yaml:4: turns\[0\].expect.iou.reference: nowhere.py does not exist"),
    ("id: a\nturns:\n  - user: hi\n   expect: {ok: true}\n", r"bad.yaml:4: malformed YAML"),
    ("id: Bad Id\nturns: []\n", r"bad.yaml:1: id: 'Bad Id' does not match"),
    ("- just a list\n", r"bad.yaml:1: a conversation is a mapping"),
])
def test_schema_errors_name_the_file_and_line(tmp_path, text, expected):
    with pytest.raises(ConversationError, match=expected):
        load_conversation(_write(tmp_path, "bad.yaml", text))


def test_duplicate_ids_and_selection(tmp_path):
    _write(tmp_path, "a.yaml", "id: same\ncategory: x\nturns: [{user: hi}]\n")
    _write(tmp_path, "b.yaml", "id: same\nturns: [{user: hi}]\n")
    with pytest.raises(ConversationError, match="id 'same' is also used by"):
        load_all([tmp_path])
    convs = load_all([CONVS])
    assert [c.id for c in select(convs, filter="gear")] == ["gear-module-1-5", "gear-more-teeth", "gear-session"]
    assert {c.category for c in select(convs, category="units")} == {"units"}
    assert select(convs, limit=5, seed=1) == select(convs, limit=5, seed=1) != select(convs, limit=5, seed=2)


# -- the checks ---------------------------------------------------------------------------------
class _Conv:
    def __init__(self, base: Path):
        self.base = base

    def resolve(self, rel):
        return (self.base / rel).resolve()


OUTCOME = {"ok": True, "intent": "new_design", "size": [40.0, 60.0, 5.0], "volume": 11607.3, "solids": 1,
           "answer": "v1 saved: a 60 x 40 plate with holes", "attempts": 2}


@pytest.mark.parametrize("expect,passes", [
    ({"ok": True}, True), ({"ok": False}, False),
    ({"intent": "new_design"}, True), ({"intent": "modify"}, False),
    ({"bbox": [60, 40, 5]}, True), ({"bbox": [60, 40, 6]}, False), ({"bbox": [60, 40, 6], "bbox_tol": 1.0}, True),
    ({"bbox": [60, 40, 5.5], "bbox_tol": 0.1}, False),
    ({"bbox": [60.5, 40, 5]}, True),  # default tolerance: 1% of the largest extent
    ({"volume": 11607}, True), ({"volume": 12000}, False), ({"volume": 12000, "volume_tol": 0.05}, True),
    ({"solids": 1}, True), ({"solids": 2}, False),
    ({"mentions": ["60", "HOLES"]}, True), ({"mentions": ["60", "fillet"]}, False),
    ({"max_attempts": 2}, True), ({"max_attempts": 1}, False),
])
def test_each_check_passes_and_fails_on_purpose(expect, passes):
    checks = check_turn(expect, OUTCOME, _Conv(Path(".")), None)
    assert len(checks) == len(expect) - ("bbox_tol" in expect) - ("volume_tol" in expect)
    assert all(c["ok"] for c in checks) is passes, checks


def test_no_part_fails_every_geometric_check():
    checks = check_turn({"bbox": [1, 1, 1], "volume": 1, "solids": 1, "iou": {"reference": "x.py"}},
                        {"ok": False, "size": None}, _Conv(Path(".")), None)
    assert [c["ok"] for c in checks] == [False] * 4
    assert checks[0]["detail"] == "no part"


def test_iou_against_script_step_and_cad_json_references(sandbox, tmp_path):
    refs_dir = CONVS / "refs"
    block = sandbox.run_script((refs_dir / "block_through_hole.py").read_text(), tmp_path / "cand")
    plate = sandbox.run_script((refs_dir / "plate_4holes.py").read_text(), tmp_path / "plate")
    json_block = ROOT / "examples" / "cadjson" / "block_with_hole.json"
    shutil.copy(block.artifacts["step"], tmp_path / "ref.step")
    refs = References(sandbox, tmp_path / "refs")
    conv = _Conv(tmp_path)
    outcome = {"step": str(block.artifacts["step"])}

    def iou(reference, outcome=outcome, **spec):
        return check_turn({"iou": {"reference": str(reference), **spec}}, outcome, conv, refs)[0]

    assert iou(refs_dir / "block_through_hole.py")["measured"] == pytest.approx(1.0, abs=1e-4)
    assert iou(tmp_path / "ref.step")["ok"]
    other = iou(refs_dir / "plate_4holes.py")
    assert not other["ok"] and other["measured"] < 0.3
    # a 75 x 75 x 20 block with a 30 mm hole (CAD JSON) vs our 50 x 40 x 30 block with a 20 mm hole
    js = iou(json_block, min=0.5)
    assert js["measured"] is not None and js["measured"] < 0.5 and not js["ok"]
    scaled = iou(json_block, outcome={"step": str(plate.artifacts["step"])}, normalize=True, min=0.0)
    assert scaled["ok"] and 0 < scaled["measured"] < 1
    broken = _write(tmp_path, "broken.py", "import cadquery as cq\nresult = 1/0\n")
    failed = iou(broken)
    assert not failed["ok"] and "does not build" in failed["detail"]


# -- the runner ---------------------------------------------------------------------------------
SMALL = """id: {id}
category: {cat}
turns:
  - user: "a plain rectangular plate {l} x 40 x 5 mm"
    expect: {{ok: true, bbox: [{l}, 40, 5], volume: {v}}}
  - user: "make it 10 mm longer"
    expect: {{bbox: [{l2}, 40, 5]}}
"""


@pytest.fixture()
def small_set(tmp_path):
    folder = tmp_path / "convs"
    folder.mkdir()
    for i, length in enumerate((60, 80, 100)):
        _write(folder, f"c{i}.yaml", SMALL.format(id=f"plate-{length}", cat="plates" if i else "other", l=length,
                                                 v=length * 200, l2=length + 10))
    return load_all([folder])


@pytest.fixture()
def eval_settings(tmp_path, kb):
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(kb.workspace / "kb", ws / "kb")  # the session's built store: no rebuild
    return load_settings(workspace=ws)


def _core(results):
    return sorted((r["id"], [(t["passed"], [(c["check"], c["measured"]) for c in t["checks"]]) for t in r["turns"]])
                  for r in results)


def test_resume_then_parallel_equals_serial(small_set, eval_settings, tmp_path):
    seen = []
    serial = run_eval(small_set, [Backend.parse("offline")], tmp_path / "s", eval_settings, workers=1,
                      on_result=lambda d, t, r: seen.append((d, t, r["id"])))
    assert [s[:2] for s in seen] == [(1, 3), (2, 3), (3, 3)]
    assert all(r["passed"] for r in serial) and len(serial) == 3
    lines = (tmp_path / "s" / "results.jsonl").read_text().splitlines()
    (tmp_path / "s" / "results.jsonl").write_text(lines[0] + "\n" + lines[1][:40])  # stopped mid-write
    seen.clear()
    resumed = run_eval(small_set, [Backend.parse("offline")], tmp_path / "s", eval_settings, workers=1,
                       on_result=lambda d, t, r: seen.append(r["id"]))
    assert seen == ["plate-80", "plate-100"]  # only what was not recorded whole
    assert _core(resumed) == _core(serial)
    parallel = run_eval(small_set, [Backend.parse("offline")], tmp_path / "p", eval_settings, workers=2)
    assert _core(parallel) == _core(serial)
    m = by_backend(parallel)["offline"]
    assert m["overall"]["turn_pass_rate"] == 1.0 and m["overall"]["volume_error_rel_mean"] < 1e-6
    assert set(m["categories"]) == {"plates", "other"}


def test_a_crashing_turn_is_a_failed_result_and_the_run_goes_on(small_set, eval_settings, tmp_path, monkeypatch):
    from cadagent.agent.runtime import Agent

    real = Agent.stream

    def flaky(self, thread, turn_input, **kw):
        if "80 x 40" in turn_input.text:
            raise RuntimeError("the model server exploded")
        yield from real(self, thread, turn_input, **kw)

    monkeypatch.setattr(Agent, "stream", flaky)
    results = {r["id"]: r for r in run_eval(small_set, [Backend.parse("offline")], tmp_path / "c",
                                             eval_settings, workers=1)}
    crashed = results["plate-80"]
    assert not crashed["passed"] and crashed["error"] == "turn 1 crashed: RuntimeError: the model server exploded"
    assert crashed["turns"][0]["crash"]["type"] == "crash" and crashed["turns"][1]["skipped"]
    assert results["plate-60"]["passed"] and results["plate-100"]["passed"]
    paths = write_reports(list(results.values()), tmp_path / "c", "test")
    md = paths["md"].read_text()
    assert "| turn pass rate | 66.7% |" in md and "crash: RuntimeError: the model server exploded" in md
    page = paths["html"].read_text()
    assert page.count("data:image/png;base64,") == 4 and "plate-80" in page
    assert by_backend(list(results.values()))["offline"]["overall"]["crashes"] == 1


def test_a_backend_that_cannot_start_fails_its_conversations(small_set, eval_settings, tmp_path):
    results = run_eval(small_set[:1], [Backend.parse("local")], tmp_path / "l", eval_settings, workers=1)
    assert not results[0]["passed"] and "the backend did not start: ProviderError" in results[0]["error"]
    with pytest.raises(ValueError, match="the provider must be one of offline, openai, gemini, local"):
        Backend.parse("claude")
    assert Backend.parse("openai:qwen2.5-coder:7b") == Backend("openai:qwen2.5-coder:7b", "openai", "qwen2.5-coder:7b")


def test_smoke_subset_of_the_shipped_set_on_the_offline_engine(eval_settings, tmp_path):
    convs = select(load_all([CONVS]), limit=12, seed=0)
    results = run_eval(convs, [Backend.parse("offline")], tmp_path / "smoke", eval_settings, workers=1)
    m = by_backend(results)["offline"]["overall"]
    assert m["crashes"] == 0 and m["turns"] >= 25
    assert m["turn_pass_rate"] >= 0.8, [f["why"] for f in failures(results)]


# -- text2cad and the CLI -----------------------------------------------------------------------
@pytest.mark.skipif(not TEXT2CAD.is_dir(), reason="../shared/benchmarks/text2cad_random100 is not here")
def test_text2cad_suite_is_built_from_the_shared_benchmark():
    convs = text2cad_suite(TEXT2CAD, "beginner")
    assert len(convs) == 100 and all(c.category == "text2cad" for c in convs)
    iou = convs[0].turns[0]["expect"]["iou"]
    assert iou["normalize"] and convs[0].resolve(iou["reference"]).is_file()
    with pytest.raises(ConversationError, match="level 'novice'"):
        text2cad_suite(TEXT2CAD, "novice")


def test_cli_reports_and_refuses_bad_files(tmp_path, kb):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CADAGENT_WORKSPACE": str(tmp_path / "ws")}
    shutil.copytree(kb.workspace / "kb", tmp_path / "ws" / "kb")
    bad = _write(tmp_path, "bad.yaml", "id: a\nturns:\n  - user: hi\n    expect: {colour: red}\n")
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "eval", str(bad)], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and f"{bad}:4: turns[0].expect: Additional properties" in p.stderr
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "eval", str(CONVS), "--filter", "plain-plate",
                        "--out", "rep", "--workers", "1"], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "offline: turns passed 100.0% of 3" in p.stdout
    metrics = json.loads((tmp_path / "rep" / "metrics.json").read_text())
    assert metrics["offline"]["overall"]["turns"] == 3
    assert (tmp_path / "rep" / "report.html").stat().st_size > 10_000
