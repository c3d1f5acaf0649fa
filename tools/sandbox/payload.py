"""What a job says, checked before the host believes any of it.

A job's answer is bytes on a pipe, written by a process that ran untrusted code (or, for
the measure stage, read an untrusted BREP). The host caps the size before parsing, parses
JSON, and validates it against ``payload.schema.json`` (unknown keys are rejected, every
string is length-capped). Paths never come from a payload: the host lists the job folder
itself (:mod:`tools.sandbox.jobdir`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from jsonschema import Draft202012Validator

MESSAGE_CAP = 4096  # characters of an error message kept (the rest is cut, and says so)


class BadPayload(ValueError):
    """A job's answer did not parse or did not match the schema (reported as 'internal')."""


def cap_text(text: str, cap: int = MESSAGE_CAP) -> str:
    """Cut ``text`` to ``cap`` characters, saying how much was cut."""
    if len(text) <= cap:
        return text
    note = f" … [{len(text) - cap + 64} more characters cut]"
    return text[: cap - 64] + note


@lru_cache(maxsize=1)
def _schema() -> dict:
    text = resources.files(__package__).joinpath("payload.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=4)
def _validator(stage: str) -> Draft202012Validator:
    schema = _schema()
    return Draft202012Validator({"$ref": f"#/$defs/{stage}", "$defs": schema["$defs"]})


def parse(data: bytes | str | dict, stage: str, max_bytes: int) -> dict:
    """Parse and validate one stage's payload (``script``, ``measure`` or ``call``)."""
    if isinstance(data, dict):
        doc = data
    else:
        if len(data) > max_bytes:
            raise BadPayload(f"the job's answer is {len(data)} bytes; the limit is {max_bytes}")
        try:
            doc = json.loads(data)
        except (ValueError, RecursionError) as exc:
            raise BadPayload(f"the job's answer is not JSON: {cap_text(str(exc), 200)}") from None
    error = next(iter(_validator(stage).iter_errors(doc)), None) if isinstance(doc, dict) else True
    if error is not None:
        where = "/".join(str(p) for p in getattr(error, "absolute_path", ())) or "(top)"
        what = cap_text(getattr(error, "message", "not an object"), 300)
        raise BadPayload(f"the job's {stage} answer was rejected at {where}: {what}")
    return doc
