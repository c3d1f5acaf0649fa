import cadquery as cq

# flat bar 100 x 40 x 8, two 6.6 holes with 90 deg countersinks to 13 on top, on the centerline
result = (cq.Workplane('XY').box(100, 40, 8).faces('>Z').workplane()
          .pushPoints([(-35, 0), (35, 0)]).cskHole(6.6, 13, 90))
