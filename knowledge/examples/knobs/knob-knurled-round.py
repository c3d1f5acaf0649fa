"""
id: knob-knurled-round
title: Round knurled knob
description: A round control knob with grip grooves around its rim and a D-shaped bore for a 6 mm shaft.
family: knobs
tags: [knob, knurled, grip, control knob, thumb wheel, D shaft, potentiometer]
parameters:
  diameter: {default: 30.0, unit: mm, meaning: knob diameter}
  height: {default: 15.0, unit: mm, meaning: knob height}
  grooves: {default: 24, unit: count, meaning: number of grip grooves}
  groove_d: {default: 2.0, unit: mm, meaning: groove diameter}
  shaft_d: {default: 6.0, unit: mm, meaning: shaft diameter}
  flat: {default: 1.5, unit: mm, meaning: shaft flat depth}
bbox: [30, 30, 15]
"""
import cadquery as cq

diameter = 30.0  # mm: knob diameter
height = 15.0  # mm: knob height
grooves = 24  # count: number of grip grooves
groove_d = 2.0  # mm: groove diameter
shaft_d = 6.0  # mm: shaft diameter
flat = 1.5  # mm: shaft flat depth

body = cq.Workplane("XY").circle(diameter / 2).extrude(height)
grooves = cq.Workplane("XY").polarArray(diameter / 2, 0, 360, int(grooves)).circle(groove_d / 2).extrude(height)
bore = cq.Workplane("XY").circle(shaft_d / 2).extrude(height - 3)
flat_cut = cq.Workplane("XY").center(shaft_d / 2, 0).rect(2 * flat, shaft_d).extrude(height - 3)
d_bore = bore.cut(flat_cut)
result = body.cut(grooves).cut(d_bore)
