"""
id: knob-d-shaft-cap
title: Knob for a D shaft with chamfered cap
description: A simple cylindrical knob with a chamfered top and a blind D-shaped hole for a D shaft.
family: knobs
tags: [knob, D shaft, cap, chamfer, dial]
parameters:
  diameter: {default: 20.0, unit: mm, meaning: knob diameter}
  height: {default: 12.0, unit: mm, meaning: knob height}
  chamfer: {default: 1.5, unit: mm, meaning: top chamfer}
  shaft_d: {default: 6.0, unit: mm, meaning: shaft diameter}
  depth: {default: 9.0, unit: mm, meaning: hole depth}
bbox: [20, 20, 12]
"""
import cadquery as cq

diameter = 20.0  # mm: knob diameter
height = 12.0  # mm: knob height
chamfer = 1.5  # mm: top chamfer
shaft_d = 6.0  # mm: shaft diameter
depth = 9.0  # mm: hole depth

body = cq.Workplane("XY").circle(diameter / 2).extrude(height).faces(">Z").edges().chamfer(chamfer)
hole = cq.Workplane("XY").circle(shaft_d / 2).extrude(depth).cut(
    cq.Workplane("XY").center(shaft_d / 2, 0).rect(2, shaft_d).extrude(depth))
result = body.cut(hole)
