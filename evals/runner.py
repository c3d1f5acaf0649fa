"""Run eval conversations against one or more backends and record every turn.

Each conversation runs in a fresh thread, turns in order, every check recorded measured vs
expected. Conversations run in parallel in a process pool (one agent + sandbox per worker and
backend), or in this process with ``workers=1``. ``results.jsonl`` gets one line per
(backend, conversation) as soon as it finishes, so a stopped run resumes where it was. A turn
that raises or passes its timeout is a failed result; the run goes on.
"""

from __future__ import annotations

import json
import os
import signal
import time
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .checks import References, check_turn
from .conversations import Conversation


@dataclass(frozen=True)
class Backend:
    """One model to evaluate: ``offline``, ``gemini``, ``openai:qwen2.5-coder:7b``, ``local:./my-base``."""

    name: str
    llm: str
    model: str | None = None

    @classmethod
    def parse(cls, spec: str) -> Backend:
        from cadagent.agent.providers import names

        llm, _, model = spec.partition(":")
        if llm not in names():
            raise ValueError(f"--llm {spec!r}: the provider must be one of {', '.join(names())} "
                             "(optionally NAME:MODEL, e.g. openai:qwen2.5-coder:7b)")
        return cls(spec, llm, model or None)


class TurnTimeout(Exception):
    pass


# -- one conversation (in a worker process, or in this one) ---------------------------------------
_AGENTS: dict = {}


def _agent(base, backend: Backend, work: str):
    key = (work, backend)
    if key not in _AGENTS:
        from cadagent.agent.runtime import Agent

        kb = base.knowledge_base()
        ws = Path(work) / _slug(backend.name) / f"w{os.getpid()}"
        settings = base.with_agent(llm=backend.llm, model=backend.model).model_copy(update={"workspace": ws})
        agent = Agent(settings, kb=kb)
        _AGENTS[key] = (agent, References(agent.sandbox, ws / "refs"))
    return _AGENTS[key]


def close_agents() -> None:
    """Close this process's agents (their sandboxes' worker processes)."""
    while _AGENTS:
        _, (agent, _refs) = _AGENTS.popitem()
        agent.close()


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)


def _alarm(_signum, _frame):
    raise TurnTimeout()


def run_conversation(conv_d: dict, backend: Backend, settings, work: str, turn_timeout: float) -> dict:
    conv = Conversation.from_dict(conv_d)
    t0 = time.perf_counter()
    result = {"backend": backend.name, "id": conv.id, "category": conv.category, "path": conv.path, "turns": [],
              "error": None}
    try:
        agent, refs = _agent(settings, backend, work)
    except Exception as exc:  # noqa: BLE001 - a backend that cannot start fails its conversations
        result.update(error=f"the backend did not start: {type(exc).__name__}: {exc}", passed=False,
                      seconds=round(time.perf_counter() - t0, 3))
        return result
    thread = f"eval-{conv.id}-{uuid.uuid4().hex[:6]}"
    for i, turn in enumerate(conv.turns):
        if result["error"]:
            result["turns"].append({"user": turn["user"], "skipped": True, "passed": False, "checks": []})
            continue
        try:
            outcome = _run_turn(agent, thread, turn, conv, turn_timeout)
        except TurnTimeout:
            outcome = _failed(turn, "timeout", f"the turn took longer than {turn_timeout:g} s", turn_timeout)
            result["error"] = f"turn {i + 1} timed out"
        except Exception as exc:  # noqa: BLE001 - a crash is a failed result, not a dead run
            outcome = _failed(turn, "crash", f"{type(exc).__name__}: {exc}", None,
                              traceback.format_exc(limit=6))
            result["error"] = f"turn {i + 1} crashed: {type(exc).__name__}: {exc}"
        checks = check_turn(turn.get("expect") or {}, outcome, conv, refs)
        crashed = outcome.get("crash") is not None
        outcome.update(checks=checks, passed=not crashed and all(c["ok"] for c in checks))
        result["turns"].append(outcome)
    result["passed"] = all(t["passed"] for t in result["turns"]) and not result["error"]
    result["seconds"] = round(time.perf_counter() - t0, 3)
    return result


def _failed(turn: dict, kind: str, message: str, latency: float | None, trace: str | None = None) -> dict:
    return {"user": turn["user"], "answer": "", "ok": False, "intent": None, "saved": None, "attempts": 0,
            "latency_s": latency, "crash": {"type": kind, "message": message, "trace": trace}}


def _run_turn(agent, thread: str, turn: dict, conv: Conversation, timeout: float) -> dict:
    from cadagent.agent.contract import Message

    attach = str(conv.resolve(turn["attach"])) if turn.get("attach") else None
    in_main = _in_main_thread()
    if in_main and timeout:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        result = agent.turn(thread, Message(turn["user"], attach))
    finally:
        if in_main and timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    latency = time.perf_counter() - t0
    history = result.attempts
    first = history[0] if history else None
    last = history[-1] if history else {}
    version = result.version
    if version is None and not result.ok:
        version = agent.current(thread)      # a declined turn leaves the part as it was: that part is measured
    outcome = {
        "user": turn["user"], "answer": result.answer, "intent": result.intent,
        "saved": version.number if version else None, "decided_by": result.decided_by, "path": result.path,
        "ok": result.ok, "attempts": len(history), "latency_s": round(latency, 4),
        "generated": first is not None,
        "first_syntax_ok": None if first is None else bool(first.get("code")) and
        (first.get("error") or {}).get("type") != "syntax",
        "first_exec_ok": None if first is None else bool(first.get("code")) and first.get("error") is None,
        "exec_ok": None if first is None else result.measured is not None,
        "code": result.code, "error": last.get("error"), "problems": last.get("problems") or [],
        "usage": result.usage, "steps": [f"{e.node}: {e.text[:160]}" for e in result.events],
        "size": None, "bbox_min": None, "volume": None, "solids": None, "step": None,
    }
    if version is not None:
        report = (version.file("report") and json.loads(version.file("report").read_text()).get("report")) or {}
        step = version.file("step")
        outcome.update(size=version.size, volume=version.volume, solids=report.get("solids"),
                       bbox_min=report.get("bbox_min"), step=str(step) if step else None)
    return outcome


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# -- the run ----------------------------------------------------------------------------------------
def load_results(results_file: Path) -> list[dict]:
    out = []
    for line in Path(results_file).read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def run_eval(convs: list[Conversation], backends: list[Backend], out: Path, settings, *, workers: int = 1,
             turn_timeout: float = 300.0, resume: bool = True,
             on_result: Callable[[int, int, dict], None] | None = None, cluster: str | None = None) -> list[dict]:
    """Run every (backend, conversation) not already in ``out/results.jsonl``; returns all results.
    ``cluster``: ``local:N`` or ``tcp://scheduler:8786`` runs them on Dask workers instead."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    results_file = out / "results.jsonl"
    if not resume and results_file.exists():
        results_file.unlink()
    existing = load_results(results_file) if results_file.exists() else []
    if existing or results_file.exists():  # keep the whole lines of a stopped run; a line cut mid-write runs again
        tmp = results_file.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r, default=str) + "\n" for r in existing), encoding="utf-8")
        os.replace(tmp, results_file)
    done = {(r["backend"], r["id"]) for r in existing}
    todo = [(b, c) for b in backends for c in convs if (b.name, c.id) not in done]
    client = None
    if cluster and todo:
        from .cluster import client_for

        client = client_for(cluster)   # first: a wrong address is said before anything is built
    settings.knowledge_base().ensure_built()  # once, before workers read it
    work = str((out / "work").resolve())
    total, count = len(todo), 0

    def record(result: dict) -> None:
        nonlocal count
        count += 1
        with results_file.open("a", encoding="utf-8") as f:
            f.write(json.dumps(result, default=str) + "\n")
        if on_result:
            on_result(count, total, result)

    if client is not None:
        from .cluster import run_on_cluster

        run_on_cluster(todo, client, settings, work, turn_timeout, record, run_conversation, close_agents)
    elif workers <= 1:
        for b, c in todo:
            record(run_conversation(c.to_dict(), b, settings, work, turn_timeout))
    else:
        _run_pool(todo, workers, settings, work, turn_timeout, record)
    wanted = {(b.name, c.id) for b in backends for c in convs}
    return [r for r in load_results(results_file) if (r["backend"], r["id"]) in wanted]


def _worker_init() -> None:
    """Workers share the cores: one math thread each (torch would start one per core in every worker)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)


def _run_pool(todo, workers, settings, work, turn_timeout, record) -> None:
    import multiprocessing

    crashes: dict[tuple[str, str], int] = {}
    pending = list(todo)
    while pending:
        retry = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_worker_init) as pool:
            futures = {pool.submit(run_conversation, c.to_dict(), b, settings, work, turn_timeout): (b, c)
                       for b, c in pending}
            for fut in as_completed(futures):
                b, c = futures[fut]
                try:
                    record(fut.result())
                except BrokenProcessPool:
                    crashes[(b.name, c.id)] = crashes.get((b.name, c.id), 0) + 1
                    if crashes[(b.name, c.id)] >= 2:  # in flight at two worker deaths: it is the cause
                        record({"backend": b.name, "id": c.id, "category": c.category, "path": c.path,
                                "turns": [], "passed": False, "seconds": 0,
                                "error": "the worker process died while running this conversation"})
                    else:
                        retry.append((b, c))
        pending = retry
