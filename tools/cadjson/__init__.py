"""CAD JSON: schema + semantic validation, DeepCAD / Fusion 360 import, compiler, explainer.

    from cadagent.tools.cadjson import load_document, build
    doc, problems, fmt = load_document(path)
    script, result = build(doc, sandbox, out_dir)
"""

from __future__ import annotations

from pathlib import Path

from .compiler import compile_doc
from .convert import detect_format, to_minimal
from .model import CadDoc
from .validate import CadJsonError, Problem, load_text, parse, validate

__all__ = ["CadDoc", "CadJsonError", "Problem", "build", "compile_doc", "detect_format",
           "load_document", "to_minimal", "validate", "parse"]


def load_document(source, units: str | None = None,
                  symmetric: str = "each") -> tuple[CadDoc | None, list[Problem], str | None]:
    """Read a CAD JSON file / text / dict in any supported format → (typed doc, problems, format).

    DeepCAD and Fusion 360 documents are converted to the minimal format (millimetres)
    first; ``units`` overrides their source unit, ``symmetric`` how their symmetric extents are
    read (``each`` side, or ``split`` over both as Text2CAD's annotations do)."""
    if isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith(("{", "["))):
        path = Path(source)
        try:
            text = path.read_bytes()
        except OSError as exc:
            return None, [Problem("$", f"cannot read {path}: {exc.strerror}", "a readable JSON file")], None
        obj, problems = load_text(text)
    elif isinstance(source, (str, bytes)):
        obj, problems = load_text(source)
    else:
        obj, problems = source, []
    if obj is None:
        return None, problems, None
    fmt = detect_format(obj)
    if fmt in ("deepcad", "fusion360"):
        obj, conv_problems = to_minimal(obj, units, symmetric=symmetric)
        problems += conv_problems
        if obj is None:
            return None, problems, fmt
    elif fmt is None:
        problems.append(Problem("$", "not a CAD JSON document",
                                "a top-level 'parts' (minimal format) or 'entities' + 'sequence' (DeepCAD / "
                                "Fusion 360)", type(obj).__name__ if not isinstance(obj, dict)
                                else ", ".join(list(obj)[:6]) or "{}",
                                "export the sketch-and-extrude sequence as JSON"))
        return None, problems, None
    doc, more = validate(obj)
    return doc, problems + more, fmt


def build(doc: CadDoc, sandbox, out_dir=None, *, exports=("step", "stl", "glb"), stem: str = "part",
          apply_sketch_scale: bool = False, timeout: float | None = None):
    """Compile and run in the sandbox → (script, ExecResult)."""
    script = compile_doc(doc, apply_sketch_scale=apply_sketch_scale)
    return script, sandbox.run_script(script, out_dir, exports=exports, stem=stem, timeout=timeout)
