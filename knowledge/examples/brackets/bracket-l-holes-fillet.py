"""
id: bracket-l-holes-fillet
title: L bracket with holes and inner fillet
description: An angle bracket with a mounting hole in each leg and a filleted inside bend for strength.
family: brackets
tags: [bracket, L bracket, angle bracket, holes, fillet, mounting]
parameters:
  leg: {default: 40.0, unit: mm, meaning: length of each leg}
  width: {default: 30.0, unit: mm, meaning: bracket width along Y}
  thickness: {default: 5.0, unit: mm, meaning: material thickness}
  hole_d: {default: 6.0, unit: mm, meaning: hole diameter}
  bend_r: {default: 3.0, unit: mm, meaning: inner bend fillet radius}
bbox: [40, 30, 40]
"""
import cadquery as cq

leg = 40.0  # mm: length of each leg
width = 30.0  # mm: bracket width along Y
thickness = 5.0  # mm: material thickness
hole_d = 6.0  # mm: hole diameter
bend_r = 3.0  # mm: inner bend fillet radius

base = cq.Workplane("XY").box(leg, width, thickness, centered=(False, True, False))
wall = cq.Workplane("XY").box(thickness, width, leg, centered=(False, True, False))
body = base.union(wall).edges("|Y").edges(cq.selectors.NearestToPointSelector((thickness, 0, thickness))).fillet(bend_r)
base_hole = cq.Workplane("XY").center((leg + thickness) / 2 + bend_r / 2, 0).circle(hole_d / 2).extrude(thickness)
wall_hole = cq.Workplane("YZ").center(0, (leg + thickness) / 2 + bend_r / 2).circle(hole_d / 2).extrude(thickness)
result = body.cut(base_hole).cut(wall_hole)
