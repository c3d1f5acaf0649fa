"""The "What I understood" card: the shown version's part spec as a table of parameters with units.

Editing a value and pressing *Rebuild* sends a SetParameters command (a new version compiled from the
spec through the sandbox, no model call). A version made from a script has no spec: the card says so.
"""

from __future__ import annotations

import math

from cadagent.tools.part.ops import parameters

HEADERS = ["parameter", "value", "unit"]
_COUNTS = ("count", "teeth", "number", "sides", "rows", "cols", "columns", "n")
_ANGLES = ("angle", "deg", "rotation", "pressure")


def unit(path: str) -> str:
    name = path.rsplit(".", 1)[-1].lower()
    if name in _COUNTS or name.endswith("_count") or name.startswith("n_"):
        return "count"
    if any(a in name for a in _ANGLES):
        return "°"
    if name in ("module",):
        return "mm (module)"
    return "mm"


def empty() -> dict:
    return {"card_title": "", "card": [["", "", ""]]}


def rows_of(spec: dict | None) -> list[list]:
    if not spec:
        return []
    return [[path, _num(value), unit(path)] for path, value in parameters(spec)]


def show(version) -> dict:
    """The card for a :class:`Version`."""
    rows = rows_of(version.spec)
    if not rows:
        return {"card_title": f"**v{version.number}** was made from a script, not from a part spec: change it in "
                              "words, or edit its script in the Code tab.", "card": [["", "", ""]]}
    body = (version.spec or {}).get("body")
    kind = body.get("kind") if isinstance(body, dict) else None
    features = [f.get("kind", "") for f in (version.spec or {}).get("features") or [] if isinstance(f, dict)]
    what = f": a {str(kind).replace('_', ' ')}" if kind else ""
    what += (" with " + ", ".join(str(k).replace("_", " ") for k in features)) if features else ""
    assumed = [a for a in getattr(version, "assumed", None) or [] if a]
    note = ("\n\nAssumed: " + "; ".join(assumed) + ".") if assumed else ""
    return {"card_title": f"**What I understood (v{version.number}{what})**: edit a value, then *Rebuild with these "
                          f"values* (no model call).{note}", "card": rows}


def changes(version, rows) -> dict:
    """{parameter: new value} for the values that differ from ``version``'s spec; ValueError names a bad one."""
    if version is None or not version.spec:
        raise ValueError("This version has no part spec to change; change it in words or in the Code tab.")
    before = dict(parameters(version.spec))
    table = rows.values.tolist() if hasattr(rows, "values") else list(rows or [])
    out = {}
    for row in table:
        if not row or row[0] not in before:
            continue
        path, raw = row[0], row[1]
        try:
            value = float(str(raw).strip())
        except ValueError:
            raise ValueError(f"{path}: {raw!r} is not a number; type a number in {unit(path)}.") from None
        if not math.isfinite(value):
            raise ValueError(f"{path}: {raw!r} is not a finite number.")
        if isinstance(before[path], int) and not isinstance(before[path], bool):
            if value != int(value):
                raise ValueError(f"{path} is a whole number (a {unit(path)}); {raw!r} is not.")
            value = int(value)
        if value != before[path]:
            out[path] = value
    return out


def diff(a, b) -> list[tuple[str, str, str]]:
    """(parameter, in a, in b) for the spec parameters that differ between two versions."""
    if not a.spec or not b.spec:
        return []
    pa, pb = dict(parameters(a.spec)), dict(parameters(b.spec))
    return [(k, _fmt(pa.get(k)), _fmt(pb.get(k))) for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k)]


def _num(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _fmt(v) -> str:
    return "—" if v is None else f"{v:g}"
