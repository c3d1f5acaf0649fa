"""Part specs: compile time beside the plain sandbox run of the compiled script, and the feature
measurer on a ~200-face part beside the sandbox's plain geometry report, all in one run."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from cadagent.tools.part import build, compile_spec, parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "part"

BIG = {"name": "200-face test plate",
       "body": {"kind": "box", "id": "plate", "length": 220, "width": 150, "height": 10},
       "features": [
           {"id": "grid", "kind": "hole", "size": 5, "csink": {"diameter": 9},
            "at": {"kind": "grid", "counts": [10, 6], "spacing": [20, 20]}},
           {"id": "blind", "kind": "hole", "size": 3, "depth": 4,
            "at": {"kind": "grid", "counts": [9, 6], "spacing": [20, 20], "center": [0, 10]}},
           {"id": "round", "kind": "fillet", "edges": "vertical", "radius": 6}]}


def _median_ms(fn, repeats: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(repeats):
        t0 = clock()
        fn()
        times.append((clock() - t0) * 1000)
    return statistics.median(times)


def run_benchmark(settings, repeats: int = 9, echo=print) -> dict:
    import json

    from cadagent.tools.part.measure import measure_features
    from cadagent.tools.geometry.shapes import load_shape

    specs = {p.stem: parse(json.loads(p.read_text())) for p in sorted(EXAMPLES.glob("*.json"))}
    specs["big_plate"] = parse(BIG)
    out = {}
    with settings.sandbox_factory() as sandbox:
        sandbox.warm()
        echo(f"{'spec':14s} {'compile':>9s} {'sandbox run':>12s} {'ratio':>8s}")
        for name, spec in specs.items():
            script = compile_spec(spec).script
            c = _median_ms(lambda: compile_spec(spec), repeats * 20)
            r = _median_ms(lambda: sandbox.run_script(script, exports=()), repeats)
            out[name] = {"compile_ms": c, "run_ms": r}
            echo(f"{name:14s} {c:8.2f}ms {r:10.1f}ms {r / c:7.0f}x")
        compile_median = statistics.median(v["compile_ms"] for v in out.values())
        echo(f"median compile: {compile_median:.2f} ms (target <= 2 ms)")
        part = build(BIG, sandbox, exports=())
        assert part.ok, part.summary()
        faces = part.measured["faces"]["total"]
        shape = load_shape(str(part.result.shape_file))
        inproc = _median_ms(lambda: measure_features(shape), repeats)
        no_wall = _median_ms(lambda: measure_features(shape, thickness=False), repeats)
        cpu = _median_ms(lambda: measure_features(shape, thickness=False), repeats, time.process_time)
        call = _median_ms(lambda: sandbox.call("part_measure", {"path": str(part.result.shape_file),
                                                                "thickness": False}), repeats)
        plain = _median_ms(lambda: sandbox.call("measure", {"path": str(part.result.shape_file)}), repeats)
        echo(f"measuring the {faces}-face part in-process: {no_wall:.1f} ms ({cpu:.1f} ms of CPU; target <= 30 ms), "
             f"{inproc:.1f} ms with one wall ray per face")
        echo(f"  as a sandbox job (no wall rays): part_measure {call:.1f} ms beside the plain geometry report (measure) "
             f"{plain:.1f} ms: {call / plain:.2f}x")
        echo(f"  found {len(part.measured['holes'])} holes, fillets {part.measured['fillets']}, check: "
             f"{'ok' if not part.problems else part.problems}")
    return {"compile": out, "compile_median_ms": compile_median, "measure_ms": no_wall, "measure_cpu_ms": cpu,
            "measure_walls_ms": inproc, "faces": faces,
            "part_measure_call_ms": call, "measure_call_ms": plain}
