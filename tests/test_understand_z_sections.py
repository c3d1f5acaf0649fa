"""Z sections (a new profile shape: two flanges off a web, pointing opposite ways). Each flange is read to the web's
outside face, as an angle's legs are; an overall size said too ('so 47 across') checks it, or picks flanges measured
from the web's face when it fits that. Edits: the height, how far it runs ('wide', as for an angle), one flange or
both. Before, a Z bracket was read as a block with its length missing."""

import pytest

from cadagent.tools.understand import understand

from .reading import edited, spec_of, volume_of


def z_volume(top: float, bottom: float, height: float, t: float, run: float) -> float:
    return ((top + bottom) * t + (height - 2 * t) * t) * run


def test_a_z_bracket_said_by_its_flanges(sandbox):
    spec = spec_of("Z bracket, 3 mm plate, 30 wide: top flange 25 out to the left, bottom flange 25 out to the right, "
                   "40 tall overall, so 47 across overall")
    assert spec["body"] == {"kind": "profile", "id": "z_bracket", "shape": "Z", "width": 47.0, "height": 40.0,
                            "thickness": 3.0, "lip": 25.0, "length": 30.0}
    assert volume_of(sandbox, spec) == pytest.approx(z_volume(25, 25, 40, 3, 30), rel=1e-9)     # 7560


def test_unequal_flanges_and_flanges_from_the_web_face():
    b = spec_of("Z section: 3 thick, top flange 30, bottom flange 20, 60 tall, 100 long")["body"]
    assert (b["lip"], b["width"], b["length"]) == (30.0, 47.0, 100.0)
    b = spec_of("z-bracket 2 thick, flanges 20, 35 high, 50 wide, 42 across overall")["body"]
    assert (b["lip"], b["width"]) == (22.0, 42.0)        # 20 + 20 + 2: each flange from the web's face
    u = understand("z-bracket 2 thick, flanges 20, 35 high, 50 wide, 60 across overall")
    assert u.missing and "60 across overall" in u.missing[0]


def test_z_edits(sandbox):
    text = "Z bracket 3 thick, flanges 25, 40 tall, 30 wide"
    spec = edited(text, "make it 60 tall overall", "make it 50 wide", "top flange 30")
    assert spec["body"] == {"id": "z_bracket", "kind": "profile", "shape": "Z", "length": 50.0, "width": 52.0,
                                 "height": 60.0, "thickness": 3.0, "lip": 30.0}
    assert volume_of(sandbox, spec) == pytest.approx(z_volume(30, 25, 60, 3, 50), rel=1e-9)
