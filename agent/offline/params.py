"""Map plan roles onto an example's named parameters, and rewrite those parameters in code.

Parameters are the top-level ``name = number`` lines of a script (the knowledge-base
convention), so a design keeps its parameters by name from version to version.
"""

from __future__ import annotations

import ast
import re

# plan role -> parameter names that carry it, most specific first
ROLE_PARAMS: dict[str, tuple[str, ...]] = {
    "length": ("length", "base_l", "plate_l", "run_l", "span", "base_length", "leg", "size", "square"),
    "width": ("width", "base_w", "plate", "size", "depth", "square"),
    "height": ("height", "body_h", "knob_h", "fin_h", "rise", "standoff_h", "hub_h"),
    "thickness": ("thickness", "base_t", "flange_t", "pad_t", "leaf_t", "plate_t"),
    "diameter": ("outer_d", "diameter", "flange_d", "body_d", "knob_d", "big_d", "d1", "round_d", "tube_d",
                 "pipe_d"),
    "hole_d": ("hole_d", "bolt_d", "screw_d", "mount_d", "pin_d", "inner_d", "wire_d"),
    "bore_d": ("bore_d", "inner_d", "shaft_d", "through_d", "seat_d"),
    "inset": ("inset",),
    "wall": ("wall",),
    "module": ("module",),
    "pcd": ("pcd", "hole_pcd"),
    "fillet": ("corner_r", "radius", "bend_r", "fillet"),
    "leg": ("leg",),
    "holes": ("bolts", "holes"),
    "teeth": ("teeth",),
    "fins": ("fins",),
    "slots": ("slots", "slot_count"),
    "grooves": ("grooves",),
    "flutes": ("flutes",),
}


def parameters(code: str) -> dict[str, float]:
    """Top-level numeric assignments of a script, in order."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return {}
    out: dict[str, float] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[node.targets[0].id] = value
    return out


def param_for(role: str, available: dict[str, float], used: set[str]) -> str | None:
    for name in ROLE_PARAMS.get(role, (role,)):
        if name in available and name not in used:
            return name
    return None


def fill(plan_dims: dict[str, float], plan_counts: dict[str, int],
         available: dict[str, float]) -> tuple[dict[str, float], list[str]]:
    """(new values by parameter name, roles that found no parameter)."""
    values: dict[str, float] = {}
    used: set[str] = set()
    missing: list[str] = []
    dims = dict(plan_dims)
    # a plate-like part: 'A x B, T thick' -> length, width, thickness; no thickness param -> height
    if "thickness" in dims and not any(n in available for n in ROLE_PARAMS["thickness"]) and "height" not in dims:
        dims["height"] = dims.pop("thickness")
    if "height" in dims and not any(n in available for n in ROLE_PARAMS["height"]) and "thickness" not in dims:
        dims["thickness"] = dims.pop("height")
    if "length" in dims and "diameter" in dims and "width" not in dims and not any(
            n in available for n in ROLE_PARAMS["length"]):
        dims["height"] = dims.pop("length")  # 'a 20 mm diameter tube, 80 long' on a part with a height
    for role, value in list(dims.items()) + [(k, float(v)) for k, v in plan_counts.items()]:
        name = param_for(role, available, used)
        if name is None:
            missing.append(role)
            continue
        used.add(name)
        values[name] = int(round(value)) if isinstance(available[name], int) else float(value)
    return values, missing


def coverage(plan_dims: dict[str, float], plan_counts: dict[str, int], available: dict[str, float]) -> float:
    """How well an example can take the plan: roles it maps exactly count 1, converted ones 0.5."""
    exact = sum(1 for role in list(plan_dims) + list(plan_counts)
                if any(n in available for n in ROLE_PARAMS.get(role, (role,))))
    values, missing = fill(plan_dims, plan_counts, available)
    return exact + 0.5 * (len(values) - exact if len(values) > exact else 0) - 0.01 * len(missing)


def set_parameters(code: str, values: dict[str, float]) -> str:
    """Rewrite ``name = <number>`` lines, keeping any trailing comment."""
    for name, value in values.items():
        text = repr(value) if isinstance(value, int) else f"{float(value):g}"
        if isinstance(value, float) and "." not in text and "e" not in text:
            text += ".0"
        code, n = re.subn(rf"(?m)^({re.escape(name)}\s*=\s*)[-+0-9.eE]+", lambda m: m.group(1) + text, code, count=1)
        if n == 0:
            raise KeyError(name)
    return code
