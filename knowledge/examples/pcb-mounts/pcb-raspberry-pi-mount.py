"""
id: pcb-raspberry-pi-mount
title: Raspberry Pi mounting plate
description: A plate with standoffs on the Raspberry Pi 58 x 49 mm hole pattern and four corner screw
  holes.
family: pcb-mounts
tags: [Raspberry Pi, PCB, mount, standoffs, single board computer, SBC, plate]
parameters:
  length: {default: 95.0, unit: mm, meaning: plate length}
  width: {default: 66.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  standoff_h: {default: 5.0, unit: mm, meaning: standoff height}
  corner_hole_d: {default: 4.0, unit: mm, meaning: corner screw holes}
bbox: [95, 66, 8]
"""
import cadquery as cq

length = 95.0  # mm: plate length
width = 66.0  # mm: plate width
thickness = 3.0  # mm: plate thickness
standoff_h = 5.0  # mm: standoff height
corner_hole_d = 4.0  # mm: corner screw holes

plate = cq.Workplane("XY").box(length, width, thickness, centered=(True, True, False)).edges("|Z").fillet(4)
posts = (
    cq.Workplane("XY").workplane(offset=thickness)
    .rect(58, 49, forConstruction=True).vertices()
    .circle(3.0).circle(1.25).extrude(standoff_h)
)
result = plate.union(posts).faces("<Z").workplane().rect(length - 10, width - 10, forConstruction=True).vertices().hole(corner_hole_d)
