"""(request + a refused spec + the part rules' problems → the spec the request means) pairs: the
local model's retry, taught.

A model that writes a spec the part rules refuse (holes running off the face, a pocket or blind hole
deeper than the part, a fillet or corner radius too large for it) gets one retry whose prompt
(:func:`agent.local_model.prompts.repair_messages`) shows the refused spec and its problems, numbers
kept. An adapter trained on requests alone had never seen that prompt and repaired 3 of 24 refusals.

Each pair here starts from a valid sampled spec and its phrased request (:mod:`.spec_data`), breaks it
the ways the model does (a number of a feature swapped for another of the request's, a pattern spread
too wide, an inset of zero, a depth past the part, a radius too large, the body's height and width
swapped), and keeps the broken spec only when the part rules refuse it. The answer is the valid spec:
the request says what was meant, the problem says which number to read again.
"""

from __future__ import annotations

import copy
import random
from collections import Counter
from collections.abc import Callable

from cadagent.tools.part.validation import validate

from .spec_data import canonical, num, phrase, sample_spec


def _numbers(spec: dict) -> list[float]:
    """Every length the spec (so its request) says: the numbers a confused model picks from."""
    out = []

    def walk(obj):
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k not in ("count", "counts", "sides"):
                    walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)
        elif isinstance(obj, (int, float)) and not isinstance(obj, bool) and obj > 0:
            out.append(float(obj))

    walk(spec)
    return sorted(set(out))


def _swap_number(spec: dict, rng: random.Random) -> dict | None:
    """One length of a feature (or its placement) replaced by another length of the request."""
    feats = [f for f in spec["features"] if f["kind"] in ("hole", "pocket", "fillet", "chamfer")]
    if not feats:
        return None
    f = rng.choice(feats)
    slots = [(f, k) for k in ("size", "depth", "radius", "diameter", "length", "width") if isinstance(f.get(k), (int, float))]
    at = f.get("at") or {}
    slots += [(at, k) for k in ("inset", "diameter", "spacing") if isinstance(at.get(k), (int, float))]
    others = _numbers(spec)
    if not slots or len(others) < 2:
        return None
    obj, key = rng.choice(slots)
    choices = [v for v in others if v != obj[key]]
    obj[key] = num(rng.choice(choices))
    return spec


def _spread(spec: dict, rng: random.Random) -> dict | None:
    """A hole pattern too wide for the face: its circle, spacing or inset off the face."""
    holes = [f for f in spec["features"] if f["kind"] == "hole" and isinstance(f.get("at"), dict)]
    if not holes:
        return None
    at = rng.choice(holes)["at"]
    b = spec["body"]
    span = max(b.get(k, 0) for k in ("length", "width", "diameter", "across_flats"))
    if at["kind"] == "corners":
        at["inset"] = rng.choice([0, num(at["inset"] / 4)]) or 0.5
    elif at["kind"] == "bolt_circle":
        at["diameter"] = num(rng.choice([span, span * 1.2, at["diameter"] * 2]))
    elif at["kind"] == "linear":
        at["spacing"] = num(rng.choice([span / max(1, at["count"] - 1) * 1.3, at["spacing"] * 3]))
    elif at["kind"] == "grid":
        at["spacing"] = [num(s * rng.choice([2, 3])) for s in at["spacing"]]
    else:
        return None
    return spec


def _too_deep(spec: dict, rng: random.Random) -> dict | None:
    """A pocket or blind hole as deep as the part or deeper."""
    feats = [f for f in spec["features"] if f["kind"] in ("pocket", "hole") and f.get("depth")]
    h = spec["body"].get("height")
    if not feats or not h:
        return None
    rng.choice(feats)["depth"] = num(h + rng.choice([0, 1, 2, 5, h]))
    return spec


def _too_round(spec: dict, rng: random.Random) -> dict | None:
    """A fillet or chamfer larger than the part can take, or corners rounder than the rectangle."""
    b = spec["body"]
    feats = [f for f in spec["features"] if f["kind"] in ("fillet", "chamfer")]
    if b["kind"] == "rounded_rect" and (not feats or rng.random() < 0.5):
        b["corner_radius"] = num(min(b["length"], b["width"]) / 2 + rng.choice([0, 1, 5]))
        return spec
    if not feats:
        return None
    f = rng.choice(feats)
    key = "radius" if f["kind"] == "fillet" else "size"
    f[key] = num(max(b.get("height", 0), f[key]) * rng.choice([1, 1.5, 2]))
    return spec


def _body_swapped(spec: dict, rng: random.Random) -> dict | None:
    """The body's height and width (or length) swapped: the features no longer fit it."""
    b = spec["body"]
    if b["kind"] not in ("box", "rounded_rect") or not spec["features"]:
        return None
    other = rng.choice(["width", "length"])
    b["height"], b[other] = b[other], b["height"]
    return spec


BREAKS: dict[str, Callable[[dict, random.Random], dict | None]] = {
    "swap_number": _swap_number, "spread": _spread, "too_deep": _too_deep, "too_round": _too_round,
    "body_swapped": _body_swapped}
# how often each is tried: holes off the face and pockets too deep are most of the model's refusals
WEIGHTS = {"swap_number": 3, "spread": 3, "too_deep": 2, "too_round": 2, "body_swapped": 1}


def break_spec(spec: dict, rng: random.Random, tries: int = 6) -> tuple[str, dict, list[str]] | None:
    """(how it was broken, the broken spec, the part rules' error messages), or None when no break of
    this spec is refused by the rules."""
    names = list(BREAKS)
    for _ in range(tries):
        name = rng.choices(names, weights=[WEIGHTS[k] for k in names])[0]
        broken = BREAKS[name](copy.deepcopy(spec), rng)
        if broken is None or canonical(broken) == canonical(spec):
            continue
        ok, problems = validate(broken)
        errors = [str(p) for p in problems if p.severity == "error"]
        if ok is None and errors:
            return name, broken, errors
    return None


def repair_pairs(n: int, seed: int = 0, *, exclude: set[str] = frozenset()) -> tuple[list[dict], Counter]:
    """``n`` repair records (chat format, like the spec pairs) and how many of each break were made.
    Specs whose canonical JSON is in ``exclude`` (the val split's) are not used."""
    from cadagent.agent.local_model.prompts import repair_messages

    from .spec_eval import failure_rule

    rng = random.Random(seed)
    rows, made, tries = [], Counter(), 0
    while len(rows) < n and tries < n * 20:
        tries += 1
        spec, parts = sample_spec(rng)
        key = canonical(spec)
        if key in exclude or validate(spec)[0] is None:
            continue
        got = break_spec(spec, rng)
        if got is None:
            continue
        name, broken, errors = got
        request = phrase(rng, parts)
        made[name] += 1
        made["rule: " + failure_rule(errors[0]).split(": ", 1)[-1][:60]] += 1
        rows.append({"task": "spec", "source": "repair", "request": request, "break": name,
                     "messages": repair_messages(request, canonical(broken), errors) +
                     [{"role": "assistant", "content": key}]})
    return rows, made
