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
    from cadagent.tools.cadjson.instructions import looks_like_instructions

    return looks_like_instructions(text or "")


def read_instructions(text: str) -> tuple[dict | None, str]:
    """(the CAD JSON document when it validates, a note for the answer)."""
    from cadagent.tools.cadjson.instructions import parse_instructions

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
    from cadagent.tools.cadjson import compile_doc
    from cadagent.tools.cadjson.validate import parse

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


# -- a model writes the CAD JSON (when our parser cannot read the steps) ---------------------------
MODEL_TRIES = 3


LOCAL_TRIES = 2     # the local model: one retry (a document takes 1-4 minutes on a 2-core CPU)


def ask_local(writer, text: str, tries: int = LOCAL_TRIES) -> tuple[dict | None, str, int]:
    """The local model's CAD JSON for the steps: its ``cadjson`` adapter decoding under the CAD JSON
    schema (:class:`agent.local_model.cadjson_writer.CadJsonWriter`), the validator's problems sent
    back on a retry. Same return as :func:`ask_model`."""
    doc = writer.write(text, retries=tries - 1)
    if doc.document is not None:
        return doc.document, (f"The local model (cadjson adapter) wrote the CAD JSON for these steps (schema-"
                              f"constrained, validated, try {doc.tries} of {tries}; {doc.tokens} tokens in "
                              f"{doc.seconds:.0f} s)."), doc.tries
    return None, ("The local model's CAD JSON did not validate: "
                  + "; ".join(doc.problems[:3] or ["no JSON document"])), doc.tries


def _json_in(text: str):
    import re

    from cadagent.tools.cadjson.validate import load_text

    fenced = re.findall(r"```(?:json)?\s*\n(.*?)```", text or "", re.S)
    body = max(fenced, key=len) if fenced else (text or "")[(text or "").find("{"):(text or "").rfind("}") + 1]
    return load_text(body or "null")


def ask_model(ask, text: str, tries: int = MODEL_TRIES) -> tuple[dict | None, str, int]:
    """A model's CAD JSON for the steps: (document or None, note, calls). ``ask(messages)`` returns the
    model's reply text. Each answer goes through the validator; its problems (path, what was expected,
    what was found, how to fix it) go back to the model on the next try."""
    from importlib import resources

    from cadagent.tools.cadjson.validate import validate

    system = resources.files("cadagent.agent").joinpath("prompts/cadjson.md").read_text(encoding="utf-8")
    messages: list = [("system", system), ("human", text)]
    problems: list = []
    for call in range(1, tries + 1):
        answer = ask(messages)
        obj, problems = _json_in(answer)
        if obj is not None:
            doc, problems = validate(obj)
            if doc is not None:
                return obj, f"The model wrote the CAD JSON for these steps (validated, try {call} of {tries}).", call
        errors = [str(p) for p in problems if p.severity == "error"] or ["no JSON document in the answer"]
        messages += [("ai", answer), ("human", "The CAD JSON is not valid. Fix every problem and answer with the "
                                               "whole corrected document only:\n" + "\n".join(f"- {e}" for e in errors[:20]))]
    errors = [str(p) for p in problems if p.severity == "error"][:3]
    return None, "The model's CAD JSON did not validate: " + "; ".join(errors or ["no JSON document"]), tries
