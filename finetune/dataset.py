"""Datasets for fine-tuning, every pair verified by running it.

Sources:
- ``kb``: parameter sweeps of each knowledge-base example (all millimetre parameters scaled together),
  run in the sandbox, paired with a templated request in varied phrasings and units; kept only when
  the agent's own request parser reads the request as the size the part measures.
- ``cadjson``: generated CAD JSON documents (boxes, plates with holes, rings, L and T profiles,
  stepped blocks) and any given CAD JSON files, built in the sandbox, paired with our grounded
  step-by-step explanation (the ``explain`` task).
- ``instructions`` (the ``cadjson`` pairs, ``gen`` task): the same generated documents written as
  construction steps in the Text2CAD expert register → the CAD JSON, kept when our parser reads the
  steps back to the same document and it builds (finetune/cadjson_text.py).
- ``feedback`` / ``sessions``: thumbs-up answers in ``<workspace>/feedback.jsonl`` and saved new designs
  in ``<workspace>/sessions``, re-run and deduplicated.

Records are chat-format JSONL (``messages``: system, user, assistant) in ``train / val / test``; the
split is by group (an example's sweeps, one generated document kind and size class, one thread)
so no near-duplicate crosses splits. Prompts come from :func:`agent.prompting.build_messages`
(compact) and :func:`agent.prompting.explain_messages`, the same functions the agent uses.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from cadagent.tools.jsonl import iter_jsonl

SPLITS = ("train", "val", "test")
FACTORS = (1.0, 0.8, 1.25, 1.5, 0.6, 2.0, 0.7, 1.1)


@lru_cache(maxsize=1)
def templates() -> dict:
    return yaml.safe_load(resources.files("cadagent.finetune").joinpath("templates.yaml").read_text(encoding="utf-8"))


@dataclass
class Record:
    id: str
    task: str                 # gen | explain
    source: str               # kb | cadjson | feedback | sessions
    family: str
    group: str                # split unit: near-duplicates share it
    messages: list[dict]
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "task": self.task, "source": self.source, "family": self.family,
                "group": self.group, "messages": self.messages, "meta": self.meta}


@dataclass
class Rejected:
    source: str
    family: str
    reason: str


@dataclass
class BuildReport:
    records: list[Record] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


class DataError(ValueError):
    """A dataset file that cannot be read, with its line."""


# -- phrasing ---------------------------------------------------------------------------------------
def _num(v: float, decimals: int) -> str:
    text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    return text or "0"


def phrase_request(title: str, size: list[float], rng: random.Random) -> tuple[str, str]:
    """A request for a part of this measured size: (text, unit)."""
    t = templates()
    units = t["units"]
    unit = rng.choices(list(units), weights=[u[0] for u in units.values()])[0]
    per, decimals = units[unit][1], units[unit][2]
    label = {"inch": "inches"}.get(unit, unit)
    a, b, c = sorted(size, reverse=True)
    vals = [_num(v / per, decimals) for v in (a, b, c)]
    pairs = [(a, b), (b, c), (a, c)]
    round_pair = next(((x, y) for x, y in pairs if abs(x - y) <= 1e-3 * max(x, 1)), None)
    if round_pair is not None and rng.random() < 0.8:
        rest = [a, b, c]
        rest.remove(round_pair[0])
        rest.remove(round_pair[1])
        d, other = round_pair[0], rest[0]
        hword = "thick" if other < d / 3 else rng.choice(["tall", "long"])
        dims = rng.choice(t["round_dims"]).format(d=_num(d / per, decimals), h=_num(other / per, decimals),
                                                  unit=label, hword=hword)
    else:
        order = vals if rng.random() < 0.7 else rng.sample(vals, 3)
        dims = rng.choice(t["box_dims"]).format(a=order[0], b=order[1], c=order[2], unit=label)
    noun = title[0].lower() + title[1:]
    article = "an" if noun[:1] in "aeiou" else "a"
    text = rng.choice(t["gen"]).format(article=article, noun=noun, Noun=noun[:1].upper() + noun[1:], dims=dims)
    return text, unit


def verify_request(request: str, size: list[float]) -> list[str]:
    """Why the part does not match the request as the agent reads it (empty: it matches)."""
    from cadagent.agent.lc_tools import size_problems
    from cadagent.agent.plan import parse_request

    plan = parse_request(request).to_dict()
    if not plan.get("extents") and not plan.get("must_have"):
        return ["the request parser finds no size in the request"]
    return size_problems(plan, size)


def gen_messages(request: str, code: str, note: str) -> list[dict]:
    from cadagent.agent.plan import parse_request
    from cadagent.agent.prompting import build_messages
    from cadagent.agent.local_llm import as_chat

    plan = parse_request(request).to_dict()
    prompt = build_messages("new_design", {"request": request, "plan": plan, "intent": "new_design"}, compact=True)
    answer = f"```python\n{code.rstrip()}\n```\n{note}".strip()
    return as_chat(prompt) + [{"role": "assistant", "content": answer}]


# -- sources ----------------------------------------------------------------------------------------
def kb_records(kb_entries, sandbox, rng: random.Random, per_example: int,
               progress: Callable[[str], None] | None = None) -> BuildReport:
    from cadagent.agent.offline.params import parameters, set_parameters

    out = BuildReport()
    examples = [e for e in kb_entries if e.kind == "example"]
    for n, e in enumerate(examples, 1):
        if progress:
            progress(f"kb {n}/{len(examples)}: {e.id}")
        params = e.meta.get("parameters") or {}
        mm = {k: float(v["default"]) for k, v in params.items()
              if isinstance(v, dict) and v.get("unit") == "mm" and k in parameters(e.body)}
        factors = [FACTORS[0], *rng.sample(FACTORS[1:], min(per_example - 1, len(FACTORS) - 1))]
        for factor in factors:
            code = set_parameters(e.body, {k: round(v * factor, 2) for k, v in mm.items()}) if mm else e.body
            res = sandbox.run_script(code, exports=())
            if not res.ok or not res.valid_solid:
                out.rejected.append(Rejected("kb", e.family, f"does not build at scale {factor:g}: "
                                             f"{res.error or 'not a valid solid'}"))
                continue
            size = list(res.report.size)
            request, unit = phrase_request(e.title, size, rng)
            problems = verify_request(request, size)
            if problems:
                out.rejected.append(Rejected("kb", e.family, f"request does not match the part: {problems[0]}"))
                continue
            note = f"Adapted '{e.title}' to {' x '.join(_num(v, 1) for v in sorted(size, reverse=True))} mm."
            out.records.append(Record(
                id=f"kb-{e.id}-{_num(factor, 2)}-{_h(request)}", task="gen", source="kb", family=e.family,
                group=f"kb:{e.id}", messages=gen_messages(request, code, note),
                meta={"request": request, "unit": unit, "size": size, "example": e.id, "factor": factor}))
    return out


def _h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def synthetic_cadjson(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """(kind, minimal CAD JSON) for simple, varied parts."""
    def frame(z=0.0):
        return {"Euler Angles": [0.0, 0.0, 0.0], "Translation Vector": [0.0, 0.0, z]}

    def rect(x0, y0, x1, y1):
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        return {f"line_{i + 1}": {"Start Point": list(pts[i]), "End Point": list(pts[(i + 1) % 4])} for i in range(4)}

    def poly(pts):
        return {f"line_{i + 1}": {"Start Point": list(pts[i]), "End Point": list(pts[(i + 1) % len(pts)])}
                for i in range(len(pts))}

    def part(loops, depth, op="NewBodyFeatureOperation", z=0.0, cut_down=False, name="part"):
        face = {f"loop_{i + 1}": loop for i, loop in enumerate(loops)}
        ext = {"extrude_depth_towards_normal": 0.0 if cut_down else depth,
               "extrude_depth_opposite_normal": depth if cut_down else 0.0, "sketch_scale": 1.0, "operation": op}
        return {"coordinate_system": frame(z), "sketch": {"face_1": face}, "extrusion": ext,
                "description": {"name": name}}

    def r(lo, hi, step=5):
        return float(rng.randrange(lo, hi + 1, step))

    docs = []
    kinds = ["block", "plate_holes", "ring", "l_profile", "t_profile", "stepped", "block_hole"]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        L, W, T = r(20, 150), r(20, 100), r(3, 40, 1)
        parts = {}
        if kind == "block":
            parts["part_1"] = part([rect(0, 0, L, W)], T, name="Block")
        elif kind == "plate_holes":
            T = r(3, 12, 1)
            d = min(L, W) / rng.choice([6, 8, 10])
            m = d * 1.5
            parts["part_1"] = part([rect(0, 0, L, W)], T, name="Plate")
            holes = [{"circle_1": {"Center": [x, y], "Radius": round(d / 2, 2)}}
                     for x, y in ((m, m), (L - m, m), (L - m, W - m), (m, W - m))][: rng.choice([2, 4])]
            parts["part_2"] = part(holes, T, "CutFeatureOperation", z=T, cut_down=True, name="Holes")
        elif kind == "ring":
            R = r(10, 80)
            parts["part_1"] = part([{"circle_1": {"Center": [0.0, 0.0], "Radius": R}},
                                    {"circle_1": {"Center": [0.0, 0.0], "Radius": round(R * rng.uniform(0.3, 0.8), 1)}}],
                                   T, name="Ring")
        elif kind == "l_profile":
            t = max(2.0, round(min(L, W) / rng.choice([5, 6, 8]), 1))
            parts["part_1"] = part([poly([(0, 0), (L, 0), (L, t), (t, t), (t, W), (0, W)])], T, name="Angle")
        elif kind == "t_profile":
            t = max(2.0, round(min(L, W) / rng.choice([5, 6, 8]), 1))
            c = L / 2
            parts["part_1"] = part([poly([(0, W - t), (L, W - t), (L, W), (0, W)])], T, name="Flange")
            parts["part_2"] = part([poly([(c - t / 2, 0), (c + t / 2, 0), (c + t / 2, W - t), (c - t / 2, W - t)])],
                                   T, "JoinFeatureOperation", name="Web")
        elif kind == "stepped":
            parts["part_1"] = part([rect(0, 0, L, W)], T, name="Base")
            parts["part_2"] = part([rect(L * 0.25, W * 0.25, L * 0.75, W * 0.75)], r(5, 30, 1),
                                   "JoinFeatureOperation", z=T, name="Step")
        else:
            parts["part_1"] = part([rect(0, 0, L, W)], T, name="Block")
            parts["part_2"] = part([{"circle_1": {"Center": [L / 2, W / 2], "Radius": round(min(L, W) / 4, 1)}}],
                                   T, "CutFeatureOperation", z=T, cut_down=True, name="Bore")
        docs.append((kind, {"units": "mm", "parts": parts}))
    return docs


def cadjson_records(sandbox, rng: random.Random, n: int, files: list[Path] = ()) -> BuildReport:
    from cadagent.agent.local_llm import as_chat
    from cadagent.agent.prompting import explain_messages
    from cadagent.tools.cadjson import build, load_document
    from cadagent.tools.cadjson.explain import explain

    out = BuildReport()
    items = [(k, d, None) for k, d in synthetic_cadjson(rng, n)]
    for f in files:
        try:
            items.append(("file", json.loads(Path(f).read_text(encoding="utf-8")), Path(f)))
        except (OSError, json.JSONDecodeError) as exc:
            out.rejected.append(Rejected("cadjson", "file", f"{f}: {exc}"))
    for i, (kind, raw, path) in enumerate(items):
        doc, problems, _ = load_document(raw)
        if doc is None:
            out.rejected.append(Rejected("cadjson", kind, f"invalid CAD JSON: {problems[0] if problems else '?'}"))
            continue
        _, res = build(doc, sandbox, exports=())
        if not res.ok or not res.valid_solid:
            out.rejected.append(Rejected("cadjson", kind, f"does not build: {res.error or 'not a valid solid'}"))
            continue
        exp = explain(doc, res.report)
        request = rng.choice(templates()["explain"])
        answer = "\n".join(f"{j}. {s}" for j, s in enumerate(exp.steps, 1))
        messages = as_chat(explain_messages(request, exp.summary, raw)) + [{"role": "assistant", "content": answer}]
        size = sorted(res.report.size)
        group = f"cadjson:{path.name}" if path else f"cadjson:{kind}:{int(max(size) // 25)}"
        out.records.append(Record(id=f"cadjson-{kind}-{i}-{_h(json.dumps(raw))}", task="explain", source="cadjson",
                                  family=kind, group=group, messages=messages,
                                  meta={"request": request, "size": list(res.report.size)}))
    return out


def usage_records(workspace: Path, sandbox) -> BuildReport:
    """Thumbs-up answers (feedback.jsonl) and saved new designs (sessions), re-run and deduplicated."""
    out = BuildReport()
    candidates: list[tuple[str, str, str]] = []  # (source, request, code)
    fb = Path(workspace) / "feedback.jsonl"
    if fb.is_file():
        for _, r in iter_jsonl(fb, DataError):
            if isinstance(r, dict) and r.get("liked") and r.get("code") and r.get("prompt"):
                candidates.append(("feedback", r["prompt"], r["code"]))
    from cadagent.agent.sessions import SessionStore

    for meta, code in SessionStore(Path(workspace)).saved():
        if meta.get("intent") == "new_design" and meta.get("request"):
            candidates.append(("sessions", meta["request"], code))
    seen = set()
    for source, request, code in candidates:
        key = _h(request.strip().lower() + "\n" + code)
        if key in seen:
            continue
        seen.add(key)
        res = sandbox.run_script(code, exports=())
        if not res.ok or not res.valid_solid:
            out.rejected.append(Rejected(source, "usage", f"does not build any more: {res.error or 'invalid solid'}"))
            continue
        problems = verify_request(request, list(res.report.size))
        if problems and problems != ["the request parser finds no size in the request"]:
            out.rejected.append(Rejected(source, "usage", f"request does not match the part: {problems[0]}"))
            continue
        out.records.append(Record(id=f"{source}-{key}", task="gen", source=source, family="usage",
                                  group=f"{source}:{_h(request.strip().lower())}",
                                  messages=gen_messages(request, code, "From a design a user kept."),
                                  meta={"request": request, "size": list(res.report.size)}))
    return out


# -- splits and files -------------------------------------------------------------------------------
def split_of(group: str, seed: int, fractions=(0.8, 0.1, 0.1)) -> str:
    """Deterministic split by group: every record of a group lands in the same split."""
    x = int(hashlib.sha256(f"{seed}:{group}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "train" if x < fractions[0] else "val" if x < fractions[0] + fractions[1] else "test"


def build_dataset(out: Path, settings, *, seed: int = 0, per_example: int = 6, cadjson: int = 140,
                  cadjson_files: list[Path] = (), progress: Callable[[str], None] | None = None) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    kb = settings.knowledge_base()
    with settings.sandbox_factory() as sandbox:
        reports = [kb_records(kb.entries(), sandbox, rng, per_example, progress)]
        if progress:
            progress("cadjson documents")
        reports.append(cadjson_records(sandbox, rng, cadjson, list(cadjson_files)))
        if progress:
            progress("construction steps → CAD JSON pairs")
        from .cadjson_text import instruction_records

        reports.append(instruction_records(sandbox, rng, cadjson))
        if progress:
            progress("feedback and sessions")
        reports.append(usage_records(settings.workspace, sandbox))
    records = [r for rep in reports for r in rep.records]
    rejected = [r for rep in reports for r in rep.rejected]
    by_split: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_split[split_of(r.group, seed)].append(r)
    for split in SPLITS:
        tmp = out / f".{split}.jsonl.tmp"
        tmp.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in by_split[split]), encoding="utf-8")
        tmp.replace(out / f"{split}.jsonl")
    stats = dataset_stats(out)
    stats["verification"] = {
        "kept": len(records), "rejected": len(rejected),
        "rate": round(len(records) / max(1, len(records) + len(rejected)), 4),
        "rejected_by_reason": Counter(r.reason.split(":")[0] for r in rejected).most_common(),
        "rejected_examples": [f"{r.source}/{r.family}: {r.reason}" for r in rejected[:20]]}
    stats["seed"] = seed
    (out / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    return stats


def read_jsonl(path: Path) -> list[dict]:
    """Records of one split file; a broken line is a DataError naming the file and line."""
    rows = []
    for n, row in iter_jsonl(path, DataError):
        msgs = row.get("messages") if isinstance(row, dict) else None
        if not (isinstance(msgs, list) and msgs and all(isinstance(m, dict) and m.get("role") in
                                                       ("system", "user", "assistant") and
                                                       isinstance(m.get("content"), str) for m in msgs)
                and msgs[-1]["role"] == "assistant"):
            raise DataError(f"{path}:{n}: expected {{\"messages\": [{{role, content}}, ...]}} ending with an "
                            "assistant message")
        rows.append(row)
    return rows


def dataset_stats(folder: Path) -> dict:
    folder = Path(folder)
    stats: dict = {"splits": {}}
    for split in SPLITS:
        path = folder / f"{split}.jsonl"
        rows = read_jsonl(path) if path.is_file() else []
        lengths = sorted(sum(len(m["content"]) for m in r["messages"]) for r in rows)
        stats["splits"][split] = {
            "records": len(rows),
            "by_task": dict(Counter(r.get("task", "?") for r in rows)),
            "by_source": dict(Counter(r.get("source", "?") for r in rows)),
            "by_family": dict(sorted(Counter(r.get("family", "?") for r in rows).items())),
            "chars_median": lengths[len(lengths) // 2] if lengths else 0,
            "chars_max": lengths[-1] if lengths else 0,
            "groups": len({r.get("group") for r in rows}),
        }
    return stats
