import cadquery as cq

width = 30.0  # mm, along Y
leg = 40.0  # mm, each leg of the L
thickness = 5.0  # mm
hole_d = 6.0  # mm
bend_r = 3.0  # mm, inner fillet

base = cq.Workplane("XY").box(leg, width, thickness).translate((leg / 2, 0, thickness / 2))
wall = cq.Workplane("XY").box(thickness, width, leg).translate((thickness / 2, 0, leg / 2))
result = (
    base.union(wall)
    .edges("|Y")
    .edges(cq.selectors.NearestToPointSelector((thickness, 0, thickness)))
    .fillet(bend_r)
    .faces("<Z")
    .workplane(centerOption="CenterOfBoundBox")
    .center(leg / 4, 0)
    .hole(hole_d)
    .faces("<X")
    .workplane(centerOption="CenterOfBoundBox")
    .center(0, leg / 4)
    .hole(hole_d)
)
