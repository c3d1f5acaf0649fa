"""The page's own record of each conversation: the chat as shown (step messages included), kept in
``<workspace>/ui/<session>.json`` so a reload brings the steps of earlier turns back.

The agent's thread stays the source of truth for what was said and saved; this file only adds the
steps, the turn -> version map the ratings use, and a ``pending`` mark while a turn runs (a reload
that finds it set, with no turn running, says the turn was interrupted).
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

_SID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class Traces:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()

    def _path(self, sid: str) -> Path | None:
        return self.root / f"{sid}.json" if sid and _SID.fullmatch(sid) else None

    def load(self, sid: str) -> dict:
        path = self._path(sid)
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path else {}
        except (OSError, ValueError):
            data = {}
        history = data.get("history") if isinstance(data.get("history"), list) else []
        turns = data.get("turns") if isinstance(data.get("turns"), dict) else {}
        return {"history": [m for m in history if isinstance(m, dict) and m.get("role") in ("user", "assistant")],
                "pending": bool(data.get("pending")), "turns": turns}

    def save(self, sid: str, history: list[dict], pending: bool = False, version: int | None = None) -> None:
        """Write the chat; ``version``: the current version once this turn ended (for its rating)."""
        path = self._path(sid)
        if path is None:
            return
        with self._lock:
            turns = self.load(sid)["turns"]
            if version is not None:
                turns[str(sum(1 for m in history if m.get("role") == "user"))] = version
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps({"history": [_plain(m) for m in history], "pending": pending,
                                       "turns": turns}, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)


def _plain(message: dict) -> dict:
    out = {"role": message.get("role"), "content": message.get("content")}
    if not isinstance(out["content"], str):
        from .feedback import plain

        out["content"] = plain(out["content"])
    if message.get("metadata"):
        out["metadata"] = {k: v for k, v in dict(message["metadata"]).items() if v is not None}
    return out
