"""(request → part spec) pairs for the local model's ``spec`` task.

Specs are sampled (bodies and features with round sizes), validated by the part-spec rules (a spec
the rules refuse is dropped, with its reason counted), and phrased by the templates in
``spec_phrases.yaml``: many phrasings per body and feature, recombined at random, so that one spec
gives several requests. The target is the spec's canonical JSON (:func:`canonical`): only the keys
that differ from the defaults, in a fixed order, so the model has one right answer to learn.

The held-out split is ``spec_heldout.jsonl``: requests written by hand, in phrasings no template
produces, each with the spec it means. It is for measuring only, never for training.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from cadagent.tools.part.validation import validate

HELDOUT = "spec_heldout.jsonl"


@lru_cache(maxsize=1)
def phrases() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("spec_phrases.yaml").read_text(encoding="utf-8"))


def heldout() -> list[dict]:
    """The hand-written held-out requests: ``{"request", "spec"}`` each."""
    text = resources.files(__package__).joinpath(HELDOUT).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]


def num(v: float, decimals: int = 2):
    """A length as the model writes it: an int when whole, else at most ``decimals`` decimals (2; the
    Text2CAD pairs keep 3, as many as the decoder lets the model write)."""
    r = round(float(v), decimals)
    return int(r) if r == int(r) else r


_ORDER = ("id", "kind", "shape", "sides", "length", "width", "height", "diameter", "outer_diameter",
          "inner_diameter", "bottom_diameter", "top_diameter", "across_flats", "corner_radius", "size", "depth",
          "edges", "radius", "at", "count", "counts", "spacing", "inset", "points", "center")


def canonical(spec: dict, decimals: int = 2) -> str:
    """The spec as the model writes it: compact JSON, keys in one order, no schema_version / units
    (code sets those), numbers as :func:`num` writes them."""
    def order(obj):
        if isinstance(obj, dict):
            keys = sorted(obj, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))
            return {k: order(obj[k]) for k in keys if k not in ("schema_version", "units")}
        if isinstance(obj, list):
            return [order(v) for v in obj]
        if isinstance(obj, float):
            return num(obj, decimals)
        return obj

    return json.dumps(order(spec), separators=(",", ":"), ensure_ascii=False)


# -- sampling specs ---------------------------------------------------------------------------------
def _pick(rng: random.Random, lo: float, hi: float, step: float = 1.0) -> float:
    a, b = int(round(lo / step)), int(hi / step)
    return num(rng.randrange(a, max(a, b) + 1) * step)


_POLY = {5: ("pentagonal", "pentagon"), 6: ("hexagonal", "hexagon"), 8: ("octagonal", "octagon")}


def _body(rng: random.Random) -> tuple[str, dict, dict]:
    """(template group, body, extra template values)."""
    kind = rng.choices(["box", "cube", "cylinder", "tube", "polygon_prism", "cone", "frustum", "sphere",
                        "rounded_rect"], weights=[6, 1, 4, 2, 1.5, 0.7, 0.7, 0.7, 1.5])[0]
    if kind == "box":
        L = _pick(rng, 20, 200, 5)
        return kind, {"kind": "box", "length": L, "width": _pick(rng, 10, L, 5), "height": _pick(rng, 2, 40)}, {}
    if kind == "cube":
        a = _pick(rng, 5, 100, 5)
        return kind, {"kind": "box", "length": a, "width": a, "height": a}, {}
    if kind == "cylinder":
        d = _pick(rng, 5, 150, rng.choice([1, 5]))
        return kind, {"kind": "cylinder", "diameter": d, "height": _pick(rng, 2, 200)}, {"radius": num(d / 2)}
    if kind == "tube":
        od = _pick(rng, 10, 120, 2)
        return kind, {"kind": "tube", "outer_diameter": od, "inner_diameter": _pick(rng, 2, od - 4, 1),
                      "height": _pick(rng, 2, 100)}, {}
    if kind == "polygon_prism":
        sides = rng.choice([6, 6, 6, 8, 5])
        return kind, {"kind": "polygon_prism", "sides": sides, "across_flats": _pick(rng, 6, 60),
                      "height": _pick(rng, 3, 100)}, {"poly": _POLY[sides][0], "polyname": _POLY[sides][1]}
    if kind in ("cone", "frustum"):
        d = _pick(rng, 10, 120, 2)
        body = {"kind": "cone", "bottom_diameter": d, "height": _pick(rng, 5, 120)}
        if kind == "frustum":
            body["top_diameter"] = _pick(rng, 2, d - 2)
        return kind, body, {}
    if kind == "sphere":
        d = _pick(rng, 5, 120, 2)
        return kind, {"kind": "sphere", "diameter": d}, {"radius": num(d / 2)}
    L = _pick(rng, 30, 200, 5)
    W = _pick(rng, 20, L, 5)
    return kind, {"kind": "rounded_rect", "length": L, "width": W, "height": _pick(rng, 2, 20),
                  "corner_radius": _pick(rng, 2, min(W, L) / 4)}, {}


def _feature(rng: random.Random, body: dict) -> tuple[str, dict, dict] | None:
    """(template group, feature, template values), or None when nothing fits this body."""
    k = body["kind"]
    flat = k in ("box", "rounded_rect")
    small = min(body.get("length", 1e9), body.get("width", 1e9), body.get("diameter", 1e9),
                body.get("across_flats", 1e9))
    h = body.get("height", 0)
    options = []
    if flat:
        options += ["hole_center", "hole_center_metric", "hole_center_blind", "hole_corners", "hole_corners",
                    "hole_corners_metric", "hole_bolt_circle", "hole_linear", "hole_grid", "fillet_vertical",
                    "fillet_all", "fillet_top", "chamfer_top", "chamfer_all", "pocket_rect", "pocket_circle"]
    elif k == "cylinder":
        options += ["hole_center", "hole_center", "hole_center_blind", "hole_center_metric", "hole_bolt_circle",
                    "chamfer_top", "fillet_top"]
    elif k in ("tube", "polygon_prism"):
        options += ["chamfer_top", "chamfer_all"] + (["hole_center"] if k == "polygon_prism" else [])
    if not options:
        return None
    g = rng.choice(options)
    d = _pick(rng, 2, max(2, min(small / 4, 20)), 0.5)
    if g.startswith("hole_center"):
        if g.endswith("metric"):
            m, fit = rng.choice(["M3", "M4", "M5", "M6", "M8", "M10"]), rng.choice(["clearance", "tapped"])
            return g, {"id": "hole", "kind": "hole", "size": f"{m} {fit}"}, {"m": m, "fit": fit}
        feat = {"id": "hole", "kind": "hole", "size": d}
        vals = {"d": d}
        if g.endswith("blind"):
            depth = _pick(rng, 1, max(1, h - 1)) if h > 2 else None
            if depth is None:
                return None
            feat["depth"] = vals["depth"] = depth
        return g, feat, vals
    if g.startswith("hole_corners"):
        inset = _pick(rng, max(3, d), max(3, small / 4))
        if g.endswith("metric"):
            m = rng.choice(["M3", "M4", "M5", "M6"])
            return g, {"id": "holes", "kind": "hole", "size": f"{m} clearance",
                       "at": {"kind": "corners", "inset": inset}}, {"m": m, "inset": inset}
        return g, {"id": "holes", "kind": "hole", "size": d, "at": {"kind": "corners", "inset": inset}}, \
            {"d": d, "inset": inset}
    if g == "hole_bolt_circle":
        count = rng.choice([3, 4, 4, 5, 6, 6, 8])
        pcd = _pick(rng, max(d * 3, small * 0.4), max(d * 3, small * 0.75))
        return g, {"id": "holes", "kind": "hole", "size": d, "at": {"kind": "bolt_circle", "count": count,
                                                                     "diameter": pcd}}, \
            {"d": d, "count": count, "pcd": pcd}
    if g == "hole_linear":
        count = rng.choice([2, 3, 4, 5, 6])
        spacing = _pick(rng, d * 2, max(d * 2, body["length"] * 0.8 / count))
        return g, {"id": "holes", "kind": "hole", "size": d, "at": {"kind": "linear", "count": count,
                                                                     "spacing": spacing}}, \
            {"d": d, "count": count, "spacing": spacing}
    if g == "hole_grid":
        nx, ny = rng.choice([2, 3, 4]), rng.choice([2, 3])
        sx = _pick(rng, d * 2, max(d * 2, body["length"] * 0.8 / nx))
        sy = _pick(rng, d * 2, max(d * 2, body["width"] * 0.8 / ny))
        return g, {"id": "holes", "kind": "hole", "size": d, "at": {"kind": "grid", "counts": [nx, ny],
                                                                     "spacing": [sx, sy]}}, \
            {"d": d, "nx": nx, "ny": ny, "sx": sx, "sy": sy}
    if g.startswith("fillet"):
        r = _pick(rng, 0.5, max(0.5, min(h / 3, small / 6, 10)), 0.5)
        return g, {"id": "fillet", "kind": "fillet", "edges": g.split("_")[1], "radius": r}, {"r": r}
    if g.startswith("chamfer"):
        c = _pick(rng, 0.5, max(0.5, min(h / 3, small / 8, 5)), 0.5)
        return g, {"id": "chamfer", "kind": "chamfer", "edges": g.split("_")[1], "size": c}, {"c": c}
    depth = _pick(rng, 1, max(1, h - 1)) if h > 2 else None
    if depth is None:
        return None
    if g == "pocket_rect":
        pl, pw = _pick(rng, 5, body["length"] / 2), _pick(rng, 5, body["width"] / 2)
        return g, {"id": "pocket", "kind": "pocket", "length": pl, "width": pw, "depth": depth}, \
            {"pl": pl, "pw": pw, "depth": depth}
    pd = _pick(rng, 5, min(body["length"], body["width"]) / 2)
    return g, {"id": "pocket", "kind": "pocket", "shape": "circle", "diameter": pd, "depth": depth}, \
        {"pd": pd, "depth": depth}


def sample_spec(rng: random.Random) -> tuple[dict, list[tuple[str, dict]]]:
    """A spec and its phrase groups with their values (body first)."""
    group, body, extra = _body(rng)
    spec = {"body": body, "features": []}
    parts = [(group, {**body, **extra})]
    n = rng.choices([0, 1, 2], weights=[3, 5, 2])[0]
    used = set()
    for _ in range(n):
        got = _feature(rng, body)
        if got is None:
            break
        g, feat, vals = got
        if feat["kind"] in used:       # one feature of a kind: the ids stay the canonical ones
            continue
        used.add(feat["kind"])
        spec["features"].append(feat)
        parts.append((g, vals))
    # edge treatments last, as a machinist would order them
    spec["features"].sort(key=lambda f: f["kind"] in ("fillet", "chamfer"))
    parts[1:] = sorted(parts[1:], key=lambda p: p[0].startswith(("fillet", "chamfer")))
    return spec, parts


_VERBS = ("make", "create", "design", "model", "i ", "i'", "please", "could", "can ", "give")


def phrase(rng: random.Random, parts: list[tuple[str, dict]]) -> str:
    """One request for a spec: a body phrase, its feature phrases (in any order: the target keeps the
    canonical one), a connector between each, and sometimes an opening such as "please make"."""
    p = phrases()
    choices = p["bodies"][parts[0][0]]
    if parts[0][1].get("sides", 6) != 6:       # "hex bar" says 6 sides: only templates that say the count
        choices = [t for t in choices if not re.search(r"hex|six", t, re.I)]
    text = rng.choice(choices).format(**parts[0][1])
    opening = rng.choice(p["prefixes"])
    if opening and not text.lower().startswith(_VERBS):
        text = opening + text
    features = parts[1:]
    if len(features) > 1 and rng.random() < 0.3:
        features = features[::-1]
    for g, vals in features:
        text += rng.choice(p["connectors"]) + rng.choice(p["features"][g]).format(**vals)
    return text


@dataclass
class SpecPairs:
    train: list[dict] = field(default_factory=list)
    val: list[dict] = field(default_factory=list)
    rejected: dict = field(default_factory=dict)

    def digest(self) -> str:
        h = hashlib.sha256()
        for row in self.train + self.val:
            h.update(json.dumps(row, sort_keys=True).encode())
        return h.hexdigest()


def spec_pairs(n_specs: int = 400, per_spec: int = 2, seed: int = 0, val_fraction: float = 0.08) -> SpecPairs:
    """``n_specs`` validated specs, ``per_spec`` phrasings each; a spec's phrasings stay in one split."""
    from cadagent.agent.local_model.prompts import spec_messages

    rng = random.Random(seed)
    out = SpecPairs()
    seen = set()
    tries = 0
    while len(seen) < n_specs and tries < n_specs * 5:
        tries += 1
        spec, parts = sample_spec(rng)
        key = canonical(spec)
        if key in seen:
            continue
        ok, problems = validate(spec)
        if ok is None:
            why = problems[0].message.split(":")[0][:60] if problems else "invalid"
            out.rejected[why] = out.rejected.get(why, 0) + 1
            continue
        seen.add(key)
        split = out.val if rng.random() < val_fraction else out.train
        for request in {phrase(rng, parts) for _ in range(per_spec)}:
            split.append({"task": "spec", "source": "templates", "request": request,
                          "messages": spec_messages(request) + [{"role": "assistant", "content": key}]})
    return out


def write_spec_dataset(out, n_specs: int = 1500, per_spec: int = 3, seed: int = 0, *,
                       confirmed: list[dict] = (), confirmed_repeat: int = 3, confirmed_skipped: dict | None = None,
                       repair: int = 0, text2cad: list[dict] = (), text2cad_repeat: int = 4) -> dict:
    """``train.jsonl`` / ``val.jsonl`` (template pairs, plus the ``confirmed`` parser pairs from
    :mod:`finetune.spec_confirmed`, each ``confirmed_repeat`` times: they are the few real phrasings,
    plus ``repair`` retry pairs from :mod:`finetune.spec_repair`, 8% of them in val, plus the
    ``text2cad`` pairs of :mod:`finetune.spec_text2cad`, ``text2cad_repeat`` times, every 20th sample's in val),
    ``test.jsonl`` (the hand-written held-out split, for measuring only) and ``stats.json`` in ``out``;
    returns the stats."""
    from pathlib import Path

    from cadagent.agent.local_model.prompts import spec_messages

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pairs = spec_pairs(n_specs, per_spec, seed)
    held = {r["request"].strip().lower() for r in heldout()}
    confirmed = [r for r in confirmed if r["request"].strip().lower() not in held]
    if confirmed:
        mixed = pairs.train + [r for r in confirmed for _ in range(max(1, confirmed_repeat))]
        random.Random(seed).shuffle(mixed)
        pairs.train = mixed
    made = {}
    if repair:
        from .spec_repair import repair_pairs

        rows, made = repair_pairs(repair, seed + 1, exclude={r["messages"][-1]["content"] for r in pairs.val})
        n_val = round(len(rows) * 0.08)
        pairs.val += rows[:n_val]
        pairs.train += rows[n_val:]
        random.Random(seed).shuffle(pairs.train)
    if text2cad:
        pairs.val += [r for r in text2cad if r["sample"] % 20 == 0]
        pairs.train += [r for r in text2cad if r["sample"] % 20 for _ in range(max(1, text2cad_repeat))]
        random.Random(seed).shuffle(pairs.train)
    test = [{"task": "spec", "source": "heldout", "request": r["request"],
             "messages": spec_messages(r["request"]) + [{"role": "assistant", "content": canonical(r["spec"])}]}
            for r in heldout()]
    for name, rows in (("train", pairs.train), ("val", pairs.val), ("test", test)):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                           encoding="utf-8")
    stats = {"task": "spec", "seed": seed, "specs": n_specs, "per_spec": per_spec,
             "splits": {"train": len(pairs.train), "val": len(pairs.val), "test (held-out, hand-written)": len(test)},
             "rejected_specs": sum(pairs.rejected.values()), "sha256": pairs.digest(),
             "confirmed_pairs": len(confirmed), "confirmed_repeat": confirmed_repeat if confirmed else 0,
             "repair_pairs": repair, "repair_breaks": dict(made),
             "text2cad_pairs": len(text2cad), "text2cad_repeat": text2cad_repeat if text2cad else 0,
             "text2cad_samples": sorted({r["sample"] for r in text2cad}),
             **({"confirmed_skipped": confirmed_skipped} if confirmed_skipped is not None else {})}
    (out / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    return stats
