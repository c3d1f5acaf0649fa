"""
id: shaft-d-profile
title: D-shaft (shaft with a flat)
description: A round shaft with one flat along its length, like a motor shaft or a knob shaft.
family: shafts
tags: [shaft, D shaft, flat, D profile, motor shaft, double D]
parameters:
  diameter: {default: 8.0, unit: mm, meaning: shaft diameter}
  length: {default: 50.0, unit: mm, meaning: length}
  flat_depth: {default: 0.5, unit: mm, meaning: depth of the flat}
bbox: [7.5, 8, 50]
"""
import cadquery as cq

diameter = 8.0  # mm: shaft diameter
length = 50.0  # mm: length
flat_depth = 0.5  # mm: depth of the flat

shaft = cq.Workplane("XY").circle(diameter / 2).extrude(length)
flat = cq.Workplane("XY").box(diameter, diameter, length, centered=(False, True, False)).translate((diameter / 2 - flat_depth, 0, 0))
result = shaft.cut(flat)
