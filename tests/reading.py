"""Shared by the reading tests: the spec a request reads as, asserted whole (a spec, nothing missing)."""

from __future__ import annotations

from cadagent.tools.understand import understand


def spec_of(text: str) -> dict:
    """The request's spec; fails with the reader's own explanation when it declines or leaves a size unread."""
    u = understand(text)
    assert u.spec is not None and not u.missing, u.explain()
    return u.spec
