"""The LLM node's providers: one seam returning a LangChain chat model per name.

Built now: ``offline`` (the built-in engine) and ``openai`` (any OpenAI-compatible server:
Ollama, vLLM, llama.cpp server, LM Studio, OpenAI itself) through ``langchain-openai``.
``gemini`` and ``local`` (transformers + LoRA) are listed as not available yet.
"""

from __future__ import annotations

import json
import urllib.error
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


def chat_model(settings):
    """The chat model the agent settings ask for."""
    a = settings.agent
    if a.llm == "offline":
        from .offline.engine import OfflineChatModel

        return OfflineChatModel()
    if a.llm == "openai":
        from langchain_openai import ChatOpenAI

        if not a.base_url and settings.openai_api_key is None:
            raise ProviderError("the openai provider needs a server: set --base-url (e.g. "
                                "http://localhost:11434/v1 for Ollama) or OPENAI_API_KEY for api.openai.com")
        if not a.model:
            raise ProviderError("the openai provider needs a model name: set --model (e.g. qwen2.5-coder:7b)")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        return ChatOpenAI(model=a.model, base_url=a.base_url, api_key=key, temperature=a.temperature,
                          max_tokens=a.max_tokens, timeout=a.timeout_s, max_retries=a.retries)
    if a.llm in ("gemini", "local"):
        raise ProviderError(f"the {a.llm} provider is not built yet; use offline or openai")
    raise ValueError(f"unknown LLM provider {a.llm!r}; available: offline, openai")


def status(settings) -> list[ProviderStatus]:
    """What is configured and reachable (a short HTTP check for OpenAI-compatible servers)."""
    out = [ProviderStatus("offline", True, "built in: no key, no network")]
    a = settings.agent
    if a.base_url:
        try:
            with urllib.request.urlopen(a.base_url.rstrip("/") + "/models", timeout=3) as resp:
                models = [m.get("id") for m in json.loads(resp.read()).get("data", [])]
            known = not a.model or a.model in models
            out.append(ProviderStatus("openai", known, f"{a.base_url}: {len(models)} model(s)"
                                      + ("" if known else f"; {a.model!r} is not one of them")))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            out.append(ProviderStatus("openai", False, f"cannot reach {a.base_url}: {getattr(exc, 'reason', exc)}"))
    elif settings.openai_api_key is not None:
        out.append(ProviderStatus("openai", True, "api.openai.com with OPENAI_API_KEY"))
    else:
        out.append(ProviderStatus("openai", False, "set --base-url (Ollama, vLLM, ...) or OPENAI_API_KEY"))
    out.append(ProviderStatus("gemini", False, "not built yet"))
    out.append(ProviderStatus("local", False, "not built yet"))
    return out


def explain_failure(exc: Exception, settings) -> str:
    """A model call failed: say what happened and what to do, in one or two sentences."""
    name = type(exc).__name__
    code = getattr(exc, "status_code", None)
    name = {429: "RateLimitError", 404: "NotFoundError", 401: "AuthenticationError",
            403: "PermissionDeniedError"}.get(code, "InternalServerError" if code and code >= 500 else name)
    a = settings.agent if settings is not None else None
    where = (a.base_url or "the provider") if a else "the provider"
    if name in ("APIConnectionError", "OpenAIConnectionError") or isinstance(exc, ConnectionError):
        return f"I cannot reach the model server at {where}. Is it running (e.g. `ollama serve`)?"
    if name in ("APITimeoutError", "OpenAITimeoutError") or isinstance(exc, TimeoutError):
        return f"The model did not answer within {a.timeout_s:g} s. Try again or raise agent.timeout_s."
    if name == "RateLimitError":
        return f"The model server is rate limiting (HTTP 429) even after {a.retries} retries. Wait and try again."
    if name == "NotFoundError":
        return f"The server does not know the model {a.model!r}. See `cadagent llm list`."
    if name in ("AuthenticationError", "PermissionDeniedError"):
        return "The API key was refused. Check OPENAI_API_KEY (or CADAGENT_OPENAI_API_KEY)."
    if name == "InternalServerError":
        return f"The model server failed (HTTP 5xx) after {a.retries} retries: {exc}"
    return f"The model call failed ({name}: {str(exc)[:200]})."
