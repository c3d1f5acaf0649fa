"""A request cut into clauses, each with its subject: the part's body, a feature ("four 8 mm holes
on a 60 PCD"), or a continuation of the subject before it ("10 mm in from the corners")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .roles import Tagged, Tagging
from .vocab import find

SPLIT = re.compile(r"(?:[.;!?](?=\s|$)|\n|,|:|\(|\)|\bwith\b|\bplus\b|\band then\b|\bthen\b|\band\b|\bw/|"
                   r"\s-\s|\s[+&/|]\s|\bthat has\b|\bwhich has\b|\bhaving\b|\bfeaturing\b)")     # ("OD 180 / ID 90 / T 20")


ADJ_OF_FEATURE = re.compile(r"\s+(?:(?:through|thru)\s+)?(?:pockets?|holes?|slots?|sockets?|recess|traps?|cut-?outs?|"
                            r"recess(?:es)?|boss(?:es)?|pads?|pattern|grid|"
                            r"ends|corners|edges|"      # "a keyway ..., square ends": its ends' shape, not a square part
                            r"array|openings?|windows?|notch(?:es)?)\b")


# "an end cap for a 36mm tube", "a block to hold a 22 mm pipe": what the part is for, not the part
PURPOSE = re.compile(r"\b(?:for|to hold|hold|holds|holding|to fit|fits?|fitting|to take|takes|over|onto|around|on|against|to|"
                     r"(?:for |to )?locat(?:e|es|ing) (?:in|into|on)|(?:for |to )?(?:sit|sits|sitting|go|goes|going) (?:in|into))\s+"
                     r"(?:a|an|the|my|our|some)?\s*(?:[\d.]+\s*(?:mm|in|\")?\s*)?(?:[a-z]+\s+)?$")
INTO_OTHER = re.compile(r"\b(?:locat(?:e|es|ing)|sits?|sitting|goes|go|going|fits?|fitting|slides?|sliding|plugs?|plugging)\s+"
                        r"(?:in|into|inside)\s+(?:a|an|the|my|our|its)\s+(?:[a-z]+\s+)?$")
BOSS_LIKE = {"post", "pin", "peg", "stud", "pillar", "dowel", "spigot", "plug", "solid plug"}      # on a part already named: a boss
REFERENCE = re.compile(r"\b(?:above|below|under|beneath|beyond|past|from|off|of|out of|into|through|in|to|along|across|"
                       r"around|down) the\s+$")
ON_A_SQUARE = re.compile(r"\b(?:(?:on|in|at) (?:an?|the)|(?:on|at) the corners? of (?:an?|the)|(?:on|at)) [\d.]+\s*(?:mm\s*)?"
                         r"(?:x\s*[\d.]+\s*(?:mm\s*)?)?$")


def _pattern_square(t: str, body) -> bool:
    """'4 holes on a 75 square': the square the holes stand on, not a part ('centred on a 70 x 70 plate' is one)."""
    return bool(ON_A_SQUARE.search(t[:body[0]])) and body[2] in ("square", "rectangle", "rect", "circle", "square pattern")


@dataclass
class Clause:
    text: str
    start: int
    end: int
    nums: list[Tagged] = field(default_factory=list)
    body: tuple | None = None             # (phrase, name) of a body noun
    features: list[tuple] = field(default_factory=list)    # (phrase, name) of feature nouns, in order


def clauses(t: str, tagging: Tagging) -> list[Clause]:
    cuts = sorted({0, len(t), *[m.start() for m in SPLIT.finditer(t)], *[m.end() for m in SPLIT.finditer(t)]})
    # a cut inside a number ("5.5", "1/2") is no cut
    spans = [(n.num.start, n.num.end) for n in tagging.items] + [(s, e) for s, e, _, _ in find("edge_sets", t)]
    # (nor is an "and" inside an edge set's name: "the top and bottom edges")
    cuts = [c for c in cuts if not any(a < c < b for a, b in spans)]
    feats = find("features", t)
    # "a snap ring groove": a body word inside a feature's name is that feature's
    bodies = [x for x in find("bodies", t) if not any(s <= x[0] and x[1] <= e and e - s > x[1] - x[0]
                                                      for s, e, _, _ in feats)]
    kept = [x for x in bodies if not ADJ_OF_FEATURE.match(t, x[1]) and not _pattern_square(t, x)
            and not PURPOSE.search(t[:x[0]])]
    # "round over the 4 vertical corners R10 on a block 60 x 40 x 15": no other body, and its sizes follow it
    sized_on = {x[0] for x in bodies if not kept and (
        re.match(r"\s*(?:of\s+)?[\d.]", t[x[1]:]) and re.search(r"\bon(?:to)? (?:a|an|the)\s*$", t[:x[0]]) or
        re.search(r"\bon(?:to)? (?:a|an|the) [\d.]+\s*(?:mm|cm|in|\")?\s*(?:(?:square|thick|dia|diameter|round|od)\s+)?$", t[:x[0]]))}
    # ("... on a 25 mm cube", "centred on a 80 sq plate")
    out = []
    for a, b in zip(cuts, cuts[1:]):
        text = t[a:b]
        if not text.strip(" .,;:()-"):
            continue
        c = Clause(text, a, b, tagging.in_span(a, b))
        # "rectangular pocket", "square pattern", "round hole": an adjective of a feature, not the body
        bs = [(p, n) for s, e, p, n in bodies if a <= s < b and not ADJ_OF_FEATURE.match(t, e)
              and not (REFERENCE.search(t[:s]) and any(x[0] < s for x in kept))   # "25 above the disc"
              and not _pattern_square(t, (s, e, p, n))        # "4 holes on the 47.14 square": their pattern
              and (not PURPOSE.search(t[:s]) or s in sized_on)]
        c.body = bs[0] if bs else None
        # ("... for locate in the housing bore", "sits in the pipe bore": the other part's bore, not one of this part's)
        c.features = [(p, n) for s, e, p, n in feats if a <= s < b and not INTO_OTHER.search(t[max(0, s - 60):s])]
        if c.body is not None and c.body[0] in BOSS_LIKE and any(x.body for x in out):
            # "a round base ... with a 20 mm high 30 mm diameter post in the middle": a boss on the part
            c.features.append((c.body[0], "boss"))
            c.body = None
        out.append(c)
    first = next((c for c in out if c.features or c.body), None)
    if first is not None and not any(c.body for c in out) and first.features and first.features[0][1] == "boss" and \
            re.match(r"^\s*(?:(?:a|an|one|the|round|cylindrical|solid|plain)\s+)*$",
                     first.text[:first.text.find(first.features[0][0])]):
        # "round boss 2\" dia, 1\" tall, 1/2\" thru hole ...": the boss is the part itself, a cylinder
        first.body = (first.features.pop(0)[0], "cylinder")
    return out
