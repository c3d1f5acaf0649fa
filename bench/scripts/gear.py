import math

import cadquery as cq

module = 2.0  # mm
teeth = 20
thickness = 10.0  # mm
bore = 8.0  # mm
pressure_angle = 20.0  # degrees
flank_points = 8

r_pitch = module * teeth / 2
r_base = r_pitch * math.cos(math.radians(pressure_angle))
r_tip = r_pitch + module
r_root = r_pitch - 1.25 * module


def inv(a):
    return math.tan(a) - a


half_pitch_angle = math.pi / (2 * teeth) + inv(math.radians(pressure_angle))


def half_angle(r):
    # angular half-width of the tooth at radius r (involute flank)
    a = math.acos(min(r_base / r, 1.0))
    return half_pitch_angle - inv(a)


r_start = max(r_base, r_root)
radii = [r_start + (r_tip - r_start) * i / (flank_points - 1) for i in range(flank_points)]
pts = []
for k in range(teeth):
    c = 2 * math.pi * k / teeth
    a0 = c - half_angle(r_start)
    pts.append((r_root * math.cos(a0), r_root * math.sin(a0)))
    for r in radii:
        a = c - half_angle(r)
        pts.append((r * math.cos(a), r * math.sin(a)))
    for r in reversed(radii):
        a = c + half_angle(r)
        pts.append((r * math.cos(a), r * math.sin(a)))
    a1 = c + half_angle(r_start)
    pts.append((r_root * math.cos(a1), r_root * math.sin(a1)))

result = cq.Workplane("XY").polyline(pts).close().extrude(thickness).faces(">Z").workplane().hole(bore)
