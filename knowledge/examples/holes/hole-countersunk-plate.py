"""
id: hole-countersunk-plate
title: Plate with countersunk holes
description: A plate with two countersunk holes so flat-head screws sit flush with the surface.
family: holes
tags: [countersunk, countersink, csk, flat head screw, flush, holes, plate]
parameters:
  length: {default: 60.0, unit: mm, meaning: plate length}
  width: {default: 30.0, unit: mm, meaning: plate width}
  thickness: {default: 6.0, unit: mm, meaning: plate thickness}
  hole_d: {default: 4.5, unit: mm, meaning: hole diameter}
  csk_d: {default: 9.0, unit: mm, meaning: countersink diameter}
  spacing: {default: 40.0, unit: mm, meaning: hole spacing}
bbox: [60, 30, 6]
"""
import cadquery as cq

length = 60.0  # mm: plate length
width = 30.0  # mm: plate width
thickness = 6.0  # mm: plate thickness
hole_d = 4.5  # mm: hole diameter
csk_d = 9.0  # mm: countersink diameter
spacing = 40.0  # mm: hole spacing

result = (
    cq.Workplane("XY").box(length, width, thickness)
    .faces(">Z").workplane()
    .pushPoints([(-spacing / 2, 0), (spacing / 2, 0)])
    .cskHole(hole_d, csk_d, 90)
)
