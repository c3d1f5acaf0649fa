"""The part spec: a versioned base body plus ordered features. ``part_schema()`` is the exported
JSON Schema; lengths are always millimetres and ``units`` records the unit the user spoke in."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .bodies import Body, Strict
from .features import Feature

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://cadagent.local/schemas/part-spec-1.0.json"


class PartSpec(Strict):
    """A part: a base body and features applied in order. Every body and feature has a stable id."""
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    name: Optional[str] = Field(None, max_length=80)
    units: Literal["mm", "cm", "m", "in"] = Field(
        "mm", description="the unit the user spoke in; every length in the spec is in mm")
    body: Body
    features: list[Feature] = Field(default_factory=list, max_length=100)

    def feature(self, fid: str):
        for f in self.features:
            if f.id == fid:
                return f
        raise KeyError(fid)


def part_schema() -> dict:
    schema = PartSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"CadAgent part spec {SCHEMA_VERSION}"
    return schema
