"""Retrieval quality on the labelled query set: recall@k and MRR per retrieval mode."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from importlib import resources

import yaml

from .search import MODES, KnowledgeBase


@dataclass
class ModeScore:
    mode: str
    recall: float
    mrr: float
    hit_rate: float          # queries with at least one relevant id in the top k
    misses: list[tuple[str, list[str], list[str]]]
    median_ms: float


def load_queries(path=None) -> list[dict]:
    text = (open(path, encoding="utf-8").read() if path else
            resources.files("cadagent.knowledge").joinpath("eval", "queries.yaml").read_text(encoding="utf-8"))
    queries = yaml.safe_load(text)
    for i, q in enumerate(queries, 1):
        if not isinstance(q, dict) or not q.get("q") or not q.get("ids"):
            raise ValueError(f"query {i}: each entry needs 'q' (text) and 'ids' (relevant example ids)")
    return queries


def evaluate(kb: KnowledgeBase, queries: list[dict], k: int = 4, modes=MODES) -> list[ModeScore]:
    known = {e.id for e in kb.entries()}
    unknown = sorted({i for q in queries for i in q["ids"] if i not in known})
    if unknown:
        raise ValueError(f"the query set names unknown example ids: {', '.join(unknown)}")
    kb.ensure_built()
    scores = []
    for mode in modes:
        recalls, rr, hits, misses, times = [], [], 0, [], []
        for q in queries:
            t0 = time.perf_counter()
            got = [h.id for h in kb.search(q["q"], k=k, kinds=("example",), mode=mode)]
            times.append((time.perf_counter() - t0) * 1000)
            relevant = set(q["ids"])
            found = relevant & set(got)
            recalls.append(len(found) / len(relevant))
            first = next((i for i, g in enumerate(got, 1) if g in relevant), None)
            rr.append(1.0 / first if first else 0.0)
            hits += bool(found)
            if not found:
                misses.append((q["q"], q["ids"], got))
        scores.append(ModeScore(mode, statistics.mean(recalls), statistics.mean(rr), hits / len(queries),
                                misses, statistics.median(times)))
    return scores
