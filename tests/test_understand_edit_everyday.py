"""Everyday edit wordings that were refused or, worse, built as another part: 'round both ends R3' on a rod (before:
the diameter became 6), 'make it hollow with a 10 bore' on a shaft (before: a 2 mm shell, a cup, plus the bore),
'longer base, 70' on an angle (before: how far it runs), 'break the sharp edges 0.5' (before: 'no fillet to remove'),
'bigger radius please, 6', 'make it 3/4 of the size', 'reduce the height by a third', 'double the hole size', 'make the
hole 3 deep instead of through'."""

import pytest

from cadagent.tools.understand import understand

from .reading import edited


@pytest.mark.parametrize("edit", ["round both ends R3", "round both ends 3mm", "R3 on both ends"])
def test_rounding_a_rods_ends_is_a_fillet_not_its_diameter(edit):
    spec = edited("cylinder 40 dia 60 tall", edit)
    assert spec["body"]["diameter"] == 40
    assert spec["features"] == [{"id": "round", "kind": "fillet", "edges": "ends", "radius": 3.0}]


def test_a_hollow_shaft_with_its_bore_is_bored_not_shelled():
    spec = edited("shaft 20 dia 100 long", "make it hollow with a 10 bore")
    assert [(f["kind"], f["size"], f["at"]["kind"]) for f in spec["features"]] == [("hole", 10.0, "center")]
    assert "depth" not in spec["features"][0]
    # with walls said and no bore, a cup-like shell is still what 'hollow' means
    assert edited("cylinder 40 dia 60 tall", "make it hollow with 3 mm walls")["features"][0]["kind"] == "shell"


@pytest.mark.parametrize("edit, leg, size", [("longer base, 70", "width", 70.0), ("taller upright, 60", "height", 60.0)])
def test_a_comparative_leg_of_an_angle(edit, leg, size):
    b = edited("L bracket legs 50 and 40, 5 thick, 30 wide", edit)["body"]
    assert b[leg] == size and b["length"] == 30.0


@pytest.mark.parametrize("first, edit, check", [
    ("block 80 x 50 x 20", "break the sharp edges 0.5",
     lambda s: s["features"] == [{"id": "round", "kind": "fillet", "edges": "all", "radius": 0.5}]),
    ("block 80 x 50 x 20 with 4mm fillets on the vertical edges", "bigger radius please, 6",
     lambda s: s["features"][0]["radius"] == 6.0),
    ("block 80 x 50 x 20", "make it 3/4 of the size",
     lambda s: (s["body"]["length"], s["body"]["width"], s["body"]["height"]) == (60.0, 37.5, 15.0)),
    ("block 80 x 50 x 20", "make it three quarters the size", lambda s: s["body"]["length"] == 60.0),
    ("cylinder 40 dia 60 tall", "reduce the height by a third", lambda s: s["body"]["height"] == pytest.approx(40.0)),
    ("plate 100 x 60 x 5 with 4 holes 6 mm 10 from the corners", "double the hole size",
     lambda s: s["features"][0]["size"] == 12.0),
    ("plate 100 x 60 x 5 with 4 holes 6 mm 10 from the corners", "double the holes",        # the count, as before
     lambda s: s["features"][0]["size"] == 6.0),
    ("plate 100 x 60 x 5 with a 10 mm hole in the center", "make the hole 3 deep instead of through",
     lambda s: (s["features"][0]["size"], s["features"][0]["depth"]) == (10.0, 3.0)),
])
def test_everyday_edits(first, edit, check):
    spec = edited(first, edit)
    assert check(spec), spec


def test_a_hollow_shaft_said_from_scratch_still_reads_as_a_tube():
    assert understand("shaft 20 dia 100 long, hollow with a 10 bore").spec["body"]["kind"] == "tube"


@pytest.mark.parametrize("edit, od, id_", [
    ("wall 3 keep the inside", 36.0, 30.0),            # before: the outside kept, the bore opened to 34
    ("walls 4, same ID", 38.0, 30.0),
    ("make the wall 2mm thick keeping the outside", 40.0, 36.0),
])
def test_a_tubes_wall_keeps_the_side_said(edit, od, id_):
    b = edited("tube 40 od 30 id 100 long", edit)["body"]
    assert (b["outer_diameter"], b["inner_diameter"]) == (od, id_)


def test_holes_resized_and_countersunk_in_one_breath():
    (f,) = edited("plate 120 x 80 x 6 with 4 holes 6 mm 10 from the corners", "make them 8 mm and countersunk")["features"]
    assert (f["size"], f["csink"]) == (8.0, {"diameter": 16.0, "angle": 90.0})     # before: a Ø8 countersink on Ø6 holes


def test_swap_two_sizes():
    b = edited("block 60 x 40 x 20", "swap length and width")["body"]
    assert (b["length"], b["width"], b["height"]) == (40.0, 60.0, 20.0)


@pytest.mark.parametrize("edit, size", [("chamfer the bore 1", 1.0), ("deburr the bore 0.5", 0.5),
                                        ("chamfer the inside edges 1", 1.0)])
def test_a_chamfer_on_a_tubes_bore_keeps_the_bore(edit, size):
    """Before: 'chamfer the bore 1' made the bore 1 mm across (the number after 'bore' read as its diameter) and a
    1 mm chamfer assumed, marked done."""
    spec = edited("tube 40 od 30 id 50 long", edit)
    assert spec["body"]["inner_diameter"] == 30.0
    assert spec["features"] == [{"id": "bevel", "kind": "chamfer", "edges": "holes", "size": size}]


@pytest.mark.parametrize("edit, edges, kind, size", [
    ("3mm round on the top", "top", "fillet", 3.0),
    ("ease all edges 0.5mm", "all", "fillet", 0.5),           # as a new design reads "ease the edges"
])
def test_rounds_as_nouns_and_eased_edges(edit, edges, kind, size):
    (f,) = edited("block 80 x 50 x 20", edit)["features"]
    assert (f["kind"], f["edges"], f.get("radius", f.get("size"))) == (kind, edges, size)


@pytest.mark.parametrize("edit, kind", [("chamfer the outside 1", "chamfer"), ("fillet the od 1", "fillet")])
def test_a_round_parts_outside_edges_treated_keep_its_diameter(edit, kind):
    """Before: 'fillet the od 1' put a 0.5 mm round on the top edge (the 1 read as the OD), 'chamfer the outside 1'
    tried a 1 mm OD."""
    spec = edited("tube 40 od 30 id 50 long", edit)
    assert spec["body"]["outer_diameter"] == 40.0
    (f,) = spec["features"]
    assert (f["kind"], f["edges"], f.get("radius", f.get("size"))) == (kind, "outer", 1.0)


@pytest.mark.parametrize("edit, sizes", [
    ("increase all dimensions by 10 percent", (66.0, 44.0, 22.0)),     # before: 10 mm more each way
    ("too long by 10", (50.0, 40.0, 20.0)),                           # before: 10 long
    ("make it 10 percent longer", (66.0, 40.0, 20.0)),
    ("make it 1.5 times longer", (90.0, 40.0, 20.0)),
    ("it is too thick, make it 12", (60.0, 40.0, 12.0)),
    ("instead of 60 make it 75", (75.0, 40.0, 20.0)),
    ("bump the height up to 30", (60.0, 40.0, 30.0)),
    ("trim 5 off each end", (50.0, 40.0, 20.0)),
])
def test_resize_wordings(edit, sizes):
    b = edited("block 60 x 40 x 20", edit)["body"]
    assert (b["length"], b["width"], b["height"]) == pytest.approx(sizes)


@pytest.mark.parametrize("edit, pcd", [("increase the pcd by 5", 65.0), ("bolt circle 10 smaller", 50.0)])
def test_a_relative_change_of_the_bolt_circle(edit, pcd):
    """Before: 'increase the pcd by 5' made the disc 85 across, the holes left on their 60 circle."""
    spec = edited("disc 80 dia 10 thick with 4 holes 8 on a 60 PCD", edit)
    assert spec["body"]["diameter"] == 80.0 and spec["features"][0]["at"]["diameter"] == pcd
