"""
id: flange-6-bolt
title: Flange with 6 bolt holes
description: A circular flange with six bolt holes equally spaced on the bolt circle and a large bore.
family: flanges
tags: [flange, 6 bolt holes, six holes, bolt circle, PCD, hub flange]
parameters:
  outer_d: {default: 120.0, unit: mm, meaning: flange diameter}
  thickness: {default: 15.0, unit: mm, meaning: flange thickness}
  bore_d: {default: 50.0, unit: mm, meaning: center bore}
  pcd: {default: 95.0, unit: mm, meaning: bolt circle diameter}
  bolt_d: {default: 10.0, unit: mm, meaning: bolt hole diameter}
  bolts: {default: 6, unit: count, meaning: number of bolt holes}
bbox: [120, 120, 15]
"""
import cadquery as cq

outer_d = 120.0  # mm: flange diameter
thickness = 15.0  # mm: flange thickness
bore_d = 50.0  # mm: center bore
pcd = 95.0  # mm: bolt circle diameter
bolt_d = 10.0  # mm: bolt hole diameter
bolts = 6  # count: number of bolt holes

disc = cq.Workplane("XY").circle(outer_d / 2).circle(bore_d / 2).extrude(thickness)
result = disc.faces(">Z").workplane().polarArray(pcd / 2, 0, 360, int(bolts)).hole(bolt_d)
