"""Measurement that can be trusted: IoU that survives near-coincident faces (with its method and
error), placement-aware checks, multi-solid parts, and a CAD JSON compiler with no depth limit."""

from __future__ import annotations

import json
import math
from pathlib import Path

import cadquery as cq
import pytest

from cadagent.evals.checks import References, check_turn
from cadagent.evals.metrics import describe_check
from cadagent.tools.cadjson import compile_doc, validate
from cadagent.tools.cadjson.validate import MAX_CURVES, MAX_PARTS
from cadagent.tools.geometry import iou as iou_mod
from cadagent.tools.geometry.iou import best_iou, iou, overlap, sampled_overlap


def _lens(r: float, d: float) -> float:
    """Area shared by two circles of radius r whose centres are d apart."""
    return 2 * r * r * math.acos(d / (2 * r)) - d / 2 * math.sqrt(4 * r * r - d * d)


def _profile(plane: cq.Plane, h: float = 0.1) -> cq.Shape:
    """A DeepCAD-sized sketch (lines, an arc, a hole) extruded on ``plane``."""
    return (cq.Workplane(plane).moveTo(0, 0).lineTo(0.75, 0).threePointArc((0.9, 0.1), (0.75, 0.2))
            .lineTo(0, 0.2).close().moveTo(0.3, 0.1).circle(0.025).extrude(h).val())


TILTED = cq.Location(cq.Vector(0.1, 0.2, 0.3), cq.Vector(0.3, -0.5, 0.8), 23.0)   # an oblique rigid motion


def _tilt(v) -> cq.Vector:
    """The vector ``v`` turned like TILTED turns a part."""
    from OCP.gp import gp_Vec

    g = gp_Vec(*map(float, v))
    g.Transform(TILTED.wrapped.Transformation())
    return cq.Vector(g.X(), g.Y(), g.Z())


def _within(result, want: float, slack: float = 1e-7) -> bool:
    return abs(result.iou - want) <= result.error + slack


# -- perturbations against analytic IoU -----------------------------------------------------------

@pytest.mark.parametrize("rel", [1e-4, 1e-5, 1e-6])
def test_cylinders_shifted_sideways_match_the_lens_formula(rel):
    r, h = 10.0, 10.0
    d = rel * 2 * r
    res = iou(cq.Solid.makeCylinder(r, h), cq.Solid.makeCylinder(r, h).translate((d, 0, 0)))
    lens = _lens(r, d)
    assert _within(res, lens / (2 * math.pi * r * r - lens)), res
    assert res.method in ("exact", "fuzzy") and res.error < 1e-3


@pytest.mark.parametrize("tilted", [False, True])
@pytest.mark.parametrize("rel", [1e-4, 1e-5, 1e-6])
def test_block_with_hole_pushed_diagonally_matches_the_formula(rel, tilted):
    """Shifted by (a, 0, c): the common part is (W−a)·H minus both holes' union, times (h − c)."""
    w, hh, h, r = 0.75, 0.2, 0.1, 0.025
    base = cq.Workplane("XY").rect(w, hh).circle(r).extrude(h).val()
    a = c = rel * 0.9 / math.sqrt(2)
    shift = _tilt((a, 0, c)) if tilted else cq.Vector(a, 0, c)
    part = base.moved(TILTED) if tilted else base
    common = ((w - a) * hh - (2 * math.pi * r * r - _lens(r, a))) * (h - c)
    volume = (w * hh - math.pi * r * r) * h
    res = iou(part, part.translate(shift))
    assert _within(res, common / (2 * volume - common)), res


@pytest.mark.parametrize("rel", [3e-5, 1e-6])
def test_near_coincident_faces_where_exact_booleans_fail(rel):
    """A DeepCAD-sized sketch (an arc, a hole) pushed by (d, 0, d)/√2: OCCT's exact common of this
    pair comes back empty (IoU 0) although the parts all but coincide. The figure must come from
    a consistent boolean, and match the truth derived from the in-plane shift (exact here):
    common = S·(h − c) with S the 2D overlap, S = 2A·I/(1 + I) from the in-plane IoU I."""
    h = 0.1
    a = c = rel * 0.9 / math.sqrt(2)
    part = _profile(cq.Plane.XY(), h)
    if rel == 3e-5:   # the kernel's failure is real: an empty common part
        raw = iou_mod._boolean(iou_mod.BRepAlgoAPI_Common, part, part.translate((a, 0, c)), 0.0)
        assert raw is None or raw < 0.5 * iou_mod._volume(part)
    in_plane = iou(part, part.translate((a, 0, 0)))
    area = iou_mod._volume(part) / h
    s = 2 * area * in_plane.iou / (1 + in_plane.iou)
    common = s * (h - c)
    truth = common / (2 * area * h - common)
    res = iou(part, part.translate((a, 0, c)))
    if rel == 3e-5:
        assert res.method == "fuzzy" and res.fuzzy > 0           # the exact result was refused
    assert abs(res.iou - truth) <= res.error + in_plane.error, (res, truth)
    assert res.error < 0.01


def test_coincident_faces_tangent_cylinders_and_shared_edges():
    unit = cq.Solid.makeBox(1, 1, 1)
    assert iou(unit, cq.Solid.makeBox(1, 1, 2)).iou == pytest.approx(0.5, abs=1e-9)      # 5 faces shared
    assert iou(unit, unit.translate((1, 0, 0))).iou == pytest.approx(0.0, abs=1e-9)        # face to face
    assert iou(unit, unit.translate((1, 1, 0))).iou == pytest.approx(0.0, abs=1e-9)        # an edge
    tangent = iou(cq.Solid.makeCylinder(1, 3), cq.Solid.makeCylinder(1, 3).translate((2, 0, 0)))
    assert tangent.iou == pytest.approx(0.0, abs=1e-9)
    inside = iou(cq.Solid.makeCylinder(2, 3), cq.Solid.makeCylinder(1, 3).translate((1, 0, 0)))
    assert inside.iou == pytest.approx(0.25, abs=1e-9)   # internally tangent: (1/2)² of the area


def test_sampled_fallback_reports_its_standard_error(monkeypatch):
    a = cq.Workplane().box(10, 10, 10).faces(">Z").workplane().hole(4).val()
    b = cq.Workplane().box(10, 10, 10).translate((3, 0, 0)).val()
    exact = iou(a, b)
    monkeypatch.setattr(iou_mod, "FUZZY_STEPS", ())   # as if no boolean were consistent
    sampled = iou(a, b)
    assert sampled.method == "sampled" and 0 < sampled.error < 0.02
    assert abs(sampled.iou - exact.iou) <= 4 * sampled.error
    again = sampled_overlap(a, b)
    assert again.iou == pytest.approx(sampled.iou, abs=0)   # a fixed seed: the same figure twice


def test_inconsistent_volumes_are_refused():
    assert iou_mod._consistent(0.0, 0.0, 1.0, 1.0, 0.0) is None          # an empty result for equal parts
    assert iou_mod._consistent(1.5, 2.0, 1.0, 1.0, 0.0) is None          # more common than either part
    assert iou_mod._consistent(0.5, 1.2, 1.0, 1.0, 0.0) is None          # union ≠ A + B − A∩B
    assert iou_mod._consistent(0.5, 1.5, 1.0, 1.0, 0.0) == pytest.approx(0.0)


def test_overlap_of_a_two_solid_compound():
    pair = cq.Compound.makeCompound([cq.Solid.makeBox(1, 1, 1), cq.Solid.makeBox(1, 1, 1).translate((3, 0, 0))])
    ov = overlap(pair, cq.Solid.makeBox(1, 1, 1))
    assert ov.iou == pytest.approx(0.5, abs=1e-9)


# -- alignment ----------------------------------------------------------------------------------

def _l_block() -> cq.Shape:
    return cq.Workplane().box(40, 20, 10).faces(">Z").workplane().rect(20, 20).cutBlind(-5).val()


def test_rotated_part_fails_in_place_and_passes_under_rotate():
    a = _l_block()
    turned = a.rotate((0, 0, 0), (0, 0, 1), 90)
    assert best_iou(a, turned, align="none").iou < 0.6
    assert best_iou(a, turned, align="translate").iou < 0.6
    best = best_iou(a, turned, align="rotate")
    assert best.iou == pytest.approx(1.0, abs=1e-6) and best.rotation is not None and best.align == "rotate"


def test_translated_part_fails_in_place_and_passes_under_translate():
    a = _l_block()
    moved = a.translate((0, 20, 0))
    assert best_iou(a, moved, align="none").iou < 0.34
    assert best_iou(a, moved, align="translate").iou == pytest.approx(1.0, abs=1e-6)


def test_unknown_alignment_is_refused():
    with pytest.raises(ValueError, match="align must be one of none, translate, rotate"):
        best_iou(_l_block(), _l_block(), align="mirror")


# -- eval checks --------------------------------------------------------------------------------

class _Conv:
    def __init__(self, base: Path):
        self.base = base

    def resolve(self, rel):
        return (self.base / rel).resolve()


PLATE = {"ok": True, "size": [60.0, 40.0, 5.0], "bbox_min": [0.0, 0.0, 0.0], "volume": 12000.0, "solids": 1}


@pytest.mark.parametrize("expect,passes", [
    ({"bbox": [60, 40, 5], "bbox_oriented": True}, True),
    ({"bbox": [40, 60, 5]}, True),                                   # sorted: any orientation
    ({"bbox": [40, 60, 5], "bbox_oriented": True}, False),           # turned 90° about z
    ({"bbox": [60, 40, 5], "bbox_oriented": True, "bbox_min": [0, 0, 0]}, True),
    ({"bbox": [60, 40, 5], "bbox_oriented": True, "bbox_min": [0, 20, 0]}, False),   # moved 20 mm along y
    ({"bbox": [60, 40, 5], "bbox_oriented": True, "bbox_min": [0, 0.4, 0]}, True),   # within 1% of 60
])
def test_oriented_bbox_and_placement(expect, passes):
    (check,) = check_turn(expect, PLATE, _Conv(Path(".")), None)
    assert check["ok"] is passes, check
    assert check["tolerance"] == pytest.approx(0.6)
    assert ("in order" in check["method"]) is bool(expect.get("bbox_oriented"))


def test_every_check_states_measured_expected_tolerance_and_method():
    checks = check_turn({"ok": True, "bbox": [60, 40, 5], "volume": 11000, "solids": 1, "mentions": ["plate"],
                         "max_attempts": 2}, {**PLATE, "answer": "a plate", "attempts": 1}, _Conv(Path(".")), None)
    for c in checks:
        assert {"check", "ok", "expected", "measured", "tolerance", "method"} <= set(c), c
        assert c["method"]
    volume = next(c for c in checks if c["check"] == "volume")
    assert not volume["ok"] and volume["tolerance"] == 0.02
    line = describe_check(volume)
    assert "expected 11000.0, measured 12000.0, tolerance 0.02 [B-rep volume" in line


@pytest.mark.parametrize("want,got,passes", [(2, 2, True), (2, 1, False), ("any", 3, True), ("any", 0, False),
                                             (1, 2, False)])
def test_solids_count_or_any(want, got, passes):
    (check,) = check_turn({"solids": want}, {"solids": got}, _Conv(Path(".")), None)
    assert check["ok"] is passes


def _two_blocks_script(gap: float) -> str:
    return ("import cadquery as cq\n"
            "a = cq.Workplane('XY').box(20, 20, 10)\n"
            f"b = cq.Workplane('XY').box(20, 20, 10).translate(({20 + gap}, 0, 0))\n"
            "result = cq.Workplane('XY').add(cq.Compound.makeCompound([a.val(), b.val()]))\n")


def test_two_solid_compound_passes_solids_2_and_its_iou_is_measured(sandbox, tmp_path):
    part = sandbox.run_script(_two_blocks_script(10), tmp_path / "cand", exports=("step",))
    assert part.valid_solid and part.report.solids == 2, part.error
    ref = tmp_path / "two_blocks.py"
    ref.write_text(_two_blocks_script(10))
    closer = tmp_path / "closer.py"
    closer.write_text(_two_blocks_script(5))
    outcome = {"ok": True, "solids": 2, "step": str(part.artifacts["step"]), "size": list(part.report.size),
               "bbox_min": list(part.report.bbox_min)}
    refs = References(sandbox, tmp_path / "refs")
    checks = check_turn({"solids": 2, "bbox": [50, 20, 10], "bbox_oriented": True,
                         "iou": {"reference": str(ref), "min": 0.99, "align": "none"}}, outcome, _Conv(tmp_path), refs)
    assert all(c["ok"] for c in checks), checks
    iou_check = checks[-1]
    assert iou_check["measured"] == pytest.approx(1.0, abs=1e-4)
    assert "align none" in iou_check["method"] and "exact booleans" in iou_check["method"]
    # the blocks 5 mm closer: in place the second block overlaps by 15 of 20 mm → IoU (20+15)/(20+25)
    (moved,) = check_turn({"iou": {"reference": str(closer), "min": 0.9, "align": "none"}}, outcome,
                          _Conv(tmp_path), refs)
    assert moved["measured"] == pytest.approx(35 / 45, abs=1e-3) and not moved["ok"]


# -- the CAD JSON compiler and validators at real sizes -------------------------------------------

def _polygon_doc(n: int, r: float = 50.0, parts: int = 1) -> dict:
    pts = [(round(r * math.cos(2 * math.pi * i / n), 6), round(r * math.sin(2 * math.pi * i / n), 6)) for i in range(n)]
    loop = {f"line_{i + 1}": {"Start Point": list(pts[i]), "End Point": list(pts[(i + 1) % n])} for i in range(n)}
    part = {"coordinate_system": {"Euler Angles": [0, 0, 0], "Translation Vector": [0, 0, 0]},
            "sketch": {"face_1": {"loop_1": loop}},
            "extrusion": {"extrude_depth_towards_normal": 5.0, "extrude_depth_opposite_normal": 0.0,
                          "sketch_scale": 1.0, "operation": "NewBodyFeatureOperation"}}
    return {"units": "mm", "parts": {f"part_{i + 1}": part for i in range(parts)}}


def test_a_2000_curve_sketch_validates_compiles_and_builds(sandbox, tmp_path):
    n = 2000
    doc, problems = validate(_polygon_doc(n))
    assert doc is not None, problems[:3]
    script = compile_doc(doc)
    compile(script, "poly.py", "exec")   # parses: no "maximum recursion depth exceeded"
    res = sandbox.run_script(script, tmp_path, exports=(), timeout=60)
    assert res.valid_solid, res.error
    area = n / 2 * 50.0 ** 2 * math.sin(2 * math.pi / n)
    assert res.report.volume == pytest.approx(area * 5.0, rel=1e-6)
    assert res.report.faces == n + 2


def test_the_loop_is_chained_even_when_curves_come_in_any_order_and_direction():
    doc = _polygon_doc(400)
    loop = doc["parts"]["part_1"]["sketch"]["face_1"]["loop_1"]
    items = list(loop.items())
    shuffled = {}
    for i, (name, c) in enumerate(items[::7] + [it for j, it in enumerate(items) if j % 7]):
        shuffled[f"line_{i + 1}"] = c if i % 2 else {"Start Point": c["End Point"], "End Point": c["Start Point"]}
    doc["parts"]["part_1"]["sketch"]["face_1"]["loop_1"] = shuffled
    parsed, problems = validate(doc)
    assert parsed is not None, problems[:3]
    assert len(parsed.parts[0].faces[0].loops[0].curves) == 400


def test_an_open_big_loop_names_the_gap():
    doc = _polygon_doc(1000)
    del doc["parts"]["part_1"]["sketch"]["face_1"]["loop_1"]["line_500"]
    parsed, problems = validate(doc)
    assert parsed is None
    assert any("the loop is open" in p.message or "not closed" in p.message for p in problems), problems


def test_size_limits_are_checked_before_anything_is_built():
    too_many_curves = _polygon_doc(MAX_CURVES + 1)
    parsed, problems = validate(too_many_curves)
    assert parsed is None and problems[0].path == "$.parts"
    assert f"at most {MAX_CURVES}" in problems[0].expected and str(MAX_CURVES + 1) == problems[0].found
    parsed, problems = validate(_polygon_doc(4, parts=MAX_PARTS + 1))
    assert parsed is None and "too many parts" in problems[0].message


def test_nan_values_are_reported_at_their_key():
    doc = _polygon_doc(4)
    part = doc["parts"]["part_1"]
    part["extrusion"]["extrude_depth_opposite_normal"] = float("nan")
    part["sketch"]["face_1"]["loop_1"]["line_2"]["End Point"][1] = float("inf")
    part["coordinate_system"]["Euler Angles"][2] = float("nan")
    _, problems = validate(json.loads(json.dumps(doc)))
    paths = {p.path for p in problems}
    assert "$.parts.part_1.extrusion.extrude_depth_opposite_normal" in paths
    assert '$.parts.part_1.sketch.face_1.loop_1.line_2["End Point"][1]' in paths
    assert '$.parts.part_1.coordinate_system["Euler Angles"][2]' in paths


def test_cli_compile_exits_non_zero_when_the_part_does_not_build(tmp_path):
    from .test_cli import run

    doc = _polygon_doc(4)
    cut = json.loads(json.dumps(doc["parts"]["part_1"]))
    cut["extrusion"]["operation"] = "CutFeatureOperation"
    doc["parts"]["part_2"] = cut   # cuts the whole body away: nothing is left
    gone = tmp_path / "gone.json"
    gone.write_text(json.dumps(doc))
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(_polygon_doc(4)))
    failed = run(["cadjson", "compile", str(gone), "--out", str(tmp_path / "gone")], tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    built = run(["cadjson", "compile", str(ok), "--out", str(tmp_path / "ok")], tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr


# -- how a DeepCAD reference's symmetric extrusions are read --------------------------------------

T2C = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "text2cad_random100"


@pytest.mark.skipif(not T2C.is_dir(), reason="../shared/benchmarks is not here")
def test_symmetric_extrusions_each_side_or_split_as_text2cad_reads_them():
    """Sample 00549207: a symmetric extrusion of 27.5 mm. The file's own bounding box is 55 mm deep
    (the distance on each side); the Text2CAD prompt states a height of 0.2578 on a 0.75-long part
    whose sketch is 80 mm long, i.e. 27.5 mm: the distance split over both sides."""
    from cadagent.tools.cadjson import load_document

    ref = next(T2C.glob("deepcad_cad_json/*_00549207.json"))
    box = json.loads(ref.read_text())["properties"]["bounding_box"]
    depth = (box["max_point"]["y"] - box["min_point"]["y"]) * 1000
    each, _, _ = load_document(ref)
    split, _, _ = load_document(ref, symmetric="split")
    (e,), (s,) = each.parts, split.parts
    assert e.extrusion.towards + e.extrusion.opposite == pytest.approx(depth, abs=1e-6) == pytest.approx(55.0)
    assert s.extrusion.towards == s.extrusion.opposite == pytest.approx(27.5 / 2)
    row = next(json.loads(line) for line in (T2C / "prompts.jsonl").read_text().splitlines()
               if json.loads(line)["cad_id"] == "00549207")
    assert "height of 0.2578125" in row["expert"] and 0.2578125 / 0.75 * 80 == pytest.approx(27.5)
    with pytest.raises(ValueError, match="symmetric must be one of each, split"):
        load_document(ref, symmetric="half")


def test_a_loop_that_encloses_no_area_is_refused_at_its_path():
    doc = _polygon_doc(4)
    doc["parts"]["part_1"]["sketch"]["face_2"] = {"loop_1": {
        "line_1": {"Start Point": [0, 0], "End Point": [10, 0]},
        "line_2": {"Start Point": [10, 0], "End Point": [0, 0]}}}
    parsed, problems = validate(doc)
    assert parsed is None
    (p,) = [p for p in problems if p.severity == "error"]
    assert p.path == "$.parts.part_1.sketch.face_2.loop_1" and p.message == "the loop encloses no area"
