"""
id: sweep-tube-bend
title: Bent tube (sweep along a path)
description: A round tube swept along a path made of straight lines and a bend, like a bent rod or handle.
family: revolve-loft-sweep
tags: [sweep, path, tube, bent rod, handle, pipe bend]
parameters:
  tube_d: {default: 6.0, unit: mm, meaning: tube diameter}
  leg: {default: 40.0, unit: mm, meaning: straight leg length}
  bend_r: {default: 15.0, unit: mm, meaning: bend radius}
bbox: [58, 6, 58]
"""
import math

import cadquery as cq

tube_d = 6.0  # mm: tube diameter
leg = 40.0  # mm: straight leg length
bend_r = 15.0  # mm: bend radius

path = (
    cq.Workplane("XZ")
    .moveTo(0, 0)
    .lineTo(0, leg)
    .threePointArc((bend_r * (1 - math.sqrt(0.5)), leg + bend_r * math.sqrt(0.5)), (bend_r, leg + bend_r))
    .lineTo(bend_r + leg, leg + bend_r)
)
result = cq.Workplane("XY").circle(tube_d / 2).sweep(path)
