"""A routing hint from the parsers: does this text read as a new part, or as a change that applies to
the current part's spec? For the agent's router (it decides; this only says what the words support)."""

from __future__ import annotations

import re

from .edits import apply_edit
from .request import RESTART, understand

NEW_CUES = re.compile(r"\b(start over|start again|from scratch|new part|another part|scrap (?:that|it|this)|"
                      r"forget (?:it|that|the \w+)|instead make|make (?:me )?(?:a|an) new)\b", re.I)


def intent_hint(text: str, current_spec: dict | None) -> str | None:
    """"new_design" when the words name a whole part (a shape and its sizes) or say to start over;
    "modify" when they apply as an edit to ``current_spec`` and name no new part; None when neither."""
    u = understand(text)
    whole_part = u.spec is not None and u.body is not None and not u.missing
    if current_spec is None:
        return "new_design" if u.spec is not None else None
    if NEW_CUES.search(text) or (whole_part and RESTART.search(text.lower())):
        return "new_design"
    if whole_part:
        return "new_design"
    if apply_edit(text, current_spec).spec is not None:
        return "modify"
    return None
