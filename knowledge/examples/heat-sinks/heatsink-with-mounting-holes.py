"""
id: heatsink-with-mounting-holes
title: Heat sink with mounting ears
description: A finned heat sink whose base extends at both ends with mounting holes.
family: heat-sinks
tags: [heat sink, mounting holes, fins, ears, cooling]
parameters:
  base_l: {default: 80.0, unit: mm, meaning: base length}
  width: {default: 40.0, unit: mm, meaning: width}
  base_t: {default: 4.0, unit: mm, meaning: base thickness}
  fin_zone: {default: 50.0, unit: mm, meaning: finned length}
  fin_h: {default: 15.0, unit: mm, meaning: fin height}
  fin_t: {default: 1.5, unit: mm, meaning: fin thickness}
  fins: {default: 8, unit: count, meaning: fins}
  hole_d: {default: 3.5, unit: mm, meaning: mounting holes}
bbox: [80, 40, 19]
"""
import cadquery as cq

base_l = 80.0  # mm: base length
width = 40.0  # mm: width
base_t = 4.0  # mm: base thickness
fin_zone = 50.0  # mm: finned length
fin_h = 15.0  # mm: fin height
fin_t = 1.5  # mm: fin thickness
fins = 8  # count: fins
hole_d = 3.5  # mm: mounting holes

base = cq.Workplane("XY").box(base_l, width, base_t, centered=(True, True, False))
pitch = (fin_zone - fin_t) / (fins - 1)
fin_set = cq.Workplane("XY").workplane(offset=base_t).rarray(pitch, 1, int(fins), 1).rect(fin_t, width).extrude(fin_h)
body = base.union(fin_set)
holes = cq.Workplane("XY").pushPoints([(-(base_l / 2 - 6), 0), (base_l / 2 - 6, 0)]).circle(hole_d / 2).extrude(base_t)
result = body.cut(holes)
