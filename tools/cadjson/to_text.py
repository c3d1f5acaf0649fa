"""A minimal CAD JSON document → construction steps in the Text2CAD ``expert`` register.

The inverse of :mod:`tools.cadjson.instructions`: every number of the document is written out
(coordinate system, faces and loops, lines by end points, arcs by start / mid / end, circles by
centre and radius, scale, depths, operation), so parsing the text gives the document back. Used
to make (instructions → CAD JSON) training pairs from verified documents, and to check the parser
by round trip. ``rng`` varies the wording, never the numbers.
"""

from __future__ import annotations

import random

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
OPERATIONS = {
    "NewBodyFeatureOperation": ["creating a new solid body", "to create a new solid body"],
    "JoinFeatureOperation": ["adding material to the existing body", "joining it to the existing body"],
    "CutFeatureOperation": ["removing material from the existing body", "to cut the existing body"],
    "IntersectFeatureOperation": ["keeping only the intersection with the existing body"],
}


def _n(v: float) -> str:
    text = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return "0.0" if text in ("-0", "0", "") else text if "." in text else text + ".0"


def _p(pt) -> str:
    return f"({_n(pt[0])}, {_n(pt[1])})"


def _v(vec) -> str:
    return "[" + ", ".join(_n(x) for x in vec) + "]"


def _ord(i: int) -> str:
    return ORDINALS[i] if i < len(ORDINALS) else f"{i + 1}th"


def _curve(name: str, c: dict, rng: random.Random) -> str:
    if name.startswith("line"):
        return f"a line from {_p(c['Start Point'])} to {_p(c['End Point'])}"
    if name.startswith("arc"):
        if rng.random() < 0.5:
            return f"an arc from {_p(c['Start Point'])} through {_p(c['Mid Point'])} to {_p(c['End Point'])}"
        return (f"an arc starting at {_p(c['Start Point'])}, passing through {_p(c['Mid Point'])}, and ending at "
                f"{_p(c['End Point'])}")
    return f"a circle centered at {_p(c['Center'])} with a radius of {_n(c['Radius'])}"


def _loop(j: int, loop: dict, rng: random.Random) -> str:
    curves = [_curve(name, c, rng) for name, c in loop.items()]
    body = curves[0] if len(curves) == 1 else ", ".join(curves[:-1]) + ", and " + curves[-1]
    return f"In the {_ord(j)} loop, draw {body}."


def _extrusion(ex: dict, rng: random.Random) -> str:
    towards, opposite = ex["extrude_depth_towards_normal"], ex["extrude_depth_opposite_normal"]
    along = rng.choice(["towards the normal", "along the normal direction", "in the direction of the normal"])
    if towards and opposite:
        depth = f"{_n(towards)} units {along} and {_n(opposite)} units in the opposite direction of the normal"
    elif towards:
        depth = f"{_n(towards)} units {along} without extruding in the opposite direction"
    else:
        depth = f"{_n(opposite)} units in the opposite direction of the normal"
    return f"Extrude the sketch {depth}, {rng.choice(OPERATIONS[ex['operation']])}."


def instructions_from(document: dict, rng: random.Random | None = None) -> str:
    """Expert-register prose for every part of a minimal CAD JSON document."""
    rng = rng or random.Random(0)
    paragraphs = []
    for i, part in enumerate(document["parts"].values()):
        cs, ex = part["coordinate_system"], part["extrusion"]
        lead = "Create" if i == 0 else f"For the {_ord(i)} part, create"
        out = [f"{lead} a new coordinate system with Euler angles set to {_v(cs['Euler Angles'])} and a "
               f"translation vector of {_v(cs['Translation Vector'])}."]
        for k, face in enumerate(part["sketch"].values()):
            out.append(f"On the {_ord(k)} face:")
            out += [_loop(j, loop, rng) for j, loop in enumerate(face.values())]
        out.append(f"Scale the sketch by a factor of {_n(ex.get('sketch_scale', 1.0))}.")
        out.append(_extrusion(ex, rng))
        paragraphs.append(" ".join(out))
    return "\n\n".join(paragraphs)
