"""
id: washer-split-lock
title: Split lock washer
description: 'A spring lock washer: a ring with a radial split (flat approximation).'
family: washers
tags: [washer, lock washer, split washer, spring washer, helical]
parameters:
  outer_d: {default: 9.2, unit: mm, meaning: outside diameter}
  inner_d: {default: 5.1, unit: mm, meaning: inside diameter}
  thickness: {default: 1.6, unit: mm, meaning: thickness}
  split: {default: 1.0, unit: mm, meaning: width of the split}
bbox: [9.2, 9.2, 1.6]
"""
import cadquery as cq

outer_d = 9.2  # mm: outside diameter
inner_d = 5.1  # mm: inside diameter
thickness = 1.6  # mm: thickness
split = 1.0  # mm: width of the split

ring = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(thickness)
cut = cq.Workplane("XY").center(outer_d / 4 + inner_d / 4, 0).rect(outer_d / 2, split).extrude(thickness)
result = ring.cut(cut)
