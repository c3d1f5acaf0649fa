"""
id: knob-skirt-pointer
title: Knob with skirt and pointer line
description: A dial knob with a wide skirt and an engraved pointer line on top.
family: knobs
tags: [knob, dial, pointer, indicator, skirt, control knob]
parameters:
  knob_d: {default: 20.0, unit: mm, meaning: knob diameter}
  knob_h: {default: 15.0, unit: mm, meaning: knob height}
  skirt_d: {default: 30.0, unit: mm, meaning: skirt diameter}
  skirt_h: {default: 3.0, unit: mm, meaning: skirt height}
  bore_d: {default: 6.0, unit: mm, meaning: bore}
bbox: [30, 30, 18]
"""
import cadquery as cq

knob_d = 20.0  # mm: knob diameter
knob_h = 15.0  # mm: knob height
skirt_d = 30.0  # mm: skirt diameter
skirt_h = 3.0  # mm: skirt height
bore_d = 6.0  # mm: bore

skirt = cq.Workplane("XY").circle(skirt_d / 2).extrude(skirt_h)
knob = cq.Workplane("XY").workplane(offset=skirt_h).circle(knob_d / 2).extrude(knob_h)
body = skirt.union(knob)
pointer = cq.Workplane("XY").workplane(offset=skirt_h + knob_h - 1).center(knob_d / 4, 0).rect(knob_d / 2 - 1, 1.2).extrude(1)
result = body.cut(pointer).faces("<Z").workplane().hole(bore_d, knob_h)
