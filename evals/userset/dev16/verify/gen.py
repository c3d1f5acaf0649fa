import math, sys, os, yaml
from lib import *
CONVS=[]
def T(user, intent, bbox=None, vol=None, wp=None, **extra):
    return dict(user=user, intent=intent, bbox=bbox, vol=vol, wp=wp, extra=extra)
def D(user): return dict(user=user, decline=True)
def C(name, cat, desc, *turns): CONVS.append(dict(name=name, cat=cat, desc=desc, turns=list(turns)))

# ---------------- primitives (7)
C("prim-cube-terse","primitives","terse cube",
  T("25mm cube","new_design",[25,25,25],25**3,box(25,25,25)))
C("prim-block-bare-numbers","primitives","sizes with no role words",
  T("40 40 10 block pls","new_design",[40,40,10],40*40*10,box(40,40,10)))
C("prim-cylinder-inch-fractions","primitives","inches with a mixed fraction",
  T('cylinder 1-1/2" dia, 3" tall','new_design',[1.5*IN,1.5*IN,3*IN],cyl_area(1.5*IN)*3*IN,cylinder(1.5*IN,3*IN)))
C("prim-washer-nonnative","primitives","non-native word order",
  T("Please make washer, outside diameter 30, the hole diameter of 16, thick 3 mm.","new_design",[30,30,3],
    pi/4*(30**2-16**2)*3,tube(30,16,3)))
C("prim-cone-chatty","primitives","chatty cone",
  T("hey, could you make me a simple cone? base is 40 across and it's 60 high, comes to a point at the top","new_design",
    [40,40,60],pi/3*20**2*60,cq.Workplane("XY").add(cq.Solid.makeCone(20,0,60))))
C("prim-sphere-self-correction","primitives","corrects the size mid-request",
  T("ball 40 dia, no wait, 50","new_design",[50,50,50],pi/6*50**3,cq.Workplane("XY").sphere(25)))
hexnut=cq.Workplane("XY").polygon(6,13/math.cos(pi/6)).extrude(6.5).cut(cylinder(6.8,6.5))
C("prim-hex-nut-blank","primitives","hex across flats with a through hole",
  T("hex nut blank, 13 across flats, 6.5 thk, 6.8 hole thru the middle","new_design",
    [13/math.cos(pi/6),13,6.5],(math.sqrt(3)/2*13**2-cyl_area(6.8))*6.5,hexnut))

# ---------------- plates (5)
p=box(120,80,10); p=holes_z(p,[(x,y) for x in (-48,48) for y in (-28,28)],8.5)
C("plate-corner-holes-inset","plates","four holes inset from the corners, sizes first",
  T("plate 120 x 80 x 10, four 8.5 holes thru, 12 in from each corner","new_design",[120,80,10],
    120*80*10-4*cyl_area(8.5)*10,p))
p=box(80,80,5); p=holes_z(p,[(x,y) for x in (-20,0,20) for y in (-20,0,20)],6)
C("plate-grid-number-words","plates","grid in number words, plate size last",
  T("nine holes three by three, Ø6, 20 mm pitch, centred on a 80 sq plate 5 thick","new_design",[80,80,5],
    80*80*5-9*cyl_area(6)*5,p))
p=box(8*IN,1.25*IN,0.25*IN); p=holes_z(p,[(i*1.5*IN,0) for i in (-2,-1,0,1,2)],0.375*IN)
C("plate-row-inches","plates","flat bar with a row of holes, all inches",
  T('flat bar 8in x 1-1/4in x 1/4in with a row of 5 holes 3/8 dia down the middle, 1.5in apart','new_design',
    [8*IN,1.25*IN,0.25*IN],(8*1.25*0.25-5*pi/4*0.375**2*0.25)*IN**3,p))
p=tube(150,50,12); p=holes_z(p,[(60*math.cos(2*pi*k/6),60*math.sin(2*pi*k/6)) for k in range(6)],11)
C("plate-round-bolt-circle","plates","round plate with a PCD and a center bore",
  T("round plate dia 150 thk 12, 6 holes 11 dia on a 120 PCD and a 50 bore in the middle","new_design",[150,150,12],
    pi/4*(150**2-50**2)*12-6*cyl_area(11)*12,p))
p=box(90,50,6); p=holes_z(p,[(-25,0),(25,0)],10)
C("plate-holes-at-positions","plates","self-correction, holes placed by distance along the length",
  T("need a plate 80 long - no wait, make that 90 - 50 wide, 6 thick. two holes dia 10, at 20 and 70 along the length, halfway across","new_design",
    [90,50,6],90*50*6-2*cyl_area(10)*6,p))

# ---------------- holes (6, one declined)
p=holes_z(box(50,50,20),[(0,0)],9)
C("holes-m8-clearance-telegraphic","holes","M-size clearance through the center (volume within 1%: 8.4 to 10 mm all pass, no hole fails)",
  T("blk 50 sq x 20, M8 clearance thru ctr","new_design",[50,50,20],50*50*20-cyl_area(9)*20,p,volume_tol=0.01))
p=box(60,40,30).cut(cq.Workplane("YZ").circle(8).extrude(60,both=True))
C("holes-side-bore-along-length","holes","bore through the end faces, described by position",
  T("Block 60 long, 40 wide, 30 high. Put a 16 mm bore through it from one end to the other along the length, centred on the end face.",
    "new_design",[60,40,30],60*40*30-cyl_area(16)*60,p))
p=holes_z(box(3*IN,2*IN,0.5*IN),[(0,0)],0.5*IN,depth=0.25*IN)
C("holes-blind-inches","holes","blind hole, inches, thickness first",
  T('1/2 inch thick plate 3 x 2 inches, one blind hole 1/2" dia 1/4" deep in the middle','new_design',
    [3*IN,2*IN,0.5*IN],(3*2*0.5-pi/4*0.25*0.25)*IN**3,p))
csk_h=(12-6.6)/2
csk_rm=pi*3.3**2*(10-csk_h)+pi*csk_h/3*(6**2+6*3.3+3.3**2)
p=box(80,40,10).faces(">Z").workplane().pushPoints([(-25,0),(25,0)]).cskHole(6.6,12,90)
C("holes-countersunk-pair","holes","two 90 degree countersinks sized in full",
  T("plate 80x40x10 with 2 countersunk holes: 6.6 thru, 90° csk to 12 dia at top, holes 15 from each end on the centreline",
    "new_design",[80,40,10],80*40*10-2*csk_rm,p))
p=box(50,50,15).faces(">Z").workplane().cboreHole(9,15,9)
C("holes-counterbore-center","holes","counterbore, feature before the block",
  T("cbore hole in the middle of a 50x50x15 block: 9 thru, cbore 15 dia 9 deep","new_design",[50,50,15],
    50*50*15-cyl_area(9)*6-cyl_area(15)*9,p))
C("holes-too-big-decline","holes","a hole larger than the plate: cannot be made",
  D("20x20x5 plate with a 25 mm hole through the middle"))

# ---------------- brackets (5)
def Lsec(a,b,t,w):
    return cq.Workplane("XZ").polyline([(0,0),(a,0),(a,t),(t,t),(t,b),(0,b)]).close().extrude(-w)
def hole_x(wp,pts,d,t):   # holes through the vertical leg (along X, leg at x in [0,t])
    for (y,z) in pts: wp=wp.cut(cq.Workplane("YZ").center(y,z).circle(d/2).extrude(t))
    return wp
def hole_zl(wp,pts,d,t):  # holes through the horizontal leg (z in [0,t])
    for (x,y) in pts: wp=wp.cut(cq.Workplane("XY").center(x,y).circle(d/2).extrude(t))
    return wp
b=Lsec(50,40,5,60); b=hole_zl(b,[(30,15),(30,45)],6.5,5); b=hole_x(b,[(15,25),(45,25)],6.5,5)
C("bracket-l-holes-each-leg","brackets","L bracket with two holes in each leg",
  T("L bracket, legs 50 and 40, 60 wide, 5 thk, two 6.5 holes in each leg","new_design",[50,40,60],
    (50*5+35*5)*60-4*cyl_area(6.5)*5,b))
a_=2*IN; t_=IN/8; b=Lsec(a_,a_,t_,3*IN); b=hole_zl(b,[(1.2*IN,1.5*IN)],IN/4,t_); b=hole_x(b,[(1.5*IN,1.2*IN)],IN/4,t_)
C("bracket-angle-inches","brackets","angle in inches, one hole per leg",
  T('angle bracket 2x2x1/8, 3" long, one 1/4" hole in the middle of each leg','new_design',[2*IN,2*IN,3*IN],
    ((2*0.125+1.875*0.125)*3-2*pi/4*0.0625*0.125)*IN**3,b))
u=cq.Workplane("XY").polyline([(0,0),(60,0),(60,40),(56,40),(56,4),(4,4),(4,40),(0,40)]).close().extrude(100)
C("bracket-u-channel","brackets","U channel, one wall thickness",
  T("U channel: base 60 wide outside, sides 40 high, 4 thick everywhere, 100 long","new_design",[60,40,100],
    (60*40-52*36)*100,u))
tb=cq.Workplane("XY").polyline([(-40,50),(40,50),(40,44),(3,44),(3,0),(-3,0),(-3,44),(-40,44)]).close().extrude(40)
C("bracket-t-section","brackets","T bracket, overall height given",
  T("T bracket - top flange 80 wide 6 thick, web 6 thick down the middle, 50 overall height, 40 deep","new_design",
    [80,50,40],(80*6+6*44)*40,tb))
b=Lsec(80,60,6,30); b=hole_zl(b,[(30,15),(60,15)],8,6); b=hole_x(b,[(15,35)],8,6)
C("bracket-l-nonnative","brackets","non-native: like letter L, holes per side",
  T("bracket like letter L, first side 80, second side 60, width 30, thickness 6. In the long side make 2 hole diameter 8, in short side 1 hole diameter 8.",
    "new_design",[80,60,30],(80*6+54*6)*30-3*cyl_area(8)*6,b))

# ---------------- shafts (4)
C("shaft-plain-dia","shafts","plain shaft, Ø",
  T("Ø12 x 150 shaft","new_design",[12,12,150],cyl_area(12)*150,cylinder(12,150)))
s=cylinder(20,40).union(cylinder(15,30).translate((0,0,40))).union(cylinder(10,25).translate((0,0,70)))
C("shaft-stepped-three","shafts","three steps listed in order",
  T("stepped shaft: 20 dia x 40, then 15 dia x 30, then 10 dia x 25","new_design",[20,20,95],
    cyl_area(20)*40+cyl_area(15)*30+cyl_area(10)*25,s))
C("shaft-hollow-inches","shafts","hollow shaft in inches",
  T('hollow shaft OD 1" ID 5/8", 6" long','new_design',[IN,IN,6*IN],pi/4*(1-0.625**2)*6*IN**3,tube(IN,0.625*IN,6*IN)))
r=12.5; w=8; dk=4
seg=2*(0.5*(4*math.sqrt(r*r-16)+r*r*math.asin(4/r)))-w*(r-dk)   # area of the keyway section inside the circle
s=cylinder(25,100).cut(box(8,20,40).translate((0,r-dk+10,80)))
C("shaft-keyway-one-end","shafts","keyway cut from one end (square-ended; volume within 1%, no keyway fails)",
  T("shaft dia 25 len 100 with a keyway 8 wide 4 deep, 40 long from one end","new_design",[25,25,100],
    cyl_area(25)*100-seg*40,s,volume_tol=0.01))

# ---------------- flanges (5, one declined)
f=cylinder(120,12).union(cylinder(60,25).translate((0,0,12))).cut(cylinder(30,37))
for k in range(4): f=f.cut(cylinder(12,12).translate((45*math.cos(pi/2*k),45*math.sin(pi/2*k),0)))
C("flange-hub-bolt-circle","flanges","flange with a raised hub, through bore, bolt circle",
  T("flange: disc 120 dia 12 thick, hub 60 dia sticking up 25 more, 30 bore all the way thru, 4 holes 12 on 90 PCD",
    "new_design",[120,120,37],cyl_area(120)*12+cyl_area(60)*25-cyl_area(30)*37-4*cyl_area(12)*12,f))
f=cylinder(220,20)
for k in range(6): f=f.cut(cylinder(18,20).translate((85*math.cos(pi/3*k),85*math.sin(pi/3*k),0)))
C("flange-blind-m16","flanges","blind flange, M16 bolts on a PCD (clearance 17-18 all pass)",
  T("blind flange, od 220, 20 thk, 6 bolts M16 on pcd 170","new_design",[220,220,20],cyl_area(220)*20-6*cyl_area(18)*20,f))
f=holes_z(box(100,100,10),[(0,0)],40); f=holes_z(f,[(x,y) for x in (-40,40) for y in (-40,40)],9)
C("flange-square","flanges","square flange, holes on the corners of a square",
  T("square flange 100x100x10, 4 holes 9 dia on the corners of an 80 mm square, center hole 40","new_design",[100,100,10],
    100*100*10-cyl_area(40)*10-4*cyl_area(9)*10,f))
f=tube(4*IN,1.35*IN,0.5*IN)
for k in range(4): f=f.cut(cylinder(0.625*IN,0.5*IN).translate((1.5*IN*math.cos(pi/2*k),1.5*IN*math.sin(pi/2*k),0)))
C("flange-pipe-inches-chatty","flanges","chatty, inches, bolt circle",
  T('hi! can you do a little flange for a 1" pipe: OD 4", 1/2" thick, center hole 1.35", 4 x 5/8" holes on a 3" bolt circle','new_design',
    [4*IN,4*IN,0.5*IN],(pi/4*(16-1.35**2)*0.5-4*pi/4*0.625**2*0.5)*IN**3,f))
C("flange-pcd-outside-decline","flanges","bolt circle outside the flange: cannot be made",
  D("flange OD 100 x 10 thick, 6 x 8mm holes on a 120 bolt circle"))

# ---------------- gears (3): involute, 20 deg, addendum m, dedendum 1.25 m; volume within 5%, bbox within one module
def gear_turn(text,m,z,t,bore):
    da=m*(z+2)
    return T(text,"new_design",[da,da,t],gear_area(m,z)*t-cyl_area(bore)*t,None,volume_tol=0.05,bbox_tol=m)
C("gear-module-telegraphic","gears","module / teeth / thickness / bore",
  gear_turn("spur gear module 2, 20 teeth, 10 thick, 8 bore",2,20,10,8))
C("gear-m-z-notation","gears","m= z= notation",
  gear_turn("gear m1.5 z=36 face width 8mm, bore 10",1.5,36,8,10))
C("gear-chatty-shaft-hole","gears","teeth first, module later",
  gear_turn("need a 30 tooth gear, mod 1, 6 wide, with a 5mm shaft hole",1,30,6,5))

# ---------------- shells (4)
C("shell-open-box","shells","open-top box, outside sizes",
  T("open top box 100x60x40 outside, walls 3","new_design",[100,60,40],100*60*40-94*54*37,
    box(100,60,40).faces(">Z").shell(-3)))
cup=cylinder(70,90).cut(cylinder(65,86).translate((0,0,4)))
C("shell-cup-wall-and-bottom","shells","cup with a thicker bottom",
  T("cup, OD 70, 90 tall, wall 2.5, bottom 4","new_design",[70,70,90],cyl_area(70)*90-cyl_area(65)*86,cup))
C("shell-sealed-hollow-cube","shells","closed hollow box",
  T("hollow closed box 50x50x50, 2mm walls all round, no openings","new_design",[50,50,50],50**3-46**3,
    box(50,50,50).cut(box(46,46,46))))
C("shell-tray-cm","shells","tray in centimetres",
  T("tray 30 cm x 20 cm, 3 cm deep, open top, 4 mm walls and floor","new_design",[300,200,30],300*200*30-292*192*26,
    box(300,200,30).faces(">Z").shell(-4)))

# ---------------- edges (4)
def round_box(a,b,c,r):
    a2,b2,c2=a-2*r,b-2*r,c-2*r
    return a2*b2*c2+2*r*(a2*b2+b2*c2+a2*c2)+pi*r*r*(a2+b2+c2)+4/3*pi*r**3
C("edges-fillet-all","edges","all edges rounded",
  T("block 60x40x20 all edges rounded r3","new_design",[60,40,20],round_box(60,40,20,3),box(60,40,20).edges().fillet(3)))
def top_chamfer(a,b,c,k):
    return a*b*(c-k)+k/6*(a*b+4*(a-k)*(b-k)+(a-2*k)*(b-2*k))
C("edges-chamfer-top-only","edges","chamfer on the top edges only",
  T("plate 80x50x10, 2mm chamfer on the top edges only","new_design",[80,50,10],top_chamfer(80,50,10,2),
    box(80,50,10).edges(">Z").chamfer(2)))
C("edges-fillet-vertical","edges","vertical edges only, described as upright corners",
  T("block 100 x 50 x 30, round the 4 upright corners R10","new_design",[100,50,30],100*50*30-(4-pi)*100*30,
    box(100,50,30).edges("|Z").fillet(10)))
def chamfer_all(a,b,c,k):
    return a*b*c-2*k*k*(a+b+c)+16/3*k**3
C("edges-chamfer-all-cube","edges","every edge chamfered",
  T("40mm cube, 3 mm chamfer on every edge","new_design",[40,40,40],chamfer_all(40,40,40,3),box(40,40,40).edges().chamfer(3)))

# ---------------- edit conversations (10)
def corner_plate(a,b,t,d,inset):
    return holes_z(box(a,b,t),[(x,y) for x in (-(a/2-inset),a/2-inset) for y in (-(b/2-inset),b/2-inset)],d)
C("edit-plate-thk-holes-undo","edits","thickness, hole size, undo",
  T("plate 100x60x8 w/ 4 holes 6 dia 10 in from the corners","new_design",[100,60,8],100*60*8-4*cyl_area(6)*8,corner_plate(100,60,8,6,10)),
  T("make it 5 thk","modify",[100,60,5],100*60*5-4*cyl_area(6)*5,corner_plate(100,60,5,6,10)),
  T("holes 8 now","modify",[100,60,5],100*60*5-4*cyl_area(8)*5,corner_plate(100,60,5,8,10)),
  T("undo","undo",[100,60,5],100*60*5-4*cyl_area(6)*5,corner_plate(100,60,5,6,10)))
C("edit-block-fillet-chamfer-swap","edits","fillet, swap to chamfer, drop, put back",
  T("blk 80x50x30","new_design",[80,50,30],80*50*30,box(80,50,30)),
  T("fillet the vertical edges r5","modify",[80,50,30],80*50*30-(4-pi)*25*30,box(80,50,30).edges("|Z").fillet(5)),
  T("change that to a 3 mm chamfer","modify",[80,50,30],80*50*30-4*4.5*30,box(80,50,30).edges("|Z").chamfer(3)),
  T("drop the chamfer","modify",[80,50,30],80*50*30,box(80,50,30)),
  T("no wait, undo that, put the chamfer back","undo",[80,50,30],80*50*30-4*4.5*30,box(80,50,30).edges("|Z").chamfer(3)))
C("edit-cylinder-scale-go-back","edits","twice, inches, percent, go back to the first",
  T("cylinder 40 dia 60 high","new_design",[40,40,60],cyl_area(40)*60,cylinder(40,60)),
  T("twice as tall","modify",[40,40,120],cyl_area(40)*120,cylinder(40,120)),
  T('make the diameter 1.5"',"modify",[38.1,38.1,120],cyl_area(38.1)*120,cylinder(38.1,120)),
  T("20% shorter","modify",[38.1,38.1,96],cyl_area(38.1)*96,cylinder(38.1,96)),
  T("go back to the first one","undo",[40,40,60],cyl_area(40)*60,cylinder(40,60)))
C("edit-box-shell-then-resize","edits","shell an existing box, change the wall, then the height",
  T("hey i need a box 120 by 80 by 50 mm","new_design",[120,80,50],120*80*50,box(120,80,50)),
  T("hollow it out, 3 wall, open top","modify",[120,80,50],120*80*50-114*74*47,box(120,80,50).faces(">Z").shell(-3)),
  T("make the shell 5 thick","modify",[120,80,50],120*80*50-110*70*45,box(120,80,50).faces(">Z").shell(-5)),
  T("a bit taller, 10mm more","modify",[120,80,60],120*80*60-110*70*55,box(120,80,60).faces(">Z").shell(-5)))
def bc_flange(od,t,n,d,pcd,bore):
    f=tube(od,bore,t)
    for k in range(n): f=f.cut(cylinder(d,t).translate((pcd/2*math.cos(2*pi*k/n),pcd/2*math.sin(2*pi*k/n),0)))
    return f
def bc_vol(od,t,n,d,bore): return (cyl_area(od)-cyl_area(bore)-n*cyl_area(d))*t
C("edit-flange-counts-sizes","edits","hole count, hole size, bore",
  T("flange od 140, 14 thk, 6 holes 11 on 110 bc, bore 40","new_design",[140,140,14],bc_vol(140,14,6,11,40),bc_flange(140,14,6,11,110,40)),
  T("8 holes instead","modify",[140,140,14],bc_vol(140,14,8,11,40),bc_flange(140,14,8,11,110,40)),
  T("holes to 13","modify",[140,140,14],bc_vol(140,14,8,13,40),bc_flange(140,14,8,13,110,40)),
  T("bore 50 pls","modify",[140,140,14],bc_vol(140,14,8,13,50),bc_flange(140,14,8,13,110,50)))
def grid_plate(a,b,t,nx,ny,p,d):
    return holes_z(box(a,b,t),[((i-(nx-1)/2)*p,(j-(ny-1)/2)*p) for i in range(nx) for j in range(ny)],d)
C("edit-plate-grid-counts","edits","grid count, plate length, remove the holes",
  T("3 by 2 grid of 5mm holes, 20 spacing, on a plate 80x60x4","new_design",[80,60,4],80*60*4-6*cyl_area(5)*4,grid_plate(80,60,4,3,2,20,5)),
  T("4 by 3 instead","modify",[80,60,4],80*60*4-12*cyl_area(5)*4,grid_plate(80,60,4,4,3,20,5)),
  T("make the plate 100 long","modify",[100,60,4],100*60*4-12*cyl_area(5)*4,grid_plate(100,60,4,4,3,20,5)),
  T("remove the holes","modify",[100,60,4],100*60*4,box(100,60,4)))
b0=Lsec(50,50,5,40)
b1=hole_x(hole_zl(Lsec(50,50,5,40),[(27.5,20)],6.5,5),[(20,27.5)],6.5,5)
b2=hole_x(hole_zl(Lsec(50,50,8,40),[(29,20)],6.5,8),[(20,29)],6.5,8)
C("edit-bracket-nonnative-add-holes","edits","non-native: add holes, then thicker",
  T("Make L bracket, both side 50, width 40, thick 5","new_design",[50,50,40],(50*5+45*5)*40,b0),
  T("add one hole 6.5 in each leg, in centre of the leg","modify",[50,50,40],(50*5+45*5)*40-2*cyl_area(6.5)*5,b1),
  T("thicker, 8","modify",[50,50,40],(50*8+42*8)*40-2*cyl_area(6.5)*8,b2))
C("edit-tube-then-start-over","edits","length edit, then a new part and an edit of it",
  T("tube od 30 id 20 100 long","new_design",[30,30,100],pi/4*(900-400)*100,tube(30,20,100)),
  T("make it 150 long","modify",[30,30,150],pi/4*(900-400)*150,tube(30,20,150)),
  T("scrap that, new part: a 50 mm cube","new_design",[50,50,50],50**3,box(50,50,50)),
  T("round all edges r5","modify",[50,50,50],round_box(50,50,50,5),box(50,50,50).edges().fillet(5)))
d3=cylinder(80,10).cut(cylinder(20,10))
C("edit-disc-typos-mash","edits","typos, a keyboard mash (declined), then edits of the disc",
  T("dsic 80 dia 10 thikc","new_design",[80,80,10],cyl_area(80)*10,cylinder(80,10)),
  D("jhgfd lkj;;"),
  T("put a 20 hole in the middle of it","modify",[80,80,10],(cyl_area(80)-cyl_area(20))*10,d3),
  T('make it 3/8" thick',"modify",[80,80,0.375*IN],(cyl_area(80)-cyl_area(20))*0.375*IN,tube(80,20,0.375*IN)))
def slot_block(a,b,t,sl,sw,dx=0):
    return box(a,b,t).cut(cq.Workplane("XY").workplane(offset=-t).center(dx,0).slot2D(sl,sw).extrude(2*t))
def slot_area(sl,sw): return (sl-sw)*sw+cyl_area(sw)
s4=holes_z(slot_block(120,40,20,40,12,-20),[(x,y) for x in (-50,50) for y in (-10,10)],6)
C("edit-block-slot-multi-change","edits","two changes in one sentence, move the slot, add corner holes",
  T("block 100 x 40 x 20 with a slot thru the middle, 40 long overall, 10 wide, running along the length","new_design",
    [100,40,20],(100*40-slot_area(40,10))*20,slot_block(100,40,20,40,10)),
  T("make it 120 long and the slot 12 wide","modify",[120,40,20],(120*40-slot_area(40,12))*20,slot_block(120,40,20,40,12)),
  T("move the slot 20 toward the left end","modify",[120,40,20],(120*40-slot_area(40,12))*20,slot_block(120,40,20,40,12,-20)),
  T("add 4 holes 6 dia 10 in from the corners","modify",[120,40,20],(120*40-slot_area(40,12)-4*cyl_area(6))*20,s4))

# ---------------- verify and write
def main(outdir):
    bad=0; os.makedirs(outdir,exist_ok=True)
    for c in CONVS:
        turns=[]
        for t in c["turns"]:
            if t.get("decline"):
                turns.append({"user":t["user"],"expect":{"ok":False}}); continue
            e={"ok":True,"intent":t["intent"],"solids":1,"bbox":[round(v,3) for v in t["bbox"]]}
            if t["vol"] is not None: e["volume"]=round(t["vol"],1)
            e.update(t["extra"])
            if t["wp"] is not None:
                bb,v,n=measure(t["wp"])
                eb=sorted(t["bbox"])
                if max(abs(a-b) for a,b in zip(bb,eb))>1e-3 or n!=1 or (t["vol"] is not None and abs(v-t["vol"])/t["vol"]>1e-3):
                    bad+=1; print("MISMATCH",c["name"],t["user"][:40],bb,eb,v,t["vol"],n)
            turns.append({"user":t["user"],"expect":e})
        doc={"id":"d16-"+c["name"],"category":c["cat"],"description":c["desc"],"turns":turns}
        with open(os.path.join(outdir,c["name"]+".yaml"),"w") as f:
            yaml.safe_dump(doc,f,sort_keys=False,allow_unicode=True,width=200,default_flow_style=None)
    print(len(CONVS),"conversations", "bad",bad)
if __name__=="__main__": main(sys.argv[1])
