"""'undo' twice goes back two changes: the copy an undo saves stands for the version it restored, so the next
undo goes back past that version (it used to go forward again, to the version just undone)."""

from __future__ import annotations

import pytest


def test_undo_twice_goes_back_two_changes(agents):
    agent = agents()
    assert agent.turn("t", "plate 100 x 60 x 10").ok
    assert agent.turn("t", "make it 20 thick").ok
    assert agent.turn("t", "make it 30 thick").ok
    one = agent.turn("t", "undo")
    assert one.ok and one.version.volume == pytest.approx(120000, rel=1e-6)
    two = agent.turn("t", "undo")
    assert two.ok and two.version.volume == pytest.approx(60000, rel=1e-6)
    none = agent.turn("t", "undo")                  # v1 has no parent: nothing earlier
    assert not none.ok and "no earlier version" in none.answer


def test_undo_goes_back_past_a_change_that_changed_nothing(agents):
    agent = agents()
    assert agent.turn("t", "plate 100 x 60 x 10").ok
    assert agent.turn("t", "make it 20 thick").ok
    same = agent.turn("t", "make it 20 thick")                     # nothing to change: the same part saved again
    assert same.ok and same.version.volume == pytest.approx(120000, rel=1e-6)
    back = agent.turn("t", "undo")                                 # back to 10 thick, not to the same 20 thick part
    assert back.ok and back.version.volume == pytest.approx(60000, rel=1e-6)
