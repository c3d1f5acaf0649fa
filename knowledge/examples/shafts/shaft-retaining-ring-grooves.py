"""
id: shaft-retaining-ring-grooves
title: Shaft with retaining ring grooves
description: A shaft with two circlip (retaining ring) grooves near its ends.
family: shafts
tags: [shaft, groove, circlip, retaining ring, snap ring, axle]
parameters:
  diameter: {default: 12.0, unit: mm, meaning: shaft diameter}
  length: {default: 60.0, unit: mm, meaning: length}
  groove_d: {default: 11.2, unit: mm, meaning: groove bottom diameter}
  groove_w: {default: 1.1, unit: mm, meaning: groove width}
  groove_pos: {default: 5.0, unit: mm, meaning: groove distance from each end}
bbox: [12, 12, 60]
"""
import cadquery as cq

diameter = 12.0  # mm: shaft diameter
length = 60.0  # mm: length
groove_d = 11.2  # mm: groove bottom diameter
groove_w = 1.1  # mm: groove width
groove_pos = 5.0  # mm: groove distance from each end

shaft = cq.Workplane("XY").circle(diameter / 2).extrude(length)
for z in (groove_pos, length - groove_pos - groove_w):
    ring = cq.Workplane("XY").workplane(offset=z).circle(diameter / 2 + 1).circle(groove_d / 2).extrude(groove_w)
    shaft = shaft.cut(ring)
result = shaft
