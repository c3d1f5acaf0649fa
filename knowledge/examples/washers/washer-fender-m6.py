"""
id: washer-fender-m6
title: Fender washer M6
description: A large-diameter fender (penny) washer that spreads the load on soft material.
family: washers
tags: [washer, fender washer, penny washer, large washer, M6]
parameters:
  outer_d: {default: 24.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 6.4, unit: mm, meaning: hole diameter}
  thickness: {default: 1.5, unit: mm, meaning: thickness}
bbox: [24, 24, 1.5]
"""
import cadquery as cq

outer_d = 24.0  # mm: outside diameter
inner_d = 6.4  # mm: hole diameter
thickness = 1.5  # mm: thickness

result = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(thickness)
