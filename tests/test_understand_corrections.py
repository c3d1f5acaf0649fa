"""A reply that corrects the request before it, after that request was declined as impossible: the size named by
its words ('my bad, the wall is 2', 'ah sorry, the 20 dia section is 40 long') or the part said again without its
name ('oops, swapped them. 20 OD, 12 ID, 2 thick'). Before, each reply was read alone and declined as no shape.
Also: a stepped shaft whose steps do not add up to the overall length said is asked about, not built."""

import pytest

from cadagent.tools.understand import understand
from cadagent.tools.understand.replies import read_with_previous

from .reading import spec_of


@pytest.mark.parametrize("before, reply, read", [
    ("tube, 20 mm outside diameter, 12 mm wall, 50 long", "my bad, the wall is 2",
     "tube, 20 mm outside diameter, 2 mm wall, 50 long"),
    ("stepped shaft 100 long overall: a 30 dia section 60 long and a 20 dia section 60 long",
     "ah sorry, the 20 dia section is 40 long",
     "stepped shaft 100 long overall: a 30 dia section 60 long and a 20 dia section 40 long"),
    ("washer 12 OD, 20 ID, 2 thick", "oops, swapped them. 20 OD, 12 ID, 2 thick", "washer 20 OD, 12 ID, 2 thick"),
])
def test_a_correction_after_a_declined_request_is_read_with_it(before, reply, read):
    assert read_with_previous(before, reply, False) == read
    assert not understand(read).missing


@pytest.mark.parametrize("before, reply", [
    ("tube, 20 mm outside diameter, 12 mm wall, 50 long", "a 25 mm cube"),            # a part of its own
    ("washer 12 OD, 20 ID, 2 thick", "oops, swapped them"),                           # no sizes said again
    ("tube, 20 mm outside diameter, 12 mm wall, 50 long", "my bad, the flange is 2"),  # nothing by that name
])
def test_what_is_no_correction_is_not_merged(before, reply):
    assert read_with_previous(before, reply, False) is None


def test_shaft_sections_said_as_a_dia_section_so_long():
    assert spec_of("stepped shaft: a 30 dia section 60 long and a 20 dia section 40 long")["body"]["sections"] == [
        {"diameter": 30.0, "length": 60.0}, {"diameter": 20.0, "length": 40.0}]


@pytest.mark.parametrize("text, said, total", [
    ("stepped shaft 100 long overall: a 30 dia section 60 long and a 20 dia section 60 long", 100, 120),
    ("stepped shaft, 120 total length: 30 dia x 60 then 20 dia x 40", 120, 100),
])
def test_steps_that_do_not_add_up_to_the_overall_length_are_asked_about(text, said, total):
    u = understand(text)
    assert any(f"{said} mm said overall; the steps add up to {total} mm" in m for m in u.missing), u.explain()


def test_steps_that_add_up_are_built():
    spec = spec_of("stepped shaft 100 long overall: a 30 dia section 60 long and a 20 dia section 40 long")
    assert sum(s["length"] for s in spec["body"]["sections"]) == 100.0
