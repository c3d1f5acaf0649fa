"""The built-in offline engine: no key, no network, deterministic (see agent.offline)."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Provider, ProviderStatus


@dataclass(frozen=True)
class Offline(Provider):
    def build(self, settings):
        from ..offline.engine import OfflineChatModel

        return OfflineChatModel()

    def status(self, settings) -> ProviderStatus:
        return ProviderStatus(self.name, True, "built in: no key, no network")


PROVIDER = Offline(name="offline", label="offline engine (built in)", order=0,
                   decides_intent=False, explains=False)
