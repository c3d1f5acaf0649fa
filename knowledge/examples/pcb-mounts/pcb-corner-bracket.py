"""
id: pcb-corner-bracket
title: PCB corner bracket
description: A small L bracket that holds a circuit board upright or at a panel corner.
family: pcb-mounts
tags: [PCB, corner bracket, L bracket, small bracket, board holder]
parameters:
  leg: {default: 15.0, unit: mm, meaning: leg length}
  width: {default: 10.0, unit: mm, meaning: width}
  thickness: {default: 2.0, unit: mm, meaning: thickness}
  hole_d: {default: 3.2, unit: mm, meaning: holes}
bbox: [15, 10, 15]
"""
import cadquery as cq

leg = 15.0  # mm: leg length
width = 10.0  # mm: width
thickness = 2.0  # mm: thickness
hole_d = 3.2  # mm: holes

base = cq.Workplane("XY").box(leg, width, thickness, centered=(False, True, False))
wall = cq.Workplane("XY").box(thickness, width, leg, centered=(False, True, False))
h1 = cq.Workplane("XY").center(leg * 0.6, 0).circle(hole_d / 2).extrude(thickness)
h2 = cq.Workplane("YZ").center(0, leg * 0.6).circle(hole_d / 2).extrude(thickness)
result = base.union(wall).cut(h1).cut(h2)
