"""
id: bushing-holder-block
title: Bushing holder block
description: A rectangular block with a horizontal bore for a plain bushing or linear bearing and two
  vertical mounting holes.
family: bearings
tags: [bushing, bearing block, linear bearing, holder, block, bore, sleeve bearing]
parameters:
  length: {default: 40.0, unit: mm, meaning: block length along the bore}
  width: {default: 30.0, unit: mm, meaning: block width}
  height: {default: 25.0, unit: mm, meaning: block height}
  bore_d: {default: 16.0, unit: mm, meaning: bushing bore}
  bore_h: {default: 14.0, unit: mm, meaning: bore center height}
  mount_d: {default: 5.5, unit: mm, meaning: mounting holes}
bbox: [40, 30, 25]
"""
import cadquery as cq

length = 40.0  # mm: block length along the bore
width = 30.0  # mm: block width
height = 25.0  # mm: block height
bore_d = 16.0  # mm: bushing bore
bore_h = 14.0  # mm: bore center height
mount_d = 5.5  # mm: mounting holes

block = cq.Workplane("XY").box(length, width, height, centered=(True, True, False))
bore = cq.Workplane("YZ").center(0, bore_h).circle(bore_d / 2).extrude(length, both=True)
mounts = cq.Workplane("XY").pushPoints([(-length / 2 + 7, 0), (length / 2 - 7, 0)]).circle(mount_d / 2).extrude(height)
result = block.cut(bore).cut(mounts)
