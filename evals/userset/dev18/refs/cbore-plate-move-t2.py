import cadquery as cq
# 100 x 50 x 10 plate, 4 holes 6.6 thru with 12 x 6.5 deep counterbores, centres 8 from the edges (84 x 34)
result = cq.Workplane("XY").box(100, 50, 10).faces(">Z").workplane().rect(84, 34, forConstruction=True).vertices().cboreHole(6.6, 12, 6.5)
