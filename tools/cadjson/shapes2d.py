"""Recognise sketch profiles: circles, rings, rectangles, rounded rectangles, slots, polygons."""

from __future__ import annotations

import math

from .model import Arc, Circle, Face, Line, Loop

_POLYGON_NAMES = {3: "triangle", 4: "square", 5: "pentagon", 6: "hexagon", 7: "heptagon", 8: "octagon"}


def fmt(v: float) -> str:
    """A length for people: 3 significant decimals at most, no trailing zeros."""
    a = abs(v)
    digits = 0 if a >= 100 else 1 if a >= 10 else 2 if a >= 1 else 3 if a >= 0.1 else 4
    text = f"{v:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _close(a: float, b: float, rel: float = 2e-3) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-9)


def _dir(line: Line) -> tuple[float, float]:
    (x0, y0), (x1, y1) = line.start, line.end
    n = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (x1 - x0) / n, (y1 - y0) / n


def _perpendicular(a: Line, b: Line) -> bool:
    da, db = _dir(a), _dir(b)
    return abs(da[0] * db[0] + da[1] * db[1]) < 2e-3


def _parallel(a: Line, b: Line) -> bool:
    da, db = _dir(a), _dir(b)
    return abs(abs(da[0] * db[0] + da[1] * db[1]) - 1) < 2e-3


def classify(loop: Loop, k: float = 1.0) -> dict:
    """What the loop is, with its key sizes (scaled by k)."""
    curves = loop.curves
    if loop.is_circle:
        c: Circle = curves[0]  # type: ignore[assignment]
        return {"kind": "circle", "diameter": 2 * c.radius * k, "center": (c.center[0] * k, c.center[1] * k)}
    lines = [c for c in curves if isinstance(c, Line)]
    arcs = [c for c in curves if isinstance(c, Arc)]
    x0, y0, x1, y1 = loop.bbox()
    cx, cy = (x0 + x1) / 2 * k, (y0 + y1) / 2 * k
    if not arcs and len(lines) == 4 and all(_perpendicular(lines[i], lines[(i + 1) % 4]) for i in range(4)):
        a, b = lines[0].length * k, lines[1].length * k
        kind = "square" if _close(a, b) else "rectangle"
        return {"kind": kind, "length": max(a, b), "width": min(a, b), "center": (cx, cy)}
    if not arcs and len(lines) >= 3:
        lengths = [ln.length for ln in lines]
        angles = []
        for i in range(len(lines)):
            da, db = _dir(lines[i]), _dir(lines[(i + 1) % len(lines)])
            angles.append(math.atan2(da[0] * db[1] - da[1] * db[0], da[0] * db[0] + da[1] * db[1]))
        n = len(lines)
        if all(_close(v, lengths[0]) for v in lengths) and all(_close(a, angles[0], 1e-2) for a in angles) \
                and _close(abs(angles[0]), 2 * math.pi / n, 1e-2):
            side = lengths[0] * k
            flats = side / math.tan(math.pi / n)
            name = _POLYGON_NAMES.get(n, f"{n}-gon")
            return {"kind": f"regular {name}", "sides": n, "side": side, "across_flats": flats,
                    "center": (cx, cy)}
        return {"kind": "triangle" if n == 3 else "polygon", "sides": n,
                "length": (x1 - x0) * k, "width": (y1 - y0) * k, "center": (cx, cy)}
    if len(arcs) == 4 and len(lines) == 4 and len(curves) == 8:
        radii = [a.circle()[1] for a in arcs if a.circle()]
        alternating = all(isinstance(curves[i], Line) != isinstance(curves[(i + 1) % 8], Line)
                          for i in range(8))
        quarter = all(_close(a.sweep(), math.pi / 2, 1e-2) for a in arcs)
        if len(radii) == 4 and all(_close(r, radii[0]) for r in radii) and quarter and alternating:
            a, b = (x1 - x0) * k, (y1 - y0) * k
            return {"kind": "rounded rectangle", "length": max(a, b), "width": min(a, b),
                    "radius": radii[0] * k, "center": (cx, cy)}
    if len(arcs) == 2 and len(lines) == 2 and _parallel(lines[0], lines[1]) \
            and all(_close(a.sweep(), math.pi, 1e-2) for a in arcs):
        r = arcs[0].circle()[1] * k
        return {"kind": "slot", "length": lines[0].length * k + 2 * r, "width": 2 * r, "center": (cx, cy)}
    return {"kind": "profile", "lines": len(lines), "arcs": len(arcs),
            "length": (x1 - x0) * k, "width": (y1 - y0) * k, "center": (cx, cy)}


def describe_loop(info: dict, unit: str = "") -> str:
    u = f" {unit}" if unit else ""
    kind = info["kind"]
    if kind == "circle":
        return f"circle Ø{fmt(info['diameter'])}{u}"
    if kind in ("rectangle", "square", "polygon", "triangle"):
        extra = f" ({info['sides']} sides)" if kind == "polygon" else ""
        return f"{fmt(info['length'])} x {fmt(info['width'])}{u} {kind}{extra}"
    if kind == "rounded rectangle":
        return f"{fmt(info['length'])} x {fmt(info['width'])}{u} rectangle with R{fmt(info['radius'])} corners"
    if kind == "slot":
        return f"{fmt(info['length'])} x {fmt(info['width'])}{u} slot"
    if kind.startswith("regular"):
        return f"{kind} ({fmt(info['across_flats'])}{u} across flats)"
    lines = f"{info['lines']} line" + ("s" if info["lines"] != 1 else "")
    arcs = f"{info['arcs']} arc" + ("s" if info["arcs"] != 1 else "")
    return f"{fmt(info['length'])} x {fmt(info['width'])}{u} profile of {lines} and {arcs}"


def describe_face(face: Face, k: float = 1.0, unit: str = "") -> str:
    outer = classify(face.outer, k)
    holes = [classify(h, k) for h in face.holes]
    if outer["kind"] == "circle" and len(holes) == 1 and holes[0]["kind"] == "circle" \
            and math.dist(outer["center"], holes[0]["center"]) < 1e-3 * outer["diameter"]:
        u = f" {unit}" if unit else ""
        return f"ring Ø{fmt(outer['diameter'])}{u} outside, Ø{fmt(holes[0]['diameter'])}{u} inside"
    text = describe_loop(outer, unit)
    if holes:
        circles = [h for h in holes if h["kind"] == "circle"]
        others = [h for h in holes if h["kind"] != "circle"]
        bits = []
        if circles:
            ds = sorted({fmt(h["diameter"]) for h in circles})
            bits.append(f"{len(circles)} round hole{'s' if len(circles) > 1 else ''} (Ø{', Ø'.join(ds)}"
                        f"{' ' + unit if unit else ''})")
        for h in others:
            bits.append(f"a {describe_loop(h, unit)} cut-out")
        text += " with " + " and ".join(bits)
    return text
