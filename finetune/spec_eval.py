"""Measuring the spec model on the hand-written held-out split (never on template output):
the model alone (greedy, and best-of-N ranked by the checks), the parser alone
(``cadagent.tools.understand``), and the ensemble (both sources in one ranking).

A reading is *exact* when its validated spec equals the expected one with defaults filled in
(names, ids and the recorded unit aside; a cylinder with one centred through hole counts as the
tube it is); *body* when the body kind matches; *sizes* when the body's numbers all match too.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path


def _dump(spec) -> dict | None:
    from cadagent.tools.part.validation import validate

    if not isinstance(spec, dict):
        return None
    ok, _ = validate(spec)
    return ok.model_dump(mode="json", exclude={"units", "name"}) if ok is not None else None


def _same_solid(d: dict) -> dict:
    """One spelling per solid where two spell the same one: a cylinder with one centred through hole
    is a tube."""
    b, fs = d["body"], d["features"]
    holes = [f for f in fs if f["kind"] == "hole"]
    if b["kind"] == "cylinder" and len(holes) == 1 and holes[0]["at"] == {"kind": "center"} and \
            holes[0]["on"] in ("top", "bottom") and holes[0]["depth"] is None and not holes[0]["cbore"] \
            and not holes[0]["csink"] and isinstance(holes[0]["size"], (int, float)):
        d = {**d, "body": {"id": b["id"], "name": b["name"], "kind": "tube", "outer_diameter": b["diameter"],
                           "inner_diameter": holes[0]["size"], "height": b["height"], "standard": None,
                           "size": None},
             "features": [f for f in fs if f is not holes[0]]}
    return d


def compare(got: dict | None, want: dict) -> dict:
    g, w = _dump(got), _dump(want)
    if g is not None:
        g, w = _same_solid(g), _same_solid(w)
    if g is None:
        return {"valid": False, "body": False, "sizes": False, "exact": False}
    gb = {k: v for k, v in g["body"].items() if k not in ("id", "name")}
    wb = {k: v for k, v in w["body"].items() if k not in ("id", "name")}
    strip = lambda fs: [{k: v for k, v in f.items() if k != "id"} for f in fs]  # noqa: E731 - ids are names
    return {"valid": True, "body": gb["kind"] == wb["kind"], "sizes": gb == wb,
            "exact": gb == wb and strip(g["features"]) == strip(w["features"])}


def failure_rule(problem: str) -> str:
    """The rule a problem message breaks, with its numbers, names and indices taken out, so that
    failures can be counted by rule: "error: $.features[0].at: hole 1 at (0, 0) runs off the 80 x 50
    mm top face; expected …" → "features[].at: hole N at (N, N) runs off the N x N mm top face"."""
    text = re.sub(r"^(error|warning): ", "", problem)
    path, _, rest = text.partition(": ")
    path = re.sub(r"\[\d+\]", "[]", path.removeprefix("$."))
    msg = rest.split("; ")[0]
    msg = re.sub(r"'[^']*'|\"[^\"]*\"", "X", msg)
    msg = re.sub(r"-?\d+(?:\.\d+)?", "N", msg)
    return f"{path}: {msg}"[:120]


def rule_failures(candidates) -> dict:
    """Schema-valid candidates that the part rules refused, counted by the first rule each breaks."""
    from collections import Counter

    c = Counter(failure_rule(x.problems[0]) for x in candidates if x.spec is not None and not x.valid and x.problems)
    return dict(c.most_common())


def _rate(rows: list[dict], key: str, what: str) -> float:
    vals = [r[key][what] for r in rows if r.get(key) is not None]
    return sum(vals) / len(vals) if vals else 0.0


def _cands(cs) -> list[dict]:
    return [{"source": c.source, "spec": c.spec, "valid": c.valid, "problems": c.problems[:2]} for c in cs]


def generated(gen) -> list:
    """Every output the model wrote for one request: the first round and the retry's."""
    return list(gen.raw or gen.candidates) + [c for c in gen.candidates if "-retry" in c.source]


class CachedWriter:
    """The model's candidates a previous ``local eval`` wrote (its ``rows.jsonl``), served as the writer
    would write them, so that a ranking change is measured on the same candidates without the model (the
    parser reads again: it is the parser of this hour). ``candidates`` answers a request the rows hold and
    raises KeyError for any other."""

    def __init__(self, rows: list[dict]):
        self.rows = {r["request"]: r for r in rows if "candidates" in r}
        if not self.rows:
            raise ValueError("no model candidates in these rows (a --parser-only run writes none)")

    @classmethod
    def load(cls, *paths: Path) -> "CachedWriter":
        rows = []
        for path in map(Path, paths):
            path = path / "rows.jsonl" if path.is_dir() else path
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return cls(rows)

    def candidates(self, request: str, n: int = 4, *, seed: int = 0, **_):
        from cadagent.agent.local_model.writer import Candidate, Generation

        row = self.rows.get(request)
        if row is None:
            raise KeyError(f"no cached candidates for {request[:60]!r}: rerun the model on it")
        def made(c):
            return Candidate(source=c["source"], text="", spec=c["spec"], problems=list(c["problems"]))

        kept, rejected = [made(c) for c in row["candidates"]], [made(c) for c in row.get("rejected", [])]
        first = sorted([c for c in kept + rejected if "-retry" not in c.source],
                       key=lambda c: int(c.source.split("#")[1]) if c.source.split("#")[-1].isdigit() else 99)
        return Generation(kept, float(row.get("gen_seconds", 0.0)), int(row.get("tokens", 0)), True,
                          retried=any("-retry" in c.source for c in kept), raw=first, rejected=rejected)


def _validity(gen) -> dict:
    """Counts for one request: schema- and rule-valid outputs of the first round (raw) and of the set the
    ranking gets after the rejected ones are replaced (final); the retry's own outputs."""
    raw, final = gen.raw or gen.candidates, gen.candidates
    retry = [c for c in final if "-retry" in c.source]
    return {"raw": len(raw), "raw_schema": sum(c.spec is not None for c in raw), "raw_valid": sum(c.valid for c in raw),
            "final": len(final), "final_valid": sum(c.valid for c in final),
            "retry": len(retry), "retry_schema": sum(c.spec is not None for c in retry),
            "retry_valid": sum(c.valid for c in retry)}


def validity_summary(recs: list[dict]) -> dict:
    """Rule validity before and after the rejection + retry, over every request's counts."""
    tot = {k: sum(r["validity"][k] for r in recs if "validity" in r) for k in
           ("raw", "raw_schema", "raw_valid", "final", "final_valid", "retry", "retry_schema", "retry_valid")}
    rate = lambda a, b: round(tot[a] / tot[b], 3) if tot[b] else 0.0  # noqa: E731
    with_valid = lambda key: sum(1 for r in recs if "validity" in r and r["validity"][key] > 0)  # noqa: E731
    return {**tot, "raw_schema_valid": rate("raw_schema", "raw"), "raw_rule_valid": rate("raw_valid", "raw"),
            "retry_rule_valid": rate("retry_valid", "retry"), "final_rule_valid": rate("final_valid", "final"),
            "requests_with_a_valid_candidate_raw": with_valid("raw_valid"),
            "requests_with_a_valid_candidate_final": with_valid("final_valid")}


def evaluate(writer, rows: list[dict], *, n: int = 4, sandbox=None, parser=True, echo=print,
             out: Path | None = None, consensus: int = 2) -> dict:
    """Run every held-out row through the model (greedy + best-of-``n``), the parser and the ensemble.
    The ensemble is ranked four ways: with the parser preferred (``ensemble``), without the stated
    envelope (``ensemble_numbers``: numbers used first, the ranking before session 7; ``best_of_n_numbers``
    likewise), without the fallbacks of a broken parser reading (``ensemble_no_fallback``: before session 8),
    and with ``consensus`` (``ensemble_consensus``: a spec 2 or more candidates agree on
    outranks that preference)."""
    from cadagent.agent.local_model.rank import rank

    build = None
    if sandbox is not None:
        from cadagent.tools.part.pipeline import build as build_part

        def build(spec):
            return build_part(spec, sandbox, exports=())
    understand = None
    if parser:
        from cadagent.tools.understand import understand
    results, tokens, seconds, valid_outputs, schema_outputs, outputs = [], 0, 0.0, 0, 0, 0
    failures: dict[str, int] = {}
    if out is not None:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "rows.jsonl").write_text("", encoding="utf-8")
    for i, row in enumerate(rows):
        req, want = row["request"], row["spec"]
        t0 = time.time()
        gen = writer.candidates(req, n=n, seed=i)
        tokens += gen.tokens
        seconds += gen.seconds
        written = generated(gen)                                  # every output, retries included
        outputs += len(written)
        valid_outputs += sum(c.valid for c in written)
        for rule, k in rule_failures(written).items():
            failures[rule] = failures.get(rule, 0) + k
        schema_outputs += sum(c.spec is not None for c in written)
        pairs = [(c.source, c.spec) for c in gen.candidates]      # rank validates (and says why not)
        raw = gen.raw or gen.candidates
        greedy = raw[0].spec if raw and raw[0].valid else None    # the first round's greedy, no retry
        retried_greedy = next((c for c in gen.candidates if c.source in ("model#1", "model#1-retry")), None)
        best = rank(req, pairs, build=build)
        best_numbers = rank(req, pairs, build=build, envelope=False)
        rec = {"request": req, "greedy": compare(greedy, want),
               "greedy_retry": compare(retried_greedy.spec if retried_greedy and retried_greedy.valid else None, want),
               "best_of_n": compare(best.winner.spec if best.winner else None, want),
               "best_of_n_numbers": compare(best_numbers.winner.spec if best_numbers.winner else None, want),
               "any_of_n": any(compare(s, want)["exact"] for _, s in pairs),
               "model_winner": best.winner.source if best.winner else None, "model_reason": best.reason,
               "greedy_spec": greedy, "validity": _validity(gen), "candidates": _cands(gen.candidates),
               "rejected": _cands(gen.rejected)}
        if understand is not None:
            u = understand(req)
            parsed = [("parser" if k == 0 else f"parser#{k + 1}", c.spec) for k, c in enumerate(u.candidates)]
            rec["parser"] = compare(u.spec, want)
            ens = rank(req, pairs + parsed, build=build, prefer=("parser",))
            rec["ensemble"] = compare(ens.winner.spec if ens.winner else None, want)
            rec["ensemble_winner"] = ens.winner.source if ens.winner else None
            rec["ensemble_reason"] = ens.reason
            old = rank(req, pairs + parsed, build=build, prefer=("parser",), envelope=False)
            rec["ensemble_numbers"] = compare(old.winner.spec if old.winner else None, want)
            rec["ensemble_numbers_winner"] = old.winner.source if old.winner else None
            bare = rank(req, pairs + parsed, build=build, prefer=("parser",), fallback=False)
            rec["ensemble_no_fallback"] = compare(bare.winner.spec if bare.winner else None, want)
            rec["ensemble_no_fallback_winner"] = bare.winner.source if bare.winner else None
            agree = rank(req, pairs + parsed, build=build, prefer=("parser",), consensus=consensus)
            rec["ensemble_consensus"] = compare(agree.winner.spec if agree.winner else None, want)
            rec["ensemble_consensus_winner"] = agree.winner.source if agree.winner else None
            rec["parser_candidates"] = [{"source": s_, "spec": sp} for s_, sp in parsed]
        rec["seconds"] = round(time.time() - t0, 1)
        rec["tokens"] = gen.tokens
        results.append(rec)
        if out is not None:      # row by row: a long run can be read (and summarised) while it goes
            with open(Path(out) / "rows.jsonl", "a", encoding="utf-8") as f:
                f.write(json.dumps(rec) + "\n")
        echo(f"[{i + 1}/{len(rows)}] greedy {'✓' if rec['greedy']['exact'] else '✗'} "
             f"best {'✓' if rec['best_of_n']['exact'] else '✗'} "
             + (f"parser {'✓' if rec['parser']['exact'] else '✗'} ensemble {'✓' if rec['ensemble']['exact'] else '✗'} "
                f"({rec['ensemble_winner']}) " if understand else "") + f"{rec['seconds']} s  {req[:60]}")
    summary = {"rows": len(rows), "n": n, "schema_valid_outputs": schema_outputs / outputs if outputs else 0.0,
               "rule_valid_outputs": valid_outputs / outputs if outputs else 0.0,
               "tokens_per_second": tokens / seconds if seconds else 0.0, "built": sandbox is not None,
               "rule_failures": dict(sorted(failures.items(), key=lambda kv: -kv[1])),
               "validity": validity_summary(results)}
    for key in ("greedy", "greedy_retry", "best_of_n", "best_of_n_numbers", "parser", "ensemble",
                "ensemble_numbers", "ensemble_no_fallback", "ensemble_consensus"):
        if results and key in results[0]:
            summary[key] = {w: round(_rate(results, key, w), 3) for w in ("valid", "body", "sizes", "exact")}
    summary["any_of_n_exact"] = round(sum(r["any_of_n"] for r in results) / len(results), 3) if results else 0.0
    if out is not None:
        (Path(out) / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return {"summary": summary, "rows": results}


def evaluate_text2cad(writer, convs, *, n: int = 4, sandbox, echo=print, out: Path | None = None) -> dict:
    """The same four readers on Text2CAD prompts, which have no spec to compare: each reader's answer
    is built in the sandbox and scored by IoU ≥ 0.5 against the DeepCAD ground truth, both scaled to the
    same largest extent (the text2cad suite's own check, ``evals.checks``). ``writer`` None: the parser
    alone."""
    import tempfile

    from cadagent.agent.local_model.rank import rank
    from cadagent.evals.checks import References, check_turn
    from cadagent.finetune.spec_data import canonical
    from cadagent.tools.part.pipeline import build as build_part
    from cadagent.tools.understand import understand

    results = []
    if out is not None:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "rows.jsonl").write_text("", encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        refs = References(sandbox, Path(work))
        built: dict[str, object] = {}

        def build(spec):
            if hasattr(spec, "model_dump"):           # rank passes validated specs
                spec = spec.model_dump(mode="json")
            key = canonical(spec)
            if key not in built:
                built[key] = build_part(spec, sandbox, Path(work) / f"b{len(built)}", exports=("step",))
            return built[key]

        scores: dict[tuple[str, str], dict] = {}

        def score(spec, conv) -> dict:
            """One measurement per prompt and distinct spec: every reader that picked it gets the same IoU (a
            check that timed out under load once read None for some readers and a value for others)."""
            if not isinstance(spec, dict):
                return {"valid": False, "built": False, "iou": None, "ok": False}
            key = (conv.id, canonical(spec))
            if key not in scores:
                scores[key] = _score(spec, conv)
            return dict(scores[key])

        def _score(spec, conv) -> dict:
            b = build(spec)
            res = b.result
            if b.spec is None or res is None or not res.ok or not res.valid_solid:
                return {"valid": b.spec is not None, "built": False, "iou": None, "ok": False}
            step = res.artifacts.get("step")
            outcome = {"ok": True, "size": list(res.report.size), "bbox_min": list(res.report.bbox_min),
                       "volume": res.report.volume, "solids": res.report.solids, "step": str(step) if step else None}
            expect = {"iou": conv.turns[0]["expect"]["iou"]}
            iou = next(c for c in check_turn(expect, outcome, conv, refs) if c["check"] == "iou")
            return {"valid": True, "built": True, "iou": iou["measured"], "ok": bool(iou["ok"]),
                    **({"why": iou.get("detail")} if iou["measured"] is None else {})}

        for i, conv in enumerate(convs):
            req = conv.turns[0]["user"]
            t0 = time.time()
            u = understand(req)
            parsed = [("parser" if k == 0 else f"parser#{k + 1}", c.spec) for k, c in enumerate(u.candidates)]
            rec = {"id": conv.id, "request": req, "parser": score(u.spec, conv)}
            if writer is not None:
                gen = writer.candidates(req, n=n, seed=i)
                pairs = [(c.source, c.spec) for c in gen.candidates]
                raw = gen.raw or gen.candidates
                greedy = raw[0].spec if raw and raw[0].valid else None
                best = rank(req, pairs, build=build)
                best_numbers = rank(req, pairs, build=build, envelope=False)
                ens = rank(req, pairs + parsed, build=build, prefer=("parser",))
                ens_numbers = rank(req, pairs + parsed, build=build, prefer=("parser",), envelope=False)
                agree = rank(req, pairs + parsed, build=build, prefer=("parser",), consensus=2)
                bare = rank(req, pairs + parsed, build=build, prefer=("parser",), fallback=False)
                written = generated(gen)
                rec.update(greedy=score(greedy, conv), best_of_n=score(best.winner.spec if best.winner else None, conv),
                           ensemble=score(ens.winner.spec if ens.winner else None, conv),
                           ensemble_winner=ens.winner.source if ens.winner else None, ensemble_reason=ens.reason,
                           best_of_n_numbers=score(best_numbers.winner.spec if best_numbers.winner else None, conv),
                           ensemble_numbers=score(ens_numbers.winner.spec if ens_numbers.winner else None, conv),
                           ensemble_numbers_winner=ens_numbers.winner.source if ens_numbers.winner else None,
                           ensemble_no_fallback=score(bare.winner.spec if bare.winner else None, conv),
                           ensemble_no_fallback_winner=bare.winner.source if bare.winner else None,
                           ensemble_consensus=score(agree.winner.spec if agree.winner else None, conv),
                           ensemble_consensus_winner=agree.winner.source if agree.winner else None,
                           schema_valid=[c.spec is not None for c in written],
                           rule_valid=[c.valid for c in written], rule_failures=rule_failures(written),
                           validity=_validity(gen), candidates=_cands(gen.candidates), rejected=_cands(gen.rejected),
                           parser_candidates=[{"source": s_, "spec": sp} for s_, sp in parsed],
                           tokens=gen.tokens,
                           gen_seconds=round(gen.seconds, 1), greedy_text=raw[0].text if raw else None)
            rec["seconds"] = round(time.time() - t0, 1)
            results.append(rec)
            if out is not None:
                with open(Path(out) / "rows.jsonl", "a", encoding="utf-8") as f:
                    f.write(json.dumps(rec) + "\n")
            echo(f"[{i + 1}/{len(convs)}] " + " ".join(
                f"{k} {'✓' if rec[k]['ok'] else '✗'}" for k in ("greedy", "best_of_n", "parser", "ensemble",
                                                                 "ensemble_numbers", "ensemble_no_fallback",
                                                                 "ensemble_consensus") if k in rec)
                + f" {rec['seconds']} s  {conv.id}")
    summary = text2cad_summary(results)
    if out is not None:
        (Path(out) / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return {"summary": summary, "rows": results}


def text2cad_summary(rows: list[dict]) -> dict:
    s: dict = {"rows": len(rows)}
    if any("validity" in r for r in rows):
        s["validity"] = validity_summary(rows)
    for key in ("greedy", "best_of_n", "best_of_n_numbers", "parser", "ensemble", "ensemble_numbers",
                "ensemble_no_fallback", "ensemble_consensus"):
        got = [r[key] for r in rows if key in r]
        if got:
            s[key] = {"iou_ge_0.5": round(sum(g["ok"] for g in got) / len(got), 3),
                      "built": round(sum(g["built"] for g in got) / len(got), 3)}
    outs = [v for r in rows for v in r.get("schema_valid", [])]
    if outs:
        s["schema_valid_outputs"] = round(sum(outs) / len(outs), 3)
        rv = [v for r in rows for v in r.get("rule_valid", [])]
        s["rule_valid_outputs"] = round(sum(rv) / len(rv), 3)
        failures: dict[str, int] = {}
        for r in rows:
            for rule, k in r.get("rule_failures", {}).items():
                failures[rule] = failures.get(rule, 0) + k
        s["rule_failures"] = dict(sorted(failures.items(), key=lambda kv: -kv[1]))
    return s
