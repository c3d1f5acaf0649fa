"""Builds the dev14 set: every turn's bbox and volume from a CadQuery solid, checked against its closed form.
Usage: python make_set.py [OUT_FOLDER]   (default: this folder; writes *.yaml and refs/*.step)"""
import math
import os
import sys

import cadquery as cq
import yaml

PI = math.pi
IN = 25.4
V = cq.Vector


def W():
    return cq.Workplane("XY")


def box(L, Wd, H, z0=0.0):
    return cq.Workplane("XY").add(cq.Solid.makeBox(L, Wd, H, V(-L / 2, -Wd / 2, z0)))


def rbox(L, Wd, H, r):
    return box(L, Wd, H).edges("|Z").fillet(r)


def chbox(L, Wd, H, c):
    return box(L, Wd, H).edges("|Z").chamfer(c)


def cyl(d, h, x=0, y=0, z=0, axis=(0, 0, 1)):
    return cq.Solid.makeCylinder(d / 2, h, V(x, y, z), V(*axis))


def cylW(d, h, x=0, y=0, z=0, axis=(0, 0, 1)):
    return cq.Workplane("XY").add(cyl(d, h, x, y, z, axis))


def cut_holes(s, pts, d, z0, h):
    for x, y in pts:
        s = s.cut(cyl(d, h, x, y, z0))
    return s


def cbore(s, pts, top, d, D, k, bottom=0.0):
    for x, y in pts:
        s = s.cut(cyl(d, top - bottom + 2, x, y, bottom - 1))
        s = s.cut(cyl(D, k + 1, x, y, top - k))
    return s


def csk(s, pts, top, d, D, bottom=0.0):
    h = (D - d) / 2
    for x, y in pts:
        s = s.cut(cyl(d, top - bottom + 2, x, y, bottom - 1))
        s = s.cut(cq.Solid.makeCone(d / 2, D / 2 + 1, h + 1, V(x, y, top - h), V(0, 0, 1)))
    return s


def slot(s, x, y, L, w, angle, z0, h):
    return s.cut(W().workplane(offset=z0).center(x, y).slot2D(L, w, angle).extrude(h))


def rect_pts(a, b):
    return [(sx * a / 2, sy * b / 2) for sx in (-1, 1) for sy in (-1, 1)]


def circ_pts(n, pcd, start=0.0):
    return [(pcd / 2 * math.cos(start + 2 * PI * i / n), pcd / 2 * math.sin(start + 2 * PI * i / n)) for i in range(n)]


def grid_pts(nx, ny, px, py):
    return [((i - (nx - 1) / 2) * px, (j - (ny - 1) / 2) * py) for i in range(nx) for j in range(ny)]


# closed forms
def A_circ(d):
    return PI * d * d / 4


def A_slot(L, w):
    return (L - w) * w + PI * w * w / 4


def A_round_corners(r):          # area removed by rounding four corners
    return (4 - PI) * r * r


def top_chamfer_removed(P, c):   # mitred chamfer of a rectangle's top edges, perimeter P
    return P * c * c / 2 - 4 * c ** 3 / 3


def cbore_removed(t, d, D, k):
    return A_circ(D) * k + A_circ(d) * (t - k)


def csk_removed(t, d, D):
    h = (D - d) / 2
    return A_circ(d) * (t - h) + PI * h / 12 * (D * D + D * d + d * d)


def props(s):
    sh = s.val() if isinstance(s, cq.Workplane) else s
    bb = sh.BoundingBox()
    solids = len(sh.Solids())
    return sh.Volume(), sorted([bb.xlen, bb.ylen, bb.zlen]), solids


CHECKS = []


def turn(user, intent=None, bbox=None, shape=None, vol=None, vol_mode="formula", variants=None, ok=True,
         extra=None, iou=None):
    """vol: closed-form value (checked against shape); vol_mode 'cq': use the built shape's volume
    (no elementary closed form); 'none': no volume check. variants: shapes at the ends of an
    M-size range: the midpoint is used when the half spread is under 1.2%."""
    exp = {"ok": ok}
    if intent:
        exp["intent"] = intent
    if ok:
        exp["solids"] = 1
    if shape is not None:
        v, bb, n = props(shape)
        assert n == 1, (user, n)
        if bbox is not None:
            for a, b in zip(sorted(bbox), bb):
                assert abs(a - b) < 1e-3, (user, bbox, bb)
        else:
            bbox = bb
        if vol_mode == "formula":
            assert vol is not None, user
            rel = abs(v - vol) / vol
            assert rel < 5e-4, (user, v, vol, rel)
        elif vol_mode == "cq":
            vol = v
        elif vol_mode == "range":
            vs = [props(x)[0] for x in variants]
            lo, hi = min(vs), max(vs)
            mid = (lo + hi) / 2
            half = (hi - lo) / 2 / mid
            assert half < 0.012, (user, lo, hi, half)
            vol = mid
            CHECKS.append((user[:50], "range", round(lo, 1), round(hi, 1), round(half, 4)))
            extra = dict(extra or {}, _range_tol=math.ceil((half + 0.003) * 1000) / 1000)
    if bbox is not None and ok:
        exp["bbox"] = [round(x, 3) for x in sorted(bbox, reverse=True)]
    if vol is not None and ok and vol_mode != "none":
        exp["volume"] = round(vol, 1)
    if extra:
        exp.update(extra)
    if iou:
        exp["_iou"] = (shape, iou)
    return {"user": user, "expect": exp}


def write(folder, name, category, description, turns):
    # exact geometry: 0.5% volume tolerance, tighter when an edit changes the volume by less than 1.25%
    # (so a turn that ignored the edit fails); an M-size range: its half spread + 0.3%
    prev = None
    for i, t in enumerate(turns, 1):
        e = t["expect"]
        if "_iou" in e:
            shape, minimum = e.pop("_iou")
            os.makedirs(os.path.join(folder, "refs"), exist_ok=True)
            ref = f"refs/{name}-t{i}.step"
            cq.exporters.export(shape, os.path.join(folder, ref))
            e["iou"] = {"reference": ref, "min": minimum}
        if "volume" in e:
            if "_range_tol" in e:
                tol = e.pop("_range_tol")
            else:
                tol = 0.005
                if prev is not None and prev != e["volume"]:
                    rel = abs(e["volume"] - prev) / e["volume"]
                    tol = min(tol, max(0.0005, math.floor(0.4 * rel * 10000) / 10000))
            if tol != 0.02:
                e["volume_tol"] = tol
            prev = e["volume"]
    d = {"id": f"d14-{name}", "category": category, "description": description, "turns": turns}
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}.yaml"), "w") as f:
        f.write(f"# written by an outside evaluator (w15), 2026-11-30; volumes checked by building each solid in CadQuery\n")
        yaml.safe_dump(d, f, sort_keys=False, allow_unicode=True, width=200, default_flow_style=None)



OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
T = turn

# ---------------------------------------------------------------- C1 plate + slot + corner holes + rounded corners
def c1(slotL, hd):
    s = rbox(120, 80, 8, 8)
    s = cut_holes(s, rect_pts(100, 60), hd, -1, 10)
    return slot(s, 0, 0, slotL, 10, 0, -1, 10)
def v1(slotL, hd):
    return 8 * (120 * 80 - A_round_corners(8) - 4 * A_circ(hd) - A_slot(slotL, 10))
write(OUT, "plate-slot-corner-holes", "plates_compound",
      "Plate with a slot, four corner holes and rounded corners; resize the slot, then the holes, then undo.", [
    T("need a 120x80 plate 8mm thick with a 40 long x 10 wide slot in the middle running lengthwise, four Ø6.5 holes 10mm in from each corner, and R8 on the corners",
      "new_design", [120, 80, 8], c1(40, 6.5), v1(40, 6.5)),
    T("make the slot 60 long", "modify", [120, 80, 8], c1(60, 6.5), v1(60, 6.5)),
    T("and drop those four holes to 5.5", "modify", [120, 80, 8], c1(60, 5.5), v1(60, 5.5)),
    T("undo", "undo", [120, 80, 8], c1(60, 6.5), v1(60, 6.5)),
])

# ---------------------------------------------------------------- C2 inch plate, centre hole + corner holes
def c2(L, t, hc):
    s = box(L, 3 * IN, t)
    s = cut_holes(s, rect_pts(L - IN, 2 * IN), 3 / 16 * IN, -1, t + 2)
    return cut_holes(s, [(0, 0)], hc, -1, t + 2)
def v2(L, t, hc):
    return t * (L * 3 * IN - 4 * A_circ(3 / 16 * IN) - A_circ(hc))
write(OUT, "plate-inch-center-hole", "plates_inch",
      "Inch plate with a centre hole and four corner holes; longer, bigger centre hole, thicker.", [
    T('4" x 3" plate, 1/4" thick. 1" hole dead center and four 3/16" holes 1/2" in from the corners',
      "new_design", [4 * IN, 3 * IN, IN / 4], c2(4 * IN, IN / 4, IN), v2(4 * IN, IN / 4, IN)),
    T("make it 5 inches long, corner holes stay 1/2 in from the corners", "modify", [5 * IN, 3 * IN, IN / 4],
      c2(5 * IN, IN / 4, IN), v2(5 * IN, IN / 4, IN), iou=0.99),
    T('bump the center hole up to 1-1/4"', "modify", [5 * IN, 3 * IN, IN / 4],
      c2(5 * IN, IN / 4, 1.25 * IN), v2(5 * IN, IN / 4, 1.25 * IN)),
    T("and go 3/8 thick", "modify", [5 * IN, 3 * IN, 0.375 * IN],
      c2(5 * IN, 0.375 * IN, 1.25 * IN), v2(5 * IN, 0.375 * IN, 1.25 * IN)),
])

# ---------------------------------------------------------------- C3 grid of holes + top chamfer
def c3(n, p, d):
    s = box(100, 100, 6).faces(">Z").edges().chamfer(1)
    return cut_holes(s, grid_pts(n, n, p, p), d, -1, 8)
def v3(n, d):
    return 6 * (100 * 100 - n * n * A_circ(d)) - top_chamfer_removed(400, 1)
write(OUT, "plate-grid-chamfer", "plates_compound",
      "Plate with a 3x3 hole grid and chamfered top edges; regrid 4x4, smaller holes, back to the first.", [
    T("Mounting plate 100 x 100 x 6, nine 5mm holes three by three on 30mm spacing, centered. chamfer the 4 top outside edges 1mm.",
      "new_design", [100, 100, 6], c3(3, 30, 5), v3(3, 5)),
    T("change it to a 4 by 4 grid, 20 pitch", "modify", [100, 100, 6], c3(4, 20, 5), v3(4, 5)),
    T("holes 4mm instead", "modify", [100, 100, 6], c3(4, 20, 4), v3(4, 4)),
    T("nah go back to the first one", "undo", [100, 100, 6], c3(3, 30, 5), v3(3, 5)),
])

# ---------------------------------------------------------------- C4 block, cross bore + counterbored top holes
def c4(bore, xs, ch=0):
    s = box(60, 40, 30)
    if ch:
        s = s.faces(">Z").edges().chamfer(ch)
    s = s.cut(cyl(bore, 42, 0, -21, 15, (0, 1, 0)))
    return cbore(s, [(x, 0) for x in xs], 30, 6.6, 11, 6.5)
def v4(bore, n, ch=0):
    return 60 * 40 * 30 - A_circ(bore) * 40 - n * cbore_removed(30, 6.6, 11, 6.5) - (top_chamfer_removed(200, ch) if ch else 0)
write(OUT, "block-cross-bore-cbore", "blocks_compound",
      "Block with a cross bore and a counterbored top hole; bigger bore, a second counterbored hole, top chamfer.", [
    T("block 60 x 40 x 30 high. 12mm cross bore through the 40 width, centered on the length, at mid height. plus a counterbored hole from the top 15mm from one end (centered across): 6.6 thru, 11 dia x 6.5 deep cbore",
      "new_design", [60, 40, 30], c4(12, [-15]), v4(12, 1)),
    T("open the bore up to 16", "modify", [60, 40, 30], c4(16, [-15]), v4(16, 1)),
    T("also put another one of those counterbored holes at the other end, same distance in", "modify", [60, 40, 30],
      c4(16, [-15, 15]), v4(16, 2)),
    T("chamfer the outside top edges 2mm", "modify", [60, 40, 30], c4(16, [-15, 15], 2), v4(16, 2, 2)),
])

# ---------------------------------------------------------------- C5 cube, all edges chamfered, through hole
def c5(c, d):
    s = box(50, 50, 50).edges().chamfer(c)
    return cut_holes(s, [(0, 0)], d, -1, 52)
write(OUT, "cube-chamfer-hole", "blocks_compound",
      "Cube with every edge chamfered and a through hole; bigger chamfers, bigger hole.", [
    T("50mm cube, all 12 edges chamfered 3mm, 20mm hole straight thru the middle top to bottom",
      "new_design", [50, 50, 50], c5(3, 20), vol_mode="cq"),
    T("bigger chamfers, 5", "modify", [50, 50, 50], c5(5, 20), vol_mode="cq"),
    T("and make the hole 25", "modify", [50, 50, 50], c5(5, 25), vol_mode="cq"),
])

# ---------------------------------------------------------------- C6 plate, pocket, countersunk M4 holes
def c6(depth, a, b, d, D):
    s = box(150, 60, 10)
    s = s.cut(box(40, 20, depth + 1, 10 - depth))
    return csk(s, rect_pts(a, b), 10, d, D)
def v6(depth, d, D):
    return 150 * 60 * 10 - 40 * 20 * depth - 4 * csk_removed(10, d, D)
M4 = [(4.3, 8.0), (4.8, 8.96)]
write(OUT, "plate-pocket-csk-m4", "plates_compound",
      "Plate with a central pocket and four M4 countersunk holes; deeper pocket, wider hole pattern.", [
    T("base plate 150x60x10 with a 40 x 20 pocket 4 deep in the centre and four countersunk holes for M4 on a 130 x 40 rectangle",
      "new_design", [150, 60, 10], c6(4, 130, 40, 4.5, 8.5), vol_mode="range",
      variants=[c6(4, 130, 40, d, D) for d, D in M4]),
    T("make that pocket 8 deep", "modify", [150, 60, 10], c6(8, 130, 40, 4.5, 8.5), vol_mode="range",
      variants=[c6(8, 130, 40, d, D) for d, D in M4]),
    T("move the holes out to a 140 x 50 pattern", "modify", [150, 60, 10], c6(8, 140, 50, 4.5, 8.5), vol_mode="range",
      variants=[c6(8, 140, 50, d, D) for d, D in M4], iou=0.99),
])

# ---------------------------------------------------------------- C7 block, two M8 counterbores + bottom slot
M8 = [(8.4, 14, 8.6), (9.0, 15, 9.0)]
def c7(L, sw, sd, d, D, k):
    s = box(L, 30, 20)
    s = s.cut(box(sw, 32, sd + 1, -1))
    return cbore(s, [(-25, 0), (25, 0)], 20, d, D, k)
write(OUT, "block-two-cbore-slot", "blocks_compound",
      "Block with two M8 counterbored holes and a slot across the bottom; longer block, wider and deeper slot.", [
    T("steel block 80 long 30 wide 20 high, two M8 counterbored holes from the top, 50 apart on the centreline, and a 10 wide 5 deep slot across the bottom the full width",
      "new_design", [80, 30, 20], c7(80, 10, 5, 8.7, 14.5, 8.8), vol_mode="range",
      variants=[c7(80, 10, 5, *m) for m in M8]),
    T("make the block 100 long and keep the holes 50 apart", "modify", [100, 30, 20], c7(100, 10, 5, 8.7, 14.5, 8.8),
      vol_mode="range", variants=[c7(100, 10, 5, *m) for m in M8]),
    T("slot 12 wide and 6 deep please", "modify", [100, 30, 20], c7(100, 12, 6, 8.7, 14.5, 8.8),
      vol_mode="range", variants=[c7(100, 12, 6, *m) for m in M8]),
])

# ---------------------------------------------------------------- C8 tube with cross holes
def c8(L, holes=True):
    s = cylW(40, L).cut(cyl(30, L + 2, 0, 0, -1))
    if holes:
        for z in (15, L - 15):
            s = s.cut(cyl(8, 50, -25, 0, z, (1, 0, 0)))
    return s
write(OUT, "tube-cross-holes", "tubes_compound",
      "Tube with a cross hole near each end; longer tube, then no cross holes.", [
    T("tube 40 OD 30 ID 100 long with an 8mm cross hole straight through both walls 15mm from each end",
      "new_design", [40, 40, 100], c8(100), vol_mode="cq"),
    T("make it 150 long, cross holes stay 15 in from the ends", "modify", [40, 40, 150], c8(150), vol_mode="cq", iou=0.99),
    T("get rid of the cross holes", "modify", [40, 40, 150], c8(150, False), PI / 4 * (1600 - 900) * 150),
])

# ---------------------------------------------------------------- C9 inch spacer with chamfers
def c9(L, ch=True):
    s = cylW(0.75 * IN, L)
    if ch:
        s = s.faces(">Z or <Z").edges().chamfer(IN / 32)
    return s.cut(cyl(0.257 * IN, L + 2, 0, 0, -1))
def v9(L, ch=True):
    R, c = 0.375 * IN, IN / 32
    v = PI / 4 * ((0.75 * IN) ** 2 - (0.257 * IN) ** 2) * L
    return v - (2 * 2 * PI * (R - c / 3) * c * c / 2 if ch else 0)
write(OUT, "spacer-inch-chamfer", "spacers",
      "Inch spacer with chamfered outside edges; longer, then no chamfers.", [
    T('spacer, 3/4" OD, .257 ID, 1/2" long, 1/32 x 45 chamfer on the outside edge at both ends',
      "new_design", [0.75 * IN, 0.75 * IN, IN / 2], c9(IN / 2), v9(IN / 2)),
    T('make it 1" long', "modify", [0.75 * IN, 0.75 * IN, IN], c9(IN), v9(IN)),
    T("lose the chamfers", "modify", [0.75 * IN, 0.75 * IN, IN], c9(IN, False), v9(IN, False)),
])

# ---------------------------------------------------------------- C10 washer for M10
def c10(od, t, hd):
    return cylW(od, t).cut(cyl(hd, t + 2, 0, 0, -1))
write(OUT, "washer-m10", "washers",
      "Washer sized by the screw (M10 clearance); thicker and wider.", [
    T("washer for M10, 30 OD, 2.5 thk", "new_design", [30, 30, 2.5], c10(30, 2.5, 10.75), vol_mode="range",
      variants=[c10(30, 2.5, 10.5), c10(30, 2.5, 11)]),
    T("make it 3mm thick and 34 across", "modify", [34, 34, 3], c10(34, 3, 10.75), vol_mode="range",
      variants=[c10(34, 3, 10.5), c10(34, 3, 11)]),
])

# ---------------------------------------------------------------- C11 flange, hub, bore, bolt circle
def c11(n, hubh, bore, hub):
    s = cylW(120, 12).union(cyl(hub, hubh, 0, 0, 12))
    s = s.cut(cyl(bore, 12 + hubh + 2, 0, 0, -1))
    return cut_holes(s, circ_pts(n, 90), 11, -1, 14)
def v11(n, hubh, bore, hub):
    return PI / 4 * (120 ** 2 * 12 + hub ** 2 * hubh - bore ** 2 * (12 + hubh) - n * 121 * 12)
write(OUT, "flange-hub-bolt-circle", "flanges_compound",
      "Flange with a hub, a bore and a bolt circle; more holes, taller hub, bore and hub in one sentence.", [
    T("flange: OD 120, 12 thick, hub Ø60 sticking up another 25, 40 bore through everything, 6x Ø11 on a 90 PCD",
      "new_design", [120, 120, 37], c11(6, 25, 40, 60), v11(6, 25, 40, 60)),
    T("8 holes instead of 6", "modify", [120, 120, 37], c11(8, 25, 40, 60), v11(8, 25, 40, 60)),
    T("make the hub 30 tall", "modify", [120, 120, 42], c11(8, 30, 40, 60), v11(8, 30, 40, 60)),
    T("bore to 45 and the hub OD to 65", "modify", [120, 120, 42], c11(8, 30, 45, 65), v11(8, 30, 45, 65)),
])

# ---------------------------------------------------------------- C12 inch flange
def c12(n, bc):
    s = cylW(4 * IN, IN / 2).union(cyl(2 * IN, IN, 0, 0, IN / 2))
    s = s.cut(cyl(IN, 2 * IN, 0, 0, -1))
    return cut_holes(s, circ_pts(n, bc), 0.375 * IN, -1, IN)
def v12(n):
    return PI / 4 * ((4 * IN) ** 2 * IN / 2 + (2 * IN) ** 2 * IN - IN ** 2 * 1.5 * IN - n * (0.375 * IN) ** 2 * IN / 2)
write(OUT, "flange-inch-hub", "flanges_compound",
      "Inch flange with hub, bore and four holes on a bolt circle; bigger bolt circle, six holes.", [
    T('4" dia flange 1/2" thick with a 2" hub 1" high, 1" thru bore, four 3/8" holes on a 3" bolt circle',
      "new_design", [4 * IN, 4 * IN, 1.5 * IN], c12(4, 3 * IN), v12(4)),
    T('bolt circle out to 3-1/4"', "modify", [4 * IN, 4 * IN, 1.5 * IN], c12(4, 3.25 * IN), v12(4), iou=0.99),
    T("six holes", "modify", [4 * IN, 4 * IN, 1.5 * IN], c12(6, 3.25 * IN), v12(6)),
])

# ---------------------------------------------------------------- C13 blind flange with raised face
def c13(t):
    s = cylW(150, t).union(cyl(100, 2, 0, 0, t))
    return cut_holes(s, circ_pts(8, 120), 18, -1, t + 2)
def v13(t):
    return PI / 4 * (150 ** 2 * t + 100 ** 2 * 2 - 8 * 18 ** 2 * t)
write(OUT, "blind-flange-raised-face", "flanges_compound",
      "Blind flange with a raised face and eight holes; thicker.", [
    T("blind flange 150 OD 16 thick, raised face 100 dia 2mm high, 8 holes Ø18 on a 120 BC, no centre hole",
      "new_design", [150, 150, 18], c13(16), v13(16)),
    T("make the flange 20 thick (raised face stays 2)", "modify", [150, 150, 22], c13(20), v13(20)),
])

# ---------------------------------------------------------------- C14 L bracket, holes in each leg, inside fillet
def c14(a, b, nb, fillet=True):
    # leg A along +X (length a, outside), leg B along +Z (height b, outside), width 40 along Y, t 5
    s = box(a, 40, 5).translate((a / 2, 0, 0)).union(box(5, 40, b).translate((2.5, 0, 0)))
    if fillet:
        s = s.edges(cq.selectors.NearestToPointSelector((5, 0, 5))).fillet(5)
    s = cut_holes(s, [(a - 15, -10), (a - 15, 10)], 6, -1, 7)
    zs = [b - 15] if nb == 1 else ([b - 15, b - 15] if nb == 2 else [b - 15, b - 15, b - 30])
    ys = [0] if nb == 1 else ([-10, 10] if nb == 2 else [-10, 10, 0])
    for z, y in zip(zs, ys):
        s = s.cut(cyl(6, 7, -1, y, z, (1, 0, 0)))
    return s
def v14(a, b, nb, fillet=True):
    return 40 * 5 * (a + b - 5) + ((1 - PI / 4) * 25 * 40 if fillet else 0) - (2 + nb) * A_circ(6) * 5
write(OUT, "l-bracket-holes-fillet", "brackets_compound",
      "L bracket with two holes in each leg and an inside bend fillet; longer leg, a third hole in the other leg, no fillet.", [
    T("L bracket from 5mm plate, 40 wide, legs 60 and 50 measured outside, two 6mm holes in each leg, R5 fillet on the inside of the bend",
      "new_design", [60, 50, 40], c14(60, 50, 2), v14(60, 50, 2)),
    T("make the 60 leg 80 long", "modify", [80, 50, 40], c14(80, 50, 2), v14(80, 50, 2)),
    T("add a third hole to the shorter leg", "modify", [80, 50, 40], c14(80, 50, 3), v14(80, 50, 3)),
    T("no fillet in the bend after all", "modify", [80, 50, 40], c14(80, 50, 3, False), v14(80, 50, 3, False)),
])

# ---------------------------------------------------------------- C15 U channel with holes in walls and base
def c15(H, base_holes=True):
    s = box(80, 40, 4).union(box(4, 40, H).translate((-38, 0, 0))).union(box(4, 40, H).translate((38, 0, 0)))
    s = s.cut(cyl(8, 90, -45, 0, H / 2 + 2, (1, 0, 0)))
    if base_holes:
        s = cut_holes(s, [(-15, 0), (15, 0)], 8, -1, 6)
    return s
def v15(H, nb):
    return 80 * 40 * 4 + 2 * 4 * 40 * (H - 4) - (2 + nb) * A_circ(8) * 4
write(OUT, "u-channel-holes", "brackets_compound",
      "U channel with a hole in each side wall and two in the base; taller walls, base holes removed.", [
    T("U channel: 80 wide outside, 40 deep, sides 30 tall (outside), all 4 thick. one 8mm hole in each side wall, two 8mm holes in the base",
      "new_design", [80, 40, 30], c15(30), v15(30, 2)),
    T("make the walls 50 tall", "modify", [80, 40, 50], c15(50), v15(50, 2)),
    T("drop the holes in the base", "modify", [80, 40, 50], c15(50, False), v15(50, 0)),
])

# ---------------------------------------------------------------- C16 enclosure with lid lip
def c16(L, hole=False):
    s = box(L, 60, 40).cut(box(L - 4, 56, 40, 2))
    s = s.union(box(L - 2, 58, 3, 40).cut(box(L - 4, 56, 5, 39)))
    if hole:
        s = s.cut(cyl(12, 6, -L / 2 - 1, 0, 20, (1, 0, 0)))
    return s
def v16(L, hole=False):
    return L * 60 * 40 - (L - 4) * 56 * 38 + ((L - 2) * 58 - (L - 4) * 56) * 3 - (A_circ(12) * 2 if hole else 0)
write(OUT, "box-lid-lip", "boxes_compound",
      "Open box with a lid lip on the inner half of the wall; a cable hole in an end wall, then longer.", [
    T("electronics enclosure 100 x 60 x 40, 2mm wall all round and on the bottom, open top, with a lip on top for the lid: 1mm thick, 3mm high, on the inside half of the wall",
      "new_design", [100, 60, 43], c16(100), v16(100)),
    T("put a 12mm hole in one of the short ends for a cable gland", "modify", [100, 60, 43], c16(100, True), v16(100, True)),
    T("whole box 120 long", "modify", [120, 60, 43], c16(120, True), v16(120, True)),
])

# ---------------------------------------------------------------- C17 cup with outside bottom fillet
def c17(H, fillet=True):
    s = cylW(70, H)
    if fillet:
        s = s.faces("<Z").edges().fillet(5)
    return s.cut(cyl(64, H, 0, 0, 5))
def v17(H, fillet=True):
    r, R = 5, 35
    A = (1 - PI / 4) * r * r
    xbar = r * (10 - 3 * PI) / (3 * (4 - PI))      # centroid of the fillet's spandrel from the corner
    removed = 2 * PI * (R - xbar) * A
    return PI / 4 * (70 ** 2 * H - 64 ** 2 * (H - 5)) - (removed if fillet else 0)
write(OUT, "cup-bottom-fillet", "boxes_compound",
      "Cup with a thick bottom and a filleted outside bottom edge; taller, fillet removed.", [
    T("a cup 70 OD 90 tall, 3mm wall, 5mm thick bottom, fillet the outside bottom edge 5mm",
      "new_design", [70, 70, 90], c17(90), v17(90)),
    T("make it taller, 110", "modify", [70, 70, 110], c17(110), v17(110)),
    T("remove the fillet", "modify", [70, 70, 110], c17(110, False), v17(110, False)),
])

# ---------------------------------------------------------------- C18 stepped shaft with keyway
def keyway_area(D, w, depth):
    R = D / 2
    F = lambda x: x * math.sqrt(R * R - x * x) / 2 + R * R / 2 * math.asin(x / R)
    return F(w / 2) - F(-w / 2) - (R - depth) * w
def c18(L2, ch=False):
    s = cylW(25, 60)
    if ch:
        s = s.faces("<Z").edges().chamfer(1)
    s = s.union(cyl(20, L2, 0, 0, 60))
    return s.cut(box(6, 20, 30).translate((0, 10 + 10 - 3.5, 60 + L2 - 25)))
def v18(L2, ch=False):
    v = PI / 4 * (25 ** 2 * 60 + 20 ** 2 * L2) - 25 * keyway_area(20, 6, 3.5)
    return v - (2 * PI * (12.5 - 1 / 3) * 0.5 if ch else 0)
write(OUT, "shaft-step-keyway", "shafts_compound",
      "Two-step shaft with an open keyway on the small end; longer small step, chamfer on the big end.", [
    T("stepped shaft: 25 dia x 60 long, then 20 dia x 40 long, with a keyway on the 20 end: 6 wide, 3.5 deep, 25 long, open at the end",
      "new_design", [25, 25, 100], c18(40), v18(40)),
    T("make the 20mm section 50 long, same keyway", "modify", [25, 25, 110], c18(50), v18(50)),
    T("put a 1mm chamfer on the big end", "modify", [25, 25, 110], c18(50, True), v18(50, True)),
])

# ---------------------------------------------------------------- C19 hex standoff (tapped: no volume)
def hexb(af, L):
    return [af, af / math.cos(PI / 6), L]
write(OUT, "hex-standoff-tapped", "standoffs",
      "Hex standoff tapped M4 through (tapped holes: no volume check); longer, bigger across flats.", [
    T("hex standoff 8mm across flats, 20 long, M4 tapped thru", "new_design", hexb(8, 20)),
    T("25 long", "modify", hexb(8, 25)),
    T("10 AF", "modify", hexb(10, 25)),
])

# ---------------------------------------------------------------- C20 block, rounded vertical edges, pocket
def c20(depth, corners="round"):
    s = rbox(70, 50, 20, 10) if corners == "round" else chbox(70, 50, 20, 5)
    return s.cut(rbox(30, 20, depth + 1, 3).translate((0, 0, 20 - depth)))
def v20(depth, corners="round"):
    outer = 3500 - (A_round_corners(10) if corners == "round" else 4 * 12.5)
    return 20 * outer - depth * (600 - A_round_corners(3))
write(OUT, "block-rounded-pocket", "blocks_compound",
      "Block with rounded vertical edges and a pocket with corner radii; deeper pocket, swap rounds for chamfers.", [
    T("block 70x50x20, round the four vertical edges R10, with a 30 x 20 pocket 8 deep in the middle, R3 in the pocket corners",
      "new_design", [70, 50, 20], c20(8), v20(8)),
    T("make the pocket 12 deep", "modify", [70, 50, 20], c20(12), v20(12)),
    T("swap the R10 corners for 5mm chamfers", "modify", [70, 50, 20], c20(12, "chamfer"), v20(12, "chamfer")),
])

# ---------------------------------------------------------------- C21 single: disc with bolt circle
def c21():
    s = cylW(100, 10).faces(">Z or <Z").edges().chamfer(1)
    s = s.cut(cyl(30, 12, 0, 0, -1))
    return cut_holes(s, circ_pts(6, 70), 8.5, -1, 12)
v21 = PI / 4 * (100 ** 2 * 10 - 30 ** 2 * 10 - 6 * 8.5 ** 2 * 10) - 2 * 2 * PI * (50 - 1 / 3) * 0.5
write(OUT, "disc-bolt-circle-typos", "single_compound",
      "One compound request with typos: disc, bore, bolt circle, chamfered outer edges.", [
    T("dsic 100 dia 10 thikc, 30 bore, 6 holes 8.5 on 70 pcd, 1mm chamfer top and bottom outer edge",
      "new_design", [100, 100, 10], c21(), v21),
])

# ---------------------------------------------------------------- C22 single: NEMA 17 plate
def c22(hd):
    s = rbox(60, 60, 5, 5)
    s = cut_holes(s, [(0, 0)], 22, -1, 7)
    return cut_holes(s, rect_pts(31, 31), hd, -1, 7)
write(OUT, "nema17-plate", "single_compound",
      "One compound request: NEMA 17 motor plate (boss hole, M3 clearance on the 31 mm square, rounded corners).", [
    T("NEMA 17 mount plate 60x60x5: 22mm hole in the middle for the boss and 4 M3 clearance holes on the 31mm square. corners R5",
      "new_design", [60, 60, 5], c22(3.4), vol_mode="range", variants=[c22(3.2), c22(3.6)]),
])

# ---------------------------------------------------------------- C23 single: plate, two slots, end holes
def c23():
    s = box(140, 50, 6)
    for x in (-20, 20):
        s = slot(s, x, 0, 30, 8, 0, -1, 8)
    return cut_holes(s, [(-60, 0), (60, 0)], 10, -1, 8)
v23 = 6 * (140 * 50 - 2 * A_slot(30, 8) - 2 * A_circ(10))
write(OUT, "plate-two-slots-end-holes", "single_compound",
      "One compound request: plate with two lengthwise slots and a hole at each end.", [
    T("make a 140 x 50 x 6 plate w/ two 8 wide slots, 30 long overall, running along the length 40 apart center to center, and a 10 mm hole at each end 10 from the end",
      "new_design", [140, 50, 6], c23(), v23),
])

# ---------------------------------------------------------------- C24 decline: keyboard mash
def c24(d):
    return box(30, 30, 30).cut(cyl(d, 32, 0, 0, -1))
write(OUT, "decline-mash-then-cube", "declines",
      "Keyboard mash must be declined; the real request follows, then an edit.", [
    T("jjjjjjjjk;lkjdf", ok=False),
    T("sorry, cat on keyboard. 30mm cube with a 10 mm hole through it", "new_design", [30, 30, 30], c24(10), 27000 - A_circ(10) * 30),
    T("hole 12", "modify", [30, 30, 30], c24(12), 27000 - A_circ(12) * 30),
])

# ---------------------------------------------------------------- C25 decline: impossible washer, edit after decline
write(OUT, "decline-washer-id-too-big", "declines",
      "A washer whose hole is larger than its outside must be declined; an edit right after it has no part to change; then a real one.", [
    T("washer 20 OD, 25 ID, 2 thick", ok=False),
    T("make it thicker", ok=False),
    T("ok my bad: washer 25 OD, 12 ID, 2 thick", "new_design", [25, 25, 2], c10(25, 2, 12), PI / 4 * (625 - 144) * 2),
])



# ---------------------------------------------------------------- C26 shelled box with floor holes
def c26(H, t):
    s = box(80, 50, H).faces(">Z").shell(-t)
    return cut_holes(s, rect_pts(60, 30), 4, -1, t + 2)
def v26(H, t):
    return 80 * 50 * H - (80 - 2 * t) * (50 - 2 * t) * (H - t) - 4 * A_circ(4) * t
write(OUT, "shell-box-floor-holes", "boxes_compound",
      "Open shelled box with four holes in the floor; thinner walls, 20% taller.", [
    T("shell a box 80x50x30, 2.5 walls, open top, 4x 4mm holes in the floor 10mm in from the outside corners",
      "new_design", [80, 50, 30], c26(30, 2.5), v26(30, 2.5)),
    T("make the walls 2", "modify", [80, 50, 30], c26(30, 2), v26(30, 2)),
    T("make it 20% taller", "modify", [80, 50, 36], c26(36, 2), v26(36, 2)),
])

# ---------------------------------------------------------------- C27 rounded block, shelled later
def c27(shell=False, hole=False):
    s = rbox(60, 40, 25, 6)
    if shell:
        s = s.faces(">Z").shell(-2)
    if hole:
        s = cut_holes(s, [(0, 0)], 10, -1, 4)
    return s
def v27(shell=False, hole=False):
    v = 25 * (2400 - A_round_corners(6))
    if shell:
        v -= 23 * (56 * 36 - A_round_corners(4))
    if hole:
        v -= A_circ(10) * 2
    return v
write(OUT, "rounded-block-shell-edits", "boxes_compound",
      "Block with rounded vertical edges, then hollowed with an open top, a floor hole, and undo.", [
    T("block 60 x 40 x 25 with the vertical edges rounded R6 and a 10mm hole straight down through the middle",
      "new_design", [60, 40, 25], cut_holes(rbox(60, 40, 25, 6), [(0, 0)], 10, -1, 27), 25 * (2400 - A_round_corners(6) - A_circ(10))),
    T("actually no hole. hollow it out instead, 2mm walls, open top", "modify", [60, 40, 25], c27(True), v27(True)),
    T("put a 10mm hole in the middle of the floor", "modify", [60, 40, 25], c27(True, True), v27(True, True)),
    T("undo", "undo", [60, 40, 25], c27(True), v27(True)),
])

# ---------------------------------------------------------------- C28 inch plate, counterbores + slot across
def c28(slotL, inset):
    s = box(6 * IN, 2.5 * IN, IN / 2)
    xs = [-(3 - inset) * IN, (3 - inset) * IN]
    s = cbore(s, [(x, 0) for x in xs], IN / 2, 0.281 * IN, 0.438 * IN, 0.25 * IN)
    return slot(s, 0, 0, slotL * IN, 0.375 * IN, 90, -1, IN)
def v28(slotL):
    return IN ** 3 * (6 * 2.5 * 0.5 - 2 * cbore_removed(0.5, 0.281, 0.438, 0.25) - 0.5 * A_slot(slotL, 0.375))
write(OUT, "plate-inch-cbore-slot", "plates_inch",
      "Inch plate with two counterbored holes and a slot across the width; longer slot, holes moved in.", [
    T('Plate 6" x 2-1/2" x 1/2". two counterbored holes 1" from each end on the centerline: .281 thru, .438 cbore .25 deep. and a 3/8" wide slot 1-1/2" long in the middle, across the width',
      "new_design", [6 * IN, 2.5 * IN, IN / 2], c28(1.5, 1), v28(1.5)),
    T('make the slot 2" long', "modify", [6 * IN, 2.5 * IN, IN / 2], c28(2, 1), v28(2)),
    T('move the counterbored holes in to 1-1/2" from the ends', "modify", [6 * IN, 2.5 * IN, IN / 2], c28(2, 1.5), v28(2),
      iou=0.99),
])

# ---------------------------------------------------------------- C29 cylinder, bore, radial holes
def c29(H, n):
    s = cylW(50, H).cut(cyl(20, H + 2, 0, 0, -1))
    s = s.cut(cyl(6, 60, -30, 0, H / 2, (1, 0, 0)))
    if n == 4:
        s = s.cut(cyl(6, 60, 0, -30, H / 2, (0, 1, 0)))
    return s
write(OUT, "cylinder-bore-radial-holes", "cylinders_compound",
      "Cylinder with an axial bore and four radial holes into it; taller (holes stay at mid height), two holes only.", [
    T("cylinder 50 dia 60 tall, 20mm bore through the axis, and four 6mm radial holes at mid height 90 degrees apart, going into the bore",
      "new_design", [50, 50, 60], c29(60, 4), vol_mode="cq"),
    T("make it 80 tall, holes still at mid height", "modify", [50, 50, 80], c29(80, 4), vol_mode="cq", iou=0.99),
    T("only two holes, opposite each other", "modify", [50, 50, 80], c29(80, 2), vol_mode="cq"),
])

# ---------------------------------------------------------------- C30 square plate, centre hole, M5 circle
def c30(n, dc, hd):
    s = rbox(90, 90, 6, 10)
    s = cut_holes(s, [(0, 0)], dc, -1, 8)
    return cut_holes(s, circ_pts(n, 60), hd, -1, 8)
write(OUT, "plate-centre-hole-m5-circle", "plates_compound",
      "Square plate with rounded corners, a centre hole and M5 clearance holes on a circle; more holes, bigger centre hole.", [
    T("square plate 90mm, 6 thick, rounded corners 10 rad, big 30 hole in the middle and 8 x M5 clearance around it on a 60 circle",
      "new_design", [90, 90, 6], c30(8, 30, 5.5), vol_mode="range", variants=[c30(8, 30, 5.3), c30(8, 30, 5.8)]),
    T("12 holes instead of 8", "modify", [90, 90, 6], c30(12, 30, 5.5), vol_mode="range",
      variants=[c30(12, 30, 5.3), c30(12, 30, 5.8)]),
    T("make the centre hole 40", "modify", [90, 90, 6], c30(12, 40, 5.5), vol_mode="range",
      variants=[c30(12, 40, 5.3), c30(12, 40, 5.8)]),
])

# ---------------------------------------------------------------- C31 angle bracket, slot in one leg, hole in the other
def c31(w, t, nh):
    s = box(40, w, t).translate((20, 0, 0)).union(box(t, w, 40).translate((t / 2, 0, 0)))
    s = s.cut(W().add(cq.Workplane("YZ").workplane(offset=-1).center(0, 24).slot2D(15, 6, 90).extrude(t + 2).val()))
    ys = [0] if nh == 1 else [-w / 4, w / 4]
    return cut_holes(s, [(25, y) for y in ys], 5, -1, t + 2)
def v31(w, t, nh):
    return w * t * (80 - t) - t * A_slot(15, 6) - nh * t * A_circ(5)
write(OUT, "angle-bracket-slot-hole", "brackets_compound",
      "Angle bracket with a slot in one leg and a hole in the other; twice as wide with a second hole, thicker.", [
    T("angle bracket, 3mm steel, 30 wide, 40 x 40 legs, a slot in one leg 6 wide 15 long running up the leg, and a 5mm hole in the other",
      "new_design", [40, 40, 30], c31(30, 3, 1), v31(30, 3, 1)),
    T("twice as wide, and put a second 5mm hole in the leg with the hole", "modify", [40, 40, 60], c31(60, 3, 2), v31(60, 3, 2)),
    T("make it 4mm thick", "modify", [40, 40, 60], c31(60, 4, 2), v31(60, 4, 2)),
])

# ---------------------------------------------------------------- C32 inch stepped shaft
def c32(L2, ch=True):
    c = IN / 16
    a = cylW(IN, 2 * IN)
    if ch:
        a = a.faces("<Z").edges().chamfer(c)
    b = cylW(0.5 * IN, 1.5 * IN).translate((0, 0, (2 + L2) * IN))
    if ch:
        b = b.faces(">Z").edges().chamfer(c)
    return a.union(cyl(0.75 * IN, L2 * IN, 0, 0, 2 * IN)).union(b)
def v32(L2, ch=True):
    c = 1 / 16
    v = PI / 4 * (1 * 2 + 0.5625 * L2 + 0.25 * 1.5)
    if ch:
        v -= 2 * PI * (0.5 - c / 3) * c * c / 2 + 2 * PI * (0.25 - c / 3) * c * c / 2
    return v * IN ** 3
write(OUT, "shaft-inch-three-steps", "shafts",
      "Three-step inch shaft with chamfered ends; longer middle step, no chamfers.", [
    T('turned shaft in inches: 1" dia for 2", then 3/4" for 3", then 1/2" for 1-1/2". 1/16" chamfer at both ends',
      "new_design", [IN, IN, 6.5 * IN], c32(3), v32(3)),
    T('make the 3/4 section 4" long', "modify", [IN, IN, 7.5 * IN], c32(4), v32(4)),
    T("no chamfers", "modify", [IN, IN, 7.5 * IN], c32(4, False), v32(4, False)),
])

# ---------------------------------------------------------------- C33 single: D shaft
R, h = 3, 0.5
seg = R * R * math.acos((R - h) / R) - (R - h) * math.sqrt(2 * R * h - h * h)
c33 = cylW(6, 40).cut(box(10, 10, 42, -1).translate((0, 5 + R - h, 0)))
write(OUT, "d-shaft", "single_compound",
      "One request: a D shaft (a flat along the full length).", [
    T("6mm D shaft, 40 long, 0.5mm flat along the full length", "new_design", [40, 6, 5.5], c33, 40 * (PI * 9 - seg)),
])

# ---------------------------------------------------------------- C34 single: block, long bore + vertical holes into it
c34 = box(100, 50, 40).cut(cyl(20, 102, -51, 0, 20, (1, 0, 0)))
c34 = cut_holes(c34, [(-20, 0), (20, 0)], 8, -1, 42)
write(OUT, "block-long-bore-vertical-holes", "single_compound",
      "One request: block with a lengthwise bore and two vertical holes that cross it.", [
    T("aluminium block 100 x 50 x 40: a 20mm bore through the long way on center, and two 8mm holes top to bottom 30mm from each end",
      "new_design", [100, 50, 40], c34, vol_mode="cq"),
])

# ---------------------------------------------------------------- C35 single: tube with an end flange
c35 = cylW(90, 8).union(cyl(50, 112, 0, 0, 8)).cut(cyl(44, 122, 0, 0, -1))
c35 = cut_holes(c35, circ_pts(4, 70), 9, -1, 10)
write(OUT, "tube-end-flange", "single_compound",
      "One request: tube with a flange on one end, bolt holes on a circle.", [
    T("tube 50 OD 44 ID, 120 long overall including an 8mm thick flange on one end, flange 90 OD with 4x 9 holes on a 70 bc",
      "new_design", [90, 90, 120], c35, PI / 4 * (50 ** 2 * 112 + 90 ** 2 * 8 - 44 ** 2 * 120 - 4 * 81 * 8)),
])

# ---------------------------------------------------------------- C37 decline: undefined part, edit after it
c37 = cut_holes(box(80, 20, 10), [(-30, 0), (30, 0)], 6, -1, 12)
write(OUT, "decline-undefined-then-edit", "declines",
      "A request that defines no part must be declined; an edit right after it has nothing to change; then a real request.", [
    T("make me the thing from last week", ok=False),
    T("make it 10mm longer", ok=False),
    T("ugh. fine: 80 x 20 x 10 bar with a 6mm hole 10 from each end", "new_design", [80, 20, 10], c37,
      16000 - 2 * A_circ(6) * 10),
])

# ---------------------------------------------------------------- C38 chatty plate, slot + end holes + rounded corners
def c38(sL, sw, corners="round"):
    s = rbox(200, 100, 10, 15) if corners == "round" else chbox(200, 100, 10, 10)
    s = slot(s, 0, 0, sL, sw, 0, -1, 12)
    return cut_holes(s, [(-80, 0), (80, 0)], 10, -1, 12)
def v38(sL, sw, corners="round"):
    c = A_round_corners(15) if corners == "round" else 4 * 50
    return 10 * (20000 - c - A_slot(sL, sw) - 2 * A_circ(10))
write(OUT, "plate-slot-end-holes-chatty", "plates_compound",
      "Chatty request: plate with a slot, a hole at each end and rounded corners; slot resized, corners swapped to chamfers, undo.", [
    T("hey, could you make me a plate 200 by 100, 10mm thick, with a slot 80 long and 12 wide running along the middle, plus a 10mm hole at each end on the centreline, 20 in from the end, and round the corners 15mm radius?",
      "new_design", [200, 100, 10], c38(80, 12), v38(80, 12)),
    T("widen the slot to 16 and make it 100 long", "modify", [200, 100, 10], c38(100, 16), v38(100, 16)),
    T("swap the round corners for 10mm chamfers", "modify", [200, 100, 10], c38(100, 16, "ch"), v38(100, 16, "ch")),
    T("scratch that, undo", "undo", [200, 100, 10], c38(100, 16), v38(100, 16)),
])

# ---------------------------------------------------------------- C39 block, countersunk M6, top chamfer
M6 = [(6.4, 11.3), (7.0, 13.44)]
def c39(H, ch, d, D):
    s = box(50, 50, H).faces(">Z").edges().chamfer(ch)
    return csk(s, rect_pts(30, 30), H, d, D)
write(OUT, "block-csk-m6-chamfer", "blocks_compound",
      "Block with four M6 countersunk through holes and a chamfered top; taller, bigger chamfer.", [
    T("50 x 50 x 25 block, 4 countersunk M6 holes 10mm in from the edges, through, plus 1.5 chamfer round the top outside edges",
      "new_design", [50, 50, 25], c39(25, 1.5, 6.7, 12.4), vol_mode="range", variants=[c39(25, 1.5, *m) for m in M6]),
    T("make the block 30 tall", "modify", [50, 50, 30], c39(30, 1.5, 6.7, 12.4), vol_mode="range",
      variants=[c39(30, 1.5, *m) for m in M6]),
    T("bigger chamfer, 3mm", "modify", [50, 50, 30], c39(30, 3, 6.7, 12.4), vol_mode="range",
      variants=[c39(30, 3, *m) for m in M6]),
])

# ---------------------------------------------------------------- C40 flanged bushing
def c40(L, bore, fd):
    return cylW(fd, 4).union(cyl(20, L - 4, 0, 0, 4)).cut(cyl(bore, L + 2, 0, 0, -1))
def v40(L, bore, fd):
    return PI / 4 * (400 * (L - 4) + fd * fd * 4 - bore * bore * L)
write(OUT, "flanged-bushing", "bushings",
      "Flanged bushing (body, flange, bore); bore and flange in one sentence, longer.", [
    T("flanged bushing, 25 long overall, body OD 20, flange 32 dia x 4, 12 bore", "new_design", [32, 32, 25],
      c40(25, 12, 32), v40(25, 12, 32)),
    T("bore 12.5 please, and flange 40 dia", "modify", [40, 40, 25], c40(25, 12.5, 40), v40(25, 12.5, 40)),
    T("make it 30 long", "modify", [40, 40, 30], c40(30, 12.5, 40), v40(30, 12.5, 40)),
])

# ---------------------------------------------------------------- C41 plate, holes in rows, number words
def c41(nx, px, hd):
    s = rbox(120, 60, 8, 5)
    return cut_holes(s, grid_pts(nx, 2, px, 30), hd, -1, 10)
write(OUT, "plate-rows-number-words", "plates_compound",
      "Plate sized in words with two rows of holes; four per row, then M6 clearance.", [
    T("Plate one hundred twenty by sixty, eight thick. Six holes, two rows of three, 6.5 dia, 40 pitch along the length and 30 between rows. R5 corners.",
      "new_design", [120, 60, 8], c41(3, 40, 6.5), 8 * (7200 - A_round_corners(5) - 6 * A_circ(6.5))),
    T("four holes per row, 30 pitch", "modify", [120, 60, 8], c41(4, 30, 6.5), 8 * (7200 - A_round_corners(5) - 8 * A_circ(6.5))),
    T("make those M6 clearance", "modify", [120, 60, 8], c41(4, 30, 6.6), vol_mode="range",
      variants=[c41(4, 30, 6.4), c41(4, 30, 7.0)]),
])

# ---------------------------------------------------------------- C42 inch boss, counterbore, blind holes on a BC
def c42(D, k):
    s = cylW(D * IN, IN)
    s = cbore(s, [(0, 0)], IN, 0.5 * IN, 0.75 * IN, k * IN)
    return cut_holes(s, circ_pts(4, 1.5 * IN), 0.166 * IN, IN / 2, IN)
def v42(D, k):
    return IN ** 3 * (PI / 4 * D * D - cbore_removed(1, 0.5, 0.75, k) - 4 * A_circ(0.166) * 0.5)
write(OUT, "boss-inch-cbore-blind-holes", "cylinders_compound",
      "Inch boss with a counterbored through hole and four blind holes on a bolt circle; deeper counterbore, bigger diameter.", [
    T('round boss 2" dia, 1" tall, 1/2" thru hole with a 3/4" counterbore 1/4" deep, and four .166 holes 1/2" deep on a 1-1/2" BC from the top',
      "new_design", [2 * IN, 2 * IN, IN], c42(2, 0.25), v42(2, 0.25)),
    T('counterbore deeper, 3/8"', "modify", [2 * IN, 2 * IN, IN], c42(2, 0.375), v42(2, 0.375)),
    T('go 2-1/2" dia', "modify", [2.5 * IN, 2.5 * IN, IN], c42(2.5, 0.375), v42(2.5, 0.375)),
])

# ---------------------------------------------------------------- C43 single: standoff with shoulder
c43 = cylW(10, 15).union(cyl(6, 3, 0, 0, 15)).cut(cyl(3.2, 20, 0, 0, -1))
write(OUT, "standoff-shoulder", "single_compound",
      "One request: round standoff with a shoulder on top and a through hole.", [
    T("round standoff 10 dia x 15 tall with a 6mm dia x 3 tall shoulder on top, 3.2 hole through everything",
      "new_design", [10, 10, 18], c43, PI / 4 * (100 * 15 + 36 * 3 - 3.2 ** 2 * 18)),
])

# ---------------------------------------------------------------- C44 single: L bracket, holes in both legs, outside chamfer
c44 = box(70, 50, 6).translate((35, 0, 0)).union(box(6, 50, 40).translate((3, 0, 0)))
c44 = c44.edges(cq.selectors.NearestToPointSelector((0, 0, 0))).chamfer(3)
c44 = cut_holes(c44, [(40, 0)], 20, -1, 8)
for y in (-12, 12):
    c44 = c44.cut(cyl(6.6, 8, -1, y, 25, (1, 0, 0)))
write(OUT, "l-bracket-big-hole-chamfer", "single_compound",
      "One request: L bracket with a big hole in the long leg, two holes in the short leg, outside bend chamfer.", [
    T("L-bracket 6mm thick, 50 wide, legs 70 and 40 outside, one 20 dia hole in the long leg and two 6.6 holes in the short leg, 3mm chamfer on the outside corner of the bend",
      "new_design", [70, 50, 40], c44, 50 * 6 * 104 - 6 * (A_circ(20) + 2 * A_circ(6.6)) - 4.5 * 50),
])

# ---------------------------------------------------------------- C45 centimetres: block, holes, vertical chamfers
def c45(L, d, xs):
    s = chbox(L, 60, 30, 5)
    return cut_holes(s, [(x, 0) for x in xs], d, -1, 32)
def v45(L, d, n):
    return 30 * (L * 60 - 4 * 12.5 - n * A_circ(d))
write(OUT, "block-cm-holes-chamfers", "blocks_compound",
      "Block in centimetres with two holes and chamfered vertical edges; longer (holes stay 3 cm from the ends), bigger holes plus a third.", [
    T("block 12 cm x 6 cm x 3 cm, 2 holes 1 cm dia through the top, 3 cm from each end, and 5mm chamfers on the 4 vertical edges",
      "new_design", [120, 60, 30], c45(120, 10, [-30, 30]), v45(120, 10, 2)),
    T("make it 15 cm long, holes still 3 cm in from the ends", "modify", [150, 60, 30], c45(150, 10, [-45, 45]), v45(150, 10, 2), iou=0.99),
    T("holes 1.2 cm and add a third one in the middle", "modify", [150, 60, 30], c45(150, 12, [-45, 0, 45]), v45(150, 12, 3)),
])

for c in CHECKS:
    print(*c)
