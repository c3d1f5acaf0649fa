"""
id: flange-weld-neck-hub
title: Flange with hub (weld neck)
description: A flange with a cylindrical hub (neck) for a pipe, through bore and four bolts.
family: flanges
tags: [flange, hub, weld neck, neck, pipe flange, collar]
parameters:
  outer_d: {default: 110.0, unit: mm, meaning: flange diameter}
  thickness: {default: 14.0, unit: mm, meaning: flange thickness}
  hub_d: {default: 60.0, unit: mm, meaning: hub diameter}
  hub_h: {default: 30.0, unit: mm, meaning: hub height}
  bore_d: {default: 40.0, unit: mm, meaning: bore}
  pcd: {default: 85.0, unit: mm, meaning: bolt circle}
  bolt_d: {default: 12.0, unit: mm, meaning: bolt holes}
bbox: [110, 110, 44]
"""
import cadquery as cq

outer_d = 110.0  # mm: flange diameter
thickness = 14.0  # mm: flange thickness
hub_d = 60.0  # mm: hub diameter
hub_h = 30.0  # mm: hub height
bore_d = 40.0  # mm: bore
pcd = 85.0  # mm: bolt circle
bolt_d = 12.0  # mm: bolt holes

flange = cq.Workplane("XY").circle(outer_d / 2).extrude(thickness)
hub = cq.Workplane("XY").workplane(offset=thickness).circle(hub_d / 2).extrude(hub_h)
body = flange.union(hub).faces(">Z").workplane().hole(bore_d)
result = body.faces("<Z").workplane().polarArray(pcd / 2, 0, 360, 4).hole(bolt_d)
