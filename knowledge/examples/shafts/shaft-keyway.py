"""
id: shaft-keyway
title: Shaft with a keyway
description: A round shaft with a parallel keyway slot milled at one end, for a key and a hub.
family: shafts
tags: [shaft, keyway, key slot, axle, parallel key]
parameters:
  diameter: {default: 20.0, unit: mm, meaning: shaft diameter}
  length: {default: 80.0, unit: mm, meaning: shaft length}
  key_w: {default: 6.0, unit: mm, meaning: keyway width}
  key_depth: {default: 3.5, unit: mm, meaning: keyway depth}
  key_l: {default: 30.0, unit: mm, meaning: keyway length}
bbox: [20, 20, 80]
"""
import cadquery as cq

diameter = 20.0  # mm: shaft diameter
length = 80.0  # mm: shaft length
key_w = 6.0  # mm: keyway width
key_depth = 3.5  # mm: keyway depth
key_l = 30.0  # mm: keyway length

shaft = cq.Workplane("XY").circle(diameter / 2).extrude(length)
key = cq.Workplane("XY").box(key_depth, key_w, key_l, centered=(False, True, False)).translate((diameter / 2 - key_depth, 0, length - key_l - 5))
result = shaft.cut(key)
