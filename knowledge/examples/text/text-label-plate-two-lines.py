"""
id: text-label-plate-two-lines
title: Label plate with two engraved lines
description: A label plate with two lines of engraved text, e.g. a part name and a number.
family: text
tags: [text, label, engrave, two lines, plate, marking]
parameters:
  length: {default: 70.0, unit: mm, meaning: plate length}
  width: {default: 30.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  font_size: {default: 6.0, unit: mm, meaning: text height}
  depth: {default: 0.6, unit: mm, meaning: engraving depth}
bbox: [70, 30, 3]
"""
import cadquery as cq

length = 70.0  # mm: plate length
width = 30.0  # mm: plate width
thickness = 3.0  # mm: plate thickness
font_size = 6.0  # mm: text height
depth = 0.6  # mm: engraving depth

plate = cq.Workplane("XY").box(length, width, thickness)
plate = plate.faces(">Z").workplane().center(0, 6).text("PUMP A", font_size, -depth, combine="cut")
result = plate.faces(">Z").workplane().center(0, -6).text("NO 1234", font_size, -depth, combine="cut")
