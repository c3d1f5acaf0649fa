"""
id: enclosure-vented
title: Vented enclosure with cooling slots
description: A shelled box with a row of ventilation slots in one side wall for airflow.
family: enclosures
tags: [enclosure, box, vents, ventilation, cooling slots, louvers, case]
parameters:
  length: {default: 100.0, unit: mm, meaning: outside length}
  width: {default: 60.0, unit: mm, meaning: outside width}
  height: {default: 40.0, unit: mm, meaning: outside height}
  wall: {default: 2.5, unit: mm, meaning: wall thickness}
  slot_count: {default: 8, unit: count, meaning: number of slots}
  slot_w: {default: 3.0, unit: mm, meaning: slot width}
bbox: [100, 60, 40]
"""
import cadquery as cq

length = 100.0  # mm: outside length
width = 60.0  # mm: outside width
height = 40.0  # mm: outside height
wall = 2.5  # mm: wall thickness
slot_count = 8  # count: number of slots
slot_w = 3.0  # mm: slot width

box = cq.Workplane("XY").box(length, width, height).faces(">Z").shell(-wall)
vents = (
    cq.Workplane("XZ")
    .workplane(offset=width / 2)
    .rarray(2.5 * slot_w, 1, int(slot_count), 1)
    .rect(slot_w, height / 2)
    .extrude(wall * 2)
)
result = box.cut(vents)
