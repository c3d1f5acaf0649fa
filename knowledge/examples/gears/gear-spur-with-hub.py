"""
id: gear-spur-with-hub
title: Spur gear with hub and set screw
description: An involute spur gear with a raised hub, a bore and a radial set-screw hole.
family: gears
tags: [gear, spur gear, hub, set screw, grub screw, involute, pinion]
parameters:
  module: {default: 1.5, unit: mm, meaning: gear module}
  teeth: {default: 24, unit: count, meaning: number of teeth}
  thickness: {default: 8.0, unit: mm, meaning: face width}
  pressure_angle: {default: 20.0, unit: deg, meaning: pressure angle}
  hub_d: {default: 20.0, unit: mm, meaning: hub diameter}
  hub_h: {default: 8.0, unit: mm, meaning: hub height}
  bore_d: {default: 6.0, unit: mm, meaning: bore}
  screw_d: {default: 3.0, unit: mm, meaning: set screw hole}
bbox: [39, 39, 16]
"""
import math

import cadquery as cq

module = 1.5  # mm: gear module
teeth = 24  # count: number of teeth
thickness = 8.0  # mm: face width
pressure_angle = 20.0  # deg: pressure angle
hub_d = 20.0  # mm: hub diameter
hub_h = 8.0  # mm: hub height
bore_d = 6.0  # mm: bore
screw_d = 3.0  # mm: set screw hole

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
hub = cq.Workplane("XY").workplane(offset=thickness).circle(hub_d / 2).extrude(hub_h)
body = gear.union(hub).faces(">Z").workplane().hole(bore_d)
screw = cq.Workplane("YZ").center(0, thickness + hub_h / 2).circle(screw_d / 2).extrude(hub_d)
result = body.cut(screw)
