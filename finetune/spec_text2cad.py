"""(Text2CAD prompt → spec) pairs from the samples the local model is never measured on.

Text2CAD (``../shared/benchmarks/text2cad_random100``) describes each DeepCAD part at four levels. Its
``beginner`` and ``intermediate`` prompts are outsider phrasing (sizes in "units", fractions in words,
sizes left out), and the issue measures the model on them. For a training sample (index outside
:data:`EVAL_INDICES`) the parser reads each level (``expert`` first: it gives every number); each reading
is put in the form the model is taught (:func:`.spec_confirmed.target_form`, numbers to 3 decimals, as
many as the decoder lets the model write), built in the sandbox and scored against the DeepCAD ground
truth the way the text2cad suite scores a turn (IoU with both parts scaled to the same largest extent).
IoU ignores scale (and the DeepCAD files are not in the prompts' units), so a reading must also have a
size the prompts state: its largest extent within ``SCALE_TOL`` times one of their numbers, when they
state any (a reading in mm of a part said in units is no answer to teach). The best reading, when its
IoU reaches ``min_iou``, becomes the answer for the sample's ``beginner`` and ``intermediate`` prompts. So the model learns the spec that reproduces
the part from prompts the parser may not read, with the Text2CAD sizes (a 0.75-unit plate, a 0.05 fillet).

Samples 1-30 (:data:`EVAL_INDICES`) are the measured split: they never become pairs (a ValueError says so).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

EVAL_INDICES = range(1, 31)            # the split `cadagent local eval --text2cad` is reported on
LEVELS_READ = ("expert", "intermediate", "beginner")
LEVELS_TAUGHT = ("beginner", "intermediate")
DEFAULT_MIN_IOU = 0.7
SCALE_TOL = 1.5
DECIMALS = 3


@dataclass
class Text2CadPairs:
    rows: list[dict] = field(default_factory=list)
    samples: list[dict] = field(default_factory=list)     # per sample: index, best level, its IoU, why not
    skipped: dict = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def parse_range(text: str) -> list[int]:
    """'31-100' or '31-60,80-100' → the indices; each must lie outside the measured split."""
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.strip().partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise ValueError(f"--text2cad-train {text!r}: expected indices like '31-100' or '31-60,80-100'") from None
        out += range(a, b + 1)
    bad = sorted(set(out) & set(EVAL_INDICES))
    if bad:
        raise ValueError(f"--text2cad-train {text!r}: samples {bad[0]}-{bad[-1]} are the measured split "
                         f"({EVAL_INDICES.start}-{EVAL_INDICES.stop - 1}); train on others, e.g. 31-100")
    return out


def _rounded(spec):
    if isinstance(spec, dict):
        return {k: _rounded(v) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_rounded(v) for v in spec]
    return round(spec, DECIMALS) if isinstance(spec, float) else spec


def _stated(texts: list[str]) -> list[float]:
    """The numbers the prompts state, as the model reads them (after :func:`normalize`)."""
    import re

    from cadagent.agent.local_model.normalize import normalize

    return [float(v) for t in texts for v in re.findall(r"(?<![\w.])(\d+(?:\.\d+)?|\.\d+)", normalize(t).text)
            if float(v) > 0]


def _size_stated(extent: float, stated: list[float]) -> bool:
    return not stated or any(1 / SCALE_TOL <= extent / v <= SCALE_TOL for v in stated)


def text2cad_pairs(folder: Path, indices: list[int], sandbox, *, min_iou: float = DEFAULT_MIN_IOU,
                   echo=None) -> Text2CadPairs:
    """Pairs for the samples of ``folder`` whose index is in ``indices`` (never the measured split)."""
    from cadagent.agent.local_model.prompts import spec_messages
    from cadagent.evals.checks import References, check_turn
    from cadagent.evals.conversations import text2cad_suite
    from cadagent.tools.part.pipeline import build as build_part
    from cadagent.tools.understand import understand

    from .spec_confirmed import target_form
    from .spec_data import canonical

    wanted = set(indices)
    if wanted & set(EVAL_INDICES):
        raise ValueError("the measured Text2CAD split (samples 1-30) never becomes training data")
    suites = {lvl: {int(c.id.split("-")[1]): c for c in text2cad_suite(folder, lvl)} for lvl in LEVELS_READ}
    # the beginner suite's IoU check (normalized, best orientation) scores every level's reading alike
    score_with = suites["beginner"]
    res = Text2CadPairs()
    with tempfile.TemporaryDirectory() as work:
        refs = References(sandbox, Path(work))
        for idx in sorted(wanted & set(score_with)):
            conv = score_with[idx]
            best: tuple[float, str, dict] | None = None
            tried: dict[str, dict] = {}
            stated = _stated([suites[lvl][idx].turns[0]["user"] for lvl in LEVELS_TAUGHT])
            for lvl in LEVELS_READ:
                spec = understand(suites[lvl][idx].turns[0]["user"]).spec
                target = target_form(spec) if isinstance(spec, dict) else None
                target = target_form(_rounded(target)) if target is not None else None
                if target is None:
                    continue
                key = canonical(target, DECIMALS)
                if key in tried:
                    continue
                tried[key] = target
                b = build_part(target, sandbox, Path(work) / f"s{idx}-{lvl}", exports=("step",))
                r = b.result
                if b.spec is None or r is None or not r.ok or not r.valid_solid or "step" not in r.artifacts:
                    continue
                if not _size_stated(max(r.report.size), stated):
                    continue
                outcome = {"ok": True, "size": list(r.report.size), "step": str(r.artifacts["step"])}
                iou = next(c for c in check_turn({"iou": conv.turns[0]["expect"]["iou"]}, outcome, conv, refs)
                           if c["check"] == "iou")["measured"]
                if iou is not None and (best is None or iou > best[0]):
                    best = (iou, lvl, target)
            info = {"index": idx, "best_level": best[1] if best else None, "iou": best[0] if best else None}
            res.samples.append(info)
            if best is None:
                res.skip("no reading built at a stated size")
                continue
            if best[0] < min_iou:
                res.skip(f"best IoU under {min_iou}")
                continue
            for lvl in LEVELS_TAUGHT:
                request = suites[lvl][idx].turns[0]["user"]
                res.rows.append({"task": "spec", "source": "text2cad", "request": request, "level": lvl,
                                 "sample": idx, "iou": best[0], "from_level": best[1],
                                 "messages": spec_messages(request) + [{"role": "assistant",
                                                                        "content": canonical(best[2], DECIMALS)}]})
            if echo:
                echo(f"  ✓ {idx:3d} IoU {best[0]:.3f} from the {best[1]} reading")
    return res
