"""
id: pulley-flanged-idler
title: Flanged idler pulley
description: A flat-belt idler pulley with a flange on each side and a bore for a bearing or shaft.
family: pulleys
tags: [pulley, idler, flat belt, flanged pulley, roller, bearing]
parameters:
  body_d: {default: 40.0, unit: mm, meaning: belt surface diameter}
  width: {default: 20.0, unit: mm, meaning: belt surface width}
  flange_d: {default: 46.0, unit: mm, meaning: flange diameter}
  flange_t: {default: 2.0, unit: mm, meaning: flange thickness}
  bore_d: {default: 8.0, unit: mm, meaning: bore}
bbox: [46, 46, 24]
"""
import cadquery as cq

body_d = 40.0  # mm: belt surface diameter
width = 20.0  # mm: belt surface width
flange_d = 46.0  # mm: flange diameter
flange_t = 2.0  # mm: flange thickness
bore_d = 8.0  # mm: bore

f1 = cq.Workplane("XY").circle(flange_d / 2).extrude(flange_t)
body = cq.Workplane("XY").workplane(offset=flange_t).circle(body_d / 2).extrude(width)
f2 = cq.Workplane("XY").workplane(offset=flange_t + width).circle(flange_d / 2).extrude(flange_t)
result = f1.union(body).union(f2).faces(">Z").workplane().hole(bore_d)
