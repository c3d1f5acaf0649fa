"""The agent graph, driven by scripted chat models (real LangChain interface) and the offline engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from cadagent.agent.runtime import Agent
from cadagent.config import load_settings

from .conftest import ROOT
from cadagent.agent.contract import Message
from .conftest import state_of

PLATE = "a 60 x 40 mm plate, 5 mm thick"
GOOD = "```python\nimport cadquery as cq\nlength = 60.0\nresult = cq.Workplane().box(length, 40, 5)\n```\nA plate."
THICK = "```python\nimport cadquery as cq\nresult = cq.Workplane().box(60, 40, 10)\n```"
SYNTAX = "```python\nimport cadquery as cq\nresult = cq.Workplane().box(60, 40,\n```"
RUNTIME = "```python\nimport cadquery as cq\nw = cq.Workplane().box(60, 40, 5)\nresult = w.edges('|Z').fillet(30)\n```"


class ScriptedChatModel(BaseChatModel):
    """Answers from a list, in order, and records every prompt it was given."""

    replies: list[str]
    prompts: list[str] = []
    finish_reason: str = ""   # reported with every reply (an empty reply with "SAFETY" is a refusal)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.prompts.append("\n".join(str(m.content) for m in messages))
        reply = self.replies[min(len(self.prompts) - 1, len(self.replies) - 1)]
        meta = {"finish_reason": self.finish_reason} if self.finish_reason else {}
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply, response_metadata=meta))])


@pytest.fixture()
def make_agent(tmp_path, sandbox, kb):
    agents = []

    def make(llm=None, workspace=None, attempts=3):
        settings = load_settings(workspace=workspace or tmp_path / "ws", agent={"max_attempts": attempts})
        a = Agent(settings, llm=llm, kb=kb, sandbox=sandbox)
        agents.append(a)
        return a

    yield make
    for a in agents:
        a.close()


def test_first_try_succeeds(make_agent):
    llm = ScriptedChatModel(replies=[GOOD], prompts=[])
    agent = make_agent(llm)
    events = list(agent.stream("t", PLATE))
    nodes = [e.node for e in events]
    assert nodes == ["route", "plan", "retrieve", "generate", "execute", "validate", "save", "respond", "done"]
    result = events[-1].result
    assert len(result.attempts) == 1 and result.ok and result.intent == "new_design"
    v1 = result.version
    assert v1.number == 1 and agent.current("t").number == 1
    assert v1.size == pytest.approx([60, 40, 5]) and "bbox 60.0 x 40.0 x 5.0" in result.answer
    assert set(v1.files) == {"script", "step", "stl", "glb", "report"}
    assert all(Path(p).is_file() and Path(p).parent == Path(v1.dir) for p in v1.files.values())
    # the prompt carried the plan and retrieved examples as JSON context
    assert '"length": 60.0' in llm.prompts[0] and "plate-four-corner-holes" in llm.prompts[0]


@pytest.mark.parametrize("bad, needle", [(SYNTAX, "syntax"), (RUNTIME, "StdFail_NotDone"),
                                         (THICK, "the plan asked for 5 x 40 x 60 mm")])
def test_failure_then_retry_with_the_error_in_the_prompt(make_agent, bad, needle):
    llm = ScriptedChatModel(replies=[bad, GOOD], prompts=[])
    agent = make_agent(llm)
    result = agent.turn("t", PLATE)
    assert len(result.attempts) == 2 and "v1 saved" in result.answer and result.version.number == 1
    assert len(llm.prompts) == 2
    assert "## Task: fix" in llm.prompts[1] and needle in llm.prompts[1]
    if needle == "StdFail_NotDone":
        assert "fillet" in llm.prompts[1].lower() and "error_fixes" in llm.prompts[1]


def test_retries_exhausted_is_an_honest_failure(make_agent):
    llm = ScriptedChatModel(replies=[THICK], prompts=[])
    agent = make_agent(llm, attempts=2)
    result = agent.turn("t", PLATE)
    answer = result.answer
    assert answer.startswith("I could not make a valid part after 2 attempt(s)")
    assert "60.0 x 40.0 x 10.0" in answer or "10.0 x 40.0 x 60.0" in answer
    assert not result.ok and result.version is None and agent.versions("t") == []
    assert result.attempts[-1]["code"] and result.problems  # the last attempt and why it failed


def test_offline_modify_keeps_parameters_and_undo(make_agent):
    agent = make_agent()
    agent.turn("t", "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners").answer
    v1_code = state_of(agent, "t")["versions"][0]["code"]
    answer = agent.turn("t", "make it 10 mm longer").answer
    state = state_of(agent, "t")
    v2 = state["versions"][1]
    assert "v2 saved (v1 kept)" in answer and v2["size"] == pytest.approx([70, 40, 5])
    names = lambda code: [ln.split("=")[0].strip() for ln in code.splitlines() if " = " in ln and ln[0].isalpha()]  # noqa: E731
    assert names(v2["code"]) == names(v1_code)
    assert re.search(r"^\w*length\w* = 70(\.0)?\b", v2["code"], re.M)  # the parameter changed, by name
    answer = agent.turn("t", "go back to v1").answer
    state = state_of(agent, "t")
    assert "Restored v1" in answer and state["current"] == 3
    assert state["versions"][2]["size"] == pytest.approx([60, 40, 5])
    assert len(state["versions"]) == 3  # nothing deleted


def test_back_to_the_version_a_change_names_through_the_agent(make_agent):
    agent = make_agent()
    agent.turn("t", "disc Ø80 x 10")
    agent.turn("t", "add a Ø20 hole in the centre")
    agent.turn("t", "make the disc 15 thick")
    answer = agent.turn("t", "revert to how it was right after I added the hole").answer     # was: a hole-size edit refused
    state = state_of(agent, "t")
    assert "Restored v2" in answer, answer
    assert state["versions"][-1]["size"] == pytest.approx([80, 80, 10])
    answer = agent.turn("t", "go back to before I added the hole").answer
    assert "Restored v1" in answer, answer


def test_question_answered_from_measurements(make_agent):
    agent = make_agent()
    agent.turn("t", "a plain rectangular plate 100 x 50 x 10 mm").answer
    answer = agent.turn("t", "how heavy is it in aluminium?").answer
    assert "In aluminium (2.7 g/cm³) it weighs 135.0 g" in answer


def test_explain_a_cad_json_file(make_agent):
    agent = make_agent()
    path = ROOT / "examples" / "cadjson" / "block_with_hole.json"
    answer = agent.turn("t", f"explain this: {path}").answer
    assert answer.startswith("A 75 x 75 x 20 mm block with a 30 mm through hole")
    assert "v1 saved" in answer


def test_offline_engine_says_plainly_when_it_cannot(make_agent):
    agent = make_agent()
    agent.turn("t", PLATE).answer
    answer = agent.turn("t", "make the third hole oval and add a logo").answer
    assert "v2" not in answer
    assert "offline engine" in answer.lower() or "could not" in answer.lower()


def test_two_threads_do_not_see_each_other(make_agent):
    agent = make_agent()
    agent.turn("alice", "a plain rectangular plate 100 x 50 x 10 mm").answer
    agent.turn("bob", "a round standoff 8 mm diameter and 15 mm tall").answer
    a, b = state_of(agent, "alice"), state_of(agent, "bob")
    assert [v["size"] for v in a["versions"]] == [pytest.approx([100, 50, 10])]
    assert [v["size"] for v in b["versions"]] == [pytest.approx([8, 8, 15])]
    assert Path(a["versions"][0]["dir"]).parent != Path(b["versions"][0]["dir"]).parent


def test_thread_survives_a_process_restart(tmp_path):
    ws = tmp_path / "ws"
    script = textwrap.dedent(f"""
        import sys
        from cadagent.config import load_settings
        from cadagent.agent.runtime import Agent
        with Agent(load_settings(workspace={str(ws)!r})) as a:
            print(a.turn("keep", sys.argv[1]).answer.splitlines()[0])
            print(len(a.versions("keep")))
        """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run([sys.executable, "-c", script, "a plain rectangular plate 100 x 50 x 10 mm"],
                           capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "1"
    second = subprocess.run([sys.executable, "-c", script, "make it 20 mm longer"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert second.returncode == 0, second.stderr
    assert "v2 saved (v1 kept)" in second.stdout and "bbox 120.0 x 50.0 x 10.0" in second.stdout
    assert second.stdout.splitlines()[-1] == "2"


def test_the_agent_tools_are_langchain_tools(sandbox, kb):
    from langchain_core.tools import BaseTool

    from cadagent.agent.lc_tools import make_tools

    tools = make_tools(sandbox, kb)
    assert all(isinstance(t, BaseTool) and t.description for t in tools.values())
    res = tools["run_cadquery"].invoke({"code": "import cadquery as cq\nresult = cq.Workplane().box(10, 10, 10)\n"})
    assert res["ok"] and res["report"]["volume"] == pytest.approx(1000.0, abs=1e-6)
    assert tools["check_size"].invoke({"size": [60, 40, 10], "plan": {"extents": [5, 40, 60]}}) == [
        "bbox is 10.0 x 40.0 x 60.0 mm (sorted), the plan asked for 5 x 40 x 60 mm"]
    assert tools["search_knowledge"].invoke({"query": "spur gear with 20 teeth", "k": 1})[0]["family"] == "gears"


def test_a_model_script_that_misses_the_asked_holes_is_retried_with_that_problem(make_agent):
    """validate measures the requested features for every provider, not only the sizes."""
    holes = ("```python\nimport cadquery as cq\nresult = (cq.Workplane().box(60, 40, 5).faces('>Z').workplane()"
             ".rect(44, 24, forConstruction=True).vertices().hole(5))\n```")
    llm = ScriptedChatModel(replies=[GOOD, holes], prompts=[])
    agent = make_agent(llm)
    result = agent.turn("t", "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners")
    assert len(result.attempts) == 2 and result.version is not None
    first = " ".join(result.attempts[0]["problems"])
    assert "hole" in first and "4" in first  # what was asked and what was found
    assert "## Task: fix" in llm.prompts[1] and "hole" in llm.prompts[1].split("## Task: fix", 1)[1]


def test_an_edit_that_returns_the_same_script_is_retried_with_that_problem(make_agent):
    longer = GOOD.replace("length = 60.0", "length = 70.0")
    same_but_comments = GOOD.replace("length = 60.0\n", "# the plate\nlength = 60.0  # mm\n\n")
    llm = ScriptedChatModel(replies=[GOOD, same_but_comments, longer], prompts=[])
    agent = make_agent(llm)
    assert agent.turn("t", PLATE).ok
    result = agent.turn("t", "make it 10 mm longer")
    assert result.intent == "modify" and result.ok and len(result.attempts) == 2
    assert result.attempts[0]["problems"] == ["the script is the current version's, unchanged: the change was not "
                                           "applied"]
    assert "unchanged: the change was not applied" in llm.prompts[2]       # the retry was told why
    assert result.version.number == 2 and sorted(result.version.size) == pytest.approx([5, 40, 70])


def test_the_plan_line_of_a_change_says_the_sizes_are_the_parts():
    """An edit turn's trace said 'no dimensions given: using the example's defaults' (the spec path edits the part)."""
    from cadagent.agent.graph import _plan_line
    from cadagent.agent.plan import Plan

    assert _plan_line({"plan": Plan(text="put a 10 mm hole in the middle", change=True).to_dict(), "edits": []}) == \
        "plan: a change to the current part (its sizes are the part's)"
    assert "example's defaults" not in Plan(text="a bracket").summary()
