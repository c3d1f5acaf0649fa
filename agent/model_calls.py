"""One model call for a task, running the read-only tools the model calls natively on the way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from langchain_core.messages import ToolMessage

MAX_TOOL_ROUNDS = 3
READ_ONLY_TOOLS = ("search_knowledge", "check_size")
TOOL_OUTPUT_CHARS = 6000


@dataclass
class ModelCaller:
    """The agent's chat model with its provider's call settings.

    ``use_tools``: offer the read-only tools natively. A server that refuses tools (an Ollama model
    without tool support, vLLM without --enable-auto-tool-choice) is asked again without them, and
    this caller stops offering them: a fact about that server, kept for the agent's lifetime."""

    llm: object
    provider: object                       # providers.base.Provider
    tools: dict = field(default_factory=dict)
    use_tools: bool = False
    spec_structured: bool = True          # asks for part specs as structured output (off once refused)

    def ask(self, messages: list, task: str) -> tuple[object, list[dict]]:
        """(final AI message, tool log)."""
        config = self.provider.call_config(task)
        log: list[dict] = []
        if not self.use_tools:
            return self.llm.invoke(messages, config=config), log
        tools = [self.tools[n] for n in READ_ONLY_TOOLS]
        try:
            bound = self.llm.bind_tools(tools)
            for _ in range(MAX_TOOL_ROUNDS):
                reply = bound.invoke(messages, config=config)
                calls = getattr(reply, "tool_calls", None) or []
                if not calls:
                    return reply, log
                messages = [*messages, reply, *[self._run_tool(c, log) for c in calls]]
            return self.llm.bind_tools(tools, tool_choice="none").invoke(messages, config=config), log
        except Exception as exc:  # noqa: BLE001 - only a refusal of tools is handled here
            if not refuses_tools(exc):
                raise
            self.use_tools = False
            log.append({"tool": None, "note": f"tools switched off: the server refused them ({str(exc)[:120]})"})
            plain = [m for m in messages if getattr(m, "type", "") not in ("tool",) and not getattr(m, "tool_calls", None)]
            return self.llm.invoke(plain, config=config), log

    def _run_tool(self, call: dict, log: list[dict]):
        name = call.get("name")
        if name not in READ_ONLY_TOOLS:
            out = {"error": f"unknown tool {name!r}; available: {', '.join(READ_ONLY_TOOLS)}"}
        else:
            try:
                out = self.tools[name].invoke(call.get("args") or {})
            except Exception as exc:  # noqa: BLE001 - bad arguments are the model's to fix
                out = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
        log.append({"tool": name, "args": call.get("args"), "ok": not (isinstance(out, dict) and "error" in out)})
        text = json.dumps(out, default=str)[:TOOL_OUTPUT_CHARS]
        return ToolMessage(content=text, tool_call_id=call.get("id") or name, name=name or "unknown")


def refuses_tools(exc: Exception) -> bool:
    from .providers import status_code

    return isinstance(exc, NotImplementedError) or (status_code(exc) == 400 and "tool" in str(exc).lower())


def text_of(content) -> str:
    """A reply's text (some providers answer with a list of content parts)."""
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def add_usage(before: dict | None, reply) -> dict:
    """Tokens reported by the provider, summed over this turn's calls."""
    total = dict(before or {})
    usage = getattr(reply, "usage_metadata", None) or {}
    flat = {k: usage.get(k) for k in ("input_tokens", "output_tokens", "total_tokens")}
    flat["cache_read"] = (usage.get("input_token_details") or {}).get("cache_read")
    for k, v in flat.items():
        if isinstance(v, int):
            total[k] = total.get(k, 0) + v
    return total
