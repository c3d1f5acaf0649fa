"""
id: pulley-rope-sheave
title: Rope sheave with round groove
description: 'A sheave for rope or cable: a wheel with a semicircular groove and a bore.'
family: pulleys
tags: [pulley, sheave, rope, cable, wire rope, groove, wheel]
parameters:
  outer_d: {default: 50.0, unit: mm, meaning: outside diameter}
  width: {default: 12.0, unit: mm, meaning: width}
  groove_r: {default: 4.0, unit: mm, meaning: groove radius}
  bore_d: {default: 10.0, unit: mm, meaning: bore}
bbox: [50, 50, 12]
"""
import cadquery as cq

outer_d = 50.0  # mm: outside diameter
width = 12.0  # mm: width
groove_r = 4.0  # mm: groove radius
bore_d = 10.0  # mm: bore

wheel = cq.Workplane("XY").circle(outer_d / 2).circle(bore_d / 2).extrude(width)
groove = cq.Workplane("XY").add(cq.Solid.makeTorus(outer_d / 2, groove_r, pnt=cq.Vector(0, 0, width / 2)))
result = wheel.cut(groove)
