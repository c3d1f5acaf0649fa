"""
id: heatsink-pin-fins
title: Pin-fin heat sink
description: A heat sink with a grid of round pins on a base plate, for airflow from any direction.
family: heat-sinks
tags: [heat sink, pin fin, pins, cooling, grid, thermal]
parameters:
  size: {default: 40.0, unit: mm, meaning: base size}
  base_t: {default: 3.0, unit: mm, meaning: base thickness}
  pin_d: {default: 2.5, unit: mm, meaning: pin diameter}
  pin_h: {default: 15.0, unit: mm, meaning: pin height}
  count: {default: 7, unit: count, meaning: pins per row}
bbox: [40, 40, 18]
"""
import cadquery as cq

size = 40.0  # mm: base size
base_t = 3.0  # mm: base thickness
pin_d = 2.5  # mm: pin diameter
pin_h = 15.0  # mm: pin height
count = 7  # count: pins per row

base = cq.Workplane("XY").box(size, size, base_t, centered=(True, True, False))
pitch = (size - 4) / (count - 1)
pins = cq.Workplane("XY").workplane(offset=base_t).rarray(pitch, pitch, int(count), int(count)).circle(pin_d / 2).extrude(pin_h)
result = base.union(pins)
