"""
id: plate-chamfered-hole-grid
title: Chamfered plate with a grid of holes
description: A thin plate with chamfered top edges and a 3 x 2 grid of through holes.
family: plates
tags: [plate, chamfer, hole grid, holes, rectangular array, panel]
parameters:
  length: {default: 120.0, unit: mm, meaning: size along X}
  width: {default: 80.0, unit: mm, meaning: size along Y}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  chamfer: {default: 1.0, unit: mm, meaning: top edge chamfer}
  hole_d: {default: 6.0, unit: mm, meaning: hole diameter}
  pitch_x: {default: 40.0, unit: mm, meaning: hole pitch along X}
  pitch_y: {default: 40.0, unit: mm, meaning: hole pitch along Y}
bbox: [120, 80, 3]
"""
import cadquery as cq

length = 120.0  # mm: size along X
width = 80.0  # mm: size along Y
thickness = 3.0  # mm: plate thickness
chamfer = 1.0  # mm: top edge chamfer
hole_d = 6.0  # mm: hole diameter
pitch_x = 40.0  # mm: hole pitch along X
pitch_y = 40.0  # mm: hole pitch along Y

result = (
    cq.Workplane("XY")
    .box(length, width, thickness)
    .faces(">Z")
    .edges()
    .chamfer(chamfer)
    .faces(">Z")
    .workplane()
    .rarray(pitch_x, pitch_y, 3, 2)
    .hole(hole_d)
)
