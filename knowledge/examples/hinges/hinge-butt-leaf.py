"""
id: hinge-butt-leaf
title: Butt hinge leaf with knuckles
description: 'One leaf of a butt hinge: a flat leaf with screw holes and alternating knuckles with a pin
  hole.'
family: hinges
tags: [hinge, butt hinge, leaf, knuckle, pin, door hinge]
parameters:
  length: {default: 40.0, unit: mm, meaning: hinge length along Y}
  leaf_w: {default: 30.0, unit: mm, meaning: leaf width}
  thickness: {default: 2.0, unit: mm, meaning: leaf thickness}
  knuckle_d: {default: 6.0, unit: mm, meaning: knuckle diameter}
  pin_d: {default: 2.5, unit: mm, meaning: pin hole}
  knuckles: {default: 5, unit: count, meaning: knuckle segments}
bbox: [33, 40, 6]
"""
import cadquery as cq

length = 40.0  # mm: hinge length along Y
leaf_w = 30.0  # mm: leaf width
thickness = 2.0  # mm: leaf thickness
knuckle_d = 6.0  # mm: knuckle diameter
pin_d = 2.5  # mm: pin hole
knuckles = 5  # count: knuckle segments

r = knuckle_d / 2
leaf = cq.Workplane("XY").box(leaf_w, length, thickness, centered=(False, False, False)).translate((0, 0, r - thickness / 2))
seg = length / knuckles
knuckle = cq.Workplane("XY")
for i in range(0, int(knuckles), 2):
    knuckle = knuckle.union(cq.Workplane("XZ").workplane(offset=-i * seg).center(0, r).circle(r).extrude(-seg))
body = leaf.union(knuckle)
pin = cq.Workplane("XZ").center(0, r).circle(pin_d / 2).extrude(-length)
holes = cq.Workplane("XY").pushPoints([(leaf_w * 0.6, length * f) for f in (0.2, 0.5, 0.8)]).circle(2).extrude(knuckle_d)
result = body.cut(pin).cut(holes)
