"""
id: cable-comb
title: Cable comb (wire organiser)
description: A bar with a row of round slots that keeps a bundle of wires tidy and parallel.
family: cable-clips
tags: [cable comb, wire organiser, cable management, wires, slots, harness]
parameters:
  length: {default: 60.0, unit: mm, meaning: bar length}
  width: {default: 10.0, unit: mm, meaning: bar width}
  thickness: {default: 4.0, unit: mm, meaning: thickness}
  slots: {default: 8, unit: count, meaning: number of slots}
  wire_d: {default: 3.5, unit: mm, meaning: wire diameter}
bbox: [60, 10, 4]
"""
import cadquery as cq

length = 60.0  # mm: bar length
width = 10.0  # mm: bar width
thickness = 4.0  # mm: thickness
slots = 8  # count: number of slots
wire_d = 3.5  # mm: wire diameter

bar = cq.Workplane("XY").box(length, width, thickness)
pitch = length / (slots + 1)
holes = cq.Workplane("XY").workplane(offset=-thickness).rarray(pitch, 1, int(slots), 1).circle(wire_d / 2).extrude(2 * thickness)
mouths = cq.Workplane("XY").workplane(offset=-thickness).rarray(pitch, 1, int(slots), 1).center(0, width / 4).rect(wire_d * 0.7, width / 2).extrude(2 * thickness)
result = bar.cut(holes).cut(mouths)
