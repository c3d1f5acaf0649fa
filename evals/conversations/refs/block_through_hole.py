# Reference: 50 x 40 x 30 mm block with a 20 mm through hole along its 30 mm height.
import cadquery as cq

result = cq.Workplane("XY").box(50, 40, 30).faces(">Z").workplane().hole(20)
