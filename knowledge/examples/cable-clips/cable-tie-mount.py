"""
id: cable-tie-mount
title: Cable tie mount (adhesive base)
description: A square base for an adhesive pad with a bridge that a cable tie (zip tie) threads through.
family: cable-clips
tags: [cable tie, zip tie, tie mount, adhesive, cable, anchor]
parameters:
  size: {default: 20.0, unit: mm, meaning: base size}
  base_t: {default: 1.5, unit: mm, meaning: base thickness}
  bridge_h: {default: 4.0, unit: mm, meaning: bridge height}
  tie_w: {default: 4.0, unit: mm, meaning: tie slot width}
  tie_t: {default: 1.5, unit: mm, meaning: tie slot height}
bbox: [20, 20, 5.5]
"""
import cadquery as cq

size = 20.0  # mm: base size
base_t = 1.5  # mm: base thickness
bridge_h = 4.0  # mm: bridge height
tie_w = 4.0  # mm: tie slot width
tie_t = 1.5  # mm: tie slot height

base = cq.Workplane("XY").box(size, size, base_t, centered=(True, True, False))
bridge = cq.Workplane("XY").workplane(offset=base_t).rect(size * 0.5, size * 0.5).extrude(bridge_h)
tunnel = cq.Workplane("YZ").center(0, base_t + tie_t / 2).rect(tie_w, tie_t).extrude(size, both=True)
result = base.union(bridge).cut(tunnel)
