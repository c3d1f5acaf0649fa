# d25-slot-plate-move-add, turn 4: turn 3 plus a 5 mm hole in each corner, 5 in from the edges
import cadquery as cq

plate = cq.Workplane("XY").box(100, 40, 5)
slot = cq.Workplane("XY").center(10, 0).slot2D(50, 8, 0).extrude(10, both=True)
pts = [(40, 0), (-40, 0), (45, 15), (45, -15), (-45, 15), (-45, -15)]
holes = cq.Workplane("XY").pushPoints(pts).circle(2.5).extrude(10, both=True)
result = plate.cut(slot).cut(holes)
