"""
id: pulley-v-belt
title: V-belt pulley
description: A single-groove V-belt pulley (sheave) made by revolving its profile, with a bore.
family: pulleys
tags: [pulley, V-belt, sheave, belt pulley, groove, revolve]
parameters:
  outer_d: {default: 60.0, unit: mm, meaning: outside diameter}
  width: {default: 16.0, unit: mm, meaning: pulley width}
  groove_depth: {default: 8.0, unit: mm, meaning: groove depth}
  groove_top: {default: 10.0, unit: mm, meaning: groove width at the rim}
  bore_d: {default: 12.0, unit: mm, meaning: bore}
bbox: [60, 60, 16]
"""
import cadquery as cq

outer_d = 60.0  # mm: outside diameter
width = 16.0  # mm: pulley width
groove_depth = 8.0  # mm: groove depth
groove_top = 10.0  # mm: groove width at the rim
bore_d = 12.0  # mm: bore

r, ri = outer_d / 2, bore_d / 2
g0, g1 = (width - groove_top) / 2, (width + groove_top) / 2
profile = [(ri, 0), (r, 0), (r, g0), (r - groove_depth, width / 2 - 2), (r - groove_depth, width / 2 + 2), (r, g1), (r, width), (ri, width)]
result = cq.Workplane("XZ").polyline(profile).close().revolve(360, (0, 0, 0), (0, 1, 0))
