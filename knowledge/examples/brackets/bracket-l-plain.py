"""
id: bracket-l-plain
title: Plain L bracket (angle bracket)
description: A right-angle L bracket made of two legs of equal length.
family: brackets
tags: [bracket, L bracket, angle bracket, corner, right angle]
parameters:
  leg: {default: 40.0, unit: mm, meaning: length of each leg}
  width: {default: 30.0, unit: mm, meaning: bracket width along Y}
  thickness: {default: 5.0, unit: mm, meaning: material thickness}
bbox: [40, 30, 40]
"""
import cadquery as cq

leg = 40.0  # mm: length of each leg
width = 30.0  # mm: bracket width along Y
thickness = 5.0  # mm: material thickness

base = cq.Workplane("XY").box(leg, width, thickness, centered=(False, True, False))
wall = cq.Workplane("XY").box(thickness, width, leg, centered=(False, True, False))
result = base.union(wall)
