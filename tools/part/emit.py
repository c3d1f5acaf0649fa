"""Small helpers for writing readable scripts: numbers without float noise, named parameters."""

from __future__ import annotations


def num(v: float) -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    text = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pt(p) -> str:
    return "(" + ", ".join(num(x) for x in p) + ")"


def pts(points) -> str:
    return "[" + ", ".join(pt(p) for p in points) + "]"


class Params:
    """The named parameters at the top of a script: ``name = value  # comment``."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: set[str] = set()

    def add(self, name: str, value, comment: str = "") -> str:
        if name in self.names:
            return name
        self.names.add(name)
        text = value if isinstance(value, str) else num(value)
        self.lines.append(f"{name} = {text}" + (f"  # {comment}" if comment else ""))
        return name

    def group(self, title: str) -> None:
        self.lines.append(f"# {title}")
