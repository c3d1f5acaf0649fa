"""
id: plate-rectangular
title: Plain rectangular plate
description: A flat rectangular plate or sheet, the simplest base part.
family: plates
tags: [plate, sheet, rectangular, flat, base]
parameters:
  length: {default: 80.0, unit: mm, meaning: size along X}
  width: {default: 50.0, unit: mm, meaning: size along Y}
  thickness: {default: 4.0, unit: mm, meaning: size along Z}
bbox: [80, 50, 4]
"""
import cadquery as cq

length = 80.0  # mm: size along X
width = 50.0  # mm: size along Y
thickness = 4.0  # mm: size along Z

result = cq.Workplane("XY").box(length, width, thickness)
