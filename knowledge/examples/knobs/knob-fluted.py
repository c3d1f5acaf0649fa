"""
id: knob-fluted
title: Fluted knob with rounded top
description: A fluted (scalloped) knob with a filleted top edge and a center bore.
family: knobs
tags: [knob, fluted, scalloped, grip, fillet]
parameters:
  diameter: {default: 25.0, unit: mm, meaning: knob diameter}
  height: {default: 18.0, unit: mm, meaning: height}
  flutes: {default: 8, unit: count, meaning: number of flutes}
  flute_d: {default: 8.0, unit: mm, meaning: flute diameter}
  bore_d: {default: 6.0, unit: mm, meaning: bore}
bbox: [24.018, 24.018, 18]
"""
import cadquery as cq

diameter = 25.0  # mm: knob diameter
height = 18.0  # mm: height
flutes = 8  # count: number of flutes
flute_d = 8.0  # mm: flute diameter
bore_d = 6.0  # mm: bore

body = cq.Workplane("XY").circle(diameter / 2).extrude(height).faces(">Z").edges().fillet(2)
flutes = cq.Workplane("XY").polarArray(diameter / 2 + 1.5, 0, 360, int(flutes)).circle(flute_d / 2).extrude(height)
result = body.cut(flutes).faces("<Z").workplane().hole(bore_d)
