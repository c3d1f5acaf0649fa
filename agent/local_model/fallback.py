"""Fallback candidates for the ensemble when a preferred reading breaks.

The parser's body is exact when it reads one (sizes said in the request); the sizes of its features are
often assumed ("no diameter for the holes given: 0.15 assumed", "no wall thickness given: 2 mm assumed"),
and an assumed size can break the part: a 2 mm wall in a 0.15-unit box, holes that run off a plate. The
reading is then lost whole, body and all, and a model candidate with the wrong body wins. So when a
preferred reading is refused by the part rules or fails to build (or, in the agent, its checks), the
ensemble also ranks:

- ``<source>-body``: the same body with no features (it misses them, and the ranking and the answer say so);
- ``<source>+<model#k>``: the same body with the features a valid model candidate that built wrote (the model
  writes feature sizes at the request's scale; the parser read the body).

They are new candidates, built and checked like any other, and never preferred: a refused reading's body
may be what was misread ("block 40 by 40 by 20 with a blind hole, 8 wide": a 40 x 8 x 20 block whose 12 mm
hole was refused), so a fallback wins on the checks (it builds, fits the stated envelope, uses the request's
numbers and features), and a tie goes on to agreement: a model candidate that several samples wrote beats
it. A fallback that misses features loses to any candidate that builds with them and fits as well. A
reading that works gets none, and a fallback gets none of its own.

    fallbacks([("parser", spec, False)], [("model#2", spec2)])   # [("parser-body", …), ("parser+model#2", …)]
"""

from __future__ import annotations


def is_fallback(source: str) -> bool:
    return "+" in source or source.endswith("-body")


def base(source: str) -> str:
    """The source a candidate comes from: "parser#2-body" → "parser", "model#1-retry" → "model"."""
    return source.split("+")[0].removesuffix("-body").split("#")[0]


def note(source: str) -> str:
    """Where a fallback comes from, for the answer ("" for any other candidate)."""
    if not is_fallback(source):
        return ""
    reading, _, donor = source.removesuffix("-body").partition("+")
    return (f"{reading}'s body with {donor}'s features" if donor else f"{reading}'s body without its features") \
        + f", as {reading}'s own reading did not pass"


def _has_features(spec) -> bool:
    return isinstance(spec, dict) and isinstance(spec.get("body"), dict) and bool(spec.get("features"))


def fallbacks(readings: list[tuple[str, dict | None, bool]],
              donors: list[tuple[str, dict | None]]) -> list[tuple[str, dict]]:
    """(source, spec) fallbacks. ``readings``: (source, spec, works) of the preferred source's readings;
    ``donors``: (source, spec) of the other sources' candidates that are valid and built."""
    donors = [(s, d) for s, d in donors if _has_features(d) and not is_fallback(s)]
    out = []
    for source, spec, works in readings:
        if works or is_fallback(source) or not _has_features(spec):
            continue
        out.append((f"{source}-body", {**spec, "features": []}))
        out += [(f"{source}+{d_source}", {**spec, "features": d["features"]}) for d_source, d in donors]
    return out


def fallback_candidates(cands: list[dict], prefer: tuple[str, ...] = ("parser",)) -> list[dict]:
    """The agent's ensemble: fallbacks for its checked candidates (dicts with ``source``, ``spec``, ``code``,
    ``error`` and ``passed``: built and checked), as new unchecked candidates; none once the list holds a
    fallback. A donor needs to have built, not to have passed: its body may be what failed the checks."""
    if any(is_fallback(c.get("source", "")) for c in cands):
        return []
    readings = [(c["source"], c.get("spec"), bool(c.get("passed"))) for c in cands if base(c["source"]) in prefer]
    donors = [(c["source"], c.get("spec")) for c in cands
              if c.get("code") and not c.get("error") and base(c["source"]) not in prefer]
    return [{"source": s, "spec": spec, "problems": []} for s, spec in fallbacks(readings, donors)]
