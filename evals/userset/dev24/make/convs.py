"""The dev24 conversations: words, the part they define (CadQuery, prelude helpers), closed forms."""
import math

pi = math.pi
IN = 25.4


def cyl(d, h):
    return pi / 4 * d * d * h


def cskx(d, big, angle):
    """Material a countersink removes beyond its through hole."""
    h = (big - d) / 2 / math.tan(math.radians(angle / 2))
    return pi * h / 12 * (big * big + big * d + d * d) - cyl(d, h)


def hexA(af):
    return math.sqrt(3) / 2 * af * af


def cross(d, bar, n=20000):
    """Volume common to a hole of diameter d through a bar of diameter bar (axes meet at 90 deg)."""
    r, big = d / 2, bar / 2
    step = 2 * r / n
    total = 0.0
    for i in range(n):
        y = -r + (i + 0.5) * step
        total += 4 * math.sqrt(r * r - y * y) * math.sqrt(big * big - y * y) * step
    return total


def kw_flat(radius, width, depth, length):
    """A square-ended keyway whose floor lies radius - depth from the axis."""
    a = width / 2
    seg = 2 * (a / 2 * math.sqrt(radius ** 2 - a ** 2) + radius ** 2 / 2 * math.asin(a / radius))
    return length * (seg - width * (radius - depth))


CONVS = []


def conv(cid, cat, *turns, desc=None):
    CONVS.append({"id": "d24-" + cid, "cat": cat, "turns": list(turns), **({"desc": desc} if desc else {})})


def T(user, code=None, cf=None, intent="new_design", **kw):
    return {"user": user, "code": code, "cf": cf, "intent": intent, **kw}


def D(user):
    return {"user": user, "ok": False}


# ---------------------------------------------------------------- countersinks / counterbores
CS = "csk-cbore"
p4 = "[(-30, -15), (-30, 15), (30, -15), (30, 15)]"
conv("csk-plate-4x", CS,
     T("Need an 80 x 50 x 6 alu plate. 4X Ø4.5 THRU, CSK Ø9 X 90°, holes 10 in from each edge.",
       f"result = csk(blk(80, 50, 6), {p4}, 4.5, 9, 90, 6)",
       80 * 50 * 6 - 4 * (cyl(4.5, 6) + cskx(4.5, 9, 90)),
       wrongs=[f"result = holes(blk(80, 50, 6), {p4}, 4.5, 0, 6)"]),
     T("add a fifth one dead centre, same countersink",
       f"result = csk(blk(80, 50, 6), {p4} + [(0, 0)], 4.5, 9, 90, 6)",
       80 * 50 * 6 - 5 * (cyl(4.5, 6) + cskx(4.5, 9, 90)), intent="modify",
       wrongs=[f"result = csk(blk(80, 50, 6), {p4}, 4.5, 9, 90, 6)"]))

p6 = "[(x, y) for x in (-30, 0, 30) for y in (-15, 15)]"
conv("csk-m5-flathead", CS,
     T("plate 100x60, 4 thick, six countersunk holes for M5 flat head screws. 2 rows of 3, 30mm pitch, "
       "rows 30 apart, pattern centred",
       f"result = csk(blk(100, 60, 4), {p6}, 5.5, 10.4, 90, 4)",
       100 * 60 * 4 - 6 * (cyl(5.5, 4) + cskx(5.5, 10.4, 90)),
       alts=[f"result = csk(blk(100, 60, 4), {p6}, {d}, {c}, 90, 4)" for d in (5.3, 5.8) for c in (9.3, 11.4)],
       wrongs=[f"result = holes(blk(100, 60, 4), {p6}, 5.5, 0, 4)"]),
     desc="The screw alone sizes the countersinks: the volume accepts a clearance hole of 5.3 to 5.8 mm and a "
          "90° countersink of Ø9.3 to Ø11.4 (ISO 273 fine to coarse, ISO 2009 / 10642 / 15065 heads).")

conv("cbore-block-2x", CS,
     T("Block 60 x 40 x 20. Two counterbored holes on the long centre line, 40 apart: Ø6.6 thru, "
       "C'BORE Ø11 x 6.5 DP.",
       "result = cbore(blk(60, 40, 20), [(-20, 0), (20, 0)], 6.6, 11, 6.5, 20)",
       60 * 40 * 20 - 2 * (cyl(6.6, 20) + cyl(11, 6.5) - cyl(6.6, 6.5)),
       wrongs=["result = holes(blk(60, 40, 20), [(-20, 0), (20, 0)], 6.6, 0, 20)"]))

pin = f"[(x * {IN}, y * {IN}) for x in (-1.125, 1.125) for y in (-0.625, 0.625)]"
cb_in = lambda depth: (3 * 2 * 0.5 * IN ** 3 - 4 * (cyl(0.266 * IN, 0.5 * IN) + cyl(0.438 * IN, depth * IN)
                                                     - cyl(0.266 * IN, depth * IN)))
conv("cbore-inch-shcs", CS,
     T('3" x 2" x 1/2" plate w/ 4 cbored holes for 1/4 SHCS: .266 thru, .438 cbore x .25 deep, 3/8" in from the edges',
       f"result = cbore(blk(3 * {IN}, 2 * {IN}, 0.5 * {IN}), {pin}, 0.266 * {IN}, 0.438 * {IN}, 0.25 * {IN}, 0.5 * {IN})",
       cb_in(0.25), bbox_want=[76.2, 50.8, 12.7],
       wrongs=[f"result = holes(blk(3 * {IN}, 2 * {IN}, 0.5 * {IN}), {pin}, 0.266 * {IN}, 0, 0.5 * {IN})"]),
     T("those cbores are too shallow, go 5/16 deep",
       f"result = cbore(blk(3 * {IN}, 2 * {IN}, 0.5 * {IN}), {pin}, 0.266 * {IN}, 0.438 * {IN}, 0.3125 * {IN}, 0.5 * {IN})",
       cb_in(0.3125), intent="modify",
       wrongs=[f"result = cbore(blk(3 * {IN}, 2 * {IN}, 0.5 * {IN}), {pin}, 0.266 * {IN}, 0.438 * {IN}, 0.25 * {IN}, 0.5 * {IN})"]))

mix = ("result = csk(cbore(blk(120, 40, 8), [(-45, -8), (-45, 8)], 5.5, 10, 5.5, 8), "
       "[(45, -8), (45, 8)], 5.5, 11, 90, 8)")
conv("cbore-and-csk-strip", CS,
     T("strip 120 x 40 x 8 thk. Left end: 2 cbored holes (Ø5.5 thru, Ø10 cbore 5.5 deep). Right end: 2 csk holes, "
       "Ø5.5 thru with Ø11 x 90° csk. All 4 are 15 from the ends and 12 from the long edges.",
       mix, 120 * 40 * 8 - 4 * cyl(5.5, 8) - 2 * (cyl(10, 5.5) - cyl(5.5, 5.5)) - 2 * cskx(5.5, 11, 90),
       wrongs=["result = holes(blk(120, 40, 8), [(-45, -8), (-45, 8), (45, -8), (45, 8)], 5.5, 0, 8)",
               "result = cbore(blk(120, 40, 8), [(-45, -8), (-45, 8), (45, -8), (45, 8)], 5.5, 10, 5.5, 8)",
               "result = csk(blk(120, 40, 8), [(-45, -8), (-45, 8), (45, -8), (45, 8)], 5.5, 11, 90, 8)"]))

conv("csk-82-cover", CS,
     T('Round cover plate, 4" dia, 1/4" thick. Six holes on a 3.5" BC, each Ø.201 thru with an 82° csk to Ø.40',
       f"result = csk(rod(4 * {IN}, (0, 0, 0), 'z', 0.25 * {IN}), circle_pts(6, 3.5 * {IN}), 0.201 * {IN}, "
       f"0.40 * {IN}, 82, 0.25 * {IN})",
       cyl(4 * IN, 0.25 * IN) - 6 * (cyl(0.201 * IN, 0.25 * IN) + cskx(0.201 * IN, 0.40 * IN, 82)),
       bbox_want=[101.6, 101.6, 6.35],
       wrongs=[f"result = holes(rod(4 * {IN}, (0, 0, 0), 'z', 0.25 * {IN}), circle_pts(6, 3.5 * {IN}), "
               f"0.201 * {IN}, 0, 0.25 * {IN})"]))

m3 = "result = csk(rod(50, (0, 0, 0), 'z', 3), circle_pts(3, 38), {d}, {c}, 90, 3).cut(rod(10, (0, 0, -1), 'z', 7))"
conv("csk-m3-disc", CS,
     T("disc 50 dia x 3 thk, three M3 countersunk holes on a 38 pitch circle + a 10mm hole in the middle",
       m3.format(d=3.4, c=6.3), cyl(50, 3) - cyl(10, 3) - 3 * (cyl(3.4, 3) + cskx(3.4, 6.3, 90)),
       alts=[m3.format(d=d, c=c) for d in (3.2, 3.6) for c in (6.0, 6.9)],
       wrongs=["result = holes(rod(50, (0, 0, 0), 'z', 3), circle_pts(3, 38), 3.4, 0, 3).cut(rod(10, (0, 0, -1), 'z', 7))",
               "result = csk(rod(50, (0, 0, 0), 'z', 3), circle_pts(3, 38), 3.4, 6.3, 90, 3)"]),
     desc="The screw alone sizes the countersinks: the volume accepts a clearance hole of 3.2 to 3.6 mm and a "
          "90° countersink of Ø6.0 to Ø6.9 (ISO 15065: 6.3).")

conv("cbore-deeper-than-plate", CS,
     D("50 x 50 x 6 plate, 4 holes Ø5.5 with Ø10 counterbores 8 deep, 10 from the edges"),
     desc="Decline: an 8 mm deep counterbore cannot fit in a 6 mm plate.")

# ---------------------------------------------------------------- holes placed by edges / faces
PH = "placed-holes"
conv("hole-left-front", PH,
     T("Plate 90 by 60, 6 mm thick. One 10mm hole, its centre 12 from the left edge and 15 from the front edge.",
       "result = blk(90, 60, 6).cut(rod(10, (-33, -15, -1), 'z', 8))", 90 * 60 * 6 - cyl(10, 6),
       wrongs=["result = blk(90, 60, 6)"],
       iou_wrong="result = blk(90, 60, 6).cut(rod(10, (0, 0, -1), 'z', 8))"))

conv("end-face-blind", PH,
     T("Block 50 long x 30 wide x 20 high. Ø8 hole 15 deep into the end face, centred on that face.",
       "result = blk(50, 30, 20).cut(rod(8, (10, 0, 10), 'x', 16))", 50 * 30 * 20 - cyl(8, 15),
       alts=["result = blk(50, 30, 20).cut(rod(8, (10, 0, 10), 'x', 16)).cut(cq.Solid.makeCone(4, 0, "
             "4 / math.tan(math.radians(59)), cq.Vector(10, 0, 10), cq.Vector(-1, 0, 0)))"],
       wrongs=["result = blk(50, 30, 20)"],
       iou_wrong="result = blk(50, 30, 20).cut(rod(8, (0, 0, 5), 'z', 16))"),
     desc="The volume accepts a flat-bottomed or a 118° drill-point hole.")

conv("side-through-hole", PH,
     T("40 x 40 x 80 tall block, 12 mm hole straight through the side, 20 mm up from the bottom.",
       "result = blk(40, 40, 80).cut(rod(12, (-21, 0, 20), 'x', 42))", 40 * 40 * 80 - cyl(12, 40),
       wrongs=["result = blk(40, 40, 80)"],
       iou_wrong="result = blk(40, 40, 80).cut(rod(12, (-21, 0, 40), 'x', 42))"),
     T("move that hole up so it's 35 from the bottom",
       "result = blk(40, 40, 80).cut(rod(12, (-21, 0, 35), 'x', 42))", 40 * 40 * 80 - cyl(12, 40), intent="modify",
       wrongs=["result = blk(40, 40, 80)"],
       iou_wrong="result = blk(40, 40, 80).cut(rod(12, (-21, 0, 20), 'x', 42))"))

conv("top-face-blind-pair", PH,
     T("two 10 mm blind holes 12 deep in the top face of a 100x50x25 block, 20 in from each end, on the centreline",
       "result = blk(100, 50, 25).cut(rod(10, (-30, 0, 13), 'z', 13)).cut(rod(10, (30, 0, 13), 'z', 13))",
       100 * 50 * 25 - 2 * cyl(10, 12),
       alts=["result = blk(100, 50, 25).cut(rod(10, (-30, 0, 13), 'z', 13)).cut(rod(10, (30, 0, 13), 'z', 13))"
             ".cut(cq.Solid.makeCone(5, 0, 5 / math.tan(math.radians(59)), cq.Vector(-30, 0, 13), cq.Vector(0, 0, -1)))"
             ".cut(cq.Solid.makeCone(5, 0, 5 / math.tan(math.radians(59)), cq.Vector(30, 0, 13), cq.Vector(0, 0, -1)))"],
       wrongs=["result = blk(100, 50, 25)"],
       iou_wrong="result = blk(100, 50, 25).cut(rod(10, (-15, 0, 13), 'z', 13)).cut(rod(10, (15, 0, 13), 'z', 13))"),
     desc="The volume accepts flat-bottomed or 118° drill-point holes.")

b5 = f"result = holes(blk(6 * {IN}, 4 * {IN}, 0.375 * {IN}), [(x * {IN}, {{y}} * {IN}) for x in (-2, 0, 2)], 0.25 * {IN}, 0, 0.375 * {IN})"
conv("inch-back-edge-row", PH,
     T('6 x 4 plate, 3/8 thk. Three 1/4 holes along the back edge, 1/2" in from it; first one 1" from the left edge, '
       'then 2" spacing.',
       b5.format(y=1.5), (6 * 4 * 0.375 - 3 * pi / 4 * 0.0625 * 0.375) * IN ** 3, bbox_want=[152.4, 101.6, 9.525],
       wrongs=[f"result = blk(6 * {IN}, 4 * {IN}, 0.375 * {IN})"]),
     desc="Where the row lies is not checked: the holes are too small for an IoU check to tell.")

conv("front-to-back-cm", PH,
     T("Block 8 x 5 x 3 cm. Please make 2 hole dia 8mm going through from front face to back face, 2 cm from each end "
       "and in the middle of the height.",
       "result = blk(80, 50, 30).cut(rod(8, (-20, -26, 15), 'y', 52)).cut(rod(8, (20, -26, 15), 'y', 52))",
       80 * 50 * 30 - 2 * cyl(8, 50), wrongs=["result = blk(80, 50, 30)"],
       iou_wrong="result = holes(blk(80, 50, 30), [(-20, 0), (20, 0)], 8, 0, 30)"))

conv("plate-edge-offsets", PH,
     T("120x80x10 plate, 4 x Ø9 holes, 15 from the short edges and 20 from the long edges.",
       "result = holes(blk(120, 80, 10), [(x, y) for x in (-45, 45) for y in (-20, 20)], 9, 0, 10)",
       120 * 80 * 10 - 4 * cyl(9, 10), wrongs=["result = blk(120, 80, 10)"],
       iou_wrong="result = holes(blk(120, 80, 10), [(x, y) for x in (-45, 45) for y in (-28, 28)], 9, 0, 10)"),
     T("plate is too narrow, make it 100 wide. holes stay 20 off the long edges",
       "result = holes(blk(120, 100, 10), [(x, y) for x in (-45, 45) for y in (-30, 30)], 9, 0, 10)",
       120 * 100 * 10 - 4 * cyl(9, 10), intent="modify", wrongs=["result = blk(120, 100, 10)"],
       iou_wrong="result = holes(blk(120, 100, 10), [(x, y) for x in (-45, 45) for y in (-20, 20)], 9, 0, 10)"))

b8 = ("result = rod(30, (0, 0, 0), 'x', 60).cut(rod(6, (-1, 0, 0), 'x', 21)).cut(rod(5, ({x}, -16, 0), 'y', 32))")
conv("bar-end-and-cross", PH,
     T("Round bar Ø30 x 60 long. 6 mm hole 20 deep in one end, centred, and a 5 mm cross hole right through the bar "
       "10 from the other end.",
       b8.format(x=50), cyl(30, 60) - cyl(6, 20) - cross(5, 30), cf_tol=1e-3,
       alts=[b8.format(x=50) + ".cut(cq.Solid.makeCone(3, 0, 3 / math.tan(math.radians(59)), cq.Vector(20, 0, 0), "
             "cq.Vector(1, 0, 0)))"],
       wrongs=["result = rod(30, (0, 0, 0), 'x', 60).cut(rod(6, (-1, 0, 0), 'x', 21))"],
       iou_wrong=b8.format(x=30)),
     desc="The volume accepts a flat-bottomed or a 118° drill-point end hole.")

# ---------------------------------------------------------------- brackets
BR = "brackets"
c1 = ("result = bx(0, 0, 0, 60, 30, 5).union(bx(0, 0, 0, 5, 30, {h}))"
      ".cut(rod(6.5, (25, 15, -1), 'z', 7)).cut(rod(6.5, (48, 15, -1), 'z', 7)).cut(rod(6.5, (-1, 15, 25), 'x', 7))")
conv("l-unequal-legs", BR,
     T("L bracket, 5mm thick, legs 60 and 40 (outside), 30 wide. Two Ø6.5 holes in the long leg and one in the short "
       "leg, all centred across the width.",
       c1.format(h=40), (60 * 5 + 35 * 5) * 30 - 3 * cyl(6.5, 5), bbox_want=[60, 40, 30],
       wrongs=["result = bx(0, 0, 0, 60, 30, 5).union(bx(0, 0, 0, 5, 30, 40))"]),
     T("sorry, short leg needs to be 50 not 40",
       c1.format(h=50), (60 * 5 + 45 * 5) * 30 - 3 * cyl(6.5, 5), intent="modify", bbox_want=[60, 50, 30],
       wrongs=[c1.format(h=40)]))

conv("angle-inch-2x3", BR,
     T('angle bracket 2" x 3" legs, 1/4 thick, 1 1/2 wide, a .281 hole centred in each leg',
       f"result = bx(0, 0, 0, 3 * {IN}, 1.5 * {IN}, 0.25 * {IN}).union(bx(0, 0, 0, 0.25 * {IN}, 1.5 * {IN}, 2 * {IN}))"
       f".cut(rod(0.281 * {IN}, (1.625 * {IN}, 0.75 * {IN}, -1), 'z', 0.25 * {IN} + 2))"
       f".cut(rod(0.281 * {IN}, (-1, 0.75 * {IN}, 1.125 * {IN}), 'x', 0.25 * {IN} + 2))",
       (3 * 0.25 + 1.75 * 0.25) * 1.5 * IN ** 3 - 2 * cyl(0.281 * IN, 0.25 * IN), bbox_want=[76.2, 50.8, 38.1],
       wrongs=[f"result = bx(0, 0, 0, 3 * {IN}, 1.5 * {IN}, 0.25 * {IN}).union(bx(0, 0, 0, 0.25 * {IN}, 1.5 * {IN}, 2 * {IN}))"]))

c3 = ("result = holes(bx(0, 0, 0, 80, 40, 6).union(bx(0, 0, 0, 6, 40, {h})), "
      "[(x, y) for x in (18, 68) for y in (7.5, 32.5)], 5.5, 0, 6)"
      ".cut(rod(5.5, (-1, 10, 30), 'x', 8)).cut(rod(5.5, (-1, 30, 30), 'x', 8))")
conv("l-pattern-each-leg", BR,
     T("L-bracket: base 80 long, upright 50 tall, both 6 thk, 40 wide. Base gets 4x Ø5.5 on a 50 x 25 rectangle, "
       "upright gets 2x Ø5.5 20 apart, 30 up from the bottom.",
       c3.format(h=50), (80 * 6 + 44 * 6) * 40 - 6 * cyl(5.5, 6), bbox_want=[80, 50, 40],
       wrongs=["result = bx(0, 0, 0, 80, 40, 6).union(bx(0, 0, 0, 6, 40, 50))"]),
     T("upright needs to be 70 tall",
       c3.format(h=70), (80 * 6 + 64 * 6) * 40 - 6 * cyl(5.5, 6), intent="modify", bbox_want=[80, 70, 40],
       wrongs=[c3.format(h=50)]))

conv("u-bracket-cross-hole", BR,
     T("U bracket: 60 wide across the outside, side walls 40 high, 25 deep, 4mm material all over. Ø8 hole through "
       "both side walls, 28 mm up from the bottom.",
       "result = bx(-30, 0, 0, 30, 25, 4).union(bx(-30, 0, 0, -26, 25, 40)).union(bx(26, 0, 0, 30, 25, 40))"
       ".cut(rod(8, (-31, 12.5, 28), 'x', 62))",
       (60 * 4 + 2 * 36 * 4) * 25 - 2 * cyl(8, 4), bbox_want=[60, 40, 25],
       wrongs=["result = bx(-30, 0, 0, 30, 25, 4).union(bx(-30, 0, 0, -26, 25, 40)).union(bx(26, 0, 0, 30, 25, 40))"]))

c5 = ("result = bx(0, 0, 0, 50, 20, 6).union(bx(0, 0, 0, 6, 20, 50)){fil}"
      ".cut(rod(5, (28, 10, -1), 'z', 8)).cut(rod(5, (-1, 10, 28), 'x', 8))")
conv("angle-inside-fillet", BR,
     T("angle bracket, legs 50 & 50, 6 mm stock, 20 wide, 5 mm fillet in the inside corner, Ø5 hole in the middle of "
       "each leg",
       c5.format(fil=".union(bx(6, 0, 6, 11, 20, 11).cut(rod(10, (11, -1, 11), 'y', 22)))"),
       (50 * 6 + 44 * 6) * 20 + (25 - pi * 25 / 4) * 20 - 2 * cyl(5, 6), bbox_want=[50, 50, 20],
       wrongs=[c5.format(fil="")]))

c6 = ("result = bx(0, 0, 0, 45, 60, 3).union(bx(0, 0, 0, 3, 60, 25)){slots}")
slots6 = "".join(f".cut(cq.Workplane('XY').workplane(offset=-1).center(24, {y}).slot2D(15, 6).extrude(5))" for y in (15, 45))
conv("angle-slotted-leg", BR,
     T("3mm sheet angle bracket, legs 25 and 45, 60 wide. In the 45 leg two slots 6 wide x 15 long overall, running "
       "along the leg.",
       c6.format(slots=slots6), (45 * 3 + 22 * 3) * 60 - 2 * ((15 - 6) * 6 + pi * 9) * 3, bbox_want=[60, 45, 25],
       wrongs=[c6.format(slots="")]))

conv("l-bracket-cm", BR,
     T("L bracket 10 cm x 6 cm legs, 0.8 cm thick, 4 cm wide, with 2 holes of 0.6 cm in each leg",
       "result = bx(0, 0, 0, 100, 40, 8).union(bx(0, 0, 0, 8, 40, 60))"
       ".cut(rod(6, (40, 20, -1), 'z', 10)).cut(rod(6, (75, 20, -1), 'z', 10))"
       ".cut(rod(6, (-1, 20, 25), 'x', 10)).cut(rod(6, (-1, 20, 45), 'x', 10))",
       (100 * 8 + 52 * 8) * 40 - 4 * cyl(6, 8), bbox_want=[100, 60, 40],
       wrongs=["result = bx(0, 0, 0, 100, 40, 8).union(bx(0, 0, 0, 8, 40, 60))"]))

# ---------------------------------------------------------------- boxes / cups / enclosures
BX = "boxes"
conv("open-box-wall-floor", BX,
     T("open top box, outside 100 x 60 x 40, walls 3, floor 5",
       "result = blk(100, 60, 40).cut(bx(-47, -27, 5, 47, 27, 41))", 240000 - 94 * 54 * 35,
       wrongs=["result = blk(100, 60, 40).cut(bx(-47, -27, 3, 47, 27, 41))"]),
     T("round over the four outside vertical edges, R4",
       "result = blk(100, 60, 40).edges('|Z').fillet(4).cut(bx(-47, -27, 5, 47, 27, 41))",
       240000 - 94 * 54 * 35 - 4 * (16 - 4 * pi) * 40, intent="modify",
       wrongs=["result = blk(100, 60, 40).cut(bx(-47, -27, 5, 47, 27, 41))"]))

conv("round-cup", BX,
     T("cup, OD 50, 60 tall, 2.5 wall, 4 mm bottom, open top",
       "result = rod(50, (0, 0, 0), 'z', 60).cut(rod(45, (0, 0, 4), 'z', 57))", cyl(50, 60) - cyl(45, 56),
       wrongs=["result = rod(50, (0, 0, 0), 'z', 60).cut(rod(45, (0, 0, 2.5), 'z', 58))"]))

conv("enclosure-with-lid", BX,
     T("PCB enclosure 120 x 80 x 35 outside, 2.5 mm walls, 3 mm floor, open top, plus a separate flat lid "
       "120 x 80 x 3",
       "result = cq.Workplane('XY').add(blk(120, 80, 35).cut(bx(-57.5, -37.5, 3, 57.5, 37.5, 36)).val())"
       ".add(blk(120, 80, 3).translate((0, 0, 45)).val())",
       120 * 80 * 35 - 115 * 75 * 32 + 120 * 80 * 3, solids=2, bbox=False,
       wrongs=["result = blk(120, 80, 35).cut(bx(-57.5, -37.5, 3, 57.5, 37.5, 36))"]),
     desc="Two solids; where the lid lies is left open, so the box of the pair is not checked.")

conv("box-with-lip", BX,
     T("square box 80x80x30 outside, 2 mm wall and 2 mm bottom, open top, with a lip around the top edge sticking "
       "out 3 mm, 2 mm thick",
       "result = blk(80, 80, 30).cut(bx(-38, -38, 2, 38, 38, 31))"
       ".union(blk(86, 86, 2).translate((0, 0, 28)).cut(blk(80, 80, 40)))",
       80 * 80 * 30 - 76 * 76 * 28 + (86 * 86 - 80 * 80) * 2, bbox_want=[86, 86, 30],
       wrongs=["result = blk(80, 80, 30).cut(bx(-38, -38, 2, 38, 38, 31))"]))

conv("inch-tray", BX,
     T('shallow tray 8 x 5 x 1" outside, 1/8 walls and bottom, open top',
       f"result = blk(8 * {IN}, 5 * {IN}, {IN}).cut(bx(-3.875 * {IN}, -2.375 * {IN}, 0.125 * {IN}, "
       f"3.875 * {IN}, 2.375 * {IN}, 1.1 * {IN}))",
       (8 * 5 - 7.75 * 4.75 * 0.875) * IN ** 3, bbox_want=[203.2, 127, 25.4]))

conv("sealed-hollow-box", BX,
     T("sealed hollow box, 60x40x30 outside, 3 mm wall everywhere, no openings",
       "result = blk(60, 40, 30).cut(bx(-27, -17, 3, 27, 17, 27))", 72000 - 54 * 34 * 24,
       wrongs=["result = blk(60, 40, 30).cut(bx(-27, -17, 3, 27, 17, 31))", "result = blk(60, 40, 30)"]))


def seg(r, h):
    """Area of a circle's segment of height h (a flat h deep on a round of radius r)."""
    return r * r * math.acos((r - h) / r) - (r - h) * math.sqrt(2 * r * h - h * h)


def radial(d, outer, inner, n=20000):
    """Material a radial hole of diameter d takes out of one wall of a tube (outer / inner radius)."""
    r = d / 2
    step = 2 * r / n
    total = 0.0
    for i in range(n):
        y = -r + (i + 0.5) * step
        total += 2 * math.sqrt(r * r - y * y) * (math.sqrt(outer ** 2 - y * y) - math.sqrt(inner ** 2 - y * y)) * step
    return total


def kw_alts(body, radius, width, depth, x0, length):
    """The keyway readings a volume check accepts: square or milled (round) ends, depth from the
    top of the shaft or from the keyway's edge."""
    side = radius - math.sqrt(radius ** 2 - (width / 2) ** 2)
    return [f"result = keyway({body}, {radius}, {width}, {dep}, {x0}, {length}, rounded={rnd})"
            for dep in (depth, depth + side) for rnd in (False, True)][1:]


# ---------------------------------------------------------------- shafts
SH = "shafts"
conv("shaft-keyway-right-end", SH,
     T("Ø20 shaft, 100 long. Keyway 6 wide x 3.5 deep x 30 long, starting 5 mm from the right end.",
       "result = keyway(steps([(20, 100)]), 10, 6, 3.5, 65, 30)", cyl(20, 100) - kw_flat(10, 6, 3.5, 30),
       alts=kw_alts("steps([(20, 100)])", 10, 6, 3.5, 65, 30), wrongs=["result = steps([(20, 100)])"]),
     desc="The volume accepts square or milled keyway ends and a depth taken from the top of the shaft or from "
          "the keyway's edge.")

conv("stepped-three", SH,
     T("stepped shaft: Ø25 x 40, then Ø20 x 60, then Ø15 x 30",
       "result = steps([(25, 40), (20, 60), (15, 30)])", pi / 4 * (625 * 40 + 400 * 60 + 225 * 30)),
     T("make the middle step Ø22 and 70 long",
       "result = steps([(25, 40), (22, 70), (15, 30)])", pi / 4 * (625 * 40 + 484 * 70 + 225 * 30), intent="modify",
       wrongs=["result = steps([(25, 40), (20, 70), (15, 30)])"]))

conv("d-flat-one-end", SH,
     T("8mm shaft 50 long with a D flat 0.5 deep, 20 long, at one end",
       "result = steps([(8, 50)]).cut(bx(-1, -5, 3.5, 20, 5, 5))", cyl(8, 50) - 20 * seg(4, 0.5),
       bbox_want=[50, 8, 8], wrongs=["result = steps([(8, 50)])"]))

e4 = (f"result = steps([(0.5 * {IN}, 4 * {IN})]).cut(rod(0.125 * {IN}, (0.375 * {IN}, -7, 0), 'y', 14))"
      f".cut(rod(0.125 * {IN}, (3.625 * {IN}, -7, 0), 'y', 14))")
conv("inch-cross-holes", SH,
     T('1/2" shaft 4" long with two 1/8" cross holes, 3/8" in from each end',
       e4, cyl(0.5 * IN, 4 * IN) - 2 * cross(0.125 * IN, 0.5 * IN), cf_tol=1e-3, bbox_want=[101.6, 12.7, 12.7],
       wrongs=[f"result = steps([(0.5 * {IN}, 4 * {IN})])"]))

e5 = "steps([(12, 25), (16, 10), (12, 40)])"
conv("motor-shaft-keyway", SH,
     T("motor shaft: Ø12 x 25, then Ø16 x 10 collar, then Ø12 x 40. Keyway in the first Ø12 part: 4 wide, 2.5 deep, "
       "18 long, 3 from the end.",
       f"result = keyway({e5}, 6, 4, 2.5, 3, 18)", pi / 4 * (144 * 25 + 256 * 10 + 144 * 40) - kw_flat(6, 4, 2.5, 18),
       alts=kw_alts(e5, 6, 4, 2.5, 3, 18), wrongs=[f"result = {e5}"], bbox_want=[75, 16, 16]),
     desc="The volume accepts square or milled keyway ends and a depth taken from the top of the shaft or from "
          "the keyway's edge.")

conv("keyway-wider-than-shaft", SH,
     D("Ø10 shaft 60 long with a keyway 12 wide, 3 deep, 20 long"),
     desc="Decline: a 12 mm wide keyway cannot be cut in a 10 mm shaft.")

conv("axle-drawing-steps", SH,
     T("Axle, from left: Ø8x12, Ø10x8, Ø16x5, Ø10x43, Ø8x12.",
       "result = steps([(8, 12), (10, 8), (16, 5), (10, 43), (8, 12)])",
       pi / 4 * (64 * 24 + 100 * 51 + 256 * 5), bbox_want=[80, 16, 16],
       wrongs=["result = steps([(8, 12), (10, 8), (16, 5), (10, 43)])"]))

# ---------------------------------------------------------------- flanges
FL = "flanges"
f1 = ("result = holes(rod(100, (0, 0, 0), 'z', 12).union(rod(50, (0, 0, 0), 'z', 37))"
      ".cut(rod(30, (0, 0, -1), 'z', 39)), circle_pts({n}, 80), 9, 0, 12)")
conv("flange-hub-6-holes", FL,
     T("flange OD 100, 12 thick, hub Ø50 x 25 high on top, Ø30 bore right through, 6 holes Ø9 on 80 PCD",
       f1.format(n=6), cyl(100, 12) + cyl(50, 25) - cyl(30, 37) - 6 * cyl(9, 12), bbox_want=[100, 100, 37],
       wrongs=[f1.format(n=4)]),
     T("change to 8 bolt holes", f1.format(n=8), cyl(100, 12) + cyl(50, 25) - cyl(30, 37) - 8 * cyl(9, 12),
       intent="modify", wrongs=[f1.format(n=6)]))

conv("blind-raised-face", FL,
     T("blind flange Ø150 x 16 with a raised face Ø90 x 2 on one side, 8 x Ø18 holes on 120 BC",
       "result = holes(rod(150, (0, 0, 0), 'z', 16).union(rod(90, (0, 0, 16), 'z', 2)), circle_pts(8, 120), 18, 0, 16)",
       cyl(150, 16) + cyl(90, 2) - 8 * cyl(18, 16), bbox_want=[150, 150, 18],
       wrongs=["result = holes(rod(150, (0, 0, 0), 'z', 16), circle_pts(8, 120), 18, 0, 16)"]))

conv("adapter-spigot", FL,
     T("adapter plate: Ø80 disc 10 thick, spigot Ø40 x 4 underneath, Ø20 bore through everything, 4x Ø6.6 on PCD 62",
       "result = holes(rod(80, (0, 0, 0), 'z', 10).union(rod(40, (0, 0, -4), 'z', 4)).cut(rod(20, (0, 0, -5), 'z', 16)),"
       " circle_pts(4, 62), 6.6, 0, 10)",
       cyl(80, 10) + cyl(40, 4) - cyl(20, 14) - 4 * cyl(6.6, 10), bbox_want=[80, 80, 14]))

conv("inch-hub-flange", FL,
     T('4" OD flange, 1/2" thick, 1 1/2" dia hub sticks up 1", 3/4 bore thru, 4 holes 3/8 on a 3 1/8 bolt circle',
       f"result = holes(rod(4 * {IN}, (0, 0, 0), 'z', 0.5 * {IN}).union(rod(1.5 * {IN}, (0, 0, 0), 'z', 1.5 * {IN}))"
       f".cut(rod(0.75 * {IN}, (0, 0, -1), 'z', 1.5 * {IN} + 2)), circle_pts(4, 3.125 * {IN}), 0.375 * {IN}, 0, 0.5 * {IN})",
       (pi / 4 * (16 * 0.5 + 2.25 * 1.0) - pi / 4 * 0.5625 * 1.5 - 4 * pi / 4 * 0.140625 * 0.5) * IN ** 3,
       bbox_want=[101.6, 101.6, 38.1]))

conv("flange-pcd-outside-od", FL,
     D("flange Ø60 x 8, bore 20, 4 bolt holes Ø8 on a 70 PCD"),
     desc="Decline: a 70 mm bolt circle lies outside a 60 mm flange.")

conv("square-flange-hub", FL,
     T("square flange 80x80x10, hub dia 40 standing 20 proud, bore 25, 4 holes dia 9 on the corners of a 60 square",
       "result = holes(blk(80, 80, 10).union(rod(40, (0, 0, 0), 'z', 30)).cut(rod(25, (0, 0, -1), 'z', 32)),"
       " [(x, y) for x in (-30, 30) for y in (-30, 30)], 9, 0, 10)",
       6400 * 10 + cyl(40, 20) - cyl(25, 30) - 4 * cyl(9, 10), bbox_want=[80, 80, 30]))

f7 = ("result = cbore(rod(120, (0, 0, 0), 'z', 14).union(rod(60, (0, 0, 0), 'z', 44))"
      ".cut(rod({b}, (0, 0, -1), 'z', 46)), circle_pts(4, 90, 45), 11, 18, 8, 14)")
f7v = lambda b: cyl(120, 14) + cyl(60, 30) - cyl(b, 44) - 4 * (cyl(11, 14) + cyl(18, 8) - cyl(11, 8))
conv("flange-cbored-bolts", FL,
     T("pipe flange OD120, 14 thk, hub Ø60 sticking out 30 above the flange, bore Ø40, 4 counterbored bolt holes "
       "Ø11 w/ Ø18 x 8 deep cbores on PCD 90",
       f7.format(b=40), f7v(40), bbox_want=[120, 120, 44],
       wrongs=["result = holes(rod(120, (0, 0, 0), 'z', 14).union(rod(60, (0, 0, 0), 'z', 44))"
               ".cut(rod(40, (0, 0, -1), 'z', 46)), circle_pts(4, 90, 45), 11, 0, 14)"]),
     T("bore's too small, open it up to 45", f7.format(b=45), f7v(45), intent="modify",
       wrongs=[f7.format(b=40)]))

# ---------------------------------------------------------------- standoffs / spacers / bushings
SO = "standoffs"
g1 = "result = hexbar(8, 20).cut(rod({d}, (0, 0, -1), 'z', 22))"
conv("hex-standoff-m4", SO,
     T("hex standoff 8 mm across flats, 20 long, M4 thread all the way through",
       g1.format(d=3.3), hexA(8) * 20 - cyl(3.3, 20), alts=[g1.format(d=d) for d in (3.24, 4.0)],
       wrongs=["result = hexbar(8, 20)"]),
     desc="The volume accepts the thread drawn at the tap drill (3.3), the minor diameter or the nominal 4 mm.")

conv("spacer-sleeve", SO,
     T("spacer / sleeve, Ø12 OD, 6.4 ID, 15 long",
       "result = rod(12, (0, 0, 0), 'z', 15).cut(rod(6.4, (0, 0, -1), 'z', 17))", cyl(12, 15) - cyl(6.4, 15)),
     T("make it 25mm long please",
       "result = rod(12, (0, 0, 0), 'z', 25).cut(rod(6.4, (0, 0, -1), 'z', 27))", cyl(12, 25) - cyl(6.4, 25),
       intent="modify"))

conv("flanged-bushing", SO,
     T("flanged bushing: body Ø16 x 20 long below a Ø24 x 3 flange, Ø10 bore through",
       "result = rod(16, (0, 0, 0), 'z', 20).union(rod(24, (0, 0, 20), 'z', 3)).cut(rod(10, (0, 0, -1), 'z', 25))",
       cyl(16, 20) + cyl(24, 3) - cyl(10, 23), bbox_want=[24, 24, 23],
       wrongs=["result = rod(16, (0, 0, 0), 'z', 20).union(rod(24, (0, 0, 20), 'z', 3))"]))

g4 = "result = hexbar(5.5, 10).union(rod({s}, (0, 0, 10), 'z', 6)).cut(rod({h}, (0, 0, -1), 'z', 7))"
conv("male-female-m3", SO,
     T("M3 male-female hex standoff, 5.5 AF, 10 body, 6 mm M3 stud on one end, M3 female thread 6 deep in the other",
       g4.format(s=3.0, h=2.5), hexA(5.5) * 10 + cyl(3, 6) - cyl(2.5, 6),
       alts=[g4.format(s=s, h=h) for s in (2.9, 3.0) for h in (2.5, 3.0)],
       wrongs=["result = hexbar(5.5, 10).cut(rod(2.5, (0, 0, -1), 'z', 7))",
               "result = hexbar(5.5, 10).union(rod(3, (0, 0, 10), 'z', 6))"]),
     desc="The volume accepts a stud drawn at Ø2.9 to Ø3 and a female thread drawn at the tap drill (2.5) or 3 mm.")

g5 = (f"result = rod({IN}, (0, 0, 0), 'z', 0.4375 * {IN}).cut(rod(0.5 * {IN}, (0, 0, -1), 'z', 14))"
      f".cut(rod({{d}} * {IN}, (0, 0, 0.21875 * {IN}), 'x', 14))")
conv("inch-shaft-collar", SO,
     T('shaft collar, 1/2" ID, 1" OD, 7/16 wide, with a #8-32 set screw hole radially through one side',
       g5.format(d=0.136), cyl(IN, 0.4375 * IN) - cyl(0.5 * IN, 0.4375 * IN) - radial(0.136 * IN, 0.5 * IN, 0.25 * IN),
       cf_tol=1e-3, alts=[g5.format(d=0.164)], bbox_want=[25.4, 25.4, 11.1125],
       wrongs=[f"result = rod({IN}, (0, 0, 0), 'z', 0.4375 * {IN}).cut(rod(0.5 * {IN}, (0, 0, -1), 'z', 14))"]),
     desc="The volume accepts the set screw hole at the #29 tap drill (.136) or the nominal .164.")

conv("standoff-collar-cm", SO,
     T("1 cm round standoff, 2.5 cm tall, 3.2 mm hole thru, with a 1.4 cm dia collar 3 mm thick whose bottom is "
       "5 mm up from the base",
       "result = rod(10, (0, 0, 0), 'z', 25).union(rod(14, (0, 0, 5), 'z', 3)).cut(rod(3.2, (0, 0, -1), 'z', 27))",
       cyl(10, 25) + cyl(14, 3) - cyl(10, 3) - cyl(3.2, 25),
       bbox_want=[14, 14, 25],
       wrongs=["result = rod(10, (0, 0, 0), 'z', 25).cut(rod(3.2, (0, 0, -1), 'z', 27))"]))

# ---------------------------------------------------------------- slots / pockets
SP = "slots-pockets"
slot = "cq.Workplane('XY').workplane(offset={z}).center({x}, {y}).slot2D({l}, {w}, {a}).extrude({h})"
h1 = ("result = holes(blk(100, 60, 8), [(x, y) for x in (-42, 42) for y in (-22, 22)], 6, 0, 8)"
      ".cut(" + slot.format(z=-1, x="{x}", y=0, l=40, w=10, a=0, h=10) + ")")
conv("slot-from-left-edge", SP,
     T("plate 100x60x8; a 10 wide slot, 40 long overall, running lengthwise on the centreline, its left end 15 from "
       "the left edge; plus 4x Ø6 holes 8 from the edges",
       h1.format(x=-15), 48000 - ((40 - 10) * 10 + pi * 25) * 8 - 4 * cyl(6, 8),
       wrongs=["result = holes(blk(100, 60, 8), [(x, y) for x in (-42, 42) for y in (-22, 22)], 6, 0, 8)"],
       iou_wrong=h1.format(x=0)))

h2 = "result = blk(120, 80, 20).cut(bx({x0}, -20, {z}, {x1}, 20, 21).edges('|Z').fillet(5))"
pk = lambda depth: 192000 - (2400 - (4 - pi) * 25) * depth
conv("pocket-offset-r5", SP,
     T("120 x 80 x 20 block, rectangular pocket 60 x 40 x 12 deep in the top, 10 from the left and 20 from the front, "
       "R5 corners",
       h2.format(x0=-50, x1=10, z=8), pk(12), iou_wrong=h2.format(x0=-30, x1=30, z=8)),
     T("deepen the pocket to 15", h2.format(x0=-50, x1=10, z=5), pk(15), intent="modify",
       wrongs=[h2.format(x0=-50, x1=10, z=8)], iou_wrong=h2.format(x0=-30, x1=30, z=5)))

h3 = (f"result = blk(5 * {IN}, 3 * {IN}, 0.25 * {IN})"
      + "".join(".cut(" + slot.format(z=-1, x=f"{s} * {IN}", y=0, l=f"{{l}} * {IN}", w=f"0.3125 * {IN}", a="{a}",
                                       h=f"0.25 * {IN} + 2") + ")" for s in (-1.5, 1.5)))
conv("inch-slotted-plate", SP,
     T('slotted plate 5 x 3 x 1/4. two 5/16 wide slots, 1 1/2 long c-c, parallel to the short side, 1" from each end',
       h3.format(l=1.8125, a=90), (5 * 3 * 0.25 - 2 * (1.5 * 0.3125 + pi / 4 * 0.3125 ** 2) * 0.25) * IN ** 3,
       bbox_want=[127, 76.2, 6.35], wrongs=[h3.format(l=1.5, a=90), f"result = blk(5 * {IN}, 3 * {IN}, 0.25 * {IN})"],
       iou_wrong=h3.format(l=1.8125, a=0)))

conv("square-window", SP,
     T("80 x 80 x 6 plate with a 30 x 30 square window cut through the middle, 4 x Ø5 holes 8 mm in from the corners",
       "result = holes(blk(80, 80, 6).cut(bx(-15, -15, -1, 15, 15, 7)), [(x, y) for x in (-32, 32) for y in (-32, 32)], 5, 0, 6)",
       38400 - 900 * 6 - 4 * cyl(5, 6),
       wrongs=["result = blk(80, 80, 6).cut(bx(-15, -15, -1, 15, 15, 7))"]))

conv("two-pockets-bar", SP,
     T("150x50x15 bar. Pocket 1: 40 long (along the bar) x 30, 5 deep, centred 35 from the left end. Pocket 2: round, "
       "Ø25, 8 deep, centred 35 from the right end.",
       "result = blk(150, 50, 15).cut(bx(-60, -15, 10, -20, 15, 16)).cut(rod(25, (40, 0, 7), 'z', 9))",
       112500 - 40 * 30 * 5 - cyl(25, 8),
       wrongs=["result = blk(150, 50, 15).cut(bx(-60, -15, 10, -20, 15, 16))"],
       iou_wrong="result = blk(150, 50, 15).cut(bx(-20, -15, 10, 20, 15, 16)).cut(rod(25, (0, 0, 7), 'z', 9))"))

conv("slot-cm-plate", SP,
     T("plate 20cm x 10cm, thickness 1cm, one slot width 1,2 cm and length 8 cm in the middle, along the long "
       "direction, and 2 hole 1 cm dia on the centre line, 2 cm from each short end",
       "result = holes(blk(200, 100, 10), [(-80, 0), (80, 0)], 10, 0, 10).cut("
       + slot.format(z=-1, x=0, y=0, l=80, w=12, a=0, h=12) + ")",
       200000 - ((80 - 12) * 12 + pi * 36) * 10 - 2 * cyl(10, 10), bbox_want=[200, 100, 10],
       wrongs=["result = holes(blk(200, 100, 10), [(-80, 0), (80, 0)], 10, 0, 10)"]))
