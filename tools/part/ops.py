"""Spec operations: pure functions from a spec to a new spec, each one validated (a result that
is not a valid spec raises :class:`SpecError` with every problem and its JSON path; an operation
that does not make sense raises :class:`OpError` saying why and what to do instead).

A parameter is addressed as ``<id>.<field>[.<field>...]``: ``plate.length``, ``holes.size``,
``holes.at.inset``, ``holes.cbore.depth``, ``bar.height`` (a body inside a compound)."""

from __future__ import annotations

import copy

from .validation import SpecError, parse

COUNTED = {"linear": "count", "bolt_circle": "count"}


class OpError(ValueError):
    """The operation cannot apply to this spec (message says why and what to do)."""


def _data(spec) -> dict:
    return copy.deepcopy(spec.model_dump(mode="json", exclude_none=True)) if hasattr(spec, "model_dump") else \
        copy.deepcopy(spec)


def _owners(data: dict) -> dict[str, dict]:
    """id → the dict of the body or feature that carries it."""
    out = {data["body"].get("id", "body"): data["body"]}
    for pl in data["body"].get("bodies", []):
        out[pl["body"].get("id", "body")] = pl["body"]
    for f in data.get("features", []):
        out[f["id"]] = f
    return out


def _locate(data: dict, path: str) -> tuple[dict, str]:
    fid, _, rest = path.partition(".")
    owners = _owners(data)
    if fid not in owners:
        raise OpError(f"no body or feature with id {fid!r}; ids: {', '.join(owners)}")
    if not rest:
        raise OpError(f"{path!r} names a whole {owners[fid].get('kind')}; add a field, e.g. {fid}.{_first(owners[fid])}")
    obj, keys = owners[fid], rest.split(".")
    for k in keys[:-1]:
        if not isinstance(obj.get(k), dict):
            raise OpError(f"{path!r}: {k!r} is not a group of fields here")
        obj = obj[k]
    return obj, keys[-1]


def _first(obj: dict) -> str:
    return next((k for k, v in obj.items() if isinstance(v, (int, float)) and not isinstance(v, bool)), "id")


def set_parameter(spec, path: str, value):
    """``path`` set to ``value``; the rest unchanged."""
    return set_parameters(spec, {path: value})


def set_parameters(spec, values: dict):
    """Every ``path`` set to its value at once, checked once (sizes that must change together: a Z's top flange and
    its width)."""
    data = _data(spec)
    for path, value in values.items():
        obj, key = _locate(data, path)
        obj[key] = value
    return parse(data)


def scale_parameter(spec, path: str, factor: float):
    """``path`` multiplied by ``factor`` (a number, or every number of a point / list)."""
    data = _data(spec)
    obj, key = _locate(data, path)
    if key not in obj:
        raise OpError(f"{path!r} is not set in this spec, so it cannot be scaled; set it instead")
    obj[key] = _scaled(obj[key], factor, path)
    return parse(data)


def _scaled(v, k, path):
    if isinstance(v, bool) or isinstance(v, str):
        raise OpError(f"{path!r} is {v!r}, not a number; set it instead")
    if isinstance(v, (int, float)):
        return v * k
    if isinstance(v, list):
        return [_scaled(x, k, path) for x in v]
    raise OpError(f"{path!r} is a group of fields; scale one of them")


def add_feature(spec, feature: dict, after: str | None = None):
    """Append ``feature`` (or put it right after the feature ``after``)."""
    data = _data(spec)
    feats = data.setdefault("features", [])
    if after is None:
        feats.append(copy.deepcopy(feature))
    else:
        ids = [f["id"] for f in feats]
        if after not in ids:
            raise OpError(f"no feature {after!r} to add after; features: {', '.join(ids) or 'none'}")
        feats.insert(ids.index(after) + 1, copy.deepcopy(feature))
    return parse(data)


def remove_feature(spec, fid: str):
    data = _data(spec)
    feats = data.get("features", [])
    ids = [f["id"] for f in feats]
    if fid not in ids:
        raise OpError(f"no feature {fid!r}; features: {', '.join(ids) or 'none'}")
    users = [f["id"] for f in feats if f.get("feature") == fid]
    if users:
        raise OpError(f"{', '.join(users)} copies {fid!r}; remove {' and '.join(users)} first")
    data["features"] = [f for f in feats if f["id"] != fid]
    return parse(data)


def replace_feature(spec, fid: str, feature: dict):
    """``fid`` replaced by ``feature`` in the same place (it keeps the id ``fid`` unless it gives one)."""
    data = _data(spec)
    feats = data.get("features", [])
    ids = [f["id"] for f in feats]
    if fid not in ids:
        raise OpError(f"no feature {fid!r}; features: {', '.join(ids) or 'none'}")
    feats[ids.index(fid)] = {"id": fid, **copy.deepcopy(feature)}
    return parse(data)


def set_count(spec, fid: str, count: int):
    """How many: a pattern's count, or the count of a linear / bolt-circle placement."""
    data = _data(spec)
    f = next((f for f in data.get("features", []) if f["id"] == fid), None)
    if f is None:
        raise OpError(f"no feature {fid!r}")
    if f["kind"] in ("linear_pattern", "polar_pattern"):
        f["count"] = count
    elif isinstance(f.get("at"), dict) and f["at"].get("kind") in COUNTED:
        f["at"]["count"] = count
    else:
        where = f.get("at", {}).get("kind", "no placement")
        raise OpError(f"{fid!r} is placed by {where!r}, which has no count; give it a linear or bolt_circle "
                      "placement (or a pattern) to set how many")
    return parse(data)


def parameters(spec) -> list[tuple[str, float]]:
    """Every number in the spec by its address (for a parameter card): [("plate.length", 80.0), ...]."""
    data = _data(spec)
    out: list[tuple[str, float]] = []

    def walk(prefix, obj):
        for k, v in obj.items():
            if k in ("kind", "id", "bodies", "document"):
                continue
            if isinstance(v, bool):
                continue
            if isinstance(v, (int, float)):
                out.append((f"{prefix}.{k}", v))
            elif isinstance(v, dict):
                walk(f"{prefix}.{k}", v)

    for oid, obj in _owners(data).items():
        walk(oid, obj)
    return out


__all__ = ["OpError", "SpecError", "add_feature", "parameters", "remove_feature", "replace_feature",
           "scale_parameter", "set_count", "set_parameter"]
