"""
id: bearing-flange-4-bolt
title: Four-bolt flange bearing housing
description: A square flange housing for a 6204 ball bearing (47 mm OD) with a hub and four bolt holes.
family: bearings
tags: [bearing housing, flange bearing, 4 bolt, square flange, '6204', bearing seat]
parameters:
  size: {default: 86.0, unit: mm, meaning: flange size}
  flange_t: {default: 12.0, unit: mm, meaning: flange thickness}
  hub_d: {default: 60.0, unit: mm, meaning: hub diameter}
  hub_h: {default: 10.0, unit: mm, meaning: hub height}
  seat_d: {default: 47.0, unit: mm, meaning: bearing seat diameter}
  seat_depth: {default: 14.0, unit: mm, meaning: seat depth}
  through_d: {default: 35.0, unit: mm, meaning: through hole}
  bolt_spacing: {default: 64.0, unit: mm, meaning: bolt square}
  bolt_d: {default: 11.0, unit: mm, meaning: bolt holes}
bbox: [86, 86, 22]
"""
import cadquery as cq

size = 86.0  # mm: flange size
flange_t = 12.0  # mm: flange thickness
hub_d = 60.0  # mm: hub diameter
hub_h = 10.0  # mm: hub height
seat_d = 47.0  # mm: bearing seat diameter
seat_depth = 14.0  # mm: seat depth
through_d = 35.0  # mm: through hole
bolt_spacing = 64.0  # mm: bolt square
bolt_d = 11.0  # mm: bolt holes

flange = cq.Workplane("XY").box(size, size, flange_t, centered=(True, True, False)).edges("|Z").fillet(8)
hub = cq.Workplane("XY").workplane(offset=flange_t).circle(hub_d / 2).extrude(hub_h)
body = flange.union(hub)
body = body.faces(">Z").workplane().hole(seat_d, seat_depth)
body = body.faces("<Z").workplane().hole(through_d)
result = body.faces("<Z").workplane().rect(bolt_spacing, bolt_spacing, forConstruction=True).vertices().hole(bolt_d)
