"""
id: clip-cantilever-snap-hook
title: Cantilever snap-fit hook
description: A cantilever snap-fit beam with a hook (barb) at its tip, for clip-together parts.
family: clips
tags: [snap fit, snap hook, cantilever, clip, barb, latch]
parameters:
  length: {default: 20.0, unit: mm, meaning: beam length}
  width: {default: 6.0, unit: mm, meaning: beam width}
  thickness: {default: 1.6, unit: mm, meaning: beam thickness}
  hook_h: {default: 1.2, unit: mm, meaning: hook height}
  hook_l: {default: 3.0, unit: mm, meaning: hook length}
bbox: [20, 6, 2.8]
"""
import cadquery as cq

length = 20.0  # mm: beam length
width = 6.0  # mm: beam width
thickness = 1.6  # mm: beam thickness
hook_h = 1.2  # mm: hook height
hook_l = 3.0  # mm: hook length

profile = [(0, 0), (length, 0), (length, thickness + hook_h), (length - 0.5, thickness + hook_h),
           (length - hook_l, thickness), (0, thickness)]
result = cq.Workplane("XZ").polyline(profile).close().extrude(-width)
