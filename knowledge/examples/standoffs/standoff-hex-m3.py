"""
id: standoff-hex-m3
title: Hex standoff M3
description: A hexagonal standoff (5.5 mm across flats) with an M3 through hole.
family: standoffs
tags: [standoff, hex standoff, hexagon, M3, spacer, PCB]
parameters:
  across_flats: {default: 5.5, unit: mm, meaning: hexagon size across flats}
  height: {default: 10.0, unit: mm, meaning: standoff height}
  hole_d: {default: 3.0, unit: mm, meaning: hole diameter}
bbox: [6.351, 5.5, 10]
"""
import math

import cadquery as cq

across_flats = 5.5  # mm: hexagon size across flats
height = 10.0  # mm: standoff height
hole_d = 3.0  # mm: hole diameter

across_corners = across_flats / math.cos(math.radians(30))
result = cq.Workplane("XY").polygon(6, across_corners).extrude(height).faces(">Z").workplane().hole(hole_d)
