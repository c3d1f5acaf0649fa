"""Answers to questions about the current part, from its measurements (never guessed)."""

from __future__ import annotations

import re

from cadagent.tools.results import thousands as _n

from .intent import ACKNOWLEDGES

# g/cm³
DENSITY = {"aluminium": 2.70, "aluminum": 2.70, "steel": 7.85, "stainless": 8.00, "brass": 8.50, "copper": 8.96,
           "titanium": 4.43, "pla": 1.24, "abs": 1.04, "petg": 1.27, "nylon": 1.14, "wood": 0.70, "iron": 7.20}


def answer_question(question: str, report: dict, code: str) -> str:
    q = question.lower()
    r = report or {}
    size = r.get("size") or [0, 0, 0]
    volume = float(r.get("volume") or 0.0)
    bits = []
    material = next((m for m in DENSITY if m in q), None)
    if material or any(w in q for w in ("weigh", "mass", "heavy")):
        mats = [material] if material else ["aluminium", "steel", "pla"]
        for m in mats:
            grams = volume / 1000.0 * DENSITY[m]
            bits.append(f"In {m} ({DENSITY[m]:g} g/cm³) it weighs {_n(grams, 1)} g (volume {_n(volume)} mm³).")
    if any(w in q for w in ("size", "big", "dimension", "bounding", "long", "wide", "tall", "high")):
        bits.append(f"It measures {size[0]:.2f} x {size[1]:.2f} x {size[2]:.2f} mm (bounding box, X x Y x Z).")
    if "volume" in q and not material:
        bits.append(f"Its volume is {_n(volume, 1)} mm³ ({volume / 1000:.2f} cm³).")
    if "area" in q or "surface" in q:
        bits.append(f"Its surface area is {_n(float(r.get('area') or 0), 1)} mm².")
    if "wall" in q:
        bits.append(_wall(code or ""))
    if "face" in q or "edge" in q:
        bits.append(f"It has {r.get('faces')} faces, {r.get('edges')} edges and {r.get('vertices')} vertices.")
    if "valid" in q:
        bits.append("It is a valid solid." if r.get("valid") else "It is NOT valid: " + "; ".join(r.get("problems", [])))
    if not bits and ACKNOWLEDGES.match(question):
        return ("Glad it works. Say what to change next (e.g. 'make it 10 mm longer', 'add a 6 mm hole in the middle'), "
                "ask about it ('how heavy is it in aluminium?'), or describe the next part.")
    if not bits:
        bits.append(f"I can answer from the measurements: size {size[0]:.1f} x {size[1]:.1f} x {size[2]:.1f} mm, "
                    f"volume {_n(volume)} mm³, {r.get('solids', 0)} solid(s), {r.get('faces', 0)} faces. "
                    "Ask e.g. 'how heavy is it in aluminium?' or 'what is the wall thickness?'.")
    return " ".join(bits)


def _wall(code: str) -> str:
    """The wall thickness the script says: a `wall` / `*_wall*` or a shell's `*_thickness` parameter (and its floor), or
    a tube's half the difference of its outer and inner diameters."""
    m = re.search(r"(?m)^(\w*wall\w*|\w*shell\w*_thickness)\s*=\s*([0-9.]+)", code)
    if m:
        floor = re.search(r"(?m)^(\w*(?:bottom|floor)\w*)\s*=\s*([0-9.]+)", code)
        return (f"The wall thickness is {float(m.group(2)):g} mm (the script's `{m.group(1)}` parameter)"
                + (f"; the floor is {float(floor.group(2)):g} mm (`{floor.group(1)}`)." if floor else "."))
    od = re.search(r"(?m)^(\w*outer_diameter)\s*=\s*([0-9.]+)", code)
    inner = re.search(r"(?m)^(\w*inner_diameter)\s*=\s*([0-9.]+)", code)
    if od and inner and float(od.group(2)) > float(inner.group(2)):
        wall = (float(od.group(2)) - float(inner.group(2))) / 2
        return (f"The wall thickness is {wall:g} mm (half the difference of `{od.group(1)}` {float(od.group(2)):g} and "
                f"`{inner.group(1)}` {float(inner.group(2)):g}).")
    return "This design has no wall-thickness parameter; it is not a shelled part."
