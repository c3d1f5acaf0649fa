"""
id: text-embossed-tag
title: Tag with embossed text and a hole
description: A small tag with raised (embossed) lettering and a hole for a ring or cable tie.
family: text
tags: [text, emboss, raised text, tag, label, keychain]
parameters:
  length: {default: 50.0, unit: mm, meaning: tag length}
  width: {default: 20.0, unit: mm, meaning: tag width}
  thickness: {default: 2.0, unit: mm, meaning: tag thickness}
  font_size: {default: 8.0, unit: mm, meaning: text height}
  relief: {default: 1.0, unit: mm, meaning: text height above the tag}
  hole_d: {default: 4.0, unit: mm, meaning: hole}
bbox: [50, 20, 3]
"""
import cadquery as cq

length = 50.0  # mm: tag length
width = 20.0  # mm: tag width
thickness = 2.0  # mm: tag thickness
font_size = 8.0  # mm: text height
relief = 1.0  # mm: text height above the tag
hole_d = 4.0  # mm: hole

tag = cq.Workplane("XY").box(length, width, thickness, centered=(True, True, False)).edges("|Z").fillet(3)
tag = tag.faces(">Z").workplane().center(-length / 2 + 5, 0).hole(hole_d)
letters = cq.Workplane("XY").workplane(offset=thickness).center(4, 0).text("TAG 01", font_size, relief, combine=False)
result = tag.union(letters)
