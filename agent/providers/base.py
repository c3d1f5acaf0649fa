"""What every provider is: a name, how to build its chat model, how to tell whether it is ready,
and the facts the agent needs about it (tools, prompt style, caching, adapters, drafting)."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass


class ProviderError(ValueError):
    """A provider that cannot be built from the settings (says which setting to fix)."""


@dataclass
class ProviderStatus:
    name: str
    ready: bool
    detail: str

    def label(self) -> str:
        return f"{self.name} ({'ready' if self.ready else 'not ready'}: {self.detail})"


@dataclass(frozen=True)
class Provider:
    name: str
    label: str                      # the UI selector's words for it
    order: int = 50                 # place in lists (the default provider first)
    key_vars: str = ""              # where its key comes from ("" : it needs none)
    tools: bool = False             # offered the read-only tools natively when agent.tool_calling is auto
    prompt_style: str = "full"      # "full" | "compact" (fine-tuned local models are trained on compact)
    caches_prefix: bool = False     # caches a large stable system prefix (the handbook is then sent)
    adapters: bool = False          # per-task LoRA adapters, chosen per call (see call_config)
    decides_intent: bool = True     # asked for a structured intent decision on each message
    explains: bool = True           # writes explanations of CAD JSON (grounded on measured facts)
    spec_output: str = ""           # how it writes part-spec candidates: "json_schema" (structured output,
                                    # schema in the prompt where unsupported) | "constrained" (local best-of-N)

    def build(self, settings):
        """The LangChain chat model for these settings; ProviderError naming the setting to fix."""
        raise NotImplementedError

    def status(self, settings) -> ProviderStatus:
        raise NotImplementedError

    def writes_specs(self, settings) -> bool:
        """Whether ``agent.spec_candidates = "auto"`` asks this provider for part-spec candidates."""
        return bool(self.spec_output)

    def call_config(self, task: str) -> dict:
        """The ``config`` for one model call of a task ("gen", "fix", "explain", "route", ...)."""
        return {}


def get_json(url: str, headers: dict | None = None, timeout: float = 3) -> dict:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())
