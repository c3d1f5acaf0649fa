"""
id: flange-raised-face-8-bolt
title: Raised-face flange with 8 bolts
description: A pipe flange with a raised sealing face and eight bolt holes.
family: flanges
tags: [flange, raised face, pipe flange, 8 bolt holes, gasket face, bolt circle]
parameters:
  outer_d: {default: 150.0, unit: mm, meaning: flange diameter}
  thickness: {default: 18.0, unit: mm, meaning: flange thickness}
  face_d: {default: 90.0, unit: mm, meaning: raised face diameter}
  face_h: {default: 2.0, unit: mm, meaning: raised face height}
  bore_d: {default: 60.0, unit: mm, meaning: bore}
  pcd: {default: 120.0, unit: mm, meaning: bolt circle}
  bolt_d: {default: 14.0, unit: mm, meaning: bolt hole diameter}
  bolts: {default: 8, unit: count, meaning: bolt holes}
bbox: [150, 150, 20]
"""
import cadquery as cq

outer_d = 150.0  # mm: flange diameter
thickness = 18.0  # mm: flange thickness
face_d = 90.0  # mm: raised face diameter
face_h = 2.0  # mm: raised face height
bore_d = 60.0  # mm: bore
pcd = 120.0  # mm: bolt circle
bolt_d = 14.0  # mm: bolt hole diameter
bolts = 8  # count: bolt holes

body = cq.Workplane("XY").circle(outer_d / 2).extrude(thickness)
face = cq.Workplane("XY").workplane(offset=thickness).circle(face_d / 2).extrude(face_h)
result = (
    body.union(face)
    .faces(">Z").workplane().hole(bore_d)
    .faces("<Z").workplane().polarArray(pcd / 2, 0, 360, int(bolts)).hole(bolt_d)
)
