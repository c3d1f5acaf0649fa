"""
id: hole-angled
title: Block with an angled hole
description: A block with a hole drilled at 45 degrees through a rotated workplane.
family: holes
tags: [angled hole, inclined hole, 45 degree, drill, block, workplane rotation]
parameters:
  size: {default: 30.0, unit: mm, meaning: block size}
  height: {default: 20.0, unit: mm, meaning: block height}
  hole_d: {default: 5.0, unit: mm, meaning: hole diameter}
  angle: {default: 45.0, unit: deg, meaning: hole angle from vertical}
bbox: [30, 30, 20]
"""
import cadquery as cq

size = 30.0  # mm: block size
height = 20.0  # mm: block height
hole_d = 5.0  # mm: hole diameter
angle = 45.0  # deg: hole angle from vertical

block = cq.Workplane("XY").box(size, size, height)
drill = cq.Workplane("XY").transformed(rotate=(0, angle, 0)).circle(hole_d / 2).extrude(size * 2, both=True)
result = block.cut(drill)
