"""Shop shorthand in edits: 'cbore them 11 x 6.5', 'chamf top edges 1', 'rad the vertical corners 5', 'ream it to
12', 'spotface it 20 dia 1 deep' (each was refused as no change read, or as a counterbore with no size)."""

from __future__ import annotations

import pytest

from .reading import edited

CORNER_HOLES = "plate 80 x 60 x 10 with 4 holes 6.6 mm 10 in from the corners"
CENTRE_HOLE = "plate 80 x 60 x 10 with a 10 mm hole in the middle"


@pytest.mark.parametrize("start, edit, feature", [
    (CORNER_HOLES, "cbore them 11 x 6.5", {"cbore": {"diameter": 11.0, "depth": 6.5}}),
    (CORNER_HOLES, "chamf top edges 1", {"kind": "chamfer", "edges": "top", "size": 1.0}),
    (CORNER_HOLES, "rad the vertical corners 5", {"kind": "fillet", "edges": "vertical", "radius": 5.0}),
    (CENTRE_HOLE, "ream it to 12", {"kind": "hole", "size": 12.0}),
    (CENTRE_HOLE, "spotface it 20 dia 1 deep", {"cbore": {"diameter": 20.0, "depth": 1.0}}),
])
def test_shop_shorthand_edits(start, edit, feature):
    spec = edited(start, edit)
    assert spec["body"] == edited(start)["body"]          # the plate is unchanged (the spotface made it 1 thick)
    assert any(all(f.get(k) == v for k, v in feature.items()) for f in spec["features"]), spec["features"]
