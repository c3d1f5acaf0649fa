"""
id: plate-slotted-adjustment
title: Adjustable plate with slotted holes
description: A plate with two long slots (elongated holes) so the mounting position can be adjusted.
family: plates
tags: [plate, slots, slotted holes, elongated holes, adjustable, tensioner]
parameters:
  length: {default: 80.0, unit: mm, meaning: size along X}
  width: {default: 40.0, unit: mm, meaning: size along Y}
  thickness: {default: 5.0, unit: mm, meaning: plate thickness}
  slot_length: {default: 20.0, unit: mm, meaning: 'slot length, end to end'}
  slot_width: {default: 6.0, unit: mm, meaning: slot width}
  slot_spacing: {default: 50.0, unit: mm, meaning: distance between slot centers}
bbox: [80, 40, 5]
"""
import cadquery as cq

length = 80.0  # mm: size along X
width = 40.0  # mm: size along Y
thickness = 5.0  # mm: plate thickness
slot_length = 20.0  # mm: slot length, end to end
slot_width = 6.0  # mm: slot width
slot_spacing = 50.0  # mm: distance between slot centers

result = (
    cq.Workplane("XY")
    .box(length, width, thickness)
    .faces(">Z")
    .workplane()
    .pushPoints([(-slot_spacing / 2, 0), (slot_spacing / 2, 0)])
    .slot2D(slot_length, slot_width)
    .cutThruAll()
)
