"""
id: knob-star
title: Star knob (five lobes)
description: A five-lobed star knob for a clamping screw, with a hexagon pocket for a nut.
family: knobs
tags: [knob, star knob, lobe knob, clamping knob, hand knob, hex nut pocket]
parameters:
  hub_d: {default: 16.0, unit: mm, meaning: hub diameter}
  lobe_d: {default: 10.0, unit: mm, meaning: lobe diameter}
  lobe_r: {default: 12.0, unit: mm, meaning: lobe center radius}
  height: {default: 12.0, unit: mm, meaning: height}
  nut_af: {default: 10.0, unit: mm, meaning: nut across flats}
  screw_d: {default: 6.4, unit: mm, meaning: screw hole}
bbox: [31.708, 32.825, 12]
"""
import math

import cadquery as cq

hub_d = 16.0  # mm: hub diameter
lobe_d = 10.0  # mm: lobe diameter
lobe_r = 12.0  # mm: lobe center radius
height = 12.0  # mm: height
nut_af = 10.0  # mm: nut across flats
screw_d = 6.4  # mm: screw hole

hub = cq.Workplane("XY").circle(hub_d / 2).extrude(height)
lobes = cq.Workplane("XY").polarArray(lobe_r, 0, 360, 5).circle(lobe_d / 2).extrude(height)
webs = cq.Workplane("XY").polarArray(lobe_r / 2, 0, 360, 5).rect(lobe_r, lobe_d * 0.8).extrude(height)
body = hub.union(lobes).union(webs)
nut = cq.Workplane("XY").polygon(6, nut_af / math.cos(math.radians(30))).extrude(height / 2)
result = body.cut(nut).faces(">Z").workplane().hole(screw_d)
