"""
id: shell-dome
title: Hollow dome (hemisphere shell)
description: A hollow hemisphere open at the bottom, like a cover or a dome.
family: shells
tags: [shell, dome, hemisphere, sphere, cover, cap]
parameters:
  radius: {default: 30.0, unit: mm, meaning: outside radius}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [60, 60, 30]
"""
import cadquery as cq

radius = 30.0  # mm: outside radius
wall = 2.0  # mm: wall thickness

outer = cq.Workplane("XY").sphere(radius)
inner = cq.Workplane("XY").sphere(radius - wall)
lower = cq.Workplane("XY").box(3 * radius, 3 * radius, 2 * radius, centered=(True, True, False)).translate((0, 0, -2 * radius))
result = outer.cut(inner).cut(lower)
