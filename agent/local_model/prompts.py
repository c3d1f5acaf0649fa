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
