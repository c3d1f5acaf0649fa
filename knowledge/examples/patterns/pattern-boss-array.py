"""
id: pattern-boss-array
title: Base with an array of bosses
description: A base plate with a 3 x 2 rectangular array of cylindrical bosses.
family: patterns
tags: [array, bosses, pegs, pins, rectangular pattern, grid]
parameters:
  length: {default: 60.0, unit: mm, meaning: base length}
  width: {default: 40.0, unit: mm, meaning: base width}
  thickness: {default: 3.0, unit: mm, meaning: base thickness}
  boss_d: {default: 8.0, unit: mm, meaning: boss diameter}
  boss_h: {default: 6.0, unit: mm, meaning: boss height}
  pitch: {default: 18.0, unit: mm, meaning: pitch}
bbox: [60, 40, 9]
"""
import cadquery as cq

length = 60.0  # mm: base length
width = 40.0  # mm: base width
thickness = 3.0  # mm: base thickness
boss_d = 8.0  # mm: boss diameter
boss_h = 6.0  # mm: boss height
pitch = 18.0  # mm: pitch

base = cq.Workplane("XY").box(length, width, thickness, centered=(True, True, False))
bosses = cq.Workplane("XY").workplane(offset=thickness).rarray(pitch, pitch, 3, 2).circle(boss_d / 2).extrude(boss_h)
result = base.union(bosses)
