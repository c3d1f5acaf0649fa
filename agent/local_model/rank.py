"""Best-of-N: candidate specs from several sources (the local model's samples, the parser's
readings, …) ranked by the checks, so that one call joins them all.

    ranking = rank(request, [("model#1", spec1), ("model#2", spec2), ("parser", spec3)], build=builder)
    ranking.winner.spec, ranking.reason

Each candidate is scored on, in this order:
1. validity: the spec validates (schema and part rules), and, when ``build`` is given, it is
   compiled, run and measured in the sandbox and the measurement meets the spec's promises;
2. envelope: when the request states the overall size ("the final part measures 0.75 x 0.47 x
   0.03", or the sentence with its largest sizes), how many of those sizes the body's extents match
   one to one (:mod:`.extents`). A multi-part description's first part alone uses as many of the
   request's numbers as the whole, so numbers used cannot tell them apart; the envelope can;
3. feature match: the numbers of the request that the spec uses, and the features the request
   names (hole, fillet, chamfer, pocket, slot, boss) that the spec has, minus features it has
   that the request never names;
4. consensus (``consensus=k``, off by default): a spec that k or more candidates wrote outranks
   the preference below; several samples agreeing is evidence the preference lacks;
5. the caller's preference among sources (``prefer``: e.g. the parser, whose readings are exact when
   they are complete), only between candidates the checks cannot tell apart;
6. agreement: how many candidates (from any source) wrote the same spec;
7. simplicity: fewer features, then the shorter spec.

A preferred reading that the rules refuse or that does not build also enters as its body alone and as
its body with a model candidate's features (:mod:`.fallback`), never preferred.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .extents import extent_fit, spec_extents, stated_extents
from .fallback import base as base_source
from .fallback import fallbacks
from .fallback import note as fallback_note
from .normalize import normalize

# request words → feature kinds they ask for (a spec with a kind nobody asked for loses a point)
FEATURE_WORDS = {
    "hole": r"\bholes?\b|\bbored?\b|\bbores?\b|\bdrill(?:ed)?\b|\btapped\b|\bclearance\b|\bbolt circle\b",
    "fillet": r"\bfillet(?:s|ed)?\b|\bround(?:ed)?\b(?! bar| post| plate| pad)|\bradius\b|\bR\d",
    "chamfer": r"\bchamfer(?:s|ed)?\b|\bbevel(?:led)?\b|\bbreak the\b",
    "pocket": r"\bpocket\b|\brecess(?:ed)?\b|\bcounter-recess\b|\bhollowed\b",
    "slot": r"\bslots?\b",
    "boss": r"\bboss(?:es)?\b|\bpad\b(?= on)",
}
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")


@dataclass
class Scored:
    source: str
    spec: dict | None
    valid: bool = False
    built: bool | None = None           # None: not built (no builder, or invalid)
    problems: list[str] = field(default_factory=list)
    matched_numbers: int = 0
    request_numbers: int = 0
    features_asked: list[str] = field(default_factory=list)
    features_missing: list[str] = field(default_factory=list)
    features_extra: list[str] = field(default_factory=list)
    votes: int = 1
    size: int = 0
    preferred: int = 0
    consensus: int = 0           # 0 off; else votes >= consensus ranks above the preference
    fit: float | None = None     # the body's extents against the stated envelope (:mod:`.extents`); None: none stated
    stated: list[float] | None = None    # that envelope
    envelope: bool = True        # rank on the fit (False: the session-6 ranking, numbers used first)
    note: str = ""               # where a fallback candidate comes from (:mod:`.fallback`)

    @property
    def match(self) -> float:
        nums = self.matched_numbers / self.request_numbers if self.request_numbers else 1.0
        return nums - 0.5 * len(self.features_missing) - 0.25 * len(self.features_extra)

    def key(self) -> tuple:
        checks = (self.valid, self.built is not False)
        agreed = bool(self.consensus) and self.votes >= self.consensus
        fit = () if not self.envelope else (-1.0 if self.fit is None else round(self.fit, 6),)
        return (*checks, *fit, round(self.match, 6), agreed, self.preferred, self.votes,
                -len((self.spec or {}).get("features", [])), -self.size)

    def explain(self) -> str:
        if not self.valid:
            return f"{self.source}: invalid ({'; '.join(self.problems[:2])})"
        parts = [f"{self.source}: valid" + (f" ({self.note})" if self.note else "")]
        if self.built is not None:
            parts.append("built and checked" if self.built else
                         f"build/check failed ({'; '.join(self.problems[:2])})")
        if self.fit is not None:
            env = " x ".join(f"{v:g}" for v in self.stated)
            parts.append(f"fits the stated {env} envelope" if self.fit == 1 else
                         f"fits the stated {env} envelope {self.fit:.0%}")
        parts.append(f"uses {self.matched_numbers}/{self.request_numbers} of the request's numbers")
        if self.features_missing:
            parts.append("misses " + ", ".join(self.features_missing))
        if self.features_extra:
            parts.append("adds unasked " + ", ".join(self.features_extra))
        if self.votes > 1:
            parts.append(f"written by {self.votes} candidates")
        return "; ".join(parts)


@dataclass
class Ranking:
    request: str
    ranked: list[Scored]

    @property
    def winner(self) -> Scored | None:
        return self.ranked[0] if self.ranked and self.ranked[0].valid else None

    @property
    def reason(self) -> str:
        if not self.ranked:
            return "no candidates"
        if self.winner is None:
            return "no valid candidate: " + " | ".join(s.explain() for s in self.ranked)
        w = self.winner
        runner = next((s for s in self.ranked[1:] if canonical_key(s.spec) != canonical_key(w.spec)), None)
        why = f"won: {w.explain()}"
        if runner is not None:
            why += f". Runner-up {runner.explain()}"
        return why

    def to_dict(self) -> dict:
        return {"request": self.request, "winner": self.winner.source if self.winner else None,
                "reason": self.reason,
                "ranked": [{"source": s.source, "spec": s.spec, "valid": s.valid, "built": s.built,
                            "match": round(s.match, 3), "votes": s.votes, "problems": s.problems} for s in self.ranked]}


def canonical_key(spec: dict | None) -> str:
    """Two candidates are the same when their validated specs dump the same (defaults filled in)."""
    from cadagent.tools.part.validation import validate

    if spec is None:
        return "null"
    ok, _ = validate(spec)
    data = ok.model_dump(mode="json", exclude={"units", "name"}) if ok is not None else spec
    return json.dumps(data, sort_keys=True)


def _numbers(obj) -> list[float]:
    if isinstance(obj, bool):
        return []
    if isinstance(obj, (int, float)):
        return [float(obj)]
    if isinstance(obj, str):
        return [float(x) for x in _NUMBER.findall(obj)]
    if isinstance(obj, dict):
        return [n for v in obj.values() for n in _numbers(v)]
    if isinstance(obj, (list, tuple)):
        return [n for v in obj for n in _numbers(v)]
    return []


def _derived(spec_numbers: list[float]) -> set[float]:
    """Numbers a request may give that the spec holds in another form (radius for diameter, …)."""
    out = set()
    for n in spec_numbers:
        out |= {round(n, 3), round(n / 2, 3), round(n * 2, 3)}
    return out


def score(request_text: str, source: str, spec: dict | None, build=None, stated: list[float] | None = None) -> Scored:
    from cadagent.tools.part.validation import validate

    s = Scored(source=source, spec=spec)
    if not isinstance(spec, dict):
        s.problems = ["not a JSON object"]
        return s
    ok, problems = validate(spec)
    s.valid = ok is not None
    s.problems = [str(p) for p in problems if p.severity == "error"]
    s.size = len(json.dumps(spec, separators=(",", ":")))
    asked_numbers = [float(x) for x in _NUMBER.findall(request_text)]
    have = _derived(_numbers(spec.get("body", {})) + _numbers(spec.get("features", [])))
    s.request_numbers = len(asked_numbers)
    s.matched_numbers = sum(1 for n in asked_numbers if round(n, 3) in have)
    kinds = {f.get("kind") for f in spec.get("features", []) if isinstance(f, dict)}
    body = spec.get("body") if isinstance(spec.get("body"), dict) else {}
    if body.get("kind") == "tube" or body.get("bore"):
        kinds.add("hole")                  # a tube's bore (a nut blank's) is the hole a request may name
    s.features_asked = sorted(k for k, rx in FEATURE_WORDS.items() if re.search(rx, request_text, re.I))
    s.features_missing = [k for k in s.features_asked if k not in kinds]
    s.features_extra = sorted(k for k in kinds if k in FEATURE_WORDS and k not in s.features_asked)
    if s.valid and stated:
        s.fit, s.stated = extent_fit(stated, spec_extents(ok)) or 0.0, stated
    if s.valid and build is not None:
        result = build(ok)
        s.built = bool(result.ok)
        if not result.ok:
            s.problems = [result.summary()]
    return s


def rank(request: str, candidates: list[tuple[str, dict | None]], build=None,
         prefer: tuple[str, ...] = (), consensus: int = 0, envelope: bool = True,
         fallback: bool = True) -> Ranking:
    """Rank (source, spec) pairs. ``build(spec) -> object with .ok and .summary()`` (e.g. a closure
    over :func:`cadagent.tools.part.build` and a sandbox) compiles and measures each distinct valid
    spec once; without it the ranking uses the checks that need no kernel. ``envelope=False`` leaves the
    stated envelope out (numbers used first, as before session 7), for side-by-side measurements.
    ``fallback``: a preferred reading that is refused or does not build adds its body alone and its body
    with each valid model candidate's features as candidates (:mod:`.fallback`; session 8)."""
    text = normalize(request).text
    built: dict[str, object] = {}

    def cached_build(spec):
        key = canonical_key(spec.model_dump(mode="json"))
        if key not in built:
            built[key] = build(spec)
        return built[key]

    stated = stated_extents(text)
    scored = [score(text, src, spec, cached_build if build else None, stated) for src, spec in candidates]
    if fallback:
        works = lambda s: s.valid and s.built is not False      # noqa: E731
        readings = [(s.source, s.spec, works(s)) for s in scored if base_source(s.source) in prefer]
        donors = [(s.source, s.spec) for s in scored if works(s) and base_source(s.source) not in prefer]
        seen = {canonical_key(s.spec) for s in scored if s.valid}
        for src, spec in fallbacks(readings, donors):
            if (key := canonical_key(spec)) in seen:      # a candidate that already is this spec
                continue
            seen.add(key)
            scored.append(score(text, src, spec, cached_build if build else None, stated))
    for s in scored:
        base = base_source(s.source)
        s.note = fallback_note(s.source)        # a fallback is never preferred: its reading's body failed too
        s.preferred = len(prefer) - prefer.index(base) if base in prefer and not s.note else 0
    votes: dict[str, int] = {}
    for s in scored:
        if s.valid:
            k = canonical_key(s.spec)
            votes[k] = votes.get(k, 0) + 1
    for s in scored:
        if s.valid:
            s.votes = votes[canonical_key(s.spec)]
        s.consensus = consensus
        s.envelope = envelope
    scored.sort(key=lambda s: s.key(), reverse=True)
    return Ranking(request=request, ranked=scored)
