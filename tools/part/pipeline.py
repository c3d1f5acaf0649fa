"""Spec → validated → compiled → run in the sandbox → measured → checked, in one call.
Nothing runs when the spec has errors or a predicted "cannot"; a kernel failure is named by the
feature whose block raised it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .compare import CheckProblem, check
from .compiler import compile_spec
from .expect import expectations
from .validation import Problem, validate


@dataclass
class PartBuild:
    spec: object = None
    script: str = ""
    result: object = None                 # tools.results.ExecResult
    expected: dict = field(default_factory=dict)
    measured: dict | None = None
    problems: list[CheckProblem] = field(default_factory=list)   # promise vs measurement
    cannot: list[Problem] = field(default_factory=list)          # the spec's own problems
    failed_feature: str | None = None

    @property
    def ok(self) -> bool:
        return (not self.cannot and self.result is not None and self.result.valid_solid
                and self.measured is not None and not self.problems)

    def summary(self) -> str:
        if self.cannot:
            return "cannot build: " + "; ".join(str(p) for p in self.cannot if p.severity == "error")
        if self.result is None or not self.result.ok:
            where = f"feature {self.failed_feature!r}: " if self.failed_feature else ""
            return f"build failed: {where}{self.result.error if self.result else 'not run'}"
        head = self.result.report.summary()
        if self.problems:
            return head + "; check FAILED: " + "; ".join(p.message for p in self.problems)
        return head + "; check ok (bbox, volume, holes, fillets, chamfers, walls)"

    def to_dict(self) -> dict:
        return {"ok": self.ok, "summary": self.summary(), "expected": self.expected, "measured": self.measured,
                "problems": [p.to_dict() for p in self.problems], "cannot": [p.to_dict() for p in self.cannot],
                "failed_feature": self.failed_feature,
                "result": self.result.to_dict() if self.result is not None else None}


def measure_file(sandbox, path, *, thickness: bool = True, timeout: float | None = None) -> dict:
    """Run the feature measurer on a BREP / STEP file inside a sandbox job."""
    answer = sandbox.call("part_measure", {"path": str(Path(path).resolve()), "thickness": thickness},
                          timeout=timeout)
    if not answer["ok"]:
        err = answer["error"]
        raise RuntimeError(f"measuring {path} failed: {err.get('type')}: {err.get('message')}")
    return answer["value"]


def build(spec, sandbox, out_dir=None, *, exports=("step", "stl", "glb"), stem: str = "part",
          timeout: float | None = None) -> PartBuild:
    if not hasattr(spec, "model_dump"):
        spec, cannot = validate(spec)
    else:
        spec, cannot = validate(spec.model_dump(mode="json"))
    out = PartBuild(spec=spec, cannot=[p for p in cannot if p.severity == "error"])
    if spec is None:
        return out
    compiled = compile_spec(spec)
    out.script, out.expected = compiled.script, expectations(spec)
    out.result = sandbox.run_script(compiled.script, out_dir, exports=exports, stem=stem, timeout=timeout)
    if not out.result.ok:
        out.failed_feature = compiled.feature_at(out.result.error.line if out.result.error else None)
        return out
    # the wall rays cost about as much as the rest of the measurer: only when the spec promises walls
    out.measured = measure_file(sandbox, out.result.shape_file, timeout=timeout,
                                thickness=bool(out.expected.get("min_wall")))
    out.problems = check(out.expected, out.measured)
    return out
