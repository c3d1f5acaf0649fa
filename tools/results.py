"""Plain result types shared by the sandbox, the geometry tools and their callers.

No CadQuery import here: the agent, the UI and the CLI read these without loading the
CAD kernel.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


def thousands(value: float, digits: int = 0) -> str:
    """12 345.6 style: a space between thousands, as all CadAgent output writes numbers."""
    return f"{value:,.{digits}f}".replace(",", " ")



@dataclass
class ExecError:
    # syntax | refused | runtime | no_result | not_a_solid | timeout | memory | recursion |
    # output_limit | crash | internal
    type: str
    message: str
    line: int | None = None
    hint: str | None = None
    exception: str | None = None  # the original exception class, when there was one

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        text = f"{self.type}{where}: {self.message}"
        return f"{text}\nhint: {self.hint}" if self.hint else text


@dataclass
class GeometryReport:
    """What we measured on a shape. Lengths in mm, volumes in mm³, areas in mm²."""

    valid: bool
    problems: list[str]
    solids: int
    shells: int
    faces: int
    edges: int
    vertices: int
    volume: float
    area: float
    bbox_min: tuple[float, float, float]
    bbox_max: tuple[float, float, float]
    center_of_mass: tuple[float, float, float]
    warnings: list[str] = field(default_factory=list)

    @property
    def size(self) -> tuple[float, float, float]:
        return tuple(round(b - a, 9) for a, b in zip(self.bbox_min, self.bbox_max))  # type: ignore

    @property
    def is_valid_solid(self) -> bool:
        return self.valid and self.solids >= 1 and self.volume > 0

    def summary(self) -> str:
        sx, sy, sz = self.size
        state = "valid solid" if self.is_valid_solid else "INVALID: " + "; ".join(self.problems)
        solids = f"{self.solids} solid" + ("s" if self.solids != 1 else "")
        # small parts (unit-sized CAD JSON, normalised benchmarks) keep 3 significant digits
        volume = thousands(self.volume) if abs(self.volume) >= 100 else f"{self.volume:.3g}"
        fmt = ".1f" if max(sx, sy, sz) >= 10 else ".3g"
        return (f"{state}, bbox {sx:{fmt}} x {sy:{fmt}} x {sz:{fmt}} mm, volume {volume} mm³, "
                f"{solids}, {self.faces} faces")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["size"] = list(self.size)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> GeometryReport:
        fields = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        for key in ("bbox_min", "bbox_max", "center_of_mass"):
            fields[key] = tuple(fields[key])
        return cls(**fields)


@dataclass
class ExecResult:
    """The sandbox's answer for one script: data, never an exception."""

    ok: bool
    error: ExecError | None = None
    stdout: str = ""
    elapsed_ms: float = 0.0       # wall time seen by the caller
    run_ms: float = 0.0           # the script itself, inside the job
    geometry_ms: float = 0.0      # measuring + exporting, inside the job
    report: GeometryReport | None = None
    shape_file: Path | None = None          # BREP of the result, for later tools (IoU, ...)
    artifacts: dict[str, Path] = field(default_factory=dict)  # "step" / "stl" / "glb" -> path
    protections: list[str] = field(default_factory=list)

    @property
    def valid_solid(self) -> bool:
        return self.ok and self.report is not None and self.report.is_valid_solid

    def summary(self) -> str:
        if not self.ok:
            return f"failed in {self.elapsed_ms:.1f} ms: {self.error}"
        assert self.report is not None
        return (f"{self.report.summary()}, script {self.run_ms:.1f} ms + measure/export "
                f"{self.geometry_ms:.1f} ms")

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "valid_solid": self.valid_solid,
            "error": asdict(self.error) if self.error else None,
            "stdout": self.stdout,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "run_ms": round(self.run_ms, 3),
            "geometry_ms": round(self.geometry_ms, 3),
            "report": self.report.to_dict() if self.report else None,
            "shape_file": str(self.shape_file) if self.shape_file else None,
            "artifacts": {k: str(v) for k, v in self.artifacts.items()},
            "protections": list(self.protections),
        }

    @classmethod
    def from_dict(cls, d: dict) -> ExecResult:
        return cls(
            ok=d["ok"],
            error=ExecError(**d["error"]) if d.get("error") else None,
            stdout=d.get("stdout", ""),
            elapsed_ms=d.get("elapsed_ms", 0.0),
            run_ms=d.get("run_ms", 0.0),
            geometry_ms=d.get("geometry_ms", 0.0),
            report=GeometryReport.from_dict(d["report"]) if d.get("report") else None,
            shape_file=Path(d["shape_file"]) if d.get("shape_file") else None,
            artifacts={k: Path(v) for k, v in (d.get("artifacts") or {}).items()},
            protections=list(d.get("protections") or []),
        )
