"""
id: standoff-flanged
title: Flanged standoff
description: A standoff with a wide flange at the base for more bearing area.
family: standoffs
tags: [standoff, flanged, flange, spacer, boss]
parameters:
  flange_d: {default: 16.0, unit: mm, meaning: flange diameter}
  flange_t: {default: 2.0, unit: mm, meaning: flange thickness}
  body_d: {default: 8.0, unit: mm, meaning: body diameter}
  body_h: {default: 10.0, unit: mm, meaning: body height above the flange}
  hole_d: {default: 3.2, unit: mm, meaning: through hole}
bbox: [16, 16, 12]
"""
import cadquery as cq

flange_d = 16.0  # mm: flange diameter
flange_t = 2.0  # mm: flange thickness
body_d = 8.0  # mm: body diameter
body_h = 10.0  # mm: body height above the flange
hole_d = 3.2  # mm: through hole

flange = cq.Workplane("XY").circle(flange_d / 2).extrude(flange_t)
body = cq.Workplane("XY").workplane(offset=flange_t).circle(body_d / 2).extrude(body_h)
result = flange.union(body).faces(">Z").workplane().hole(hole_d)
