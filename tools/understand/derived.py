"""A new part said as a variant of the one before: "and a gasket for it, same outline and holes, 1.5 thick", "also
need a second one that's 12 x 12 cm, same thickness", "another one like the last, but 50 long". Read alone it is
no part (its outline is the other part's); read as the part before with the sizes it gives, it is.

    derived("and a gasket for it, same outline and holes, 1.5 thick")
    # -> Derived(changes="1.5 thick", only_holes=True, same=["outline", "holes"])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import normalize

_THING = r"(?:outline|footprint|shape|profile|holes?|hole pattern|bolt pattern|pattern|thickness|size|sizes|dimensions|" \
         r"diameter|dia|od|id|bore|width|length|height|material|everything|design|part)"
# "same outline and holes", "same thickness": the things kept from the part before
SAME = re.compile(rf"\b(?:the\s+)?same\s+(?P<what>{_THING}(?:\s*(?:,|and|&|\+)\s*(?:the\s+)?{_THING})*)\b"
                  rf"(?:\s+as\s+(?:the\s+)?(?:first|last|previous|other|before|that|it)(?:\s+(?:one|1|part))?)?")
# "a gasket for it", "a second one", "one like the last": a part that refers to the one before
REFERS = re.compile(r"\b(?:for|to fit|to match|to go with|that fits|which fits|matching)\s+(?:it|this|that|the (?:first|last|"
                    r"previous|other) (?:one|1|part))\b|\bmatching\b|\b(?:like|as) (?:the )?(?:first|last|previous|other)"
                    r"(?: (?:one|1|part))?\b|\b(?:a\s+)?(?:second|2nd|another)\s+(?:one|1|part|copy)\b|"
                    r"\b(?:1|one) more\b.*?\bthe same\b|\b(?:the )?same (?:again|one|1|part|thing)\b")
_LEAD = re.compile(r"^\W*(?:(?:ok(?:ay)?|now|and|also|then|next|so|great|cool|thanks|perfect|nice)\b\W*)*(?:(?:i\s+)?(?:also\s+)?"
                   r"(?:need|want|would like|'d like)\s+|(?:can you\s+|could you\s+|please\s+)?(?:make|do|give me)\s+(?:me\s+)?)?",
                   re.I)


@dataclass
class Derived:
    changes: str                     # the sizes said for the new part ("1.5 thick"), read as changes of the one before
    only_holes: bool = False         # "same outline and holes": the outline and the holes kept, nothing else
    same: list[str] = field(default_factory=list)


def derived(text: str) -> Derived | None:
    """The request as a variant of the part before, or None when it does not refer to it."""
    t = normalize(text)
    same = list(SAME.finditer(t))
    refers = REFERS.search(t)
    if not same and not (refers and not refers.group(0).startswith(("for", "to ", "that", "which", "matching"))):
        return None      # "a matching lid", "a cover for it": another kind of part, sized by the one before only in part
    what = [w for m in same for w in re.split(r"\s*(?:,|and|&|\+)\s*(?:the\s+)?", m.group("what")) if w]
    rest = t
    for m in reversed(same):
        rest = rest[:m.start()] + " " + rest[m.end():]
    rest = REFERS.sub(" ", rest)
    # the sizes said for it, clause by clause ("a gasket, 1.5 thick": '1.5 thick'); the words that only
    # introduce the part ("a gasket", "that's", "but") are no change
    pieces = []
    for clause in re.split(r"\s*(?:[,;:]|\bbut\b|\bthat'?s\b|\bthat is\b|\bwhich is\b)\s*", rest):
        m = re.search(r"(?:[ø⌀]\s*)?\d", clause)
        if m:
            pieces.append(clause[m.start():].strip(" .-"))
    rest = ", ".join(pieces)
    holes = any(w.startswith(("hole", "bolt", "pattern")) for w in what)
    outline = any(w in ("outline", "footprint", "shape", "profile") for w in what)
    return Derived(rest, only_holes=holes and outline, same=what)
