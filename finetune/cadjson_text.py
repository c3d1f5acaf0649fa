"""The ``cadjson`` pairs of the dataset (for the ``gen`` adapter): construction steps in the Text2CAD
expert register → the CAD JSON document they describe.

Documents come from the generated CAD JSON families; each is written out as steps
(:func:`tools.cadjson.to_text.instructions_from`), and a pair is kept only when it is verified
twice: our parser reads the steps back to exactly the same document (every number, every
statement used), and the document builds a valid solid in the sandbox.
"""

from __future__ import annotations

import json
import random
from importlib import resources


def _same(a: dict, b: dict) -> bool:
    strip = lambda d: {n: {k: v for k, v in p.items() if k != "description"} for n, p in d["parts"].items()}  # noqa: E731
    return json.loads(json.dumps(strip(a))) == json.loads(json.dumps(strip(b)))


def instruction_records(sandbox, rng: random.Random, n: int):
    from cadagent.tools.cadjson import build
    from cadagent.tools.cadjson.instructions import parse_instructions
    from cadagent.tools.cadjson.to_text import instructions_from

    from .dataset import BuildReport, Record, Rejected, _h, synthetic_cadjson

    system = resources.files("cadagent.finetune").joinpath("cadjson_system.md").read_text(encoding="utf-8").strip()
    out = BuildReport()
    for i, (kind, raw) in enumerate(synthetic_cadjson(rng, n)):
        steps = instructions_from(raw, rng)
        back = parse_instructions(steps, units=raw.get("units"))
        if not back.ok or back.unused or not _same(back.document, raw):
            out.rejected.append(Rejected("instructions", kind, "the steps do not read back to the same document"))
            continue
        _, res = build(back.doc, sandbox, exports=())
        if not res.ok or not res.valid_solid:
            out.rejected.append(Rejected("instructions", kind, f"does not build: {res.error or 'not a valid solid'}"))
            continue
        answer = json.dumps({"units": raw["units"], "parts": {k: {kk: vv for kk, vv in p.items() if kk != "description"}
                                                              for k, p in raw["parts"].items()}})
        size = sorted(res.report.size)
        out.records.append(Record(
            id=f"instructions-{kind}-{i}-{_h(steps)}", task="gen", source="instructions", family=kind,
            group=f"instructions:{kind}:{int(max(size) // 25)}",
            messages=[{"role": "system", "content": system}, {"role": "user", "content": steps},
                      {"role": "assistant", "content": answer}],
            meta={"size": list(res.report.size), "parts": len(raw["parts"])}))
    return out


def write_cadjson_dataset(out, sandbox, n: int = 400, seed: int = 0, val_fraction: float = 0.1) -> dict:
    """Only the (construction steps → CAD JSON) pairs, for the ``cadjson`` adapter: ``train.jsonl`` /
    ``val.jsonl`` split by group (a document family and size class stays in one split) and
    ``stats.json`` in ``out``; returns the stats. ``cadagent dataset build`` writes them too, beside
    the other tasks' pairs."""
    from collections import Counter
    from pathlib import Path

    from .dataset import split_of

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rep = instruction_records(sandbox, random.Random(seed), n)
    splits: dict[str, list[dict]] = {"train": [], "val": []}
    for r in rep.records:
        splits["val" if split_of(r.group, seed, (1 - val_fraction, val_fraction, 0.0)) != "train" else "train"].append(
            {**r.to_dict(), "task": "cadjson"})
    for name, rows in splits.items():
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    stats = {"task": "cadjson", "seed": seed, "documents": n, "splits": {k: len(v) for k, v in splits.items()},
             "families": dict(Counter(r.family for r in rep.records)),
             "rejected": dict(Counter(r.reason.split(":")[0] for r in rep.rejected))}
    (out / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    return stats
