"""An acknowledgement ('thanks!', 'great, looks good', 'nice work :)') is no change: it is answered, and the part stays
as it is (before: routed as a change, the editor answered 'no change I could read'). Praise before a change still
routes the change."""

import pytest

from cadagent.agent.answers import answer_question
from cadagent.agent.intent import parse_intent


@pytest.mark.parametrize("text", ["thanks!", "great, looks good", "perfect", "cool thanks, that works", "nice work :)",
                                  "that is what I wanted, thanks"])
def test_acknowledgements_are_answered_not_edited(text):
    assert parse_intent(text, True).intent == "question"
    answer = answer_question(text, {"size": [10, 10, 10], "volume": 1000.0}, "")
    assert answer.startswith("Glad it works") and "volume" not in answer


@pytest.mark.parametrize("text", ["thanks, now make it 10 longer", "great - add a 5 mm hole in the middle",
                                  "looks good, but make the holes 6", "ok make it 50 long"])
def test_praise_before_a_change_is_the_change(text):
    assert parse_intent(text, True).intent == "modify"


def test_with_no_part_yet_thanks_is_no_new_design_either():
    assert parse_intent("thanks!", False).intent == "question"       # answered: there is no design yet


@pytest.mark.parametrize("text, intent", [
    ("next: bracket 50x50x5", "new_design"),                 # before: the current block resized to 50 x 50 x 5
    ("let us do a spacer now, 10 id 16 od 12 long", "new_design"),
    ("now make a hole in it", "modify"),                     # before: a new design
    ("make a 6mm hole in the middle", "modify"),
    ("next: the holes 8 mm", "modify"),
    ("make a 30mm cube", "new_design"),
])
def test_another_part_announced_and_a_feature_made(text, intent):
    assert parse_intent(text, True).intent == intent
