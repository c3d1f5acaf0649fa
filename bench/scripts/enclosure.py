import cadquery as cq

length, width, height = 80.0, 50.0, 30.0  # mm, outside
wall = 2.0  # mm
corner_r = 4.0  # mm
boss_d, boss_hole_d = 6.0, 2.5  # mm, screw bosses
inset = 6.0  # mm, boss centers from the outside

shell = (
    cq.Workplane("XY")
    .box(length, width, height)
    .edges("|Z")
    .fillet(corner_r)
    .faces(">Z")
    .shell(-wall)
)
bosses = (
    cq.Workplane("XY")
    .workplane(offset=-height / 2 + wall)
    .rect(length - 2 * inset, width - 2 * inset, forConstruction=True)
    .vertices()
    .circle(boss_d / 2)
    .circle(boss_hole_d / 2)
    .extrude(height - 2 * wall)
)
result = shell.union(bosses)
