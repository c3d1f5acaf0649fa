"""
id: plate-four-corner-holes
title: Mounting plate with four corner holes
description: A rectangular mounting plate with four through holes inset from the corners, for screws or
  bolts.
family: plates
tags: [plate, mounting plate, holes, corner holes, bolt holes, screw holes]
parameters:
  length: {default: 60.0, unit: mm, meaning: size along X}
  width: {default: 40.0, unit: mm, meaning: size along Y}
  thickness: {default: 5.0, unit: mm, meaning: plate thickness}
  hole_d: {default: 5.0, unit: mm, meaning: through-hole diameter}
  inset: {default: 8.0, unit: mm, meaning: hole centers from the edges}
bbox: [60, 40, 5]
"""
import cadquery as cq

length = 60.0  # mm: size along X
width = 40.0  # mm: size along Y
thickness = 5.0  # mm: plate thickness
hole_d = 5.0  # mm: through-hole diameter
inset = 8.0  # mm: hole centers from the edges

result = (
    cq.Workplane("XY")
    .box(length, width, thickness)
    .faces(">Z")
    .workplane()
    .rect(length - 2 * inset, width - 2 * inset, forConstruction=True)
    .vertices()
    .hole(hole_d)
)
