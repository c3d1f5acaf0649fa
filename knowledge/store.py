"""The Chroma store in the workspace: idempotent sync, model check, recovery.

Embeddings are always computed by :class:`~knowledge.embedder.Embedder` and handed to
Chroma (Chroma's default embedding function would download a model). Each record carries
the content hash of its entry, so a rebuild embeds only what changed; the collection
records the embedding model, so a store built with another model is detected and rebuilt.

Where the store lives (``CADAGENT_KB_URL``): a folder (default ``<workspace>/kb/chroma``, Chroma's
``PersistentClient``) or ``http://host:port``, a Chroma server (``chroma run``; ``HttpClient``) shared by
many processes. A server that cannot be reached is said plainly, never replaced by a local store.
"""

from __future__ import annotations

import errno
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .embedder import Embedder
from .library import Entry

COLLECTION = "cadagent-kb"
SCHEMA_VERSION = "1"
BACKOFF_S = (5.0, 600.0)  # first and longest wait before a store that failed on a disk fault is tried again
_DISK_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DISK_WORDS = ("no space left", "disk is full", "database or disk is full", "readonly database", "read-only file system",
               "permission denied", "disk i/o error")


class StoreUnavailable(OSError):
    """The store cannot be opened or written because of the disk (full, read-only, no permission).

    Not a damaged store: it is not moved aside and rebuilt (that would fill the disk again); the
    next attempt waits, with a growing backoff."""


def disk_fault(exc: BaseException) -> bool:
    """Whether an error (or one it wraps) comes from the disk rather than from the store's contents."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:
            return True
        if any(w in str(exc).lower() for w in _DISK_WORDS):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class StoreUnreachable(StoreUnavailable):
    """The configured Chroma server cannot be reached or used (no local store is used instead)."""


def kb_location(url: str | None, workspace: Path) -> tuple[str | None, Path]:
    """(the Chroma server's URL or None, the store's folder) for a ``kb_url`` setting."""
    if url and urlsplit(str(url)).scheme in ("http", "https"):
        return str(url).rstrip("/"), Path(workspace) / "kb" / "chroma"
    return None, Path(url) if url else Path(workspace) / "kb" / "chroma"


def _unreachable(url: str, exc: BaseException) -> StoreUnreachable:
    why = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    return StoreUnreachable(f"cannot reach the Chroma server at {url} ({why}). Start it (`chroma run --path DIR "
                            "--host HOST --port PORT`) or fix CADAGENT_KB_URL / --url (http://host:port); unset it "
                            "to keep the knowledge base in the workspace")


def server_client(url: str):
    """A Chroma ``HttpClient`` for ``http(s)://host:port``; :class:`StoreUnreachable` when it does not answer."""
    import chromadb

    parts = urlsplit(url)
    try:
        return chromadb.HttpClient(host=parts.hostname, port=parts.port or (443 if parts.scheme == "https" else 8000),
                                   ssl=parts.scheme == "https",
                                   settings=chromadb.Settings(anonymized_telemetry=False))
    except Exception as exc:  # noqa: BLE001 - chromadb says "Could not connect" as a ValueError
        raise _unreachable(url, exc) from exc


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged "
                f"({self.embedded} embedded) in {self.seconds:.2f} s")


class Store:
    def __init__(self, path: Path, embedder: Embedder, url: str | None = None) -> None:
        self.path = Path(path)
        self.url = url  # a Chroma server (http://host:port); None: the folder ``path``
        self.embedder = embedder
        self._client = None
        self._collection = None
        self.notes: list[str] = []
        self._fault: StoreUnavailable | None = None
        self._retry_at = 0.0
        self._backoff = BACKOFF_S[0]
        self._lock = threading.RLock()  # one opening / sync at a time (the UI serves sessions in threads)

    # -- opening, with recovery ------------------------------------------------------------
    @property
    def where(self) -> str:
        return self.url or str(self.path)

    @staticmethod
    def server_count(url: str) -> int | None:
        """Records in the knowledge base collection of a Chroma server (None: not built there yet)."""
        client = server_client(url)
        try:
            return client.get_collection(COLLECTION).count()
        except Exception as exc:  # noqa: BLE001 - a missing collection, or the server failing mid-way
            if "does not exist" in str(exc).lower() or "not found" in str(exc).lower():
                return None
            raise _unreachable(url, exc) from exc

    def _open_client(self):
        import chromadb

        if self.url:
            return server_client(self.url)
        return chromadb.PersistentClient(path=str(self.path),
                                         settings=chromadb.Settings(anonymized_telemetry=False))

    def _quarantine(self, why: str) -> None:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # chroma caches one client per path in-process
        if self.path.exists():
            dest = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
            shutil.move(str(self.path), dest)
            self.notes.append(f"the store at {self.path} was unusable ({why}); moved it to {dest} and "
                              "rebuilt it")
        self._client = self._collection = None

    def collection(self):
        if self._collection is not None:
            return self._collection
        with self._lock:
            if self._collection is not None:
                return self._collection
            if self._fault is not None and time.monotonic() < self._retry_at:
                raise self._fault  # backing off: do not hammer (or refill) a disk that just failed
            try:
                col = self._open_collection()
            except Exception as exc:  # noqa: BLE001 - a disk fault is said plainly and backed off
                if not disk_fault(exc):
                    raise
                self._fault = StoreUnavailable(
                    errno.ENOSPC if "space" in str(exc).lower() or "full" in str(exc).lower() else errno.EROFS,
                    f"the knowledge base store at {self.path} cannot be written ({type(exc).__name__}: "
                    f"{str(exc)[:160]}); free disk space or make the folder writable. Tried again in "
                    f"{self._backoff:.0f} s, not rebuilt", str(self.path))
                self._retry_at = time.monotonic() + self._backoff
                self._backoff = min(self._backoff * 2, BACKOFF_S[1])
                raise self._fault from exc
            self._fault, self._backoff = None, BACKOFF_S[0]
            return col

    def _open_collection(self):
        meta = {"model": self.embedder.name, "schema": SCHEMA_VERSION, "hnsw:space": "cosine"}
        for attempt in (1, 2):
            try:
                if not self.url:
                    self.path.mkdir(parents=True, exist_ok=True)
                self._client = self._open_client()
                col = self._client.get_or_create_collection(COLLECTION, embedding_function=None, metadata=meta)
                found = col.metadata or {}
                if found.get("model") != meta["model"] or found.get("schema") != SCHEMA_VERSION:
                    self.notes.append(f"the store was built with model {found.get('model')!r} (schema "
                                      f"{found.get('schema')!r}); rebuilding it with {meta['model']!r}")
                    self._client.delete_collection(COLLECTION)
                    col = self._client.create_collection(COLLECTION, embedding_function=None, metadata=meta)
                col.count()
                self._collection = col
                return col
            except StoreUnreachable:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure to open means: start over, once
                if self.url:  # a server's store is never moved aside: say what failed
                    raise _unreachable(self.url, exc) from exc
                if attempt == 2 or disk_fault(exc):
                    raise
                self._quarantine(f"{type(exc).__name__}: {exc}")
        raise AssertionError("unreachable")

    # -- sync ------------------------------------------------------------------------------
    @contextmanager
    def _served(self):
        """A Chroma server that stops answering mid-way is said as such (the embedded store is untouched)."""
        try:
            yield
        except StoreUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - httpx / chromadb errors of a server gone away
            if not self.url:
                raise
            self._collection = None  # reconnect next time
            raise _unreachable(self.url, exc) from exc

    def stored_hashes(self) -> dict[str, str]:
        with self._served():
            got = self.collection().get(include=["metadatas"])
        return {i: (m or {}).get("hash", "") for i, m in zip(got["ids"], got["metadatas"])}

    def sync(self, entries: list[Entry], progress: Callable[[int, int], None] | None = None,
             batch: int = 32) -> SyncReport:
        with self._lock, self._served():
            return self._sync(entries, progress, batch)

    def _sync(self, entries: list[Entry], progress, batch: int) -> SyncReport:
        t0 = time.perf_counter()
        report = SyncReport()
        col = self.collection()
        have = self.stored_hashes()
        want = {e.id: e for e in entries}
        todo = [e for e in entries if have.get(e.id) != e.hash]
        report.added = sum(1 for e in todo if e.id not in have)
        report.updated = len(todo) - report.added
        report.unchanged = len(entries) - len(todo)
        stale = [i for i in have if i not in want]
        if stale:
            col.delete(ids=stale)
            report.removed = len(stale)
        for start in range(0, len(todo), batch):
            chunk = todo[start:start + batch]
            vectors = self.embedder.encode([e.text for e in chunk])
            col.upsert(ids=[e.id for e in chunk], embeddings=[v.tolist() for v in vectors],
                       documents=[e.text for e in chunk],
                       metadatas=[{"kind": e.kind, "family": e.family, "hash": e.hash, "title": e.title,
                                   "origin": e.origin, "tags": ",".join(e.tags)} for e in chunk])
            report.embedded += len(chunk)
            if progress:
                progress(min(start + batch, len(todo)), len(todo))
        report.seconds = time.perf_counter() - t0
        report.notes = list(self.notes)
        return report

    def query(self, vector, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        with self._served():
            col = self.collection()
            n = min(k, col.count())
            if n == 0:
                return []
            res = col.query(query_embeddings=[vector.tolist()], n_results=n, where=where or None,
                            include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def count(self) -> int:
        with self._served():
            return self.collection().count()
