"""
id: loft-square-to-round
title: Square-to-round adapter (loft)
description: A transition piece lofted from a square section to a round one, e.g. a duct adapter.
family: revolve-loft-sweep
tags: [loft, transition, adapter, square to round, duct, funnel]
parameters:
  square: {default: 40.0, unit: mm, meaning: square side at the bottom}
  round_d: {default: 30.0, unit: mm, meaning: circle diameter at the top}
  height: {default: 30.0, unit: mm, meaning: height}
bbox: [40, 40, 30]
"""
import cadquery as cq

square = 40.0  # mm: square side at the bottom
round_d = 30.0  # mm: circle diameter at the top
height = 30.0  # mm: height

result = cq.Workplane("XY").rect(square, square).workplane(offset=height).circle(round_d / 2).loft(combine=True)
