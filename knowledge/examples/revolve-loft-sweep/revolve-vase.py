"""
id: revolve-vase
title: Revolved vase (spline profile, shelled)
description: A vase made by revolving a smooth spline profile around the vertical axis and shelling it
  open at the top.
family: revolve-loft-sweep
tags: [revolve, vase, spline, lathe, shell, bottle, axisymmetric]
parameters:
  height: {default: 100.0, unit: mm, meaning: height}
  base_r: {default: 25.0, unit: mm, meaning: base radius}
  belly_r: {default: 35.0, unit: mm, meaning: widest radius}
  neck_r: {default: 15.0, unit: mm, meaning: neck radius}
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
bbox: [73.782, 73.782, 100]
"""
import cadquery as cq

height = 100.0  # mm: height
base_r = 25.0  # mm: base radius
belly_r = 35.0  # mm: widest radius
neck_r = 15.0  # mm: neck radius
wall = 2.0  # mm: wall thickness

profile = (
    cq.Workplane("XZ")
    .moveTo(0, 0)
    .lineTo(base_r, 0)
    .spline([(belly_r, height * 0.35), (neck_r, height * 0.8), (neck_r * 1.3, height)], includeCurrent=True)
    .lineTo(0, height)
    .close()
)
result = profile.revolve(360, (0, 0, 0), (0, 1, 0)).faces(">Z").shell(-wall)
