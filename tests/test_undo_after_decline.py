"""'undo' right after a change that was not made keeps the current part (before, it restored the version
before it, and the wrong part was marked ok)."""

from __future__ import annotations

import pytest


def test_undo_after_a_declined_change_keeps_the_part_and_a_real_undo_still_goes_back(agents):
    agent = agents()
    first = agent.turn("t", "plate 100 x 60 x 10")
    assert first.ok and first.version.volume == pytest.approx(60000, rel=1e-6)
    second = agent.turn("t", "make it 20 thick")
    assert second.ok and second.version.volume == pytest.approx(120000, rel=1e-6)
    refused = agent.turn("t", "add a 40 mm fillet on the top edges")      # larger than the part can take
    assert not refused.ok and refused.version is None
    kept = agent.turn("t", "undo")
    assert kept.ok and kept.version.volume == pytest.approx(120000, rel=1e-6)
    assert "was not made" in kept.answer
    back = agent.turn("t", "undo")                  # now a real undo: back past the kept copy, to 10 thick
    assert back.ok and back.version.volume == pytest.approx(60000, rel=1e-6)
