"""
id: washer-flat-m5
title: Flat washer M5
description: A plain flat washer for M5 screws (DIN 125 style).
family: washers
tags: [washer, flat washer, M5, ring, disc]
parameters:
  outer_d: {default: 10.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 5.3, unit: mm, meaning: hole diameter}
  thickness: {default: 1.0, unit: mm, meaning: thickness}
bbox: [10, 10, 1]
"""
import cadquery as cq

outer_d = 10.0  # mm: outside diameter
inner_d = 5.3  # mm: hole diameter
thickness = 1.0  # mm: thickness

result = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(thickness)
