"""
id: shaft-stepped
title: Stepped shaft with shoulders
description: A turned shaft with three diameters; the shoulders locate bearings and pulleys.
family: shafts
tags: [shaft, stepped shaft, shoulder, axle, turned part, spindle]
parameters:
  end_d: {default: 20.0, unit: mm, meaning: journal diameter}
  end_l: {default: 40.0, unit: mm, meaning: journal length}
  mid_d: {default: 25.0, unit: mm, meaning: middle diameter}
  mid_l: {default: 30.0, unit: mm, meaning: middle length}
bbox: [25, 25, 110]
"""
import cadquery as cq

end_d = 20.0  # mm: journal diameter
end_l = 40.0  # mm: journal length
mid_d = 25.0  # mm: middle diameter
mid_l = 30.0  # mm: middle length

s1 = cq.Workplane("XY").circle(end_d / 2).extrude(end_l)
s2 = cq.Workplane("XY").workplane(offset=end_l).circle(mid_d / 2).extrude(mid_l)
s3 = cq.Workplane("XY").workplane(offset=end_l + mid_l).circle(end_d / 2).extrude(end_l)
result = s1.union(s2).union(s3)
