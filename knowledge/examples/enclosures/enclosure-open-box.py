"""
id: enclosure-open-box
title: Open-top box (shelled)
description: A simple open-top box or tray made by shelling a solid block; walls of even thickness.
family: enclosures
tags: [enclosure, box, tray, container, shell, open top]
parameters:
  length: {default: 80.0, unit: mm, meaning: outside length}
  width: {default: 50.0, unit: mm, meaning: outside width}
  height: {default: 30.0, unit: mm, meaning: outside height}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [80, 50, 30]
"""
import cadquery as cq

length = 80.0  # mm: outside length
width = 50.0  # mm: outside width
height = 30.0  # mm: outside height
wall = 2.0  # mm: wall thickness

result = cq.Workplane("XY").box(length, width, height).faces(">Z").shell(-wall)
