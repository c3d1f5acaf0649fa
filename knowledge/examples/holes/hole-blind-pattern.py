"""
id: hole-blind-pattern
title: Block with blind holes and a through bore
description: A block with four blind (not through) holes on a square and a center through bore.
family: holes
tags: [blind hole, depth, tapped hole, pattern, block, through bore]
parameters:
  size: {default: 40.0, unit: mm, meaning: block size}
  height: {default: 20.0, unit: mm, meaning: block height}
  hole_d: {default: 4.2, unit: mm, meaning: blind hole diameter}
  hole_depth: {default: 12.0, unit: mm, meaning: blind hole depth}
  spacing: {default: 30.0, unit: mm, meaning: hole square}
  bore_d: {default: 10.0, unit: mm, meaning: center bore}
bbox: [40, 40, 20]
"""
import cadquery as cq

size = 40.0  # mm: block size
height = 20.0  # mm: block height
hole_d = 4.2  # mm: blind hole diameter
hole_depth = 12.0  # mm: blind hole depth
spacing = 30.0  # mm: hole square
bore_d = 10.0  # mm: center bore

result = (
    cq.Workplane("XY").box(size, size, height)
    .faces(">Z").workplane().rect(spacing, spacing, forConstruction=True).vertices().hole(hole_d, hole_depth)
    .faces(">Z").workplane().hole(bore_d)
)
