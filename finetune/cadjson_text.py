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
