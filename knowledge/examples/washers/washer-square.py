"""
id: washer-square
title: Square washer
description: A square plate washer with a center hole, for timber and slotted profiles.
family: washers
tags: [washer, square washer, plate washer, square]
parameters:
  size: {default: 20.0, unit: mm, meaning: side length}
  thickness: {default: 2.0, unit: mm, meaning: thickness}
  hole_d: {default: 8.5, unit: mm, meaning: hole diameter}
bbox: [20, 20, 2]
"""
import cadquery as cq

size = 20.0  # mm: side length
thickness = 2.0  # mm: thickness
hole_d = 8.5  # mm: hole diameter

result = cq.Workplane("XY").rect(size, size).circle(hole_d / 2).extrude(thickness)
