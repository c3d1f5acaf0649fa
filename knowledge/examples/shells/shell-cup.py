"""
id: shell-cup
title: Cup (shelled cylinder)
description: A cup or tumbler made by shelling a cylinder, open at the top.
family: shells
tags: [shell, cup, mug, container, cylinder, hollow]
parameters:
  diameter: {default: 60.0, unit: mm, meaning: outside diameter}
  height: {default: 80.0, unit: mm, meaning: height}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [60, 60, 80]
"""
import cadquery as cq

diameter = 60.0  # mm: outside diameter
height = 80.0  # mm: height
wall = 2.0  # mm: wall thickness

result = cq.Workplane("XY").circle(diameter / 2).extrude(height).faces(">Z").shell(-wall)
