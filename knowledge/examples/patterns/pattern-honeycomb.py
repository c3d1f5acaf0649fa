"""
id: pattern-honeycomb
title: Honeycomb panel
description: 'A plate with hexagonal cut-outs in offset rows: a light, stiff honeycomb pattern.'
family: patterns
tags: [honeycomb, hexagon, hex pattern, lightweight, panel, cut-outs]
parameters:
  length: {default: 80.0, unit: mm, meaning: panel length}
  width: {default: 60.0, unit: mm, meaning: panel width}
  thickness: {default: 4.0, unit: mm, meaning: thickness}
  cell: {default: 8.0, unit: mm, meaning: hexagon across corners}
  rib: {default: 1.5, unit: mm, meaning: rib between cells}
  border: {default: 6.0, unit: mm, meaning: solid border}
bbox: [80, 60, 4]
"""
import math

import cadquery as cq

length = 80.0  # mm: panel length
width = 60.0  # mm: panel width
thickness = 4.0  # mm: thickness
cell = 8.0  # mm: hexagon across corners
rib = 1.5  # mm: rib between cells
border = 6.0  # mm: solid border

panel = cq.Workplane("XY").box(length, width, thickness)
dx = (cell * math.cos(math.radians(30)) + rib)
dy = dx * math.sin(math.radians(60))
pts = []
y = -width / 2 + border + cell / 2
row = 0
while y <= width / 2 - border - cell / 2:
    x = -length / 2 + border + cell / 2 + (dx / 2 if row % 2 else 0)
    while x <= length / 2 - border - cell / 2:
        pts.append((x, y))
        x += dx
    y += dy
    row += 1
cells = cq.Workplane("XY").workplane(offset=-thickness).pushPoints(pts).polygon(6, cell).extrude(2 * thickness)
result = panel.cut(cells)
