# d25-slot-plate-move-add, turn 3: 100 x 40 x 5 plate, 50 x 8 slot moved 10 mm off centre, 5 mm holes 10 from each end
import cadquery as cq

plate = cq.Workplane("XY").box(100, 40, 5)
slot = cq.Workplane("XY").center(10, 0).slot2D(50, 8, 0).extrude(10, both=True)
holes = cq.Workplane("XY").pushPoints([(40, 0), (-40, 0)]).circle(2.5).extrude(10, both=True)
result = plate.cut(slot).cut(holes)
