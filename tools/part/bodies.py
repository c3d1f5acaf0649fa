"""Part spec bodies (pydantic v2). Every body sits in its own frame: centred on the Z axis, from
z = 0 upwards (profiles and prisms are extruded along +Z; revolves and shafts run along +Z)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Length = Annotated[float, Field(gt=0, le=100_000, description="mm")]
Coord = Annotated[float, Field(ge=-100_000, le=100_000, description="mm")]
Point = tuple[Coord, Coord]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$",
                          description="stable id: lower case, digits, underscores (e.g. mount_holes)")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BodyBase(Strict):
    id: Id = "body"
    name: Optional[str] = Field(None, max_length=60, description="what the user called it: plate, bar, washer...")


class Box(BodyBase):
    """box / block / cube / plate / bar: length along X, width along Y, height along Z."""
    kind: Literal["box"]
    length: Length
    width: Length
    height: Length


class Cylinder(BodyBase):
    """cylinder / rod / disc."""
    kind: Literal["cylinder"]
    diameter: Length
    height: Length


class Tube(BodyBase):
    """tube / pipe / ring / spacer, or a standard washer (``standard`` + ``size`` fill the sizes)."""
    kind: Literal["tube"]
    outer_diameter: Optional[Length] = None
    inner_diameter: Optional[Length] = None
    height: Optional[Length] = None
    standard: Optional[Literal["ISO 7089", "ISO 7090"]] = None
    size: Optional[str] = Field(None, description="thread size of a standard washer, e.g. M8")


class Cone(BodyBase):
    """cone (top_diameter 0) or frustum."""
    kind: Literal["cone"]
    bottom_diameter: Length
    top_diameter: Annotated[float, Field(ge=0, le=100_000)] = 0.0
    height: Length


class Sphere(BodyBase):
    """sphere, centred on the Z axis, resting on z = 0."""
    kind: Literal["sphere"]
    diameter: Length


class PolygonPrism(BodyBase):
    """regular polygon prism (hex bar, hex nut blank). Give across_flats or across_corners, or a
    standard nut (``standard`` "ISO 4032" + ``size``: sizes and the tap-drill bore from the table)."""
    kind: Literal["polygon_prism"]
    sides: Annotated[int, Field(ge=3, le=64)] = 6
    across_flats: Optional[Length] = None
    across_corners: Optional[Length] = None
    height: Optional[Length] = None
    bore: Optional[Length] = None
    standard: Optional[Literal["ISO 4032"]] = None
    size: Optional[str] = None


class RoundedRect(BodyBase):
    """a rectangle with rounded vertical corners, extruded."""
    kind: Literal["rounded_rect"]
    length: Length
    width: Length
    height: Length
    corner_radius: Length


class Segment(Strict):
    """A straight line to ``to``, or an arc to ``to`` passing ``through``."""
    to: Point
    through: Optional[Point] = None


class Profile(BodyBase):
    """an extruded section. shape: L (angle), T, U (channel), C (lipped channel), I, Z (two flanges pointing opposite
    ways off a web: ``lip`` is the top flange, from its free end to the web's outside face; the bottom flange is the
    rest of the width; both (width + thickness) / 2 when lip is not given), obround (slot shape), or polyline
    (``start`` + ``segments``: lines and arcs by coordinates). width is along X, height along Y, thickness is the
    wall; the section is extruded along +Z by ``length``."""
    kind: Literal["profile"]
    shape: Literal["L", "T", "U", "C", "I", "Z", "obround", "polyline"]
    length: Length
    width: Optional[Length] = None
    height: Optional[Length] = None
    thickness: Optional[Length] = None
    lip: Optional[Length] = Field(None, description="C channel: length of the inward lips; Z: the top flange, to the "
                                                    "web's outside face; T and I: the flange's thickness when it differs "
                                                    "from the web's (thickness is then the web's); U: the base's "
                                                    "thickness when it differs from the side walls'")
    inner_radius: Optional[Length] = Field(None, description="L, T, U: the radius inside the bend(s), where the walls "
                                                             "meet (a concave fillet along the length)")
    start: Optional[Point] = None
    segments: Optional[list[Segment]] = Field(None, min_length=2, max_length=200)


class Revolve(BodyBase):
    """a closed polyline in the (r, z) half-plane (r >= 0), revolved around the Z axis."""
    kind: Literal["revolve"]
    points: list[Point] = Field(min_length=3, max_length=200)
    angle: Annotated[float, Field(gt=0, le=360)] = 360.0


class Section(Strict):
    diameter: Length
    length: Length


class Shaft(BodyBase):
    """stepped shaft: sections of (diameter, length) from z = 0 upwards."""
    kind: Literal["shaft"]
    sections: list[Section] = Field(min_length=1, max_length=30)


class Hub(Strict):
    diameter: Length
    length: Length


class SpurGear(BodyBase):
    """involute spur gear: pitch diameter = module x teeth; addendum = module, dedendum = 1.25 x module."""
    kind: Literal["spur_gear"]
    module: Annotated[float, Field(gt=0, le=100)]
    teeth: Annotated[int, Field(ge=6, le=300)]
    thickness: Length
    pressure_angle: Annotated[float, Field(ge=10, le=35)] = 20.0
    bore: Optional[Length] = None
    hub: Optional[Hub] = None


class CadJsonBody(BodyBase):
    """a sketch-and-extrude body written in the project's minimal CAD JSON (``document``)."""
    kind: Literal["cadjson"]
    document: dict


Axis = Literal["x", "y", "z", "-x", "-y", "-z"]

SimpleBody = Annotated[Union[Box, Cylinder, Tube, Cone, Sphere, PolygonPrism, RoundedRect, Profile,
                             Revolve, Shaft, SpurGear, CadJsonBody], Field(discriminator="kind")]


class Placed(Strict):
    """one body of a compound: its own frame's +Z turned to ``axis``, its base centre (or its middle,
    ``centered``) moved to ``at``."""
    body: SimpleBody
    at: tuple[Coord, Coord, Coord] = (0.0, 0.0, 0.0)
    axis: Axis = "z"
    centered: bool = False


class Compound(BodyBase):
    """several bodies joined (union) at their placements, e.g. a T-handle: a cylinder through another."""
    kind: Literal["compound"]
    bodies: list[Placed] = Field(min_length=1, max_length=20)


Body = Annotated[Union[Box, Cylinder, Tube, Cone, Sphere, PolygonPrism, RoundedRect, Profile, Revolve,
                       Shaft, SpurGear, CadJsonBody, Compound], Field(discriminator="kind")]
