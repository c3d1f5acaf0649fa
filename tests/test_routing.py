"""Routing: the offline parser's intent on hand-written phrasings, and a model's structured decision
checked against the thread (valid, not JSON, refused, naming a version that does not exist)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cadagent.agent.contract import RunCode
from cadagent.agent.intent import parse_intent, route_message
from cadagent.agent.model_calls import ModelCaller
from cadagent.agent.providers import get
from cadagent.agent.runtime import Agent
from cadagent.config import load_settings

from .test_agent import ScriptedChatModel

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "routing_table.yaml").read_text(encoding="utf-8"))
BOX = "import cadquery as cq\nresult = cq.Workplane().box(60, 40, 5)\n"
VERSIONS = [{"version": 1, "title": "plate", "summary": "60 x 40 x 5"},
            {"version": 2, "title": "plate", "summary": "70 x 40 x 5"}]


def test_the_routing_table_has_at_least_100_hand_written_phrasings():
    assert len(TABLE) >= 100
    assert {r["intent"] for r in TABLE} == {"new_design", "modify", "question", "undo", "explain"}


@pytest.mark.parametrize("row", TABLE, ids=[f"{r['intent']}:{r['text'][:40]}" for r in TABLE])
def test_the_offline_router_reads_each_phrasing(row):
    assert parse_intent(row["text"], row["design"]).intent == row["intent"]


def _caller(*replies, finish_reason=""):
    llm = ScriptedChatModel(replies=list(replies), prompts=[], finish_reason=finish_reason)
    return ModelCaller(llm=llm, provider=get("openai")), llm


def test_a_valid_model_decision_is_used_and_its_unclear_words_are_said():
    caller, llm = _caller('{"intent": "modify", "sizes": {"length": 10}, "unclear": ["the thing on the side"]}')
    routed, _ = route_message(caller, "the thing on the side, a bit bigger", VERSIONS, 2, None, decides=True)
    assert (routed.intent, routed.decided_by) == ("modify", "model")
    assert "could not interpret: the thing on the side" in routed.note
    assert "v2: plate" in llm.prompts[0] and '"intent"' in llm.prompts[0]  # the thread and the schema were sent


def test_invalid_json_falls_back_to_the_parser_and_says_so():
    caller, _ = _caller("Sure! I think the user wants to change the part.")
    routed, _ = route_message(caller, "make it 10 mm longer", VERSIONS, 2, None, decides=True)
    assert (routed.intent, routed.decided_by) == ("modify", "parser")
    assert routed.note == "read by the parser: its answer was not JSON"


def test_a_decision_outside_the_schema_falls_back():
    caller, _ = _caller('{"intent": "delete_everything"}')
    routed, _ = route_message(caller, "how heavy is it?", VERSIONS, 2, None, decides=True)
    assert (routed.intent, routed.decided_by) == ("question", "parser")
    assert "did not fit the schema" in routed.note and "intent" in routed.note


def test_a_refusal_falls_back_with_its_finish_reason():
    caller, _ = _caller("", finish_reason="SAFETY")
    routed, _ = route_message(caller, "undo", VERSIONS, 2, None, decides=True)
    assert (routed.intent, routed.decided_by) == ("undo", "parser")
    assert "no decision (finish reason SAFETY)" in routed.note


def test_a_target_version_that_does_not_exist_is_refused():
    caller, _ = _caller('{"intent": "undo", "target_version": 9}')
    routed, _ = route_message(caller, "go back to the first one", VERSIONS, 2, None, decides=True)
    assert routed.decided_by == "parser" and routed.intent == "undo"
    assert "v9, which does not exist (versions: v1, v2)" in routed.note


def test_a_change_with_no_design_is_not_taken_from_the_model():
    caller, _ = _caller('{"intent": "modify"}')
    routed, _ = route_message(caller, "a 25 mm cube", [], None, None, decides=True)
    assert (routed.intent, routed.decided_by) == ("new_design", "parser")
    assert "there is no design yet" in routed.note


def test_the_offline_provider_is_never_asked():
    caller, llm = _caller('{"intent": "undo"}')
    routed, _ = route_message(caller, "a bit wider please", VERSIONS, 2, None, decides=False)
    assert (routed.intent, routed.decided_by) == ("modify", "parser") and llm.prompts == []


def test_through_the_agent_the_model_decides_and_the_event_says_so(tmp_path, sandbox, kb):
    """A provider that decides intent (openai here, with a scripted model) is asked once for the
    route, then for the code; the route event and the TurnResult name the model as the reader."""
    good = "```python\nimport cadquery as cq\nresult = cq.Workplane().box(70, 40, 5)\n```"
    llm = ScriptedChatModel(replies=['{"intent": "modify", "sizes": {"length": 70}}', good], prompts=[])
    settings = load_settings(workspace=tmp_path / "ws", agent={"llm": "openai", "model": "scripted",
                                                               "base_url": "http://127.0.0.1:9/v1"})
    with Agent(settings, llm=llm, kb=kb, sandbox=sandbox) as agent:
        first = agent.turn("t", RunCode(BOX))  # a command: no model call
        assert first.decided_by == "command" and first.version.number == 1 and llm.prompts == []
        result = agent.turn("t", "the same thing but with a longer base please")
    assert result.decided_by == "model" and result.intent == "modify"
    assert result.version.number == 2 and result.version.size == pytest.approx([70, 40, 5])
    route = next(e for e in result.events if e.node == "route")
    assert route.text == "intent: modify (the model's reading)" and route.title == "Understand"
    assert len(llm.prompts) == 2 and "## Task: read one message" in llm.prompts[0]


def test_a_provider_is_one_file(tmp_path, monkeypatch, sandbox, kb):
    """The README's example provider, dropped as one file beside the others, is known everywhere."""
    import re as _re

    from cadagent.agent import providers

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = _re.search(r"for example `agent/providers/echo\.py`:\n\n```py\n(.*?)```", readme, _re.S).group(1)
    (tmp_path / "echo.py").write_text(example, encoding="utf-8")
    monkeypatch.setattr(providers, "__path__", [*providers.__path__, str(tmp_path)])
    providers.registry.cache_clear()
    try:
        assert providers.names()[-1] == "echo" and "offline" in providers.names()
        settings = load_settings(workspace=tmp_path / "ws", agent={"llm": "echo"})
        assert any(s.name == "echo" and s.ready for s in providers.status(settings))
        with Agent(settings, kb=kb, sandbox=sandbox) as agent:
            result = agent.turn("t", "a 25 mm cube")
        assert result.decided_by == "parser" and "its answer was not JSON" in result.answer
        assert "I only echo." in result.answer and result.version is None
    finally:
        providers.registry.cache_clear()


@pytest.mark.parametrize("text, intent", [
    ("Can I get a washer 20 OD 8 ID 2 thick?", "new_design"),
    ("How about a 40mm cube with a 10mm hole through it?", "new_design"),
    ("Could you do a 60x40x10 block with a 20 hole?", "new_design"),
    ("Next: tube 40 OD 30 ID 100 long", "new_design"),
    ("Why not a cone 40 base 10 top 50 tall", "new_design"),
    ("how about a 2mm chamfer on the top edges?", "modify"),
    ("what about 60 long?", "modify"),
    ("can you make it 80 long", "modify"),
    ("what about the cost?", "question"),
    ("why is the wall so thin?", "question"),
])
def test_with_a_part_there_a_whole_part_offered_is_new_and_a_suggested_change_is_a_change(text, intent):
    # (these were read as changes to the part there, or as questions that changed nothing)
    assert parse_intent(text, True).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("I think M5 holes would be better, can you change that?", "modify"),       # the change, then the ask
    ("Thanks, that looks great! Could you change the holes to M5 though?", "modify"),   # praise before the ask
    ("Nice work! Now a 30mm cube please", "new_design"),
    ("I think the fillets look odd, can you explain why?", "question"),
    ("looks good. why is the hole 6mm?", "question"),
])
def test_praise_and_reasons_before_what_is_asked(text, intent):
    assert parse_intent(text, True).intent == intent
