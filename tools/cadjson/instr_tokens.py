"""Tokens of a sketch statement, in text order: face and loop markers, curve words, points
(parenthesised, bare pairs, "the origin", "X along the x-axis and Y along the y-axis"), radii and
diameters; and the role of a point from the words before it ("from" / "through" / "to")."""

from __future__ import annotations

import re

from .instr_text import NUM

_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|single|next|another|new|\d+(?:st|nd|rd|th))"
TOKENS = re.compile("|".join([
    rf"(?P<face>\b(?P<face_ord>{_ORD})\s+(?:(?:2d|two-dimensional)\s+)?face\b|\bface\s*(?P<face_num>\d+)\b)",
    rf"(?P<loop>\b(?P<loop_ord>{_ORD})\s+(?:closed\s+)?loop\b|\bloop\s*(?P<loop_num>\d+)\b)",
    r"(?P<poly>\b(?:vertices|corners)\b)",
    r"(?P<rect>\brectangle\b|\bsquare\b)",
    r"(?P<kind>\b(?:line|arc|circle)s?\b|\bcircular\b)",
    rf"(?P<radii>\bradii\b(?:\s+(?:of|are))?\s*:?\s*(?P<rl>{NUM}(?:\s*(?:units?)?\s*,?\s*(?:and\s+)?{NUM})+))",
    rf"(?P<axes>(?P<ax>{NUM})\s*(?:units?\s+)?along the x[- ]axis,?\s*and\s+(?P<ay>{NUM})\s*(?:units?\s+)?along the y[- ]axis)",
    rf"(?P<axmove>(?:(?P<amv>{NUM})\s*(?:units?\s+)?|(?:back\s+)?to\s+the\s+origin\s+)along\s+the\s+(?P<aax>[xy])[- ]axis)",
    rf"(?P<radius>\bradius\b(?:\s+(?:of|is|equal to|measuring|set to))?\s*:?\s*(?P<r>{NUM}))",
    rf"(?P<diameter>\bdiameter\b(?:\s+(?:of|is|equal to|measuring|set to))?\s*:?\s*(?P<d>{NUM}))",
    rf"(?P<point>[(\[]\s*(?P<x>{NUM})\s*,\s*(?P<y>{NUM})\s*[)\]])",
    r"(?P<origin>\b(?:the\s+)?origin\b)",
    rf"(?P<bare>(?<![\w.])(?P<bx>{NUM})\s*,\s*(?P<by>{NUM})(?![\w.]*\d)(?!\s*,\s*{NUM}))",
]), re.I)
RECT_DIMS = re.compile(rf"\b(?:rectang\w*|square)\b[^.;()]{{0,60}}?\b(?:dimensions?|size|measuring)\b[^.;()\d]{{0,20}}"
                        rf"(?P<w>{NUM})\s*(?:units?)?\s*(?:by|x|×)\s*(?P<h>{NUM})")
REFERENCE = re.compile(r"\b(?:end\s*-?\s*point|end|start\s*-?\s*point|start|beginning|ending)\s+of\s+(?:the|this)\s+"
                        r"(?:\w+\s+)?$")
_TO = re.compile(r"\bto\b|\bends?\b|\bending\b|\bterminat\w*\b|\buntil\b")
_MID = re.compile(r"\bmid|\bthrough\b|\bpassing\b|\bvia\b")
_FROM = re.compile(r"\bfrom\b|\bstart\w*\b|\bbegin\w*\b|\bbetween\b")
CENTER = re.compile(r"\bcent(?:er|re|ered|red)\b")


def point_role(gap: str) -> str | None:
    """'start', 'mid' or 'end' from the last keyword before a point ('from', 'through', 'to')."""
    best, role = -1, None
    for r, rx in (("start", _FROM), ("mid", _MID), ("end", _TO)):
        for m in rx.finditer(gap):
            if m.start() > best:
                best, role = m.start(), r
    return role
