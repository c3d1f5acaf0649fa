"""Holes said first as a summary ('a flange with several holes') and then one by one ('four smaller holes near the
corners and one larger central hole'): the summary is no third set of holes (before: a centred hole, built twice
over the central one and declined as overlapping); unsized 'larger' and 'smaller' holes are not assumed the same size;
the corner inset assumed on a part under a millimetre is not rounded to 0 (before: holes centred on the corners)."""

from .reading import spec_of


def test_a_summary_of_holes_said_one_by_one_is_not_another_set():
    spec = spec_of("a square flange 0.75 units long and wide and 0.0532 thick with rounded edges and several holes. "
                   "The flange has four smaller holes near the corners and one larger central hole.")
    holes = [f for f in spec["features"] if f["kind"] == "hole"]
    assert [h["at"]["kind"] for h in holes] == ["corners", "center"]
    corners, centre = holes
    assert centre["size"] == 2 * corners["size"] > 0
    assert 0.05 < corners["at"]["inset"] < 0.2           # 15% of the side, not rounded to 0


def test_several_holes_then_each_set_sized():
    spec = spec_of("a 100 x 80 x 6 plate with several holes: four 6 mm holes 10 from the corners and a 20 mm hole in "
                   "the middle")
    assert [(f["size"], f["at"]["kind"]) for f in spec["features"]] == [(6.0, "corners"), (20.0, "center")]
