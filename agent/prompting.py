"""Prompts are data (agent/prompts/*): assembling them, and reading code out of answers."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import yaml
from langchain_core.messages import HumanMessage, SystemMessage

MAX_EXAMPLE_CHARS = 6000


@lru_cache(maxsize=None)
def prompt(name: str) -> str:
    return resources.files("cadagent.agent").joinpath("prompts", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def instructions() -> dict[str, str]:
    return yaml.safe_load(prompt("instructions.yaml"))


@lru_cache(maxsize=1)
def handbook() -> str:
    """The large, stable prompt prefix for providers that cache it (Gemini): the system prompt,
    our CadQuery notes and one worked example per family. Same text every turn, so it caches."""
    from cadagent.knowledge.library import load_library

    entries, _ = load_library(None)
    notes = [e for e in entries if e.kind == "doc"]
    firsts: dict[str, object] = {}
    for e in entries:
        if e.kind == "example" and e.family not in firsts:
            firsts[e.family] = e
    parts = [prompt("system.md"), "\n# CadQuery notes\n"]
    parts += [f"## {e.title}\n{e.body}\n" for e in notes]
    parts.append("\n# One worked example per family (adapt, do not copy blindly)\n")
    parts += [f"## {e.family}: {e.title}\n```python\n{e.body.strip()}\n```\n" for e in firsts.values()]
    return "\n".join(parts)


def build_messages(task: str, state: dict, *, with_handbook: bool = False, compact: bool = False) -> list:
    """System prompt + the task, with a JSON context block every provider can read.

    ``with_handbook``: the system message is :func:`handbook` (for providers that cache it).
    ``compact``: no retrieved examples, notes or fixes in the context (for fine-tuned local models,
    which learned them; the dataset builder writes its prompts with the same function)."""
    plan = state.get("plan") or {}
    examples = [{"id": h["id"], "title": h["title"], "parameters": h.get("meta", {}).get("parameters", {}),
                 "code": h.get("body", "")[:MAX_EXAMPLE_CHARS]}
                for h in state.get("hits", []) if h.get("kind") == "example"]
    notes = [h["body"] for h in state.get("hits", []) if h.get("kind") == "doc"][:2]
    history = state.get("history") or []
    last = history[-1] if history else {}
    base = state.get("intent") if state.get("intent") in ("new_design", "modify") else "new_design"
    context = {
        "task": task, "base": base, "request": state.get("request", ""), "plan": plan,
        "edits": state.get("edits") or [], "examples": examples, "notes": notes,
        "current_code": _current_code(state), "attempt": int(state.get("attempts", 0)) + 1,
        "last_error": last.get("error"), "last_problems": last.get("problems"),
        "previous_code": last.get("code"),
        "error_fixes": [h["body"] for h in state.get("fixes", [])],
    }
    if compact:
        for key in ("examples", "notes", "error_fixes"):
            context.pop(key)
    text = prompt("generate.md").format(
        task=task, request=state.get("request", ""), plan=json.dumps(plan.get("dims", {})),
        instructions=instructions()[task], context=json.dumps(context, indent=1))
    system = handbook() if with_handbook else prompt("system.md")
    return [SystemMessage(content=system), HumanMessage(content=text)]


def explain_messages(request: str, facts: str, document: dict) -> list:
    """The explain task's prompt (the ``explain`` adapter's job): grounded on checked facts."""
    text = prompt("explain.md").format(request=request, facts=facts,
                                       document=json.dumps(document, indent=1)[:MAX_EXAMPLE_CHARS])
    return [SystemMessage(content=prompt("system.md")), HumanMessage(content=text)]


def adapter_for(task: str) -> str:
    """Which LoRA adapter a task uses (the local provider switches per node): code or words."""
    return "explain" if task == "explain" else "gen"


def _current_code(state: dict) -> str | None:
    from .state import current_entry

    return (current_entry(state) or {}).get("code")


def route_messages(text: str, versions: list[dict], current: int | None, schema: dict) -> list:
    """The route task: the model reads one message against the thread's versions (agent.intent)."""
    listed = "\n".join(f"- v{v['version']}: {v.get('title', 'part')} ({v.get('summary', '')})" for v in versions[-12:])
    body = prompt("route.md").format(message=text, versions=listed or "(none yet)",
                                     current=f"v{current}" if current is not None else "none",
                                     schema=json.dumps(schema, indent=1))
    return [SystemMessage(content=prompt("system.md")), HumanMessage(content=body)]


_FENCE = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.S)


def extract_code(answer: str) -> tuple[str | None, str]:
    """(code, the rest of the answer). Fenced blocks win; a bare script is accepted too."""
    blocks = _FENCE.findall(answer or "")
    if blocks:
        code = max(blocks, key=len)
        rest = _FENCE.sub("", answer).strip()
        return code.strip() + "\n", rest
    unclosed = re.search(r"```(?:python|py)?\s*\n(.*)$", answer or "", re.S)  # truncated answer
    if unclosed and "result" in unclosed.group(1):
        return unclosed.group(1).strip() + "\n", ""
    if answer and "import cadquery" in answer and "result" in answer:
        start = answer.index("import cadquery")
        lines = answer[start:].splitlines()
        for end in range(len(lines), 0, -1):  # drop chatty trailing lines until the script parses
            candidate = "\n".join(lines[:end])
            if "result" in candidate and _parses(candidate):
                rest = (answer[:start] + "\n" + "\n".join(lines[end:])).strip()
                return candidate.strip() + "\n", rest
        return answer[start:].strip() + "\n", answer[:start].strip()
    return None, (answer or "").strip()


def _parses(code: str) -> bool:
    import ast

    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True
