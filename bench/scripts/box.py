import cadquery as cq

size = 10.0  # mm, edge of the cube

result = cq.Workplane("XY").box(size, size, size)
