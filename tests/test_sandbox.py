"""The sandbox on good scripts and ordinary mistakes: results are data, measured right."""

from __future__ import annotations

import json
import math
import threading

import pytest

from cadagent.tools.results import ExecResult
from cadagent.tools.sandbox import Limits, Sandbox

from .conftest import BOX, ROOT, assert_still_works


def test_box_is_measured_and_exported(sandbox, job_dir):
    res = sandbox.run_script(BOX, job_dir, stem="cube")
    assert res.ok and res.valid_solid and res.error is None
    assert res.report.volume == pytest.approx(1000.0, abs=1e-6)
    assert res.report.size == pytest.approx((10, 10, 10), abs=1e-9)
    assert set(res.artifacts) == {"step", "stl", "glb"}
    for fmt, path in res.artifacts.items():
        assert path == job_dir / f"cube.{fmt}" and path.stat().st_size > 0
    assert res.shape_file == job_dir / "cube.brep"
    assert res.elapsed_ms > 0 and res.run_ms >= 0 and res.geometry_ms > 0
    assert res.elapsed_ms < 60_000


def test_plate_with_holes_matches_hand_computed_volume(sandbox, job_dir):
    res = sandbox.run_script((ROOT / "examples" / "plate.py").read_text(), job_dir)
    assert res.valid_solid, res.error
    corner = (2.0**2) - math.pi * 2.0**2 / 4  # material removed per rounded corner, per mm
    expected = 60 * 40 * 5 - 4 * corner * 5 - 4 * math.pi * 2.5**2 * 5
    assert res.report.volume == pytest.approx(expected, rel=1e-6)
    assert res.report.size == pytest.approx((60, 40, 5), abs=1e-6)
    assert "11 590 mm³" in res.summary()


def test_stdout_is_captured(sandbox):
    res = sandbox.run_script(BOX + "print('width', 10)\nprint('a', 'b', sep='-')\n", exports=())
    assert res.ok
    assert res.stdout == "width 10\na-b\n"


def test_workplane_shape_and_assembly_results_are_accepted(sandbox):
    for tail in ("result = result.val()",
                 "result = cq.Assembly().add(result, name='a').add(cq.Workplane().box(1, 1, 1),"
                 " name='b', loc=cq.Location((20, 0, 0)))"):
        res = sandbox.run_script(BOX + tail + "\n", exports=())
        assert res.ok, res.error
    assert res.report.solids == 2
    assert res.report.volume == pytest.approx(1001.0, abs=1e-6)


def test_allowed_helpers_work(sandbox):
    src = """import math
import numpy as np
from collections import namedtuple
from itertools import product
import cadquery as cq
from cadquery import Workplane, Vector
P = namedtuple("P", "x y")
pts = [P(x, y) for x, y in product((-10, 10), (-10, 10))]
angles = np.linspace(0, 2 * math.pi, 5)[:-1]
r = Workplane("XY").box(30, 30, 4)
total = 0
for p in pts:
    total += 1
r = r.faces(">Z").workplane().pushPoints([(p.x, p.y) for p in pts]).hole(3)
result = r
"""
    res = sandbox.run_script(src, exports=())
    assert res.ok, res.error
    assert res.report.faces == 10


def test_runtime_error_has_line_and_hint(sandbox):
    res = sandbox.run_script("import cadquery as cq\nw = cq.Workplane().box(10, 10, 10)\n"
                             "result = w.edges('|Z').fillet(6)\n", exports=())
    assert not res.ok
    assert res.error.type == "runtime"
    assert res.error.line == 3
    assert res.error.exception == "StdFail_NotDone"
    assert "fillet" in res.error.hint.lower()


def test_error_on_line_inside_function(sandbox):
    src = "import cadquery as cq\n\ndef make(n):\n    return cq.Workplane().box(n, n, 1 / (n - 5))\n\nresult = make(5)\n"
    res = sandbox.run_script(src, exports=())
    assert res.error.type == "runtime" and res.error.line == 4
    assert res.error.exception == "ZeroDivisionError"


def test_no_pending_wires_hint(sandbox):
    res = sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().extrude(5)\n", exports=())
    assert res.error.type == "runtime"
    assert "closed 2D profile" in (res.error.hint or "")


def test_result_round_trips_through_dict(sandbox):
    res = sandbox.run_script(BOX, exports=("step",))
    back = ExecResult.from_dict(json.loads(json.dumps(res.to_dict())))
    assert back.report == res.report
    assert back.artifacts == res.artifacts
    assert back.to_dict() == res.to_dict()


def test_protections_are_reported(sandbox):
    res = sandbox.run_script(BOX, exports=())
    assert any(p.startswith("rlimit-as") for p in res.protections)
    assert any(p.startswith("rlimit-cpu") for p in res.protections)


def test_parallel_jobs_on_two_workers(tmp_path):
    with Sandbox(Limits(timeout_s=10), workers=2, jobs_root=tmp_path) as sb:
        results = {}

        def go(i):
            results[i] = sb.run_script(f"import cadquery as cq\nresult = cq.Workplane().box({i + 1}, 1, 1)\n",
                                       exports=())

        threads = [threading.Thread(target=go, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(sb._all) == 2
        for i, res in results.items():
            assert res.ok and res.report.volume == pytest.approx(i + 1.0, abs=1e-9)


def test_iou_call_runs_in_a_job(sandbox):
    a = sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10, centered=False)\n",
                           exports=())
    b = sandbox.run_script("import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10, centered=False)"
                           ".translate((5, 0, 0))\n", exports=())
    answer = sandbox.call("iou", {"a": str(a.shape_file), "b": str(b.shape_file)})
    assert answer["ok"], answer
    assert answer["value"]["iou"] == pytest.approx(1 / 3, abs=1e-9)
    best = sandbox.call("best_iou", {"a": str(a.shape_file), "b": str(b.shape_file)})
    assert best["value"]["iou"] == pytest.approx(1.0, abs=1e-9)


def test_call_with_bad_input_is_an_error_not_a_crash(sandbox, tmp_path):
    bogus = tmp_path / "x.txt"
    bogus.write_text("hello")
    answer = sandbox.call("iou", {"a": str(bogus), "b": str(bogus)})
    assert not answer["ok"] and ".brep, .step" in answer["error"]["message"]
    answer = sandbox.call("nope", {})
    assert not answer["ok"] and "unknown tool function" in answer["error"]["message"]
    assert_still_works(sandbox)
