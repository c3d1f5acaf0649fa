"""
id: cable-clip-screw
title: Cable clip with screw tab
description: A U-shaped clip that holds a round cable against a wall, with a screw tab.
family: cable-clips
tags: [cable clip, cable, wire clip, cord clip, screw, wall clip]
parameters:
  cable_d: {default: 6.0, unit: mm, meaning: cable diameter}
  wall: {default: 1.5, unit: mm, meaning: clip wall}
  width: {default: 8.0, unit: mm, meaning: clip width}
  tab_l: {default: 10.0, unit: mm, meaning: tab length}
  hole_d: {default: 3.5, unit: mm, meaning: screw hole}
bbox: [17.5, 8, 4.5]
"""
import cadquery as cq

cable_d = 6.0  # mm: cable diameter
wall = 1.5  # mm: clip wall
width = 8.0  # mm: clip width
tab_l = 10.0  # mm: tab length
hole_d = 3.5  # mm: screw hole

r_out = cable_d / 2 + wall
arch = cq.Workplane("XZ").circle(r_out).circle(cable_d / 2).extrude(-width)
half = cq.Workplane("XY").box(2 * r_out, width, r_out, centered=(True, False, False)).translate((0, 0, -r_out))
arch = arch.cut(half)
tab = cq.Workplane("XY").box(tab_l, width, wall, centered=(False, False, False)).translate((cable_d / 2, 0, 0))
hole = cq.Workplane("XY").center(cable_d / 2 + tab_l / 2 + 0.5, width / 2).circle(hole_d / 2).extrude(wall)
result = arch.union(tab).cut(hole)
