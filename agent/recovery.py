"""Threads rebuilt from what is on disk.

The version folders are the record of what was committed: each holds the script, the exports and
report.json (measurements, request, title, parent). The checkpoint only caches the version list;
when it lost versions (a damaged or emptied database, a kill between the folder's rename and the
checkpoint write), the list is rebuilt from the folders. Nothing committed to disk is forgotten.
"""

from __future__ import annotations

import json
from pathlib import Path

from cadagent.tools.results import GeometryReport

from .sessions import SessionStore


def entry_from_disk(folder: Path) -> dict | None:
    """The state's version entry for one version folder, or None when it is not complete."""
    try:
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        code = (folder / "part.py").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    geometry = report.get("report") or {}
    try:
        summary = GeometryReport.from_dict(geometry).summary()
    except (TypeError, KeyError, ValueError):
        summary = "restored from disk"
    entry = {"version": int(report.get("version") or folder.name[1:]), "code": code, "summary": summary,
             "dir": str(folder), "title": report.get("title") or "part", "request": report.get("request") or "",
             "said": report.get("said"),
             "size": list(geometry.get("size") or [0.0, 0.0, 0.0]), "volume": geometry.get("volume") or 0.0,
             "parent": report.get("parent"), "spec": report.get("spec"), "assumed": report.get("assumed") or []}
    from .from_text import CADJSON_FILE

    if (folder / CADJSON_FILE).is_file():  # a design made from CAD JSON instructions keeps its document
        entry["cadjson"] = str(folder / CADJSON_FILE)
    return entry


def missing_versions(store: SessionStore, thread_id: str, versions: list[dict]) -> list[dict]:
    """Entries for the complete version folders that the version list does not know."""
    known = {v["version"] for v in versions}
    out = []
    for n in store.numbers(thread_id):
        if n not in known:
            entry = entry_from_disk(store.thread_dir(thread_id) / f"v{n}")
            if entry is not None:
                out.append(entry)
    return out


def merged(store: SessionStore, thread_id: str, values: dict) -> tuple[dict, list[dict]]:
    """(state values with every version on disk in the list, the versions that were added).

    The current version moves to the newest restored one when versions were added after it (the
    turn that wrote them was cut short before the checkpoint recorded it)."""
    versions = list(values.get("versions") or [])
    added = missing_versions(store, thread_id, versions)
    if not added:
        return values, []
    versions = sorted(versions + added, key=lambda v: v["version"])
    current = values.get("current")
    newest = max(v["version"] for v in added)
    if current is None or newest > current:
        current = newest
    return {**values, "versions": versions, "current": current}, added


def interrupted_claims(store: SessionStore, thread_id: str) -> list[int]:
    """Version folders without report.json: claims of turns that were cut short."""
    complete = set(store.numbers(thread_id))
    return [n for n in store.numbers(thread_id, complete=False) if n not in complete]


def note(added: list[dict]) -> str:
    names = ", ".join(f"v{v['version']}" for v in added)
    return (f"(Restored {names} from the workspace: the conversation record had lost "
            f"{'it' if len(added) == 1 else 'them'}, the version folders had not.)")
