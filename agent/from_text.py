"""Precise construction steps in chat ("create a coordinate system ..., draw a circle centred at
(0.375, 0.375) ..., extrude 0.1 towards the normal") become a new design through CAD JSON: the
instruction parser writes the document, the compiler writes the script, and the usual execute →
validate → save path builds it. The document is saved beside the version as ``part.cadjson.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

CADJSON_FILE = "part.cadjson.json"


def is_instructions(text: str) -> bool:
    from tools.cadjson.instructions import looks_like_instructions

    return looks_like_instructions(text or "")


def read_instructions(text: str) -> tuple[dict | None, str]:
    """(the CAD JSON document when it validates, a note for the answer)."""
    from tools.cadjson.instructions import parse_instructions

    result = parse_instructions(text)
    if not result.ok:
        errors = [str(p) for p in result.problems if p.severity == "error"][:3]
        return None, "The instructions did not give a valid CAD JSON document: " + "; ".join(errors)
    parts = len(result.document["parts"])
    note = f"Read as CAD JSON: {parts} part(s) from {result.statements} statements"
    if result.unused:
        note += f"; {len(result.unused)} not used:\n" + "\n".join(f"- {u.reason}: \"{u.sentence}\""
                                                                  for u in result.unused[:8])
    else:
        note += ", all used."
    return result.document, note


def script_for(document: dict) -> str:
    from tools.cadjson import compile_doc
    from tools.cadjson.validate import parse

    return compile_doc(parse(document), title="Built from construction steps (CAD JSON)")


def part_name(document: dict) -> str:
    first = next(iter(document.get("parts", {}).values()), {})
    desc = first.get("description")
    return desc.get("name") if isinstance(desc, dict) and desc.get("name") else "part from construction steps"


def save_beside(version_dir: str | Path, document: dict) -> Path:
    """Write the document into the version's folder (atomically: temp file + rename)."""
    path = Path(version_dir) / CADJSON_FILE
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
