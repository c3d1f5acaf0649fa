"""
id: enclosure-arduino-uno
title: Arduino Uno enclosure with standoffs
description: A box for an Arduino Uno board (68.6 x 53.4 mm) with four standoffs on the Uno's mounting
  holes and openings for the USB-B and power jack.
family: enclosures
tags: [enclosure, Arduino, Arduino Uno, case, box, standoffs, microcontroller, electronics]
parameters:
  wall: {default: 2.0, unit: mm, meaning: wall thickness}
  height: {default: 25.0, unit: mm, meaning: outside height}
  gap: {default: 1.7, unit: mm, meaning: clearance around the board}
  standoff_h: {default: 4.0, unit: mm, meaning: standoff height above the floor}
bbox: [76, 60.8, 25]
"""
import cadquery as cq

wall = 2.0  # mm: wall thickness
height = 25.0  # mm: outside height
gap = 1.7  # mm: clearance around the board
standoff_h = 4.0  # mm: standoff height above the floor

board_x, board_y = 68.6, 53.4
length, width = board_x + 2 * (gap + wall), board_y + 2 * (gap + wall)
box = cq.Workplane("XY").box(length, width, height, centered=(False, False, False)).faces(">Z").shell(-wall)
ox, oy = wall + gap, wall + gap
holes = [(14.0, 2.5), (15.3, 50.7), (66.1, 7.6), (66.1, 35.5)]
standoffs = (
    cq.Workplane("XY")
    .workplane(offset=wall)
    .pushPoints([(ox + x, oy + y) for x, y in holes])
    .circle(3.0)
    .circle(1.4)
    .extrude(standoff_h)
)
usb = cq.Workplane("YZ").center(oy + 38.1, wall + standoff_h + 6).rect(12.5, 11).extrude(wall)
power = cq.Workplane("YZ").center(oy + 7.6, wall + standoff_h + 6).rect(9.5, 11).extrude(wall)
result = box.union(standoffs).cut(usb).cut(power)
