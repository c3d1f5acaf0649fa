"""
id: hinge-lid-tab
title: Hinge tab with pin hole
description: A small tab with a rounded end and a pin hole, to hinge a lid on a box.
family: hinges
tags: [hinge, tab, lid hinge, ear, lug, pin hole]
parameters:
  length: {default: 20.0, unit: mm, meaning: tab length to the pin}
  width: {default: 10.0, unit: mm, meaning: tab width}
  thickness: {default: 4.0, unit: mm, meaning: thickness}
  pin_d: {default: 3.0, unit: mm, meaning: pin hole}
bbox: [25, 10, 4]
"""
import cadquery as cq

length = 20.0  # mm: tab length to the pin
width = 10.0  # mm: tab width
thickness = 4.0  # mm: thickness
pin_d = 3.0  # mm: pin hole

tab = cq.Workplane("XY").box(length, width, thickness, centered=(False, False, False))
end = cq.Workplane("XY").center(length, width / 2).circle(width / 2).extrude(thickness)
result = tab.union(end).faces(">Z").workplane(centerOption="ProjectedOrigin").center(length, width / 2).hole(pin_d)
