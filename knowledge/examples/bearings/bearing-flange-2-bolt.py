"""
id: bearing-flange-2-bolt
title: Two-bolt flange bearing housing (oval)
description: An oval two-bolt flange bearing housing with a raised hub and a through bore.
family: bearings
tags: [bearing housing, 2 bolt, oval flange, flange bearing, bore]
parameters:
  length: {default: 100.0, unit: mm, meaning: flange length}
  width: {default: 40.0, unit: mm, meaning: flange width}
  flange_t: {default: 10.0, unit: mm, meaning: flange thickness}
  hub_d: {default: 56.0, unit: mm, meaning: hub diameter}
  hub_h: {default: 14.0, unit: mm, meaning: hub total height}
  bore_d: {default: 35.0, unit: mm, meaning: bore}
  bolt_spacing: {default: 76.0, unit: mm, meaning: bolt spacing}
  bolt_d: {default: 10.0, unit: mm, meaning: bolt holes}
bbox: [100, 56, 14]
"""
import cadquery as cq

length = 100.0  # mm: flange length
width = 40.0  # mm: flange width
flange_t = 10.0  # mm: flange thickness
hub_d = 56.0  # mm: hub diameter
hub_h = 14.0  # mm: hub total height
bore_d = 35.0  # mm: bore
bolt_spacing = 76.0  # mm: bolt spacing
bolt_d = 10.0  # mm: bolt holes

flange = cq.Workplane("XY").slot2D(length, width).extrude(flange_t)
hub = cq.Workplane("XY").circle(hub_d / 2).extrude(hub_h)
body = flange.union(hub).faces(">Z").workplane().hole(bore_d)
result = body.faces("<Z").workplane().pushPoints([(-bolt_spacing / 2, 0), (bolt_spacing / 2, 0)]).hole(bolt_d)
