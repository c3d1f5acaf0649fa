"""What nodes share: the run-time dependencies and small helpers over the state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Deps:
    """The run-time context of every node (LangGraph ``context_schema``): what the agent was built with."""

    caller: object              # agent.model_calls.ModelCaller: the chat model, its provider, its tools
    sandbox: object             # tools.sandbox.Sandbox
    sessions: object            # agent.sessions.SessionStore
    kb: object | None = None    # knowledge.search.KnowledgeBase
    max_attempts: int = 3
    settings: object | None = None  # for readable provider failures
    handbook: bool = False      # send the large cacheable system prefix (provider.caches_prefix)
    compact: bool = False       # send the compact prompt (provider prompt style)
    routes_with_model: bool = False  # ask the model for the intent (settings.agent.model_routing)

    @property
    def llm(self):
        return self.caller.llm

    @property
    def provider(self):
        return self.caller.provider

    @property
    def drafts(self) -> bool:
        """The model drafts parts from data (the offline engine), not from a prompt."""
        return callable(getattr(self.caller.llm, "draft", None))

    @property
    def tools(self) -> dict:
        return self.caller.tools


def turn(state) -> dict:
    return state.get("turn") or {}


def patch(**values) -> dict:
    """A node's update of the turn's scratch."""
    return {"turn": values}


def thread_id(config) -> str:
    return (config or {}).get("configurable", {}).get("thread_id", "default")
