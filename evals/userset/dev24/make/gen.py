"""Build every expected part with CadQuery, check each closed-form volume against it, set the
volume tolerance from the readings the words allow and the wrong parts they must reject, and write
the set (YAML + IoU reference scripts).  python gen.py [OUT] [ID-SUBSTRING]; OUT defaults to dev24/."""
import math
import sys
from pathlib import Path

import cadquery as cq
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from convs import CONVS  # noqa: E402

PRELUDE = (HERE / "prelude.py").read_text()
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent
ONLY = sys.argv[2] if len(sys.argv) > 2 else None


class Dumper(yaml.SafeDumper):
    pass


Dumper.add_representer(list, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=all(isinstance(x, (int, float)) for x in v)))
Dumper.add_representer(dict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style="reference" in v))


def build(code):
    ns = {}
    exec(PRELUDE + "\n" + code, ns)
    shape = ns["result"].val() if hasattr(ns["result"], "val") else ns["result"]
    if hasattr(ns["result"], "vals") and len(ns["result"].vals()) > 1:
        shape = cq.Compound.makeCompound(ns["result"].vals())
    return shape


def nsolids(shape):
    return len(shape.Solids())


def iou(a, b):
    inter = a.intersect(b).Volume()
    union = a.Volume() + b.Volume() - inter
    return inter / union


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "refs").mkdir(exist_ok=True)
    problems = []
    for conv in CONVS:
        if ONLY and ONLY not in conv["id"]:
            continue
        turns_out = []
        for n, t in enumerate(conv["turns"], 1):
            exp = {"ok": t.get("ok", True)}
            if t.get("intent"):
                exp["intent"] = t["intent"]
            if not exp["ok"]:
                turns_out.append({"user": t["user"], "expect": exp})
                print(f"{conv['id']} t{n}: decline")
                continue
            shape = build(t["code"])
            ns = nsolids(shape)
            bb = shape.BoundingBox()
            size = sorted([bb.xlen, bb.ylen, bb.zlen], reverse=True)
            vol = shape.Volume()
            exp["solids"] = ns
            if t.get("solids") and t["solids"] != ns:
                problems.append(f"{conv['id']} t{n}: {ns} solids, meant {t['solids']}")
            if t.get("bbox", True):
                exp["bbox"] = [round(v, 3) for v in size]
                if t.get("bbox_want"):
                    want = sorted(t["bbox_want"], reverse=True)
                    if max(abs(a - b) for a, b in zip(want, size)) > 1e-3:
                        problems.append(f"{conv['id']} t{n}: bbox {size} != words {want}")
            line = f"{conv['id']} t{n}: bbox {[round(v, 3) for v in size]} vol {vol:.2f}"
            if t.get("cf") is not None:
                rel = abs(t["cf"] - vol) / vol
                line += f" cf {t['cf']:.2f} ({rel:.1e})"
                if rel > t.get("cf_tol", 2e-4):
                    problems.append(f"{conv['id']} t{n}: closed form {t['cf']:.3f} vs built {vol:.3f}")
            if t.get("volume", True):
                vols = [vol] + [build(c).Volume() for c in t.get("alts", [])]
                lo, hi = min(vols), max(vols)
                centre = (lo + hi) / 2
                wrongs = [build(c).Volume() for c in t.get("wrongs", [])]
                gap = min((abs(w - centre) / centre for w in wrongs), default=None)
                if t.get("alts"):
                    tol = (hi - lo) / 2 / centre + 0.003
                    if gap is not None and gap < tol + 0.002:
                        line += f" VOLUME DROPPED (gap {gap:.4f} tol {tol:.4f})"
                        tol = None
                        centre = None
                else:
                    tol = 0.02 if gap is None else min(0.02, math.floor(gap * 0.5 * 1000) / 1000)
                    if tol < 0.002:
                        problems.append(f"{conv['id']} t{n}: volume gap {gap:.4f} too small")
                if centre is not None:
                    exp["volume"] = round(centre, 1)
                    if tol != 0.02:
                        exp["volume_tol"] = round(tol, 4)
                    line += f" -> vol {centre:.1f} tol {tol:.4f} gap {gap if gap is None else round(gap, 4)}"
            if t.get("iou_wrong") is not None:
                wrong = build(t["iou_wrong"])
                w = iou(shape, wrong)
                mn = min(0.99, math.floor((w + 0.5 * (1 - w)) * 1000) / 1000)
                if w > 0.985:
                    problems.append(f"{conv['id']} t{n}: wrong part IoU {w:.4f} too close")
                ref = f"refs/{conv['id']}-t{n}.py"
                (OUT / ref).write_text(f"# {conv['id']}, turn {n}: the part the words define.\n"
                                       + PRELUDE + "\n" + t["code"].strip() + "\n")
                exp["iou"] = {"reference": ref, "min": mn}
                line += f" iou_wrong {w:.4f} min {mn}"
            print(line)
            turns_out.append({"user": t["user"], "expect": exp})
        doc = {"id": conv["id"], "category": conv["cat"]}
        if conv.get("desc"):
            doc["description"] = conv["desc"]
        doc["turns"] = turns_out
        text = yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                         width=110)
        (OUT / f"{conv['id'][4:]}.yaml").write_text(text)
    print("\n".join(problems) if problems else "no problems")


if __name__ == "__main__":
    main()
