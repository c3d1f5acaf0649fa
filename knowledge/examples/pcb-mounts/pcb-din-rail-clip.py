"""
id: pcb-din-rail-clip
title: DIN rail clip for a PCB
description: A clip that snaps onto a 35 mm DIN rail, with a flat top to screw a board carrier to.
family: pcb-mounts
tags: [DIN rail, rail clip, PCB, TS35, cabinet, mount]
parameters:
  rail_w: {default: 35.0, unit: mm, meaning: DIN rail width}
  body_w: {default: 45.0, unit: mm, meaning: clip body width}
  thickness: {default: 3.0, unit: mm, meaning: body thickness}
  depth: {default: 10.0, unit: mm, meaning: clip depth (extrusion)}
  hook: {default: 2.5, unit: mm, meaning: hook depth}
bbox: [45, 10, 7.5]
"""
import cadquery as cq

rail_w = 35.0  # mm: DIN rail width
body_w = 45.0  # mm: clip body width
thickness = 3.0  # mm: body thickness
depth = 10.0  # mm: clip depth (extrusion)
hook = 2.5  # mm: hook depth

half = rail_w / 2
profile = [(-body_w / 2, 0), (body_w / 2, 0), (body_w / 2, thickness), (half + 1.5, thickness), (half + 1.5, thickness + hook + 2),
           (half - 1.0, thickness + hook + 2), (half - 1.0, thickness + hook + 1), (half + 0.5, thickness + hook + 1),
           (half + 0.5, thickness + 0.5), (-half - 0.5, thickness + 0.5), (-half - 0.5, thickness + hook + 1),
           (-half + 1.0, thickness + hook + 1), (-half + 1.0, thickness + hook + 2), (-half - 1.5, thickness + hook + 2),
           (-half - 1.5, thickness), (-body_w / 2, thickness)]
result = cq.Workplane("XZ").polyline(profile).close().extrude(-depth)
