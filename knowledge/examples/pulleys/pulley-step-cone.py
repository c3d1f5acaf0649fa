"""
id: pulley-step-cone
title: Step (cone) pulley
description: A three-step cone pulley for changing speed ratios, with a bore.
family: pulleys
tags: [pulley, step pulley, cone pulley, speed, three step]
parameters:
  d1: {default: 50.0, unit: mm, meaning: largest step}
  d2: {default: 40.0, unit: mm, meaning: middle step}
  d3: {default: 30.0, unit: mm, meaning: smallest step}
  step_h: {default: 10.0, unit: mm, meaning: height of each step}
  bore_d: {default: 10.0, unit: mm, meaning: bore}
bbox: [50, 50, 30]
"""
import cadquery as cq

d1 = 50.0  # mm: largest step
d2 = 40.0  # mm: middle step
d3 = 30.0  # mm: smallest step
step_h = 10.0  # mm: height of each step
bore_d = 10.0  # mm: bore

result = cq.Workplane("XY")
for i, d in enumerate((d1, d2, d3)):
    result = result.union(cq.Workplane("XY").workplane(offset=i * step_h).circle(d / 2).extrude(step_h))
result = result.faces(">Z").workplane().hole(bore_d)
