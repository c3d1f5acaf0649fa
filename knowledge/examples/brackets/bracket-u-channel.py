"""
id: bracket-u-channel
title: U bracket (channel)
description: 'A U-shaped channel bracket: a base with two parallel side walls, extruded to a width.'
family: brackets
tags: [bracket, U bracket, channel, U channel, clamp, saddle]
parameters:
  span: {default: 60.0, unit: mm, meaning: outside width of the U}
  height: {default: 30.0, unit: mm, meaning: outside height}
  thickness: {default: 4.0, unit: mm, meaning: wall thickness}
  depth: {default: 30.0, unit: mm, meaning: extrusion along Y}
bbox: [60, 30, 30]
"""
import cadquery as cq

span = 60.0  # mm: outside width of the U
height = 30.0  # mm: outside height
thickness = 4.0  # mm: wall thickness
depth = 30.0  # mm: extrusion along Y

profile = [(0, 0), (span, 0), (span, height), (span - thickness, height), (span - thickness, thickness),
           (thickness, thickness), (thickness, height), (0, height)]
result = cq.Workplane("XZ").polyline(profile).close().extrude(-depth)
