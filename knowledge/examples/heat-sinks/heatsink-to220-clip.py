"""
id: heatsink-to220-clip
title: TO-220 U-channel heat sink
description: A small U-channel heat sink for a TO-220 transistor, with a hole for the tab screw.
family: heat-sinks
tags: [heat sink, TO-220, transistor, U channel, clip-on, regulator]
parameters:
  width: {default: 25.0, unit: mm, meaning: channel width}
  depth: {default: 12.0, unit: mm, meaning: channel depth}
  wall: {default: 1.5, unit: mm, meaning: wall thickness}
  height: {default: 20.0, unit: mm, meaning: height}
  hole_d: {default: 3.5, unit: mm, meaning: tab screw hole}
bbox: [25, 12, 20]
"""
import cadquery as cq

width = 25.0  # mm: channel width
depth = 12.0  # mm: channel depth
wall = 1.5  # mm: wall thickness
height = 20.0  # mm: height
hole_d = 3.5  # mm: tab screw hole

profile = [(0, 0), (width, 0), (width, depth), (width - wall, depth), (width - wall, wall), (wall, wall), (wall, depth), (0, depth)]
channel = cq.Workplane("XY").polyline(profile).close().extrude(height)
hole = cq.Workplane("XZ").center(width / 2, height / 2).circle(hole_d / 2).extrude(-wall)
result = channel.cut(hole)
