"""
id: pattern-linear-slots
title: Plate with a row of slots
description: A plate with a linear pattern of parallel slots (louvres / ventilation).
family: patterns
tags: [slots, linear pattern, row, vents, louvres, array]
parameters:
  length: {default: 90.0, unit: mm, meaning: plate length}
  width: {default: 40.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: thickness}
  slots: {default: 6, unit: count, meaning: slots}
  slot_l: {default: 20.0, unit: mm, meaning: slot length}
  slot_w: {default: 4.0, unit: mm, meaning: slot width}
  pitch: {default: 12.0, unit: mm, meaning: slot pitch}
bbox: [90, 40, 3]
"""
import cadquery as cq

length = 90.0  # mm: plate length
width = 40.0  # mm: plate width
thickness = 3.0  # mm: thickness
slots = 6  # count: slots
slot_l = 20.0  # mm: slot length
slot_w = 4.0  # mm: slot width
pitch = 12.0  # mm: slot pitch

plate = cq.Workplane("XY").box(length, width, thickness)
result = plate.faces(">Z").workplane().rarray(pitch, 1, int(slots), 1).slot2D(slot_l, slot_w, angle=90).cutThruAll()
