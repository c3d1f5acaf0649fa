"""Gemini through ``langchain-google-genai`` (on Google's maintained ``google-genai`` SDK), with
explicit context caching of the large, stable prompt prefix.

The generate node sends the handbook (system prompt + CadQuery notes + one example per family,
see :func:`agent.prompting.handbook`) as the system message. This model puts that message (and
the bound tools, which the API wants beside it) in a ``cachedContents`` entry with a TTL, sends
only the rest of the conversation with ``cached_content=<name>``, re-creates the entry when it
has expired or the server no longer knows it, and skips caching below the API's minimum size.
"""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

from langchain_core.messages import BaseMessage, SystemMessage
from langchain_google_genai import ChatGoogleGenerativeAI
from pydantic import PrivateAttr

DEFAULT_MODEL = "gemini-2.5-flash"
CHARS_PER_TOKEN = 4  # the estimate used to skip caching small prefixes without an API call
EXPIRY_MARGIN_S = 30  # re-create a little before the server would drop the entry


class CachedGemini(ChatGoogleGenerativeAI):
    """``ChatGoogleGenerativeAI`` that caches the system prefix (and tools) with a TTL."""

    cache_ttl_s: int = 3600
    cache_min_tokens: int = 1024
    _caches: dict = PrivateAttr(default_factory=dict)    # key -> (name, expires_at)
    _too_small: set = PrivateAttr(default_factory=set)
    _stats: dict = PrivateAttr(default_factory=lambda: {"created": 0, "reused": 0, "skipped": 0,
                                                        "expired": 0, "failed": 0})

    @property
    def cache_stats(self) -> dict:
        return dict(self._stats)

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any):
        system = [m for m in messages if isinstance(m, SystemMessage)]
        if not system or kwargs.get("cached_content") or self.cached_content:
            return super()._generate(messages, stop, run_manager, **kwargs)
        text = "\n\n".join(str(m.content) for m in system)
        tools = kwargs.get("tools")
        key = hashlib.sha256(json.dumps([self.model, text, tools], sort_keys=True, default=str)
                             .encode()).hexdigest()
        if len(text) // CHARS_PER_TOKEN < self.cache_min_tokens or key in self._too_small:
            self._stats["skipped"] += 1
            return super()._generate(messages, stop, run_manager, **kwargs)
        rest = [m for m in messages if not isinstance(m, SystemMessage)]
        call_kwargs = {k: v for k, v in kwargs.items() if k not in ("tools", "tool_choice", "tool_config")}
        for attempt in range(2):
            name = self._cache_name(key, text, tools, kwargs.get("tool_choice"))
            if name is None:
                return super()._generate(messages, stop, run_manager, **kwargs)
            try:
                return super()._generate(rest, stop, run_manager, cached_content=name, **call_kwargs)
            except Exception as exc:  # noqa: BLE001 - only a vanished cache is retried here
                if attempt == 0 and _cache_gone(exc):
                    self._caches.pop(key, None)
                    self._stats["expired"] += 1
                    continue
                raise
        raise AssertionError("unreachable")

    def _cache_name(self, key: str, text: str, tools, tool_choice) -> str | None:
        """The live cache entry for this prefix, created (or re-created after its TTL) when needed;
        None when the API says the prefix is too small or caching failed (the call goes uncached)."""
        from google.genai import errors, types

        name, expires = self._caches.get(key, (None, 0.0))
        if name and time.time() < expires:
            self._stats["reused"] += 1
            return name
        if name:
            self._stats["expired"] += 1
        formatted = self._format_tools(tools) if tools else None
        config = types.CreateCachedContentConfig(
            display_name="cadagent-handbook", system_instruction=text, ttl=f"{self.cache_ttl_s}s", tools=formatted,
            tool_config=self._process_tool_config(tool_choice, None, formatted) if formatted and tool_choice else None)
        try:
            cache = self.client.caches.create(model=self.model, config=config)
        except errors.APIError as exc:
            if exc.code == 400 and "small" in str(exc).lower():
                self._too_small.add(key)
                self._stats["skipped"] += 1
            else:
                self._stats["failed"] += 1
            return None
        self._caches[key] = (cache.name, time.time() + self.cache_ttl_s - EXPIRY_MARGIN_S)
        self._stats["created"] += 1
        return cache.name


def _cache_gone(exc: Exception) -> bool:
    """The server no longer has the cache entry (expired early or deleted)."""
    text = f"{exc} {exc.__cause__}".lower()
    code = getattr(exc.__cause__, "code", None) or getattr(exc, "code", None)
    return "cache" in text and (code in (403, 404) or "not found" in text or "expired" in text)


def build(settings) -> CachedGemini:
    a = settings.agent
    key = settings.google_api_key.get_secret_value() if settings.google_api_key else None
    return CachedGemini(model=a.model or DEFAULT_MODEL, google_api_key=key, base_url=a.base_url,
                        temperature=a.temperature, max_output_tokens=a.max_tokens, timeout=a.timeout_s,
                        max_retries=a.retries + 1, cache_ttl_s=a.cache_ttl_s,
                        cache_min_tokens=a.cache_min_tokens)
