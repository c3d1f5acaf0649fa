"""The LLM node's providers: a registry with one object per provider, one file each.

``offline`` (the built-in engine), ``openai`` (any OpenAI-compatible server: Ollama, vLLM,
llama.cpp server, LM Studio, OpenAI itself), ``gemini`` (with context caching) and ``local``
(transformers + peft LoRA adapters). Adding a provider is one new module in this package that
defines ``PROVIDER`` (a :class:`~.base.Provider`): ``cadagent llm list``, the UI's selector, the
eval runner and the agent read :func:`registry`.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import time
import urllib.error
import urllib.request
from functools import cache

from .base import Provider, ProviderError, ProviderStatus



@cache
def registry() -> dict[str, Provider]:
    """Every provider module of this package, by name, in the order of their ``order``."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        provider = getattr(module, "PROVIDER", None)
        if isinstance(provider, Provider):
            found.append(provider)
    return {p.name: p for p in sorted(found, key=lambda p: (p.order, p.name))}


def names() -> tuple[str, ...]:
    return tuple(registry())


def get(name: str) -> Provider:
    try:
        return registry()[name]
    except KeyError:
        raise ProviderError(f"unknown LLM provider {name!r}; available: {', '.join(names())}") from None


def chat_model(settings):
    """The chat model the agent settings ask for (a misconfiguration says which setting to fix)."""
    return get(settings.agent.llm).build(settings)


def uses_tools(settings) -> bool:
    """Whether the generate node offers the read-only tools natively to this provider."""
    mode = settings.agent.tool_calling
    return mode == "on" or (mode == "auto" and get(settings.agent.llm).tools)


def compact_prompts(settings) -> bool:
    """Whether the generate node sends the compact prompt (fine-tuned local models are trained on it)."""
    style = settings.agent.prompt_style
    return style == "compact" or (style == "auto" and get(settings.agent.llm).prompt_style == "compact")


def decides_intent(settings) -> bool:
    """Whether the route node asks the model for a structured intent decision."""
    mode = settings.agent.model_routing
    return mode == "on" or (mode == "auto" and get(settings.agent.llm).decides_intent)


def spec_candidates(settings, llm=None) -> str:
    """How the design step gets part-spec candidates beside the free code (``agent.spec_candidates``):
    "structured" (gemini, openai: one spec call + one repair per attempt), "ensemble" (local: N
    constrained specs + the parser's readings, ranked by the checks) or "" (none; the offline engine
    has its own spec path). auto: on for gemini and api.openai.com, off for other OpenAI-compatible
    servers (support for json_schema varies), on for the local model when a ``spec`` adapter is
    loaded (the bare base writes few usable specs)."""
    mode = settings.agent.spec_candidates
    provider = get(settings.agent.llm)
    kind = provider.spec_output
    if mode == "off" or not kind:
        return ""
    if kind == "constrained":
        if getattr(llm, "spec_writer", None) is None:
            return ""
        return "ensemble" if mode == "on" or "spec" in (getattr(llm, "loaded_adapters", None) or []) else ""
    return "structured" if mode == "on" or provider.writes_specs(settings) else ""


def caches_prefix(settings) -> bool:
    """Whether the provider caches a large stable system prefix (then the handbook is sent)."""
    return get(settings.agent.llm).caches_prefix


def _get_json(url: str, headers: dict | None = None, timeout: float = 3) -> dict:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def status(settings) -> list[ProviderStatus]:
    """What is configured and reachable, per provider (short HTTP checks; nothing is loaded)."""
    return [p.status(settings) for p in registry().values()]


def check(settings) -> dict:
    """Build the configured provider and send it one tiny prompt: what answered, how fast, or why not."""
    from langchain_core.messages import HumanMessage

    t0 = time.perf_counter()
    try:
        llm = chat_model(settings)
        loaded = time.perf_counter() - t0
        reply = llm.invoke([HumanMessage(content="Reply with the single word: ready")])
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return {"provider": settings.agent.llm, "ok": False, "error": explain_failure(exc, settings)}
    return {"provider": settings.agent.llm, "ok": bool(str(reply.content).strip()), "load_s": round(loaded, 3),
            "answer_s": round(time.perf_counter() - t0 - loaded, 3), "answer": str(reply.content)[:200],
            "usage": getattr(reply, "usage_metadata", None) or {}}


def status_code(exc: BaseException) -> int | None:
    """The HTTP status behind an exception, looking through its causes (SDKs wrap each other)."""
    seen = 0
    while exc is not None and seen < 5:
        for attr in ("status_code", "code"):
            value = getattr(exc, attr, None)
            if isinstance(value, int) and 100 <= value < 600:
                return value
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def explain_failure(exc: Exception, settings) -> str:
    """A model call failed: say what happened and what to do, in one or two sentences."""
    if isinstance(exc, ProviderError):
        return str(exc)
    name = type(exc).__name__
    code = status_code(exc)
    text = str(exc)
    a = settings.agent if settings is not None else None
    llm = a.llm if a else "the provider"
    if code == 400 and "api key" in text.lower():
        code = 401  # Gemini answers a bad key with 400 INVALID_ARGUMENT "API key not valid"
    kind = {429: "rate", 404: "model", 401: "auth", 403: "auth"}.get(code, "server" if code and code >= 500 else None)
    if kind is None:
        low = name.lower()
        kind = ("connection" if "connection" in low or isinstance(exc, ConnectionError) else
                "timeout" if "timeout" in low or isinstance(exc, TimeoutError) else
                "rate" if "ratelimit" in low else "auth" if "authentication" in low or "permission" in low
                else "model" if "notfound" in low else "other")
    where = (a.base_url or ("the Gemini API" if llm == "gemini" else "the provider")) if a else "the provider"
    if kind in ("connection", "other") and _truncated(exc):
        return (f"The model server at {where} answered, but closed the connection before the answer was complete "
                "(a truncated HTTP body). It is running; it may have crashed or restarted mid-answer, or a proxy "
                "cut it off. Check the server's log, then try again.")
    if kind == "connection":
        return f"I cannot reach the model server at {where}. Is it running (e.g. `ollama serve`)?"
    if kind == "timeout":
        return f"The model did not answer within {a.timeout_s:g} s. Try again or raise agent.timeout_s."
    if kind == "rate":
        return f"The model server is rate limiting (HTTP 429) even after {a.retries} retries. Wait and try again."
    if kind == "model":
        return f"The server does not know the model {a.model!r}. See `cadagent llm list`."
    if kind == "auth":
        return f"The API key was refused. Check {(registry()[llm].key_vars if llm in registry() else '') or 'the API key'}."
    if kind == "server":
        return f"The model server failed (HTTP {code}) after {a.retries} retries: {text[:200]}"
    return f"The model call failed ({name}: {text[:200]})."


_TRUNCATED = ("without sending complete message body", "incomplete chunked read", "incompleteread",
              "response ended prematurely", "connection broken: incompleteread")


def _truncated(exc: BaseException) -> bool:
    """Whether a failed call got a response whose body was cut short (through the SDKs' wrappers)."""
    seen = 0
    while exc is not None and seen < 6:
        name = type(exc).__name__
        if name in ("IncompleteRead", "ChunkedEncodingError") or \
                any(w in str(exc).lower() for w in _TRUNCATED):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
