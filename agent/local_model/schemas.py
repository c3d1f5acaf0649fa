"""The JSON Schemas the local model writes under: each one is cut down from a project schema (the
part spec's, the CAD JSON's), never written again by hand, so whatever the model writes under it
also validates against the full schema.

The spec target keeps the bodies, features and placements a 270M model can learn from the training
phrasings (``SPEC_TARGET``); names, ``schema_version`` and ``units`` go (code sets those), and so do the
counterbores and countersinks that their dropped definitions leave empty. Tuples (two lengths, two
counts) are written as ``items`` with a length: lm-format-enforcer ignores ``prefixItems``."""

from __future__ import annotations

import copy
from functools import lru_cache

SPEC_TARGET = {
    "bodies": ["Box", "Cylinder", "Tube", "Cone", "Sphere", "PolygonPrism", "RoundedRect"],
    "features": ["Hole", "Pocket", "Slot", "Boss", "Fillet", "Chamfer"],
    "placements": ["Center", "Corners", "Linear", "Grid", "BoltCircle"],
    "dropped": ["Datum", "Counterbore", "Countersink"],
    # feature ids the model may use: one per kind, and a second of a kind
    "ids": ["hole", "holes", "hole_2", "holes_2", "pocket", "pocket_2", "slot", "boss", "fillet", "fillet_2",
            "chamfer", "chamfer_2"],
    "max_features": 4,          # the training targets have at most 2; a bound keeps every output short
    "drop_properties": ["name", "schema_version", "units", "cbore", "csink", "of"],
    # value rules the constraint keeps across fields: this name's value stays under that one's
    "below": {"inner_diameter": "outer_diameter"},
}


def prune(schema: dict, keep: set[str], drop_properties: set[str]) -> dict:
    """``schema`` with only the ``$defs`` in ``keep``: unions lose their other branches, objects
    lose ``drop_properties``, unreachable definitions go."""
    schema = copy.deepcopy(schema)

    def ref_ok(node) -> bool:
        ref = node.get("$ref", "") if isinstance(node, dict) else ""
        return not ref.startswith("#/$defs/") or ref.split("/")[-1] in keep

    def walk(node):
        if isinstance(node, dict):
            for key in ("oneOf", "anyOf"):
                if key in node:
                    node[key] = [walk(n) for n in node[key] if ref_ok(n)]
                    if len(node[key]) == 1:
                        only = node.pop(key)[0]
                        node.update(only)
            if "oneOf" in node:     # the branches are told apart by their kind const: anyOf is the same
                node["anyOf"] = node.pop("oneOf")
            node.pop("discriminator", None)
            if "prefixItems" in node:   # our tuples are homogeneous (two lengths, two counts): items says it
                node["items"] = node.pop("prefixItems")[0]
            if "properties" in node:
                for name in drop_properties:
                    node["properties"].pop(name, None)
                if "required" in node:
                    node["required"] = [r for r in node["required"] if r not in drop_properties]
            for k, v in list(node.items()):
                if k not in ("oneOf", "anyOf"):
                    node[k] = walk(v)
            return node
        if isinstance(node, list):
            return [walk(n) for n in node]
        return node

    defs = {k: v for k, v in schema.pop("$defs", {}).items() if k in keep}
    schema = walk(schema)
    defs = {k: walk(v) for k, v in defs.items()}
    # only what is reachable from the root
    reach, todo = set(), [schema]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.split("/")[-1]
                if name not in reach and name in defs:
                    reach.add(name)
                    todo.append(defs[name])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    schema["$defs"] = {k: v for k, v in defs.items() if k in reach}
    return schema


def _union_names(annotated) -> set[str]:
    """Class names of a pydantic discriminated union (``Annotated[Union[...], Field(...)]``)."""
    from typing import get_args

    return {c.__name__ for c in get_args(get_args(annotated)[0])}


@lru_cache(maxsize=None)
def _spec_schema_frozen() -> str:
    import json

    from cadagent.tools.part.bodies import Body
    from cadagent.tools.part.features import Feature, Placement
    from cadagent.tools.part.spec import part_schema

    full = part_schema()
    dropped = set(SPEC_TARGET["dropped"])
    for union, group in ((Body, "bodies"), (Feature, "features"), (Placement, "placements")):
        dropped |= _union_names(union) - set(SPEC_TARGET[group])
    out = prune(full, set(full["$defs"]) - dropped, set(SPEC_TARGET["drop_properties"]))
    _closed_strings(out)
    out["properties"]["features"]["maxItems"] = SPEC_TARGET["max_features"]
    out["title"] = "CadAgent part spec (local model target)"
    out.pop("$id", None)
    return json.dumps(out, sort_keys=True)


def hole_sizes() -> list[str]:
    """Every "M5 clearance" / "M5 tapped" size the tables know (the target's only hole-size strings)."""
    from cadagent.tools.part.tables import FITS, threads

    return [f"{t} {kind}" for t in threads() for kind in ("clearance", "tapped")] + \
        [f"{t} clearance {fit}" for t in threads() for fit in FITS if fit != "normal"]


def _closed_strings(schema: dict) -> None:
    """Free strings become enums: feature ids come from ``SPEC_TARGET["ids"]``, hole sizes from the
    tables, and the body's id goes (its default is kept). A free string costs the enforcer a walk of
    the whole vocabulary per token (seconds on a 262k vocabulary); an enum costs nothing."""
    ids = SPEC_TARGET["ids"]
    for name, node in schema["$defs"].items():
        props = node.get("properties", {})
        if name in SPEC_TARGET["bodies"]:
            props.pop("id", None)
            for key in ("size",):          # standard washer / nut: the thread size
                if key in props:
                    props[key] = {"anyOf": [{"enum": [t for t in _threads()]}, {"type": "null"}], "default": None}
        elif "id" in props:
            props["id"] = {"enum": ids, "title": "Id", "description": props["id"].get("description", "")}
        if name == "Hole":
            props["size"] = {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 100000},
                                       {"enum": hole_sizes()}], "title": "Size"}


def _threads() -> list[str]:
    from cadagent.tools.part.tables import threads

    return threads()


def spec_schema() -> dict:
    """The spec target's JSON Schema (a fresh copy)."""
    import json

    return json.loads(_spec_schema_frozen())


# The CAD JSON target: the project's CAD JSON schema (tools/cadjson/schema.json) with its open name
# patterns (part_N, face_N, loop_N, line_N …) closed to numbered properties a short document uses.
# lm-format-enforcer follows ``properties`` but not ``patternProperties`` / ``propertyNames``, and a
# closed schema keeps the vocabulary projection sound. Whatever it allows validates against the full
# schema; the CAD JSON validator (loops closed, sizes sane) still runs after it.
CADJSON_TARGET = {"parts": 4, "faces": 2, "loops": 6, "line": 12, "arc": 6, "circle": 4}


def _numbered(prefix: str, count: int, ref: str) -> dict:
    return {f"{prefix}_{i}": {"$ref": ref} for i in range(1, count + 1)}


@lru_cache(maxsize=None)
def _cadjson_schema_frozen() -> str:
    import json

    from cadagent.tools.cadjson.validate import schema as full_schema

    s = copy.deepcopy(full_schema())
    t = CADJSON_TARGET
    defs = s["$defs"]
    for name in ("description", "final_name", "final_shape", "source"):
        s["properties"].pop(name, None)
    s["required"] = ["units", "parts"]
    s["properties"]["parts"] = {"type": "object", "properties": _numbered("part", t["parts"], "#/$defs/part"),
                                "required": ["part_1"], "additionalProperties": False}
    defs["part"]["properties"].pop("description", None)
    defs["sketch"] = {"type": "object", "properties": _numbered("face", t["faces"], "#/$defs/face"),
                      "required": ["face_1"], "additionalProperties": False}
    defs["face"] = {"type": "object", "properties": _numbered("loop", t["loops"], "#/$defs/loop"),
                    "required": ["loop_1"], "additionalProperties": False}
    curves = {}
    for kind in ("line", "arc", "circle"):
        curves.update(_numbered(kind, t[kind], f"#/$defs/{kind}"))
    defs["loop"] = {"type": "object", "properties": curves, "minProperties": 1, "additionalProperties": False}
    defs["extrusion"]["required"] = ["extrude_depth_towards_normal", "extrude_depth_opposite_normal",
                                     "sketch_scale", "operation"]
    s["title"] = "CAD JSON (local model target)"
    s.pop("$id", None)
    s.pop("description", None)
    return json.dumps(s, sort_keys=True)


def cadjson_schema() -> dict:
    """The CAD JSON target's JSON Schema (a fresh copy)."""
    import json

    return json.loads(_cadjson_schema_frozen())


def spec_bounds() -> dict:
    """The spec target's value rules for the constrained decoder (sizes > 0, counts ≥ 1, bore < outside)."""
    from .constrain import numeric_bounds

    return numeric_bounds(spec_schema(), SPEC_TARGET["below"])
