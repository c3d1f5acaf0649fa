# Reference: 60 x 40 x 5 mm plate, four 5 mm through holes 8 mm in from each corner.
import cadquery as cq

result = (cq.Workplane("XY").box(60, 40, 5)
          .faces(">Z").workplane()
          .rect(60 - 16, 40 - 16, forConstruction=True).vertices().hole(5))
