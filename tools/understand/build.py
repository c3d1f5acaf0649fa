"""Targets → a part spec dict (tools.part): the body from its sizes, each feature from its numbers
and words. Every size that had to be assumed is said in ``notes``; what cannot be built is said
in ``missing``."""

from __future__ import annotations

import math
import re

from .plates import from_plates, two_plates
from .numbers import numbers, unified_thread
from .roles import SHELL_CUE
from .targets import Target, Value, says_overall
from .vocab import default, find

# "an open top box, 120 x 80 x 50, 2 mm thick all round": the walls' thickness, said of the whole part
THICK_ALL_ROUND = re.compile(r"\bthick\w*\s+(?:all\s+(?:round|around|over)|everywhere|throughout)\b")
M_SIZE = re.compile(r"\bm(\d+(?:\.\d+)?)\b(?:\s*(?:x\s*[\d.]+\s*)?(tapped|tap|thread(?:ed)?|clearance|cap|socket|"
                    r"screws?|bolts?))?")


CROSS_WORDS = re.compile(r"\bcross|\bradial|\btransverse|\bthrough the (?:side|flats)")    # a hole across, no bore
# "not going through", "not all the way through", "doesn't go through": a blind hole (a depth is needed)
NOT_THROUGH = re.compile(r"\b(?:not|n'?t|never)\s+(?:\w+\s+){0,2}?(?:all the way\s+|right\s+)?(?:through|thru)\b|"
                         r"\bblind\b(?!\s*(?:flanges?|caps?|plates?|covers?|discs?|\)|,|$))")   # (a blind flange: no bore)


BLIND_ENDS = re.compile(r"\b[\d.]+\s*(?:mm\s*)?deep\s+(?:in\s+|at\s+|on\s+|into\s+)?(?:each|both|either)\s+ends?\b|"
                        r"\b(?:each|both|either)\s+ends?\b[^.;]*?\b[\d.]+\s*(?:mm\s*)?deep\b")
LEG_BASE_WORDS = ("base", "bottom", "horizontal", "lower", "floor", "foot", "flat", "shelf")
LEG_NAMED = re.compile(r"\b(base|bottom|horizontal|lower|floor|foot|flat|shelf|upright|vertical|wall|back|standing|upper|"
                       r"side)\s+(?:leg|flange|arm)\s*(?:is\s+|of\s+|=\s*|:\s*|measures\s+|sticks out\s+|projects\s+|"
                       r"comes out\s+|goes out\s+)?$")

# "L-bracket: 100 base, 50 upright", "base 80, upright 50 tall": the legs named without the word 'leg'
LEG_NAMED_AFTER = re.compile(r"\s*(?:mm\s*)?(base|upright|vertical|horizontal)(?:\s+(?:leg|flange|arm))?\b(?!\s*(?:plate|hole|holes))")
LEG_NAMED_BARE = re.compile(r"(?:^|[,;:]\s*|\band\s+|\b(?:bracket|angle)\s+)(base|upright|vertical|horizontal)\s*(?:is\s+|of\s+|=\s*|:\s*)?$")


def assumed_wall(body: dict) -> float:
    """The wall assumed when none is said: the default, thinner on a small part (a fifth of its smallest size:
    a 20 x 3 x 3 box, a Text2CAD part 0.15 units across)."""
    keys = ("length", "width", "height", "diameter", "outer_diameter")
    sizes = [float(body[k]) for k in keys if isinstance(body.get(k), (int, float))]
    return round(min(default("wall"), 0.2 * min(sizes)), 4) if sizes else default("wall")


_DIMS = r"(?P<dims>\d*\.?\d+\s*(?:mm|cm|in|\")?\s*(?:x|by|×)\s*\d*\.?\d+(?:\s*(?:mm|cm|in|\")?\s*(?:x|by|×)\s*\d*\.?\d+)?)"
# sizes said of a hollow box's inside: "inside dimensions 50 x 30 x 20", "internal size: 80 x 40", "100 x 60 ID"
INSIDE_BEFORE = re.compile(r"\b(?:inside|internal|interior|inner|clear)\s+(?:(?:dimensions?|dims|sizes?|measurements?|space|"
                           r"cavity|volume)\s*)?(?:(?:of|is|are|:|=|measures?|measuring|measured at|needs to be|must be|"
                           r"should be)\s*)?" + _DIMS)
INSIDE_AFTER = re.compile(_DIMS + r"\s*(?:mm|cm|in|\")?\s*\(?\s*(?:inside|internal|interior|id|i\.d\.|inner|clear|on the inside)"
                          r"\b(?!\s+(?:of|the)\b)")
# "internal dimensions: 80 long, 50 wide, 30 deep": each size said of the inside, up to the walls or the sentence's end
INSIDE_LISTED = re.compile(r"\b(?:inside|internal|interior|inner)\s+(?:dimensions?|dims|sizes?|measurements?)\s*(?:of|are|is|:|=)?"
                           r"\s*(?P<dims>(?:[\d.]+\s*(?:mm|cm|\"|in\b)?\s*(?:long|wide|deep|high|tall|length|width|depth|height)"
                           r"\s*(?:,|and|x|by)?\s*){2,3})")


POINTED = re.compile(r"\b(?:last|end|final|top|other)\s+(?P<a>[\d.]+)\s*(?:mm\s*)?(?:of\s+(?:it|the\s+\w+)\s+)?(?:is\s+|are\s+)?"
                     r"(?:a\s+)?(?:cone|conical|taper(?:ed|ing)?)\b[^.;]*?\bpoint\b|"
                     r"\bpoint(?:ed)?\b[^.;]*?\b(?P<b>[\d.]+)\s*(?:mm\s*)?long\b|"
                     r"\b(?:taper(?:ed|ing|s)?|sharpened|ground)\s+(?:down\s+)?to\s+a\s+(?:sharp\s+)?point\s+over\s+"
                     r"(?:the\s+)?(?:last\s+)?(?P<c>[\d.]+)")


class Build:
    def __init__(self, text: str, body: Target, feats: list[Target], body_kind: str | None):
        self.text, self.body, self.feats, self.kind = text, body, feats, body_kind
        self.notes: list[str] = []
        self.missing: list[str] = []
        self.features: list[dict] = []
        self.cutout: tuple[dict, int] | None = None     # the last rectangular cut-out and where it was named
        self.ids: set[str] = set()
        self.assumed: set[str] = set()     # features with an assumed size or place
        self.spec_body: dict | None = None
        self.coords: list = []   # hole centres written as x, y lists; places along a part (request._coordinates)
        self.inside: set[float] = set()     # sizes said of a hollow box's inside ("15 deep inside")
        self.plates = False                 # the part was said as the plates it is built from (plates.py)
        self.read_words: set[str] = set()   # words a reader here took (not "not understood")
        self.placed: set[float] = set()     # distances (mm) a feature was placed by that its numbers do not carry

    # -- helpers ----------------------------------------------------------------------------
    def inside_sizes(self, body: dict) -> None:
        """A hollow box sized by its inside ("inside dimensions 50 x 30 x 20, 2 mm walls", "100 x 60 ID",
        "15 deep inside"): the walls go outside those sizes (and the floor under an open box's depth)."""
        shell = next((f for f in self.features if f["kind"] == "shell"), None)
        if body.get("kind") != "box" or shell is None or shell.get("open_face") not in ("top", None):
            return
        k = getattr(self, "unit_mm", 1.0)
        inside = {round(v, 6) for v in self.inside}
        for m in list(INSIDE_BEFORE.finditer(self.text)) + list(INSIDE_AFTER.finditer(self.text)):
            inside |= {round(float(x) * k, 6) for x in m.group("dims").replace("×", "x").split("x")
                       for x in re.findall(r"\d*\.?\d+", x)[:1]}
        for m in INSIDE_LISTED.finditer(self.text):
            inside |= {round(float(x) * k, 6) for x in re.findall(r"\d*\.?\d+", m.group("dims"))}
        if not inside:
            return
        t = shell["thickness"]
        floor = shell.get("bottom", t)
        grown = []
        for key, add in (("length", 2 * t), ("width", 2 * t),
                         ("height", floor + (t if shell["open_face"] is None else 0.0))):
            if round(body[key], 6) in inside:
                grown.append(f"{body[key]:g} + {add:g}")
                body[key] = round(body[key] + add, 6)
        self.inside |= inside          # (sizes taken: said of the inside)
        if grown:
            self.notes.append(f"sizes said of the inside: the walls go outside them ({', '.join(grown)}); "
                              f"outside {body['length']:g} x {body['width']:g} x {body['height']:g}")

    def assume(self, what: str, value: float, unit: str = "mm") -> float:
        self.notes.append(f"no {what} given: {value:g} {unit} assumed")
        return value

    def fid(self, base: str) -> str:
        k, fid = 1, base
        while fid in self.ids:
            k += 1
            fid = f"{base}_{k}"
        self.ids.add(fid)
        return fid

    def loose(self, t: Target, n: int | None = None) -> list[float]:
        """Numbers with no keyword, in order (the first ``n``)."""
        vals = [v.mm for v in t.loose]
        return vals[:n] if n else vals

    def _largest_part(self, b: Target) -> None:
        """'The first part ... length 0.05, width 0.05, height 0.25. The second part ... length 0.75 ...':
        several parts with their sizes; the one with the largest box is made (and said)."""
        ls, ws, hs = (b.roles.get(r, []) for r in ("length", "width", "height"))
        if not (len(ls) == len(ws) == len(hs) >= 2) or not re.search(r"\b(?:second|two|three|several) (?:main )?parts?\b|"
                                                                     r"\bsecond part\b", self.text):
            return
        k = max(range(len(ls)), key=lambda i: ls[i].mm * ws[i].mm * hs[i].mm)
        if k:
            for vs in (ls, ws, hs):
                vs.insert(0, vs.pop(k))
            self.notes.append(f"several parts are described: the largest one ({ls[0].mm:g} x {ws[0].mm:g} x "
                              f"{hs[0].mm:g}) is made")

    def _take_shell_wall(self) -> float | None:
        """'3 mm walls' on a section or a tube is its wall thickness, not a shell."""
        for f in list(self.feats):
            if f.kind == "shell":
                w = f.pop("wall") or f.pop("thickness") or f.pop("size") or (f.loose.pop(0).mm if f.loose else None)
                self.feats.remove(f)
                if w is not None:
                    return w
        return None

    def _take_bore(self) -> float | None:
        """'with an 8 mm bore' on a round body: its inner diameter."""
        tube = self.kind == "tube"
        for f in self.feats:
            if f.kind in ("bore", "hole") and not f.get("count") and not f.get("pcd") and not f.get("depth") \
                    and not CROSS_WORDS.search(f.words) and not NOT_THROUGH.search(f.words) \
                    and not f.get("spacing") and not f.get("inset") and not f.get("half_spacing") and not f.sub and not re.search(
                    r"\b(square|rectangular|rectangle)\b", f.words) and (
                    f.kind == "bore" or tube or re.search(r"\b(center|centre|middle|axis|through it)\b", f.words)):
                d = f.pop("size") or f.pop("inner") or f.pop("diameter") or (f.loose.pop(0).mm if f.loose else None)
                if d is not None:
                    self.feats.remove(f)
                    return d
        return None

    def _shell_of_the_kind(self, b: Target, body: dict) -> None:
        """The shell a cup, a tray or an end cap is by its name: open at the top unless closed, with a floor
        of its own when one is said ("2mm sides and a 4mm bottom", "closed end 3 thick")."""
        wall = b.pop("wall") or self.assume("wall thickness", assumed_wall(body))
        shell = {"id": self.fid("shell"), "kind": "shell", "thickness": wall,
                 "open_face": None if _closed(self.text) else "top"}
        floor = b.pop("floor")
        if floor is None and shell["open_face"] and b.get("bottom_d") is not None and re.search(
                r"[\d.]+\s*(?:mm\s*)?(?:thick\s+)?at the bottom\b", self.text):
            floor = b.pop("bottom_d")      # "wall thickness 2.5 and also 2.5 at the bottom": the floor
        if floor is not None and abs(floor - wall) > 1e-9 and shell["open_face"]:
            shell["bottom"] = floor
        self.features.append(shell)

    # -- the body ---------------------------------------------------------------------------
    def make_body(self) -> dict | None:
        b, k = self.body, self.kind
        plates = from_plates(self.text, getattr(self, "unit_mm", 1.0)) or two_plates(self.text, getattr(self, "unit_mm", 1.0))
        if isinstance(plates, str):
            self.missing.append(plates)
            return None
        if plates is not None:
            return self._from_plates(*plates)
        if k == "tube" and re.search(r"\bclosed (?:at )?(?:both|each|the) ends?\b|\b(?:sealed|capped)\b", self.text):
            k = self.kind = "shelled_cylinder"     # "a hollow cylinder closed at both ends": a closed shell
            if b.get("wall") is None and b.get("thickness") is not None and b.get("height") is not None:
                b.roles["wall"] = b.roles.pop("thickness")
        dims = _triple(b)
        step = STEP_BLOCK.search(self.text)
        if step and k in ("box", "shaft", None) and not re.search(r"\b(?:shaft|round|cylind\w*|turned)\b", self.text):
            return self._stepped_block(b, step)
        if k in ("box", "shelled_box", "square_tube", None) and k is not None or (k is None and dims):
            return self._box(b, dims)
        if k in ("cylinder",):
            return self._cylinder(b, dims)
        if k == "shelled_cylinder" and dims and len(dims) == 3 and b.get("diameter") is None and not re.search(
                r"\b(?:round|circular|cylindrical|dia|diameter|od)\b", self.text):
            # "planter 150 x 150 x 120, 5mm wall": three sizes make a box, hollowed (a square planter, a cup that is not round)
            self.notes.append(f"three sizes given: a box {' x '.join(f'{d:g}' for d in dims)}, hollowed")
            self.kind = "shelled_box"
            return self._box(b, dims)
        if k == "shelled_cylinder":
            shell_t = next((f for f in self.feats if f.kind == "shell"), None)
            wall = b.get("wall") if b.get("wall") is not None else shell_t.get("wall") if shell_t else None
            if b.get("diameter") is None and b.get("inner") is not None and wall is not None:
                # "inside Ø36, wall 2": it fits over a Ø36, so Ø40 outside
                b.add("diameter", Value(b.pop("inner") + 2 * wall, None))
            flat = re.search(r"\b(?:end|tube|pipe) cap\b", self.text) and (
                b.get("thickness") is not None or re.search(r"\b(?:cylinder|disc|disk|puck|round bar)\b", self.text)) and \
                wall is None and not SHELL_CUE.search(self.text.replace("cap", ""))
            # ("end cap: Ø50 x 20 cylinder, 20 mm hole through the axis": a solid cylinder said as one, no cup)
            body = self._cylinder(b, dims)
            if body is not None and flat:
                # "end cap: 40 OD, 10 thick, 20 mm hole in the middle": a flat disc, no cup (no wall said)
                self.notes.append("the cap read as a flat disc (no wall said)")
                return body
            if body is not None and not any(f.kind == "shell" for f in self.feats):
                self._shell_of_the_kind(b, body)
            return body
        if k == "flange":
            if len(dims) == 2 and not re.search(r"\bsquare\b", self.text) and (re.search(
                    r"(?:\bdia(?:meter)?|\bod)\s*[\d.]+\s*(?:mm\s*)?(?:x|by)\s*[\d.]", self.text) or dims[1] <= dims[0] / 4
                    and not re.search(r"\b(?:plate|rect\w*|block|oblong)\b", self.text)):
                # "Ø80 x 8 flange", "flange 100 x 10": its diameter by its thickness
                b.add("diameter", Value(dims[0], None))
                b.add("thickness", Value(dims[1], None))
                return self._cylinder(b, [], flange=True)
            if re.search(r"\bsquare\b", self.text) or len(dims) >= 2:
                return self._box(b, dims, flange=True)
            return self._cylinder(b, dims, flange=True)
        fn = getattr(self, f"_{k}", None)
        if k is None and b.get("diameter") is not None:
            return self._cylinder(b, dims)
        if k is None and (b.get("radius") is not None):
            return self._cylinder(b, dims)
        return fn(b, dims) if fn else None

    def pointed(self, body: dict | None) -> dict | None:
        """A rod whose end is a cone to a point ("the last 10 mm of it is a cone tapering to a sharp point", "pointed,
        the point 10 long"): the cylinder revolved with that cone at its top. The body as it was otherwise."""
        if body is None or body.get("kind") != "cylinder":
            return body
        m = POINTED.search(self.text)
        if not m:
            return body
        p = float(m.group("a") or m.group("b") or m.group("c")) * self.unit_mm
        D, H = body["diameter"], body["height"]
        if not 0 < p < H:
            self.missing.append(f"a point {p:g} long on a {H:g} mm long rod")
            return body
        self.body.take(lambda v: v.raw is not None and abs(v.mm - p) < 1e-9)
        for f in self.feats:
            f.take(lambda v: v.raw is not None and abs(v.mm - p) < 1e-9)
        self.notes.append(f"the last {p:g} mm a cone to a point: Ø{D:g} x {H - p:g}, then the point (a revolved section)")
        self.read_words |= {"point", "pointed", "sharp", "tapering", "tapered", "taper", "sharpened"}
        return {"kind": "revolve", "id": body["id"], "points": [[0.0, 0.0], [D / 2, 0.0], [D / 2, round(H - p, 6)], [0.0, H]]}

    def _from_plates(self, body: dict, shells: list[dict], said: set[float], note: str) -> dict:
        """A part said as its plates (plates.py): the numbers it read are taken wherever the targets put them, and
        the walls said as a shell are the body's own (no second shell)."""
        for t in [self.body, *self.feats]:
            t.take(lambda v: v.raw is not None and v.raw.num.value in said)
        self.feats[:] = [f for f in self.feats if f.kind != "shell" and (f.roles or f.loose or f.kind in (
            "hole", "bore", "slot", "pocket", "fillet", "chamfer", "boss"))]
        for f in shells:
            self.ids.add(f["id"])
            self.features.append(f)
        self.notes.append(note)
        self.plates = True
        return body

    def _box(self, b: Target, dims: list[float], flange: bool = False) -> dict | None:
        if not dims and not any(b.get(r) is not None for r in ("length", "width", "side", "length_width")) and (
                b.get("diameter") is not None or b.get("radius") is not None) and self.kind != "square_tube":
            return self._cylinder(b, dims, flange=flange)      # "a plate, diameter 80": a disc
        self._largest_part(b)
        L = b.pop("length")
        W = b.pop("width")
        depth = b.pop("depth")
        open_box = re.search(r"\b(walls?|no lid|open[- ]top|open on top|hollow(?:ed)?|shell(?:ed)?|tray|bin)\b", self.text)
        if depth is not None and b.get("height") is None and (open_box and (
                b.get("side") is not None or b.get("length_width") is not None or len(dims) == 2) or (
                L is not None and W is not None and b.get("thickness") is None)):
            # "outside 120 long, 80 wide, 45 deep": the third size, how tall it stands
            b.add("height", Value(depth, None))   # "50 mm square and 30 deep, walls 2": an open box is as deep as tall
            depth = None
        if depth is not None:     # "50 wide, 80 deep, 30 high": depth is the other side of the footprint
            if W is None:
                W = depth
            elif L is None:
                L = depth
        H = b.pop("height")
        inside_h = b.pop("inside_h")
        if H is None and inside_h is not None:
            H = inside_h           # "15 deep inside": the hollow's depth (inside_sizes adds the floor)
            self.inside.add(inside_h)
        T = b.pop("thickness")
        said3 = [L, W, H]
        sizes = dims if dims and len(dims) == 3 else said3 if None not in said3 else None
        if T is not None and (self.kind == "shelled_box" or any(f.kind == "shell" for f in self.feats)) and sizes and \
                T < min(sizes) / 3 and \
                b.get("wall") is None and not any(f.kind == "shell" and f.get("wall") is not None for f in self.feats):
            # "tray 200x150x30 2mm thick open at the top": its walls are 2 thick, not the tray
            b.add("wall", Value(T, None))
            T = None
        cube = self.body.noun in ("cube",) or "cube" in self.text
        if b.get("side") is not None and dims and len(dims) >= 2 and all(abs(b.get("side") - d) > 1e-9 for d in dims) \
                and not cube:
            side = None     # "80 x 80 x 6 plate ..., a 30 ... square": the part's sizes were given; the 30 is another's
        else:
            side = b.pop("side")
        lw = b.pop("length_width")
        # ("0.75 in length and width and 0.025 in height", "cube 20 x 20 x 30": each size said by its name, the word
        # cube used loosely; "a 30 mm cube, 40 tall": the cube's size and another, which it is is asked)
        sized_by_name = lw is not None or (L is not None and W is not None) or bool(dims and len(dims) == 3)
        if lw is not None:
            L, W = L or lw, W or lw
        if side is not None and cube:
            L = L or side
            W = W or side
            H = H or side
        elif side is not None and L is not None and W is None and H is None and T is None:
            W = H = side          # "a bar 1 inch square, 12 inches long": the section is square
        elif side is not None:
            L, W = L or side, W or side
        if self.kind == "square_tube" and re.search(r"\bsquare\b", self.text) and L is not None and W is None and \
                H is None and side is None and not dims and len(b.loose) == 1:
            W = H = b.loose.pop(0).mm       # "square tube 40 outside, 2.5 wall, 150 long": the section 40 square
        dims_wall = None
        if self.kind == "square_tube" and dims and len(dims) == 3 and L is not None and b.get("wall") is None and \
                dims[2] < min(dims[0], dims[1]) / 3:
            dims_wall, dims = dims[2], dims[:2]   # "square tube 25 x 25 x 2, 400 long": the section and its wall
        if dims and len(dims) == 3 and dims[0] < min(dims[1], dims[2]) and L is None and W is None and H is None and \
                T is None and re.search(r"\b(?:plate|sheet|panel|slab|tile)\b", self.text):
            dims = [max(dims[1:]), min(dims[1:]), dims[0]]      # ".5 x 4 x 8 plate": half an inch thick
        if dims and len(dims) == 3 and dims[2] > max(dims[0], dims[1]) and L is None and W is None and H is None and \
                T is None and re.search(r"\b(?:bar|strip|rail|slat|beam|batten|extrusion)\b", self.text):
            dims = sorted(dims, reverse=True)      # "rectangular bar 25 x 10 x 200": 200 long, lying flat
        if dims:
            if len(dims) == 3:
                # a thickness or height written on the last number is the height
                a, c, e = dims
                if T is None and H is None:
                    L, W, H = L or a, W or c, e
                elif L is not None and W is None and H is None:
                    # 'A x B x C, N long': A x B x C is not a section here; keep order
                    W, H = c, e
                else:
                    L, W, H = L or a, W or c, H or T or e
                    T = None if H != T else None
            elif len(dims) == 2:
                if L is None and W is None:
                    L, W = dims
                elif H is None and T is None:
                    W, H = W or dims[0], dims[1]
        loose = self.loose(b)
        if cube and L is None and loose:
            L, W, H = loose[0], W or loose[0], H or loose[0]    # ("cube 25mm, height 30": its height said too)
        elif L is None and W is None and loose and re.search(r"\bsquare\b", self.text):
            L = W = loose[0]
            loose = loose[1:]
        elif cube and L is not None and W is None:
            W = H = L
        if cube and L is not None and H is None and T is None:
            W, H = W or L, L            # "cube with side length 5 cm"
        if H is None and T is not None:
            H = T
        elif H is not None and T is not None and L is not None and W is None:
            W, H = H, T
        if L is not None and W is None and H is not None and self.kind == "box" and cube:
            W = L
        if L is None or W is None:
            self.missing.append("the block's length and width (e.g. '80 x 50 x 10')")
            return None
        if H is None:
            if loose and len(loose) >= 1 and loose[0] not in (L, W):
                H = loose[0]
            else:
                H = self.assume("thickness", default("plate_thickness"))
        said = [v for v in (L, W, H) if v is not None]
        if self.body.noun == "cube" and len({round(v, 6) for v in said}) > 1 and sized_by_name:
            self.notes.append(f"'cube' said, but its sizes differ: a {L:g} x {W:g} x {H:g} block")
        elif self.body.noun == "cube" and len({round(v, 6) for v in said}) > 1:
            # "a 30 mm cube, 40 tall": a cube is one size every way; a 30 x 30 x 40 block would be a guess
            self.missing.append(f"which it is: a cube is the same every way, but {' and '.join(f'{v:g}' for v in dict.fromkeys(said))} "
                                f"were said (say 'a {L:g} x {W:g} x {H:g} block', or one size for the cube)")
            return None
        body = {"kind": "box", "id": _id(self.body.noun or "block"), "length": L, "width": W, "height": H}
        if self.body.noun:
            body["name"] = self.body.noun[:60]
        if self.kind == "shelled_box" and not any(f.kind == "shell" for f in self.feats):
            self._shell_of_the_kind(b, body)
        if self.kind == "square_tube":
            said = self._take_shell_wall()        # "2 wall" is the tube's wall, never a shell as well
            wall = b.pop("wall") or said or dims_wall or self.assume("wall thickness", default("wall"))
            # the long side is the tube's axis: stand it on end
            Lx, Wy, Hz = sorted([L, W, H])
            body.update(length=Lx, width=Wy, height=Hz)
            self.features.append({"id": self.fid("bore"), "kind": "pocket", "shape": "rect",
                                  "length": Lx - 2 * wall, "width": Wy - 2 * wall})
        return body

    def _stepped_block(self, b: Target, m: re.Match) -> dict | None:
        """'a stepped block: 60 long, 30 wide, 20 tall for the first 30 mm, then 10 tall for the rest': a block as
        tall as its lower step with the higher step standing on it at that end (a rectangular pad)."""
        k = self.unit_mm
        if m.group(1):
            h1, a, h2, where = float(m.group(1)) * k, float(m.group(2)) * k, float(m.group(3)) * k, (1, 2, 3)
        else:
            h1, a, h2, where = float(m.group(5)) * k, float(m.group(4)) * k, float(m.group(7)) * k, (4, 5, 6, 7)
        spans = {m.start(g) for g in where if m.group(g)}
        b.take(lambda v: v.raw.num.start in spans)
        L, W = b.pop("length"), b.pop("width")
        if L is None or W is None or not 0 < a < L or h1 == h2:
            self.missing.append("the stepped block's length and width, and where its step is")
            return None
        if any(f.kind in ("hole", "bore", "pocket", "slot") for f in self.feats):
            self.missing.append("where holes or cuts go on a stepped block (on which step, how deep) is not read offline")
            return None
        low, high = min(h1, h2), max(h1, h2)
        run = a if h1 > h2 else L - a              # the length the higher step runs
        u = -L / 2 + run / 2 if h1 > h2 else L / 2 - run / 2
        self.features.append({"id": self.fid("step"), "kind": "boss", "length": run, "width": W, "height": high - low,
                              "at": {"kind": "at", "points": [[round(u, 6), 0.0]]}})
        self.notes.append(f"a {L:g} x {W:g} block {low:g} tall with a {run:g} long step {high:g} tall at the "
                          f"{'left' if h1 > h2 else 'right'} end")
        return {"kind": "box", "id": _id(self.body.noun or "block"), "length": L, "width": W, "height": low}

    def _cylinder(self, b: Target, dims: list[float], flange: bool = False) -> dict | None:
        mx = re.search(r"\bm(\d+(?:\.\d+)?)\s*x\s*([\d.]*\d)\b", self.text)
        if not flange and mx and re.search(r"\b(?:rod|bolt|stud|studding|screw|threaded|all[- ]?thread)\b", self.text) and \
                b.get("diameter") is None:
            # "threaded rod blank M10 x 100": the thread's nominal diameter by its length (no thread modelled)
            L = float(mx.group(2))
            b.take(lambda v: abs(v.raw.num.value - L) < 1e-9)
            self.notes.append(f"M{mx.group(1)} x {mx.group(2)}: a {mx.group(1)} mm rod {mx.group(2)} long (no thread modelled)")
            return {"kind": "cylinder", "id": _id(self.body.noun or "rod"), "diameter": float(mx.group(1)), "height": L}
        if not flange and re.search(r"\b(?:pin|dowel|rod|bolt|spindle|axle|stud|arbor|arbour)\b", self.text) and \
                re.search(r"\bthen\b|\bsteps?\b|\bstepped\b", self.text) and \
                not re.search(r"\b(?:head|flange|collar|overall|total)\b", self.text) and \
                len(_steps(self.text, self.unit_mm)) >= 2:
            return self._shaft(b, dims)     # "shoulder pin: 10mm dia x 20 long then 6mm dia x 15 long": its steps
        D = b.pop("diameter") or b.pop("flange") or b.pop("length_width") or b.pop("side")
        if D is None and b.get("length") is not None and b.get("length") == b.get("width"):
            D = b.pop("length")
            b.pop("width")
        R = b.pop("radius")
        if D is None and R is not None:
            D = 2 * R
        hs = b.roles.get("height", [])
        if hs and b.get("thickness") is not None and any(f.kind == "boss" for f in self.feats) and \
                says_overall(self.text, hs[0].raw.num.start, hs[0].raw.num.end):
            H = b.pop("thickness")     # "disc 1/2\" thick, hub 3\" OD, 1\" overall height": the overall is the hub's
        else:
            H = b.pop("height") or b.pop("thickness")
        if D is None and H is not None:      # "0.75 units wide and 0.64 units tall": wide is across
            D = b.pop("width") or b.pop("length")
        H = H or b.pop("length") or b.pop("width") or (b.pop("depth") if self.kind == "shelled_cylinder" else None)
        if dims and D is None and len(dims) == 2:
            D, H = dims[0], H or dims[1]
        elif dims and len(dims) == 2 and H is None:
            H = dims[1] if dims[0] == D else dims[0]
        loose = self.loose(b)
        if D is None and loose:
            D = loose.pop(0)
        if H is None and loose:
            H = loose.pop(0)
        if D is None:
            self.missing.append("the diameter (e.g. 'Ø40' or '40 dia')")
            return None
        if H is None:
            H = self.assume("height", default("thickness"))
        inner = b.pop("inner")
        if inner is None and not flange and self.kind not in ("flange", "shelled_cylinder"):
            inner = self._take_bore()      # (a cup's hole in the middle of its bottom is a hole in the floor)
        if inner is not None and not flange:
            return {"kind": "tube", "id": _id(self.body.noun or "tube"), "outer_diameter": D, "inner_diameter": inner,
                    "height": H}
        if inner is not None:
            self.features.append({"id": self.fid("bore"), "kind": "hole", "size": inner})
        out = {"kind": "cylinder", "id": _id(self.body.noun or "cylinder"), "diameter": D, "height": H}
        if self.body.noun:
            out["name"] = self.body.noun[:60]
        return out

    def _tube(self, b: Target, dims: list[float]) -> dict | None:
        m = re.search(r"\biso\s*(7089|7090)\b", self.text)
        ms = M_SIZE.search(self.text)
        if "washer" in self.text and ms and any(b.get(r) is not None for r in ("diameter", "thickness", "height")) \
                and not re.search(r"\biso\b|\bstandard\b|\bdin\b", self.text):
            # "a washer for M10, 2 thick, 25 OD": the sizes given, the screw's clearance as its hole
            from ..part.tables import hole_diameter, washer
            try:
                std = washer(f"M{ms.group(1)}")
            except KeyError:
                std = None
            inner = b.pop("inner") or self._take_bore()
            D = b.pop("diameter")
            H = b.pop("thickness") or b.pop("height")
            stray = [v for v in b.loose if v.raw is not None]
            if D is None and stray:
                # "M10 washer 3 thick 17": a size said with no word for it; the standard's outside diameter would drop
                # it without a word (it was taken as 20 + 3 and let through)
                self.missing.append(f"what {', '.join(repr(v.raw.num.text.strip()) for v in stray)} "
                                    f"{'is' if len(stray) == 1 else 'are'} for (say e.g. '22 OD')")
                return None
            if D is None and H is not None and std is not None:
                # "washer for M12, 3 thick": the standard washer's diameters, the thickness said
                D = self.assume(f"outside diameter of an M{ms.group(1)} washer (ISO 7089)", std["d2"])
                inner = inner or self.assume(f"inside diameter of an M{ms.group(1)} washer (ISO 7089)", std["d1"])
            if inner is None:
                inner, what = hole_diameter(f"M{ms.group(1)} clearance")
                self.notes.append(f"M{ms.group(1)}: a {inner:g} mm hole ({what}); the sizes given, not ISO 7089's")
            if D is None or H is None:
                self.missing.append("the washer's outside diameter and thickness (or just 'M10 washer')")
                return None
            return {"kind": "tube", "id": "washer", "outer_diameter": D, "inner_diameter": inner, "height": H}
        if "washer" in self.text and ms:
            std = f"ISO {m.group(1)}" if m else "ISO 7089"
            for r in ("diameter", "inner", "thickness", "height"):
                b.roles.pop(r, None)
            self.feats = [f for f in self.feats if f.kind not in ("hole", "bore")]
            return {"kind": "tube", "id": "washer", "standard": std, "size": f"M{ms.group(1)}"}
        if b.get("inner") is None and BLIND_ENDS.search(self.text) and not re.search(
                r"\b(?:through|thru|bore|id|inner|inside|tube|pipe|sleeve|bush(?:ing)?)\b", self.text):
            # "round standoff Ø8 x 25, M4 tapped 8 deep each end": a solid round bar with a blind hole in each end
            self.notes.append("a blind hole in each end: the standoff is solid between them")
            return self._cylinder(b, dims)
        if b.get("inner") is None and re.search(r"\bstandoffs?\b|\bspacers?\b", self.text) and re.search(
                r"\b(?:pins?|studs?|pegs?)\b", self.text) and any(f.kind == "boss" for f in self.feats) and not re.search(
                r"\b(?:through|thru|bore|id|inner|inside)\b", self.text):
            # "standoff: round body Ø8, 12 tall, with a Ø3 pin on top ... an M3 tap hole 8 deep in the bottom": solid
            self.notes.append("a pin on one end: the standoff is a solid round body")
            return self._cylinder(b, dims)
        D = b.pop("diameter")
        inner = b.pop("inner") or self._take_bore()
        if inner is None and D is not None and b.get("diameter") is not None and re.search(
                r"\d\s*(?:mm\s*)?/\s*(?:dia\s*)?\d", self.text):
            # "Ø30 / Ø20 tube": outside over inside
            D, inner = max(D, b.get("diameter")), min(D, b.pop("diameter"))
        wall = b.pop("wall") or self._take_shell_wall() or (b.pop("thickness") if (D is None) != (inner is None) and b.get("length") is not None
                                 or b.get("height") is not None else None)
        H = b.pop("height") or b.pop("length") or b.pop("thickness") or b.pop("width")
        pair = re.search(r"(?<![\d.])(\d*\.?\d+)\s*/\s*(\d*\.?\d+)\s*x\s*(\d*\.?\d+)(?![\d.])", self.text)
        if pair and D is None and inner is None and dims and len(dims) == 2 and H is None:
            # "washer 24/13 x 2.5": outside over inside, by the thickness
            a, c = sorted((float(pair.group(1)), float(pair.group(2))), reverse=True)
            D, inner, H = a * self.unit_mm, c * self.unit_mm, dims[1]
            b.take(lambda v: v.raw.num.start == pair.start(1))
            dims = []
        if dims and len(dims) == 2 and D is None:
            D, H = dims[0], H or dims[1]        # "a standoff Ø10 x 30 tall with a Ø4.2 hole through"
        if dims and len(dims) == 3 and D is None and inner is None and wall is None and H is None and \
                dims[1] < dims[0] and dims[2] > 0 and not re.search(r"\b(?:block|plate|box|bar|bracket)\b", self.text):
            # (not "a bushing holder block 50 x 40 x 30": the block's sizes)
            # "pipe 60.3 x 3.9 x 500": outside x wall x length (a wall under a quarter of the diameter);
            # "tube 40 x 30 x 100": outside x inside x length
            D, H = dims[0], dims[2]
            if dims[1] < dims[0] / 4:
                wall = dims[1]
                self.notes.append(f"{dims[0]:g} x {dims[1]:g} x {dims[2]:g} read as outside diameter x wall x length")
            else:
                inner = dims[1]
                self.notes.append(f"{dims[0]:g} x {dims[1]:g} x {dims[2]:g} read as outside x inside diameter x length")
        loose = self.loose(b)
        if D is None and loose:
            D = loose.pop(0)
        if inner is None and wall is not None and D is not None:
            inner = D - 2 * wall
        if D is None and wall is not None and inner is not None:
            D = inner + 2 * wall
        ms = M_SIZE.search(self.text)
        if ms and (re.search(r"\b(?:pins?|studs?|pegs?|male|female)\b", self.text) or any(
                f.kind in ("hole", "bore") and f.get("depth") is not None for f in self.feats)):
            ms = None     # "a Ø3 pin on top ... an M3 tap hole 8 deep in the bottom": the thread's hole is blind, no bore
        if inner is None and ms and D is not None:
            from ..part.tables import hole_diameter
            tapped = bool(re.search(r"\btap|\bthread|female", self.text))
            inner, what = hole_diameter(f"M{ms.group(1)} {'tapped' if tapped else 'clearance'}")
            self.notes.append(f"M{ms.group(1)}: a {inner:g} mm bore ({what})")
            # "standoff 8 OD 20 long M4 clearance": that hole is the bore, not a second one
            self.feats[:] = [f for f in self.feats if not (f.kind in ("hole", "bore") and not f.roles and not f.loose
                                                           and f"m{ms.group(1)}" in f.words)]
        uni = re.search(r"\bunified[a-jsnt]+", self.text) if inner is None and D is not None and not ms else None
        if uni:
            # "#6-32 standoff, 1/4 round, tapped all the way through": the thread's tap drill (or clearance) is the bore
            from ..part.tables import hole_diameter
            thread = unified_thread(uni.group(0))
            tapped = bool(re.search(r"\btap|\bthread|female", self.text))
            try:
                inner, what = hole_diameter(f"{thread} {'tapped' if tapped else 'clearance'}")
                self.notes.append(f"{thread}: a {inner:g} mm bore ({what})")
            except KeyError:
                pass
        if inner is None and loose:
            inner = loose.pop(0)
        if H is None and loose:
            H = loose.pop(0)
        if D is None and b.get("length") is not None and b.get("length") == b.get("width"):
            D = b.pop("length")             # "a ring ... a width of 0.75 and a length of 0.75": round, 0.75 across
            b.pop("width")
        if D is not None and inner is None and re.search(r"\b(?:ring|annulus|annular|washer)\b", self.text) and \
                not re.search(r"\bfor (?:a|an|the|my)\b", self.text):
            inner = self.assume("inner diameter", round(D / 2, 6))   # (a ring for a 608 bearing: its seat is not guessed)
        if D is None or inner is None:
            self.missing.append("the tube's outer and inner diameters (e.g. 'OD 30, ID 24')")
            return None
        if H is None:
            H = self.assume("length", default("thickness"))
        return {"kind": "tube", "id": _id(self.body.noun or "tube"), "outer_diameter": D, "inner_diameter": inner,
                "height": H}

    def _cone(self, b: Target, dims: list[float]) -> dict | None:
        if b.get("top_d") is None and b.get("head") is not None and not any(f.kind in ("hole", "bore") for f in self.feats):
            b.roles["top_d"] = b.roles.pop("head")     # "40 dia at the base narrowing to 10 dia at the top"
        if b.get("top_d") is None and b.get("bottom_d") is None and len(b.roles.get("diameter", [])) == 2:
            # "60 across the base, 20 across the flat top": the one said of the top (else the smaller) is the top's
            a, c = b.roles.pop("diameter")
            said = [re.search(r"^\W*(?:mm\s*)?(?:\w+\s+){0,3}?(?:top|tip|small end|upper)\b",
                              self.text[v.raw.num.end:v.raw.num.end + 40]) is not None for v in (a, c)]
            up = c if said[1] or (not said[0] and c.mm < a.mm) else a
            b.roles["bottom_d"], b.roles["top_d"] = [a if up is c else c], [up]
        bot = b.pop("bottom_d") or b.pop("diameter")
        top = b.pop("top_d")
        H = b.pop("height") or b.pop("length")
        loose = self.loose(b)
        if bot is None and loose:
            bot = loose.pop(0)
        if H is None and loose:
            H = loose.pop(0)
        if bot is None or H is None:
            self.missing.append("the cone's base diameter and height")
            return None
        return {"kind": "cone", "id": "cone", "bottom_diameter": bot, "top_diameter": top or 0.0, "height": H}

    def _sphere(self, b: Target, dims: list[float]) -> dict | None:
        flat = self._flat_cut(b) if re.search(r"\bflat(?:tened|s)?\b|\b(?:cut|sliced|taken|machined) off\b", self.text) \
            else None
        D = b.pop("diameter")
        R = b.pop("radius")
        D = D or (2 * R if R else None) or (self.loose(b) or [None])[0]
        if D is None:
            self.missing.append("the sphere's diameter")
            return None
        wall = b.pop("wall") or self._take_shell_wall()
        if wall is not None and wall < D / 2:
            # a hollow ball: the shell between two spheres, revolved (a sphere cannot be shelled)
            R, r = D / 2, D / 2 - wall
            outer = _arc(R, -90, 90)
            inner = _arc(r, 90, -90)
            pts = [(x, z + R) for x, z in outer + inner]
            self.notes.append(f"a closed hollow ball: Ø{D:g} with {wall:g} mm walls, as a revolved section")
            return {"kind": "revolve", "id": "ball", "points": pts}
        if flat is not None:
            return self._flat_ball(D, *flat)
        return {"kind": "sphere", "id": "sphere", "diameter": D}

    def _flat_cut(self, b: Target) -> tuple[list, list]:
        """The numbers that size a ball's flat: how much is cut off ('10mm cut off'), or the flat's diameter."""
        cut = b.take(lambda v: re.match(r"\s*(?:mm\s*)?(?:cut off|off|removed|sliced off|taken off|machined off|deep)\b",
                                        self.text[v.raw.num.end:]) is not None)
        flat = b.take(lambda v: re.match(r"\s*(?:mm\s*)?(?:dia(?:meter)?\s+|wide\s+|across\s+)?flat\b",
                                         self.text[v.raw.num.end:]) is not None or re.search(
            r"\bflat\s+(?:of\s+)?$", self.text[:v.raw.num.start]) is not None)
        for f in [f for f in self.feats if f.kind == "flat"]:
            # "with a 20 mm flat on the bottom": the flat named as a feature carries its size
            vals = f.take(lambda v: True)
            cut += [v for v in vals if re.match(r"\s*(?:mm\s*)?(?:cut off|off|removed|deep)\b", self.text[v.raw.num.end:])]
            flat += [v for v in vals if v not in cut]
            self.feats.remove(f)
        return cut, flat

    def _flat_ball(self, D: float, cut: list, flat: list) -> dict | None:
        """'a 50mm ball with a flat bottom, 10mm cut off', 'a 40 ball with a 20 mm flat on the bottom': a sphere cut
        flat across, as a revolved section (the cut's height, or the flat's diameter, said)."""
        R = D / 2
        if cut and 0 < cut[0].mm < D:
            h = cut[0].mm
        elif flat and 0 < flat[0].mm < D:
            h = R - math.sqrt(R * R - (flat[0].mm / 2) ** 2)
        else:
            self.missing.append("how much of the ball is cut flat (e.g. '10 mm cut off the bottom' or 'a 20 mm flat')")
            return None
        a0 = math.degrees(math.asin((h - R) / R))
        pts = [(0.0, 0.0)] + [(r, z + R - h) for r, z in _arc(R, a0, 90)]
        pts[1] = (round(math.sqrt(max(0.0, R * R - (R - h) ** 2)), 6), 0.0)
        self.notes.append(f"a Ø{D:g} ball cut flat {h:.4g} mm up from its bottom: {D - h:.4g} mm tall, a revolved section")
        return {"kind": "revolve", "id": "ball", "points": pts}

    def _dome(self, b: Target, dims: list[float]) -> dict | None:
        D = b.pop("diameter")
        R = b.pop("radius") or (D / 2 if D else None) or (self.loose(b) or [None])[0]
        if R is None:
            self.missing.append("the dome's radius")
            return None
        n = 48
        pts = [(0.0, 0.0)] + [(R * math.cos(math.pi / 2 * i / n), R * math.sin(math.pi / 2 * i / n))
                              for i in range(n + 1)]
        # a polyline inside the arc loses volume: scale it out so the volume is the hemisphere's
        k = (2 / 3 * math.pi * R ** 3 / _revolved_volume(pts)) ** (1 / 3)
        pts = [(round(r * k, 6) if i else r, round(z * k, 6) if i else z) for i, (r, z) in enumerate(pts)]
        pts[1] = (round(R * k, 6), 0.0)
        pts[-1] = (0.0, round(R * k, 6))
        self.notes.append(f"the dome's arc is a {n}-segment polyline scaled to the hemisphere's volume")
        return {"kind": "revolve", "id": "dome", "points": pts}

    def _hex(self, b: Target, dims: list[float]) -> dict | None:
        af = b.pop("af")
        ac = b.pop("across_corners")
        H = b.pop("height") or b.pop("length") or b.pop("thickness")
        ms = M_SIZE.search(self.text)
        if af is None and ac is None and ms and "nut" in self.text:
            return {"kind": "polygon_prism", "id": "nut", "standard": "ISO 4032", "size": f"M{ms.group(1)}"}
        side = b.pop("side") or b.pop("length_width")
        if af is None and ac is None and side is not None:
            n = next((k for w, k in (("triangular", 3), ("pentagon", 5), ("octagon", 8)) if w in (self.body.noun or "")), 6)
            af = round(side / math.tan(math.pi / n), 6) if n % 2 == 0 else None
            if af is None:    # odd sides: the circumscribed circle from the side length
                ac = round(side / math.sin(math.pi / n), 6)
        if af is None and ac is None:
            af = b.pop("diameter") or (self.loose(b) or [None])[0]
        elif H is None and len(b.loose) == 1:
            H = b.loose.pop(0).mm           # "hex standoff M3 x 20, 5.5 across flats": 20 long
        if (af is None and ac is None) or H is None:
            self.missing.append("the hex's size across flats and its length")
            return None
        n = next((k for w, k in (("triangular", 3), ("pentagon", 5), ("octagon", 8), ("hex", 6))
                  if w in (self.body.noun or "")), 6)
        out = {"kind": "polygon_prism", "id": "hex" if n == 6 else "prism", "sides": n, "height": H}
        out["across_flats" if af is not None else "across_corners"] = af if af is not None else ac
        inner = b.pop("inner") or self._take_bore()
        if inner is None:
            for f in self.feats:
                if f.kind == "hole" and not f.get("count") and not CROSS_WORDS.search(f.words) and \
                        f.get("depth") is None:
                    inner = f.pop("size") or f.pop("diameter") or (f.loose.pop(0).mm if f.loose else None)
                    th = re.search(r"\b(m\d+(?:\.\d+)?) (tapped|clearance)\b", f.words) if inner is None and re.search(
                        r"\bstandoffs?\b|\bspacers?\b", self.text) else None
                    if th:
                        # "hex standoff 8 AF 25 long, M4 tapped both ends": the thread's hole is the bore, once
                        from ..part.tables import hole_diameter
                        inner, what = hole_diameter(f"{th.group(1).upper()} {th.group(2)}")
                        self.notes.append(f"{th.group(1).upper()}: a {inner:g} mm bore ({what})")
                    if inner is not None:
                        self.feats.remove(f)
                    break
        if inner is None and ms and re.search(r"\bstandoffs?\b|\bspacers?\b", self.text) and not re.search(
                r"\bstuds?\b|\bmale\b|\bfemale\b", self.text) and not re.search(
                r"\b(?:both|each|either) ends?\b[^.;]*\bdeep\b|\bdeep\b[^.;]*\b(?:both|each|either) ends?\b", self.text):
            # (not "M4 tapped both ends 8 deep": two blind holes, no bore)
            from ..part.tables import hole_diameter
            tapped = not re.search(r"\bclearance\b|\bthrough\b|\bthru\b", self.text) or bool(re.search(
                r"\b(?:thread|threads|threaded|tapped|tap)\b", self.text) and not re.search(r"\bclearance\b", self.text))
            inner, what = hole_diameter(f"M{ms.group(1)} {'tapped' if tapped else 'clearance'}")
            self.notes.append(f"M{ms.group(1)}: a {inner:g} mm bore ({what})")
        if inner is not None:
            out["bore"] = inner
        return out

    def _profile(self, b: Target, dims: list[float], shape: str) -> dict | None:
        named = self._named_legs(b) if shape == "L" else None
        if shape == "T":
            tee = self._tee_from_base(b) or self._tee_named(b, dims)
            if tee is not None:
                return tee
        based = None
        _n = r"(\d+(?:\s*-\s*\d+/\d+|\s+\d+/\d+|/\d+|\.\d+)?|\.\d+)"
        m = re.search(rf"\bbase\s*(?:of\s*|is\s*|:\s*|plate\s*)?{_n}\s*(?:mm|cm|\"|in\b)?\s*(?:long|wide)?\s*(?:x|by)\s*{_n}"
                      r"\s*(?:mm|cm|\"|in\b)?\s*(?:long|wide)?", self.text) if shape in ("U", "C") else None
        if m and not (dims and len(dims) == 2):
            # "base 80 long x 50 wide, walls turned up at both short ends", 'base 3" x 1-1/2"': the base's footprint
            took = b.take(lambda v: m.start(1) <= v.raw.num.start < m.end(1) or m.start(2) <= v.raw.num.start < m.end(2))
            if len(took) == 2:
                took.sort(key=lambda v: v.raw.num.start)
                based = [took[0].mm, took[1].mm]
        L, W, H = b.pop("length"), b.pop("width"), b.pop("height")
        base_long = re.search(r"\bbase\s+(?:is\s+)?([\d.]+)\s*(?:mm\s*)?long\b", self.text) if shape in ("U", "C") else None
        if base_long and L is not None and W is not None and based is None and \
                abs(float(base_long.group(1)) * self.unit_mm - L) < 1e-9 and re.search(r"\b(?:arms?|sides?|walls?|legs?|"
                                                                                    r"uprights?)\b", self.text):
            # "u bracket ..., base 60 long outside to outside, the two arms stand 40 high, 30 wide": the base runs
            # between the arms (the section's width); "30 wide" is how far it runs
            W, L = L, W
            self.notes.append(f"the base {W:g} long between the arms' outsides, {L:g} wide")
        if W is None and shape in ("U", "C", "T", "I"):
            W = b.pop("diameter")      # "60 outside across": the section's width
        if shape == "L" and named is None and W is not None and L is None and H is not None and \
                b.get("depth") is not None and not dims:
            # "L bracket 100 tall 60 deep 5 thick 40 wide": the upright 100, the base leg 60 deep, 40 wide across
            L, W = W, b.pop("depth")
        if shape == "L" and named is None and not dims and None not in (W, L, H) and b.get("legs") is None and \
                L < 2 * max(W, H) and re.search(r"\blong\b", self.text) and re.search(r"\bwide\b", self.text):
            # "L-shaped bracket 40 tall, 60 long, 30 wide": standing on its base, the base leg runs 60 (long), the
            # bracket is 30 wide, the upright 40 tall (a length far beyond its legs is how far it runs: 'angle ... 300 long')
            W, L = L, W
            self.notes.append(f"the base leg {W:g} long, the upright {H:g} tall, {L:g} wide")
        if L is None:
            L = b.pop("depth")         # "50 deep front to back": how far it runs
        if H is None and shape in ("T", "U", "C", "I"):
            H = b.pop("depth")         # "tee ... 80 long: flange 60 wide, stem 6 thick, 40 deep overall": its height
        T = b.pop("thickness") or b.pop("wall") or self._take_shell_wall()
        if T is None:
            # "..., everything 4mm", "4 mm all over": the one wall of a bent section
            every = b.take(lambda v: v.raw is not None and (
                re.search(r"\b(?:everything|all|throughout|material|sheet)\s*(?:is\s*|at\s*)?$", self.text[:v.raw.num.start])
                or re.match(r"\s*(?:mm\s*)?(?:all over|throughout|everywhere|material|sheet|stock)\b",
                            self.text[v.raw.num.end:])))[:1]
            T = every[0].mm if every else None
        while T is not None and b.get("thickness") is not None and abs(b.get("thickness") - T) < 1e-9:
            b.pop("thickness")         # "flange ... 6 thick, stem ... 6 thick": the section's one wall, said twice
        lip = None
        if shape in ("T", "I") and T is not None and b.get("thickness") is not None:
            # "T section 80 wide, 60 tall, flange 8 thick, stem 6 thick": two walls, each said of its own part
            fl = re.search(r"\b(?:flanges?|top|cap)\s+(?:is\s+|of\s+)?([\d.]+)\s*(?:mm\s*)?(?:thick|thk)\b", self.text)
            wb = re.search(r"\b(?:web|stem|upright)\s+(?:is\s+|of\s+)?([\d.]+)\s*(?:mm\s*)?(?:thick|thk)\b", self.text)
            other = b.get("thickness")
            if fl and wb and {float(fl.group(1)) * self.unit_mm, float(wb.group(1)) * self.unit_mm} == {T, other}:
                b.pop("thickness")
                T, lip = float(wb.group(1)) * self.unit_mm, float(fl.group(1)) * self.unit_mm
                self.notes.append(f"the flange {lip:g} thick, the web {T:g} thick")
        if shape == "U" and T is not None and lip is None and b.get("floor") is not None:
            # "U channel ..., walls 6 thick and base 4 thick": the base's own thickness (the section's lip)
            base_t = b.pop("floor")
            if abs(base_t - T) > 1e-9:
                lip = base_t
                self.notes.append(f"the base {lip:g} thick, the walls {T:g} thick")
        legs, fl = b.pop("legs"), b.pop("flange")
        leg_pair = named
        if dims and len(dims) == 4 and None in (W, H, T, L) and dims[2] < min(dims[0], dims[1]):
            # "channel 50 x 25 x 4 x 200", "angle 75x50x6x1000": the section (two sizes and the wall), then the length
            W, H, T, L = W or dims[0], H or dims[1], T or dims[2], L or dims[3]
            dims = []
        if dims and len(dims) == 3 and W is not None and L is None and T is None:
            L, W = W, None        # "T bracket 60 x 40 x 5, 30 wide": the section, then how far it runs
        if dims and len(dims) == 3 and T is not None and L is None:
            # 'an L bracket 50 x 40 x 30, 5 thick': the overall sizes, the wall said on its own
            W, H, L = W or dims[0], H or dims[1], dims[2]
        elif dims and len(dims) == 3:
            W, H, T = W or dims[0], H or dims[1], T or dims[2]
        elif shape in ("U", "C") and H is not None and (dims and len(dims) == 2 or based) and (based or re.search(
                r"\bbase\s*(?:of\s*|is\s*|:\s*|plate\s*)?[\d./-]+\s*(?:mm|cm|\"|in\b)?\s*(?:x|by)\s*[\d.]", self.text)):
            dims = dims if dims and len(dims) == 2 else based
            # "U-shaped bracket: base 60 x 40, two side walls 30 high": the base's footprint; the walls stand along its
            # long sides (the short ones, said), so the section is the short size across and it runs the long one
            short = re.search(r"\b(?:short|end)\s+(?:sides|edges|ends)\b|\b(?:at|on) (?:each|both|either) ends?\b|"
                              r"\b(?:at|on) the ends\b", self.text)
            W, L = (max(dims), min(dims)) if short else (min(dims), max(dims))
            self.notes.append(f"the base {max(dims):g} x {min(dims):g}, the walls along its {'short' if short else 'long'} sides")
        elif dims and len(dims) == 2 and shape == "L" and T is None and legs is None and dims[1] < dims[0] / 3 and \
                re.search(r"\bequal[- ]?(?:legs?|angles?|sided)\b", self.text):
            legs, T = dims[0], dims[1]      # "equal leg angle 40 x 5, 100 long": both legs 40, the wall 5
            self.notes.append(f"equal legs {dims[0]:g}, {dims[1]:g} thick")
        elif dims and len(dims) == 2:
            if shape == "L" and (re.search(r"\blegs?\b", self.text) or L is None):
                leg_pair = dims
            else:
                W, H = W or dims[0], H or dims[1]
        if shape == "L" and legs is not None and leg_pair is None:
            # 'legs 50 and 30 mm': two legs, the second number without its keyword
            second = b.pop("legs")
            if second is None and b.loose and re.search(r"\blegs?\b[^,;.]*?\band\b|\bthe other\b", self.text):
                second = b.loose.pop(0).mm
            pair = re.search(r"\blegs?\s+[\d.]+\s*(?:mm\s*)?(?:and|&|by|x)\s+([\d.]+)\s*(?:mm\s*)?long\b", self.text)
            if second is None and pair and L is not None and abs(L - float(pair.group(1)) * self.unit_mm) < 1e-9:
                second, L = L, None           # "legs 60 and 40 long": the second leg, not how far it runs
            if second is not None:
                leg_pair = (legs, second)
        if shape == "L" and legs is None and leg_pair is None:
            # "first side 80, second side 60", "both side 50": the legs, said side by side
            sided = [v for v in b.loose if re.search(r"\b(?:first|second|one|other|long(?:er)?|short(?:er)?|both|each)\s+"
                                                      r"(?:side|leg|arm)s?\s*(?:is\s+|of\s+|=\s*)?$",
                                                      self.text[:v.raw.num.start])]
            if len(sided) == 2:
                leg_pair = (sided[0].mm, sided[1].mm)
            elif len(sided) == 1 and re.search(r"\b(?:both|each)\s+(?:side|leg|arm)s?\s*(?:is\s+|of\s+|=\s*)?$",
                                               self.text[:sided[0].raw.num.start]):
                legs = sided[0].mm
            if leg_pair or legs is not None:
                b.loose = [v for v in b.loose if v not in sided]
        if shape == "L" and legs is None and leg_pair is None and re.search(r"\bequal[- ]?legs?\b|\bequal angle\b",
                                                                             self.text):
            if len(b.loose) == 1:
                legs = b.loose.pop(0).mm   # "equal leg angle bracket 40mm, 3 thick, 20 wide": both legs 40
        if shape == "L" and (legs is not None or leg_pair):
            # a bracket's legs make the section; 'wide' is then how far it runs (the extrusion)
            if L is None:
                L = W
            # one leg said by its height ("the wall leg 100 tall and the shelf leg 150 long"): that is the other
            W, H = leg_pair or ((legs, H) if H is not None and legs != H else (legs, legs))
        if shape in ("U", "C") and H is None and legs is not None:
            H, legs = legs, None          # 'channel: 1-1/2" wide, 3/4" legs (overall height)': a U's legs are its height
        inside_h = b.pop("inside_h")
        if H is None and inside_h is not None and T is not None and shape in ("U", "C"):
            H = inside_h + T              # "inside height 25" on a 2 mm sheet U: 27 to the outside of its base
            self.notes.append(f"{inside_h:g} inside: {H:g} to the outside of the base")
        span = b.pop("span")
        if shape in ("U", "C") and span is not None and T is not None:
            # "40 mm between the arms": the inside; 'wide' is then how far the bracket runs
            if L is None and W is not None:
                L = W
            W = span + 2 * T
            self.notes.append(f"{span:g} between the arms: {W:g} across the outside")
        if shape == "T" and fl is not None:
            W = W or fl
        loose = self.loose(b)
        if L is None and loose:
            L = loose.pop()
        if None in (W, H, T, L):
            self.missing.append(f"the {shape} section's width, height, wall thickness and length")
            return None
        if dims and len(dims) == 3 and not any(abs(max(dims) - x) < 1e-9 for x in (W, H, L)):
            # "a flat top 80 x 30 x 5 with a web ... 40 deep and 30 wide": the 80 is in no size read (another part)
            self.missing.append(f"how the {' x '.join(f'{d:g}' for d in dims)} sizes make the {shape} section "
                                f"(read as {W:g} wide, {H:g} high, {T:g} thick, {L:g} long)")
            return None
        if shape in ("U", "C") and L > W and not any("the walls along its" in n for n in self.notes) and re.search(
                r"\b(?:uprights?|walls?|sides?|legs?|arms?)\b[^.;]{0,20}\b(?:at|on) (?:the|each|both|either) ends?\b|"
                r"\bend walls\b", self.text) and re.search(r"\b(?:bottom|base|floor)\b", self.text):
            # "bottom 80 long, 40 wide, the two uprights at the ends": the walls stand across the base's ends, so the
            # section spans its length and runs its width
            W, L = L, W
            self.notes.append(f"the walls at the ends of the {W:g} long base: the section {W:g} across, {L:g} deep")
        out = {"kind": "profile", "id": _id(self.body.noun or "profile"), "shape": shape, "width": W, "height": H,
               "thickness": T, "length": L, **({"lip": lip} if lip is not None else {})}
        bend = re.compile(r"^\s*(?:mm\s*)?(?:inside|inner|internal)?\s*bend radius\b|^\s*(?:mm\s*)?(?:inside|inner) radius\b")
        r = b.take(lambda v: bend.match(self.text[v.raw.num.end:]) is not None or re.search(
            r"\b(?:inside |inner |internal )?bend radius\s*(?:of\s*)?$", self.text[:v.raw.num.start]) is not None)
        if r and shape in ("L", "T", "U"):
            out["inner_radius"] = r[0].mm      # "3 mm inside bend radius": a radius inside the bend(s)
        return out

    def _tee_named(self, b: Target, dims: list[float]) -> dict | None:
        """'T bracket: flange 80 x 5, web 50 long x 5 thick, 40 wide', 'top flange 80 long 5 thick, stem 50 long, 30
        wide': the T's flange (the section's width) and web (its height overall) named by their words, whatever word
        sizes them; the thickness, or the flange's and the web's each ('flange 8 thick, stem 50 tall 6 thick', 'flange
        40 x 5, web 30 x 4'); the number left is how far the section runs. None when the words are not that."""
        vals = sorted({id(x): x for vs in [b.loose, *b.roles.values()] for x in vs if x.raw is not None}.values(),
                      key=lambda v: v.raw.num.start)
        flange, web, rest = [], [], []
        tf: list[float] = []         # the walls said of the flange, and of the web
        tw: list[float] = []
        flange_words = r"flange|top|cross\s*-?\s*piece|crossbar|cross bar|top bar|cap|head|table"
        web_words = r"web|stem|upright|vertical|fin|leg|rib|blade|stalk"
        for v in vals:
            before = self.text[max(0, v.raw.num.start - 30):v.raw.num.start]
            pair = re.search(rf"(?:{flange_words}|{web_words})\s*[\d.]+\s*(?:mm\s*)?x\s*$", before)
            before = before[pair.start():] if pair else re.split(r"[\d,;:.]", before)[-1]   # ("web 30 x 4": the web's)
            after = self.text[v.raw.num.end:v.raw.num.end + 20]
            if re.match(r"\s*(?:mm\s*)?(?:thick|thk)\b", after) or v.raw.role == "thickness" and not re.search(
                    rf"\b(?:{flange_words}|{web_words})\b", before):
                # (whose: "flange 8 thick, stem 50 tall 6 thick": the part named last before it)
                owner = re.findall(rf"\b({flange_words}|{web_words})\b", self.text[:v.raw.num.start])
                (tw if owner and re.fullmatch(web_words, owner[-1]) else tf).append(v.mm)
            elif re.search(rf"\b(?:{flange_words})\b", before) or re.match(
                    r"\s*(?:mm\s*)?(?:wide\s+|across\s+)?(?:flange|top)\b", after):
                flange.append(v)
            elif re.search(rf"\b(?:{web_words})\b", before) or re.match(r"\s*(?:mm\s*)?(?:web|stem)\b", after):
                web.append(v)
            else:
                rest.append(v)
        if not flange and dims and len(dims) == 2 and dims[1] < dims[0] and re.search(
                rf"\b(?:{flange_words})\s*(?:is\s*|of\s*|:\s*)?[\d.]+\s*(?:mm\s*)?x\s*[\d.]+", self.text):
            # "flange 40 x 5" read as the part's own group of sizes: its width, then its thickness
            W, tf = dims[0], [dims[1]]
        elif flange:
            W = flange[0].mm
            if len(flange) > 1 and flange[1].mm < W:
                tf.append(flange[1].mm)       # "flange 80 x 5": its width, then its thickness
        else:
            return None
        tall = [v for v in rest if re.match(r"\s*(?:mm\s*)?(?:tall|high)\b", self.text[v.raw.num.end:v.raw.num.end + 20])]
        if not web and len(tall) == 1:
            web = tall            # "flange 40 wide 8 thick, web 6 thick, 58 tall overall": the section's height
            rest.remove(tall[0])
        if not web:
            return None
        H = web[0].mm
        if len(web) > 1 and web[1].mm < H:
            tw.append(web[1].mm)                  # "web 30 x 4": its height, then its thickness
        walls = tf + tw
        if not walls:
            return None
        Tf = None
        if len(tf) == 1 and len(tw) == 1 and abs(tf[0] - tw[0]) > 1e-9:
            T, Tf = tw[0], tf[0]          # two walls, each said of its own part
        elif any(abs(x - walls[0]) > 1e-9 for x in walls):
            return None
        else:
            T = walls[0]
        run = [v for v in rest if v.raw.role in (None, "length", "width", "size")]
        if len(run) != 1:
            return None
        L = run[0].mm
        if H <= (Tf or T) or W <= T:
            return None
        b.take(lambda v: True)
        said = f"{T:g} thick" if Tf is None else f"the flange {Tf:g} thick, the web {T:g} thick"
        self.notes.append(f"the flange {W:g} wide and the web {H:g} high overall (their words), {said}, {L:g} long")
        return {"kind": "profile", "id": _id(self.body.noun or "tee"), "shape": "T", "width": W, "height": H,
                "thickness": T, "length": L, **({"lip": Tf} if Tf is not None else {})}

    def _tee_from_base(self, b: Target) -> dict | None:
        """'T-bracket. base 80 x 30 x 6, with a web 6 thick standing 50 up from the base': a T said as its base plate
        (length x width x thickness) and a web (rib, stem) on it, its thickness and how far it stands up (or the total
        height). None when the words are not that."""
        base = re.search(r"\bbase\s*(?:plate\s*)?(?:of\s*|is\s*|:\s*)?([\d.]+)\s*(?:mm\s*)?x\s*([\d.]+)\s*(?:mm\s*)?x\s*"
                         r"([\d.]+)", self.text)
        stem = re.search(r"\b(?:web|rib|stem|upright|fin)\b[^.;]*?([\d.]+)\s*(?:mm\s*)?thick\b|"
                         r"([\d.]+)\s*(?:mm\s*)?thick\s+(?:web|rib|stem|upright|fin)\b", self.text)
        if not base or not stem:
            return None
        rise = re.search(r"([\d.]+)\s*(?:mm\s*)?(?:up|high|tall|above)\b|\b(?:total|overall) height\s*(?:of\s*|is\s*)?([\d.]+)",
                         self.text[stem.start():])
        if not rise:
            return None
        k = self.unit_mm
        Lb, Wb, Tf = sorted((float(x) * k for x in base.groups()), reverse=True)
        ts = float(stem.group(1) or stem.group(2)) * k
        total = rise.group(2) is not None or bool(re.match(r"\s*(?:mm\s*)?(?:up|high|tall)?\s*(?:overall|in total|total)\b",
                                                         self.text[stem.start() + rise.end():]))
        h = float(rise.group(1) or rise.group(2)) * k
        if abs(ts - Tf) > 1e-9:
            self.missing.append(f"a T whose web ({ts:g} thick) and base ({Tf:g} thick) differ (one wall thickness is built)")
            return None
        H = h if total else Tf + h
        if H <= Tf:
            return None
        used = {float(x) for x in base.groups()} | {float(stem.group(1) or stem.group(2)), float(rise.group(1) or rise.group(2))}
        b.take(lambda v: v.raw.num.value in used)
        b.take(lambda v: v.raw.role == "length" and abs(v.mm - Lb) < 1e-9)       # "running the full 80": said again
        self.notes.append(f"the base {Lb:g} x {Wb:g} x {Tf:g} with a {ts:g} thick web {'to' if total else 'standing'} "
                          f"{h:g}{' overall' if total else ' above it'}")
        return {"kind": "profile", "id": _id(self.body.noun or "tee"), "shape": "T", "width": Wb, "height": H,
                "thickness": Tf, "length": Lb}

    def _named_legs(self, b: Target) -> tuple[float, float] | None:
        """'upright leg is 60 high, base leg 40 deep': an L's two legs named by where they are, whatever word sizes
        them (the base leg is the section's width, the upright its height); the other sizes are then the wall and
        how far it runs."""
        base, up = [], []
        for v in [x for vs in [b.loose, *b.roles.values()] for x in vs if x.raw is not None]:
            m = LEG_NAMED.search(self.text[:v.raw.num.start]) or LEG_NAMED_AFTER.match(self.text[v.raw.num.end:]) or \
                LEG_NAMED_BARE.search(self.text[:v.raw.num.start])
            if m:
                (base if m.group(1) in LEG_BASE_WORDS else up).append(v)
        if len(base) != 1 or len(up) != 1:
            return None
        b.take(lambda v: v is base[0] or v is up[0])
        self.notes.append(f"the base leg {base[0].mm:g}, the upright leg {up[0].mm:g}")
        return base[0].mm, up[0].mm

    def _angle(self, b, dims):
        return self._profile(b, dims, "L")

    def _tee(self, b, dims):
        return self._profile(b, dims, "T")

    def _channel(self, b, dims):
        return self._profile(b, dims, "U")

    def _ibeam(self, b, dims):
        return self._profile(b, dims, "I")

    def _zee(self, b: Target, dims: list[float]) -> dict | None:
        """'Z bracket, 3 mm plate, 30 wide: top flange 25 out to the left, bottom flange 25 out to the right, 40 tall
        overall': two flanges off a web, pointing opposite ways. Each flange is measured to the web's outside face (as
        an angle's legs are); 'N across overall' said too picks the other way (from the web's face) when it fits that;
        one flange size said ('flanges 25') is both. The wall, the height overall and how far it runs."""
        vals = sorted({id(x): x for vs in [b.loose, *b.roles.values()] for x in vs if x.raw is not None}.values(),
                      key=lambda v: v.raw.num.start)
        flanges, thick, tall, across, rest = [], [], [], [], []
        for v in vals:
            before = re.split(r"[\d,;:.]", self.text[max(0, v.raw.num.start - 30):v.raw.num.start])[-1]
            after = self.text[v.raw.num.end:v.raw.num.end + 24]
            if re.match(r"\s*(?:mm\s*)?(?:thick|thk|plate|sheet|material|wall)\b", after) or v.raw.role == "thickness":
                thick.append(v)
            elif re.search(r"\bflanges?\b", before) or re.match(r"\s*(?:mm\s*)?(?:flanges?)\b", after):
                flanges.append(v)
            elif re.match(r"\s*(?:mm\s*)?(?:across|wide overall|overall width)\b", after) or re.search(
                    r"\bacross\s*(?:overall\s*)?(?:is\s*|of\s*)?$", before):
                across.append(v)
            elif v.raw.role in ("height", "depth") or re.match(r"\s*(?:mm\s*)?(?:tall|high|height)\b", after) or \
                    re.search(r"\b(?:web|height|tall|high)\s*(?:is\s*|of\s*|=\s*)?$", before):
                tall.append(v)
            else:
                rest.append(v)
        if len(thick) != 1 or len(tall) != 1 or len(flanges) not in (1, 2) or len(rest) != 1 or len(across) > 1:
            self.missing.append("the Z section's flanges, height overall, wall thickness and how far it runs (e.g. "
                                "'Z bracket 3 thick, 30 wide, flanges 25, 40 tall')")
            return None
        T, H, L = thick[0].mm, tall[0].mm, rest[0].mm
        f1, f2 = (flanges[0].mm, flanges[-1].mm)
        W = f1 + f2 - T
        if across:
            A = across[0].mm
            if abs(A - (f1 + f2 + T)) < 1e-6:
                f1, f2, W = f1 + T, f2 + T, A       # the flanges said from the web's face
                self.notes.append("the flanges measured from the web's face (the overall size said fits that)")
            elif abs(A - W) > 1e-6:
                self.missing.append(f"how the flanges {f1:g} and {f2:g} (with the {T:g} wall) make {A:g} across overall")
                return None
        else:
            self.notes.append(f"each flange {f1:g}{'' if f1 == f2 else f' and {f2:g}'} to the web's outside face: "
                              f"{W:g} across overall")
        b.take(lambda v: True)
        return {"kind": "profile", "id": _id(self.body.noun or "z_bracket"), "shape": "Z", "width": round(W, 6),
                "height": H, "thickness": T, "lip": f1, "length": L}

    def _c_channel(self, b, dims):
        lipped = "lip" in self.text
        return self._profile(b, dims, "C" if lipped else "U")

    def _shaft(self, b: Target, dims: list[float]) -> dict | None:
        steps = _steps(self.text, self.unit_mm)
        if len(steps) >= 2:
            total = sum(L for _, L in steps)
            for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:mm\s*)?(?:long\s+|length\s+)?(?:overall|in total|total|all told)\b|"
                                 r"\b(?:overall|total)\s+(?:length\s+)?(?:of\s+|is\s+|=\s*)?(\d+(?:\.\d+)?)", self.text):
                v = float(m.group(1) or m.group(2)) * self.unit_mm
                if not math.isclose(v, total, rel_tol=1e-6, abs_tol=1e-6):
                    # "100 long overall: a 30 dia section 60 long and a 20 dia section 60 long": which is it?
                    self.missing.append(f"steps that add up to the overall length ({v:g} mm said overall; the steps "
                                        f"add up to {total:g} mm)")
            for r in ("diameter", "radius", "length"):
                b.roles.pop(r, None)
            b.loose.clear()
            return {"kind": "shaft", "id": "shaft", "sections": [{"diameter": d, "length": L} for d, L in steps]}
        inner = b.get("inner")
        if inner is not None:
            return self._tube(b, dims)
        return self._cylinder(b, dims)

    def _gear(self, b: Target, dims: list[float]) -> dict | None:
        mod = b.pop("module")
        z = b.pop("teeth")
        T = b.pop("thickness") or b.pop("width") or b.pop("height") or b.pop("length")
        if T is None:
            face = b.take(lambda v: re.search(r"\bface\s*(?:of\s*|is\s*|=\s*)?$", self.text[:v.raw.num.start]) is not None)
            T = face[0].mm if face else None       # "gear wheel 30 teeth, 2.5 module, face 20": its face width
        if mod is None:
            ms = re.search(r"\bm(\d+(?:\.\d+)?)\b", self.text)
            mod = float(ms.group(1)) if ms else None
        if z is None:
            zs = re.search(r"\bz\s*=?\s*(\d+)", self.text)
            z = float(zs.group(1)) if zs else None
        dp = re.search(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:dp|diametral pitch|d\.p\.)(?!\w)|\b(?:dp|diametral pitch)\s*(?:of\s*|=\s*)?"
                       r"(\d+(?:\.\d+)?)", self.text) if mod is None else None
        if dp:
            # "24 DP": an inch gear's diametral pitch, teeth per inch of pitch diameter: module 25.4 / 24
            p = float(dp.group(1) or dp.group(2))
            at = dp.start(1) if dp.group(1) else dp.start(2)
            b.take(lambda v: v.raw.num.start == at)
            mod = round(25.4 / p, 6)
            self.notes.append(f"{p:g} DP: module {mod:g} (25.4 / {p:g})")
        if mod is None and z is not None:
            mod = self._module_from_diameter(b, z)
        if mod is None or z is None:
            self.missing.append("the gear's module and number of teeth")
            return None
        if T is None:
            T = self.assume("face width", default("thickness"))
        out = {"kind": "spur_gear", "id": "gear", "module": mod, "teeth": int(z), "thickness": T}
        inner = b.pop("inner")
        if inner is None and self.feats and self.feats[0].kind in ("hole", "bore"):
            f = self.feats[0]
            inner = f.get("size") or f.get("diameter") or (f.loose[0].mm if f.loose else None)
            if inner is not None:
                self.feats.pop(0)
        if inner is not None:
            out["bore"] = inner
        return out

    def _module_from_diameter(self, b: Target, z: float) -> float | None:
        """'pitch dia 60 & 24 teeth': module 60 / 24; 'outside diameter 44, 20 teeth': module 44 / (20 + 2)
        (a standard tooth's tip is one module above the pitch circle), said."""
        for role in ("pcd", "diameter"):
            for v in list(b.roles.get(role, [])):
                before = self.text[max(0, v.raw.num.start - 24):v.raw.num.start]
                pitch = role == "pcd" or re.search(r"\b(?:pitch|p\.?c\.?d|pd)\b[^,;\d]*$", before)
                d = b.pop(role)
                m = d / z if pitch else d / (z + 2)
                self.notes.append(f"module {m:g}: pitch diameter {d:g} / {z:g} teeth" if pitch else
                                  f"module {m:g}: outside diameter {d:g} / ({z:g} teeth + 2)")
                return round(m, 6)
        return None

    unit_mm = 1.0


def _arc(R: float, a0: float, a1: float, n: int = 48) -> list[tuple[float, float]]:
    """(r, z) points of a circle of radius R from angle a0 to a1 (degrees from +r), pushed out so that
    the revolved polyline has the sphere's volume."""
    k = _polygon_gain(n)
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((round(max(0.0, R * k * math.cos(a)), 6), round(R * k * math.sin(a), 6)))
    return out


def _polygon_gain(n: int) -> float:
    """How much to grow a revolved n-gon half-circle so its volume is the sphere's."""
    pts = [(0.0, -1.0)] + [(math.cos(math.radians(-90 + 180 * i / n)), math.sin(math.radians(-90 + 180 * i / n)))
                           for i in range(1, n)] + [(0.0, 1.0)]
    return (4 / 3 * math.pi / _revolved_volume(pts)) ** (1 / 3)


def _revolved_volume(pts) -> float:
    """Pappus: the volume of a closed (r, z) polygon revolved around the axis."""
    a = cz = 0.0
    v = 0.0
    for (r0, z0), (r1, z1) in zip(pts, pts[1:] + pts[:1]):
        cross = r0 * z1 - r1 * z0
        a += cross / 2
        v += cross * (r0 + r1) / 6
    return abs(v) * 2 * math.pi


def _triple(b: Target) -> list[float]:
    """The body's first 'A x B (x C)' group, in order; its numbers leave the roles and the loose list."""
    groups: dict[int, list[Value]] = {}
    for vs in list(b.roles.values()) + [b.loose]:
        for v in vs:
            if v.raw.group is not None and v.raw.role not in ("count", "wall"):   # "40 x 20 x 2 wall": its wall
                groups.setdefault(v.raw.group, []).append(v)
    if not groups:
        return []
    ordered = sorted(groups.values(), key=lambda vs: vs[0].raw.num.start)
    g = next((vs for vs in ordered if len(vs) == 3), ordered[0])    # "a 2x4 brick 32 x 16 x 9.6"
    if len(g) < 2:
        return []
    g.sort(key=lambda v: v.raw.pos)
    for v in g:
        for role, vs in list(b.roles.items()):
            if v in vs:
                vs.remove(v)
                if not vs:
                    del b.roles[role]
        if v in b.loose:
            b.loose.remove(v)
    return [v.mm for v in g]


_H = r"(?:tall|high|thick|in height)"
STEP_BLOCK = re.compile(
    rf"([\d.]+)\s*(?:mm\s*)?{_H}\s+(?:for|over|along)\s+the\s+first\s+([\d.]+)\s*(?:mm\s*)?(?:of (?:the|its) length\s*)?"
    rf"[,;.]?\s*(?:and\s+)?then\s+([\d.]+)\s*(?:mm\s*)?{_H}\s+(?:for|over|along)\s+the\s+(?:rest|remaining|other|last)\b|"
    rf"\bfirst\s+([\d.]+)\s*(?:mm\s*)?(?:of (?:the|its) length\s+)?is\s+([\d.]+)\s*(?:mm\s*)?{_H}\s*[,;.]?\s*(?:and\s+)?"
    rf"the\s+(?:other|rest|remaining|last)\s+(?:([\d.]+)\s*(?:mm\s*)?)?(?:of (?:the|its) length\s+)?is\s+([\d.]+)\s*"
    rf"(?:mm\s*)?{_H}")
_FOR = r"(?:for|x|by|over|(?:section|step|part|portion|journal)(?:\s+(?:is|of))?)\s*(?:(?:another|a further|the first|the next|the last|the remaining|the other|a length of)\s+)?"
_N = r"N(\d+)"
_STEP = re.compile(rf"dia\s*{_N}\s*x\s*{_N}|{_N}\s*(dia|diameter|radius)\s*{_FOR}{_N}|"
                   rf"(radius|dia|diameter)\s*{_N}\s*{_FOR.replace('x|by|', '')}{_N}|"
                   # "first 40mm at Ø30, then 60mm at Ø20": a length, then the diameter it has
                   rf"{_N}\s*(?:long\s+)?(?:at|of|in)\s+(radius|dia|diameter)\s*{_N}|"
                   # "30 dia 50 long then 20 dia 30 long": each step's diameter, then its length said as long
                   rf"{_N}\s*(dia|diameter|radius)\s*,?\s*{_N}\s*(?:mm\s*)?(?:long|lg)\b")
# "1\" dia for 2\", then 3/4\" for 3\"": the next step's diameter without its word, after a step
_THEN = re.compile(rf"\s*,?\s*(?:and\s+)?then\s+(?:(?:it\s+)?(?:steps?|drops?|goes)\s+(?:down\s+)?to\s+)?{_N}\s*"
                   rf"(?:(dia|diameter|radius)\s*)?{_FOR}{_N}")


def _steps(t: str, unit: float) -> list[tuple[float, float]]:
    """A stepped shaft's (diameter, length) sections in order: 'Ø20 x 40 long, then Ø15 x 30', '25 dia for the
    first 60 mm, then 18 dia for another 40', '1\" dia for 2\", then 3/4\" for 3\"' (any written number: fractions,
    units)."""
    nums = numbers(t)
    mm = [n.mm(unit) for n in nums]
    parts, last = [], 0
    for i, n in enumerate(nums):
        parts += [t[last:n.start], f"N{i}"]
        last = n.end
    s = "".join(parts) + t[last:]
    # "first part diameter 16 length 45, second part diameter 10 length 20": each step's diameter, then its length
    s = re.sub(r"\b(dia|diameter|radius)\s*(N\d+)\s*(?:mm\s*)?,?\s*(?:and\s+)?(?:length|len|long)\s*(?:of\s+|is\s+|=\s*|:\s*)?(N\d+)",
               r"\1 \2 for \3", s)
    out = []
    for m in _STEP.finditer(s):
        g = m.groups()
        if g[0]:
            out.append((mm[int(g[0])], mm[int(g[1])]))
        elif g[2]:
            out.append((mm[int(g[2])] * (2.0 if g[3] == "radius" else 1.0), mm[int(g[4])]))
        elif g[5]:
            out.append((mm[int(g[6])] * (2.0 if g[5] == "radius" else 1.0), mm[int(g[7])]))
        elif g[8]:
            out.append((mm[int(g[10])] * (2.0 if g[9] == "radius" else 1.0), mm[int(g[8])]))
        else:
            out.append((mm[int(g[11])] * (2.0 if g[12] == "radius" else 1.0), mm[int(g[13])]))
        end = m.end()
        while (more := _THEN.match(s, end)) is not None and not _STEP.match(s, more.start(1) - 1):
            out.append((mm[int(more.group(1))] * (2.0 if more.group(2) == "radius" else 1.0), mm[int(more.group(3))]))
            end = more.end()
    return out


def _closed(t: str) -> bool:
    if re.search(r"\bclosed (?:at the |on the |at |on )?(?:(?:one|a|an) )?(?:bottom|base|floor|end)\b|"
                 r"\b(?:bottom|base|floor) closed\b", t):
        return False      # "a cup ..., closed bottom": open at the top
    if re.search(r"\b(?:both|the|two) ends? (?:are )?closed\b|\bclosed (?:at )?both ends\b|\bend plates\b", t) and re.search(
            r"\b(?:channel|trough|tray|gutter)\b", t) and not re.search(r"\b(?:top|lid|cover)\b", t):
        return False      # "a tray like a U-channel with both ends closed": a channel's open side is its top
    return bool(re.search(r"\b(closed|sealed|fully enclosed|no opening|void inside|enclosed)\b", t)) and not re.search(
        r"\bopen\b", t)


def _id(noun: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", noun.lower()).strip("_") or "body"
    if not s[0].isalpha():
        s = "b_" + s
    return s[:40]
