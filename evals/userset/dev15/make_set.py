"""Writes the dev15 conversations (the *.yaml files beside this one): `python make_set.py [id part ...]`.

Every bbox and volume is a closed form below, and every closed form is checked against a solid built
with CadQuery (the nominal reading, plus the extreme readings of standard sizes such as 'M4 clearance',
which must all fall inside the volume tolerance). Exit 1 on any disagreement."""
import math
import sys
from pathlib import Path

import cadquery as cq
import yaml

PI = math.pi
IN = 25.4
OUT = Path(__file__).resolve().parent


# ---------- CadQuery builders (checks only) ----------
def box(x, y, z):
    return cq.Workplane("XY").box(x, y, z, centered=(True, True, False))


def cyl(d, h):
    return cq.Workplane("XY").circle(d / 2).extrude(h)


def holes_z(wp, pts, d, depth=None):
    """cylindrical holes cut down from far above along Z at pts (through unless depth: from the top)."""
    bb = wp.val().BoundingBox()
    for (x, y) in pts:
        if depth is None:
            c = cq.Workplane("XY").workplane(offset=bb.zmin - 1).center(x, y).circle(d / 2).extrude(bb.zlen + 2)
        else:
            c = cq.Workplane("XY").workplane(offset=bb.zmax - depth).center(x, y).circle(d / 2).extrude(depth + 1)
        wp = wp.cut(c)
    return wp


def corners(a, b, inset):
    return [(sx * (a / 2 - inset), sy * (b / 2 - inset)) for sx in (-1, 1) for sy in (-1, 1)]


def circle_pts(n, pcd, start=0.0):
    return [(pcd / 2 * math.cos(start + 2 * PI * i / n), pcd / 2 * math.sin(start + 2 * PI * i / n)) for i in range(n)]


def grid(nx, ny, px, py):
    return [((i - (nx - 1) / 2) * px, (j - (ny - 1) / 2) * py) for i in range(nx) for j in range(ny)]


def slot_plate(a, b, t, slot_len, slot_w, hole_d, inset):
    p = box(a, b, t)
    s = cq.Workplane("XY").workplane(offset=-1).slot2D(slot_len, slot_w).extrude(t + 2)
    return holes_z(p.cut(s), corners(a, b, inset), hole_d)


def flange(od, t, hub_d, hub_h, bore, n, hd, pcd):
    f = cyl(od, t)
    if hub_d:
        f = f.union(cq.Workplane("XY").workplane(offset=t).circle(hub_d / 2).extrude(hub_h))
    if bore:
        f = holes_z(f, [(0, 0)], bore)
    return holes_z(f, circle_pts(n, pcd, PI / n / 2 if n else 0), hd)


def l_bracket(leg1, leg2, w, t, hole_d=None, holes_per_leg=0):
    """legs measured outside; leg1 along X (base), leg2 along Z (upright)."""
    base = cq.Workplane("XY").box(leg1, w, t, centered=False)
    up = cq.Workplane("XY").box(t, w, leg2, centered=False)
    b = base.union(up)
    if hole_d:
        for k in range(holes_per_leg):
            y = w * (k + 1) / (holes_per_leg + 1)
            x = t + (leg1 - t) / 2
            b = b.cut(cq.Workplane("XY").workplane(offset=-1).center(x, y).circle(hole_d / 2).extrude(t + 2))
            z = t + (leg2 - t) / 2
            b = b.cut(cq.Workplane("YZ").workplane(offset=-1).center(y, z).circle(hole_d / 2).extrude(t + 2))
    return b


def csk_plate(a, b, t, pts, d, head, angle):
    p = box(a, b, t)
    return p.faces(">Z").workplane(origin=(0, 0, t)).pushPoints(pts).cskHole(d, head, angle)


def cbore_block(a, b, c, d, cb_d, cb_depth):
    return box(a, b, c).faces(">Z").workplane(origin=(0, 0, c)).cboreHole(d, cb_d, cb_depth)


def shell_box(a, b, c, wall, floor):
    return box(a, b, c).cut(cq.Workplane("XY").workplane(offset=floor).rect(a - 2 * wall, b - 2 * wall).extrude(c))


def keyway_shaft(d, L, kw, kd, klen, alt=False):
    s = cq.Workplane("YZ").circle(d / 2).extrude(L)
    top = d / 2 - kd
    if alt:  # depth measured at the keyway's side walls
        top = math.sqrt((d / 2) ** 2 - (kw / 2) ** 2) - kd
    k = cq.Workplane("XY").box(klen + 1, kw, d, centered=(False, True, False)).translate((-1, 0, top))
    return s.cut(k)


# ---------- closed forms ----------
def v_cyl(d, h):
    return PI / 4 * d * d * h


def v_holes(n, d, t):
    return n * v_cyl(d, t)


def v_slot(L, w, t):
    return ((L - w) * w + PI * w * w / 4) * t


def v_round_box(a, b, c, r):
    A, B, C = a - 2 * r, b - 2 * r, c - 2 * r
    return A * B * C + 2 * r * (A * B + B * C + A * C) + PI * r * r * (A + B + C) + 4 / 3 * PI * r ** 3


def v_chamfer_all(a, b, c, k):
    return a * b * c - 2 * k * k * (a + b + c) + 6 * k ** 3


def v_chamfer_top(a, b, c, k):
    return a * b * c - k * k * (a + b) + 4 * k ** 3 / 3


def v_csk(d, head, angle, t):
    """a countersunk hole: cylinder d through t, plus the cone frustum from head down to d."""
    h = (head - d) / 2 / math.tan(math.radians(angle / 2))
    frustum = PI * h / 3 * ((head / 2) ** 2 + head / 2 * d / 2 + (d / 2) ** 2)
    return v_cyl(d, t - h) + frustum


def seg_area(r, half_w, z0):
    """area of the circle x^2+z^2<r^2 with |x|<half_w and z>z0 (chord half-width >= half_w)."""
    def f(y):
        return y / 2 * math.sqrt(r * r - y * y) + r * r / 2 * math.asin(y / r)
    return f(half_w) - f(-half_w) - 2 * half_w * z0


def gear_profile(m, z, pa=20.0, ded=1.25, n=60):
    """outline points of a standard spur gear (involute flanks from the base circle, radial below it, tip
    radius m(z/2 + 1), root radius m(z/2 - ded), tooth thickness pi*m/2 on the pitch circle, no fillets)."""
    r, alpha = m * z / 2, math.radians(pa)
    rb, ra, rf = r * math.cos(alpha), r + m, r - ded * m

    def inv(a):
        return math.tan(a) - a

    half = math.pi / (2 * z) + inv(alpha)          # polar angle of the flank at the base circle
    radii = [max(rb, rf) + (ra - max(rb, rf)) * i / n for i in range(n + 1)]
    flank = [(rr, half - inv(math.acos(min(1.0, rb / rr)))) for rr in radii]   # + side, base -> tip
    tip = flank[-1][1]
    tooth = [(rf, -flank[0][1])] + [(rr, -t) for rr, t in flank]
    tooth += [(ra, -tip + 2 * tip * i / 8) for i in range(1, 8)]
    tooth += [(rr, t) for rr, t in reversed(flank)] + [(rf, flank[0][1])]
    gap = 2 * math.pi / z - 2 * flank[0][1]
    tooth += [(rf, flank[0][1] + gap * i / 8) for i in range(1, 8)]
    return [(rr * math.cos(t + 2 * math.pi * k / z), rr * math.sin(t + 2 * math.pi * k / z))
            for k in range(z) for rr, t in tooth]


def polygon_area(pts):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))) / 2


def v_gear(m, z, t, bore, **kw):
    return polygon_area(gear_profile(m, z, **kw)) * t - v_cyl(bore, t)


def gear(m, z, t, bore, **kw):
    g = cq.Workplane("XY").polyline(gear_profile(m, z, **kw)).close().extrude(t)
    return holes_z(g, [(0, 0)], bore)


CONVS = []


def conv(cid, category, description, *turns):
    CONVS.append({"id": f"d15-{cid}", "category": category, "description": description, "turns": list(turns)})


def T(user, intent="new_design", bbox=None, volume=None, build=None, alts=(), vol_tol=None, ok=True, solids=1,
      cq_bbox_tol=0.01):
    """one turn: closed-form bbox/volume, the CadQuery build that must agree, alternates that must fit."""
    return {"user": user, "intent": intent, "bbox": bbox, "volume": volume, "build": build, "alts": list(alts),
            "vol_tol": vol_tol, "ok": ok, "solids": solids, "cq_bbox_tol": cq_bbox_tol}


def D(user):  # a turn that should be declined
    return T(user, intent=None, ok=False, solids=None)



# ================= primitives (7) =================
conv("prim-cube-terse", "primitives", "Terse cube.",
     T("30mm cube pls", bbox=[30, 30, 30], volume=30 ** 3, build=lambda: box(30, 30, 30)))

conv("prim-cylinder-radius", "primitives", "Chatty forum request; size given by radius and total height.",
     T("Hi all, I need a plain solid cylinder as a test piece for my printer. Radius 12.5 mm, total height 40 mm. "
       "Nothing fancy, thanks!",
       bbox=[25, 25, 40], volume=v_cyl(25, 40), build=lambda: cyl(25, 40)))

conv("prim-tube-drawing", "primitives", "Student copying a drawing's callouts.",
     T("Tube. OD 40, ID 20, L 60. All dims mm.",
       bbox=[40, 40, 60], volume=v_cyl(40, 60) - v_cyl(20, 60),
       build=lambda: holes_z(cyl(40, 60), [(0, 0)], 20)))

conv("prim-washer-inch", "primitives", "Washer in inch fractions, named by the bolt it is for.",
     T('flat washer for a 1/4-20 bolt please: 5/8" outside dia, 9/32" hole, 1/16" thick',
       bbox=[5 / 8 * IN, 5 / 8 * IN, IN / 16],
       volume=v_cyl(5 / 8 * IN, IN / 16) - v_cyl(9 / 32 * IN, IN / 16),
       build=lambda: holes_z(cyl(5 / 8 * IN, IN / 16), [(0, 0)], 9 / 32 * IN)))

conv("prim-sphere-knob", "primitives", "Hobbyist, inches with a mixed fraction, context about the use.",
     T("could someone model me a plain ball, 1-1/2 in diameter? it's going on the end of the lever on my lathe "
       "tailstock, I'll drill and tap it myself afterwards so no hole needed",
       bbox=[1.5 * IN] * 3, volume=4 / 3 * PI * (0.75 * IN) ** 3,
       build=lambda: cq.Workplane("XY").sphere(0.75 * IN)))

conv("prim-hex-bar", "primitives", "Hex bar blank sized across flats.",
     T("hex bar blank 19mm across flats x 50 long",
       bbox=[19, 19 * 2 / math.sqrt(3), 50], volume=math.sqrt(3) / 2 * 19 ** 2 * 50,
       build=lambda: cq.Workplane("XY").polygon(6, 19 * 2 / math.sqrt(3)).extrude(50)))

conv("prim-cone-point", "primitives", "A pointed cone with a Ø base.",
     T("A cone, please - base Ø50, 60 mm tall, coming to a sharp point.",
       bbox=[50, 50, 60], volume=PI / 3 * 25 ** 2 * 60,
       build=lambda: cq.Workplane("XY").add(cq.Solid.makeCone(25, 0, 60))))

# ================= plates (5) =================
def _driver(d):
    return holes_z(box(100, 60, 4), corners(100, 60, 5), d)


conv("plate-driver-m4-corners", "plates", "Maker's mounting plate; M4 clearance holes inset from the corners.",
     T("Making a mounting plate for a stepper driver board. 100 x 60, 4 mm thick aluminium, with an M4 clearance "
       "hole in each corner, centres 5 mm in from both edges.",
       bbox=[100, 60, 4], volume=100 * 60 * 4 - v_holes(4, 4.5, 4),
       build=lambda: _driver(4.5), alts=[lambda: _driver(4.3), lambda: _driver(4.8)]))

conv("plate-grid-nine", "plates", "Number words for a 3 x 3 grid; typo 'thikc'.",
     T("plate 90 by 90, 6 thikc, nine 6mm holes three by three 30 mm apart, pattern centred on the plate",
       bbox=[90, 90, 6], volume=90 * 90 * 6 - v_holes(9, 6, 6),
       build=lambda: holes_z(box(90, 90, 6), grid(3, 3, 30, 30), 6)))

conv("plate-row-acrylic", "plates", "Print/laser service order: a row of holes along the centreline.",
     T("Order for the laser service: strip of 3 mm acrylic, 200 mm x 25 mm, with a row of 5 holes, Ø4, "
       "spaced 40 mm apart along the centreline.",
       bbox=[200, 25, 3], volume=200 * 25 * 3 - v_holes(5, 4, 3),
       build=lambda: holes_z(box(200, 25, 3), grid(5, 1, 40, 0), 4)))

conv("plate-round-pcd", "plates", "Round plate, centre hole and a bolt circle, drawing shorthand.",
     T("Round plate Ø120, 8 thick. Centre hole Ø30, and 6x Ø9 holes equally spaced on a 90 PCD.",
       bbox=[120, 120, 8], volume=v_cyl(120, 8) - v_cyl(30, 8) - v_holes(6, 9, 8),
       build=lambda: holes_z(holes_z(cyl(120, 8), [(0, 0)], 30), circle_pts(6, 90), 9)))

conv("plate-inch-corner-holes", "plates", "American shop: inch plate with corner holes.",
     T('I need a 4" x 6" plate, 1/4" thick, with a 1/4" hole 1/2" in from each corner (both ways).',
       bbox=[4 * IN, 6 * IN, IN / 4], volume=(4 * IN) * (6 * IN) * (IN / 4) - v_holes(4, IN / 4, IN / 4),
       build=lambda: holes_z(box(4 * IN, 6 * IN, IN / 4), corners(4 * IN, 6 * IN, IN / 2), IN / 4)))

# ================= holes (5) =================
conv("holes-cbore-m6", "holes", "Counterbore for an M6 cap screw with every size given.",
     T("Block 60x40x20 mm, one counterbored hole in the middle of the top for an M6 cap screw: 6.6 thru, "
       "c'bore Ø11 x 6.5 deep.",
       bbox=[60, 40, 20], volume=60 * 40 * 20 - v_cyl(6.6, 20) - (v_cyl(11, 6.5) - v_cyl(6.6, 6.5)),
       build=lambda: cbore_block(60, 40, 20, 6.6, 11, 6.5)))

_csk_pts = [(-IN, 0), (IN, 0)]
conv("holes-csk-no8-inch", "holes", "Countersinks sized by a #8 flat-head screw, inch plate.",
     T("Need a 3 x 2 inch plate, 5/16 thick, with two countersunk holes for #8 flat head screws, on the long "
       "centreline, 2 inches apart.",
       bbox=[3 * IN, 2 * IN, 5 / 16 * IN],
       volume=(3 * IN) * (2 * IN) * (5 / 16 * IN) - 2 * v_csk(0.18 * IN, 0.32 * IN, 82, 5 / 16 * IN),
       build=lambda: csk_plate(3 * IN, 2 * IN, 5 / 16 * IN, _csk_pts, 0.18 * IN, 0.32 * IN, 82),
       alts=[lambda: csk_plate(3 * IN, 2 * IN, 5 / 16 * IN, _csk_pts, 0.164 * IN, 0.30 * IN, 82),
             lambda: csk_plate(3 * IN, 2 * IN, 5 / 16 * IN, _csk_pts, 0.199 * IN, 0.34 * IN, 82),
             lambda: csk_plate(3 * IN, 2 * IN, 5 / 16 * IN, _csk_pts, 0.177 * IN, 0.33 * IN, 90)]))

conv("holes-blind-rod-puck", "holes", "Blind flat-bottom hole sized by the rod it must take.",
     T("Base for a little desk flag: a Ø50 puck, 25 mm high, with a blind hole in the middle of the top for an "
       "8 mm rod, 15 mm deep, flat bottom.",
       bbox=[50, 50, 25], volume=v_cyl(50, 25) - v_cyl(8.2, 15),
       build=lambda: holes_z(cyl(50, 25), [(0, 0)], 8.2, depth=15),
       alts=[lambda: holes_z(cyl(50, 25), [(0, 0)], 8.0, depth=15),
             lambda: holes_z(cyl(50, 25), [(0, 0)], 8.5, depth=15)]))

conv("holes-tapped-m5-square", "holes", "Tapped M5 holes on a square pattern (modelled at tap drill or nominal).",
     T("40 x 40 x 15 block with four M5 tapped holes all the way through on a 28 mm square pattern",
       bbox=[40, 40, 15], volume=40 * 40 * 15 - v_holes(4, 4.6, 15),
       build=lambda: holes_z(box(40, 40, 15), corners(40, 40, 6), 4.6),
       alts=[lambda: holes_z(box(40, 40, 15), corners(40, 40, 6), 4.2),
             lambda: holes_z(box(40, 40, 15), corners(40, 40, 6), 5.0)]))

conv("holes-decline-too-big", "holes", "A hole wider than the block: cannot exist, should be declined.",
     D("25 x 25 x 10 mm block with a 30 mm hole through the middle of the 25x25 face"))

# ================= brackets (5) =================
conv("bracket-l-shelf", "brackets", "L bracket with two holes in each leg, sizes after the features.",
     T("L bracket to hold up a small shelf: two 5 mm screw holes in each leg. Both legs 50 mm long (outside), "
       "30 mm wide, 4 mm thick.",
       bbox=[50, 50, 30], volume=(50 * 4 + 46 * 4) * 30 - v_holes(4, 5, 4),
       build=lambda: l_bracket(50, 50, 30, 4, 5, 2)))

conv("bracket-angle-inch", "brackets", "Angle-stock description in inches, one hole per flange.",
     T("angle bracket cut from 2 x 2 x 1/8 inch angle, 3 in long, with a 1/4 inch hole in the middle of each flange",
       bbox=[2 * IN, 2 * IN, 3 * IN],
       volume=(2 * IN * IN / 8 + (2 * IN - IN / 8) * IN / 8) * 3 * IN - v_holes(2, IN / 4, IN / 8),
       build=lambda: l_bracket(2 * IN, 2 * IN, 3 * IN, IN / 8, IN / 4, 1)))

conv("bracket-u-channel", "brackets", "U channel with a uniform wall.",
     T("U channel, 60 wide outside, 40 tall, 3 mm wall all round, 100 long. Open at the top obviously",
       bbox=[60, 40, 100], volume=(60 * 40 - 54 * 37) * 100,
       build=lambda: shell_box(60, 100, 40, 3, 3).cut(box(54, 200, 40).translate((0, 0, 3)))))

conv("bracket-t-rib", "brackets", "T bracket: base plate with a centred rib, given by total height.",
     T("T-bracket: base plate 80 long x 30 wide x 5 thick, with a 5 mm thick rib standing up along the full "
       "80 mm down the middle, total height 45.",
       bbox=[80, 30, 45], volume=80 * 30 * 5 + 80 * 5 * 40,
       build=lambda: box(80, 30, 5).union(box(80, 5, 45))))

conv("bracket-decline-vague", "brackets", "No shape or size given: should be declined (asked for details).",
     D("just make me a bracket, you know, the usual kind"))

# ================= shafts (4) =================
conv("shaft-dowel", "shafts", "Plain rod.",
     T("8mm rod 150mm long, basically a dowel pin", bbox=[8, 8, 150], volume=v_cyl(8, 150),
       build=lambda: cyl(8, 150)))

conv("shaft-stepped-drawing", "shafts", "Student reading a drawing: three steps on one axis.",
     T("Stepped shaft (from drawing, dims mm unless noted): Ø20 x 40 long, then Ø15 x 30, then Ø10 x 25. One axis.",
       bbox=[20, 20, 95], volume=v_cyl(20, 40) + v_cyl(15, 30) + v_cyl(10, 25),
       build=lambda: cyl(20, 40).union(cyl(15, 30).translate((0, 0, 40))).union(cyl(10, 25).translate((0, 0, 70)))))

conv("shaft-hollow-inch", "shafts", "Hollow shaft by OD and wall, inches.",
     T("hollow shaft 1 inch OD, 1/8 in wall, 12 in long",
       bbox=[IN, IN, 12 * IN], volume=v_cyl(IN, 12 * IN) - v_cyl(0.75 * IN, 12 * IN),
       build=lambda: holes_z(cyl(IN, 12 * IN), [(0, 0)], 0.75 * IN)))

conv("shaft-keyway-open", "shafts", "Keyway open at one end, depth from the top of the shaft.",
     T("Ø25 shaft, 120 long, with an 8 wide x 4 deep keyway running 40 mm in from one end",
       bbox=[25, 25, 120], volume=v_cyl(25, 120) - 40 * seg_area(12.5, 4, 8.5),
       build=lambda: keyway_shaft(25, 120, 8, 4, 40), alts=[lambda: keyway_shaft(25, 120, 8, 4, 40, alt=True)]))

# ================= flanges (4) =================
conv("flange-hub-pcd", "flanges", "Flange with hub, bore and bolt circle; total height stated.",
     T("Flange: Ø100 x 12 disc with a Ø50 hub sticking up 25 (total height 37), Ø25 bore right through, "
       "4 x Ø11 holes on 75 PCD.",
       bbox=[100, 100, 37], volume=v_cyl(100, 12) + v_cyl(50, 25) - v_cyl(25, 37) - v_holes(4, 11, 12),
       build=lambda: flange(100, 12, 50, 25, 25, 4, 11, 75)))

conv("flange-blind", "flanges", "Blind flange (no bore), eight bolt holes.",
     T("blind flange - no centre hole - 150 OD, 16 thick, eight 18 mm bolt holes equally spaced on a 120 bolt circle",
       bbox=[150, 150, 16], volume=v_cyl(150, 16) - v_holes(8, 18, 16),
       build=lambda: flange(150, 16, 0, 0, 0, 8, 18, 120)))


def _sqflange(d):
    return holes_z(holes_z(box(80, 80, 10), [(0, 0)], 40), corners(80, 80, 10), d)


conv("flange-square-m8", "flanges", "Square flange with M8 clearance holes on a square pattern.",
     T("square flange 80 x 80 x 10 with a 40 mm bore in the center and 4 M8 clearance holes on a 60 mm square pattern",
       bbox=[80, 80, 10], volume=80 * 80 * 10 - v_cyl(40, 10) - v_holes(4, 9, 10),
       build=lambda: _sqflange(9), alts=[lambda: _sqflange(8.4), lambda: _sqflange(10)]))

conv("flange-inch-hub", "flanges", "Inch pipe flange with a raised hub and bolt circle.",
     T('pipe flange, 4.5" OD x 1/2" thick, hub 2-1/2" dia standing 1" proud of the face, 1-1/2" bore through, '
       'four 5/8" bolt holes on a 3-1/2" bolt circle',
       bbox=[4.5 * IN, 4.5 * IN, 1.5 * IN],
       volume=v_cyl(4.5 * IN, IN / 2) + v_cyl(2.5 * IN, IN) - v_cyl(1.5 * IN, 1.5 * IN) - v_holes(4, 5 / 8 * IN, IN / 2),
       build=lambda: flange(4.5 * IN, IN / 2, 2.5 * IN, IN, 1.5 * IN, 4, 5 / 8 * IN, 3.5 * IN)))

# ================= gears (3): 20° full-depth involute; volume within 5% (fillets, backlash, form) =================
def _gear_turn(user, m, z, t, bore):
    # a gear's box spans the tip diameter only where a tooth tip lies on an axis (30 teeth: 0.16 mm less)
    return T(user, bbox=[m * (z + 2), m * (z + 2), t], volume=v_gear(m, z, t, bore), vol_tol=0.05, cq_bbox_tol=0.2,
             build=lambda: gear(m, z, t, bore),
             alts=[lambda: gear(m, z, t, bore, ded=1.157), lambda: gear(m, z, t, bore, ded=1.4)])


conv("gear-m2-bore", "gears", "Module, teeth, thickness, bore.",
     _gear_turn("spur gear, module 2, 20 teeth, 10 thick, 8mm bore", 2, 20, 10, 8))

conv("gear-printer-shaft", "gears", "Chatty maker: gear to fit a 5 mm motor shaft.",
     _gear_turn("hey, could you model a gear for my 3d printer extruder project? 30 teeth, mod 1.5, face width 8 mm, "
                "needs to fit a 5 mm motor shaft", 1.5, 30, 8, 5))

conv("gear-pitch-dia", "gears", "Gear given by pitch diameter and tooth count (module 2.5 implied).",
     _gear_turn("spur gear w/ pitch dia 60 mm & 24 teeth, 12 mm thick, 10mm bore", 2.5, 24, 12, 10))

# ================= shells (4) =================
conv("shell-screw-tray-cm", "shells", "Open-top tray sized in cm with walls in mm.",
     T("open top box 8 x 6 x 4 cm outside, 2mm walls and 2mm floor, it's a tray for screws",
       bbox=[80, 60, 40], volume=80 * 60 * 40 - 76 * 56 * 38, build=lambda: shell_box(80, 60, 40, 2, 2)))

conv("shell-cup", "shells", "Cup with different wall and bottom thickness.",
     T("A cup: Ø70 outside, 90 total height, 3 mm wall, 4 mm thick bottom.",
       bbox=[70, 70, 90], volume=v_cyl(70, 90) - v_cyl(64, 86),
       build=lambda: cyl(70, 90).cut(cyl(64, 90).translate((0, 0, 4)))))

conv("shell-sealed-cube", "shells", "Closed hollow cube: one solid with an internal void.",
     T("50 mm cube, hollow inside but fully sealed, 3 mm wall everywhere",
       bbox=[50, 50, 50], volume=50 ** 3 - 44 ** 3, build=lambda: box(50, 50, 50).cut(box(44, 44, 44).translate((0, 0, 3)))))

conv("shell-decline-walls", "shells", "Walls thicker than half the width: cannot exist, should be declined.",
     D("open-top box 40 x 40 x 30 outside with 22 mm thick walls"))

# ================= edges (4) =================
conv("edges-all-round", "edges", "Every edge filleted.",
     T("block 60 x 40 x 20 with every edge rounded off, r3",
       bbox=[60, 40, 20], volume=v_round_box(60, 40, 20, 3), build=lambda: box(60, 40, 20).edges().fillet(3)))

conv("edges-top-chamfer", "edges", "Chamfer on the top edges only.",
     T("40mm cube with a 2 mm chamfer round the top edges only",
       bbox=[40, 40, 40], volume=v_chamfer_top(40, 40, 40, 2), build=lambda: box(40, 40, 40).edges(">Z").chamfer(2)))

conv("edges-vertical-fillet", "edges", "Rounded corners = the vertical edges.",
     T("100 x 50 x 10 plate, round the four corners (the vertical edges) with an 8 mm radius",
       bbox=[100, 50, 10], volume=(100 * 50 - 4 * (1 - PI / 4) * 64) * 10,
       build=lambda: box(100, 50, 10).edges("|Z").fillet(8)))

conv("edges-inch-break", "edges", "Machinist's 'break all edges' in inches.",
     T('2 x 1 x 1/2 inch bar, break all the edges with a 1/16" chamfer',
       bbox=[2 * IN, IN, IN / 2], volume=v_chamfer_all(2 * IN, IN, IN / 2, IN / 16),
       build=lambda: box(2 * IN, IN, IN / 2).edges().chamfer(IN / 16)))

# ================= edit conversations (10) =================
def _sp(hd, sl):
    return slot_plate(120, 80, 8, sl, 10, hd, 10)


def _spv(hd, sl):
    return 120 * 80 * 8 - v_slot(sl, 10, 8) - v_holes(4, hd, 8)


conv("edit-plate-slot-holes", "edits", "Plate with a slot and corner holes; resize holes, lengthen slot, undo.",
     T("Plate 120 x 80 x 8 mm with a 40 x 10 slot (round ends) through the middle, and four 6 mm holes 10 mm in "
       "from the corners.", bbox=[120, 80, 8], volume=_spv(6, 40), build=lambda: _sp(6, 40)),
     T("make those holes 8 mm", "modify", bbox=[120, 80, 8], volume=_spv(8, 40), build=lambda: _sp(8, 40)),
     T("slot 60 long now", "modify", bbox=[120, 80, 8], volume=_spv(8, 60), build=lambda: _sp(8, 60)),
     T("undo", "undo", bbox=[120, 80, 8], volume=_spv(8, 40), build=lambda: _sp(8, 40)))


def _sb(d, ch):
    b = box(50, 30, 30)
    if ch:
        b = b.edges(">Z").chamfer(ch)
    return b.cut(cq.Workplane("YZ").workplane(offset=-30).center(0, 15).circle(d / 2).extrude(60))


conv("edit-block-side-bore", "edits", "Block with a bore along its length; chamfer the top, open the bore 'a bit'.",
     T("block 50 long, 30 wide, 30 tall with a 12 mm hole straight through it along the 50 mm length, centred",
       bbox=[50, 30, 30], volume=50 * 30 * 30 - v_cyl(12, 50), build=lambda: _sb(12, 0)),
     T("add a 2mm chamfer on the top edges", "modify", bbox=[50, 30, 30],
       volume=v_chamfer_top(50, 30, 30, 2) - v_cyl(12, 50), build=lambda: _sb(12, 2)),
     T("open that hole up a bit, to 16", "modify", bbox=[50, 30, 30],
       volume=v_chamfer_top(50, 30, 30, 2) - v_cyl(16, 50), build=lambda: _sb(16, 2)))


def _fv(n, hd):
    return v_cyl(90, 10) + v_cyl(40, 20) - v_cyl(20, 30) - v_holes(n, hd, 10)


conv("edit-flange-count", "edits", "Flange: more holes, bigger holes on a new bolt circle, back to the first version.",
     T("flange Ø90, 10 thick, hub Ø40 x 20 tall on top, 20 bore thru, 4 holes Ø9 on a 66 PCD",
       bbox=[90, 90, 30], volume=_fv(4, 9), build=lambda: flange(90, 10, 40, 20, 20, 4, 9, 66)),
     T("6 holes instead of 4", "modify", bbox=[90, 90, 30], volume=_fv(6, 9),
       build=lambda: flange(90, 10, 40, 20, 20, 6, 9, 66)),
     T("make the bolt holes 11 mm and put them on a 70 bolt circle", "modify", bbox=[90, 90, 30], volume=_fv(6, 11),
       build=lambda: flange(90, 10, 40, 20, 20, 6, 11, 70)),
     T("hmm no, go back to the first one", "undo", bbox=[90, 90, 30], volume=_fv(4, 9),
       build=lambda: flange(90, 10, 40, 20, 20, 4, 9, 66)))

conv("edit-cylinder-inches", "edits", "Inch cylinder: twice as tall, diameter in mm, then bored into a tube.",
     T('cylinder 2" dia, 3" tall', bbox=[2 * IN, 2 * IN, 3 * IN], volume=v_cyl(2 * IN, 3 * IN),
       build=lambda: cyl(2 * IN, 3 * IN)),
     T("make it twice as tall", "modify", bbox=[2 * IN, 2 * IN, 6 * IN], volume=v_cyl(2 * IN, 6 * IN),
       build=lambda: cyl(2 * IN, 6 * IN)),
     T("diameter 60mm please", "modify", bbox=[60, 60, 6 * IN], volume=v_cyl(60, 6 * IN), build=lambda: cyl(60, 6 * IN)),
     T("now bore a 40 mm hole down the middle of it, all the way through", "modify", bbox=[60, 60, 6 * IN],
       volume=v_cyl(60, 6 * IN) - v_cyl(40, 6 * IN), build=lambda: holes_z(cyl(60, 6 * IN), [(0, 0)], 40)))

conv("edit-box-shell", "edits", "Box, shelled open-top, thicker shell, undo.",
     T("box 100 x 60 x 50", bbox=[100, 60, 50], volume=100 * 60 * 50, build=lambda: box(100, 60, 50)),
     T("hollow it out, 3 mm walls, leave the top open", "modify", bbox=[100, 60, 50],
       volume=100 * 60 * 50 - 94 * 54 * 47, build=lambda: shell_box(100, 60, 50, 3, 3)),
     T("make the walls 4 mm instead, floor too", "modify", bbox=[100, 60, 50], volume=100 * 60 * 50 - 92 * 52 * 46,
       build=lambda: shell_box(100, 60, 50, 4, 4)),
     T("undo", "undo", bbox=[100, 60, 50], volume=100 * 60 * 50 - 94 * 54 * 47, build=lambda: shell_box(100, 60, 50, 3, 3)))


def _lbv(w, t, hd):
    return (60 * t + (40 - t) * t) * w - v_holes(2, hd, t)


conv("edit-bracket-legs", "edits", "L bracket with a hole per leg: wider, thicker, holes to M5 clearance.",
     T("L bracket, legs 60 and 40 mm (outside), 25 wide, 5 thick, one 6 mm hole in each leg",
       bbox=[60, 40, 25], volume=_lbv(25, 5, 6), build=lambda: l_bracket(60, 40, 25, 5, 6, 1)),
     T("make it 40 wide", "modify", bbox=[60, 40, 40], volume=_lbv(40, 5, 6), build=lambda: l_bracket(60, 40, 40, 5, 6, 1)),
     T("and 6 mm thick", "modify", bbox=[60, 40, 40], volume=_lbv(40, 6, 6), build=lambda: l_bracket(60, 40, 40, 6, 6, 1)),
     T("make those holes M5 clearance", "modify", bbox=[60, 40, 40], volume=_lbv(40, 6, 5.5),
       build=lambda: l_bracket(60, 40, 40, 6, 5.5, 1),
       alts=[lambda: l_bracket(60, 40, 40, 6, 5.3, 1), lambda: l_bracket(60, 40, 40, 6, 5.8, 1)]))

conv("edit-fillet-swap", "edits", "Vertical-edge fillets swapped to chamfers, removed, then 25% longer.",
     T("block 80 x 50 x 25, 5 mm fillets on the vertical edges", bbox=[80, 50, 25],
       volume=(80 * 50 - 4 * (1 - PI / 4) * 25) * 25, build=lambda: box(80, 50, 25).edges("|Z").fillet(5)),
     T("swap those fillets for 3 mm chamfers", "modify", bbox=[80, 50, 25], volume=(80 * 50 - 4 * 4.5) * 25,
       build=lambda: box(80, 50, 25).edges("|Z").chamfer(3)),
     T("take the chamfers off", "modify", bbox=[80, 50, 25], volume=80 * 50 * 25, build=lambda: box(80, 50, 25)),
     T("make it 25% longer", "modify", bbox=[100, 50, 25], volume=100 * 50 * 25, build=lambda: box(100, 50, 25)))

conv("edit-start-over", "edits", "Washer edited, then a new part from scratch and an edit of that one.",
     T("washer, 30 OD, 13 ID, 2.5 thick", bbox=[30, 30, 2.5], volume=v_cyl(30, 2.5) - v_cyl(13, 2.5),
       build=lambda: holes_z(cyl(30, 2.5), [(0, 0)], 13)),
     T("make it 3 thick", "modify", bbox=[30, 30, 3], volume=v_cyl(30, 3) - v_cyl(13, 3),
       build=lambda: holes_z(cyl(30, 3), [(0, 0)], 13)),
     T("scrap that. new part: 40mm cube with a 20mm hole through it top to bottom", "new_design", bbox=[40, 40, 40],
       volume=40 ** 3 - v_cyl(20, 40), build=lambda: holes_z(box(40, 40, 40), [(0, 0)], 20)),
     T("hole 25 mm", "modify", bbox=[40, 40, 40], volume=40 ** 3 - v_cyl(25, 40),
       build=lambda: holes_z(box(40, 40, 40), [(0, 0)], 25)))

conv("edit-grid-count", "edits", "Hole grid: more columns, bigger holes, inch thickness.",
     T("plate 150 x 100 x 5 with 5 mm holes in a 4 x 3 grid, 30 mm pitch, centred", bbox=[150, 100, 5],
       volume=150 * 100 * 5 - v_holes(12, 5, 5), build=lambda: holes_z(box(150, 100, 5), grid(4, 3, 30, 30), 5)),
     T("5 x 3 holes instead", "modify", bbox=[150, 100, 5], volume=150 * 100 * 5 - v_holes(15, 5, 5),
       build=lambda: holes_z(box(150, 100, 5), grid(5, 3, 30, 30), 5)),
     T("holes to 6mm", "modify", bbox=[150, 100, 5], volume=150 * 100 * 5 - v_holes(15, 6, 5),
       build=lambda: holes_z(box(150, 100, 5), grid(5, 3, 30, 30), 6)),
     T("make the plate 1/4 inch thick", "modify", bbox=[150, 100, IN / 4],
       volume=150 * 100 * IN / 4 - v_holes(15, 6, IN / 4),
       build=lambda: holes_z(box(150, 100, IN / 4), grid(5, 3, 30, 30), 6)))


def _disc(od, t, cd, n=0):
    d = holes_z(cyl(od, t), [(0, 0)], cd)
    return holes_z(d, circle_pts(n, 70), 8) if n else d


conv("edit-disc-multi", "edits", "Typo 'dsic'; several changes in one sentence; add a bolt circle; undo it.",
     T("dsic 80 dia 10 thick with a 20 mm centre hole", bbox=[80, 80, 10], volume=v_cyl(80, 10) - v_cyl(20, 10),
       build=lambda: _disc(80, 10, 20)),
     T("make it 100 dia and 12 thick, and the hole 25", "modify", bbox=[100, 100, 12],
       volume=v_cyl(100, 12) - v_cyl(25, 12), build=lambda: _disc(100, 12, 25)),
     T("add 4 x 8 mm holes on a 70 mm circle", "modify", bbox=[100, 100, 12],
       volume=v_cyl(100, 12) - v_cyl(25, 12) - v_holes(4, 8, 12), build=lambda: _disc(100, 12, 25, 4)),
     T("undo that", "undo", bbox=[100, 100, 12], volume=v_cyl(100, 12) - v_cyl(25, 12), build=lambda: _disc(100, 12, 25)))


# ---------- check and write ----------
def measure(wp):
    solids = wp.solids().vals()
    comp = cq.Compound.makeCompound(solids)
    bb = comp.BoundingBox()
    return sorted([bb.xlen, bb.ylen, bb.zlen]), comp.Volume(), len(solids)


def main(only=None):
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    for c in CONVS:
        if only and not any(o in c["id"] for o in only):
            continue
        turns = []
        for i, t in enumerate(c["turns"]):
            exp = {"ok": t["ok"]}
            if t["intent"]:
                exp["intent"] = t["intent"]
            if t["ok"]:
                exp["solids"] = t["solids"]
                exp["bbox"] = [round(v, 3) for v in t["bbox"]]
                if t["volume"] is not None:
                    exp["volume"] = round(t["volume"], 1)
                    if t["vol_tol"]:
                        exp["volume_tol"] = t["vol_tol"]
            if t["build"] is not None:
                size, vol, n = measure(t["build"]())
                want = sorted(t["bbox"])
                if max(abs(a - b) for a, b in zip(size, want)) > t["cq_bbox_tol"] or n != t["solids"]:
                    print(f"BBOX {c['id']}#{i}: closed {want} cq {size} solids {n}"); bad += 1
                if t["volume"] is not None and abs(vol - t["volume"]) / t["volume"] > 0.001:
                    print(f"VOL {c['id']}#{i}: closed {t['volume']:.2f} cq {vol:.2f}"); bad += 1
                tol = t["vol_tol"] or 0.02
                for alt in t["alts"]:
                    _, av, _ = measure(alt())
                    rel = abs(av - t["volume"]) / t["volume"]
                    if rel > tol * 0.9:
                        print(f"ALT {c['id']}#{i}: {av:.1f} vs {t['volume']:.1f} rel {rel:.4f} tol {tol}"); bad += 1
            elif t["ok"] and t["volume"] is not None:
                print(f"NOBUILD {c['id']}#{i}"); bad += 1
            turns.append({"user": t["user"], "expect": exp})
        doc = {"id": c["id"], "category": c["category"], "description": c["description"], "turns": turns}
        name = c["id"][len("d15-"):] + ".yaml"
        (OUT / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110,
                                               default_flow_style=None), encoding="utf-8")
    print(f"{len(CONVS)} conversations, {bad} problems")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1:]) else 0)
