"""Shared fixtures: one warm sandbox per test session (jobs under a temp dir)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cadagent.tools.sandbox import Limits, Sandbox

# Hermetic: a developer's real keys must neither reach a test nor change what "not configured" looks like.
for _var in ("OPENAI_API_KEY", "CADAGENT_OPENAI_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY",
             "CADAGENT_GOOGLE_API_KEY", "CADAGENT_AGENT__LLM"):
    os.environ.pop(_var, None)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    sb = Sandbox(Limits(timeout_s=4.0, memory_mb=768, output_kb=64),
                 jobs_root=tmp_path_factory.mktemp("jobs"))
    sb.warm()
    yield sb
    sb.close()


@pytest.fixture(scope="session")
def embedder():
    from cadagent.knowledge.embedder import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def kb(tmp_path_factory, embedder):
    from cadagent.knowledge.search import KnowledgeBase

    base = KnowledgeBase(tmp_path_factory.mktemp("kbws"), embedder=embedder)
    base.build()
    return base


@pytest.fixture()
def agents(tmp_path, sandbox, kb):
    """A factory of agents on the session's sandbox and knowledge base (settings as keyword
    arguments of load_settings, workspace in tmp_path), all closed at the end of the test."""
    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings

    made = []

    def make(**settings):
        agent = Agent(load_settings(workspace=tmp_path / "ws", **settings), kb=kb, sandbox=sandbox)
        made.append(agent)
        return agent

    yield make
    for agent in made:
        agent.close()


@pytest.fixture()
def job_dir(tmp_path):
    d = tmp_path / "job"
    d.mkdir()
    yield d
    shutil.rmtree(d, ignore_errors=True)


BOX = "import cadquery as cq\nresult = cq.Workplane('XY').box(10, 10, 10)\n"


def assert_still_works(sb: Sandbox) -> None:
    """The next job after anything at all must still run and measure right."""
    res = sb.run_script(BOX, exports=())
    assert res.ok, res.error
    assert res.report.volume == pytest.approx(1000.0, abs=1e-6)


def serve_app(workspace, sandbox, kb):
    """Launch the real Gradio app on a free loopback port; returns (url, close)."""
    import socket

    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings
    from cadagent.ui.app import CSS, build_app

    agent = Agent(load_settings(workspace=workspace), kb=kb, sandbox=sandbox)
    (workspace / "sessions").mkdir(exist_ok=True)
    demo = build_app(agent)
    demo.queue(default_concurrency_limit=4)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                allowed_paths=[str(workspace / "sessions")], css=CSS)

    def close():
        demo.close()
        agent.close()

    return f"http://127.0.0.1:{port}/", close


def state_of(agent, thread: str) -> dict:
    """A thread's versions and current version number as plain dicts (for assertions)."""
    current = agent.current(thread)
    return {"versions": [v.to_dict() for v in agent.versions(thread)], "current": current.number if current else None}
