"""
id: bearing-pillow-block
title: Pillow block bearing housing
description: 'A pillow block: a base with two bolt holes and a raised housing with a bore for a ball bearing.'
family: bearings
tags: [bearing housing, pillow block, plummer block, bearing, bore, shaft support]
parameters:
  base_l: {default: 100.0, unit: mm, meaning: base length}
  base_w: {default: 30.0, unit: mm, meaning: base width}
  base_t: {default: 12.0, unit: mm, meaning: base thickness}
  center_h: {default: 30.0, unit: mm, meaning: bore center height}
  housing_d: {default: 52.0, unit: mm, meaning: housing diameter}
  bore_d: {default: 35.0, unit: mm, meaning: bearing bore}
  bolt_d: {default: 11.0, unit: mm, meaning: bolt holes}
  bolt_spacing: {default: 76.0, unit: mm, meaning: bolt spacing}
bbox: [100, 30, 56]
"""
import cadquery as cq

base_l = 100.0  # mm: base length
base_w = 30.0  # mm: base width
base_t = 12.0  # mm: base thickness
center_h = 30.0  # mm: bore center height
housing_d = 52.0  # mm: housing diameter
bore_d = 35.0  # mm: bearing bore
bolt_d = 11.0  # mm: bolt holes
bolt_spacing = 76.0  # mm: bolt spacing

base = cq.Workplane("XY").box(base_l, base_w, base_t, centered=(True, True, False))
pedestal = cq.Workplane("XY").box(housing_d, base_w, center_h, centered=(True, True, False))
housing = cq.Workplane("XZ").center(0, center_h).circle(housing_d / 2).extrude(base_w / 2, both=True)
body = base.union(pedestal).union(housing)
bore = cq.Workplane("XZ").center(0, center_h).circle(bore_d / 2).extrude(base_w, both=True)
bolts = cq.Workplane("XY").pushPoints([(-bolt_spacing / 2, 0), (bolt_spacing / 2, 0)]).circle(bolt_d / 2).extrude(base_t)
result = body.cut(bore).cut(bolts)
