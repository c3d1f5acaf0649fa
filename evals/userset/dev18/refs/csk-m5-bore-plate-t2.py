import cadquery as cq
# 80 x 80 x 8 plate, 35 centre bore, 4 countersunk M5 holes (5.5 thru, 10.4 x 90 deg) on a 50 mm square
result = (cq.Workplane("XY").box(80, 80, 8).faces(">Z").workplane().hole(35)
          .faces(">Z").workplane().rect(50, 50, forConstruction=True).vertices().cskHole(5.5, 10.4, 90))
