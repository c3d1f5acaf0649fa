"""
id: clip-panel-edge
title: Panel edge clip (U clip)
description: A U-shaped clip that grips the edge of a panel or sheet of a given thickness.
family: clips
tags: [clip, edge clip, U clip, panel clip, sheet clip, spring]
parameters:
  panel_t: {default: 3.0, unit: mm, meaning: panel thickness (gap)}
  wall: {default: 3.0, unit: mm, meaning: clip wall}
  depth: {default: 15.0, unit: mm, meaning: clip depth}
  width: {default: 10.0, unit: mm, meaning: clip width}
bbox: [9, 10, 15]
"""
import cadquery as cq

panel_t = 3.0  # mm: panel thickness (gap)
wall = 3.0  # mm: clip wall
depth = 15.0  # mm: clip depth
width = 10.0  # mm: clip width

outer = panel_t + 2 * wall
profile = [(0, 0), (outer, 0), (outer, depth), (outer - wall, depth), (outer - wall, wall), (wall, wall), (wall, depth), (0, depth)]
result = cq.Workplane("XZ").polyline(profile).close().extrude(-width)
