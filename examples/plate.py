import cadquery as cq

length, width, thickness = 60.0, 40.0, 5.0  # mm
hole_d = 5.0  # mm, through holes
inset = 8.0  # mm, hole centers from the edges
corner_r = 2.0  # mm, vertical edge fillets

result = (
    cq.Workplane("XY")
    .box(length, width, thickness)
    .edges("|Z")
    .fillet(corner_r)
    .faces(">Z")
    .workplane()
    .rect(length - 2 * inset, width - 2 * inset, forConstruction=True)
    .vertices()
    .hole(hole_d)
)
