# Reference: round rod 20 mm diameter, 100 mm long.
import cadquery as cq

result = cq.Workplane("XY").circle(10).extrude(100)
