"""The explain node: a CAD JSON file explained step by step and built, or the current design shown."""

from __future__ import annotations

import json
from pathlib import Path

from langgraph.runtime import Runtime

from ..intent import json_path
from ..model_calls import text_of
from ..prompting import explain_messages
from ..state import current_entry
from .common import Deps, patch, turn


def explain(state, runtime: Runtime[Deps]):
    from cadagent.tools.cadjson import build, load_document
    from cadagent.tools.cadjson.explain import explain as explain_doc

    deps = runtime.context
    t = turn(state)
    uploaded = t.get("attachment") or t.get("explain_path")
    source = uploaded or json_path(t.get("request", ""))
    if not source:
        cur = current_entry(state)
        if cur is None:
            return patch(answer="There is nothing to explain yet: attach a CAD JSON file or design a part first.",
                         check={"ok": False})
        return patch(answer=f"The current design (v{cur['version']}): {cur['summary']}. Its script:\n```python\n"
                            f"{cur['code']}```", check={"ok": False, "answered": True})
    shown = Path(source).name if uploaded else source  # an upload's server path stays private
    if not Path(source).exists():
        return patch(answer=f"I cannot find {shown}. Give the path of a CAD JSON file.", check={"ok": False})
    doc, problems, fmt = load_document(Path(source))
    if doc is None:
        listed = "\n".join(f"- {p}" for p in problems if p.severity == "error").replace(str(source), shown)
        return patch(answer=f"{shown} is not a valid CAD JSON document:\n{listed}", check={"ok": False})
    script, res = build(doc, deps.sandbox)
    explanation = explain_doc(doc, res.report if res.ok else None)
    text = explanation.text("steps")
    if deps.provider.explains:
        text = _model_explanation(deps, t.get("request", ""), explanation, Path(source))
    if not res.ok:
        return patch(answer=text + f"\n(The part could not be built: {res.error})", check={"ok": False})
    return patch(answer=text, code=script, exec=res.to_dict(), check={"ok": res.valid_solid, "problems": [],
                                                                       "error": None},
                 title=f"CAD JSON {Path(source).name}")


def _model_explanation(deps: Deps, request: str, explanation, source: Path) -> str:
    """The model's explanation (the explain adapter) from the document and the measured summary,
    then our grounded step-by-step explanation. A failed or empty answer leaves ours alone."""
    facts = explanation.text("steps")
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
        prompt = explain_messages(request, explanation.summary, raw if isinstance(raw, dict) else {})
        reply, _ = deps.caller.ask(prompt, "explain")
        words = text_of(reply.content).strip()
    except Exception:  # noqa: BLE001 - the grounded explanation stands on its own
        words = ""
    return f"{words}\n\nChecked against the built part:\n{facts}" if words else facts
