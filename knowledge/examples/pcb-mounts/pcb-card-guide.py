"""
id: pcb-card-guide
title: PCB card guide rail
description: A rail with a groove along its top that guides the edge of a circuit card, with two mounting
  holes.
family: pcb-mounts
tags: [PCB, card guide, rail, slot, groove, board edge]
parameters:
  length: {default: 60.0, unit: mm, meaning: rail length}
  size: {default: 8.0, unit: mm, meaning: square section}
  slot_w: {default: 1.8, unit: mm, meaning: groove width}
  slot_depth: {default: 2.0, unit: mm, meaning: groove depth}
  hole_d: {default: 3.2, unit: mm, meaning: mounting holes}
bbox: [60, 8, 8]
"""
import cadquery as cq

length = 60.0  # mm: rail length
size = 8.0  # mm: square section
slot_w = 1.8  # mm: groove width
slot_depth = 2.0  # mm: groove depth
hole_d = 3.2  # mm: mounting holes

rail = cq.Workplane("XY").box(length, size, size, centered=(True, True, False))
groove = cq.Workplane("XY").workplane(offset=size - slot_depth).rect(length, slot_w).extrude(slot_depth)
holes = cq.Workplane("XY").pushPoints([(-length / 2 + 8, 0), (length / 2 - 8, 0)]).circle(hole_d / 2).extrude(size)
result = rail.cut(groove).cut(holes)
