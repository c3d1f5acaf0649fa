"""
id: pipe-coupling
title: Pipe coupling with center stop
description: A straight coupling sleeve joining two pipes, with an internal stop ring in the middle.
family: pipe-fittings
tags: [pipe, coupling, sleeve, socket, connector, fitting]
parameters:
  outer_d: {default: 30.0, unit: mm, meaning: outside diameter}
  socket_d: {default: 25.0, unit: mm, meaning: socket diameter (pipe OD)}
  stop_d: {default: 21.0, unit: mm, meaning: stop ring inside diameter}
  length: {default: 40.0, unit: mm, meaning: length}
  stop_w: {default: 2.0, unit: mm, meaning: stop ring width}
bbox: [30, 30, 40]
"""
import cadquery as cq

outer_d = 30.0  # mm: outside diameter
socket_d = 25.0  # mm: socket diameter (pipe OD)
stop_d = 21.0  # mm: stop ring inside diameter
length = 40.0  # mm: length
stop_w = 2.0  # mm: stop ring width

sleeve = cq.Workplane("XY").circle(outer_d / 2).circle(socket_d / 2).extrude(length)
stop = cq.Workplane("XY").workplane(offset=(length - stop_w) / 2).circle(socket_d / 2).circle(stop_d / 2).extrude(stop_w)
result = sleeve.union(stop)
