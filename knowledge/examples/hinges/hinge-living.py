"""
id: hinge-living
title: Living hinge
description: 'Two plates joined by a thin flexible web: a living hinge for printed or moulded boxes.'
family: hinges
tags: [hinge, living hinge, flexure, flexible, web, compliant]
parameters:
  plate_w: {default: 30.0, unit: mm, meaning: width of each plate}
  length: {default: 40.0, unit: mm, meaning: hinge length}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  web_w: {default: 4.0, unit: mm, meaning: web width}
  web_t: {default: 0.4, unit: mm, meaning: web thickness}
bbox: [64, 40, 3]
"""
import cadquery as cq

plate_w = 30.0  # mm: width of each plate
length = 40.0  # mm: hinge length
thickness = 3.0  # mm: plate thickness
web_w = 4.0  # mm: web width
web_t = 0.4  # mm: web thickness

left = cq.Workplane("XY").box(plate_w, length, thickness, centered=(False, True, False))
web = cq.Workplane("XY").box(web_w, length, web_t, centered=(False, True, False)).translate((plate_w, 0, 0))
right = cq.Workplane("XY").box(plate_w, length, thickness, centered=(False, True, False)).translate((plate_w + web_w, 0, 0))
result = left.union(web).union(right)
