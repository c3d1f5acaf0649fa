"""Part spec → a readable, parametric CadQuery script: a docstring, named parameters at the top,
one commented block per body and feature, ``result`` at the end. ``compile_spec`` also returns
where each feature's block starts, so a kernel error on a line can be named by its feature."""

from __future__ import annotations

from dataclasses import dataclass, field

from .compile_bodies import body_lines
from .compile_features import Ctx, describe, feature_lines
from .emit import Params
from .features import Hole, LinearPattern, PolarPattern
from .geometry import body_shape
from .plan import resolve
from .spec import SCHEMA_VERSION


@dataclass
class Compiled:
    script: str
    blocks: dict[str, tuple[int, int]] = field(default_factory=dict)   # id -> (first, last) line, 1-based

    def feature_at(self, line: int | None) -> str | None:
        for fid, (a, b) in self.blocks.items():
            if line is not None and a <= line <= b:
                return fid
        return None


def _body_title(body, shape) -> str:
    name = f" ({body.name})" if body.name else ""
    size = " x ".join(f"{x:.6g}" for x in shape.size)
    return f"body {body.id!r}: {body.kind.replace('_', ' ')}{name}, {size} mm overall"


def compile_spec(spec) -> Compiled:
    """The script for a valid spec (run ``validate`` first)."""
    shape = body_shape(spec.body)
    P = Params()
    helpers: set[str] = set()
    body_block = body_lines(spec.body, "result", P, helpers)
    ctx = Ctx(P, spec, shape, helpers)
    ctx.holes = []
    blocks: list[tuple[str, list[str]]] = []
    for r in resolve(spec, shape):
        f = r.feature
        if isinstance(f, Hole) or (isinstance(f, (LinearPattern, PolarPattern)) and isinstance(r.source.feature, Hole)):
            ctx.holes.append(r)
        P.group(f"{f.id}: {describe(r)}")
        blocks.append((f.id, [f"# ---- {f.id}: {describe(r)}", *feature_lines(r, ctx)]))
    title = spec.name or spec.body.name or spec.body.kind
    head = [f'"""{title}: compiled from a CadAgent part spec (schema {SCHEMA_VERSION}).', "",
            f"Lengths in mm (the request was in {spec.units}). Edit the parameters; each block below is",
            'one feature of the spec, applied in order; the part is `result`."""']
    imports = sorted(h for h in helpers if h.startswith("import ")) + ["import cadquery as cq"]
    out = head + imports
    for h in sorted(h for h in helpers if not h.startswith("import ")):
        out += h.rstrip().splitlines()
    params = P.lines
    body_params = [ln for ln in params]
    out += ["", "# ---- parameters (mm, degrees)", *body_params, "", f"# ---- {_body_title(spec.body, shape)}", *body_block]
    spans: dict[str, tuple[int, int]] = {spec.body.id: (len(out) - len(body_block) + 1, len(out))}
    for fid, lines in blocks:
        out.append("")
        spans[fid] = (len(out) + 1, len(out) + len(lines))
        out += lines
    return Compiled("\n".join(out) + "\n", spans)
