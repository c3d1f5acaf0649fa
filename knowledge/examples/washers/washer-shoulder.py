"""
id: washer-shoulder
title: Shoulder washer (insulating)
description: 'A shoulder washer: flange plus sleeve, used to insulate or center a screw in a hole.'
family: washers
tags: [washer, shoulder washer, insulating washer, flanged bushing, top hat]
parameters:
  flange_d: {default: 12.0, unit: mm, meaning: flange diameter}
  flange_t: {default: 1.0, unit: mm, meaning: flange thickness}
  sleeve_d: {default: 7.0, unit: mm, meaning: sleeve outside diameter}
  sleeve_h: {default: 3.0, unit: mm, meaning: sleeve length}
  hole_d: {default: 4.2, unit: mm, meaning: bore}
bbox: [12, 12, 4]
"""
import cadquery as cq

flange_d = 12.0  # mm: flange diameter
flange_t = 1.0  # mm: flange thickness
sleeve_d = 7.0  # mm: sleeve outside diameter
sleeve_h = 3.0  # mm: sleeve length
hole_d = 4.2  # mm: bore

flange = cq.Workplane("XY").circle(flange_d / 2).circle(hole_d / 2).extrude(flange_t)
sleeve = cq.Workplane("XY").workplane(offset=flange_t).circle(sleeve_d / 2).circle(hole_d / 2).extrude(sleeve_h)
result = flange.union(sleeve)
