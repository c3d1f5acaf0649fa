"""Any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server, LM Studio, OpenAI itself)."""

from __future__ import annotations

import urllib.error
from dataclasses import dataclass

from .base import Provider, ProviderError, ProviderStatus, get_json


@dataclass(frozen=True)
class OpenAICompatible(Provider):
    def build(self, settings):
        from langchain_openai import ChatOpenAI

        a = settings.agent
        if not a.base_url and settings.openai_api_key is None:
            raise ProviderError("the openai provider needs a server: set --base-url (e.g. "
                                "http://localhost:11434/v1 for Ollama) or OPENAI_API_KEY for api.openai.com")
        if not a.model:
            raise ProviderError("the openai provider needs a model name: set --model (e.g. qwen2.5-coder:7b)")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        return ChatOpenAI(model=a.model, base_url=a.base_url, api_key=key, temperature=a.temperature,
                          max_tokens=a.max_tokens, timeout=a.timeout_s, max_retries=a.retries)

    def writes_specs(self, settings) -> bool:
        """auto: api.openai.com (structured outputs); a server of your own only when you say so
        (spec_candidates = "on"): support varies (llama.cpp's server answers json_schema with HTTP 500)."""
        return not settings.agent.base_url

    def status(self, settings) -> ProviderStatus:
        a = settings.agent
        url = a.base_url if a.llm in ("openai", "offline") else None
        if url:
            try:
                models = [m.get("id") for m in get_json(url.rstrip("/") + "/models").get("data", [])]
            except (urllib.error.URLError, OSError, ValueError) as exc:
                return ProviderStatus(self.name, False, f"cannot reach {url}: {getattr(exc, 'reason', exc)}")
            known = not a.model or a.model in models
            return ProviderStatus(self.name, known, f"{url}: {len(models)} model(s)"
                                  + ("" if known else f"; {a.model!r} is not one of them"))
        if settings.openai_api_key is not None:
            return ProviderStatus(self.name, True, "api.openai.com with OPENAI_API_KEY")
        return ProviderStatus(self.name, False, "set --base-url (Ollama, vLLM, ...) or OPENAI_API_KEY")


PROVIDER = OpenAICompatible(name="openai", label="OpenAI-compatible server (Ollama, vLLM, ...)", order=10,
                            key_vars="OPENAI_API_KEY (or CADAGENT_OPENAI_API_KEY)", tools=True, spec_output="json_schema")
