"""
id: gear-pinion-small
title: Small pinion gear
description: A small 12-tooth involute pinion, e.g. for a motor shaft.
family: gears
tags: [gear, pinion, small gear, spur gear, motor gear, involute]
parameters:
  module: {default: 1.0, unit: mm, meaning: module}
  teeth: {default: 12, unit: count, meaning: number of teeth}
  thickness: {default: 6.0, unit: mm, meaning: face width}
  pressure_angle: {default: 20.0, unit: deg, meaning: pressure angle}
  bore_d: {default: 3.0, unit: mm, meaning: bore}
bbox: [14, 14, 6]
"""
import math

import cadquery as cq

module = 1.0  # mm: module
teeth = 12  # count: number of teeth
thickness = 6.0  # mm: face width
pressure_angle = 20.0  # deg: pressure angle
bore_d = 3.0  # mm: bore

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
