"""
id: pipe-cross
title: Four-way pipe cross
description: 'A four-way cross fitting: two hollow pipes crossing at right angles.'
family: pipe-fittings
tags: [pipe, cross, 4 way, fitting, junction]
parameters:
  outer_d: {default: 20.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 16.0, unit: mm, meaning: inside diameter}
  length: {default: 50.0, unit: mm, meaning: length of each run}
bbox: [50, 50, 20]
"""
import cadquery as cq

outer_d = 20.0  # mm: outside diameter
inner_d = 16.0  # mm: inside diameter
length = 50.0  # mm: length of each run

a = cq.Workplane("YZ").circle(outer_d / 2).extrude(length / 2, both=True)
b = cq.Workplane("XZ").circle(outer_d / 2).extrude(length / 2, both=True)
ai = cq.Workplane("YZ").circle(inner_d / 2).extrude(length / 2, both=True)
bi = cq.Workplane("XZ").circle(inner_d / 2).extrude(length / 2, both=True)
result = a.union(b).cut(ai).cut(bi)
