"""Ratings of answers: one record per answer in ``<workspace>/feedback.jsonl``; rating it again replaces it.

A record holds plain text (the prompt and the answer, never Gradio's content lists), the thread, the
answer's number in the conversation, the version it produced or showed, and its code and measurements
(raw material for fine-tuning).
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

_LOCK = threading.Lock()


def plain(content) -> str:
    """A chat message's content as plain text (Gradio may hand back a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("value") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(t for t in (plain(c) for c in content) if t)
    return "" if content is None else str(content)


def answer_at(history: list[dict], index) -> tuple[int, int] | None:
    """(turn, index of the answer) for a click anywhere in an answer's group of messages: the steps and
    the answer that follows them. The turn counts the user's messages up to it (1 = the first)."""
    idx = index[0] if isinstance(index, (list, tuple)) else index
    if not isinstance(idx, int) or not 0 <= idx < len(history) or history[idx].get("role") != "assistant":
        return None
    end = idx
    while end + 1 < len(history) and history[end + 1].get("role") == "assistant":
        end += 1
    answer = next((i for i in range(end, idx - 1, -1) if not history[i].get("metadata")), None)
    if answer is None:  # a click on a step of a group with no answer yet
        return None
    start = idx
    while start > 0 and history[start - 1].get("role") == "assistant":
        start -= 1
    turn = sum(1 for m in history[:start] if m.get("role") == "user")
    return turn, answer


def record(path: Path, entry: dict) -> None:
    """Put ``entry`` in the file, replacing the record of the same answer (thread and turn)."""
    key = (entry["thread"], entry["turn"])
    with _LOCK:
        kept = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    old = json.loads(line)
                except ValueError:
                    kept.append(line)  # not ours to judge: kept as it is
                    continue
                if (old.get("thread"), old.get("turn")) != key:
                    kept.append(line)
        if entry.get("liked") is not None:
            kept.append(json.dumps(entry, ensure_ascii=False))
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
        os.replace(tmp, path)


def entry(history: list[dict], index, liked, sid: str, versions: list, turns: dict) -> dict | None:
    """The record for a rating of the answer at ``index`` (None: nothing there to rate); ``turns`` maps a
    turn to the current version after it (the page's trace)."""
    found = answer_at(history, index)
    if found is None:
        return None
    turn, answer = found
    prompt = next((plain(m["content"]) for m in reversed(history[:answer]) if m.get("role") == "user"), "")
    number = turns.get(str(turn))
    version = next((v for v in versions if v.number == number), None)
    return {"time": time.time(), "thread": sid, "turn": turn,
            "liked": liked if isinstance(liked, bool) else None,
            "prompt": prompt, "answer": plain(history[answer]["content"]),
            "version": version.number if version else None, "code": version.code if version else None,
            "size": list(version.size) if version else None, "volume": version.volume if version else None}
