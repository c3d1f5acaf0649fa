"""Part specs: a feature-based part model, compiled to readable CadQuery and checked feature by
feature.

    from cadagent.tools.part import build, parse
    spec = parse({"body": {"kind": "box", "length": 80, "width": 50, "height": 6},
                  "features": [{"id": "holes", "kind": "hole", "size": "M5 clearance",
                                "at": {"kind": "corners", "inset": 8}}]})
    part = build(spec, sandbox, "out/plate")      # script, STEP/STL/GLB, measured features, check

Names are imported on first use, so that the sandbox's worker can import ``tools.part.measure``
(the only module here that touches the CAD kernel) without pydantic and the rest.
"""

from importlib import import_module

_NAMES = {"PartBuild": "pipeline", "build": "pipeline", "measure_file": "pipeline", "CheckProblem": "compare",
          "check": "compare", "Compiled": "compiler", "compile_spec": "compiler", "expectations": "expect",
          "SCHEMA_VERSION": "spec", "PartSpec": "spec", "part_schema": "spec", "Problem": "validation",
          "SpecError": "validation", "load": "validation", "parse": "validation", "validate": "validation",
          "spec_volume": "volume"}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
