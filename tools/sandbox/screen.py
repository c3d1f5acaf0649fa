"""Static screening of untrusted CadQuery scripts, before anything runs.

Two passes, all problems reported at once:
1. RestrictedPython's compiler (``compile_restricted_exec``): refuses names and attributes
   that start with ``_`` (``().__class__``, ``__subclasses__``, ``__globals__``) and the
   introspection attributes of frames / generators / code objects.
2. Our own AST pass: imports outside the allow-list, calls of dangerous builtins
   (``open``, ``exec``, ``eval``, ``compile``, ``getattr``…) and attribute names that reach
   files, processes or other modules (``exporters``, ``os``, ``system``, ``load``…).

The same lists are enforced again at run time by :mod:`tools.sandbox.guards`, so that
attribute access computed at run time cannot get around this pass.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from RestrictedPython import compile_restricted_exec

# Top-level modules a script may import (and their submodules where noted). Not ``copy``
# (``copy.dispatch_table`` / ``__reduce__`` call any callable with chosen arguments), ``enum``
# or ``dataclasses`` (class namespaces built from dicts): CAD scripts do not need them.
ALLOWED_MODULES = frozenset({
    "cadquery", "math", "cmath", "numpy", "itertools", "functools", "collections",
    "random", "statistics", "typing", "decimal", "fractions",
})
# Submodules that may be imported or reached as attributes (all others of allowed packages
# are refused: e.g. ``cadquery.occ_impl.exporters`` writes files, ``numpy.ctypeslib``
# reaches C).
ALLOWED_SUBMODULES = frozenset({
    "cadquery.selectors", "cadquery.occ_impl", "cadquery.occ_impl.geom",
    "cadquery.occ_impl.shapes", "cadquery.occ_impl.sketch", "cadquery.sketch",
    "cadquery.occ_impl.assembly", "cadquery.assembly", "cadquery.cq", "cadquery.func",
    "numpy.linalg", "numpy.random", "collections.abc",
})

# Builtins a script may not call (not present at run time either).
FORBIDDEN_NAMES = frozenset({
    "open", "exec", "eval", "compile", "__import__", "globals", "locals", "vars", "dir",
    "getattr", "setattr", "delattr", "input", "breakpoint", "help", "memoryview", "exit",
    "quit", "type", "object",
})

# Attribute names refused on any object, with the reason shown to the user / model.
_FILES = "scripts may not read or write files: the sandbox exports the result itself"
FORBIDDEN_ATTRIBUTES: dict[str, str] = {
    **{name: _FILES for name in (
        "exporters", "importers", "export", "exportStep", "exportStl", "exportBrep",
        "exportBin", "exportSvg", "exportDXF", "exportVRML", "exportVTP", "exportGltf",
        "importStep", "importBrep", "importStl", "importDXF", "importBin", "load", "loads",
        "save", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt", "fromfile",
        "tofile", "memmap", "DataSource", "fromregex", "dump", "dumps", "open")},
    **{name: "scripts may not reach the operating system" for name in (
        "os", "sys", "subprocess", "system", "popen", "spawn", "fork", "ctypes", "ctypeslib",
        "importlib", "builtins", "socket", "shutil", "pathlib", "environ", "testing", "f2py",
        "distutils", "lib", "show_config", "show_runtime", "info", "setuptools")},
    **{name: "this API evaluates strings or builds classes from dicts, which scripts may not do"
       for name in ("get_type_hints", "ForwardRef", "get_annotations", "singledispatch",
                    "singledispatchmethod", "register", "make_dataclass", "dispatch_table",
                    "evaluate", "eval_type", "TypeAliasType", "SimpleNamespace")},
    "format": "str.format can reach object internals; use an f-string instead",
    "format_map": "str.format_map can reach object internals; use an f-string instead",
    **{name: "introspection is not allowed in scripts" for name in (
        "mro", "gi_frame", "gi_code", "f_globals", "f_locals",
        "f_builtins", "f_back", "f_code", "tb_frame", "tb_next", "cr_frame", "ag_frame",
        "co_code", "func_globals", "with_traceback")},
}


_DUNDER = re.compile(r"^__\w+__$")


@dataclass(frozen=True)
class Refusal:
    """One reason the screen refused a script."""

    line: int | None
    what: str
    why: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.what}: {self.why}"


def module_allowed(name: str) -> bool:
    return name in ALLOWED_MODULES or name in ALLOWED_SUBMODULES


class _Checker(ast.NodeVisitor):
    def __init__(self) -> None:
        self.refusals: list[Refusal] = []

    def _refuse(self, node: ast.AST, what: str, why: str) -> None:
        self.refusals.append(Refusal(getattr(node, "lineno", None), what, why))

    def _check_module(self, node: ast.AST, name: str) -> None:
        if not module_allowed(name):
            allowed = ", ".join(sorted(ALLOWED_MODULES))
            self._refuse(node, f"import {name}",
                         f"module '{name}' is not allowed in scripts (allowed: {allowed})")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self._refuse(node, "relative import", "scripts are single files; import cadquery as cq")
            return
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            full = f"{module}.{alias.name}"
            if alias.name == "*":
                continue
            if full.count(".") and (full in ALLOWED_SUBMODULES or module_allowed(full)):
                continue
            if alias.name in FORBIDDEN_ATTRIBUTES:
                self._refuse(node, f"from {module} import {alias.name}",
                             FORBIDDEN_ATTRIBUTES[alias.name])

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in FORBIDDEN_NAMES:
            self._refuse(node, f"'{node.id}'", f"the builtin '{node.id}' is not available in scripts")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        reason = FORBIDDEN_ATTRIBUTES.get(node.attr)
        if reason:
            self._refuse(node, f"attribute '.{node.attr}'", reason)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        # dunder names as dict keys, namespace keys or keyword names reach object internals
        if isinstance(node.value, str) and _DUNDER.match(node.value) and node.value != "__main__":
            self._refuse(node, f"the string {node.value!r}", "dunder names may not appear in scripts, "
                         "not even as strings (dict keys, namespaces, keyword names)")

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg and node.arg.startswith("_"):
            self._refuse(node, f"keyword '{node.arg}='", "keyword names starting with '_' are private")
        self.generic_visit(node)

    def _annotation(self, node: ast.AST | None) -> None:
        if node is None:
            return
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                self._refuse(sub, "a string annotation",
                             "string annotations are evaluated later by typing / functools; write "
                             "the type itself (x: float) or leave the annotation out")
                return

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._annotation(node.annotation)
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        self._annotation(node.annotation)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._annotation(node.returns)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef


@dataclass
class ScreenResult:
    """The screen's verdict: a compiled code object, or the refusals / the syntax error."""

    code: object | None
    refusals: list[Refusal]
    syntax_error: tuple[int | None, str] | None = None

    @property
    def ok(self) -> bool:
        return self.code is not None


def _rp_line(message: str) -> int | None:
    # RestrictedPython reports "Line N: ..."
    if message.startswith("Line "):
        head = message[5:].split(":", 1)[0]
        if head.isdigit():
            return int(head)
    return None


def screen(source: str, filename: str = "<script>") -> ScreenResult:
    """Parse, check and compile ``source``; never raises for bad input."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return ScreenResult(None, [], (exc.lineno, exc.msg))
    except (ValueError, RecursionError, MemoryError) as exc:  # NUL bytes, absurd nesting
        return ScreenResult(None, [], (None, f"cannot parse the script: {exc}"))
    checker = _Checker()
    checker.visit(tree)
    refusals = list(checker.refusals)
    try:
        compiled = compile_restricted_exec(source, filename=filename)
    except (RecursionError, MemoryError) as exc:
        return ScreenResult(None, refusals, (None, f"cannot compile the script: {exc}"))
    ours = {r.line for r in refusals}
    for message in compiled.errors:
        line = _rp_line(message)
        text = message.split(": ", 1)[1] if line is not None else message
        if "SyntaxError" in text:
            return ScreenResult(None, [], (line, text))
        if line in ours and text.endswith("calls are not allowed."):
            continue  # the same exec/eval call, already explained by our pass
        refusals.append(Refusal(line, "restricted", text))
    refusals.sort(key=lambda r: (r.line or 0, r.what))
    if refusals:
        return ScreenResult(None, _dedupe(refusals))
    return ScreenResult(compiled.code, [])


def _dedupe(refusals: list[Refusal]) -> list[Refusal]:
    seen, out = set(), []
    for r in refusals:
        if (r.line, r.what, r.why) not in seen:
            seen.add((r.line, r.what, r.why))
            out.append(r)
    return out
