"""The four long edges of a block (a new edge set, 'long': the four edges along its longest side, whichever axis
that is). Before: 'round over the four long edges of the bar' was refused ('long edges' alone cannot be picked).
A block whose two longest sides are equal has no four long edges: declined with the reason."""

import math

import pytest

from cadagent.tools.part.validation import validate

from .reading import edited, spec_of, volume_of

SPANDREL = 1 - math.pi / 4       # the cross-section a round of radius 1 takes off a square edge


def test_round_over_the_four_long_edges_of_a_bar(sandbox):
    spec = edited("rectangular bar 150 x 20 x 12", "round over the four long edges of the bar, 3 mm radius")
    assert spec["features"] == [{"id": "round", "kind": "fillet", "edges": "long", "radius": 3.0}]
    assert volume_of(sandbox, spec) == pytest.approx(150 * 20 * 12 - 4 * SPANDREL * 9 * 150, rel=1e-6)


def test_long_edges_of_a_standing_bar_are_its_vertical_ones(sandbox):
    spec = spec_of("block 20 x 12 x 150 tall, chamfer the long edges 1.5")
    assert spec["features"][0]["edges"] == "long"
    assert volume_of(sandbox, spec) == pytest.approx(20 * 12 * 150 - 4 * 1.5 ** 2 / 2 * 150, rel=1e-6)


def test_some_of_the_long_edges_are_still_no_edge_set():
    from cadagent.tools.understand import understand
    u = understand("bar 150 x 20 x 12, round the two long top edges 2")
    assert u.missing and "long top edges" in u.missing[0]


@pytest.mark.parametrize("dims, radius, why", [
    ((100, 100, 10), 2, "two longest sides are equal"),
    ((150, 20, 12), 7, "larger than the 12 mm side"),
])
def test_long_edges_that_cannot_be_rounded_are_declined(dims, radius, why):
    spec = {"schema_version": "1.0", "name": "bar", "units": "mm",
            "body": {"kind": "box", "id": "bar", "length": dims[0], "width": dims[1], "height": dims[2]},
            "features": [{"id": "round", "kind": "fillet", "edges": "long", "radius": radius}]}
    _, problems = validate(spec)
    assert any(why in p.message for p in problems), [p.message for p in problems]
