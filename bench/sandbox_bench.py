"""Sandbox benchmark: the same scripts, three ways, side by side in one run.

(a) the sandbox (warm zygote, fork per job: screen + run + measure + export),
(b) in-process (the same run + measure + export, no isolation: the floor),
(c) a cold ``python -c`` subprocess per script (what a naive isolation costs),
(d) the sandbox with ``fresh_measure`` off (the job measures its own result: faster, but a
    script can forge its report), which shows what the fresh measure process costs.

Prints per-script medians, the sandbox overhead over in-process, and the cold/sandbox
ratio; then the IoU time of two 20-tooth gears (plain and best-of-24-rotations).
"""

from __future__ import annotations

import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

SCRIPTS = ("box", "plate_holes", "bracket", "gear", "enclosure")
EXPORTS = ("step", "stl", "glb")

_COLD_DRIVER = """
import sys
from pathlib import Path
import cadquery as cq
from cadagent.tools.geometry.shapes import to_shape
from cadagent.tools.geometry.report import measure
from cadagent.tools.geometry.export import export
g = {}
exec(compile(Path(sys.argv[1]).read_text(), "<script>", "exec"), g)
shape = to_shape(g["result"])
measure(shape)
export(shape, sys.argv[2], "part", ["brep", "step", "stl", "glb"])
"""


def script_source(name: str) -> str:
    return resources.files("cadagent.bench").joinpath("scripts", f"{name}.py").read_text(encoding="utf-8")


def _in_process(source: str, out_dir: str) -> float:
    from cadagent.tools.geometry.export import export
    from cadagent.tools.geometry.report import measure
    from cadagent.tools.geometry.shapes import to_shape

    t0 = time.perf_counter()
    g: dict = {}
    exec(compile(source, "<script>", "exec"), g)  # noqa: S102 - our own benchmark scripts
    shape = to_shape(g["result"])
    measure(shape)
    export(shape, out_dir, "part", ["brep", *EXPORTS])
    return (time.perf_counter() - t0) * 1000


def _cold(path: Path, out_dir: str, root: str) -> float:
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", _COLD_DRIVER, str(path), out_dir], check=True,
                   cwd=root, capture_output=True)
    return (time.perf_counter() - t0) * 1000


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def run_benchmark(settings, repeats: int = 7, echo=print, cold_repeats: int = 3) -> dict:
    root = str(Path(__file__).resolve().parents[1])
    results = {}
    tmp = Path(tempfile.mkdtemp(prefix="cadagent-bench-"))
    from cadagent.tools.sandbox import Sandbox

    in_job = Sandbox(dataclasses.replace(settings.limits(), fresh_measure=False), workers=1,
                     jobs_root=tmp / "in-job").warm()
    with settings.sandbox_factory() as sandbox, in_job:
        t0 = time.perf_counter()
        sandbox.warm()
        echo(f"sandbox warm start: {(time.perf_counter() - t0) * 1000:.0f} ms "
             f"({sandbox.workers} worker(s))")
        echo(f"{'script':<12} {'in-process':>11} {'sandbox':>9} {'overhead':>9} {'cold proc':>10} "
             f"{'cold/sandbox':>13} {'in-job measure':>15}")
        for name in SCRIPTS:
            source = script_source(name)
            path = tmp / f"{name}.py"
            path.write_text(source)
            _in_process(source, str(tmp))  # warm the in-process kernel caches once
            sandbox.run_script(source, tmp / f"sb-{name}", exports=EXPORTS)
            in_job.run_script(source, tmp / f"ij-{name}", exports=EXPORTS)
            inproc, sb, ij = [], [], []
            for i in range(repeats):  # interleaved, so machine noise hits all alike
                inproc.append(_in_process(source, str(tmp)))
                res = sandbox.run_script(source, tmp / f"sb-{name}-{i}", exports=EXPORTS)
                if not res.valid_solid:
                    raise RuntimeError(f"benchmark script {name} failed: {res.error}")
                sb.append(res.elapsed_ms)
                ij.append(in_job.run_script(source, tmp / f"ij-{name}-{i}", exports=EXPORTS).elapsed_ms)
            cold = [_cold(path, str(tmp / f"cold-{name}"), root) for _ in range(cold_repeats)]
            row = {"in_process_ms": _median(inproc), "sandbox_ms": _median(sb),
                   "cold_ms": _median(cold), "in_job_measure_ms": _median(ij)}
            row["overhead_ms"] = row["sandbox_ms"] - row["in_process_ms"]
            row["cold_over_sandbox"] = row["cold_ms"] / row["sandbox_ms"]
            results[name] = row
            echo(f"{name:<12} {row['in_process_ms']:>9.1f}ms {row['sandbox_ms']:>7.1f}ms "
                 f"{row['overhead_ms']:>7.1f}ms {row['cold_ms']:>8.0f}ms {row['cold_over_sandbox']:>12.1f}x "
                 f"{row['in_job_measure_ms']:>13.1f}ms")
        overheads = [r["overhead_ms"] for r in results.values()]
        echo(f"median sandbox overhead over in-process: {_median(overheads):.1f} ms "
             f"(target <= 30 ms); box cold/sandbox: {results['box']['cold_over_sandbox']:.1f}x "
             f"(target >= 30x)")
        fresh = _median([r["sandbox_ms"] - r["in_job_measure_ms"] for r in results.values()])
        results["fresh_measure_ms"] = fresh
        echo(f"cost of measuring in a fresh process (fresh_measure, on by default): {fresh:.1f} ms "
             "median per job")
        from cadagent.bench.sandbox_costs import protection_costs

        costs = protection_costs(repeats)
        results["protection_costs_ms"] = costs
        echo("cost of each protection (median ms, in a forked child of this warm process):")
        for step, ms in costs.items():
            echo(f"  {step:<55} {ms:>7.2f}")
        gear = sandbox.run_script(script_source("gear"), tmp / "gear-a", exports=())
        gear_b = sandbox.run_script(script_source("gear").replace("bore = 8.0", "bore = 10.0"),
                                    tmp / "gear-b", exports=())
        for func in ("iou", "best_iou"):
            times, value = [], None
            for _ in range(max(1, repeats // 2)):
                t1 = time.perf_counter()
                answer = sandbox.call(func, {"a": str(gear.shape_file), "b": str(gear_b.shape_file)})
                times.append((time.perf_counter() - t1) * 1000)
                if not answer["ok"]:
                    raise RuntimeError(f"{func} failed: {answer['error']}")
                value = answer["value"]
            results[f"gear_{func}"] = {"ms": _median(times), **value}
            echo(f"{func} of two 20-tooth gears (bores 8 / 10 mm): {value['iou']:.4f} in "
                 f"{_median(times):.0f} ms median ({value['booleans']} boolean(s))")
    return results
