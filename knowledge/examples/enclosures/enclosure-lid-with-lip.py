"""
id: enclosure-lid-with-lip
title: Enclosure lid with locating lip
description: A flat lid for a box, with a raised lip on the underside that fits inside the walls.
family: enclosures
tags: [enclosure, lid, cover, cap, lip, box lid]
parameters:
  length: {default: 84.0, unit: mm, meaning: lid length}
  width: {default: 54.0, unit: mm, meaning: lid width}
  thickness: {default: 2.0, unit: mm, meaning: lid thickness}
  lip_h: {default: 2.0, unit: mm, meaning: lip height}
  lip_t: {default: 1.5, unit: mm, meaning: lip wall}
  clearance: {default: 2.5, unit: mm, meaning: lip inset from the lid edge}
bbox: [84, 54, 4]
"""
import cadquery as cq

length = 84.0  # mm: lid length
width = 54.0  # mm: lid width
thickness = 2.0  # mm: lid thickness
lip_h = 2.0  # mm: lip height
lip_t = 1.5  # mm: lip wall
clearance = 2.5  # mm: lip inset from the lid edge

lid = cq.Workplane("XY").box(length, width, thickness, centered=(True, True, False))
lx, ly = length - 2 * clearance, width - 2 * clearance
lip = (
    cq.Workplane("XY")
    .rect(lx, ly)
    .rect(lx - 2 * lip_t, ly - 2 * lip_t)
    .extrude(-lip_h)
)
result = lid.union(lip)
