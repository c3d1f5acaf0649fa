"""The agent's tools as LangChain tools (typed, docstrings as descriptions).

The graph's nodes call them through ``.invoke``; a provider with native tool calling can be
given the read-only ones (``search_knowledge``, ``check_size``) later.
"""

from __future__ import annotations

from langchain_core.tools import StructuredTool


def size_problems(plan: dict, size: list[float]) -> list[str]:
    """The measured bbox (any axis order) against the plan's extents and must-have sizes."""
    measured = sorted(size)
    problems = []
    extents = plan.get("extents") or []

    def tol(v: float) -> float:
        return max(0.5, 0.01 * v)

    if extents and any(abs(a - b) > tol(b) for a, b in zip(measured, extents)):
        problems.append("bbox is " + " x ".join(f"{v:.1f}" for v in measured) + " mm (sorted), the plan asked for "
                        + " x ".join(f"{v:g}" for v in extents) + " mm")
    for want in plan.get("must_have") or []:
        if not any(abs(v - want) <= tol(want) for v in measured):
            problems.append(f"no extent of {want:g} mm; measured " + " x ".join(f"{v:.1f}" for v in measured) + " mm")
    return problems


def make_tools(sandbox, kb) -> dict[str, StructuredTool]:
    def run_cadquery(code: str) -> dict:
        """Run a CadQuery script (final part in `result`) in the sandbox; export STEP/STL/GLB and measure it.
        Returns ok, error {type, message, line, hint}, report (bbox, volume, validity) and artifact paths."""
        return sandbox.run_script(code).to_dict()

    def search_knowledge(query: str, k: int = 4, kind: str = "example") -> list[dict]:
        """Search the knowledge base: kind 'example' (worked CadQuery scripts), 'doc' (notes) or 'error_fix'."""
        if kb is None:
            return []
        return [{"id": h.id, "kind": h.kind, "title": h.title, "score": h.score, "family": h.family,
                 "body": h.body, "meta": h.meta, "source": h.source}
                for h in kb.search(query, k=k, kinds=(kind,))]

    def check_size(size: list[float], plan: dict) -> list[str]:
        """Compare a measured bbox (mm) with the plan's requested extents; returns the problems (none = ok)."""
        return size_problems(plan, size)

    return {f.__name__: StructuredTool.from_function(f) for f in (run_cadquery, search_knowledge, check_size)}
