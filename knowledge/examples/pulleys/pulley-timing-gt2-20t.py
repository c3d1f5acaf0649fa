"""
id: pulley-timing-gt2-20t
title: GT2 timing pulley, 20 teeth (simplified)
description: 'A 20-tooth GT2 timing belt pulley: toothed body between two flanges, a hub and a 5 mm bore.'
family: pulleys
tags: [pulley, timing pulley, GT2, 20 teeth, belt, 3D printer, toothed]
parameters:
  teeth: {default: 20, unit: count, meaning: number of teeth}
  tooth_w: {default: 7.0, unit: mm, meaning: toothed width}
  flange_d: {default: 16.0, unit: mm, meaning: flange diameter}
  hub_d: {default: 12.0, unit: mm, meaning: hub diameter}
  hub_h: {default: 6.0, unit: mm, meaning: hub height}
  bore_d: {default: 5.0, unit: mm, meaning: bore}
bbox: [16, 16, 15]
"""
import math

import cadquery as cq

teeth = 20  # count: number of teeth
tooth_w = 7.0  # mm: toothed width
flange_d = 16.0  # mm: flange diameter
hub_d = 12.0  # mm: hub diameter
hub_h = 6.0  # mm: hub height
bore_d = 5.0  # mm: bore

pitch_d = teeth * 2.0 / math.pi
od = pitch_d - 0.508
f1 = cq.Workplane("XY").circle(flange_d / 2).extrude(1)
toothed = cq.Workplane("XY").workplane(offset=1).circle(od / 2).extrude(tooth_w)
grooves = (
    cq.Workplane("XY").workplane(offset=1)
    .polarArray(od / 2, 0, 360, int(teeth))
    .circle(0.55)
    .extrude(tooth_w)
)
f2 = cq.Workplane("XY").workplane(offset=1 + tooth_w).circle(flange_d / 2).extrude(1)
hub = cq.Workplane("XY").workplane(offset=2 + tooth_w).circle(hub_d / 2).extrude(hub_h)
result = f1.union(toothed.cut(grooves)).union(f2).union(hub).faces(">Z").workplane().hole(bore_d)
