"""Fallback candidates for the ensemble when a preferred reading breaks.

The parser's body is exact when it reads one (sizes said in the request); the sizes of its features are
often assumed ("no diameter for the holes given: 0.15 assumed", "no wall thickness given: 2 mm assumed"),
and an assumed size can break the part: a 2 mm wall in a 0.15-unit box, holes that run off a plate. The
reading is then lost whole, body and all, and a model candidate with the wrong body wins. So when a
preferred reading is refused by the part rules or fails to build, the ensemble also ranks:

- ``<source>-body``: the same body with no features (it misses them, and the ranking and the answer say so);
- ``<source>+<model#k>``: the same body with the features a valid model candidate wrote (the model writes
  feature sizes at the request's scale; the parser read the body).

They are new candidates, built and checked like any other. They keep the preference of the reading whose
body they keep (the caller trusts that source's body): between a fallback and a model candidate that the
checks cannot tell apart (the same fit, the same numbers used), the fallback wins; a fallback that misses
features loses to any candidate that builds with them and fits as well. A reading that builds gets none.

    extra = fallbacks(scored)      # [(source, spec, note, preferred)] for rank() to score
"""

from __future__ import annotations


def _broken(s) -> bool:
    """A preferred reading that the rules refused or the build failed, and that has features to drop."""
    spec = s.spec
    return (s.preferred > 0 and isinstance(spec, dict) and isinstance(spec.get("body"), dict)
            and bool(spec.get("features")) and (not s.valid or s.built is False))


def fallbacks(scored: list) -> list[tuple[str, dict, str, int]]:
    """(source, spec, note, preferred) for each broken preferred reading in ``scored`` (``rank.Scored`` items with their
    ``preferred`` set): its body alone, and its body with each valid model candidate's features."""
    donors = [s for s in scored if s.valid and s.built is not False and s.preferred == 0
              and isinstance(s.spec, dict) and s.spec.get("features") and "+" not in s.source]
    out = []
    for s in filter(_broken, scored):
        why = "did not build" if s.valid else "was refused"
        out.append((f"{s.source}-body", {**s.spec, "features": []},
                    f"{s.source}'s body without its features (its reading {why})", s.preferred))
        for d in donors:
            out.append((f"{s.source}+{d.source}", {**s.spec, "features": d.spec["features"]},
                        f"{s.source}'s body with {d.source}'s features (its reading {why})", s.preferred))
    return out
