"""A turn's ``expect`` block against what the agent did: each check measured vs expected."""

from __future__ import annotations

import hashlib
from pathlib import Path

DEFAULT_VOLUME_TOL = 0.02
DEFAULT_IOU_MIN = 0.9
DEFAULT_ALIGN = "rotate"   # conversations: a part may be built in any place and orientation


def bbox_tolerance(expected: list[float], given: float | None) -> float:
    return given if given is not None else max(0.1, 0.01 * max(expected))


class References:
    """IoU references turned into STEP files once per process: a CadQuery script (run in the
    sandbox), a CAD JSON document (compiled and run), or a STEP file (used as is)."""

    def __init__(self, sandbox, folder: Path) -> None:
        self.sandbox = sandbox
        self.folder = Path(folder)
        self._steps: dict[str, tuple[str | None, str | None]] = {}

    def step(self, ref: Path, symmetric: str = "each") -> tuple[str | None, str | None]:
        """(STEP path, None) or (None, why the reference cannot be built). ``symmetric``: how a
        DeepCAD reference's symmetric extrusions are read (see tools.cadjson.convert)."""
        key = f"{ref}|{symmetric}"
        if key not in self._steps:
            self._steps[key] = self._build(ref, symmetric)
        return self._steps[key]

    def _build(self, ref: Path, symmetric: str) -> tuple[str | None, str | None]:
        suffix = ref.suffix.lower()
        if suffix in (".step", ".stp"):
            return str(ref), None
        out = self.folder / hashlib.sha256(f"{ref}|{symmetric}".encode()).hexdigest()[:16]
        if suffix == ".py":
            res = self.sandbox.run_script(ref.read_text(encoding="utf-8"), out, exports=("step",), stem="ref")
        elif suffix == ".json":
            from cadagent.tools.cadjson import build, load_document

            doc, problems, _ = load_document(ref, symmetric=symmetric)
            if doc is None:
                return None, f"reference {ref.name} is not valid CAD JSON: {problems[0] if problems else '?'}"
            _, res = build(doc, self.sandbox, out, exports=("step",), stem="ref")
        else:
            return None, f"reference {ref.name}: expected .py, .step / .stp or .json"
        if not res.ok or "step" not in res.artifacts:
            return None, f"reference {ref.name} does not build: {res.error}"
        return str(res.artifacts["step"]), None


def check_turn(expect: dict, outcome: dict, conv, refs: References | None) -> list[dict]:
    """Every key of ``expect`` as {check, ok, expected, measured, tolerance, method, detail?}:
    what was measured, against what, within what, and how."""
    out = []

    def add(name, ok, expected, measured, method, tolerance=None, detail=None):
        out.append({"check": name, "ok": bool(ok), "expected": expected, "measured": measured,
                    "tolerance": tolerance, "method": method, **({"detail": detail} if detail else {})})

    if "ok" in expect:
        add("ok", outcome.get("ok") == expect["ok"], expect["ok"], outcome.get("ok"),
            "the agent's own check of the part (valid solid, sizes it planned)")
    if "intent" in expect:
        add("intent", outcome.get("intent") == expect["intent"], expect["intent"], outcome.get("intent"),
            "how the agent routed the turn")
    if "bbox" in expect:
        _check_bbox(expect, outcome, add)
    if "volume" in expect:
        want, got = float(expect["volume"]), outcome.get("volume")
        tol = expect.get("volume_tol", DEFAULT_VOLUME_TOL)
        rel = abs(got - want) / want if got is not None else None
        add("volume", rel is not None and rel <= tol, want, round(got, 3) if got is not None else None,
            "B-rep volume (mm³), relative error", tol,
            f"relative error {rel:.4f}, tolerance {tol:g}" if rel is not None else "no part")
    if "solids" in expect:
        want, got = expect["solids"], outcome.get("solids")
        ok = got is not None and got >= 1 if want == "any" else got == want
        add("solids", ok, want, got, "count of solids in the part (a compound may hold several)")
    if "iou" in expect:
        spec = expect["iou"]
        minimum = spec.get("min", DEFAULT_IOU_MIN)
        align = spec.get("align", DEFAULT_ALIGN)
        value, method, detail = _iou(outcome, conv.resolve(spec["reference"]), bool(spec.get("normalize")),
                                     align, refs, spec.get("symmetric", "each"))
        add("iou", value is not None and value >= minimum, minimum, value, method, minimum, detail)
    if "mentions" in expect:
        answer = (outcome.get("answer") or "").lower()
        missing = [m for m in expect["mentions"] if m.lower() not in answer]
        add("mentions", not missing, expect["mentions"], [m for m in expect["mentions"] if m not in missing],
            "case-insensitive substrings of the reply", None, f"missing: {missing}" if missing else None)
    if "max_attempts" in expect:
        add("max_attempts", (outcome.get("attempts") or 0) <= expect["max_attempts"], expect["max_attempts"],
            outcome.get("attempts"), "generate attempts the agent used")
    return out


def _check_bbox(expect: dict, outcome: dict, add) -> None:
    """Sorted extents by default (a plate may lie on any side); ``bbox_oriented``: x, y, z in
    order, and ``bbox_min``: where the box starts, for instructions that fix the placement."""
    oriented = bool(expect.get("bbox_oriented"))
    size, low = outcome.get("size"), outcome.get("bbox_min")
    want = [float(v) for v in expect["bbox"]]
    tol = bbox_tolerance(want, expect.get("bbox_tol"))
    if not oriented:
        want = sorted(want)
    got = (list(size) if oriented else sorted(size)) if size else None
    errors = [abs(a - b) for a, b in zip(got, want)] if got else []
    method = "bbox extents x, y, z in order" if oriented else "bbox extents, sorted (any orientation)"
    detail = None
    if "bbox_min" in expect:
        method += " and the bbox minimum corner"
        if low is None:
            errors = []
        else:
            errors += [abs(float(a) - float(b)) for a, b in zip(low, expect["bbox_min"])]
        want = {"size": want, "min": [float(v) for v in expect["bbox_min"]]}
        got = {"size": got, "min": [round(float(v), 3) for v in low]} if got and low is not None else None
    elif got:
        got = [round(v, 3) for v in got]
    err = max(errors) if errors else None
    if err is not None:
        detail = f"max error {err:.3f} mm, tolerance {tol:g} mm"
    add("bbox", err is not None and err <= tol, want, got, method, tol, detail or "no part")


def _iou(outcome: dict, ref: Path, normalize: bool, align: str, refs: References | None,
         symmetric: str = "each") -> tuple[float | None, str, str | None]:
    """(IoU, how it was measured, why there is none / its error)."""
    method = f"volumetric IoU, align {align}" + (", both scaled to the same largest extent" if normalize else "")
    if symmetric != "each":
        method += f", reference's symmetric extrusions read as {symmetric}"
    if refs is None:
        return None, method, "no sandbox for IoU"
    if not outcome.get("step"):
        return None, method, "no part"
    ref_step, why = refs.step(ref, symmetric)
    if ref_step is None:
        return None, method, why
    res = refs.sandbox.call("best_iou", {"a": outcome["step"], "b": ref_step, "normalize": normalize,
                                         "align": align})
    if not res.get("ok"):
        err = res.get("error") or {}
        return None, method, f"IoU failed: {err.get('type')}: {err.get('message')}"
    value = res["value"]
    how = {"exact": "exact booleans", "fuzzy": f"fuzzy booleans (fuzzy value {value.get('fuzzy', 0):.2g})",
           "sampled": "sampled points (the booleans were inconsistent)"}.get(value.get("method"), "?")
    return round(float(value["iou"]), 4), f"{method}; {how}", f"error ± {float(value.get('error', 0)):.2g}"
