"""CAD JSON on our own documents: validation messages, compiled geometry, explanations."""

from __future__ import annotations

import copy
import json
import math

import pytest

from cadagent.tools.cadjson import compile_doc, load_document, parse, validate
from cadagent.tools.cadjson.explain import explain
from cadagent.tools.cadjson.model import Arc, Frame, Line, Loop
from cadagent.tools.cadjson.shapes2d import classify

from .conftest import ROOT

BLOCK = json.loads((ROOT / "examples" / "cadjson" / "block_with_hole.json").read_text())


ROUNDED_RECT = {"loop_1": {
    "line_1": {"Start Point": [5, 0], "End Point": [35, 0]},
    "arc_1": {"Start Point": [35, 0], "Mid Point": [38.535534, 1.464466], "End Point": [40, 5]},
    "line_2": {"Start Point": [40, 5], "End Point": [40, 15]},
    "arc_2": {"Start Point": [40, 15], "Mid Point": [38.535534, 18.535534], "End Point": [35, 20]},
    "line_3": {"Start Point": [35, 20], "End Point": [5, 20]},
    "arc_3": {"Start Point": [5, 20], "Mid Point": [1.464466, 18.535534], "End Point": [0, 15]},
    "line_4": {"Start Point": [0, 15], "End Point": [0, 5]},
    "arc_4": {"Start Point": [0, 5], "Mid Point": [1.464466, 1.464466], "End Point": [5, 0]}}}


def part(loops: dict, towards=10.0, opposite=0.0, op="NewBodyFeatureOperation", euler=(0, 0, 0),
         origin=(0, 0, 0), scale=1.0, faces=None) -> dict:
    return {"coordinate_system": {"Euler Angles": list(euler), "Translation Vector": list(origin)},
            "sketch": faces or {"face_1": loops},
            "extrusion": {"extrude_depth_towards_normal": towards, "extrude_depth_opposite_normal": opposite,
                          "sketch_scale": scale, "operation": op}}


def rect(x0, y0, x1, y1, shuffle=False) -> dict:
    lines = {"line_1": {"Start Point": [x0, y0], "End Point": [x1, y0]},
             "line_2": {"Start Point": [x1, y0], "End Point": [x1, y1]},
             "line_3": {"Start Point": [x1, y1], "End Point": [x0, y1]},
             "line_4": {"Start Point": [x0, y1], "End Point": [x0, y0]}}
    if shuffle:  # out of order and reversed, as DeepCAD files often are
        lines = {"line_1": lines["line_3"], "line_2": {"Start Point": [x1, y1], "End Point": [x1, y0]},
                 "line_3": lines["line_1"], "line_4": lines["line_4"]}
    return {"loop_1": lines}


def doc(*parts, units="mm") -> dict:
    d = {"parts": {f"part_{i}": p for i, p in enumerate(parts, 1)}}
    if units:
        d["units"] = units
    return d


def errors(d) -> list:
    _, problems = validate(d)
    return [p for p in problems if p.severity == "error"]


# ---- validation -------------------------------------------------------------------------

def test_valid_document_parses_with_no_problems():
    cad, problems = validate(BLOCK)
    assert problems == [] and cad is not None
    assert [p.name for p in cad.parts] == ["part_1", "part_2"]
    assert cad.parts[0].faces[0].outer.area() == pytest.approx(75 * 75)


def test_missing_units_is_a_warning_only():
    cad, problems = validate(doc(part(rect(0, 0, 1, 1)), units=None))
    assert cad is not None
    assert [(p.severity, p.path) for p in problems] == [("warning", "$.units")]


def test_schema_problems_name_path_expected_found_and_fix():
    bad = copy.deepcopy(BLOCK)
    del bad["parts"]["part_1"]["extrusion"]["operation"]
    bad["parts"]["part_2"]["sketch"]["face_1"]["loop_1"]["circle_1"]["Radius"] = "15"
    bad["parts"]["part_2"]["extrusion"]["extrude_depth_opposite_normal"] = -20
    bad["parts"]["part_1"]["colour"] = "red"
    probs = errors(bad)
    by_path = {p.path: p for p in probs}
    assert "$.parts.part_1.extrusion" in by_path and "operation" in by_path["$.parts.part_1.extrusion"].message
    radius = by_path["$.parts.part_2.sketch.face_1.loop_1.circle_1.Radius"]
    assert radius.expected == "a value of type number" and radius.found == '"15"' and radius.hint
    depth = by_path["$.parts.part_2.extrusion.extrude_depth_opposite_normal"]
    assert depth.expected == "a number >= 0" and "other direction" in depth.hint
    assert "colour" in by_path["$.parts.part_1"].message
    assert len(probs) == 4  # all at once


@pytest.mark.parametrize("mutate, path, needle", [
    (lambda d: d["parts"]["part_1"]["sketch"]["face_1"]["loop_1"]["line_2"].update({"End Point": [75, 70]}),
     "$.parts.part_1.sketch.face_1.loop_1", "open"),
    (lambda d: d["parts"]["part_2"]["sketch"]["face_1"]["loop_1"]["circle_1"].update(Radius=0),
     "$.parts.part_2.sketch.face_1.loop_1.circle_1.Radius", "positive"),
    (lambda d: d["parts"]["part_1"]["sketch"]["face_1"]["loop_1"].update(
        line_5={"Start Point": [0, 0], "End Point": [0, 0]}),
     "$.parts.part_1.sketch.face_1.loop_1.line_5", "zero-length"),
    (lambda d: d["parts"]["part_1"]["extrusion"].update(extrude_depth_towards_normal=0.0),
     "$.parts.part_1.extrusion", "no depth"),
    (lambda d: d["parts"]["part_1"]["extrusion"].update(operation="CutFeatureOperation"),
     "$.parts.part_1.extrusion.operation", "needs an existing body"),
    (lambda d: d["parts"]["part_1"]["coordinate_system"].update({"Translation Vector": [0, float("nan"), 0]}),
     "$.parts.part_1.coordinate_system[\"Translation Vector\"][1]", "not a finite number"),
    (lambda d: d["parts"]["part_1"]["extrusion"].update(extrude_depth_towards_normal=1e300),
     "$.parts.part_1.extrusion.extrude_depth_towards_normal", "out of range"),
    (lambda d: d["parts"]["part_1"]["sketch"]["face_1"]["loop_1"].update(
        line_1={"Start Point": [0, 0], "End Point": [75, 0]},
        arc_1={"Start Point": [0, 0], "Mid Point": [1, 0], "End Point": [2, 0]}),
     "$.parts.part_1.sketch.face_1.loop_1.arc_1", "degenerate arc"),
])
def test_semantic_problems(mutate, path, needle):
    bad = copy.deepcopy(BLOCK)
    mutate(bad)
    probs = errors(bad)
    assert any(p.path == path and needle in p.message for p in probs), [str(p) for p in probs]
    assert all(p.expected for p in probs)


def test_loop_curves_are_chained_in_any_order_and_direction():
    cad = parse(doc(part(rect(0, 0, 20, 10, shuffle=True))))
    loop = cad.parts[0].faces[0].outer
    for a, b in zip(loop.curves, loop.curves[1:] + loop.curves[:1]):
        assert a.end == pytest.approx(b.start)


def test_bad_json_text_and_wrong_document_kind():
    d, problems, fmt = load_document('{"parts": [1, 2,}')
    assert d is None and "not valid JSON" in problems[0].message and "line 1" in problems[0].message
    d, problems, fmt = load_document('{"hello": 1}')
    assert d is None and problems[0].message == "not a CAD JSON document"


def test_deep_nesting_is_a_problem_not_a_crash():
    deep = '{"parts": ' + "[" * 100_000 + "]" * 100_000 + "}"
    d, problems, _ = load_document(deep)
    assert d is None and problems and problems[0].severity == "error"


# ---- frames and recognisers -------------------------------------------------------------

def test_text2cad_euler_convention():
    # Euler [0, 0, -90]: the sketch x stays +X, sketch y becomes +Z, the normal -Y
    m = Frame((0, 0, -90), (0, 0, 0)).matrix
    assert m[:, 0] == pytest.approx([1, 0, 0], abs=1e-12)
    assert m[:, 1] == pytest.approx([0, 0, 1], abs=1e-12)
    assert m[:, 2] == pytest.approx([0, -1, 0], abs=1e-12)
    e = Frame.euler_from_axes(*Frame((-90, 0, -90), (0, 0, 0)).matrix.T)
    assert Frame(e, (0, 0, 0)).matrix == pytest.approx(Frame((-90, 0, -90), (0, 0, 0)).matrix, abs=1e-9)


def _rounded_rect_loop(L=40, W=20, r=5) -> Loop:
    s = math.sqrt(0.5)
    pts = []
    curves = [Line("l1", (r, 0), (L - r, 0)),
              Arc("a1", (L - r, 0), (L - r + r * s, r - r * s), (L, r)),
              Line("l2", (L, r), (L, W - r)),
              Arc("a2", (L, W - r), (L - r + r * s, W - r + r * s), (L - r, W)),
              Line("l3", (L - r, W), (r, W)),
              Arc("a3", (r, W), (r - r * s, W - r + r * s), (0, W - r)),
              Line("l4", (0, W - r), (0, r)),
              Arc("a4", (0, r), (r - r * s, r - r * s), (r, 0))]
    del pts
    return Loop("loop_1", curves)


def test_recognisers():
    rr = classify(_rounded_rect_loop())
    assert rr["kind"] == "rounded rectangle" and rr["radius"] == pytest.approx(5)
    assert (rr["length"], rr["width"]) == pytest.approx((40, 20))
    assert _rounded_rect_loop().area() == pytest.approx(40 * 20 - (4 - math.pi) * 25, rel=2e-3)
    hexagon = [(10 * math.cos(math.pi / 3 * i), 10 * math.sin(math.pi / 3 * i)) for i in range(6)]
    hx = classify(Loop("h", [Line(f"l{i}", hexagon[i], hexagon[(i + 1) % 6]) for i in range(6)]))
    assert hx["kind"] == "regular hexagon" and hx["across_flats"] == pytest.approx(10 * math.sqrt(3))
    slot = Loop("s", [Line("l1", (0, 0), (20, 0)), Arc("a1", (20, 0), (25, 5), (20, 10)),
                      Line("l2", (20, 10), (0, 10)), Arc("a2", (0, 10), (-5, 5), (0, 0))])
    assert classify(slot)["kind"] == "slot" and classify(slot)["length"] == pytest.approx(30)
    assert classify(Loop("r", list(map(lambda c: Line(*c), [("a", (0, 0), (8, 0)), ("b", (8, 0), (8, 3)),
                                                            ("c", (8, 3), (0, 3)), ("d", (0, 3), (0, 0))]))))[
        "kind"] == "rectangle"


# ---- compile + run + explain ------------------------------------------------------------

def _build(sandbox, d, **kw):
    cad = parse(d)
    res = sandbox.run_script(compile_doc(cad, **kw), exports=())
    assert res.ok, res.error
    return cad, res


def test_block_with_hole_volume_and_explanation(sandbox):
    cad, res = _build(sandbox, BLOCK)
    assert res.report.volume == pytest.approx(75 * 75 * 20 - math.pi * 15**2 * 20, rel=1e-6)
    assert res.report.size == pytest.approx((75, 75, 20), abs=1e-6)
    e = explain(cad, res.report)
    assert e.summary.startswith("A 75 x 75 x 20 mm block with a 30 mm through hole")
    assert "volume 98 363 mm³" in e.summary
    assert "XY plane at z = 20 mm" in e.steps[1] and "all the way through" in e.steps[1]
    assert e.facts["through_holes"] == [30.0]


def test_compiled_script_is_readable(sandbox):
    script = compile_doc(parse(BLOCK))
    assert "# ---- part_2 (Through hole): cut" in script
    assert "# face_1: circle Ø30" in script
    assert "result = result.cut(part_2)" in script


def test_sketch_scale_is_metadata_unless_applied(sandbox):
    d = doc(part(rect(0, 0, 40, 20), towards=10, scale=0.5))
    _, plain = _build(sandbox, d)
    _, scaled = _build(sandbox, d, apply_sketch_scale=True)
    assert plain.report.volume == pytest.approx(8000)
    assert scaled.report.volume == pytest.approx(2000)  # x and y halved, depth unchanged


def test_frames_both_directions_and_symmetric(sandbox):
    # sketch on XZ (normal -Y), 4 along -Y and 6 along +Y
    _, res = _build(sandbox, doc(part(rect(0, 0, 30, 10), towards=4, opposite=6, euler=(0, 0, -90),
                                      origin=(0, 0, 0))))
    assert res.report.bbox_min == pytest.approx((0, -4, 0), abs=1e-6)
    assert res.report.bbox_max == pytest.approx((30, 6, 10), abs=1e-6)


def test_join_intersect_and_multi_face(sandbox):
    two_faces = {"face_1": rect(0, 0, 10, 10), "face_2": rect(20, 0, 30, 10)}
    d = doc(part(None, faces=two_faces, towards=5),
            part(rect(0, 0, 30, 10), towards=5, origin=(0, 0, 5), op="JoinFeatureOperation"),
            part(rect(5, 0, 25, 10), towards=20, op="IntersectFeatureOperation"))
    cad, res = _build(sandbox, d)
    assert res.report.solids == 1
    assert res.report.volume == pytest.approx(20 * 10 * 10 - 10 * 10 * 5, rel=1e-6)
    assert res.report.size == pytest.approx((20, 10, 10), abs=1e-6)
    assert "keeps only the overlap" in explain(cad, res.report).text()


def test_arcs_compile_to_the_right_area(sandbox):
    cad, res = _build(sandbox, doc(part(ROUNDED_RECT, towards=2)))
    assert res.report.volume == pytest.approx((40 * 20 - (4 - math.pi) * 25) * 2, rel=1e-5)
    assert "rectangle with R5 corners" in explain(cad, res.report).steps[0]
