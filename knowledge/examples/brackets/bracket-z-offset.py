"""
id: bracket-z-offset
title: Z bracket (offset bracket)
description: 'A Z-shaped offset bracket: two flanges joined by a vertical web, for mounting at a different
  level.'
family: brackets
tags: [bracket, Z bracket, offset bracket, step, joggle]
parameters:
  flange: {default: 20.0, unit: mm, meaning: length of each flange}
  rise: {default: 30.0, unit: mm, meaning: total height}
  thickness: {default: 3.0, unit: mm, meaning: material thickness}
  depth: {default: 25.0, unit: mm, meaning: extrusion along Y}
bbox: [43, 25, 30]
"""
import cadquery as cq

flange = 20.0  # mm: length of each flange
rise = 30.0  # mm: total height
thickness = 3.0  # mm: material thickness
depth = 25.0  # mm: extrusion along Y

t = thickness
profile = [(0, 0), (flange + t, 0), (flange + t, rise - t), (2 * flange + t, rise - t), (2 * flange + t, rise),
           (flange, rise), (flange, t), (0, t)]
result = cq.Workplane("XZ").polyline(profile).close().extrude(-depth)
