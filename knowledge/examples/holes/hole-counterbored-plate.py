"""
id: hole-counterbored-plate
title: Plate with counterbored holes
description: A plate with counterbored holes so socket-head cap screws sit below the surface.
family: holes
tags: [counterbore, counterbored, cbore, socket head, cap screw, holes, plate]
parameters:
  length: {default: 60.0, unit: mm, meaning: plate length}
  width: {default: 30.0, unit: mm, meaning: plate width}
  thickness: {default: 10.0, unit: mm, meaning: plate thickness}
  hole_d: {default: 5.5, unit: mm, meaning: through hole}
  cbore_d: {default: 10.0, unit: mm, meaning: counterbore diameter}
  cbore_depth: {default: 5.5, unit: mm, meaning: counterbore depth}
  spacing: {default: 40.0, unit: mm, meaning: hole spacing}
bbox: [60, 30, 10]
"""
import cadquery as cq

length = 60.0  # mm: plate length
width = 30.0  # mm: plate width
thickness = 10.0  # mm: plate thickness
hole_d = 5.5  # mm: through hole
cbore_d = 10.0  # mm: counterbore diameter
cbore_depth = 5.5  # mm: counterbore depth
spacing = 40.0  # mm: hole spacing

result = (
    cq.Workplane("XY").box(length, width, thickness)
    .faces(">Z").workplane()
    .pushPoints([(-spacing / 2, 0), (spacing / 2, 0)])
    .cboreHole(hole_d, cbore_d, cbore_depth)
)
