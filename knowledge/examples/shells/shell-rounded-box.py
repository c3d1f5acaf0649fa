"""
id: shell-rounded-box
title: Rounded box shelled open at the top
description: 'A box with rounded vertical and bottom edges, then shelled open at the top: a soft-edged
  container.'
family: shells
tags: [shell, rounded box, fillet, container, tray, hollow]
parameters:
  length: {default: 60.0, unit: mm, meaning: length}
  width: {default: 40.0, unit: mm, meaning: width}
  height: {default: 25.0, unit: mm, meaning: height}
  radius: {default: 5.0, unit: mm, meaning: edge radius}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [60, 40, 25]
"""
import cadquery as cq

length = 60.0  # mm: length
width = 40.0  # mm: width
height = 25.0  # mm: height
radius = 5.0  # mm: edge radius
wall = 2.0  # mm: wall thickness

result = cq.Workplane("XY").box(length, width, height).edges("|Z or <Z").fillet(radius).faces(">Z").shell(-wall)
