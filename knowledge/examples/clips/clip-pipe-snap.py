"""
id: clip-pipe-snap
title: Snap-on pipe clip with base
description: A clip with a flat screw base that snaps onto a 20 mm pipe or tube.
family: clips
tags: [clip, pipe clip, tube clip, snap, conduit clip, saddle]
parameters:
  pipe_d: {default: 20.0, unit: mm, meaning: pipe diameter}
  wall: {default: 3.0, unit: mm, meaning: clip wall}
  width: {default: 10.0, unit: mm, meaning: clip width}
  base_l: {default: 32.0, unit: mm, meaning: base length}
  base_t: {default: 3.0, unit: mm, meaning: base thickness}
bbox: [32, 10, 23.954]
"""
import cadquery as cq

pipe_d = 20.0  # mm: pipe diameter
wall = 3.0  # mm: clip wall
width = 10.0  # mm: clip width
base_l = 32.0  # mm: base length
base_t = 3.0  # mm: base thickness

r_out = pipe_d / 2 + wall
cz = base_t + pipe_d / 2
ring = cq.Workplane("XZ").center(0, cz).circle(r_out).circle(pipe_d / 2).extrude(-width)
opening = cq.Workplane("XZ").center(0, cz + r_out).rect(pipe_d * 0.7, r_out).extrude(-width)
base = cq.Workplane("XY").box(base_l, width, base_t, centered=(True, False, False))
result = ring.cut(opening).union(base)
