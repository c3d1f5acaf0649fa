"""
id: pipe-end-cap
title: Pipe end cap
description: 'A cap that closes the end of a pipe: a cup with a closed end.'
family: pipe-fittings
tags: [pipe, cap, end cap, plug, closure, fitting]
parameters:
  outer_d: {default: 30.0, unit: mm, meaning: outside diameter}
  socket_d: {default: 25.0, unit: mm, meaning: socket diameter}
  length: {default: 20.0, unit: mm, meaning: length}
  end_t: {default: 3.0, unit: mm, meaning: end thickness}
bbox: [30, 30, 20]
"""
import cadquery as cq

outer_d = 30.0  # mm: outside diameter
socket_d = 25.0  # mm: socket diameter
length = 20.0  # mm: length
end_t = 3.0  # mm: end thickness

result = cq.Workplane("XY").circle(outer_d / 2).extrude(length).faces(">Z").workplane().hole(socket_d, length - end_t)
