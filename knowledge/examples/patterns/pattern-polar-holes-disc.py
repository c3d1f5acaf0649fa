"""
id: pattern-polar-holes-disc
title: Disc with a polar array of holes
description: A disc with holes equally spaced around a circle (a polar / circular pattern).
family: patterns
tags: [polar array, circular pattern, holes, disc, bolt circle, pattern]
parameters:
  diameter: {default: 80.0, unit: mm, meaning: disc diameter}
  thickness: {default: 5.0, unit: mm, meaning: thickness}
  holes: {default: 12, unit: count, meaning: number of holes}
  hole_d: {default: 5.0, unit: mm, meaning: hole diameter}
  pcd: {default: 60.0, unit: mm, meaning: hole circle diameter}
bbox: [80, 80, 5]
"""
import cadquery as cq

diameter = 80.0  # mm: disc diameter
thickness = 5.0  # mm: thickness
holes = 12  # count: number of holes
hole_d = 5.0  # mm: hole diameter
pcd = 60.0  # mm: hole circle diameter

result = cq.Workplane("XY").circle(diameter / 2).extrude(thickness).faces(">Z").workplane().polarArray(pcd / 2, 0, 360, int(holes)).hole(hole_d)
