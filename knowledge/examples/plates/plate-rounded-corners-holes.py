"""
id: plate-rounded-corners-holes
title: Plate with rounded corners and holes
description: A mounting plate whose vertical corners are rounded with fillets, with four holes near the
  corners.
family: plates
tags: [plate, rounded corners, fillet, holes, mounting plate, cover plate]
parameters:
  length: {default: 100.0, unit: mm, meaning: size along X}
  width: {default: 60.0, unit: mm, meaning: size along Y}
  thickness: {default: 6.0, unit: mm, meaning: plate thickness}
  corner_r: {default: 8.0, unit: mm, meaning: corner fillet radius}
  hole_d: {default: 6.5, unit: mm, meaning: hole diameter}
  inset: {default: 10.0, unit: mm, meaning: hole centers from the edges}
bbox: [100, 60, 6]
"""
import cadquery as cq

length = 100.0  # mm: size along X
width = 60.0  # mm: size along Y
thickness = 6.0  # mm: plate thickness
corner_r = 8.0  # mm: corner fillet radius
hole_d = 6.5  # mm: hole diameter
inset = 10.0  # mm: hole centers from the edges

result = (
    cq.Workplane("XY")
    .box(length, width, thickness)
    .edges("|Z")
    .fillet(corner_r)
    .faces(">Z")
    .workplane()
    .rect(length - 2 * inset, width - 2 * inset, forConstruction=True)
    .vertices()
    .hole(hole_d)
)
