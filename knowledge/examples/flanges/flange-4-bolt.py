"""
id: flange-4-bolt
title: Round flange with 4 bolt holes
description: A circular flange with a center bore and four bolt holes on a bolt circle (PCD).
family: flanges
tags: [flange, bolt circle, PCD, round flange, pipe flange, 4 holes, bore]
parameters:
  outer_d: {default: 100.0, unit: mm, meaning: flange diameter}
  thickness: {default: 12.0, unit: mm, meaning: flange thickness}
  bore_d: {default: 40.0, unit: mm, meaning: center bore}
  pcd: {default: 75.0, unit: mm, meaning: bolt circle diameter}
  bolt_d: {default: 12.0, unit: mm, meaning: bolt hole diameter}
  bolts: {default: 4, unit: count, meaning: number of bolt holes}
bbox: [100, 100, 12]
"""
import cadquery as cq

outer_d = 100.0  # mm: flange diameter
thickness = 12.0  # mm: flange thickness
bore_d = 40.0  # mm: center bore
pcd = 75.0  # mm: bolt circle diameter
bolt_d = 12.0  # mm: bolt hole diameter
bolts = 4  # count: number of bolt holes

result = (
    cq.Workplane("XY")
    .circle(outer_d / 2)
    .extrude(thickness)
    .faces(">Z")
    .workplane()
    .hole(bore_d)
    .faces(">Z")
    .workplane()
    .polarArray(pcd / 2, 0, 360, int(bolts))
    .hole(bolt_d)
)
