# Reference: rectangular tube 50 x 30 mm outside, 3 mm wall, 200 mm long.
import cadquery as cq

result = cq.Workplane("XY").rect(50, 30).rect(44, 24).extrude(200)
