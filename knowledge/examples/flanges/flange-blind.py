"""
id: flange-blind
title: Blind flange
description: 'A blind flange: a solid disc with bolt holes that closes off the end of a pipe.'
family: flanges
tags: [flange, blind flange, blank, end cap, bolt circle]
parameters:
  outer_d: {default: 100.0, unit: mm, meaning: diameter}
  thickness: {default: 14.0, unit: mm, meaning: thickness}
  pcd: {default: 75.0, unit: mm, meaning: bolt circle}
  bolt_d: {default: 11.0, unit: mm, meaning: bolt hole diameter}
  bolts: {default: 4, unit: count, meaning: bolt holes}
bbox: [100, 100, 14]
"""
import cadquery as cq

outer_d = 100.0  # mm: diameter
thickness = 14.0  # mm: thickness
pcd = 75.0  # mm: bolt circle
bolt_d = 11.0  # mm: bolt hole diameter
bolts = 4  # count: bolt holes

result = cq.Workplane("XY").circle(outer_d / 2).extrude(thickness).faces(">Z").workplane().polarArray(pcd / 2, 0, 360, int(bolts)).hole(bolt_d)
