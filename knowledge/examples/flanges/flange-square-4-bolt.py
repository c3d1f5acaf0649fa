"""
id: flange-square-4-bolt
title: Square flange with 4 bolt holes
description: A square mounting flange with a center bore and four holes on a square pattern.
family: flanges
tags: [flange, square flange, mounting flange, 4 holes, bore]
parameters:
  size: {default: 80.0, unit: mm, meaning: side length}
  thickness: {default: 10.0, unit: mm, meaning: thickness}
  bore_d: {default: 30.0, unit: mm, meaning: center bore}
  hole_spacing: {default: 60.0, unit: mm, meaning: hole square}
  hole_d: {default: 9.0, unit: mm, meaning: hole diameter}
bbox: [80, 80, 10]
"""
import cadquery as cq

size = 80.0  # mm: side length
thickness = 10.0  # mm: thickness
bore_d = 30.0  # mm: center bore
hole_spacing = 60.0  # mm: hole square
hole_d = 9.0  # mm: hole diameter

result = (
    cq.Workplane("XY")
    .box(size, size, thickness)
    .faces(">Z").workplane().hole(bore_d)
    .faces(">Z").workplane().rect(hole_spacing, hole_spacing, forConstruction=True).vertices().hole(hole_d)
)
