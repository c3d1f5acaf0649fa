"""A full offline agent turn (route → respond), warm: total and per node; the agent's own
overhead is everything but the sandbox (execute) and retrieval."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

REQUEST = "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners"


def run_benchmark(settings, echo=print, turns: int = 15) -> dict:
    from cadagent.agent.runtime import Agent

    ws = Path(tempfile.mkdtemp(prefix="cadagent-agent-bench-"))
    settings = settings.model_copy(update={"workspace": ws})
    with Agent(settings) as agent:
        agent.kb.ensure_built()
        agent.sandbox.warm()
        agent.turn("warm-up", REQUEST)
        totals, per_node = [], {}
        for i in range(turns):
            t0 = time.perf_counter()
            for ev in agent.turn(f"bench-{i}", REQUEST).events:  # each event times its own step
                per_node.setdefault(ev.node, []).append(ev.elapsed_s * 1000)
            totals.append((time.perf_counter() - t0) * 1000)
    med = {n: statistics.median(v) for n, v in per_node.items()}
    total = statistics.median(totals)
    own = total - med.get("execute", 0) - med.get("retrieve", 0)
    echo(f"full offline turn ({REQUEST!r}): median {total:.0f} ms over {turns} turns (target < 500 ms)")
    echo("per node (median ms): " + ", ".join(f"{n} {v:.1f}" for n, v in med.items()))
    echo(f"sandbox (execute) {med.get('execute', 0):.0f} ms, retrieval {med.get('retrieve', 0):.0f} ms, "
         f"agent's own overhead {own:.0f} ms (plan, generate with the offline engine, validate, save, "
         "checkpointing)")
    return {"total_ms": total, "own_ms": own, **{f"{n}_ms": v for n, v in med.items()}}
