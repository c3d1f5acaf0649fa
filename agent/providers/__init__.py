"""The LLM node's providers: one seam returning a LangChain chat model per name.

``offline`` (the built-in engine), ``openai`` (any OpenAI-compatible server: Ollama, vLLM,
llama.cpp server, LM Studio, OpenAI itself, through ``langchain-openai``), ``gemini`` (through
``langchain-google-genai`` with context caching, see :mod:`agent.gemini`) and ``local``
(transformers + peft LoRA adapters, see :mod:`agent.local_llm`).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

NAMES = ("offline", "openai", "gemini", "local")
GEMINI_URL = "https://generativelanguage.googleapis.com"
KEY_VARS = {"openai": "OPENAI_API_KEY (or CADAGENT_OPENAI_API_KEY)",
            "gemini": "GOOGLE_API_KEY or GEMINI_API_KEY (or CADAGENT_GOOGLE_API_KEY)"}


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
    if a.llm == "gemini":
        if settings.google_api_key is None:
            raise ProviderError(f"the gemini provider needs an API key: set {KEY_VARS['gemini']}")
        from . import gemini

        return gemini.build(settings)
    if a.llm == "local":
        from . import local_llm

        return local_llm.build(settings)
    raise ProviderError(f"unknown LLM provider {a.llm!r}; available: {', '.join(NAMES)}")


def uses_tools(settings) -> bool:
    """Whether the generate node offers the read-only tools natively to this provider."""
    mode = settings.agent.tool_calling
    return mode == "on" or (mode == "auto" and settings.agent.llm in ("openai", "gemini"))


def compact_prompts(settings) -> bool:
    """Whether the generate node sends the compact prompt (fine-tuned local models are trained on it)."""
    style = settings.agent.prompt_style
    return style == "compact" or (style == "auto" and settings.agent.llm == "local")


def caches_prefix(settings) -> bool:
    """Whether the provider caches a large stable system prefix (then the handbook is sent)."""
    return settings.agent.llm == "gemini"


def _get_json(url: str, headers: dict | None = None, timeout: float = 3) -> dict:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def status(settings) -> list[ProviderStatus]:
    """What is configured and reachable (short HTTP checks; nothing is loaded)."""
    a = settings.agent
    out = [ProviderStatus("offline", True, "built in: no key, no network")]
    openai_url = a.base_url if a.llm in ("openai", "offline") else None
    if openai_url:
        try:
            models = [m.get("id") for m in _get_json(openai_url.rstrip("/") + "/models").get("data", [])]
            known = not a.model or a.model in models
            out.append(ProviderStatus("openai", known, f"{openai_url}: {len(models)} model(s)"
                                      + ("" if known else f"; {a.model!r} is not one of them")))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            out.append(ProviderStatus("openai", False, f"cannot reach {openai_url}: {getattr(exc, 'reason', exc)}"))
    elif settings.openai_api_key is not None:
        out.append(ProviderStatus("openai", True, "api.openai.com with OPENAI_API_KEY"))
    else:
        out.append(ProviderStatus("openai", False, "set --base-url (Ollama, vLLM, ...) or OPENAI_API_KEY"))
    out.append(_gemini_status(settings))
    out.append(_local_status(settings))
    return out


def _gemini_status(settings) -> ProviderStatus:
    from .gemini import DEFAULT_MODEL

    if settings.google_api_key is None:
        return ProviderStatus("gemini", False, f"set {KEY_VARS['gemini']}")
    a = settings.agent
    base = (a.base_url if a.llm == "gemini" and a.base_url else GEMINI_URL).rstrip("/")
    model = (a.model if a.llm == "gemini" and a.model else DEFAULT_MODEL).removeprefix("models/")
    try:
        data = _get_json(f"{base}/v1beta/models?pageSize=1000",
                         {"x-goog-api-key": settings.google_api_key.get_secret_value()})
    except urllib.error.HTTPError as exc:
        return ProviderStatus("gemini", False, f"{base} refused the key (HTTP {exc.code})"
                              if exc.code in (400, 401, 403) else f"{base}: HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return ProviderStatus("gemini", False, f"cannot reach {base}: {getattr(exc, 'reason', exc)}")
    names = [m.get("name", "").removeprefix("models/") for m in data.get("models", [])]
    known = model in names
    return ProviderStatus("gemini", known, f"{model}" + (" available" if known else f" is not among the "
                                                          f"{len(names)} models this key can use"))


def _local_status(settings) -> ProviderStatus:
    a = settings.agent
    if a.llm != "local" or not a.model:
        return ProviderStatus("local", False, "set --model ./folder (a transformers model saved locally)")
    from .local_llm import check_folders

    try:
        check_folders(a.model, a.adapters)
    except ProviderError as exc:
        return ProviderStatus("local", False, str(exc))
    adapters = ", ".join(f"{k}={v}" for k, v in a.adapters.items()) or "no adapters"
    return ProviderStatus("local", True, f"{a.model} ({adapters})")


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
        return f"The API key was refused. Check {KEY_VARS.get(llm, 'the API key')}."
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
