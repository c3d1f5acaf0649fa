"""Part-spec candidates beside the free code (agent.spec_candidates): a model provider is asked for a
spec under the spec's JSON Schema (structured output, or the schema in the prompt), its validation
problems go back in one repair, the better-checked candidate wins; the local provider's N spec
candidates and the parser's readings are each built, checked and streamed as steps, then ranked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import RunnableLambda

from cadagent.agent.runtime import Agent
from cadagent.config import load_settings

SPEC_TASK = "## Task: write the part as a part spec"
REQUEST = "a 60 x 40 mm plate, 5 mm thick, with a 10 mm hole in the middle"
NO_HOLE = "```python\nimport cadquery as cq\nresult = cq.Workplane().box(60, 40, 5)\n```"
PLATE = {"body": {"kind": "box", "length": 60, "width": 40, "height": 5},
         "features": [{"id": "hole", "kind": "hole", "size": 10, "at": {"kind": "center"}}]}
LONGER = {"body": {"kind": "box", "length": 70, "width": 40, "height": 5},
          "features": [{"id": "hole", "kind": "hole", "size": 10, "at": {"kind": "center"}}]}
# two problems the validator names by path: 'diameter' is not a hole's field, 'size' is missing
BAD = {"body": {"kind": "box", "length": 60, "width": 40, "height": 5},
       "features": [{"id": "hole", "kind": "hole", "diameter": 10}]}


class TwoTasks(BaseChatModel):
    """A scripted chat model that answers spec prompts from ``specs`` and every other prompt from
    ``codes`` (each in order), recording every prompt with its task."""

    codes: list[str]
    specs: list[Any] = []
    calls: list[tuple[str, str]] = []

    @property
    def _llm_type(self) -> str:
        return "two-tasks"

    def _next(self, task: str) -> str:
        done = sum(1 for t, _ in self.calls if t == task)
        pool = self.specs if task == "spec" else self.codes
        reply = pool[min(done, len(pool) - 1)]
        return reply if isinstance(reply, str) else json.dumps(reply)

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        text = "\n".join(str(m.content) for m in messages)
        task = "spec" if SPEC_TASK in text else "code"
        reply = self._next(task)
        self.calls.append((task, text))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])

    def of(self, task: str) -> list[str]:
        return [text for t, text in self.calls if t == task]


class Structured(TwoTasks):
    """The same, with structured output (as ChatOpenAI / ChatGoogleGenerativeAI give it): records
    the schema and method it was bound with, answers with {"raw", "parsed", "parsing_error"}."""

    bound: list[tuple[str, dict]] = []

    def with_structured_output(self, schema, *, method=None, include_raw=False, **kwargs):
        self.bound.append((method, schema))

        def run(messages):
            text = "\n".join(str(m.content) for m in messages.to_messages()) if hasattr(messages, "to_messages") \
                else "\n".join(str(m.content) for m in messages)
            reply = self._next("spec")
            self.calls.append(("spec", text))
            return {"raw": AIMessage(content=reply), "parsed": json.loads(reply), "parsing_error": None}

        return RunnableLambda(run)


@pytest.fixture()
def agent_with(tmp_path, sandbox, kb):
    made = []

    def make(llm, mode="auto", provider="gemini", google_api_key="k", **agent):
        settings = load_settings(workspace=tmp_path / "ws", google_api_key=google_api_key, agent={
            "llm": provider, "model_routing": "off", "tool_calling": "off", "spec_candidates": mode,
            "max_attempts": 2, **agent})
        a = Agent(settings, llm=llm, kb=kb, sandbox=sandbox)
        made.append(a)
        return a

    yield make
    for a in made:
        a.close()


def test_the_spec_that_has_the_hole_wins_and_a_later_edit_composes_on_it(agent_with):
    llm = Structured(codes=[NO_HOLE], specs=[PLATE, LONGER], calls=[], bound=[])
    agent = agent_with(llm)
    result = agent.turn("t", REQUEST)
    assert result.ok and len(result.attempts) == 1            # the spec candidate passed: no retry spent
    first = result.attempts[0]["candidates"]
    assert not first["code"]["ok"] and "hole" in " ".join(first["code"]["problems"])   # measured: no Ø10 hole
    assert first["spec"]["ok"]
    assert "The part-spec candidate won: it passes the checks, the free-code candidate does not" in result.answer
    assert "hole" in result.answer.split("candidate does not", 1)[1]
    v1 = result.version
    assert v1.spec == PLATE and result.path == "spec-model"
    assert v1.volume == pytest.approx(60 * 40 * 5 - 3.14159265 * 25 * 5, rel=1e-3)
    spec_event = next(e for e in result.events if e.node == "spec")
    assert spec_event.ok and spec_event.title == "Write a part spec" and "structured output" in spec_event.text
    # structured output, bound with the spec's JSON Schema: the schema is not pasted into the prompt
    assert llm.bound[0][0] == "json_schema" and "Hole" in llm.bound[0][1]["$defs"]
    assert "It must fit this JSON Schema" not in llm.of("spec")[0]

    edit = agent.turn("t", "10 mm longer")
    assert edit.ok and edit.intent == "modify" and edit.version.number == 2
    assert '"current_spec"' in llm.of("spec")[1] and '"length": 60' in llm.of("spec")[1]
    assert edit.version.spec == LONGER and edit.version.size == pytest.approx([70, 40, 5])
    assert "both pass the checks, and later edits compose on a spec" in edit.answer


def test_an_invalid_spec_is_repaired_once_with_its_problems(agent_with):
    llm = TwoTasks(codes=[NO_HOLE], specs=[BAD, PLATE], calls=[])
    result = agent_with(llm).turn("t", REQUEST)
    specs = llm.of("spec")
    assert len(specs) == 2 and len(llm.of("code")) == 1                 # one spec call + one repair
    repair = specs[1]
    assert "That part spec is not valid" in repair
    assert "$.features[0].size: missing required field 'size'" in repair
    assert "$.features[0].diameter: unknown field 'diameter'" in repair
    assert result.ok and result.version.spec == PLATE
    event = next(e for e in result.events if e.node == "spec")
    assert "repaired once" in event.text and "check ok" in event.text


def test_without_structured_output_the_schema_goes_in_the_prompt(agent_with):
    llm = TwoTasks(codes=[NO_HOLE], specs=["Here it is:\n```json\n" + json.dumps(PLATE) + "\n```"], calls=[])
    result = agent_with(llm).turn("t", REQUEST)
    prompt = llm.of("spec")[0]
    assert "It must fit this JSON Schema" in prompt and '"$defs"' in prompt and '"Hole"' in prompt
    assert result.ok and result.version.spec == PLATE
    assert "schema in the prompt" in next(e for e in result.events if e.node == "spec").text


def test_off_makes_no_spec_call_and_the_free_code_is_retried_as_before(agent_with):
    llm = TwoTasks(codes=[NO_HOLE], specs=[PLATE], calls=[])
    result = agent_with(llm, mode="off").turn("t", REQUEST)
    assert llm.of("spec") == [] and len(llm.of("code")) == 2            # the hole check failed twice
    assert not result.ok and "spec" not in [e.node for e in result.events]
    assert "hole" in " ".join(result.problems)


def test_the_free_code_wins_when_the_spec_fails_its_checks(agent_with):
    hole = ("```python\nimport cadquery as cq\nresult = cq.Workplane().box(60, 40, 5).faces('>Z').workplane()"
            ".hole(10)\n```")
    small = json.loads(json.dumps(PLATE))
    small["body"]["length"] = 50                                      # not the asked size
    llm = TwoTasks(codes=[hole], specs=[small], calls=[])
    result = agent_with(llm).turn("t", REQUEST)
    assert result.ok and result.path == "model" and result.version.spec is None
    assert "The free-code candidate won: it passes the checks, the part-spec candidate does not (bbox" in result.answer
    assert next(e for e in result.events if e.node == "spec").ok is False


def test_openai_compatible_servers_write_specs_when_asked(tmp_path):
    from cadagent.agent.providers import spec_candidates

    def mode(**agent):
        return spec_candidates(load_settings(workspace=tmp_path, agent=agent))

    assert mode(llm="openai") == "structured"                                   # api.openai.com
    assert mode(llm="openai", base_url="http://localhost:8080/v1") == ""        # support varies: off in auto
    assert mode(llm="openai", base_url="http://localhost:8080/v1", spec_candidates="on") == "structured"
    assert mode(llm="gemini") == "structured" and mode(llm="gemini", spec_candidates="off") == ""
    assert mode(llm="offline", spec_candidates="on") == ""                      # its own spec path


# -- the local model's ensemble ----------------------------------------------------------------
class ScriptedWriter:
    """A SpecWriter's interface with scripted outputs (checked by the real SpecWriter._check)."""

    def __init__(self, texts):
        self.texts = texts
        self.asked: list[tuple] = []

    def candidates(self, request, n=4, *, current=None, seed=0):
        from cadagent.agent.local_model.writer import Candidate, Generation, SpecWriter

        self.asked.append((request, n, current))
        gen = Generation([Candidate(source=f"model#{i + 1}", text=t, spec=None, tokens=len(t) // 3)
                          for i, t in enumerate(self.texts[:n])], seconds=1.0, tokens=90, constrained=True)
        SpecWriter._check(gen, "mm")
        return gen


class LocalScripted(TwoTasks):
    spec_writer: Any = None
    loaded_adapters: list[str] = ["spec"]


def test_the_local_ensemble_builds_each_candidate_as_a_step_and_picks_one_that_passes(agent_with):
    no_hole = {"body": {"kind": "box", "length": 60, "width": 40, "height": 5}}
    wrong_hole = {"body": {"kind": "box", "length": 60, "width": 40, "height": 5},
                  "features": [{"id": "hole", "kind": "hole", "size": 6}]}
    writer = ScriptedWriter([json.dumps(no_hole), json.dumps(wrong_hole), json.dumps(PLATE), '{"body": {"kind"'])
    llm = LocalScripted(codes=[NO_HOLE], calls=[], spec_writer=writer)
    agent = agent_with(llm, provider="local", model="scripted")
    events = list(agent.stream("t", REQUEST))
    result = events[-1].result
    assert writer.asked == [(REQUEST, 4, None)] and llm.calls == []     # no free code: the winner went on
    steps = [e for e in events if e.node == "candidate"]
    sources = [e.text.split(":")[0] for e in steps]
    assert sources[:4] == ["model#1", "model#2", "model#3", "model#4"] and "parser" in sources
    by = dict(zip(sources, steps))
    assert by["model#1"].ok is False and "hole" in by["model#1"].text          # measured: no hole
    assert by["model#2"].ok is False and "hole" in by["model#2"].text          # Ø6, not Ø10
    assert by["model#3"].ok and "check ok" in by["model#3"].text
    assert by["model#4"].ok is False and "invalid" in by["model#4"].text
    assert all(e.title == "Candidate" for e in steps)
    from cadagent.ui.turns import step_message          # the UI shows each candidate as a step, ✗ when it fails

    assert step_message(by["model#3"])["metadata"]["title"] == "✓ Candidate"
    failed = step_message(by["model#1"])
    assert failed["metadata"]["title"] == "✗ Candidate failed" and "hole" in failed["content"]
    rank = next(e for e in events if e.node == "rank")
    winner = rank.data["ranking"]["winner"]
    assert winner in ("model#3", "parser")                   # the two that pass; the same spec
    assert result.ok and result.path == "ensemble" and len(result.attempts) == 1
    assert result.version.size == pytest.approx([60, 40, 5])
    assert result.version.volume == pytest.approx(60 * 40 * 5 - 3.14159265 * 25 * 5, rel=1e-3)
    assert f"won: {winner}" in result.answer and "Runner-up" in result.answer
    assert [e.node for e in events].index("rank") < [e.node for e in events].index("execute")


def test_without_a_spec_adapter_the_local_provider_writes_free_code_as_before(agent_with):
    writer = ScriptedWriter([json.dumps(PLATE)])
    llm = LocalScripted(codes=[NO_HOLE.replace("box(60, 40, 5)", "box(60, 40, 5).faces('>Z').workplane().hole(10)")],
                        calls=[], spec_writer=writer, loaded_adapters=["gen"])
    result = agent_with(llm, provider="local", model="scripted").turn("t", REQUEST)
    assert writer.asked == [] and len(llm.of("code")) == 1 and result.ok
    assert "candidate" not in [e.node for e in result.events]


# -- the real OpenAI-compatible wire (langchain-openai against a stub server) --------------------
def test_an_openai_compatible_server_gets_the_schema_as_response_format_or_the_prompt(agent_with):
    from .test_provider_openai import Stub

    stub = Stub([(200, NO_HOLE), (200, json.dumps(PLATE))])
    try:
        agent = agent_with(None, provider="openai", mode="on", base_url=stub.url, model="stub-coder", retries=0)
        result = agent.turn("t", REQUEST)
    finally:
        stub.close()
    code_call, spec_call = stub.requests
    assert "response_format" not in code_call
    fmt = spec_call["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "PartSpec"
    assert "Hole" in fmt["json_schema"]["schema"]["$defs"]
    assert result.ok and result.version.spec == PLATE and "part-spec candidate won" in result.answer

    # a server that refuses json_schema (llama.cpp's answers HTTP 500): the schema goes in the prompt,
    # in the same attempt, and this agent does not offer it again
    stub = Stub([(200, NO_HOLE), (500, "response_format json_schema is not supported"), (200, json.dumps(PLATE)),
                 (200, NO_HOLE), (200, json.dumps(LONGER))])
    try:
        agent = agent_with(None, provider="openai", mode="on", base_url=stub.url, model="stub-coder", retries=0)
        first = agent.turn("t2", REQUEST)
        second = agent.turn("t2", "10 mm longer")
    finally:
        stub.close()
    bodies = [json.dumps(r) for r in stub.requests]
    assert len(stub.requests) == 5 and "response_format" in stub.requests[1]
    assert "response_format" not in stub.requests[2] and "It must fit this JSON Schema" in bodies[2]
    assert "response_format" not in stub.requests[4] and "current_spec" in bodies[4]
    assert first.ok and first.version.spec == PLATE
    assert second.ok and second.version.spec == LONGER and second.version.size == pytest.approx([70, 40, 5])


def test_gemini_gets_the_schema_as_its_response_json_schema(agent_with):
    from .test_provider_gemini import KEY, GeminiStub

    stub = GeminiStub([(200, NO_HOLE), (200, json.dumps(PLATE))])
    try:
        agent = agent_with(None, provider="gemini", google_api_key=KEY, base_url=stub.url, retries=0,
                           cache_min_tokens=10**6)
        result = agent.turn("t", REQUEST)
    finally:
        stub.close()
    code_call, spec_call = stub.generations()
    config = spec_call.get("generationConfig") or {}
    assert "responseJsonSchema" not in (code_call.get("generationConfig") or {})
    assert config.get("responseMimeType") == "application/json"
    assert "Hole" in json.dumps(config["responseJsonSchema"])
    assert result.ok and result.version.spec == PLATE and "part-spec candidate won" in result.answer


def test_a_parser_reading_that_is_refused_falls_back_to_its_body_with_a_model_candidates_features(agent_with):
    # the parser reads the 10 x 10 x 2 plate and assumes a 1.5 mm inset for the 4 mm corner holes, which then run
    # off the plate: refused. The model's one candidate with holes has a 12 mm length. Its holes on the parser's
    # body are the fallback that passes; the body alone misses the holes.
    request = "a 10 x 10 x 2 mm plate with a 4 mm hole in each corner"
    holes = [{"id": "holes", "kind": "hole", "size": 4, "at": {"kind": "corners", "inset": 2.5}}]
    long = {"body": {"kind": "box", "length": 12, "width": 10, "height": 2}, "features": holes}
    writer = ScriptedWriter([json.dumps(long), '{"body": {"kind"'])
    llm = LocalScripted(codes=[NO_HOLE], calls=[], spec_writer=writer)
    events = list(agent_with(llm, provider="local", model="scripted").stream("t", request))
    steps = {e.text.split(":")[0]: e for e in events if e.node == "candidate"}
    assert list(steps)[-2:] == ["parser-body", "parser+model#1"]             # after the others, once
    assert "invalid" in steps["parser"].text and "runs off" in steps["parser"].text
    assert steps["model#1"].ok is False and "12" in steps["model#1"].text        # its body failed the size check
    rank = next(e for e in events if e.node == "rank").data["ranking"]
    assert rank["winner"] == "parser+model#1", rank["reason"]
    result = events[-1].result
    assert result.ok and result.version.size == pytest.approx([10, 10, 2])
    assert result.version.volume == pytest.approx(10 * 10 * 2 - 4 * 3.14159265 * 4 * 2, rel=1e-3)
    assert "parser's body with model#1's features, as parser's own reading did not pass" in result.answer
