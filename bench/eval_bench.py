"""Eval throughput on the offline engine: the same conversations serial and in parallel, side by
side in one run (turns per minute and their ratio; wall time includes starting the workers)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def run_benchmark(settings, echo=print, limit: int = 16, workers: int | None = None) -> dict:
    from cadagent.evals.conversations import load_all, select
    from cadagent.evals.runner import Backend, run_eval

    folder = Path(__file__).resolve().parents[1] / "evals" / "conversations"
    convs = select(load_all([folder]), limit=limit, seed=0)
    turns = sum(len(c.turns) for c in convs)
    workers = workers or min(4, os.cpu_count() or 1)
    settings.knowledge_base().ensure_built()
    out = {}
    for label, n in (("serial", 1), (f"{workers} workers", workers)):
        with tempfile.TemporaryDirectory(prefix="cadagent-eval-bench-") as tmp:
            t0 = time.perf_counter()
            results = run_eval(convs, [Backend.parse("offline")], Path(tmp), settings, workers=n)
            seconds = time.perf_counter() - t0
        passed = sum(t["passed"] for r in results for t in r["turns"])
        out[label] = {"seconds": seconds, "turns_per_min": turns / seconds * 60, "passed": passed}
        echo(f"{label:>10}: {turns} turns in {seconds:.1f} s = {turns / seconds * 60:.0f} turns/min "
             f"({passed} passed)")
    serial, parallel = out["serial"], out[f"{workers} workers"]
    ratio = parallel["turns_per_min"] / serial["turns_per_min"]
    echo(f"parallel / serial throughput: {ratio:.2f}x on {os.cpu_count()} cores "
         f"({len(convs)} conversations, same results: {serial['passed'] == parallel['passed']})")
    return {"turns": turns, **out, "ratio": ratio}
