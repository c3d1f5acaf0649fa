"""
id: heatsink-straight-fins
title: Straight-fin heat sink
description: 'An extruded heat sink: a base plate with parallel straight fins.'
family: heat-sinks
tags: [heat sink, heatsink, fins, cooling, thermal, extrusion]
parameters:
  size: {default: 40.0, unit: mm, meaning: base size}
  base_t: {default: 3.0, unit: mm, meaning: base thickness}
  fin_h: {default: 20.0, unit: mm, meaning: fin height}
  fin_t: {default: 1.2, unit: mm, meaning: fin thickness}
  fins: {default: 9, unit: count, meaning: number of fins}
bbox: [40, 40, 23]
"""
import cadquery as cq

size = 40.0  # mm: base size
base_t = 3.0  # mm: base thickness
fin_h = 20.0  # mm: fin height
fin_t = 1.2  # mm: fin thickness
fins = 9  # count: number of fins

base = cq.Workplane("XY").box(size, size, base_t, centered=(True, True, False))
pitch = (size - fin_t) / (fins - 1)
fin_set = cq.Workplane("XY").workplane(offset=base_t).rarray(pitch, 1, int(fins), 1).rect(fin_t, size).extrude(fin_h)
result = base.union(fin_set)
