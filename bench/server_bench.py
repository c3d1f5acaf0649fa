"""``cadagent bench server``: 8 concurrent sessions on one embedded UI process, against the same 8
sessions spread over 2 UI processes that share a Postgres (checkpoints, version index, turn locks),
a Chroma server and one files folder; p50 / p95 turn latency side by side.

Both sides are real ``cadagent ui`` processes, all running at once, driven through the Gradio client
in alternating rounds, with the same sandbox workers in all (one process with ``workers``, or two
with half each), the same knowledge base (built once, then served embedded or by ``chroma run``
over a copy) and the offline engine. The servers are throwaway ones (:mod:`.servers`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from .servers import ChromaServer, Postgres, free_port
from .ui_bench import _session, percentile

READY_S = 180.0


def _start_ui(root: Path, name: str, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = open(root / f"{name}.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "cadagent.cli", "ui", "--port", str(port)], cwd=root,
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env})
    return proc, f"http://127.0.0.1:{port}/"


def _wait_ready(procs: list[tuple[subprocess.Popen, str]], root: Path) -> None:
    deadline = time.monotonic() + READY_S
    for proc, url in procs:
        while True:
            if proc.poll() is not None:
                logs = sorted(root.glob("*.log"), key=lambda p: p.stat().st_mtime)
                tail = logs[-1].read_text(errors="replace")[-1500:] if logs else ""
                raise RuntimeError(f"a UI process exited with {proc.returncode}:\n{tail}")
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the UI at {url} did not answer in {READY_S:.0f} s") from None
                time.sleep(0.2)


def _drive(urls: list[str], sessions: int, turns: int, tag: str) -> tuple[list[float], list[str]]:
    """``sessions`` concurrent sessions, dealt round-robin over ``urls``; all start together."""
    latencies: list[float] = []
    errors: list[str] = []
    start = threading.Barrier(sessions)
    threads = [threading.Thread(target=_session, args=(urls[i % len(urls)], f"{tag}-{i}", turns, latencies,
                                                       errors, start)) for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def _stop(procs: list[tuple[subprocess.Popen, str]]) -> None:
    for proc, _ in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc, _ in procs:
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _measure(sides: dict[str, list[str]], sessions: int, turns: int, rounds: int) -> dict:
    """Both setups' processes run all along; the rounds alternate which setup is driven first, so a
    change in the machine's load between rounds falls on both alike. Latencies pooled per setup."""
    lat = {name: [] for name in sides}
    errors = {name: [] for name in sides}
    wall = dict.fromkeys(sides, 0.0)
    for name, urls in sides.items():
        _drive(urls, len(urls), 1, f"{name}-warm")  # each process: its first turn loads what it loads lazily
    order = list(sides)
    for r in range(rounds):
        for name in (order if r % 2 == 0 else order[::-1]):
            t0 = time.perf_counter()
            got, errs = _drive(sides[name], sessions, turns, f"{name}-{r}")
            wall[name] += time.perf_counter() - t0
            lat[name] += got
            errors[name] += errs
    return {name: {"p50": percentile(lat[name], 50), "p95": percentile(lat[name], 95), "turns": len(lat[name]),
                   "wall": wall[name] / rounds, "errors": errors[name]} for name in sides}


def run_benchmark(settings, echo=print, sessions: int = 8, turns: int = 4, processes: int = 2,
                  rounds: int = 2) -> dict:
    from cadagent.knowledge.search import KnowledgeBase

    root = Path(tempfile.mkdtemp(prefix="cadagent-server-bench-"))
    load = os.getloadavg()
    workers = settings.sandbox.workers
    base = {"CADAGENT_AGENT__LLM": "offline", "PYTHONUNBUFFERED": "1"}
    procs: list[tuple[subprocess.Popen, str]] = []
    try:
        echo(f"building the knowledge base once (workspace {root / 'embedded'}) …")
        KnowledgeBase(root / "embedded").build()
        served = root / "chroma-served"
        shutil.copytree(root / "embedded" / "kb" / "chroma", served)
        with Postgres() as pg_url, ChromaServer(served) as kb_url:
            per = max(1, workers // processes)
            envs = {"embedded": [{**base, "CADAGENT_WORKSPACE": str(root / "embedded"),
                                  "CADAGENT_SANDBOX__WORKERS": str(workers)}],
                    "server": [{**base, "CADAGENT_WORKSPACE": str(root / f"server-{i}"),
                                "CADAGENT_FILES": str(root / "files"), "CADAGENT_CHECKPOINT_URL": pg_url,
                                "CADAGENT_KB_URL": kb_url, "CADAGENT_SANDBOX__WORKERS": str(per)}
                               for i in range(processes)]}
            sides = {}
            for name, side_envs in envs.items():
                started = [_start_ui(root, f"{name}-{i}", env) for i, env in enumerate(side_envs)]
                procs += started
                sides[name] = [url for _, url in started]
            _wait_ready(procs, root)
            results = _measure(sides, sessions, turns, rounds)
            _stop(procs)
    finally:
        _stop(procs)
        shutil.rmtree(root, ignore_errors=True)
    emb = results["embedded"]
    echo(f"{sessions} concurrent sessions, {turns} turns each, {rounds} rounds alternating (offline engine), "
         f"{workers} sandbox workers in all; {os.cpu_count()} cores, load average {load[0]:.1f} before / "
         f"{os.getloadavg()[0]:.1f} after")
    echo(f"{'setup':<40} {'turns':>5} {'p50 s':>7} {'p95 s':>7} {'p50 / embedded':>15} {'wall s':>7}")
    labels = {"embedded": "1 process, embedded (SQLite, Chroma dir)",
              "server": f"{processes} processes, Postgres + Chroma server"}
    for name, r in results.items():
        echo(f"{labels[name]:<40} {r['turns']:>5} {r['p50']:>7.2f} {r['p95']:>7.2f} "
             f"{r['p50'] / emb['p50']:>14.2f}x {r['wall']:>7.1f}")
        for e in r["errors"][:3]:
            echo(f"    error: {e}")
    return {k: {**{x: v for x, v in r.items() if x != "errors"}, "errors": len(r["errors"])}
            for k, r in results.items()}
