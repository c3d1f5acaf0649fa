"""
id: gear-rack
title: Gear rack (straight)
description: A straight gear rack with trapezoidal teeth that meshes with a spur gear of the same module.
family: gears
tags: [gear, rack, gear rack, linear, rack and pinion, teeth]
parameters:
  module: {default: 2.0, unit: mm, meaning: module}
  teeth: {default: 15, unit: count, meaning: number of teeth}
  base_h: {default: 15.0, unit: mm, meaning: height below the teeth}
  thickness: {default: 10.0, unit: mm, meaning: face width}
bbox: [94.248, 19.5, 10]
"""
import math

import cadquery as cq

module = 2.0  # mm: module
teeth = 15  # count: number of teeth
base_h = 15.0  # mm: height below the teeth
thickness = 10.0  # mm: face width

pitch = math.pi * module
length = pitch * teeth
h = 2.25 * module
flank = h * math.tan(math.radians(20))
pts = [(0, 0), (length, 0), (length, base_h)]
for k in reversed(range(int(teeth))):
    x0 = k * pitch
    pts += [(x0 + pitch * 3 / 4 + flank / 2, base_h), (x0 + pitch / 2 + flank / 2, base_h + h),
            (x0 + pitch / 4 - flank / 2 + flank, base_h + h), (x0 + pitch / 4 - flank / 2, base_h)]
pts.append((0, base_h))
result = cq.Workplane("XY").polyline(pts).close().extrude(thickness)
