"""
id: pipe-elbow-90
title: 90 degree pipe elbow
description: A 90-degree pipe elbow (bend) made by revolving the pipe's ring section a quarter turn.
family: pipe-fittings
tags: [pipe, elbow, bend, 90 degree, fitting, revolve]
parameters:
  outer_d: {default: 25.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 20.0, unit: mm, meaning: inside diameter}
  bend_r: {default: 30.0, unit: mm, meaning: bend radius (centerline)}
bbox: [42.5, 42.5, 25]
"""
import cadquery as cq

outer_d = 25.0  # mm: outside diameter
inner_d = 20.0  # mm: inside diameter
bend_r = 30.0  # mm: bend radius (centerline)

result = (
    cq.Workplane("XZ")
    .center(bend_r, 0)
    .circle(outer_d / 2)
    .circle(inner_d / 2)
    .revolve(90, (-bend_r, 0, 0), (-bend_r, 1, 0))
)
