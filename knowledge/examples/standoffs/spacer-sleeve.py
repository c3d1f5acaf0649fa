"""
id: spacer-sleeve
title: Spacer sleeve (tube spacer)
description: 'A plain tubular spacer or bushing: a short tube between two parts.'
family: standoffs
tags: [spacer, sleeve, bushing, tube, distance piece, collar]
parameters:
  outer_d: {default: 10.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 5.3, unit: mm, meaning: inside diameter}
  length: {default: 20.0, unit: mm, meaning: length}
bbox: [10, 10, 20]
"""
import cadquery as cq

outer_d = 10.0  # mm: outside diameter
inner_d = 5.3  # mm: inside diameter
length = 20.0  # mm: length

result = cq.Workplane("XY").circle(outer_d / 2).circle(inner_d / 2).extrude(length)
