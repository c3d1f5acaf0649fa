"""Sizes written as words: verbal fractions ('three-quarters of an inch', 'four-tenths of a unit', 'half a metre'),
mixed numbers ('one and a half inches', 'an inch and a half'), and counts of sketch entities ('three faces', 'a loop
of four lines') that are no sizes. Before: the fraction words were not understood (the part was declined for a
missing size), 'one and a half inches' was 1 inch, and 'three faces are drawn' gave a 3 mm fillet to a 0.09 mm part."""

import pytest

from .reading import spec_of


@pytest.mark.parametrize("text, sizes", [
    ("a rectangular box about a quarter of a unit in length, just over a third of a unit in width, and three-quarters "
     "of a unit in height", (0.25, 0.3333, 0.75)),
    ("a block with a length of about four-tenths of a unit, a width of about six-tenths of a unit, and a height of "
     "just over five-hundredths of a unit", (0.4, 0.6, 0.05)),
])
def test_verbal_fractions_of_a_unit_size_a_box(text, sizes):
    b = spec_of(text)["body"]
    assert (b["kind"], b["length"], b["width"], b["height"]) == ("box", *sizes)


def test_verbal_fractions_of_an_inch_and_mixed_numbers():
    b = spec_of("plate 4 x 3 inches, one and a half inches thick")["body"]
    assert (b["length"], b["width"], b["height"]) == pytest.approx((101.6, 76.2, 38.1))
    b = spec_of("a disc three-quarters of an inch across and an inch and a half long")["body"]
    assert (b["kind"], b["diameter"], b["height"]) == ("cylinder", pytest.approx(19.05), pytest.approx(38.1))


def test_counts_of_sketch_entities_are_no_sizes():
    text = ("The design involves creating a rectangular prism with rounded edges. Three faces are drawn, each defined "
            "by a loop of four lines. The final dimensions are 0.0864 units in length, 0.5526 units in width, and 0.75 "
            "units in height.")
    spec = spec_of(text)
    (f,) = spec["features"]
    assert f["kind"] == "fillet" and f["radius"] < 0.05       # assumed from the part's size, and said
