"""``cadagent bench ui``: the real UI server (``ui.app.launch``, as ``cadagent ui`` starts it) driven
by 1, 4 and 8 concurrent browser sessions through the Gradio client; p50 / p95 turn latency side
by side, and each level's p50 as a ratio of the single-session p50.

Each session is its own thread id and sends its turns one after another (a new design, then
edits), as a person does; all sessions of a level start together.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

REQUESTS = ("a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners",
            "make it 10 mm longer", "add 2 mm fillets", "make it 8 mm thick")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the closest ranks."""
    data = sorted(values)
    if not data:
        return float("nan")
    pos = (len(data) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _session(url: str, sid: str, turns: int, out: list[float], errors: list[str], start: threading.Barrier) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    start.wait()
    history: list = []
    for i in range(turns):
        t0 = time.perf_counter()
        try:
            result = client.predict(REQUESTS[i % len(REQUESTS)], history, sid, 3, None, api_name="/send")
        except Exception as exc:  # noqa: BLE001 - counted and shown, the other sessions go on
            errors.append(f"{sid}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        out.append(time.perf_counter() - t0)
        history = result[1] if isinstance(result, (list, tuple)) and len(result) > 1 else history


def _cpu_seconds() -> float:
    """CPU used so far by this process and its children (the sandbox workers with the jobs they reaped)."""
    t = os.times()
    total = t.user + t.system
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else []:
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():  # ppid; then utime stime cutime cstime
            total += sum(int(x) for x in fields[11:15]) / tick
    return total


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_level(url: str, sessions: int, turns: int, tag: str) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    start = threading.Barrier(sessions)
    threads = [threading.Thread(target=_session, args=(url, f"{tag}-{sessions}-{i}", turns, latencies, errors, start))
               for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def run_benchmark(settings, echo=print, turns: int = 4, levels: tuple[int, ...] = (1, 4, 8)) -> dict:
    from cadagent.ui.app import launch

    ws = Path(tempfile.mkdtemp(prefix="cadagent-ui-bench-"))
    settings = settings.model_copy(update={"workspace": ws})
    port = _free_port()
    demo, agent = launch(settings, "127.0.0.1", port, block=False)
    url = f"http://127.0.0.1:{port}/"
    try:
        if agent.kb is not None:
            agent.kb.ensure_built()
        run_level(url, 1, 2, "warm")
        results = {}
        for n in levels:
            cpu0 = _cpu_seconds()
            lat, errors = run_level(url, n, turns, "bench")
            cpu = (_cpu_seconds() - cpu0) / max(1, len(lat))
            results[n] = {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "turns": len(lat),
                          "cpu_s": cpu, "floor": max(1, n / _cores()) * cpu, "errors": errors}
    finally:
        demo.close()
        agent.close()
    base = results[levels[0]]["p50"]
    echo(f"UI turn latency through the real server (offline engine, {turns} turns a session, "
         f"sandbox workers {settings.sandbox.workers})")
    echo(f"{'sessions':>8}  {'turns':>5}  {'p50 s':>7}  {'p95 s':>7}  {'p50 / 1 session':>15}  "
         f"{'CPU s/turn':>10}  {'CPU floor s':>11}")
    for n, r in results.items():
        echo(f"{n:>8}  {r['turns']:>5}  {r['p50']:>7.2f}  {r['p95']:>7.2f}  {r['p50'] / base:>14.1f}x  "
             f"{r['cpu_s']:>10.2f}  {r['floor']:>11.2f}")
        for e in r["errors"][:3]:
            echo(f"          error: {e}")
    echo(f"target: {levels[-1]} sessions p50 <= 2.5x the single-session p50 "
         f"(measured {results[levels[-1]]['p50'] / base:.1f}x)")
    echo(f"CPU floor: the latency a turn cannot beat when N sessions share {_cores()} core(s) "
         "(N / cores x CPU per turn, this process with its in-process clients + sandbox workers and jobs)")
    return {n: {k: v for k, v in r.items() if k != "errors"} | {"errors": len(r["errors"])}
            for n, r in results.items()}
