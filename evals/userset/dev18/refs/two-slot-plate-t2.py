import cadquery as cq
# 90 x 30 x 4 plate, two slots 20 long overall x 8 wide along the length, centres 15 from the ends
result = cq.Workplane("XY").box(90, 30, 4).faces(">Z").workplane().pushPoints([(-30, 0), (30, 0)]).slot2D(20, 8).cutThruAll()
