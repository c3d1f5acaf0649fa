"""
id: bracket-gusseted-l
title: Gusseted L bracket
description: A heavy-duty angle bracket with a triangular gusset (rib) between the legs for stiffness.
family: brackets
tags: [bracket, L bracket, gusset, rib, reinforced, shelf bracket, heavy duty]
parameters:
  leg: {default: 50.0, unit: mm, meaning: length of each leg}
  width: {default: 40.0, unit: mm, meaning: bracket width along Y}
  thickness: {default: 6.0, unit: mm, meaning: leg thickness}
  gusset_t: {default: 5.0, unit: mm, meaning: gusset thickness}
bbox: [50, 40, 50]
"""
import cadquery as cq

leg = 50.0  # mm: length of each leg
width = 40.0  # mm: bracket width along Y
thickness = 6.0  # mm: leg thickness
gusset_t = 5.0  # mm: gusset thickness

base = cq.Workplane("XY").box(leg, width, thickness, centered=(False, True, False))
wall = cq.Workplane("XY").box(thickness, width, leg, centered=(False, True, False))
gusset = (
    cq.Workplane("XZ")
    .polyline([(thickness, thickness), (leg, thickness), (thickness, leg)])
    .close()
    .extrude(gusset_t / 2, both=True)
)
result = base.union(wall).union(gusset)
