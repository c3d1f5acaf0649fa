"""Standard sizes as data (``data/*.yaml``): ISO 273 clearance holes and tap drills, ISO 7089 /
7090 washers, ISO 4032 hex nuts, NEMA 17 / 23 motor patterns, screw heads (ISO 4762 counterbores,
ISO 10642 countersinks), DIN 6885-1 keyways. Lookups raise ``KeyError`` with a
message that lists what exists."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

HOLE_SIZE = re.compile(r"^\s*(M\d+(?:\.\d+)?|#\d{1,2}-\d{2}|\d{1,2}/\d{1,2}-\d{2})\s+(clearance|tapped|tap)"
                       r"(?:\s+(fine|normal|coarse))?\s*$", re.I)
FITS = ("fine", "normal", "coarse")


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    text = resources.files(__package__).joinpath("data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _thread(thread: str) -> dict:
    key = thread.strip().upper()
    if not key.startswith("M"):
        rows = table("unified_threads")     # "1/4-20", "#10-32": unified inch threads
        if key not in rows:
            raise KeyError(f"no unified inch thread {thread!r} in the table; known: {', '.join(rows)}")
        return rows[key]
    rows = table("threads")
    if key not in rows:
        raise KeyError(f"no metric thread {thread!r} in the table; known: {', '.join(rows)}")
    return rows[key]


def threads() -> list[str]:
    return list(table("threads"))


def clearance(thread: str, fit: str = "normal") -> float:
    """ISO 273 clearance hole diameter for a screw of ``thread`` (e.g. "M5") and a fit series."""
    if fit not in FITS:
        raise KeyError(f"clearance fit {fit!r} is not one of {', '.join(FITS)}")
    return float(_thread(thread)["clearance"][fit])


def tap_drill(thread: str) -> float:
    return float(_thread(thread)["tap_drill"])


def hole_diameter(size: str) -> tuple[float, str]:
    """"M5 clearance" / "M5 clearance fine" / "M5 tapped" → (diameter, what it is)."""
    m = HOLE_SIZE.match(size)
    if not m:
        raise KeyError(f"hole size {size!r} is not understood; write a diameter in mm, "
                       "'M5 clearance' (optionally fine / normal / coarse) or 'M5 tapped'")
    thread, what, fit = m.group(1).upper(), m.group(2).lower(), (m.group(3) or "normal").lower()
    if what.startswith("tap"):
        return tap_drill(thread), f"{thread} tap drill"
    return clearance(thread, fit), f"{thread} clearance ({fit}, {'ISO 273' if thread.startswith('M') else 'ASME'})"


def washer(size: str, standard: str = "ISO 7089") -> dict:
    rows = table("washers")
    if standard not in rows:
        raise KeyError(f"washer standard {standard!r} unknown; known: {', '.join(rows)}")
    if size.upper() not in rows[standard]:
        raise KeyError(f"no {standard} washer for {size!r}; known: {', '.join(rows[standard])}")
    return {k: float(v) for k, v in rows[standard][size.upper()].items()}


def hex_nut(size: str, standard: str = "ISO 4032") -> dict:
    rows = table("nuts")
    if standard not in rows:
        raise KeyError(f"nut standard {standard!r} unknown; known: {', '.join(rows)}")
    if size.upper() not in rows[standard]:
        raise KeyError(f"no {standard} nut for {size!r}; known: {', '.join(rows[standard])}")
    row = {k: float(v) for k, v in rows[standard][size.upper()].items()}
    row["bore"] = tap_drill(size)
    return row


def nema(frame: str | int) -> dict:
    rows = table("nema")
    key = str(frame).upper().removeprefix("NEMA").strip()
    if key not in rows:
        raise KeyError(f"no NEMA {frame} pattern; known: {', '.join('NEMA ' + k for k in rows)}")
    return dict(rows[key])


def screw_head(thread: str) -> dict:
    """The counterbore (ISO 4762 socket head) and the countersink diameter (ISO 10642, 90°) for a
    metric screw, or a unified one by gauge ('#8', '1/4'; ASME, 82°):
    ``{"cbore": {"diameter", "depth"}, "csink": diameter, "csink_angle": degrees}``."""
    rows = table("screw_heads")
    key = thread.strip().upper()
    if key not in rows:
        raise KeyError(f"no screw head for {thread!r} in the table; known: {', '.join(rows)}")
    row = rows[key]
    return {"cbore": {k: float(v) for k, v in row["cbore"].items()}, "csink": float(row["csink"]),
            "csink_angle": float(row.get("csink_angle", 90.0))}


def keyway_depth(width: float) -> float | None:
    """The DIN 6885-1 keyway depth in the shaft for a key of this width; None when no row has that width."""
    rows = [r for r in table("keyways") if abs(float(r["width"]) - width) < 1e-9]
    return float(rows[0]["depth"]) if rows else None


def keyway(shaft_diameter: float) -> dict:
    """The DIN 6885-1 parallel key's width and the keyway's depth in a shaft of this diameter."""
    for row in table("keyways"):
        if row["over"] < shaft_diameter <= row["to"]:
            return {"width": float(row["width"]), "depth": float(row["depth"])}
    rows = table("keyways")
    raise KeyError(f"no standard keyway for a Ø{shaft_diameter:g} shaft; the table covers over "
                   f"{rows[0]['over']} up to {rows[-1]['to']} mm")
