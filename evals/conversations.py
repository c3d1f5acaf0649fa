"""Eval conversations: YAML files validated with a JSON Schema, errors named by file and line.

Everything is checked before anything runs: the schema (unknown keys, wrong types), unique ids,
and that every ``attach`` / ``iou.reference`` file exists (paths are relative to the YAML).
The ``text2cad`` suite is built from ``../shared/benchmarks/text2cad_random100`` (not shipped:
non-commercial data) with the DeepCAD JSON ground truths as IoU references.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from cadagent.tools.jsonl import iter_jsonl

TEXT2CAD_LEVELS = ("abstract", "beginner", "intermediate", "expert", "description")
EXPERT_IOU_MIN = 0.9  # expert prompts are construction steps with every number (issue 16's target)


class ConversationError(ValueError):
    """A conversation file that cannot run, with where and what to fix."""


@dataclass
class Conversation:
    id: str
    category: str
    turns: list[dict]
    path: str                      # the YAML file (or the suite's source)
    base_dir: str                  # attach / reference paths are relative to this
    description: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "category": self.category, "turns": self.turns, "path": self.path,
                "base_dir": self.base_dir, "description": self.description}

    @classmethod
    def from_dict(cls, d: dict) -> Conversation:
        return cls(d["id"], d["category"], d["turns"], d["path"], d["base_dir"], d.get("description", ""))

    def resolve(self, rel: str) -> Path:
        return (Path(self.base_dir) / rel).resolve()


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(resources.files("cadagent.evals").joinpath("conversation.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _line(node, path) -> int:
    """The 1-based line of the YAML node at a JSON path (the deepest node that exists)."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node.start_mark.line + 1


def _where(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top)"


def load_conversation(path: Path) -> Conversation:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConversationError(f"{path}: cannot read: {exc}") from exc
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConversationError(f"{path}{line}: malformed YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise ConversationError(f"{path}:1: a conversation is a mapping with `id` and `turns`")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = []
        for e in errors[:10]:
            where = list(e.absolute_path)
            message = e.message
            if e.validator == "additionalProperties":
                allowed = sorted(e.schema.get("properties", {}))
                message += f"; allowed: {', '.join(allowed)}"
            lines.append(f"{path}:{_line(node, where)}: {_where(where)}: {message}")
        raise ConversationError("\n".join(lines))
    conv = Conversation(id=data["id"], category=data.get("category", "uncategorized"), turns=data["turns"],
                        path=str(path), base_dir=str(path.parent.resolve()), description=data.get("description", ""))
    for i, turn in enumerate(conv.turns):
        refs = [("attach", turn.get("attach"))]
        refs.append(("expect.iou.reference", ((turn.get("expect") or {}).get("iou") or {}).get("reference")))
        for key, rel in refs:
            if rel and not conv.resolve(rel).is_file():
                where = ["turns", i] + key.split(".")
                raise ConversationError(f"{path}:{_line(node, where)}: turns[{i}].{key}: {rel} does not exist "
                                        f"(paths are relative to {path.parent})")
    return conv


def load_all(sources: list[Path | str], *, text2cad_level: str = "beginner") -> list[Conversation]:
    """Conversations from files, folders (every *.yaml / *.yml, sorted) and the text2cad suite
    (a folder holding ``prompts.jsonl`` + ``deepcad_cad_json/``). Ids must be unique."""
    convs: list[Conversation] = []
    for src in sources:
        src = Path(src)
        if src.is_dir() and (src / "prompts.jsonl").is_file():
            convs += text2cad_suite(src, text2cad_level)
        elif src.is_dir():
            files = sorted([*src.rglob("*.yaml"), *src.rglob("*.yml")])
            if not files:
                raise ConversationError(f"{src}: no *.yaml conversations in this folder")
            convs += [load_conversation(f) for f in files]
        elif src.is_file():
            convs.append(load_conversation(src))
        else:
            raise ConversationError(f"{src}: no such file or folder")
    seen: dict[str, str] = {}
    for c in convs:
        if c.id in seen:
            raise ConversationError(f"{c.path}: id {c.id!r} is also used by {seen[c.id]}; ids must be unique")
        seen[c.id] = c.path
    return convs


def select(convs: list[Conversation], *, filter: str | None = None, category: str | None = None,
           limit: int | None = None, seed: int = 0) -> list[Conversation]:
    """``filter``: substring of the id; ``category``: exact; ``limit``: a seeded random sample
    (kept in the original order, so runs are comparable)."""
    out = [c for c in convs if (not filter or filter in c.id) and (not category or c.category == category)]
    if limit is not None and limit < len(out):
        keep = set(random.Random(seed).sample(range(len(out)), limit))
        out = [c for i, c in enumerate(out) if i in keep]
    return out


def text2cad_suite(folder: Path, level: str = "beginner") -> list[Conversation]:
    """One single-turn conversation per Text2CAD prompt: the prompt at ``level`` → a valid part whose
    best IoU against the DeepCAD ground truth (both scaled to the same largest extent) is measured.
    ``expert`` prompts fix the placement, so their parts are compared with centres aligned and no
    rotation searched (``align: translate``), and must reach IoU 0.9."""
    if level not in TEXT2CAD_LEVELS:
        raise ConversationError(f"text2cad level {level!r}: expected one of {', '.join(TEXT2CAD_LEVELS)}")
    folder = Path(folder).resolve()
    convs = []
    for _, row in iter_jsonl(folder / "prompts.jsonl", ConversationError):
        ref = next(iter(sorted((folder / "deepcad_cad_json").glob(f"*_{row['cad_id']}.json"))), None)
        if ref is None:
            raise ConversationError(f"{folder}/deepcad_cad_json: no ground truth for cad_id {row['cad_id']}")
        # the prompts were written from Text2CAD's reading of symmetric extrusions (split over both
        # sides): their stated heights say so, so the reference is built the same way
        iou = {"reference": str(ref.relative_to(folder)), "min": 0.5, "normalize": True, "symmetric": "split"}
        if level == "expert":  # every number is given, placement and orientation too: compare in place
            iou.update(min=EXPERT_IOU_MIN, align="translate")
        convs.append(Conversation(
            id=f"text2cad-{row['index']:03d}-{row['cad_id']}", category="text2cad", path=str(folder / "prompts.jsonl"),
            base_dir=str(folder), description=row.get("abstract", ""),
            turns=[{"user": row[level], "expect": {"ok": True, "iou": iou}}]))
    return convs
