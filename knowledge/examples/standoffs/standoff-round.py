"""
id: standoff-round
title: Round standoff
description: A cylindrical standoff with a through hole for a screw, e.g. to raise a PCB.
family: standoffs
tags: [standoff, spacer, PCB standoff, round, cylinder, through hole]
parameters:
  outer_d: {default: 8.0, unit: mm, meaning: outside diameter}
  height: {default: 12.0, unit: mm, meaning: standoff height}
  hole_d: {default: 3.2, unit: mm, meaning: screw hole diameter}
bbox: [8, 8, 12]
"""
import cadquery as cq

outer_d = 8.0  # mm: outside diameter
height = 12.0  # mm: standoff height
hole_d = 3.2  # mm: screw hole diameter

result = cq.Workplane("XY").circle(outer_d / 2).circle(hole_d / 2).extrude(height)
