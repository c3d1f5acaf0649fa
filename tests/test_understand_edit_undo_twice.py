"""Undo through the agent: 'undo' twice goes back two changes (the copy an undo saves stands for the version it
restored; the second undo went forward again, to the version just undone), past a version that changed nothing,
by steps ('undo the last two changes'), and an undo said with a change is declined rather than half done.
One conversation, to keep the suite fast."""

from __future__ import annotations

import pytest


def test_undo_twice_by_steps_past_nothing_changed_and_not_with_a_change(agents):
    agent = agents()
    volume = lambda r: r.version.volume      # noqa: E731
    assert agent.turn("t", "plate 100 x 60 x 10").ok
    assert agent.turn("t", "make it 20 thick").ok
    assert agent.turn("t", "make it 30 thick").ok
    one = agent.turn("t", "undo")
    assert one.ok and volume(one) == pytest.approx(120000, rel=1e-6)
    two = agent.turn("t", "undo")
    assert two.ok and volume(two) == pytest.approx(60000, rel=1e-6)
    none = agent.turn("t", "undo")                  # v1 has no parent: nothing earlier
    assert not none.ok and "no earlier version" in none.answer
    assert agent.turn("t", "make it 20 thick").ok
    same = agent.turn("t", "make it 20 thick")     # nothing to change: the same part saved again
    assert same.ok and volume(same) == pytest.approx(120000, rel=1e-6)
    back = agent.turn("t", "undo")                 # back to 10 thick, not to the same 20 thick part
    assert back.ok and volume(back) == pytest.approx(60000, rel=1e-6)
    assert agent.turn("t", "make it 20 thick").ok and agent.turn("t", "make it 30 thick").ok
    both = agent.turn("t", "go back to v1 and make it 80 long")     # it restored v1 alone and marked it right
    assert not both.ok and both.version is None and "say the undo first" in both.answer
    mixed = agent.turn("t", "undo that and make it 40 thick")        # routed as a change: not applied to the 30 thick part
    assert not mixed.ok and mixed.version is None
    steps = agent.turn("t", "undo the last two changes")
    assert steps.ok and volume(steps) == pytest.approx(60000, rel=1e-6)


def test_the_undo_words_read_from_a_message():
    from cadagent.agent.nodes.versions import _change_besides, _steps

    assert [_steps(t) for t in ("undo", "undo the last two changes", "undo twice", "go back 3 steps")] == [1, 2, 2, 3]
    assert [_steps(t) for t in ("undo, undo", "undo undo undo")] == [2, 3]      # ('undo, undo' went back one)
    assert _change_besides("revert to the original but 120 long") and _change_besides("undo and remove the holes")
    assert not any(_change_besides(t) for t in ("go back to version 5", "put it back the way it was", "scratch that, undo",
                                                "undo it, the holes were better before", "go back to where we started"))
