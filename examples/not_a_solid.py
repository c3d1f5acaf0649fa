import cadquery as cq

# A common mistake: the profile is drawn but never extruded.
result = cq.Workplane("XY").rect(60, 40)
