# Reference: flat washer 16 mm outside, 8.4 mm bore, 1.6 mm thick (M8, ISO 7089).
import cadquery as cq

result = cq.Workplane("XY").circle(8).circle(4.2).extrude(1.6)
