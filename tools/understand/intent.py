"""A routing hint from the parsers: does this text read as a new part, or as a change that applies to
the current part's spec? For the agent's router (it decides; this only says what the words support)."""

from __future__ import annotations

import re

from .edits import apply_edit
from .request import RESTART, understand

NEW_CUES = re.compile(r"\b(start over|start again|from scratch|new part|another part|scrap (?:that|it|this)|"
                      r"forget (?:it|that|the \w+)|instead make|make (?:me )?(?:a|an) new)\b", re.I)
# words that announce another part in the same conversation ('next part: 30mm cube', 'part 2: ...', 'one more:
# a 25mm sphere', 'the mating part is a ...', 'I also need a washer ...'); a new part only when what follows
# names a part with its sizes (the router checks that)
ANOTHER_PART = re.compile(r"\b(?:(?:next|second|2nd|third|3rd|fourth|4th|another|different|separate|new|other|last|final)"
                          r"\s+(?:part|piece|component|item|bit|design|thing)s?|part\s*(?:no\.?\s*|#\s*)?\d+\b|"
                          r"\b(?:different|separate|new|next)\s+(?:one|job)\b|one more\b|mov(?:e|ing) on\b|next up|next one|mating part|(?:i|we)(?:'ll| will)?\s+(?:also\s+)?"
                          r"(?:need|want|require)\s+(?:a|an|some)\b|(?:also|and)\s+(?:need|want)\s+(?:a|an)\b|"
                          r"(?:let'?s|lets)\s+do\s+(?:a|an|the)\b|now\s+(?:do|make|model|draw|design)\s+(?:a|an|the)\b|"
                          r"(?:^|[.!:;,]\s*|\bnow\s+|\band\s+)the lid\b\s*(?:is|:|-|would be|will be|should be)?\s*(?:a|an)?\s*\d)",
                          re.I)


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
