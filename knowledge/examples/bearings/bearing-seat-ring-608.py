"""
id: bearing-seat-ring-608
title: Bearing seat ring for a 608 bearing
description: A ring that holds a 608 skate bearing (22 mm OD, 7 mm wide) with a retaining lip at the bottom.
family: bearings
tags: [bearing, bearing seat, '608', skate bearing, ring, holder]
parameters:
  outer_d: {default: 40.0, unit: mm, meaning: outside diameter}
  seat_d: {default: 22.0, unit: mm, meaning: bearing outside diameter}
  seat_h: {default: 7.0, unit: mm, meaning: bearing width}
  lip_d: {default: 18.0, unit: mm, meaning: lip inside diameter}
  lip_t: {default: 1.0, unit: mm, meaning: lip thickness}
bbox: [40, 40, 8]
"""
import cadquery as cq

outer_d = 40.0  # mm: outside diameter
seat_d = 22.0  # mm: bearing outside diameter
seat_h = 7.0  # mm: bearing width
lip_d = 18.0  # mm: lip inside diameter
lip_t = 1.0  # mm: lip thickness

lip = cq.Workplane("XY").circle(outer_d / 2).circle(lip_d / 2).extrude(lip_t)
seat = cq.Workplane("XY").workplane(offset=lip_t).circle(outer_d / 2).circle(seat_d / 2).extrude(seat_h)
result = lip.union(seat)
