# d25-countersink-plate-edits, turn 4: 100 x 50 x 8 plate, the two left holes of the 80 x 30 pattern,
# 5.5 through with a 90 degree countersink 12 across at the top
import cadquery as cq

result = (cq.Workplane("XY").box(100, 50, 8).faces(">Z").workplane()
          .pushPoints([(-40, 15), (-40, -15)]).cskHole(5.5, 12, 90))
