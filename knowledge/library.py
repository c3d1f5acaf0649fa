"""The knowledge library as data: example scripts, doc notes and error → fix entries.

Example scripts (``knowledge/examples/<family>/<id>.py`` and the user's folder) start with
a docstring holding a YAML header::

    id: plate-four-holes          # unique, [a-z0-9-]
    title: Rectangular plate with four corner holes
    description: One or two sentences a designer would search for.
    family: plates
    tags: [plate, mounting, holes]
    parameters:                   # each one a top-level `name = number` in the script
      length: {default: 60, unit: mm, meaning: size along X}
    bbox: [60, 40, 5]             # expected size in mm (x, y, z) with the defaults

Doc notes are Markdown files split at ``## `` headings; error fixes are YAML entries.
"""

from __future__ import annotations

import ast
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
EXAMPLES_DIR = ROOT / "examples"
DOCS_DIR = ROOT / "docs"
KINDS = ("example", "doc", "error_fix")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
_REQUIRED = ("id", "title", "description", "family", "tags", "parameters", "bbox")


@dataclass
class Entry:
    """One retrievable item. ``text`` is what gets embedded and keyword-indexed."""

    id: str
    kind: str
    title: str
    text: str
    body: str
    family: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""
    origin: str = "builtin"       # builtin | user
    meta: dict = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return hashlib.sha256(f"{self.kind}\n{self.text}\n{self.body}".encode()).hexdigest()[:16]


@dataclass
class LibraryProblem:
    source: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message} — {self.fix}"


class HeaderError(ValueError):
    pass


def _top_level_numbers(tree: ast.Module) -> dict[str, float]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
            value = node.value
            names = []
            for t in targets:
                if isinstance(t, ast.Name):
                    names.append((t.id, value))
                elif isinstance(t, ast.Tuple) and isinstance(value, ast.Tuple) and len(t.elts) == len(value.elts):
                    names += [(e.id, v) for e, v in zip(t.elts, value.elts) if isinstance(e, ast.Name)]
            for name, v in names:
                try:
                    num = ast.literal_eval(v)
                except ValueError:
                    continue
                if isinstance(num, (int, float)) and not isinstance(num, bool):
                    out[name] = num
    return out


def parse_example(path: Path, origin: str = "builtin") -> Entry:
    """Read one example script; :class:`HeaderError` says exactly what is wrong."""
    code = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise HeaderError(f"the script does not parse (line {exc.lineno}: {exc.msg})") from exc
    doc = ast.get_docstring(tree)
    if not doc:
        raise HeaderError("no header: the script must start with a docstring holding the YAML header")
    try:
        head = yaml.safe_load(doc)
    except yaml.YAMLError as exc:
        raise HeaderError(f"the header is not valid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(head, dict):
        raise HeaderError("the header must be a YAML mapping (id:, title:, ...)")
    missing = [k for k in _REQUIRED if k not in head]
    if missing:
        raise HeaderError(f"the header lacks {', '.join(missing)}")
    if not isinstance(head["id"], str) or not _ID.match(head["id"]):
        raise HeaderError(f"id {head['id']!r} must be lowercase letters, digits and dashes")
    if not isinstance(head["tags"], list) or not all(isinstance(t, str) for t in head["tags"]):
        raise HeaderError("tags must be a list of words")
    bbox = head["bbox"]
    if not (isinstance(bbox, list) and len(bbox) == 3 and all(isinstance(v, (int, float)) and v > 0 for v in bbox)):
        raise HeaderError(f"bbox must be three positive sizes in mm [x, y, z], found {bbox!r}")
    params = head["parameters"] or {}
    if not isinstance(params, dict):
        raise HeaderError("parameters must be a mapping name: {default, unit, meaning}")
    numbers = _top_level_numbers(tree)
    for name, spec in params.items():
        if not isinstance(spec, dict) or not {"default", "unit", "meaning"} <= set(spec):
            raise HeaderError(f"parameter {name!r} needs default, unit and meaning")
        if name not in numbers:
            raise HeaderError(f"parameter {name!r} is not a top-level `{name} = <number>` in the script")
        if abs(float(numbers[name]) - float(spec["default"])) > 1e-9:
            raise HeaderError(f"parameter {name!r}: the header says {spec['default']}, the script {numbers[name]}")
    if "result" not in {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
                        if isinstance(t, ast.Name)}:
        raise HeaderError("the script never assigns `result`")
    param_text = "; ".join(f"{n}: {s['meaning']}" for n, s in params.items())
    text = (f"{head['title']}. {head['description']} Family: {head['family']}. "
            f"Tags: {', '.join(head['tags'])}. Parameters: {param_text}")
    return Entry(id=head["id"], kind="example", title=head["title"], text=text, body=code,
                 family=str(head["family"]), tags=list(head["tags"]), source=str(path), origin=origin,
                 meta={"parameters": params, "bbox": [float(v) for v in bbox],
                       "description": head["description"]})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def parse_doc_notes(path: Path) -> list[Entry]:
    """A Markdown file → one entry per ``## `` section (the ``# `` title is the family)."""
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M)
    topic = title.group(1).strip() if title else path.stem
    entries = []
    for chunk in re.split(r"^## ", text, flags=re.M)[1:]:
        heading, _, body = chunk.partition("\n")
        body = body.strip()
        tags = re.findall(r"`([^`]{1,40})`", heading + " " + body)[:12]
        entries.append(Entry(id=f"doc-{path.stem}-{_slug(heading)}", kind="doc", title=heading.strip(),
                             text=f"{heading.strip()}. {body}", body=f"## {heading.strip()}\n{body}",
                             family=topic, tags=tags, source=str(path)))
    return entries


def parse_error_fixes(path: Path) -> list[Entry]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    entries = []
    for item in items:
        body = f"Error: {item['error']}\nCause: {item['cause']}\nFix: {item['fix']}"
        entries.append(Entry(id=f"fix-{item['id']}", kind="error_fix", title=item["error"], text=body,
                             body=body, family="errors", tags=list(item.get("tags", [])), source=str(path),
                             meta={"pattern": item.get("pattern", "")}))
    return entries


def load_library(user_dir: Path | None = None) -> tuple[list[Entry], list[LibraryProblem]]:
    """Everything retrievable: our examples, doc notes and fixes, then the user's examples.

    A broken or duplicate example is reported and skipped, never fatal."""
    entries: list[Entry] = []
    problems: list[LibraryProblem] = []
    seen: dict[str, str] = {}

    def add_example(path: Path, origin: str) -> None:
        try:
            entry = parse_example(path, origin)
        except (HeaderError, OSError, UnicodeDecodeError) as exc:
            problems.append(LibraryProblem(str(path), str(exc), "fix the header (see knowledge/library.py) "
                                           "and run `cadagent kb build` again; the example was skipped"))
            return
        if entry.id in seen:
            problems.append(LibraryProblem(str(path), f"duplicate id {entry.id!r} (also in {seen[entry.id]})",
                                           "give the example a unique id; this copy was skipped"))
            return
        seen[entry.id] = str(path)
        entries.append(entry)

    for path in sorted(EXAMPLES_DIR.rglob("*.py")):
        add_example(path, "builtin")
    for path in sorted(DOCS_DIR.glob("*.md")):
        entries += parse_doc_notes(path)
    for path in sorted(DOCS_DIR.glob("*.yaml")):
        entries += parse_error_fixes(path)
    if user_dir is not None and Path(user_dir).is_dir():
        for path in sorted(Path(user_dir).rglob("*.py")):
            add_example(path, "user")
    return entries, problems
