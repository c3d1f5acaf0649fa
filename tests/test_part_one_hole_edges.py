"""Session 15: a fillet or chamfer on the rims of one hole feature (``of``). "1mm chamfer on the middle hole" of a plate
with corner holes chamfered the plate's vertical edges and was marked ok; "chamfer the big hole 1mm" made a 1 mm hole.
The spec now names the hole (``edges: holes, of: <id>``); the compiler picks the circles of that hole's diameter on its
face, and the rules refuse a name that would pick other holes too (the attack: two holes of one diameter)."""

from __future__ import annotations

import math

import pytest

from cadagent.tools.part.expect import expectations
from cadagent.tools.part.validation import SpecError, parse
from cadagent.tools.understand import apply_edit

from .reading import edited, spec_of, volume_of

PLATE = {"body": {"kind": "box", "id": "plate", "length": 120, "width": 80, "height": 6},
         "features": [{"id": "holes", "kind": "hole", "size": 6.4, "at": {"kind": "corners", "inset": 10}},
                      {"id": "holes_2", "kind": "hole", "size": 30, "at": {"kind": "center"}}]}
RIM = 0.5 * 2 * math.pi * (15 + 1 / 3)        # a 1 x 45° chamfer round a Ø30 rim (Pappus)


def test_a_chamfer_on_one_holes_rim_is_built_and_predicted(sandbox):
    spec = {**PLATE, "features": PLATE["features"] + [{"id": "bevel", "kind": "chamfer", "edges": "holes", "size": 1,
                                                          "of": "holes_2"}]}
    plain = 120 * 80 * 6 - 4 * math.pi * 3.2 ** 2 * 6 - math.pi * 15 ** 2 * 6
    e = expectations(parse(spec))
    assert e["volume_exact"] and e["volume"] == pytest.approx(plain - RIM, rel=1e-9)
    assert volume_of(sandbox, spec) == pytest.approx(plain - RIM, rel=1e-6)


def test_a_name_that_would_pick_other_holes_too_is_refused():
    spec = {**PLATE, "features": PLATE["features"] + [
        {"id": "holes_3", "kind": "hole", "size": 30, "at": {"kind": "at", "points": [[40, 0]]}},
        {"id": "bevel", "kind": "chamfer", "edges": "holes", "size": 1, "of": "holes_2"}]}
    with pytest.raises(SpecError, match=r"\$\.features\[3\]\.of: another hole on the top face is Ø30"):
        parse(spec)


@pytest.mark.parametrize("feature, match", [
    ({"id": "bevel", "kind": "chamfer", "edges": "top", "size": 1, "of": "holes_2"}, r"\.of: 'of' names the hole"),
    ({"id": "bevel", "kind": "chamfer", "edges": "holes", "size": 1, "of": "nope"}, r"no holes edges to chamfer: there is "
                                                                                     r"no hole 'nope'"),
])
def test_of_goes_with_the_rims_of_a_hole_there(feature, match):
    with pytest.raises(SpecError, match=match):
        parse({**PLATE, "features": PLATE["features"] + [feature]})


TEXT = "plate 120x80x6 with 4 M6 clearance holes 10mm from the corners and a 30 mm hole in the middle"


@pytest.mark.parametrize("edit, of", [
    ("1mm chamfer on the middle hole", "holes_2"),      # was: the plate's vertical edges, marked ok
    ("chamfer the big hole 1mm", "holes_2"),             # was: a 1 mm hole added (refused: overlap)
    ("chamfer the centre hole 1 mm", "holes_2"),
    ("chamfer the 30 mm hole 1", "holes_2"),
    ("chamfer the corner holes 1", "holes"),
    ("chamfer the M6 holes 1", "holes"),
])
def test_one_hole_named_in_an_edit(edit, of):
    (c,) = edited(TEXT, edit)["features"][2:]
    assert (c["kind"], c["edges"], c["size"], c["of"]) == ("chamfer", "holes", 1.0, of)


def test_every_hole_when_the_holes_are_said():
    (c,) = edited(TEXT, "chamfer all the holes 0.5")["features"][2:]
    assert "of" not in c and c["edges"] == "holes"


def test_that_one_is_the_hole_just_added(sandbox):
    spec = edited("mounting plate 120x80x6 with 4 M6 clearance holes 10mm from the corners",
                  "add a 30mm hole dead centre", "chamfer that one 1mm")
    assert spec["features"][-1]["of"] == spec["features"][-2]["id"]


HUB = {"body": {"kind": "cylinder", "id": "flange", "diameter": 100, "height": 10},
       "features": [{"id": "hub", "kind": "boss", "diameter": 40, "height": 20}]}


def test_a_fillet_round_a_boss_foot_adds_its_spandrel_turned_round(sandbox):
    spec = {**HUB, "features": HUB["features"] + [{"id": "r", "kind": "fillet", "edges": "root", "radius": 3, "of": "hub"}]}
    added = (1 - math.pi / 4) * 9 * 2 * math.pi * (20 + (10 - 3 * math.pi) / (3 * (4 - math.pi)) * 3)
    e = expectations(parse(spec))
    assert e["volume_exact"] and e["volume"] == pytest.approx(math.pi * (2500 * 10 + 400 * 20) + added, rel=1e-9)
    assert volume_of(sandbox, spec) == pytest.approx(e["volume"], rel=1e-6)


@pytest.mark.parametrize("feature, match", [
    ({"id": "r", "kind": "fillet", "edges": "root", "radius": 25, "of": "hub"}, r"larger than the 20 mm tall boss 'hub'"),
    ({"id": "r", "kind": "fillet", "edges": "root", "radius": 12, "of": "hub"}, None),
    ({"id": "r", "kind": "fillet", "edges": "root", "radius": 2, "of": "nope"}, r"no boss foot to fillet"),
    ({"id": "r", "kind": "fillet", "edges": "root", "radius": 2}, r"'of' must name the boss"),
])
def test_a_boss_foot_round_is_sized_by_the_boss_and_the_face(feature, match):
    spec = {**HUB, "features": HUB["features"] + [feature]}
    if match is None:
        parse(spec)
        return
    with pytest.raises(SpecError, match=match):
        parse(spec)


def test_a_boss_foot_round_that_would_catch_another_boss_of_its_size_is_refused():
    spec = {"body": {"kind": "box", "id": "plate", "length": 120, "width": 60, "height": 10},
            "features": [{"id": "a", "kind": "boss", "diameter": 20, "height": 10, "at": {"kind": "at", "points": [[-30, 0]]}},
                         {"id": "b", "kind": "boss", "diameter": 20, "height": 10, "at": {"kind": "at", "points": [[30, 0]]}},
                         {"id": "r", "kind": "fillet", "edges": "root", "radius": 2, "of": "a"}]}
    with pytest.raises(SpecError, match=r"another boss on the top face is Ø20 like 'a'"):
        parse(spec)
    spec["features"][1]["diameter"] = 16        # another size: only a's foot is rounded
    parse(spec)
