"""
id: pipe-reducer
title: Concentric pipe reducer (loft)
description: A concentric reducer between two pipe sizes, made by lofting circles and hollowing it.
family: pipe-fittings
tags: [pipe, reducer, adapter, loft, cone, transition]
parameters:
  big_d: {default: 40.0, unit: mm, meaning: large end outside diameter}
  small_d: {default: 25.0, unit: mm, meaning: small end outside diameter}
  length: {default: 30.0, unit: mm, meaning: length}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [40, 40, 30]
"""
import cadquery as cq

big_d = 40.0  # mm: large end outside diameter
small_d = 25.0  # mm: small end outside diameter
length = 30.0  # mm: length
wall = 2.0  # mm: wall thickness

outer = cq.Workplane("XY").circle(big_d / 2).workplane(offset=length).circle(small_d / 2).loft()
inner = cq.Workplane("XY").circle(big_d / 2 - wall).workplane(offset=length).circle(small_d / 2 - wall).loft()
result = outer.cut(inner)
