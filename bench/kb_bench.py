"""Knowledge-base benchmark: build from empty vs no-change rebuild (side by side), and warm
query latency per mode over the labelled query set."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from cadagent.knowledge.embedder import Embedder
from cadagent.knowledge.evaluate import load_queries
from cadagent.knowledge.search import MODES, KnowledgeBase


def run_benchmark(echo=print, rounds: int = 3) -> dict:
    embedder = Embedder()
    t0 = time.perf_counter()
    embedder.encode(["warm up"])
    echo(f"embedding model load: {(time.perf_counter() - t0) * 1000:.0f} ms (once per process)")
    ws = Path(tempfile.mkdtemp(prefix="cadagent-kb-bench-"))
    try:
        kb = KnowledgeBase(ws, embedder=embedder)
        first = kb.build()
        again = KnowledgeBase(ws, embedder=embedder).build()
        echo(f"build from empty: {first.seconds * 1000:.0f} ms ({first.embedded} embedded); "
             f"no-change rebuild: {again.seconds * 1000:.1f} ms ({again.embedded} embedded); "
             f"ratio {first.seconds / max(again.seconds, 1e-9):.0f}x")
        queries = [q["q"] for q in load_queries()]
        kb.search(queries[0], k=4)  # warm the keyword index
        out = {"build_ms": first.seconds * 1000, "rebuild_ms": again.seconds * 1000}
        for mode in MODES:
            times = []
            for _ in range(rounds):
                for q in queries:
                    t1 = time.perf_counter()
                    kb.search(q, k=4, mode=mode)
                    times.append((time.perf_counter() - t1) * 1000)
            med, p95 = statistics.median(times), sorted(times)[int(0.95 * len(times))]
            out[f"{mode}_median_ms"] = med
            echo(f"warm query, k=4, {mode:<7}: median {med:.1f} ms, p95 {p95:.1f} ms over {len(times)} queries "
                 f"(target median < 20 ms)")
        return out
    finally:
        shutil.rmtree(ws, ignore_errors=True)
