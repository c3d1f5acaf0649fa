# d24-pocket-offset-r5, turn 1: the part the words define.
import math

import cadquery as cq


def bx(x0, y0, z0, x1, y1, z1):
    """An axis-aligned box from corner (x0, y0, z0) to (x1, y1, z1)."""
    return cq.Workplane("XY").box(x1 - x0, y1 - y0, z1 - z0, centered=False).translate((x0, y0, z0))


def blk(length, width, height):
    """A block centred on x and y, standing on z = 0."""
    return bx(-length / 2, -width / 2, 0, length / 2, width / 2, height)


def rod(d, p, axis, length):
    """A cylinder of diameter d from point p along +axis (x, y or z) for length."""
    normal = {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1)}[axis]
    xdir = (0, 1, 0) if axis == "x" else (1, 0, 0)
    return cq.Workplane(cq.Plane(origin=p, xDir=xdir, normal=normal)).circle(d / 2).extrude(length)


def holes(body, pts, d, z0, z1):
    for x, y in pts:
        body = body.cut(rod(d, (x, y, z0 - 1), "z", z1 - z0 + 2))
    return body


def csk(body, pts, d, big, angle, top):
    """Through holes (from below top) with a countersink of diameter big at z = top."""
    h = (big - d) / 2 / math.tan(math.radians(angle / 2))
    for x, y in pts:
        body = body.cut(rod(d, (x, y, -100), "z", top + 101))
        body = body.cut(cq.Solid.makeCone(d / 2, big / 2, h, cq.Vector(x, y, top - h), cq.Vector(0, 0, 1)))
    return body


def cbore(body, pts, d, big, depth, top):
    """Through holes (from below top) with a counterbore big x depth at z = top."""
    for x, y in pts:
        body = body.cut(rod(d, (x, y, -100), "z", top + 101))
        body = body.cut(rod(big, (x, y, top - depth), "z", depth + 1))
    return body


def circle_pts(n, pcd, start=0.0):
    return [(pcd / 2 * math.cos(math.radians(start + 360 * i / n)),
             pcd / 2 * math.sin(math.radians(start + 360 * i / n))) for i in range(n)]


def hexbar(af, length):
    """A hexagonal bar, across flats af, along z from 0."""
    return cq.Workplane("XY").polygon(6, af / math.cos(math.radians(30))).extrude(length)


def steps(pairs):
    """A turned part along x: (diameter, length) pairs from x = 0."""
    body, x = None, 0.0
    for d, length in pairs:
        seg = rod(d, (x, 0, 0), "x", length)
        body = seg if body is None else body.union(seg)
        x += length
    return body


def keyway(body, radius, width, depth, x0, length, rounded=False):
    """A keyway in the top (+z) of a shaft along x: floor at radius - depth from the axis."""
    floor = radius - depth
    if rounded:
        cut = (cq.Workplane("XY").workplane(offset=floor)
               .center(x0 + length / 2, 0).slot2D(length, width).extrude(depth + 5))
    else:
        cut = bx(x0, -width / 2, floor, x0 + length, width / 2, radius + 5)
    return body.cut(cut)

result = blk(120, 80, 20).cut(bx(-50, -20, 8, 10, 20, 21).edges('|Z').fillet(5))
