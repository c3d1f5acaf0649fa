"""
id: cable-p-clip
title: P-clip (loop clamp)
description: 'A P-shaped clamp: a loop around a cable or hose with a flat tab for a screw.'
family: cable-clips
tags: [P clip, loop clamp, cable clamp, hose clamp, cable, clip]
parameters:
  bore_d: {default: 10.0, unit: mm, meaning: cable or hose diameter}
  wall: {default: 1.5, unit: mm, meaning: strap thickness}
  width: {default: 12.0, unit: mm, meaning: strap width}
  tab_l: {default: 12.0, unit: mm, meaning: tab length}
  hole_d: {default: 4.5, unit: mm, meaning: screw hole}
bbox: [18.5, 12, 13]
"""
import cadquery as cq

bore_d = 10.0  # mm: cable or hose diameter
wall = 1.5  # mm: strap thickness
width = 12.0  # mm: strap width
tab_l = 12.0  # mm: tab length
hole_d = 4.5  # mm: screw hole

r_out = bore_d / 2 + wall
loop = cq.Workplane("XZ").center(0, r_out).circle(r_out).circle(bore_d / 2).extrude(-width)
tab = cq.Workplane("XY").box(tab_l, width, wall, centered=(False, False, False)).translate((0, 0, 0))
hole = cq.Workplane("XY").center(tab_l - hole_d, width / 2).circle(hole_d / 2).extrude(wall)
result = loop.union(tab).cut(hole)
