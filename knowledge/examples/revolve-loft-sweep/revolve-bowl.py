"""
id: revolve-bowl
title: Revolved bowl
description: A bowl made by revolving a curved wall profile (an arc section) around the vertical axis.
family: revolve-loft-sweep
tags: [revolve, bowl, dish, cup, arc, lathe]
parameters:
  radius: {default: 40.0, unit: mm, meaning: rim radius}
  depth: {default: 30.0, unit: mm, meaning: bowl depth}
  wall: {default: 3.0, unit: mm, meaning: wall thickness}
  foot_r: {default: 15.0, unit: mm, meaning: foot radius}
bbox: [86, 86, 30]
"""
import cadquery as cq

radius = 40.0  # mm: rim radius
depth = 30.0  # mm: bowl depth
wall = 3.0  # mm: wall thickness
foot_r = 15.0  # mm: foot radius

profile = (
    cq.Workplane("XZ")
    .moveTo(0, 0)
    .lineTo(foot_r, 0)
    .threePointArc((radius * 0.85, depth * 0.35), (radius + wall, depth))
    .lineTo(radius, depth)
    .threePointArc((radius * 0.85 - wall, depth * 0.35 + wall), (foot_r - wall, wall))
    .lineTo(0, wall)
    .close()
)
result = profile.revolve(360, (0, 0, 0), (0, 1, 0))
