import math, cadquery as cq
pi=math.pi
IN=25.4
def cyl_area(d): return pi*d*d/4
def box(x,y,z): return cq.Workplane("XY").box(x,y,z)
def cylinder(d,h): return cq.Workplane("XY").circle(d/2).extrude(h)
def tube(od,idd,h): return cq.Workplane("XY").circle(od/2).circle(idd/2).extrude(h)
def holes_z(wp, pts, d, depth=None):
    """cut holes from the top face (+Z max) down"""
    bb=wp.val().BoundingBox()
    top=bb.zmax
    h = depth if depth is not None else bb.zlen+2
    tool=None
    for (x,y) in pts:
        c=cq.Workplane("XY").workplane(offset=top-h if depth is not None else bb.zmin-1).center(x,y).circle(d/2).extrude(h if depth is not None else h)
        tool=c if tool is None else tool.union(c)
    return wp.cut(tool)
def measure(wp):
    s=wp.val()
    bb=s.BoundingBox()
    n=len(wp.solids().vals())
    return sorted([bb.xlen,bb.ylen,bb.zlen]), s.Volume(), n
def gear_area(m, z, pa=20):
    a=math.radians(pa); rp=m*z/2; rb=rp*math.cos(a); ra=rp+m; rf=rp-1.25*m
    inv=lambda x: math.tan(x)-x
    def beta(r):
        r=max(r,rb); ar=math.acos(rb/r)
        return math.pi/(2*z)+inv(a)-inv(ar)
    n=4000; s=0
    for i in range(n):
        r=rf+(ra-rf)*(i+0.5)/n
        s+=2*max(beta(r),0)*r*(ra-rf)/n
    return math.pi*rf**2+z*s
def gear_solid(m,z,t,bore,pa=20):
    """polygon involute gear (for checking the area only)"""
    a=math.radians(pa); rp=m*z/2; rb=rp*math.cos(a); ra=rp+m; rf=rp-1.25*m
    inv=lambda x: math.tan(x)-x
    def beta(r):
        r=max(r,rb); ar=math.acos(rb/r); return math.pi/(2*z)+inv(a)-inv(ar)
    pts=[]
    N=30
    for k in range(z):
        c=2*pi*k/z
        rs=[rf+(ra-rf)*i/N for i in range(N+1)]
        left=[(r, c-beta(r)) for r in rs]
        right=[(r, c+beta(r)) for r in reversed(rs)]
        for r,th in left+right: pts.append((r*math.cos(th), r*math.sin(th)))
    w=cq.Workplane("XY").polyline(pts).close().extrude(t)
    return w.cut(cylinder(bore,t))
