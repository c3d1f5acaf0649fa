"""
id: hinge-door-plate
title: Hinge plate with pin boss
description: A hinge plate with countersunk screw holes and a cylindrical pin boss along one edge.
family: hinges
tags: [hinge, hinge plate, pin boss, countersunk, gate hinge]
parameters:
  plate_l: {default: 60.0, unit: mm, meaning: plate length}
  width: {default: 40.0, unit: mm, meaning: plate width}
  thickness: {default: 3.0, unit: mm, meaning: plate thickness}
  boss_d: {default: 10.0, unit: mm, meaning: pin boss diameter}
  pin_d: {default: 4.0, unit: mm, meaning: pin hole}
bbox: [65, 40, 10]
"""
import cadquery as cq

plate_l = 60.0  # mm: plate length
width = 40.0  # mm: plate width
thickness = 3.0  # mm: plate thickness
boss_d = 10.0  # mm: pin boss diameter
pin_d = 4.0  # mm: pin hole

plate = cq.Workplane("XY").box(plate_l, width, thickness, centered=(False, True, False))
boss = cq.Workplane("XZ").center(0, boss_d / 2).circle(boss_d / 2).extrude(width / 2, both=True)
body = plate.union(boss)
pin = cq.Workplane("XZ").center(0, boss_d / 2).circle(pin_d / 2).extrude(width, both=True)
body = body.cut(pin)
result = body.faces(">Z[-2]").workplane(centerOption="CenterOfBoundBox").pushPoints([(10, -10), (10, 10), (25, -10), (25, 10)]).cskHole(4, 8, 90)
