"""Shared by the reading tests: the spec a request reads as, asserted whole (a spec, nothing missing); the spec after
edits, each asserted applied whole; a spec's measured volume."""

from __future__ import annotations

from cadagent.tools.understand import apply_edit, understand


def spec_of(text: str) -> dict:
    """The request's spec; fails with the reader's own explanation when it declines or leaves a size unread."""
    u = understand(text)
    assert u.spec is not None and not u.missing, u.explain()
    return u.spec


def edited(text: str, *edits: str) -> dict:
    """The request's spec after each edit, every one applied whole (fails with the editor's explanation)."""
    spec = spec_of(text)
    for e in edits:
        r = apply_edit(e, spec)
        assert r.spec is not None and not r.failed, r.explain()
        spec = r.spec
    return spec


def volume_of(sandbox, spec: dict) -> float:
    """The spec built in the sandbox and measured."""
    from cadagent.tools.part.pipeline import build

    b = build(spec, sandbox, exports=())
    assert b.ok, b.summary()
    return b.result.report.volume
