"""
id: text-engraved-nameplate
title: Engraved name plate
description: A plate with text engraved (cut) into its top face.
family: text
tags: [text, engrave, engraving, name plate, label, lettering]
parameters:
  length: {default: 80.0, unit: mm, meaning: plate length}
  width: {default: 25.0, unit: mm, meaning: plate width}
  thickness: {default: 4.0, unit: mm, meaning: plate thickness}
  font_size: {default: 10.0, unit: mm, meaning: text height}
  depth: {default: 1.0, unit: mm, meaning: engraving depth}
bbox: [80, 25, 4]
"""
import cadquery as cq

length = 80.0  # mm: plate length
width = 25.0  # mm: plate width
thickness = 4.0  # mm: plate thickness
font_size = 10.0  # mm: text height
depth = 1.0  # mm: engraving depth

plate = cq.Workplane("XY").box(length, width, thickness)
result = plate.faces(">Z").workplane().text("CADAGENT", font_size, -depth, combine="cut")
