"""The prompts the local model sees, built by one function per target so that training and serving
send the same text. The request goes through :func:`normalize` first (units and number words in
code, not in a 270M model's head)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .normalize import normalize


@lru_cache(maxsize=None)
def system(name: str) -> str:
    return resources.files(__package__).joinpath(f"{name}_system.md").read_text(encoding="utf-8").strip()


FEW_SHOT = [
    ("a 60 x 40 x 5 mm plate with a 6 mm hole in the middle",
     '{"body":{"kind":"box","length":60,"width":40,"height":5},"features":[{"id":"hole","kind":"hole","size":6}]}'),
    ("cylinder 30 mm diameter, 20 tall",
     '{"body":{"kind":"cylinder","height":20,"diameter":30},"features":[]}'),
    ("block 80 x 50 x 10, round the vertical edges R4",
     '{"body":{"kind":"box","length":80,"width":50,"height":10},"features":[{"id":"fillet","kind":"fillet",'
     '"edges":"vertical","radius":4}]}'),
]


def spec_messages(request: str, current: str | None = None, *, shots: int = 0) -> list[dict]:
    """[system, (examples,) user] for the spec target; an edit gives the current spec (canonical JSON)
    first. ``shots`` worked examples go before the request: the untuned base needs them, an adapter
    was trained without them."""
    text = normalize(request).text
    user = f"Current spec: {current}\nEdit: {text}" if current else text
    msgs = [{"role": "system", "content": system("spec")}]
    for q, a in FEW_SHOT[:shots]:
        msgs += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    return msgs + [{"role": "user", "content": user}]


def problem_text(problem: str) -> str:
    """A part-rule problem as the retry prompt says it: numbers kept, the path and the fix hint dropped
    ("error: $.features[0].at: hole 1 at (-28, -18) runs off the 60 x 40 mm top face; expected …. Fix: …"
    → "features[0].at: hole 1 at (-28, -18) runs off the 60 x 40 mm top face; expected …")."""
    return problem.removeprefix("error: ").removeprefix("$.").split(". Fix:")[0][:240]


def repair_messages(request: str, refused: str, problems: list[str], current: str | None = None, *,
                    shots: int = 0, limit: int = 3) -> list[dict]:
    """The retry's prompt: the request, then the refused spec (canonical JSON) and the part rules'
    problems with it (at most ``limit``). Training (finetune/spec_repair.py) and the writer's retry
    send this same text."""
    msgs = spec_messages(request, current, shots=shots)
    said = "; ".join(problem_text(p) for p in problems[:limit]) or "the answer was not a complete spec"
    msgs[-1]["content"] += f"\nRefused answer: {refused}\nProblems: {said}\nWrite the corrected spec."
    return msgs
