"""Typing slips in an edit are read as the vocabulary word one letter away, and said; ordinary words stay."""

import pytest

from cadagent.tools.understand import apply_edit, understand
from cadagent.tools.understand.spelling import correct


@pytest.mark.parametrize("slip,word", [("hoels", "holes"), ("remvoe", "remove"), ("thiker", "thicker"),
                                       ("chamfr", "chamfer"), ("fillit", "fillet"), ("lenth", "length"),
                                       ("hoel", "hole"), ("slto", "slot"), ("hieght", "height")])
def test_a_slip_is_read_as_the_word(slip, word):
    text, said = correct(f"please {slip} 6")
    assert text == f"please {word} 6" and said == [f"'{slip}' read as '{word}'"]


@pytest.mark.parametrize("word", ["place", "point", "while", "level", "flanged", "dimension", "would", "angled",
                                  "sizes", "alone", "folder", "stopped", "form", "blot"])
def test_ordinary_words_stay(word):
    assert correct(f"the {word} here") == (f"the {word} here", [])


def test_an_edit_with_a_slip_applies_and_says_how_it_was_read():
    r = apply_edit("make the hoels 6", understand("plate 100 x 60 x 5 with four 5 mm holes 8 mm from the corners").spec)
    assert r.spec["features"][0]["size"] == 6 and "'hoels' read as 'holes'" in r.notes


@pytest.mark.parametrize("said,size", [("cna you make it 5 taller", 15), ("mkae it 5 taller plz", 15),
                                       ("can u make teh height 25", 25)])
def test_short_conversation_slips_do_not_block_an_edit(said, size):
    """'cna', 'teh', 'mkae': three- and four-letter slips of the words around an edit (vocab.yaml: typos) were
    words not understood, and the whole change was refused."""
    r = apply_edit(said, understand("a 20 x 20 x 10 block").spec)
    assert r.spec is not None and not r.failed and r.spec["body"]["height"] == size
