"""Versions: restore an earlier one, run the user's own script, set a spec's parameters."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime

from ..state import current_entry
from .common import Deps, patch, turn


# "go back to the first one", "the original", "the very first version": the first version, whatever came between
FIRST = re.compile(r"\b(?:very first|first (?:one|version|design|part|shape)|original (?:one|version|design|part|shape)?|"
                   r"the original|where (?:we|i) started|(?:at|from) the start)\b", re.I)


def undo(state, runtime: Runtime[Deps]):
    """Restore a version (the named one, else the current one's parent) as a new version."""
    t = turn(state)
    versions = state.get("versions") or []
    cur = current_entry(state)
    request = t.get("request") or ""
    also = _change_besides(request) if not _BY_CHANGE.match(request.strip()) else None   # ('after I added the hole': which)
    if also:
        # "go back to v2 and make it 80 long": restoring alone would be marked right without the change asked with it
        return patch(answer=f"You asked to go back and to change something ('{also[:60]}') in one message. Nothing was "
                            "changed: say the undo first (e.g. 'undo' or 'go back to v2'), then the change.",
                     check={"ok": False})
    first = t.get("target") is None and bool(versions) and bool(FIRST.search(request))
    declined = _last_change_not_made(state, cur) if t.get("target") is None and not first else None
    if declined is not None:
        # "undo" right after a change that was not made: the part the user means is the current one
        res = runtime.context.sandbox.run_script(cur["code"])
        if not res.ok:
            return patch(answer=f"v{cur['version']} no longer builds: {res.error}", check={"ok": False})
        return patch(code=cur["code"], spec=cur.get("spec"), exec=res.to_dict(), title=cur.get("title"),
                     parent=cur.get("parent"),      # the copy stands for v{cur}: a next undo goes back past it
                     check={"ok": True, "problems": [], "error": None},
                     answer=f"Your last change ('{declined[:60]}') was not made, so there is nothing of it to undo: "
                            f"v{cur['version']} is kept as it was (saved again as a new version).")
    target = t.get("target") if t.get("target") is not None else (cur or {}).get("parent")
    steps = _steps(request) if t.get("target") is None and not first else 1
    for _ in range(steps - 1):
        # "undo the last two changes", "go back 3 steps": that many parents back
        back = next((v for v in versions if v["version"] == target), None)
        if back is None or back.get("parent") is None:
            return patch(answer=f"There are not {steps} earlier versions to go back through.", check={"ok": False})
        target = back["parent"]
    if first:
        target = min(v["version"] for v in versions)      # "go back to the first one": v1, not the one before
    if target is None:
        return patch(answer="There is no earlier version to go back to"
                            + (f": v{cur['version']} is the first." if cur else "."), check={"ok": False})
    source = next((v for v in versions if v["version"] == target), None)
    if t.get("target") is None and not first and cur is not None:
        # a version that changed nothing ('make it 100 long' on a part 100 long saves the same script): undo goes back
        # past it, to the last version that differs from the current one
        while source is not None and source["code"] == cur["code"] and source.get("parent") is not None:
            target = source["parent"]
            source = next((v for v in versions if v["version"] == target), None)
    if source is None:
        listed = ", ".join(f"v{v['version']}" for v in versions) or "none yet"
        return patch(answer=f"There is no version {target} to go back to. Versions: {listed}.", check={"ok": False})
    if cur is not None and cur["version"] == target:
        return patch(answer=f"v{target} is already the current version; nothing was changed.",
                     check={"ok": False, "answered": True})
    res = runtime.context.sandbox.run_script(source["code"])
    if not res.ok:
        return patch(answer=f"v{target} no longer builds: {res.error}", check={"ok": False})
    # the copy stands for v{target}: its parent is that version's, so a next undo goes back past it (not forward
    # again to the version just undone)
    return patch(code=source["code"], spec=source.get("spec"), exec=res.to_dict(), title=source.get("title"),
                 parent=source.get("parent"), check={"ok": True, "problems": [], "error": None},
                 answer=f"Restored v{target} as a new version (nothing is deleted).")


# the words that ask to go back, and filler around them
_UNDO_WORDS = re.compile(r"\b(?:undo|revert|roll ?back|go back|back to|restore|scratch that|forget that|never ?mind|please|pls|"
                         r"ok(?:ay)?|and|then|the|that|it|this|last|previous|earlier|one|change|changes|edit|edits|step|steps|"
                         r"version\s*\d+|v\s*\d+|#\s*\d+|version|versions|to|before|back|original|first|very|design|part|shape|where|we|i|started|"
                         r"at|from|start|just|again|two|three|four|twice|times|2|3|4|x|sorry|oops|actually|no|my|bad|wait|"
                         r"let'?s|can|you|could|would|go|was|were|had|it's|is|way|like|how|as)\b", re.I)
_STEPS = re.compile(r"\b(?:last|previous)\s+(two|three|four|2|3|4)\s+(?:changes|edits|steps|versions)\b|\bundo\s+(?:that\s+|it\s+)?"
                    r"(twice|two times|2x|three times|3x)\b|\b(?:go\s+)?back\s+(two|three|four|2|3|4)\s+(?:steps|versions|changes)\b",
                    re.I)


# "revert to how it was right after I added the hole", "back to before I changed the thickness": a version named by
# the change that made it
_BY_CHANGE = re.compile(r"^\W*(?:(?:ok|okay|no|sorry|actually|hmm+|please)\W+)*(?:undo|revert|roll ?back|go back|back|restore|"
                        r"take it back|put it back)\b(?:\s+to)?(?:\s+(?:how|the way|what)\s+it\s+(?:was|looked)|\s+the\s+"
                        r"(?:version|one|part|state))?\s+(?:right\s+|just\s+|straight\s+)?(?P<when>after|before)\s+(?:i|we|you)\s+"
                        r"(?:\w+\s+){0,2}?(?P<what>[a-z]+)\W*(?:again|please|pls)?\W*$", re.I)


def version_named_by_change(request: str, made: list[tuple[int, str, int | None]]) -> int | None:
    """The version 'right after I added the hole' names (or the one before it, for 'before I changed the thickness'):
    the latest version whose words were about that; ``made`` is (version, its words, its parent) oldest first. None when
    the words name no change, or no version was made by one."""
    m = _BY_CHANGE.match(request.strip())
    if m is None:
        return None
    what = m.group("what").lower()
    stem = re.sub(r"(?:es|s|ness)$", "", what)[:5] if len(what) > 3 else what
    for version, words, parent in reversed(made[1:]):      # (the first version's words describe the whole part)
        if re.search(rf"\b{re.escape(stem)}", words.lower()):
            return version if m.group("when").lower() == "after" else parent
    return None


def _steps(request: str) -> int:
    """How many versions back an undo goes ('undo the last two changes': 2; 'undo, undo': 2)."""
    said = len(re.findall(r"\bundo\b", request, re.I))
    if said >= 2 and re.fullmatch(r"\W*(?:undo\W*){2,4}", request, re.I):
        return said                 # "undo, undo", "undo undo undo": that many times
    m = _STEPS.search(request)
    if not m:
        return 1
    w = (m.group(1) or m.group(2) or m.group(3)).lower()
    return {"two": 2, "2": 2, "twice": 2, "two times": 2, "2x": 2, "three": 3, "3": 3, "three times": 3, "3x": 3,
            "four": 4, "4": 4}[w]


def _change_besides(request: str) -> str | None:
    """The words of a change said in the same message as an undo ('go back to v2 and make it 80 long'), else None."""
    rest = _UNDO_WORDS.sub(" ", request)
    rest = re.sub(r"[\s,.;:!?'\"()-]+", " ", rest).strip()
    from ..intent import UNDO_NAMED

    named = UNDO_NAMED.match(request)
    if named and re.fullmatch(r"[\s,.!?]*(?:please|pls)?[\s,.!?]*", request[named.end():], re.I):
        return None       # "undo the chamfer" (as the router reads it): what the undo takes away, not a second change
    from cadagent.tools.understand.edits import ADD_VERB, FEATURE_WORD, REMOVE

    # a size, or a feature with something done to it ('and add a chamfer'); talk ('the holes were better') is none
    change = re.search(r"\d", rest) or (FEATURE_WORD.search(rest) and (ADD_VERB.search(rest) or REMOVE.search(rest) or re.search(
        r"\b(?:make|change|set|move|chamfer|fillet|round|shell|mirror|swap)\b", rest, re.I)))
    return rest if change else None


def made_from(state) -> set[str]:
    """The words every saved version was made from: the message itself, and the request it completed (a reply
    read with the message before it: agent/nodes/routing.py)."""
    return {(v.get(k) or "").strip() for v in state.get("versions") or [] for k in ("request", "said")} - {""}


def _changes_not_made_before(state, cur: dict | None) -> list[str]:
    """The changes asked before the last one that saved no version either (oldest first): 'add a hub' refused, then
    'holes count make 8' refused because of it; a change after both is checked against both, not only the last."""
    if cur is None:
        return []
    messages = list(state.get("messages") or [])
    humans = [i for i, m in enumerate(messages) if getattr(m, "type", "") == "human"]
    made = made_from(state)
    out = []
    for i in reversed(humans[:-2]):        # before the one _last_change_not_made reads
        text = messages[i].content.strip() if isinstance(messages[i].content, str) else ""
        if not text or text in made:
            break
        out.append(text)
    return out[::-1]


def _last_change_not_made(state, cur: dict | None) -> str | None:
    """The previous message's words when it saved no version (a change that was declined), else None."""
    if cur is None:
        return None
    messages = list(state.get("messages") or [])
    humans = [i for i, m in enumerate(messages) if getattr(m, "type", "") == "human"]
    if len(humans) < 2 or not isinstance(messages[humans[-2]].content, str):
        return None
    if not any(getattr(m, "type", "") == "ai" for m in messages[humans[-2] + 1:humans[-1]]):
        return None     # that turn never answered (its process died mid-turn): nothing was declined
    prev = messages[humans[-2]].content.strip()
    if re.search(r"\b(?:run|execute|try)\b.*\b(?:script|code)\b", prev.lower()):
        return None     # "run my script": the user's own code, not a change the engine declined
    made = made_from(state)
    if not prev or prev in made:
        return None
    from ..intent import parse_intent

    return prev if parse_intent(prev, True).intent == "modify" else None     # a change, not a question


def take_code(state, runtime: Runtime[Deps]):
    return patch(code=turn(state)["code_input"], attempts=1, path="your script")


def set_parameters(state, runtime: Runtime[Deps]):
    """Change a version's part-spec parameters and compile it again: no model call."""
    from cadagent.tools.part import compile_spec, parse
    from cadagent.tools.part.ops import OpError, set_parameter

    t = turn(state)
    versions = state.get("versions") or []
    number = t.get("target") if t.get("target") is not None else state.get("current")
    source = next((v for v in versions if v["version"] == number), None)
    if source is None:
        return patch(code=None, attempts=1, model_failed=True,
                     model_note=f"There is no version {number} to change." if number else "There is no design yet.")
    if not source.get("spec"):
        return patch(code=None, attempts=1, model_failed=True,
                     model_note=f"v{number} was made from a script, not from a part spec: change it in words "
                                "or edit its script.")
    try:
        spec = parse(source["spec"])
        for path, value in (t.get("changes") or {}).items():
            spec = set_parameter(spec, path, value)
        compiled = compile_spec(spec)
    except (OpError, ValueError) as exc:
        return patch(code=None, attempts=1, model_failed=True, model_note=f"Those values cannot be used: {exc}")
    return patch(code=compiled.script, spec=spec.model_dump(mode="json", exclude_none=True), attempts=1,
                 path="parameters", title=source.get("title"),
                 model_note="Changed " + ", ".join(f"{k} to {v}" for k, v in (t.get("changes") or {}).items()) + ".")
