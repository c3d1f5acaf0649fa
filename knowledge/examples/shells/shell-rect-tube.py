"""
id: shell-rect-tube
title: Rectangular tube (hollow section)
description: A rectangular hollow section (box tube) of given wall thickness.
family: shells
tags: [shell, rectangular tube, box section, RHS, profile, hollow]
parameters:
  width: {default: 40.0, unit: mm, meaning: outside width}
  height: {default: 20.0, unit: mm, meaning: outside height}
  length: {default: 100.0, unit: mm, meaning: length}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [40, 20, 100]
"""
import cadquery as cq

width = 40.0  # mm: outside width
height = 20.0  # mm: outside height
length = 100.0  # mm: length
wall = 2.0  # mm: wall thickness

result = cq.Workplane("XY").rect(width, height).rect(width - 2 * wall, height - 2 * wall).extrude(length)
