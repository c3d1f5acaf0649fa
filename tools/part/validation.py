"""Parse and validate a part spec: every problem at once, each with its JSON path (the
``tools.cadjson`` Problem: path, message, expected, found, hint)."""

from __future__ import annotations

import json

from pydantic import ValidationError

from cadagent.tools.cadjson.validate import Problem, ProblemsError

from .spec import SCHEMA_VERSION, PartSpec

__all__ = ["Problem", "SpecError", "parse", "validate", "load"]


class SpecError(ProblemsError):
    """The spec has errors; ``problems`` lists them all."""

    subject = "the part spec"


def json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}" if str(p).isidentifier() else f"[{json.dumps(p)}]"
    return out


def _data_path(obj, loc) -> tuple[list, object]:
    """Pydantic's loc names union members ('box', 'Datum', 'literal[...]'); keep only real keys."""
    path, cur = [], obj
    for part in loc:
        if isinstance(cur, list) and isinstance(part, int) and part < len(cur):
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and part in cur:
            path.append(part)
            cur = cur[part]
    return path, cur


def _short(value, limit=60) -> str:
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _problem(obj, err) -> Problem:
    path, cur = _data_path(obj, err["loc"])
    kind, msg, ctx = err["type"], err["msg"], err.get("ctx") or {}
    where = json_path(path)
    if kind == "extra_forbidden":
        return Problem(json_path([*path, err["loc"][-1]]) if path[-1:] != [err["loc"][-1]] else where,
                       f"unknown field {err['loc'][-1]!r}", "only the fields this kind defines",
                       _short(err["input"]), "check the spelling; `cadagent part schema` lists every field")
    if kind == "missing":
        return Problem(json_path([*path, err["loc"][-1]]), f"missing required field {err['loc'][-1]!r}",
                       "a value", "nothing", f"add {err['loc'][-1]!r}")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tags = ctx.get("expected_tags", "")
        return Problem(json_path([*path, "kind"]) if isinstance(cur, dict) else where,
                       "unknown or missing kind", f"one of {tags}",
                       _short(cur.get("kind") if isinstance(cur, dict) else cur), "set kind to one of those")
    expected = msg.removeprefix("Input should be ").removeprefix("Value should be ")
    return Problem(where, msg, expected, _short(err.get("input")), "")


def validate(obj) -> tuple[PartSpec | None, list[Problem]]:
    """dict → (spec, problems). The spec is None when there is any error."""
    from .rules import check_spec

    if not isinstance(obj, dict):
        return None, [Problem("$", "a part spec is a JSON object", "an object with body and features",
                              type(obj).__name__)]
    version = obj.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        return None, [Problem("$.schema_version", f"unsupported schema version {version!r}",
                              SCHEMA_VERSION, _short(version), "upgrade the spec or the program")]
    try:
        spec = PartSpec.model_validate(obj)
    except ValidationError as exc:
        seen, problems = set(), []
        for err in exc.errors():
            p = _problem(obj, err)
            if (p.path, p.message) not in seen:
                seen.add((p.path, p.message))
                problems.append(p)
        return None, problems
    problems = check_spec(spec)
    errors = [p for p in problems if p.severity == "error"]
    return (None if errors else spec), problems


def parse(obj) -> PartSpec:
    """dict / PartSpec → PartSpec, or raise :class:`SpecError` with every problem."""
    if isinstance(obj, PartSpec):
        obj = obj.model_dump(mode="json")
    spec, problems = validate(obj)
    if spec is None:
        raise SpecError(problems)
    return spec


def load(text: str | bytes) -> tuple[PartSpec | None, list[Problem]]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem("$", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                              "a JSON object", "", "fix the JSON syntax")]
    return validate(obj)
