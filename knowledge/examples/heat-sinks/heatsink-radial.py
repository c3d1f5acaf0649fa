"""
id: heatsink-radial
title: Radial-fin heat sink
description: A round heat sink with fins radiating from a center boss, e.g. for LEDs.
family: heat-sinks
tags: [heat sink, radial, round, LED, fins, cooling]
parameters:
  diameter: {default: 50.0, unit: mm, meaning: outside diameter}
  base_t: {default: 4.0, unit: mm, meaning: base thickness}
  fin_h: {default: 20.0, unit: mm, meaning: fin height}
  fins: {default: 16, unit: count, meaning: fins}
  fin_t: {default: 1.5, unit: mm, meaning: fin thickness}
  boss_d: {default: 14.0, unit: mm, meaning: center boss}
bbox: [50.02, 50.02, 24]
"""
import cadquery as cq

diameter = 50.0  # mm: outside diameter
base_t = 4.0  # mm: base thickness
fin_h = 20.0  # mm: fin height
fins = 16  # count: fins
fin_t = 1.5  # mm: fin thickness
boss_d = 14.0  # mm: center boss

base = cq.Workplane("XY").circle(diameter / 2).extrude(base_t)
boss = cq.Workplane("XY").circle(boss_d / 2).extrude(base_t + fin_h)
body = base.union(boss)
fin_len = diameter / 2 - boss_d / 2 + 1
for i in range(int(fins)):
    fin = cq.Workplane("XY").box(fin_len, fin_t, fin_h, centered=(False, True, False)).translate((boss_d / 2 - 1, 0, base_t))
    body = body.union(fin.rotate((0, 0, 0), (0, 0, 1), 360 * i / fins))
result = body
