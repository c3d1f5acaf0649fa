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

from .edits import EditResult, apply_edit
from .intent import intent_hint
from .request import Candidate, Understanding, understand

__all__ = ["Candidate", "EditResult", "Understanding", "apply_edit", "intent_hint", "understand"]
