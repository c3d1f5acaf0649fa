"""(request → spec) pairs that the parser produced and the measurer confirmed.

For each new-design turn of the given conversation sets (the user-words ``dev`` / ``dev2`` splits and
the in-repo conversations; never a test split or a benchmark measured on), the parser
(:func:`cadagent.tools.understand.understand`) reads the request. Its spec is rewritten in the form the
templates teach (:func:`target_form`: no names, ids by kind, defaults left out), checked against the
model's target schema, built in the sandbox and measured: the pair is kept only when every size the
turn expects (bounding box, volume, solid count) matches the built part. Requests are kept as the user
typed them; the prompt normalizes them exactly as serving does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# the sets whose turns may become training pairs: these are for developing against, not for measuring
DEFAULT_SOURCES = ("evals/userset/dev", "evals/userset/dev2", "evals/conversations")
# never train on these: what the local model (or the parser) is measured on
FORBIDDEN = ("evals/userset/test", "text2cad", "blind_eval")
VOLUME_TOL = 2e-4


@dataclass
class Confirmed:
    rows: list[dict] = field(default_factory=list)
    skipped: dict = field(default_factory=dict)     # reason → count

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def _ids(features: list[dict]) -> list[dict]:
    """The feature ids the templates use: one per kind (``holes`` for a pattern), ``_2`` for a second."""
    seen: dict[str, int] = {}
    out = []
    for f in features:
        base = f["kind"]
        if base == "hole" and (f.get("at") or {}).get("kind", "center") != "center":
            base = "holes"
        seen[base] = seen.get(base, 0) + 1
        out.append({**f, "id": base if seen[base] == 1 else f"{base}_{seen[base]}"})
    return out


def target_form(spec: dict) -> dict | None:
    """``spec`` as the model is taught to write it (None when it cannot be: rule-invalid, or outside the
    target schema). Defaults are left out the way the pydantic models define them."""
    from cadagent.tools.part.validation import validate

    ok, _ = validate(spec)
    if ok is None:
        return None
    d = ok.model_dump(mode="json", exclude_defaults=True, exclude={"name", "units", "schema_version"})
    body = {k: v for k, v in d.get("body", {}).items() if k not in ("id", "name")}
    if body.get("kind") == "polygon_prism":         # the templates always say the sides, 6 included
        body = {**body, "sides": ok.body.sides}
    feats = [{k: v for k, v in f.items() if k != "name"} for f in d.get("features", [])]
    out = {"body": body, "features": _ids(feats)}
    if any(f.get("id") != g.get("id") for f, g in zip(feats, out["features"])) and _referenced(out):
        return None       # a renamed feature that another one refers to: not worth rewriting
    if not _target_validator().is_valid(out):
        return None
    again, _ = validate(out)
    return out if again is not None else None


@lru_cache(maxsize=1)
def _target_validator():
    from jsonschema import Draft202012Validator

    from cadagent.agent.local_model.schemas import spec_schema

    return Draft202012Validator(spec_schema())


def _referenced(spec: dict) -> bool:
    text = json.dumps(spec["features"])
    return any(f'"{k}"' in text for k in ("of", "ref", "feature"))


def _turns(conv) -> list[tuple[str, dict]]:
    """The turns that stand alone (the first one, and later ones marked as a new design) and fix the
    whole geometry."""
    out = []
    for i, t in enumerate(conv.turns):
        exp = t.get("expect") or {}
        # only turns whose geometry the expectation fixes (sizes and volume): a bounding box alone
        # would confirm a reading that dropped a feature ('with a honeycomb pattern' as a bare plate)
        if not isinstance(t.get("user"), str) or "bbox" not in exp or "volume" not in exp:
            continue
        if (i == 0 and exp.get("intent", "new_design") == "new_design") or exp.get("intent") == "new_design":
            out.append((t["user"], exp))
    return out


def confirmed_pairs(sources, sandbox, *, echo=None) -> Confirmed:
    """Pairs from the conversation sets in ``sources`` (folders or files)."""
    import tempfile

    from cadagent.agent.local_model.prompts import spec_messages
    from cadagent.evals.checks import check_turn
    from cadagent.evals.conversations import load_all
    from cadagent.tools.part.pipeline import build as build_part
    from cadagent.tools.understand import understand

    from .spec_data import canonical

    root = Path(__file__).resolve().parents[1]          # the repository (the default sets are relative to it)
    sources = [s if Path(s).exists() or not (root / s).exists() else root / s for s in sources]
    for s in sources:
        if any(bad in str(s) for bad in FORBIDDEN):
            raise ValueError(f"{s}: a measured set (test split or benchmark) never becomes training data")
    res = Confirmed()
    seen = set()
    with tempfile.TemporaryDirectory() as work:
        for conv in load_all([Path(s) for s in sources]):
            for request, expect in _turns(conv):
                if request in seen:
                    continue
                seen.add(request)
                spec = understand(request).spec
                if not isinstance(spec, dict):
                    res.skip("parser declined")
                    continue
                target = target_form(spec)
                if target is None:
                    res.skip("outside the target schema")
                    continue
                b = build_part(target, sandbox, Path(work) / f"b{len(seen)}", exports=())
                r = b.result
                if b.spec is None or r is None or not r.ok:
                    res.skip("did not build")
                    continue
                outcome = {"ok": True, "size": list(r.report.size), "bbox_min": list(r.report.bbox_min),
                           "volume": r.report.volume, "solids": r.report.solids}
                want = {k: v for k, v in expect.items() if k in ("bbox", "volume", "solids")}
                # the expected volumes are closed forms (exact to ~3e-5): a tight tolerance, so that a
                # small feature read wrong (one chamfered edge of two) is not confirmed
                want["volume_tol"] = min(VOLUME_TOL, float(expect.get("volume_tol", 1)))
                checks = check_turn(want, outcome, conv, None)
                if not all(c["ok"] for c in checks):
                    res.skip("measured sizes differ from the expected")
                    continue
                res.rows.append({"task": "spec", "source": "confirmed", "request": request, "conversation": conv.id,
                                 "messages": spec_messages(request) + [{"role": "assistant",
                                                                        "content": canonical(target)}]})
                if echo:
                    echo(f"  ✓ {request[:70]}")
    return res
