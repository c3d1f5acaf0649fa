"""Offline-engine quality: scripted requests and follow-ups → valid parts of the requested size."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass
class TurnResult:
    request: str
    expected: list[float]
    ok: bool
    measured: list[float] | None
    answer: str
    ms: float


def load_set(path=None) -> list[dict]:
    text = open(path, encoding="utf-8").read() if path else \
        resources.files("evals").joinpath("offline_quality.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _matches(measured: list[float], expected: list[float]) -> bool:
    return all(abs(a - b) <= max(0.5, 0.01 * b) for a, b in zip(sorted(measured), sorted(expected)))


def run_quality(agent, conversations: list[dict]) -> list[TurnResult]:
    results = []
    for conv in conversations:
        thread = f"quality-{uuid.uuid4().hex[:8]}"
        for turn in conv["turns"]:
            t0 = time.perf_counter()
            answer = agent.send(thread, turn["user"])
            state = agent.state(thread)
            versions = state.get("versions") or []
            made = versions and "saved" in answer and versions[-1]["request"] == turn["user"]
            measured = versions[-1]["size"] if made else None
            ok = bool(made) and _matches(measured, turn["bbox"])
            results.append(TurnResult(turn["user"], turn["bbox"], ok, measured, answer,
                                      (time.perf_counter() - t0) * 1000))
    return results
