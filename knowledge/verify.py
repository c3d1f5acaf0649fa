"""Run example scripts in the sandbox and compare the measured size with the declared bbox."""

from __future__ import annotations

from dataclasses import dataclass

from .library import Entry

ABS_TOL_MM = 0.05
REL_TOL = 0.005


@dataclass
class Verdict:
    id: str
    ok: bool
    message: str
    measured: tuple[float, float, float] | None = None
    ms: float = 0.0


def verify_example(entry: Entry, sandbox, timeout: float | None = None) -> Verdict:
    res = sandbox.run_script(entry.body, exports=(), timeout=timeout)
    if not res.ok:
        return Verdict(entry.id, False, f"does not run: {res.error}", ms=res.elapsed_ms)
    size = res.report.size
    expected = entry.meta["bbox"]
    if not res.report.is_valid_solid:
        return Verdict(entry.id, False, "not a valid solid: " + "; ".join(res.report.problems), size, res.elapsed_ms)
    off = [(a, b) for a, b in zip(size, expected) if abs(a - b) > max(ABS_TOL_MM, REL_TOL * b)]
    if off:
        got = " x ".join(f"{v:.3f}" for v in size)
        want = " x ".join(f"{v:g}" for v in expected)
        return Verdict(entry.id, False, f"bbox is {got} mm, the header declares {want} mm "
                       "(fix the script or the header's bbox)", size, res.elapsed_ms)
    return Verdict(entry.id, True, "ok", size, res.elapsed_ms)
