"""
id: bracket-nema17-motor-mount
title: NEMA 17 stepper motor mount bracket
description: 'An L-shaped bracket to hold a NEMA 17 stepper motor: a face plate with the 22 mm pilot bore
  and four M3 holes on a 31 mm square, and a base plate with two mounting slots.'
family: brackets
tags: [bracket, motor mount, NEMA 17, stepper motor, motor bracket, L bracket, slots]
parameters:
  plate: {default: 56.0, unit: mm, meaning: face plate width and height above the base}
  thickness: {default: 5.0, unit: mm, meaning: plate thickness}
  base_length: {default: 50.0, unit: mm, meaning: base plate length along X}
  pilot_d: {default: 22.5, unit: mm, meaning: motor pilot bore diameter}
  screw_spacing: {default: 31.0, unit: mm, meaning: motor screw square}
  screw_d: {default: 3.4, unit: mm, meaning: motor screw hole diameter}
bbox: [50, 56, 61]
"""
import cadquery as cq

plate = 56.0  # mm: face plate width and height above the base
thickness = 5.0  # mm: plate thickness
base_length = 50.0  # mm: base plate length along X
pilot_d = 22.5  # mm: motor pilot bore diameter
screw_spacing = 31.0  # mm: motor screw square
screw_d = 3.4  # mm: motor screw hole diameter

base = cq.Workplane("XY").box(base_length, plate, thickness, centered=(False, True, False))
face = cq.Workplane("XY").box(thickness, plate, plate + thickness, centered=(False, True, False))
body = base.union(face)
cz = thickness + plate / 2
motor_holes = (
    cq.Workplane("YZ")
    .center(0, cz)
    .circle(pilot_d / 2)
    .rect(screw_spacing, screw_spacing, forConstruction=True)
    .vertices()
    .circle(screw_d / 2)
    .extrude(thickness)
)
slots = (
    cq.Workplane("XY")
    .pushPoints([((base_length + thickness) / 2, -plate / 4), ((base_length + thickness) / 2, plate / 4)])
    .slot2D(20, 5.5)
    .extrude(thickness)
)
result = body.cut(motor_holes).cut(slots)
