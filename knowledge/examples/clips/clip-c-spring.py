"""
id: clip-c-spring
title: C-shaped spring clip
description: An open C-shaped ring that snaps over a round bar or tube.
family: clips
tags: [clip, C clip, spring clip, snap, tube clip, open ring]
parameters:
  outer_d: {default: 20.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 16.0, unit: mm, meaning: inside diameter (the bar)}
  height: {default: 8.0, unit: mm, meaning: clip height}
  opening_deg: {default: 90.0, unit: deg, meaning: opening angle}
bbox: [17.071, 20, 8]
"""
import math

import cadquery as cq

outer_d = 20.0  # mm: outside diameter
inner_d = 16.0  # mm: inside diameter (the bar)
height = 8.0  # mm: clip height
opening_deg = 90.0  # deg: opening angle

ring = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(height)
a = math.radians(opening_deg / 2)
r = outer_d
wedge = cq.Workplane("XY").polyline([(0, 0), (r * math.cos(a), r * math.sin(a)), (r, 0), (r * math.cos(a), -r * math.sin(a))]).close().extrude(height)
result = ring.cut(wedge)
