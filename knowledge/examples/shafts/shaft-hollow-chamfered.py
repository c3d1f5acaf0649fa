"""
id: shaft-hollow-chamfered
title: Hollow shaft (tube) with chamfers
description: 'A hollow shaft: a tube with chamfered ends.'
family: shafts
tags: [shaft, hollow shaft, tube, chamfer, pipe]
parameters:
  outer_d: {default: 30.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 20.0, unit: mm, meaning: inside diameter}
  length: {default: 100.0, unit: mm, meaning: length}
  chamfer: {default: 1.0, unit: mm, meaning: end chamfer}
bbox: [30, 30, 100]
"""
import cadquery as cq

outer_d = 30.0  # mm: outside diameter
inner_d = 20.0  # mm: inside diameter
length = 100.0  # mm: length
chamfer = 1.0  # mm: end chamfer

result = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(length).faces(">Z or <Z").edges().chamfer(chamfer)
