"""'Go back to the first one' restores the first version, not the one before (the agent, offline)."""

from __future__ import annotations

import pytest


def test_go_back_to_the_first_one_restores_v1_even_after_a_change_not_made(agents):
    agent = agents()
    assert agent.turn("t", "plate 100 x 60 x 10").ok
    assert agent.turn("t", "make it 20 thick").ok
    assert agent.turn("t", "make it 30 thick").ok
    assert not agent.turn("t", "add a 40 mm fillet on the top edges").ok      # larger than the part can take
    back = agent.turn("t", "hmm no. go back to the first one")
    assert back.ok and back.version.volume == pytest.approx(60000, rel=1e-6)
