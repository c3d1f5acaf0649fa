"""
id: gear-spur-involute
title: Involute spur gear
description: A real involute spur gear from module, tooth count and pressure angle, with a center bore.
family: gears
tags: [gear, spur gear, involute, module, teeth, cog, transmission]
parameters:
  module: {default: 2.0, unit: mm, meaning: gear module}
  teeth: {default: 20, unit: count, meaning: number of teeth}
  thickness: {default: 10.0, unit: mm, meaning: face width}
  bore_d: {default: 8.0, unit: mm, meaning: bore}
  pressure_angle: {default: 20.0, unit: deg, meaning: pressure angle}
bbox: [44, 44, 10]
"""
import math

import cadquery as cq

module = 2.0  # mm: gear module
teeth = 20  # count: number of teeth
thickness = 10.0  # mm: face width
bore_d = 8.0  # mm: bore
pressure_angle = 20.0  # deg: pressure angle

r_pitch = module * teeth / 2
r_base = r_pitch * math.cos(math.radians(pressure_angle))
r_tip = r_pitch + module
r_root = r_pitch - 1.25 * module


def inv(a):
    return math.tan(a) - a


half_pitch_angle = math.pi / (2 * teeth) + inv(math.radians(pressure_angle))


def half_angle(r):
    return half_pitch_angle - inv(math.acos(min(r_base / r, 1.0)))


r_start = max(r_base, r_root)
radii = [r_start + (r_tip - r_start) * i / 7 for i in range(8)]
pts = []
for k in range(int(teeth)):
    c = 2 * math.pi * k / teeth
    a0 = c - half_angle(r_start)
    pts.append((r_root * math.cos(a0), r_root * math.sin(a0)))
    for r in radii:
        pts.append((r * math.cos(c - half_angle(r)), r * math.sin(c - half_angle(r))))
    for r in reversed(radii):
        pts.append((r * math.cos(c + half_angle(r)), r * math.sin(c + half_angle(r))))
    a1 = c + half_angle(r_start)
    pts.append((r_root * math.cos(a1), r_root * math.sin(a1)))
gear = cq.Workplane("XY").polyline(pts).close().extrude(thickness)
result = gear.faces(">Z").workplane().hole(bore_d)
