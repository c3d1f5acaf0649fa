"""Two versions side by side: size, volume (with the change), request, and the parameters that differ
(the part specs' when both have one, else the named numbers of their scripts)."""

from __future__ import annotations

import re

from cadagent.tools.results import thousands

from . import card
from .wording import for_page

_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*([-+]?\d[\d_.eE+-]*)\s*(?:#.*)?$", re.M)


def script_diff(code_a: str, code_b: str) -> list[tuple[str, str, str]]:
    """Named numeric values (``length = 60``) that differ between two scripts."""
    a, b = dict(_ASSIGN.findall(code_a or "")), dict(_ASSIGN.findall(code_b or ""))
    return [(k, a.get(k, "—"), b.get(k, "—")) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def table(va, vb) -> str:
    """A Markdown table of two :class:`Version` records."""
    a, b = f"v{va.number}", f"v{vb.number}"
    change = f" ({(vb.volume - va.volume) / va.volume * 100:+.1f} %)" if va.volume else ""
    rows = [("size (mm)", " x ".join(f"{s:.1f}" for s in va.size), " x ".join(f"{s:.1f}" for s in vb.size)),
            ("volume (mm³)", thousands(va.volume), thousands(vb.volume) + change),
            ("request", for_page(va.request)[:80], for_page(vb.request)[:80])]
    params = card.diff(va, vb) or script_diff(va.code, vb.code)
    lines = [f"| | {a} | {b} |", "|---|---|---|"] + [f"| {k} | {x} | {y} |" for k, x, y in rows]
    lines += [f"| {name} | {x} | {y} |" for name, x, y in params]
    if not params:
        lines.append("| parameters | (no named value changed) | |")
    return "\n".join(lines)
