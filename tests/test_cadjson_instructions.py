"""Sketch-and-extrude instructions → CAD JSON: the parser on our own texts in the Text2CAD
register (prose and step lists), the parts they build measured against closed-form values, the
report of statements not used, the CLI, and a chat turn through the offline engine."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from cadagent.tools.cadjson import compile_doc
from cadagent.tools.cadjson.instructions import looks_like_instructions, parse_instructions
from cadagent.tools.shape_compare import chamfer, read_stl, sample_surface, text2cad_chamfer, unit_box

from .conftest import ROOT
from .conftest import state_of

ORIGIN = "Create a new coordinate system with Euler angles set to zero and a translation vector set to zero. "
PLATE = ORIGIN + (
    "On the first face, in the first loop, draw four lines: the first line from (0, 0) to (40, 0), the second line "
    "from (40, 0) to (40, 20), the third line from (40, 20) to (0, 20), and the fourth line from (0, 20) back to "
    "the origin. In the second loop, draw a circle centered at (20, 10) with a radius of 5. Apply a scale factor of "
    "40 to the sketch. Extrude the sketch 10 mm towards the normal without extruding in the opposite direction "
    "to create a new solid body. The part is painted blue.")
SLOT = ORIGIN + (
    "On the first face, draw a line from (10, 0) to (30, 0), an arc from (30, 0) through (40, 10) to (30, 20), a "
    "line from (30, 20) to (10, 20), and an arc starting at (10, 20), passing through (0, 10), and ending at "
    "(10, 0). Extrude the sketch 5 units in the opposite direction of the normal.")
ROTATED = (
    "Create a new coordinate system with Euler angles set to [0.0, 0.0, -90.0] and a translation vector of "
    "[0.0, 30.0, 0.0]. On the first face, draw a rectangle with vertices at (0, 0), (40, 0), (40, 20), and (0, 20). "
    "Rotate the scaled sketch using the same Euler angles and translate it using the same vector. Extrude the "
    "sketch 30 units along the normal direction to create a new solid body.")
SYMMETRIC = ORIGIN + ("Draw a circle centered at (0, 0) with a radius of 10. Extrude the sketch 5 units in both "
                      "directions along the normal.")
WORDS = ("Create a new coordinate system with Euler angles set to zero, zero, and negative ninety degrees, and a "
         "translation vector of zero, zero point five, and zero. On the first face, draw a circle centered at zero "
         "point two five, zero point two five with a radius of zero point two five. Extrude the sketch zero point "
         "five units along the normal to create a new solid body.")
STEPS = r"""<part_1>
### Construct a Washer
#### Step 1: Create a New Coordinate System
- Set the Euler angles to \(0.0^\circ\), \(0.0^\circ\), and \(0.0^\circ\).
- Set the translation vector to \([0.0, 0.0, 0.0]\).
#### Step 2: Draw a 2D Sketch
- **Face 1**
  - **Loop 1**
    - Draw a circle with a center at (0.5, 0.5) and a radius of 0.5.
  - **Loop 2**
    - Draw a circle:
      - Center at (0.5, 0.5).
      - Radius of 0.25.
#### Step 3: Scale the 2D Sketch
- Apply a scale factor of 1.0 to the entire sketch.
#### Step 4: Extrude the 2D Sketch
- Extrude the sketch 0.1 units towards the normal.
- Do not extrude in the opposite direction of the normal.
- This operation will create a new solid body.
#### Final Dimensions
- Length: 1.0 units
</part_1>"""


def _second(op_sentence: str, origin="[0.0, 0.0, 10.0]") -> str:
    return f" For the second part, create a new coordinate system with Euler angles set to zero and a translation " \
           f"vector of {origin}. " + op_sentence


BLOCK = ORIGIN + ("On the first face, draw a rectangle with vertices at (0, 0), (40, 0), (40, 20), and (0, 20). "
                  "Extrude the sketch 10 units towards the normal to create a new solid body.")
CUT = BLOCK + _second("Draw a circle centered at (20, 10) with a radius of 5. Extrude the sketch 10 units in the "
                      "opposite direction of the normal, removing material from the existing body.")
JOIN = CUT + " For the third part, create a new coordinate system with Euler angles set to zero and a " \
             "translation vector of [0.0, 0.0, 10.0]. Draw a rectangle with vertices at (0, 0), (10, 0), (10, 10), " \
             "and (0, 10). Extrude the sketch 5 units along the normal, adding material to the existing body."
INTERSECT = BLOCK + _second("Draw a circle centered at (20, 10) with a radius of 8. Extrude the sketch 10 units "
                            "towards the normal and 10 units in the opposite direction of the normal, keeping only "
                            "the intersection with the existing body.", "[0.0, 0.0, 5.0]")


def _part(text: str, n: int = 1) -> dict:
    result = parse_instructions(text)
    assert result.ok, [str(p) for p in result.problems]
    return result.document["parts"][f"part_{n}"]


def _build(text: str, sandbox):
    result = parse_instructions(text)
    assert result.ok, [str(p) for p in result.problems]
    res = sandbox.run_script(compile_doc(result.doc), exports=())
    assert res.ok and res.report.is_valid_solid, res.error
    return res.report


# -- reading ---------------------------------------------------------------------------------------
def test_lines_loops_scale_and_depth_are_read():
    result = parse_instructions(PLATE)
    part = result.document["parts"]["part_1"]
    loop1, loop2 = part["sketch"]["face_1"]["loop_1"], part["sketch"]["face_1"]["loop_2"]
    assert [c["End Point"] for c in loop1.values()] == [[40, 0], [40, 20], [0, 20], [0, 0]]
    assert loop2 == {"circle_1": {"Center": [20, 10], "Radius": 5}}
    assert part["extrusion"] == {"extrude_depth_towards_normal": 10, "extrude_depth_opposite_normal": 0.0,
                                 "sketch_scale": 40, "operation": "NewBodyFeatureOperation"}
    assert result.document["units"] == "mm"


def test_arcs_take_their_mid_point_from_through_and_passing():
    loop = _part(SLOT)["sketch"]["face_1"]["loop_1"]
    assert loop["arc_1"] == {"Start Point": [30, 0], "Mid Point": [40, 10], "End Point": [30, 20]}
    assert loop["arc_2"] == {"Start Point": [10, 20], "Mid Point": [0, 10], "End Point": [10, 0]}
    assert _part(SLOT)["extrusion"]["extrude_depth_opposite_normal"] == 5


def test_number_words_euler_angles_and_translation():
    part = _part(WORDS)
    assert part["coordinate_system"] == {"Euler Angles": [0.0, 0.0, -90.0], "Translation Vector": [0.0, 0.5, 0.0]}
    assert part["sketch"]["face_1"]["loop_1"]["circle_1"] == {"Center": [0.25, 0.25], "Radius": 0.25}
    assert part["extrusion"]["extrude_depth_towards_normal"] == 0.5


def test_step_list_form_with_markdown_and_latex():
    result = parse_instructions(STEPS)
    part = result.document["parts"]["part_1"]
    assert part["description"] == {"name": "Washer"}
    assert [lp["circle_1"]["Radius"] for lp in part["sketch"]["face_1"].values()] == [0.5, 0.25]
    assert part["extrusion"]["extrude_depth_towards_normal"] == 0.1
    assert result.unused == []


def test_several_faces_and_parts_with_their_operations():
    doc = parse_instructions(JOIN).document
    ops = [p["extrusion"]["operation"] for p in doc["parts"].values()]
    assert ops == ["NewBodyFeatureOperation", "CutFeatureOperation", "JoinFeatureOperation"]
    assert doc["parts"]["part_2"]["coordinate_system"]["Translation Vector"] == [0.0, 0.0, 10.0]
    assert parse_instructions(INTERSECT).document["parts"]["part_2"]["extrusion"]["operation"] == \
        "IntersectFeatureOperation"


def test_statements_not_used_are_reported_with_their_sentence():
    text = PLATE + " Then add a fillet of 2 mm to the top edges."
    unused = {u.sentence: u.reason for u in parse_instructions(text).unused}
    assert unused["The part is painted blue."] == "nothing to build in it"
    assert "2" in unused["Then add a fillet of 2 mm to the top edges."]


def test_what_cannot_be_built_is_an_error_with_its_path():
    result = parse_instructions("Make it look nice and sturdy.")
    assert not result.ok and result.document is None
    assert any(p.path == "$.parts" and "no part" in p.message for p in result.problems)
    no_depth = parse_instructions(ORIGIN + "Draw a circle centered at (0, 0) with a radius of 3. Extrude the sketch.")
    assert not no_depth.ok
    assert any(p.path == "$.parts.part_1.extrusion" and "depth" in p.message for p in no_depth.problems)


def test_first_part_cannot_cut_and_missing_frame_is_a_warning():
    text = "Draw a circle centered at (0, 0) with a radius of 3. Extrude the sketch 2 units to cut the body."
    result = parse_instructions(text)
    assert result.ok
    assert result.document["parts"]["part_1"]["extrusion"]["operation"] == "NewBodyFeatureOperation"
    warnings = [p.message for p in result.problems if p.severity == "warning"]
    assert any("cannot be a CutFeatureOperation" in w for w in warnings)
    assert any("no Euler angles" in w for w in warnings)


def test_instructions_are_told_from_requests():
    assert looks_like_instructions(PLATE) and looks_like_instructions(STEPS)
    assert not looks_like_instructions("a 60 x 40 mm mounting plate, 5 mm thick, four M5 holes")
    assert not looks_like_instructions("extrude it 5 mm more")


# -- building: measured against closed-form values --------------------------------------------------
def test_plate_with_hole_volume_and_box(sandbox):
    report = _build(PLATE, sandbox)
    assert report.volume == pytest.approx((40 * 20 - math.pi * 25) * 10, rel=1e-6)
    assert sorted(report.size) == pytest.approx([10, 20, 40])


def test_slot_by_arcs_extruded_against_the_normal(sandbox):
    report = _build(SLOT, sandbox)
    assert report.volume == pytest.approx((20 * 20 + math.pi * 100) * 5, rel=1e-6)
    assert report.bbox_min[2] == pytest.approx(-5) and report.bbox_max[2] == pytest.approx(0, abs=1e-9)


def test_euler_angles_and_translation_place_the_part(sandbox):
    report = _build(ROTATED, sandbox)   # sketch x → world x, sketch y → world z, normal → world -y
    assert report.bbox_min == pytest.approx([0, 0, 0], abs=1e-6)
    assert report.bbox_max == pytest.approx([40, 30, 20], abs=1e-6)


def test_symmetric_extrusion_goes_both_ways(sandbox):
    report = _build(SYMMETRIC, sandbox)
    assert (report.bbox_min[2], report.bbox_max[2]) == pytest.approx((-5, 5))
    assert report.volume == pytest.approx(math.pi * 100 * 10, rel=1e-6)


@pytest.mark.parametrize("text, volume", [
    (CUT, 8000 - math.pi * 25 * 10),
    (JOIN, 8000 - math.pi * 25 * 10 + 500),
    (INTERSECT, math.pi * 64 * 10),   # the disc inside the block (not tangent: tangent booleans are slow)
])
def test_cut_join_intersect_volumes(sandbox, text, volume):
    assert _build(text, sandbox).volume == pytest.approx(volume, rel=1e-6)


# -- chamfer distance (Text2CAD conventions) --------------------------------------------------------
def test_chamfer_is_zero_for_the_same_shape_at_any_scale_and_place(sandbox, tmp_path):
    res = sandbox.run_script(compile_doc(parse_instructions(PLATE).doc), tmp_path, exports=("stl",), stem="a")
    big = parse_instructions(PLATE.replace("(20, 10) with a radius of 5", "(20, 10) with a radius of 8")).doc
    other = sandbox.run_script(compile_doc(big), tmp_path, exports=("stl",), stem="b")
    tris = read_stl(res.artifacts["stl"])
    pts = sample_surface(tris, 2048, seed=3)
    assert chamfer(unit_box(pts, tris), unit_box(pts * 7 + 100, tris * 7 + 100)) == pytest.approx(0, abs=1e-12)
    same = text2cad_chamfer(res.artifacts["stl"], res.artifacts["stl"])
    different = text2cad_chamfer(res.artifacts["stl"], other.artifacts["stl"])
    assert same < 0.5 < different   # ×1000, unit box: sampling noise vs a 3 mm bigger hole


def test_read_stl_rejects_what_is_not_a_mesh(tmp_path):
    bad = tmp_path / "x.stl"
    bad.write_text("solid nothing\nendsolid\n")
    with pytest.raises(ValueError, match="not an STL mesh"):
        read_stl(bad)


# -- CLI --------------------------------------------------------------------------------------------
def _cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "cadagent.cli", "cadjson", "from-text", *args], cwd=ROOT,
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_cli_from_text_writes_the_document_and_lists_what_was_not_used(tmp_path):
    src, out = tmp_path / "steps.txt", tmp_path / "part.json"
    src.write_text(PLATE, encoding="utf-8")
    p = _cli(str(src), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert json.loads(out.read_text())["parts"]["part_1"]["sketch"]["face_1"]["loop_2"]["circle_1"]["Radius"] == 5
    assert 'not used: statement 6: nothing to build in it: "The part is painted blue."' in p.stderr
    piped = _cli("-", "--json", stdin=SLOT)
    assert piped.returncode == 0 and json.loads(piped.stdout)["document"]["parts"]["part_1"]["sketch"]


def test_cli_from_text_errors(tmp_path):
    missing = _cli(str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    vague = _cli("-", stdin="Make a nice bracket.")
    assert vague.returncode == 1 and "no part could be read" in vague.stderr
    assert _cli("-", "--units", "furlong", stdin=SLOT).returncode == 2


# -- chat -------------------------------------------------------------------------------------------
def test_chat_builds_instructions_as_a_new_design_and_saves_the_json(agents):
    agent = agents()
    events = list(agent.stream("steps", PLATE))
    assert next(e for e in events if e.node == "route").data.get("intent") == "new_design"
    state = state_of(agent, "steps")
    version = state["versions"][-1]
    assert version["volume"] == pytest.approx((40 * 20 - math.pi * 25) * 10, rel=1e-6)
    saved = json.loads(Path(version["cadjson"]).read_text(encoding="utf-8"))
    assert saved["parts"]["part_1"]["sketch"]["face_1"]["loop_2"]["circle_1"]["Radius"] == 5
    assert version["cadjson"].endswith("v1/part.cadjson.json")
    answer = next(e for e in events if e.node == "respond").data["answer"]
    assert "Read as CAD JSON" in answer and "The part is painted blue." in answer


# -- the Text2CAD samples (non-commercial data, only where ../shared holds them) ----------------------
SAMPLES = ROOT.parent / "shared" / "benchmarks" / "text2cad_random100" / "prompts.jsonl"


@pytest.mark.skipif(not SAMPLES.is_file(), reason="the Text2CAD samples are not in ../shared")
def test_text2cad_expert_and_step_prompts_give_valid_documents():
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for level in ("expert", "nli_data"):
        valid = sum(parse_instructions(r[level]).ok for r in rows)
        assert valid >= 0.95 * len(rows), (level, valid)


# -- steps written from documents: round trip and training pairs -----------------------------------
def test_documents_written_as_steps_read_back_to_the_same_document():
    import random

    from cadagent.finetune.dataset import synthetic_cadjson
    from cadagent.tools.cadjson.to_text import instructions_from

    rng = random.Random(7)
    for kind, doc in synthetic_cadjson(rng, 21):
        back = parse_instructions(instructions_from(doc, rng))
        assert back.ok and back.unused == [], kind
        for name, part in doc["parts"].items():
            got = back.document["parts"][name]
            assert (got["coordinate_system"], got["sketch"], got["extrusion"]) == \
                (part["coordinate_system"], part["sketch"], part["extrusion"]), kind


@pytest.mark.skipif(not SAMPLES.is_file(), reason="the Text2CAD samples are not in ../shared")
def test_deepcad_documents_round_trip_through_steps():
    import random

    from cadagent.tools.cadjson import to_minimal
    from cadagent.tools.cadjson.to_text import instructions_from

    rng = random.Random(2)
    files = sorted((SAMPLES.parent / "deepcad_cad_json").glob("*.json"))
    for f in files:
        doc, _ = to_minimal(json.loads(f.read_text()))
        back = parse_instructions(instructions_from(doc, rng))
        assert back.unused == [] and back.document["parts"].keys() == doc["parts"].keys(), f.name
        for name, part in doc["parts"].items():
            got = back.document["parts"][name]
            assert got["sketch"] == part["sketch"] and got["coordinate_system"] == part["coordinate_system"], f.name


def test_instruction_pairs_for_the_gen_adapter_are_verified(sandbox):
    import random

    from cadagent.finetune.cadjson_text import instruction_records

    rep = instruction_records(sandbox, random.Random(0), 7)
    assert len(rep.records) == 7 and not rep.rejected
    rec = rep.records[1]   # a plate with holes: two parts, the second a cut
    assert rec.task == "gen" and [m["role"] for m in rec.messages] == ["system", "user", "assistant"]
    doc = json.loads(rec.messages[2]["content"])
    assert doc["parts"]["part_2"]["extrusion"]["operation"] == "CutFeatureOperation"
    assert parse_instructions(rec.messages[1]["content"]).document["parts"] == doc["parts"]


def test_text2cad_expert_suite_compares_in_place():
    from cadagent.evals.conversations import text2cad_suite

    if not SAMPLES.is_file():
        pytest.skip("the Text2CAD samples are not in ../shared")
    conv = text2cad_suite(SAMPLES.parent, "expert")[0]
    iou = conv.turns[0]["expect"]["iou"]
    assert iou["align"] == "translate" and iou["min"] == 0.9 and iou["normalize"] is True
    assert "align" not in text2cad_suite(SAMPLES.parent, "beginner")[0].turns[0]["expect"]["iou"]


def test_chat_steps_that_do_not_build_get_the_reason_not_another_part(agents):
    far = BLOCK + _second("Draw a circle centered at (500, 500) with a radius of 5. Extrude the sketch 10 units "
                          "towards the normal, keeping only the intersection with the existing body.")
    agent = agents()
    events = list(agent.stream("far", far))
    assert not any(e.node == "save" for e in events)
    answer = next(e for e in events if e.node == "respond").data["answer"]
    assert "The part built from this CAD JSON is not valid" in answer
    assert not state_of(agent, "far").get("versions")


# -- a model writes the CAD JSON when the parser cannot; the validator's problems go back to it ----
def _scripted(replies):
    from .test_agent import ScriptedChatModel

    return ScriptedChatModel(replies=replies, prompts=[])


def test_a_model_writes_the_cadjson_with_validator_feedback(tmp_path, sandbox, kb):
    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings

    vague = ("Create a new coordinate system. Draw a sketch of a disc around (10, 10), as large as the "
             "plate allows. Extrude it so it is a little thicker than usual.")
    assert looks_like_instructions(vague) and not parse_instructions(vague).ok
    frame = {"Euler Angles": [0, 0, 0], "Translation Vector": [0, 0, 0]}
    ext = {"extrude_depth_towards_normal": 4, "extrude_depth_opposite_normal": 0, "sketch_scale": 1,
           "operation": "NewBodyFeatureOperation"}
    open_loop = {"parts": {"part_1": {"coordinate_system": frame, "extrusion": ext, "sketch": {"face_1": {"loop_1": {
        "line_1": {"Start Point": [0, 0], "End Point": [20, 0]},
        "line_2": {"Start Point": [20, 0], "End Point": [20, 20]}}}}}}, "units": "mm"}
    disc = {"parts": {"part_1": {"coordinate_system": frame, "extrusion": ext, "sketch": {"face_1": {"loop_1": {
        "circle_1": {"Center": [10, 10], "Radius": 10}}}}}}, "units": "mm"}
    llm = _scripted([f"```json\n{json.dumps(open_loop)}\n```", json.dumps(disc)])
    agent = Agent(load_settings(workspace=tmp_path / "ws"), llm=llm, kb=kb, sandbox=sandbox)
    try:
        list(agent.stream("model", vague))
        version = state_of(agent, "model")["versions"][-1]
    finally:
        agent.close()
    assert version["volume"] == pytest.approx(math.pi * 100 * 4, rel=1e-6)
    assert json.loads(Path(version["cadjson"]).read_text())["parts"]["part_1"]["sketch"] == disc["parts"]["part_1"]["sketch"]
    assert len(llm.prompts) == 2
    assert "$.parts.part_1.sketch.face_1.loop_1" in llm.prompts[1] and "Fix:" in llm.prompts[1]


@pytest.mark.skipif(not SAMPLES.is_file(), reason="the Text2CAD samples are not in ../shared")
def test_text2cad_bench_measures_iou_and_chamfer(tmp_path):
    from cadagent.bench.text2cad_bench import run_benchmark
    from cadagent.config import load_settings

    lines = []
    report = run_benchmark(load_settings(workspace=tmp_path / "ws"), SAMPLES.parent, limit=1, repeats=1,
                           out=tmp_path / "out", echo=lines.append)
    first = report["samples"][0]
    assert first["valid"] and first["iou"] >= 0.99 and first["cd"] < 1.0 and not first["holdout"]
    assert report["all"]["samples"] == 1 and report["held_out"]["samples"] == 0
    assert (tmp_path / "out" / "expert-split.json").is_file() and "parse median" in "\n".join(lines)


def test_lines_dictated_along_the_axes():
    text = ORIGIN + ("In the first loop, start the first line at the origin and end at 40 units along the x-axis; "
                     "start the second line at this endpoint and extend it 20 units along the y-axis; start the "
                     "third line from this new endpoint and move back to the origin along the x-axis; complete the "
                     "loop with the fourth line. Extrude the sketch 5 units towards the normal.")
    loop = _part(text)["sketch"]["face_1"]["loop_1"]
    assert [c["End Point"] for c in loop.values()][:3] == [[40.0, 0.0], [40.0, 20.0], [0.0, 20.0]]
    assert len(loop) == 4   # the open end is closed by a line
