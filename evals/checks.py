"""A turn's ``expect`` block against what the agent did: each check measured vs expected."""

from __future__ import annotations

import hashlib
from pathlib import Path

DEFAULT_VOLUME_TOL = 0.02
DEFAULT_IOU_MIN = 0.9


def bbox_tolerance(expected: list[float], given: float | None) -> float:
    return given if given is not None else max(0.1, 0.01 * max(expected))


class References:
    """IoU references turned into STEP files once per process: a CadQuery script (run in the
    sandbox), a CAD JSON document (compiled and run), or a STEP file (used as is)."""

    def __init__(self, sandbox, folder: Path) -> None:
        self.sandbox = sandbox
        self.folder = Path(folder)
        self._steps: dict[str, tuple[str | None, str | None]] = {}

    def step(self, ref: Path) -> tuple[str | None, str | None]:
        """(STEP path, None) or (None, why the reference cannot be built)."""
        key = str(ref)
        if key not in self._steps:
            self._steps[key] = self._build(ref)
        return self._steps[key]

    def _build(self, ref: Path) -> tuple[str | None, str | None]:
        suffix = ref.suffix.lower()
        if suffix in (".step", ".stp"):
            return str(ref), None
        out = self.folder / hashlib.sha256(str(ref).encode()).hexdigest()[:16]
        if suffix == ".py":
            res = self.sandbox.run_script(ref.read_text(encoding="utf-8"), out, exports=("step",), stem="ref")
        elif suffix == ".json":
            from tools.cadjson import build, load_document

            doc, problems, _ = load_document(ref)
            if doc is None:
                return None, f"reference {ref.name} is not valid CAD JSON: {problems[0] if problems else '?'}"
            _, res = build(doc, self.sandbox, out, exports=("step",), stem="ref")
        else:
            return None, f"reference {ref.name}: expected .py, .step / .stp or .json"
        if not res.ok or "step" not in res.artifacts:
            return None, f"reference {ref.name} does not build: {res.error}"
        return str(res.artifacts["step"]), None


def check_turn(expect: dict, outcome: dict, conv, refs: References | None) -> list[dict]:
    """Every key of ``expect`` as {check, ok, expected, measured, detail?}."""
    out = []

    def add(name, ok, expected, measured, detail=None):
        out.append({"check": name, "ok": bool(ok), "expected": expected, "measured": measured,
                    **({"detail": detail} if detail else {})})

    size = outcome.get("size")
    if "ok" in expect:
        add("ok", outcome.get("ok") == expect["ok"], expect["ok"], outcome.get("ok"))
    if "intent" in expect:
        add("intent", outcome.get("intent") == expect["intent"], expect["intent"], outcome.get("intent"))
    if "bbox" in expect:
        want = sorted(float(v) for v in expect["bbox"])
        tol = bbox_tolerance(want, expect.get("bbox_tol"))
        got = sorted(size) if size else None
        err = max(abs(a - b) for a, b in zip(got, want)) if got else None
        add("bbox", err is not None and err <= tol, want, [round(v, 3) for v in got] if got else None,
            f"max error {err:.3f} mm, tolerance {tol:g} mm" if err is not None else "no part")
    if "volume" in expect:
        want, got = float(expect["volume"]), outcome.get("volume")
        tol = expect.get("volume_tol", DEFAULT_VOLUME_TOL)
        rel = abs(got - want) / want if got is not None else None
        add("volume", rel is not None and rel <= tol, want, round(got, 3) if got is not None else None,
            f"relative error {rel:.4f}, tolerance {tol:g}" if rel is not None else "no part")
    if "solids" in expect:
        add("solids", outcome.get("solids") == expect["solids"], expect["solids"], outcome.get("solids"))
    if "iou" in expect:
        spec = expect["iou"]
        minimum = spec.get("min", DEFAULT_IOU_MIN)
        value, detail = _iou(outcome, conv.resolve(spec["reference"]), bool(spec.get("normalize")), refs)
        add("iou", value is not None and value >= minimum, minimum, value, detail)
    if "mentions" in expect:
        answer = (outcome.get("answer") or "").lower()
        missing = [m for m in expect["mentions"] if m.lower() not in answer]
        add("mentions", not missing, expect["mentions"], [m for m in expect["mentions"] if m not in missing],
            f"missing: {missing}" if missing else None)
    if "max_attempts" in expect:
        add("max_attempts", (outcome.get("attempts") or 0) <= expect["max_attempts"], expect["max_attempts"],
            outcome.get("attempts"))
    return out


def _iou(outcome: dict, ref: Path, normalize: bool, refs: References | None) -> tuple[float | None, str | None]:
    if refs is None:
        return None, "no sandbox for IoU"
    if not outcome.get("step"):
        return None, "no part"
    ref_step, why = refs.step(ref)
    if ref_step is None:
        return None, why
    res = refs.sandbox.call("best_iou", {"a": outcome["step"], "b": ref_step, "normalize": normalize})
    if not res.get("ok"):
        err = res.get("error") or {}
        return None, f"IoU failed: {err.get('type')}: {err.get('message')}"
    return round(float(res["value"]["iou"]), 4), None
