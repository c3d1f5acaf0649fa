"""The local spec model's decoding speed with and without the JSON-Schema constraint, side by side
in one run: the same requests, greedy, alternating constrained and free, on one loaded model. Prints
tokens/s for each and the ratio (the constraint's cost), and whether each output parsed as JSON.

    cadagent bench decode --adapter adapters/spec --requests 6
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path


def run_benchmark(writer_factory, requests: list[str], *, echo=print, out: Path | None = None) -> dict:
    """``writer_factory(constrained)`` → a SpecWriter; both share one loaded model."""
    from cadagent.agent.local_model.constrain import parse_json
    from cadagent.agent.local_model.prompts import spec_messages

    on, off = writer_factory(True), writer_factory(False)
    shots = 0 if on.adapter in on.llm.loaded_adapters else 3
    rows = []
    on.generate(spec_messages("a 10 mm cube", shots=shots), 1)            # warm-up (and the vocabulary tables)
    for i, req in enumerate(requests):
        msgs = spec_messages(req, shots=shots)
        pair = [(on, "constrained"), (off, "free")] if i % 2 == 0 else [(off, "free"), (on, "constrained")]
        for w, label in pair:
            g = w.generate(msgs, 1)
            c = g.candidates[0]
            rows.append({"request": req, "mode": label, "tokens": g.tokens, "seconds": round(g.seconds, 3),
                         "json": isinstance(parse_json(c.text), dict), "text": c.text})
    summary = {}
    for label in ("constrained", "free"):
        rs = [r for r in rows if r["mode"] == label]
        tok, sec = sum(r["tokens"] for r in rs), sum(r["seconds"] for r in rs)
        summary[label] = {"tokens_per_second": round(tok / sec, 2) if sec else 0.0, "tokens": tok,
                          "seconds": round(sec, 1), "json_rate": round(sum(r["json"] for r in rs) / len(rs), 3),
                          "tokens_per_second_median": round(statistics.median(
                              r["tokens"] / r["seconds"] for r in rs if r["seconds"]), 2)}
    c, f = summary["constrained"]["tokens_per_second"], summary["free"]["tokens_per_second"]
    summary["ratio_constrained_to_free"] = round(c / f, 3) if f else None
    summary["requests"] = len(requests)
    echo(f"constrained {c} tokens/s (JSON {summary['constrained']['json_rate']:.0%}), free {f} tokens/s "
         f"(JSON {summary['free']['json_rate']:.0%}): the constraint runs at {summary['ratio_constrained_to_free']}x "
         f"the free speed, {len(requests)} requests, greedy, one model")
    if out is not None:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "decode.json").write_text(json.dumps({"summary": summary, "rows": rows}, indent=1),
                                               encoding="utf-8")
    return summary
