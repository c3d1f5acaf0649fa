"""
id: extrude-twisted
title: Twisted extrusion
description: A square section extruded while twisting, as for a decorative column or a twisted grip.
family: revolve-loft-sweep
tags: [twist, twisted extrude, helical, decorative, column]
parameters:
  size: {default: 20.0, unit: mm, meaning: square side}
  height: {default: 30.0, unit: mm, meaning: height}
  twist: {default: 90.0, unit: deg, meaning: total twist}
bbox: [28.284, 28.284, 30]
"""
import cadquery as cq

size = 20.0  # mm: square side
height = 30.0  # mm: height
twist = 90.0  # deg: total twist

result = cq.Workplane("XY").rect(size, size).twistExtrude(height, twist)
