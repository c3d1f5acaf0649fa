"""
id: pattern-grid-holes
title: Perforated plate (grid of holes)
description: A plate with a rectangular grid of holes, like a perforated panel or speaker grille.
family: patterns
tags: [grid, rectangular array, perforated, holes, grille, pattern]
parameters:
  length: {default: 100.0, unit: mm, meaning: plate length}
  width: {default: 60.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: thickness}
  hole_d: {default: 4.0, unit: mm, meaning: hole diameter}
  pitch: {default: 9.0, unit: mm, meaning: hole pitch}
  nx: {default: 10, unit: count, meaning: holes along X}
  ny: {default: 6, unit: count, meaning: holes along Y}
bbox: [100, 60, 3]
"""
import cadquery as cq

length = 100.0  # mm: plate length
width = 60.0  # mm: plate width
thickness = 3.0  # mm: thickness
hole_d = 4.0  # mm: hole diameter
pitch = 9.0  # mm: hole pitch
nx = 10  # count: holes along X
ny = 6  # count: holes along Y

result = cq.Workplane("XY").box(length, width, thickness).faces(">Z").workplane().rarray(pitch, pitch, int(nx), int(ny)).hole(hole_d)
