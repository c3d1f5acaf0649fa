"""Understanding plain requests and edits offline: words → part specs (``tools.part``).

    from cadagent.tools.understand import understand, apply_edit
    u = understand('plate 100x60x8, a 4.5 mm hole in each corner (8 mm inset)')
    u.spec          # the best candidate part spec (a dict), or None with u.missing saying why
    u.explain()     # "Assumed: ...; Not understood: 'foo'."
    r = apply_edit("10 mm longer and chamfer the top edges 1 mm", u.spec)
    r.spec, r.done  # the new spec (validated by tools.part.ops), what changed

The vocabulary (shape nouns, feature words, size keywords, typos, defaults) is data:
``vocab.yaml`` and ``roles.yaml`` here. Numbers and units go through ``numbers`` (pint).
"""

import re

from .edits import EditResult
from .edits import apply_edit as _apply_edit
from .intent import intent_hint
from .request import Candidate, Understanding, understand

_RESIZE = re.compile(r"\d|\b(?:long|wide|tall|high|thick|deep|length|width|height|bigger|smaller|larger|longer|"
                     r"shorter|wider|narrower|taller|thicker|thinner|double|half|halve|scale|step)\w*\b", re.I)


def apply_edit(text: str, spec) -> EditResult:
    """``edits.apply_edit`` (see there), except where the spec cannot carry the change's meaning: a stepped block is
    a block with its higher step standing on it as a pad, so a new size would move the step off its end or leave it
    narrower than the block; such a change is declined, asking for the block again."""
    data = spec if isinstance(spec, dict) else spec.model_dump(mode="json", exclude_none=True)
    stepped = any(f.get("kind") == "boss" and str(f.get("id", "")).startswith("step") for f in data.get("features", []))
    if stepped and _RESIZE.search(text):
        return EditResult(None, failed=["a stepped block's sizes are not changed one by one offline (its step would no "
                                        "longer sit at its end): describe the whole block again with the new sizes"])
    return _apply_edit(text, spec)

__all__ = ["Candidate", "EditResult", "Understanding", "apply_edit", "intent_hint", "understand"]
