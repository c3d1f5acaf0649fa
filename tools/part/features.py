"""Part spec features and placements (pydantic v2). Features apply in order. Each placed feature
sits on a named face of the base body's bounding box (top, bottom, front, back, left, right) or a
datum plane; (u, v) on a face are measured from the face's centre, u to the right and v up as seen
from outside the face (top: u = +X, v = +Y; front: u = +X, v = +Z; right: u = +Y, v = +Z)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .bodies import Coord, Id, Length, Point, Strict

FaceName = Literal["top", "bottom", "front", "back", "left", "right"]
EdgeSet = Literal["all", "vertical", "top", "bottom", "outer", "holes", "ends", "long", "root", "shoulders"]
Count = Annotated[int, Field(ge=1, le=500)]


class Datum(Strict):
    """a datum plane through the origin, as CadQuery names them (XY: normal +Z; XZ: normal -Y, v = +Z;
    YZ: normal +X, u = +Y), moved ``offset`` along its axis (X, Y or Z); ``flip`` turns the normal
    around. Cuts go against the normal (blind: ``depth`` from the plane; through: the whole part, both
    sides of the plane); bosses grow along it."""
    plane: Literal["XY", "XZ", "YZ"]
    offset: Coord = 0.0
    flip: bool = False


On = Union[FaceName, Datum]


class Center(Strict):
    kind: Literal["center"]


class At(Strict):
    kind: Literal["at"]
    points: list[Point] = Field(min_length=1, max_length=500)


class FromCorner(Strict):
    """one point ``dx``, ``dy`` in from a corner of the face (as seen from outside)."""
    kind: Literal["from_corner"]
    corner: Literal["lower_left", "lower_right", "upper_left", "upper_right"]
    dx: Coord
    dy: Coord


class FromEdge(Strict):
    """one point ``distance`` in from an edge of the face, ``along`` it from the face's middle."""
    kind: Literal["from_edge"]
    edge: Literal["left", "right", "lower", "upper"]
    distance: Coord
    along: Coord = 0.0


class Corners(Strict):
    """the four corners of the face, ``inset`` in from both edges (or ``inset_u`` / ``inset_v``)."""
    kind: Literal["corners"]
    inset: Optional[Length] = None
    inset_u: Optional[Length] = None
    inset_v: Optional[Length] = None


class Linear(Strict):
    """``count`` points evenly spaced along u or v: ``spacing`` between neighbours, or ``span``
    from the first to the last; centred on ``center``."""
    kind: Literal["linear"]
    count: Count
    axis: Literal["u", "v"] = "u"
    spacing: Optional[Length] = None
    span: Optional[Length] = None
    center: Point = (0.0, 0.0)


class Grid(Strict):
    kind: Literal["grid"]
    counts: tuple[Count, Count]
    spacing: tuple[Length, Length]
    center: Point = (0.0, 0.0)


class BoltCircle(Strict):
    """``count`` points on a circle of ``diameter``, the first at ``start_angle`` degrees from +u."""
    kind: Literal["bolt_circle"]
    count: Count
    diameter: Length
    start_angle: float = 0.0
    center: Point = (0.0, 0.0)


class Nema(Strict):
    """the four screw positions of a NEMA 17 / 23 motor face (square of side ``spacing``)."""
    kind: Literal["nema"]
    frame: Literal["17", "23"]
    center: Point = (0.0, 0.0)


Placement = Annotated[Union[Center, At, FromCorner, FromEdge, Corners, Linear, Grid, BoltCircle, Nema],
                      Field(discriminator="kind")]


class FeatureBase(Strict):
    id: Id


class Counterbore(Strict):
    diameter: Length
    depth: Length


class Countersink(Strict):
    diameter: Length
    angle: Annotated[float, Field(gt=30, lt=150)] = 90.0


class Hole(FeatureBase):
    """holes: through (no depth) or blind (``depth``, flat bottom); ``size`` is a diameter in mm,
    "M5 clearance" (ISO 273; add fine / coarse for the other series) or "M5 tapped" (tap drill)."""
    kind: Literal["hole"]
    on: On = "top"
    at: Placement = Field(default_factory=lambda: Center(kind="center"))
    size: Union[Length, Annotated[str, Field(max_length=40)]]
    depth: Optional[Length] = None
    cbore: Optional[Counterbore] = None
    csink: Optional[Countersink] = None


class Pocket(FeatureBase):
    """material removed: a rectangle (``length`` x ``width``, optional ``corner_radius``), a circle
    (``diameter``), a slot (``length`` end to end x ``width``), a hexagon (``across_flats``: a hex socket,
    a nut trap), a D (``diameter`` with one flat: ``across_flats`` from the flat to the far side of the circle,
    the flat on the +v side), a double D (``diameter`` with two flats ``across_flats`` apart, parallel to u) or a
    V groove (``v``: ``length`` along u, ``width`` across at the face, ``depth`` to its bottom line),
    ``depth`` deep or through (no depth), turned ``angle`` degrees on the face."""
    kind: Literal["pocket"]
    on: On = "top"
    at: Placement = Field(default_factory=lambda: Center(kind="center"))
    shape: Literal["rect", "circle", "slot", "hex", "d", "double_d", "v"] = "rect"
    length: Optional[Length] = None
    width: Optional[Length] = None
    diameter: Optional[Length] = None
    across_flats: Optional[Length] = None
    corner_radius: Optional[Length] = None
    depth: Optional[Length] = None
    angle: float = 0.0


class Slot(FeatureBase):
    """a straight slot (rounded ends): ``length`` end to end, ``width``; through unless ``depth``."""
    kind: Literal["slot"]
    on: On = "top"
    at: Placement = Field(default_factory=lambda: Center(kind="center"))
    length: Length
    width: Length
    depth: Optional[Length] = None
    angle: float = 0.0


class Boss(FeatureBase):
    """material added: a round boss (``diameter``) or a rectangular pad (``length`` x ``width``),
    ``height`` out of the face; with ``wall``, only a wall that thick inside its outline (a rim, a
    lid's locating lip, a ring), open in the middle."""
    kind: Literal["boss"]
    on: On = "top"
    at: Placement = Field(default_factory=lambda: Center(kind="center"))
    diameter: Optional[Length] = None
    length: Optional[Length] = None
    width: Optional[Length] = None
    height: Length
    wall: Optional[Length] = None
    sides: Optional[Annotated[int, Field(ge=3, le=12)]] = Field(
        None, description="a regular polygon boss of this many sides (6: a hex boss), ``diameter`` across its flats")


class Rib(FeatureBase):
    """a straight rib on a face from ``start`` to ``end`` (u, v), ``thickness`` wide, ``height`` tall."""
    kind: Literal["rib"]
    on: On = "top"
    start: Point
    end: Point
    thickness: Length
    height: Length


class Fillet(FeatureBase):
    """round an edge set: all, vertical (parallel to Z), top / bottom (outline of the top / bottom
    face), outer (top and bottom outlines and the vertical edges), holes (the rims of the holes),
    ends (the circular end edges of a shaft or cylinder), long (the four edges along a block's longest side),
    root (the concave edge round the foot of the round boss ``of``, where it meets the top or bottom face),
    shoulders (the concave edges where a stepped shaft's sections meet, material added; ``of`` 'step_N': only the one
    between sections N and N + 1, counted from 1 at z = 0)."""
    kind: Literal["fillet"]
    edges: EdgeSet
    radius: Length
    of: Optional[Id] = Field(None, description="edges 'holes': only the rims of this hole feature (its id); none: "
                                               "every hole's. edges 'root': the boss whose foot is rounded. edges "
                                               "'shoulders': 'step_N', the one between shaft sections N and N + 1")


class Chamfer(FeatureBase):
    """bevel an edge set (same names as fillet) by ``size`` (equal distances)."""
    kind: Literal["chamfer"]
    edges: EdgeSet
    size: Length
    of: Optional[Id] = Field(None, description="edges 'holes': only the rims of this hole feature (its id); none: "
                                               "every hole's. edges 'root': the boss whose foot is rounded. edges "
                                               "'shoulders': 'step_N', the one between shaft sections N and N + 1")


class Shell(FeatureBase):
    """hollow the part, walls ``thickness`` thick, leaving ``open_face`` open (none: closed hollow)."""
    kind: Literal["shell"]
    thickness: Length
    open_face: Optional[FaceName] = "top"
    bottom: Optional[Length] = Field(None, description="floor thickness opposite an open top or bottom "
                                     "(default: thickness); a box or cylinder shelled right after its body")


class Mirror(FeatureBase):
    """join the part with its mirror image in a datum plane through the origin."""
    kind: Literal["mirror"]
    plane: Literal["XY", "XZ", "YZ"]


class LinearPattern(FeatureBase):
    """repeat an earlier placed feature (hole, pocket, slot, boss) ``count`` times in all
    (the original included), each copy shifted by ``step`` (u, v) on the feature's face."""
    kind: Literal["linear_pattern"]
    feature: Id
    count: Annotated[int, Field(ge=2, le=200)]
    step: Point


class PolarPattern(FeatureBase):
    """repeat an earlier placed feature ``count`` times in all around ``center`` (u, v) of its face,
    over ``angle`` degrees (360: evenly all round)."""
    kind: Literal["polar_pattern"]
    feature: Id
    count: Annotated[int, Field(ge=2, le=200)]
    angle: Annotated[float, Field(gt=0, le=360)] = 360.0
    center: Point = (0.0, 0.0)


class Keyway(FeatureBase):
    """a keyway (``width`` x ``depth``, ``length`` long from ``z``) cut into the outside of a shaft
    or cylinder along +X; ``flat`` instead cuts a D-flat ``depth`` deep over the same length (a flat as deep
    as the radius, ``length`` short, is a saw cut across to the centre line); ``groove`` turns a ring ``depth``
    deep all round, ``length`` wide along the axis from ``z`` (an O-ring or circlip groove); ``wall_slot`` cuts
    through one wall of a tube on the +X side, ``width`` wide (square ends), its floor ``depth`` in from the
    outside, inside the bore (the far wall untouched); ``v_groove`` turns a V ring all round (a pulley's belt groove),
    ``length`` wide at the surface from ``z``, its bottom ``depth`` in, midway (its angle 2·atan(length / 2 / depth))."""
    kind: Literal["keyway", "flat", "groove", "wall_slot", "v_groove"]
    z: Coord = 0.0
    length: Length
    depth: Length
    width: Optional[Length] = None


class Gusset(FeatureBase):
    """triangular gussets in the inside corner of an L section: ``length`` along the base leg and ``height`` up the
    upright, both from the inside faces, ``thickness`` thick, centred at ``z`` (each) along the section's run,
    measured from its middle."""
    kind: Literal["gusset"]
    length: Length
    height: Length
    thickness: Length
    z: list[Coord] = Field(default_factory=lambda: [0.0], min_length=1, max_length=50)


class Text(FeatureBase):
    """text ``size`` mm tall, engraved (cut ``depth`` deep) or embossed (raised ``depth``)."""
    kind: Literal["text"]
    on: On = "top"
    at: Placement = Field(default_factory=lambda: Center(kind="center"))
    text: str = Field(min_length=1, max_length=60)
    size: Length
    depth: Length
    mode: Literal["engrave", "emboss"] = "engrave"


Feature = Annotated[Union[Hole, Pocket, Slot, Boss, Rib, Fillet, Chamfer, Shell, Mirror, LinearPattern,
                          PolarPattern, Keyway, Gusset, Text], Field(discriminator="kind")]
PLACED = (Hole, Pocket, Slot, Boss, Text)
