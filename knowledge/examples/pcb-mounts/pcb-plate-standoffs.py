"""
id: pcb-plate-standoffs
title: PCB mounting plate with standoffs
description: A base plate with four standoffs on a rectangular hole pattern to mount a circuit board.
family: pcb-mounts
tags: [PCB, circuit board, mounting plate, standoffs, electronics, board mount]
parameters:
  length: {default: 100.0, unit: mm, meaning: plate length}
  width: {default: 70.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  pattern_x: {default: 90.0, unit: mm, meaning: hole pattern along X}
  pattern_y: {default: 60.0, unit: mm, meaning: hole pattern along Y}
  standoff_d: {default: 6.0, unit: mm, meaning: standoff diameter}
  standoff_h: {default: 6.0, unit: mm, meaning: standoff height}
  hole_d: {default: 2.7, unit: mm, meaning: screw pilot hole}
bbox: [100, 70, 9]
"""
import cadquery as cq

length = 100.0  # mm: plate length
width = 70.0  # mm: plate width
thickness = 3.0  # mm: plate thickness
pattern_x = 90.0  # mm: hole pattern along X
pattern_y = 60.0  # mm: hole pattern along Y
standoff_d = 6.0  # mm: standoff diameter
standoff_h = 6.0  # mm: standoff height
hole_d = 2.7  # mm: screw pilot hole

plate = cq.Workplane("XY").box(length, width, thickness, centered=(True, True, False))
posts = (
    cq.Workplane("XY").workplane(offset=thickness)
    .rect(pattern_x, pattern_y, forConstruction=True).vertices()
    .circle(standoff_d / 2).extrude(standoff_h)
)
result = plate.union(posts).faces(">Z").workplane().rect(pattern_x, pattern_y, forConstruction=True).vertices().hole(hole_d)
