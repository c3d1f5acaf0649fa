"""Hybrid retrieval: dense vectors (Chroma) + BM25 keywords (bm25s), fused by reciprocal rank,
with metadata filters (kind, family). The API the agent uses::

    kb = KnowledgeBase(workspace)
    hits = kb.search("flange with 6 bolt holes", k=4, kinds=("example",))
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .embedder import Embedder
from .library import KINDS, Entry, LibraryProblem, load_library
from .store import Store, SyncReport, kb_location
from .verify import verify_example

MODES = ("hybrid", "vector", "keyword")
RRF_K = 60  # the usual reciprocal-rank-fusion constant
_STOP = frozenset("a an and the of for with to in on at by from into that this it its is are be as or "
                  "mm cm m inch inches i need want make me please can you some my".split())


class QueryError(ValueError):
    """A query the knowledge base cannot answer (empty, unknown kind...)."""


def tokenize(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = []
    for w in words:
        if w in _STOP:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
            w = w[:-2]
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    score: float
    family: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""
    origin: str = "builtin"
    body: str = ""
    vector_score: float | None = None
    keyword_score: float | None = None
    meta: dict = field(default_factory=dict)


class KnowledgeBase:
    def __init__(self, workspace: Path, user_examples: Path | None = None,
                 embedder: Embedder | None = None, store_url: str | None = None) -> None:
        self.workspace = Path(workspace)
        self.user_examples = Path(user_examples) if user_examples else self.workspace / "examples"
        self.embedder = embedder or Embedder()
        server, folder = kb_location(store_url, self.workspace)  # a folder, or a Chroma server's URL
        self.store = Store(folder, self.embedder, url=server)
        self._entries: list[Entry] | None = None
        self.problems: list[LibraryProblem] = []
        self._bm25 = None
        self._vectors: dict[str, object] = {}
        self._lock = threading.Lock()

    # -- library ---------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        with self._lock:
            if self._entries is None:
                self._entries, self.problems = load_library(self.user_examples)
                self._by_id = {e.id: e for e in self._entries}
            return self._entries

    def get(self, entry_id: str) -> Entry | None:
        self.entries()
        return self._by_id.get(entry_id)

    def _keyword_index(self):
        if self._bm25 is None:
            import bm25s

            index = bm25s.BM25()
            index.index([tokenize(e.text) or ["_"] for e in self.entries()], show_progress=False)
            self._bm25 = index
        return self._bm25

    # -- build -----------------------------------------------------------------------------
    def build(self, progress: Callable[[int, int], None] | None = None, sandbox=None) -> SyncReport:
        """Embed what changed since the last build (nothing, when nothing did).

        New or changed *user* examples are run in ``sandbox`` first; one that fails or misses
        its declared bbox is reported and left out. Without a sandbox they wait (reported) until
        a build that has one: only verified user examples reach the store."""
        entries = self.entries()
        stored = self.store.stored_hashes()
        for e in [e for e in entries if e.origin == "user" and stored.get(e.id) != e.hash]:
            if sandbox is None:  # only verified user examples enter the store
                self.problems.append(LibraryProblem(e.source, "new or changed user example, not verified yet",
                                                    "run `cadagent kb build` to check it in the sandbox"))
                self._drop(e.id)
                continue
            verdict = verify_example(e, sandbox)
            if not verdict.ok:
                self.problems.append(LibraryProblem(e.source, verdict.message,
                                                    "fix the script; it was left out of the knowledge base"))
                self._drop(e.id)
        report = self.store.sync(self.entries(), progress)
        report.notes = list(self.store.notes) + [str(p) for p in self.problems]
        return report

    def _drop(self, entry_id: str) -> None:
        with self._lock:
            self._entries = [e for e in self._entries or [] if e.id != entry_id]
            self._by_id.pop(entry_id, None)
            self._bm25 = None

    def ensure_built(self) -> SyncReport | None:
        if self.store.count() == 0 or self.store.notes:
            return self.build()
        return None

    # -- search ----------------------------------------------------------------------------
    QUERY_CACHE = 64   # recent query vectors kept: a turn asks for examples, then docs, with one query

    def _query_vector(self, query: str):
        with self._lock:
            cached = self._vectors.pop(query, None)
        if cached is None:
            cached = self.embedder.encode([query])[0]
        with self._lock:
            self._vectors[query] = cached   # most recent last
            while len(self._vectors) > self.QUERY_CACHE:
                self._vectors.pop(next(iter(self._vectors)))
        return cached

    def search(self, query: str, k: int = 4, kinds: tuple[str, ...] | list[str] | None = None,
               family: str | None = None, mode: str = "hybrid") -> list[Hit]:
        if not isinstance(query, str) or not query.strip():
            raise QueryError("the query is empty: describe the part or the problem, e.g. "
                             "'flange with 6 bolt holes'")
        if mode not in MODES:
            raise QueryError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        kinds = tuple(kinds) if kinds else KINDS
        bad = [x for x in kinds if x not in KINDS]
        if bad:
            raise QueryError(f"unknown kind(s) {', '.join(bad)}; use {', '.join(KINDS)}")
        if k < 1:
            raise QueryError("k must be at least 1")
        entries = self.entries()
        allowed = [i for i, e in enumerate(entries) if e.kind in kinds and (family is None or e.family == family)]
        if not allowed:
            return []
        pool = max(4 * k, 20)
        vec_rank, key_rank = {}, {}
        vec_score, key_score = {}, {}
        if mode in ("hybrid", "vector"):
            self.ensure_built()
            where = {"kind": {"$in": list(kinds)}}
            if family:
                where = {"$and": [where, {"family": family}]}
            qv = self._query_vector(query)
            for rank, (eid, score) in enumerate(self.store.query(qv, pool, where)):
                vec_rank[eid], vec_score[eid] = rank, score
        if mode in ("hybrid", "keyword"):
            scores = self._keyword_index().get_scores(tokenize(query))
            mask = np.full(len(entries), -np.inf)
            mask[allowed] = 0.0
            ranked = np.argsort(-(scores + mask))[:pool]
            for rank, idx in enumerate(ranked):
                if scores[idx] > 0 and np.isfinite(mask[idx]):
                    key_rank[entries[idx].id], key_score[entries[idx].id] = rank, float(scores[idx])
        fused: dict[str, float] = {}
        for ranks in (vec_rank, key_rank):
            for eid, r in ranks.items():
                fused[eid] = fused.get(eid, 0.0) + 1.0 / (RRF_K + r + 1)
        order = sorted(fused, key=lambda i: -fused[i])[:k]
        hits = []
        for eid in order:
            e = self.get(eid)
            if e is None:  # stale record (file removed since the last build)
                continue
            hits.append(Hit(id=e.id, kind=e.kind, title=e.title, score=round(fused[eid], 6), family=e.family,
                            tags=e.tags, source=e.source, origin=e.origin, body=e.body,
                            vector_score=vec_score.get(eid), keyword_score=key_score.get(eid), meta=e.meta))
        return hits
