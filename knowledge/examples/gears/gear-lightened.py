"""
id: gear-lightened
title: Large spur gear with lightening holes
description: A large involute spur gear with a ring of lightening holes to save weight.
family: gears
tags: [gear, spur gear, lightening holes, weight reduction, large gear, wheel]
parameters:
  module: {default: 2.5, unit: mm, meaning: gear module}
  teeth: {default: 40, unit: count, meaning: number of teeth}
  thickness: {default: 12.0, unit: mm, meaning: face width}
  pressure_angle: {default: 20.0, unit: deg, meaning: pressure angle}
  bore_d: {default: 20.0, unit: mm, meaning: bore}
  hole_d: {default: 18.0, unit: mm, meaning: lightening hole diameter}
  hole_pcd: {default: 55.0, unit: mm, meaning: lightening hole circle}
bbox: [105, 105, 12]
"""
import math

import cadquery as cq

module = 2.5  # mm: gear module
teeth = 40  # count: number of teeth
thickness = 12.0  # mm: face width
pressure_angle = 20.0  # deg: pressure angle
bore_d = 20.0  # mm: bore
hole_d = 18.0  # mm: lightening hole diameter
hole_pcd = 55.0  # mm: lightening hole circle

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
result = (
    gear.faces(">Z").workplane().hole(bore_d)
    .faces(">Z").workplane().polarArray(hole_pcd / 2, 0, 360, 6).hole(hole_d)
)
