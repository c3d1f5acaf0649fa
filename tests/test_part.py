"""Part specs without the CAD kernel: schema, validation with JSON paths, cannot-predictions,
tables, placements, closed-form volumes, spec operations, the compiled script's shape."""

from __future__ import annotations

import math
import time

import pytest
from jsonschema import Draft202012Validator

from cadagent.tools.part import SCHEMA_VERSION, SpecError, compile_spec, parse, part_schema, spec_volume, validate
from cadagent.tools.part import ops, tables
from cadagent.tools.part.geometry import body_shape
from cadagent.tools.part.placement import face_frame, points
from cadagent.tools.part.features import BoltCircle, Corners, Grid, Linear

PLATE = {"name": "mounting plate", "units": "mm",
         "body": {"kind": "box", "id": "plate", "name": "plate", "length": 80, "width": 50, "height": 5},
         "features": [{"id": "holes", "kind": "hole", "size": "M5 clearance", "at": {"kind": "corners", "inset": 8}},
                      {"id": "round", "kind": "fillet", "edges": "vertical", "radius": 4}]}


def _errors(obj):
    spec, problems = validate(obj)
    assert spec is None
    return {p.path: p for p in problems if p.severity == "error"}


def test_schema_is_versioned_and_accepts_the_examples():
    schema = part_schema()
    assert schema["$schema"].endswith("2020-12/schema") and SCHEMA_VERSION in schema["title"]
    assert {"body", "features", "units", "schema_version"} <= set(schema["properties"])
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(PLATE))
    bad = {**PLATE, "body": {**PLATE["body"], "kind": "blob"}}
    assert list(Draft202012Validator(schema).iter_errors(bad))


@pytest.mark.parametrize("change, path, words", [
    (lambda d: d["body"].update(lenght=80), "$.body.lenght", "unknown field"),
    (lambda d: d["body"].update(height=-1), "$.body.height", "greater than 0"),
    (lambda d: d["body"].pop("width"), "$.body.width", "missing"),
    (lambda d: d["features"][0].update(kind="drill"), "$.features[0].kind", "unknown or missing kind"),
    (lambda d: d["features"][1].update(id="holes"), "$.features[1].id", "used twice"),
    (lambda d: d["features"][0].update(size="M7 clearance"), "$.features[0].size", "no metric thread 'M7'"),
    (lambda d: d["features"][0]["at"].update(inset=1), "$.features[0].at", "runs off the 80 x 50 mm top face"),
    (lambda d: d["features"][0].update(depth=5), "$.features[0].depth", "goes through the 5 mm part"),
    (lambda d: d["features"][1].update(edges="top", radius=6), "$.features[1].radius",
     "fillet 6 mm is larger than the 5 mm plate can take"),
    (lambda d: (d["features"].pop(0), d["features"][0].update(radius=26)), "$.features[0].radius",
     "fillet 26 mm is larger than the 50 mm wide plate can take"),
    # a corner fillet's arc passes round a hole near the corner: R20 clears the Ø5.5 holes 8 in, R21 cuts them
    (lambda d: d["features"][1].update(radius=21), "$.features[1].radius",
     "larger than the 20.7 mm between hole 'holes' and the edge"),
    (lambda d: d.update(schema_version="2.0"), "$.schema_version", "unsupported schema version"),
])
def test_bad_specs_are_refused_with_their_path(change, path, words):
    import copy

    obj = copy.deepcopy(PLATE)
    change(obj)
    errors = _errors(obj)
    assert path in errors, errors
    assert words in errors[path].message + " " + errors[path].expected, str(errors[path])


def test_more_refusals():
    box = {"kind": "box", "length": 20, "width": 20, "height": 10}
    assert "$.features[0].feature" in _errors({"body": box, "features": [
        {"id": "p", "kind": "linear_pattern", "feature": "later", "count": 2, "step": [5, 0]}]})
    e = _errors({"body": box, "features": [{"id": "f", "kind": "fillet", "edges": "top", "radius": 1},
                                           {"id": "g", "kind": "chamfer", "edges": "all", "size": 1}]})
    assert "already treated by fillet 'f'" in e["$.features[1].edges"].message
    e = _errors({"body": {"kind": "sphere", "diameter": 10}, "features": [
        {"id": "f", "kind": "fillet", "edges": "all", "radius": 1}]})
    assert "a sphere has no edges" in e["$.features[0].edges"].message
    e = _errors({"body": {"kind": "tube", "outer_diameter": 10, "inner_diameter": 12, "height": 5}})
    assert "$.body.inner_diameter" in e
    e = _errors({"body": {"kind": "compound", "bodies": [{"body": {"kind": "cylinder", "id": "a", "diameter": 5,
                                                                     "height": -2}}]}})
    assert "$.body.bodies[0].body.height" in e
    e = _errors({"body": {"kind": "cadjson", "document": {"parts": {}}}})
    assert any(p.startswith("$.body.document") for p in e), e
    e = _errors({"body": box, "features": [{"id": "h", "kind": "hole", "size": 5,
                                            "at": {"kind": "at", "points": [[0, 0], [3, 0]]}}]})
    assert "overlap" in e["$.features[0]"].message


def test_tables_are_data():
    assert tables.hole_diameter("M5 clearance")[0] == 5.5
    assert tables.hole_diameter("m5 clearance fine")[0] == 5.3
    assert tables.hole_diameter("M5 clearance coarse")[0] == 5.8
    assert tables.hole_diameter("M5 tapped")[0] == 4.2
    assert tables.hole_diameter("M24 tapped")[0] == 21.0
    assert tables.washer("M8") == {"d1": 8.4, "d2": 16.0, "h": 1.6}
    assert tables.hex_nut("M10")["s"] == 16.0 and tables.hex_nut("M10")["bore"] == 8.5
    assert tables.nema(17)["spacing"] == 31.0 and tables.nema("NEMA 23")["screw"] == "M5"
    with pytest.raises(KeyError, match="known: M2, M2.5"):
        tables.clearance("M7")
    with pytest.raises(KeyError, match="ISO 7090"):
        tables.washer("M3", "ISO 7090")


def test_placements():
    frame = face_frame(body_shape(parse(PLATE).body), "top")
    assert frame.half == (40, 25) and frame.origin == (0, 0, 5)
    assert points(Corners(kind="corners", inset=8), frame) == [(-32, -17), (32, -17), (-32, 17), (32, 17)]
    bc = points(BoltCircle(kind="bolt_circle", count=4, diameter=20, start_angle=90), frame)
    assert bc[0] == pytest.approx((0, 10), abs=1e-12) and bc[1] == pytest.approx((-10, 0), abs=1e-12)
    assert points(Linear(kind="linear", count=3, span=40, axis="v"), frame) == [(0, -20), (0, 0), (0, 20)]
    assert len(points(Grid(kind="grid", counts=(3, 2), spacing=(10, 10)), frame)) == 6
    front = face_frame(body_shape(parse(PLATE).body), "front")
    assert front.to_world(10, 1) == (10, -25, 3.5) and front.normal == (0, -1, 0)


def test_closed_form_volume():
    vol, exact = spec_volume(parse(PLATE))
    expected = 80 * 50 * 5 - 4 * math.pi * 2.75 ** 2 * 5 - 4 * (1 - math.pi / 4) * 16 * 5
    assert exact and vol == pytest.approx(expected, rel=1e-12)
    vol, exact = spec_volume(parse({"body": {"kind": "cylinder", "diameter": 40, "height": 25}}))
    assert exact and vol == pytest.approx(31415.93, abs=0.01)
    vol, exact = spec_volume(parse({"body": {"kind": "spur_gear", "module": 2, "teeth": 20, "thickness": 5}}))
    assert not exact


def test_operations_change_exactly_what_they_say():
    spec = parse(PLATE)
    before = spec.model_dump()
    longer = ops.set_parameter(spec, "plate.length", 90)
    after = longer.model_dump()
    assert after["body"]["length"] == 90 and spec.model_dump() == before   # pure
    after["body"]["length"] = 80
    assert after == before
    assert ops.scale_parameter(spec, "round.radius", 0.5).features[1].radius == 2
    assert ops.set_parameter(spec, "holes.size", "M4 tapped").features[0].size == "M4 tapped"
    added = ops.add_feature(spec, {"id": "chamfer", "kind": "chamfer", "edges": "holes", "size": 0.5}, after="holes")
    assert [f.id for f in added.features] == ["holes", "chamfer", "round"]
    assert [f.id for f in ops.remove_feature(added, "chamfer").features] == ["holes", "round"]
    replaced = ops.replace_feature(spec, "holes", {"kind": "hole", "size": 6,
                                                   "at": {"kind": "bolt_circle", "count": 3, "diameter": 30}})
    assert replaced.features[0].id == "holes" and replaced.features[0].at.count == 3
    assert ops.set_count(replaced, "holes", 6).features[0].at.count == 6
    with pytest.raises(ops.OpError, match="no count"):
        ops.set_count(spec, "holes", 6)
    with pytest.raises(ops.OpError, match="ids: plate, holes, round"):
        ops.set_parameter(spec, "nothing.length", 3)
    with pytest.raises(SpecError) as err:
        ops.set_parameter(spec, "round.radius", 30)
    assert err.value.problems[0].path == "$.features[1].radius"
    with pytest.raises(SpecError, match="overlap"):   # copies 0.5 mm away
        ops.add_feature(spec, {"id": "more", "kind": "linear_pattern", "feature": "holes", "count": 2, "step": [0, 0.5]})
    centre = ops.add_feature(spec, {"id": "centre", "kind": "hole", "size": 5})
    pattern = ops.add_feature(centre, {"id": "more", "kind": "linear_pattern", "feature": "centre", "count": 3,
                                       "step": [10, 0]})
    assert ops.set_count(pattern, "more", 2).features[-1].count == 2
    with pytest.raises(ops.OpError, match="copies 'centre'"):
        ops.remove_feature(pattern, "centre")
    assert ("plate.length", 80.0) in ops.parameters(spec) and ("holes.at.inset", 8.0) in ops.parameters(spec)


def test_compiled_script_reads_like_an_engineers():
    t0 = time.perf_counter()
    compiled = compile_spec(parse(PLATE))
    assert time.perf_counter() - t0 < 1.0
    lines = compiled.script.splitlines()
    assert lines[0].startswith('"""mounting plate') and "import cadquery as cq" in lines
    params = lines.index("# ---- parameters (mm, degrees)")
    assert lines[params + 1] == "plate_length = 80  # along X"
    assert "holes_diameter = 5.5  # M5 clearance (normal, ISO 273)" in lines
    assert any(ln.startswith("# ---- holes: 4 holes Ø5.5 through, M5 clearance") for ln in lines)
    assert 'result = result.edges("|Z").fillet(round_radius)' in lines
    assert compiled.feature_at(compiled.blocks["round"][1]) == "round"
    assert lines[-1].startswith("result = ")
