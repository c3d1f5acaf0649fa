"""
id: pipe-tee
title: Pipe tee fitting
description: 'A T-shaped pipe fitting: a straight run with a branch at 90 degrees, all hollow.'
family: pipe-fittings
tags: [pipe, tee, T fitting, branch, plumbing, fitting]
parameters:
  outer_d: {default: 25.0, unit: mm, meaning: outside diameter}
  inner_d: {default: 20.0, unit: mm, meaning: inside diameter}
  run_l: {default: 60.0, unit: mm, meaning: run length}
  branch_l: {default: 30.0, unit: mm, meaning: branch length from the run axis}
bbox: [60, 42.5, 25]
"""
import cadquery as cq

outer_d = 25.0  # mm: outside diameter
inner_d = 20.0  # mm: inside diameter
run_l = 60.0  # mm: run length
branch_l = 30.0  # mm: branch length from the run axis

run = cq.Workplane("YZ").circle(outer_d / 2).extrude(run_l / 2, both=True)
branch = cq.Workplane("XZ").circle(outer_d / 2).extrude(-branch_l)
body = run.union(branch)
run_bore = cq.Workplane("YZ").circle(inner_d / 2).extrude(run_l / 2, both=True)
branch_bore = cq.Workplane("XZ").circle(inner_d / 2).extrude(-branch_l)
result = body.cut(run_bore).cut(branch_bore)
