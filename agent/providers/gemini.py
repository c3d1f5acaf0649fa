"""Google Gemini, with context caching of the handbook prefix (see agent.gemini)."""

from __future__ import annotations

import urllib.error
from dataclasses import dataclass

from .base import Provider, ProviderError, ProviderStatus, get_json

GEMINI_URL = "https://generativelanguage.googleapis.com"


@dataclass(frozen=True)
class Gemini(Provider):
    def build(self, settings):
        if settings.google_api_key is None:
            raise ProviderError(f"the gemini provider needs an API key: set {self.key_vars}")
        from .. import gemini

        return gemini.build(settings)

    def status(self, settings) -> ProviderStatus:
        from ..gemini import DEFAULT_MODEL

        if settings.google_api_key is None:
            return ProviderStatus(self.name, False, f"set {self.key_vars}")
        a = settings.agent
        base = (a.base_url if a.llm == "gemini" and a.base_url else GEMINI_URL).rstrip("/")
        model = (a.model if a.llm == "gemini" and a.model else DEFAULT_MODEL).removeprefix("models/")
        try:
            data = get_json(f"{base}/v1beta/models?pageSize=1000",
                            {"x-goog-api-key": settings.google_api_key.get_secret_value()})
        except urllib.error.HTTPError as exc:
            return ProviderStatus(self.name, False, f"{base} refused the key (HTTP {exc.code})"
                                  if exc.code in (400, 401, 403) else f"{base}: HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return ProviderStatus(self.name, False, f"cannot reach {base}: {getattr(exc, 'reason', exc)}")
        names = [m.get("name", "").removeprefix("models/") for m in data.get("models", [])]
        known = model in names
        return ProviderStatus(self.name, known, f"{model}" + (" available" if known else f" is not among the "
                                                               f"{len(names)} models this key can use"))


PROVIDER = Gemini(name="gemini", label="Google Gemini", order=20,
                  key_vars="GOOGLE_API_KEY or GEMINI_API_KEY (or CADAGENT_GOOGLE_API_KEY)", tools=True,
                  caches_prefix=True, spec_output="json_schema")
