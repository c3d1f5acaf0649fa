"""
id: enclosure-box-screw-bosses
title: Enclosure with rounded corners and screw bosses
description: 'An electronics enclosure: rounded box shelled open at the top with four screw bosses inside
  the corners for a lid.'
family: enclosures
tags: [enclosure, box, case, housing, screw bosses, bosses, electronics, rounded corners]
parameters:
  length: {default: 80.0, unit: mm, meaning: outside length}
  width: {default: 50.0, unit: mm, meaning: outside width}
  height: {default: 30.0, unit: mm, meaning: outside height}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
  corner_r: {default: 4.0, unit: mm, meaning: vertical corner radius}
  boss_d: {default: 6.0, unit: mm, meaning: boss diameter}
  boss_hole_d: {default: 2.5, unit: mm, meaning: screw pilot hole}
  inset: {default: 6.0, unit: mm, meaning: boss centers from the outside}
bbox: [80, 50, 30]
"""
import cadquery as cq

length = 80.0  # mm: outside length
width = 50.0  # mm: outside width
height = 30.0  # mm: outside height
wall = 2.0  # mm: wall thickness
corner_r = 4.0  # mm: vertical corner radius
boss_d = 6.0  # mm: boss diameter
boss_hole_d = 2.5  # mm: screw pilot hole
inset = 6.0  # mm: boss centers from the outside

shell = cq.Workplane("XY").box(length, width, height).edges("|Z").fillet(corner_r).faces(">Z").shell(-wall)
bosses = (
    cq.Workplane("XY")
    .workplane(offset=-height / 2 + wall)
    .rect(length - 2 * inset, width - 2 * inset, forConstruction=True)
    .vertices()
    .circle(boss_d / 2)
    .circle(boss_hole_d / 2)
    .extrude(height - 2 * wall)
)
result = shell.union(bosses)
