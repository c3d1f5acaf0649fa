"""What a message asks for: a new design, a change, an explanation, a question or an undo.

Two readers, one decision type (:class:`RouteDecision`):

- the **offline parser** (:func:`parse_intent`): patterns over the sentence. It is the offline
  engine's router, and the check and fallback for a model's decision. This module and
  :mod:`cadagent.agent.plan` are the only places that read user sentences with patterns.
- the **model**, when a provider that decides intent is configured (:func:`ask_model`): a
  structured decision (JSON Schema), checked by :func:`check_decision` against the thread.

Commands (restore, run code, explain a file, set parameters) never come here: their intent is
their type.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from . import from_text
from .plan import parse_edits, parse_request

Intent = Literal["new_design", "modify", "explain", "question", "undo"]
INTENTS = ("new_design", "modify", "explain", "question", "undo")


class RouteDecision(BaseModel):
    """The model's reading of one message (the JSON Schema it answers in)."""

    intent: Intent = Field(description="new_design: a new part; modify: change the current design; explain: "
                                       "explain a CAD JSON file or the current design; question: a question "
                                       "about the design that changes nothing; undo: go back to an earlier version")
    target_version: int | None = Field(None, description="undo: the version to go back to (None: the previous one)")
    sizes: dict[str, float] = Field(default_factory=dict, description="sizes the message gives, in mm, by role "
                                    "(length, width, height, thickness, diameter, hole_d, fillet, ...)")
    features: list[str] = Field(default_factory=list, description="features asked for (hole, fillet, chamfer, ...)")
    unclear: list[str] = Field(default_factory=list, description="parts of the message you could not interpret")


@dataclass
class Routed:
    intent: str
    decided_by: str                 # model | parser
    target: int | None = None
    note: str = ""                  # why the model's decision was not used / what it added
    decision: dict = field(default_factory=dict)


# -- the offline parser ------------------------------------------------------------------------
_UNDO = re.compile(r"^\s*(undo|revert|go back|back to|restore|roll ?back)\b(?!.*\b(fillets?|chamfers?|holes?|edges?)\b)"
                   r"|\b(go back to|restore|back to|revert to|roll ?back to)\s+(v(?:ersion)?\s*\d+|the (previous|last|"
                   r"earlier|original|first) (one|version|design))"
                   r"|^\s*(?:(?:put|change|set|turn|make) (?:it|that|them|those) back|(?:make it )?(?:the way|as|how) it was"
                   r"(?: before)?|like (?:it was )?before)(?:\s+(?:please|pls|again|the way it was|as it was|like before))*"
                   r"\s*[.!]*\s*$", re.I)
_EXPLAIN = re.compile(r"^\s*(please\s+)?(explain|what is this|what's this|walk me through|tell me what)\b", re.I)
_EXPLAIN_ANY = re.compile(r"\b(explain|what is this|what's this)\b", re.I)
_JSON_PATH = re.compile(r"(\S+\.json)\b")
_QUESTION = re.compile(r"^\s*(how|what|why|which|is|are|does|do|did|will|where|when)\b|\?\s*$", re.I)
_POLITE_REQUEST = re.compile(r"^\s*(can|could|would|will)\s+(you|we)\s+(please\s+)?(make|add|change|remove|put|cut|drill|get rid|"
                             r"round|fillet|chamfer|shell|move|set|give|increase|decrease|double|halve|"
                             r"design|create|build|model|draw)\b", re.I)
_CHANGE = re.compile(r"^\s*(please\s+)?(now\s+|then\s+|and\s+|also\s+|ok,?\s+|okay,?\s+)*(make|add|change|remove|delete|"
                     r"move|put|set|increase|decrease|reduce|enlarge|round|fillet|chamfer|shell|hollow|drill|cut|"
                     r"mirror|rotate|scale|use|double|halve|widen|lengthen|shorten|thicken|extend|bump|restore|"
                     r"give it|i want it|i'd like it|it should|can it|let's make|get rid)\b"
                     r"|^\s*(the|its|their|all)\s+\w+(\s+\w+)?\s+(should|must|needs? to)\b"
                     r"|\b(longer|shorter|wider|narrower|taller|thicker|thinner|bigger|smaller|deeper)\b", re.I)
_NEW = re.compile(r"^\s*(a(?!\s+(?:bit|little|touch|tad|lot|few mm|couple)\b)|an|new|another|instead,?\s+(?:a|an)|design|create|build|model|draw|make (?:me )?(?:a|an|another)|i need (?:a|an)|"
                  r"i want (?:a|an)|i'?d like (?:a|an)|i would like (?:a|an)|give me (?:a|an)|start over|from scratch)\b", re.I)
_DESCRIBE_NEW = re.compile(r"^\s*(describe|explain)\s+(a|an)\s+\w+.*\b(with|having)\b", re.I)


_INTERJECTION = re.compile(r"^\s*((perfect|great|cool|nice|thanks|thank you|ok|okay|hmm+|right|good|yes|yep|sure|"
                           r"awesome|now|then|and|also|so|alright|actually|oh|wait|nah|nope|oops|whoops|ugh|meh|"
                           r"scratch that|forget that|never ?mind|my bad|sorry|"
                           r"no(?=\s*[,.!;:-]))\b[\s,.!:;-]*)+", re.I)
# "thanks!", "great, looks good", "perfect, that works": an acknowledgement, nothing asked (no change, no new part)
ACKNOWLEDGES = re.compile(r"^\s*(?:(?:perfect|great|cool|nice|thanks|thank you|thx|ty|cheers|ok|okay|good|awesome|"
                          r"excellent|brilliant|lovely|sweet|neat|yes|yep|yeah|alright|wonderful|amazing|fantastic|"
                          r"(?:that|it|this)(?:'s|\s+is)?\s+(?:looks\s+|seems\s+)?(?:great|good|perfect|fine|right|it|"
                          r"what i (?:wanted|needed))|looks?\s+(?:really\s+)?(?:great|good|perfect|fine|right)|"
                          r"(?:that|it|this)\s+works|(?:nice|good|great)\s+(?:job|work|one)|well done|much better|"
                          r"spot on|just right|exactly|so much|a lot|very much|for (?:the|your) help|"
                          r"(?:looks|works|nice|great|good)|you|mate|man|buddy)[\s,.!:;)-]*)+(?:[:;]-?[)D])?\s*$", re.I)
# "bar should be 6 thick not 8", "plate 20 thick, counterbores stay 8 deep": the current part, said again
_RESTATES = re.compile(r"\b(should be|should now be|stays?|staying|keep(?:ing)?|instead of|not \d|rather than)\b", re.I)
_ASKS_SOMEONE = re.compile(r"^\s*(can|could|would|will)\s+(you|we)\s+(please\s+)?(?!tell|explain|show|describe|say|"
                           r"help me understand)\w+", re.I)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "Thanks, that looks great! Could you ...": praise before the message, no part of it
_PRAISE = re.compile(r"^\s*(?:(?:that|it|this)(?:'s|\s+is|\s+looks|\s+seems)?\s+(?:really\s+|very\s+|pretty\s+|so\s+)?(?:great|"
                     r"good|perfect|nice|awesome|fine|lovely|spot on|much better|better)|looks?\s+(?:really\s+)?(?:great|good|"
                     r"perfect|nice|fine|awesome)|(?:nice|good|great)\s+(?:job|work|one))\b[^.!?]{0,20}[.!]+\s*", re.I)
# "I think M5 holes would be better, can you change that?": a change asked after the words that say what it is
_ASKS_AFTER = re.compile(r"(?:[,.;!?]\s*|\s(?:and|so)\s+)(?:can|could|would|will)\s+(?:you|we)\s+(?:please\s+)?(?:change|do|"
                         r"make|update|fix|switch|swap|apply|adjust|use|go with)\b", re.I)
_SUGGESTS = re.compile(r"^\s*(?:what|how) about (?:a|an|some)\b", re.I)


def parse_intent(text: str, has_design: bool, attachment: str | None = None) -> Routed:
    """The offline reading of a message (deterministic)."""
    t = text.strip()
    if (attachment and attachment.lower().endswith(".json")) or \
            (_EXPLAIN_ANY.search(t) and _JSON_PATH.search(t)):
        return Routed("explain", "parser")
    if from_text.is_instructions(t):
        return Routed("new_design", "parser")  # precise construction steps: a new part through CAD JSON
    if _DESCRIBE_NEW.search(t) and not has_design:
        return Routed("new_design", "parser")
    core = t
    while True:       # "Perfect, and can you ..." reads as "can you ..."; "Nice work! Now a 30mm cube": "a 30mm cube"
        less = _INTERJECTION.sub("", _PRAISE.sub("", core, count=1) if _PRAISE.match(core) else core)
        if less == core or not less.strip():
            break
        core = less
    if ACKNOWLEDGES.match(t) and not _NUMBER.search(t):
        return Routed("question", "parser")   # "thanks!", "great, looks good": nothing to change or make; the answer says so
    if has_design and (_UNDO.search(t) or _UNDO.search(core)):
        m = re.search(r"v(?:ersion)?\s*(\d+)", t, re.I)
        return Routed("undo", "parser", target=int(m.group(1)) if m else None)
    if has_design and _EXPLAIN.search(core) and not _DESCRIBE_NEW.search(core):
        return Routed("explain", "parser")
    if not has_design:
        edits = parse_edits(core)
        if edits and not _NEW.search(core) and not parse_request(core).extents and not _mentions_a_part(core):
            return Routed("question", "parser")  # a change, but nothing to change yet: the question node says so
        if _a_change_to_nothing(core):
            return Routed("question", "parser")  # 'add a 6 mm hole in the middle' with no part: nothing to add it to
        if _QUESTION.search(core) and not _ASKS_SOMEONE.search(core) and not parse_request(core).dims and not (
                _SUGGESTS.search(core) and _mentions_a_part(core)) and not _reads_a_whole_part(core):
            return Routed("question", "parser")   # ("what about a 50 mm sphere?" with nothing yet: a part asked for)
        return Routed("new_design", "parser")
    # a design exists: a new part only when the message starts one; a question when it asks and
    # changes nothing; anything else changes the current design
    if _announces_another_part(t) or _announces_a_variant(t):
        return Routed("new_design", "parser")
    if _asks_new(core) or (_names_a_new_part(core) and not _RESTATES.search(core)):
        return Routed("new_design", "parser")
    if _body_nouns().search(core) and not _RESTATES.search(core) and not _CHANGE.search(core) and \
            _reads_a_whole_part(core):
        return Routed("new_design", "parser")     # "cube 30mm", "30mm cube please": a whole part, its one size said
    lead = _OFFERS_A_PART.match(core)
    if lead and _reads_a_whole_part(core[lead.end():]):
        # "can I get a washer 20 OD 8 ID 2 thick?", "how about a 40mm cube with a 10mm hole?", "next: tube 40 OD ...":
        # a whole part asked for, every size said (not a change to the one there)
        return Routed("new_design", "parser")
    nxt = _NEXT_PART.match(core)
    rest = core[nxt.end():] if nxt else ""
    lead3 = " ".join(rest.split()[:3])
    if nxt and (_body_nouns().search(lead3) or re.search(r"\b(?:bracket|mount|holder|adapter|clip|knob|handle|stand|"
                                                        r"jig|fixture)s?\b", lead3, re.I)) and not re.search(
            r"\b(?:it|this|that|them|these|those|the part)\b", rest, re.I):
        # "next: bracket 50x50x5", "let us do a spacer now, ...": another part announced (declined there when its
        # sizes are not all said), never the current part's sizes
        return Routed("new_design", "parser")
    if re.match(r"^\s*(?:why|how come)\b(?!\s+(?:not|don'?t|dont|wouldn'?t|can'?t|won'?t)\b)", core, re.I):
        return Routed("question", "parser")   # "why is the hole 6 mm?": a question about the part, not a change
    if _ASKS_SOMEONE.search(core) or _POLITE_REQUEST.search(core):
        return Routed("modify", "parser")
    if _ASKS_AFTER.search(core) and _changes_a_probe(_ASKS_AFTER.split(core)[0]):
        return Routed("modify", "parser")     # "I think M5 holes would be better, can you change that?"
    suggested = _SUGGESTS_CHANGE.match(core)
    if suggested and _changes_a_probe(core[suggested.end():].rstrip(" ?")):
        return Routed("modify", "parser")     # "how about a 2mm chamfer on the top edges?", "what about 60 long?"
    could = _COULD_BE.match(core)
    if could and _changes_a_probe(f"make {could.group(1)} {could.group(2)}".rstrip(" ?")):
        return Routed("modify", "parser")     # "could the holes be 6 mm instead?", "can the plate be 8 thick?"
    from cadagent.tools.understand.edits import said_as_change

    asked = said_as_change(core)
    if asked != core and _changes_a_probe(asked.rstrip(" ?")):
        return Routed("modify", "parser")     # "shouldn't the holes be 6mm?", "how thick is it? 8 would be better"
    if _QUESTION.search(core) and not parse_edits(core) and not _CHANGE.search(core):
        return Routed("question", "parser")
    return Routed("modify", "parser")


_COULD_BE = re.compile(r"^\s*(?:could|can|should|would|might|shall)\s+((?:the|it|its|they|them|this|that|these|those)\b"
                       r"(?:\s+[\w-]+){0,3}?)\s+(?:be|get)\s+(?:made\s+)?(.*\d.*)$", re.I)
_SUGGESTS_CHANGE = re.compile(r"^\s*(?:what|how) about\s+|^\s*why not\s+|^\s*maybe\s+|^\s*(?:is it|would it be|will it be) "
                              r"possible to\s+|^\s*(?:any|is there (?:any|a)) chance (?:of|to|you could)\s+|^\s*what if\s+(?:we\s+|you\s+)?|"
                              r"^\s*is there a way to\s+", re.I)     # "any chance of R5 on the corners?": a change asked


_NEXT_PART = re.compile(r"^\s*(?:(?:ok|okay|now|and|so)\W+)*(?:next(?:\s+(?:one|part|up|piece|thing))?\s*[:,-]|"
                        r"(?:let'?s|let us) (?:do|make|design|draw) (?:a|an)\b|(?:now|next) (?:do|make) (?:a|an)\b|"
                        r"(?:new|another|different|second|next) (?:part|piece|thing|design|one)\s*[:,-])", re.I)


def _changes_a_probe(text: str) -> bool:
    """Words that change one of the probe parts ('a 2mm chamfer on the top edges', '60 long')."""
    from cadagent.tools.understand import apply_edit

    if not text.strip():
        return False
    results = (apply_edit(text, p) for p in _PROBES)      # each probe edited once, stopping at the first that takes it
    return any(r.spec is not None and not r.failed for r in results)


_OFFERS_A_PART = re.compile(r"^\s*(?:(?:ok|okay|great|thanks|cool|nice|good)[,!.]?\s+)?(?:(?:and\s+)?(?:now\s+)?(?:can i (?:get|have)|"
                            r"could i (?:get|have)|how about|what about|could you (?:also )?(?:do|make)|can you (?:also )?(?:do|make)|"
                            r"would you (?:also )?(?:do|make)|i (?:also )?(?:want|need|'d like|would like)|why not|next(?:\s+one)?\s*[:,-]|next(?:\s+up)?|"
                            r"now\s*[:,-])\s+)(?!(?:it|this|that|the|them|those|its|these|one|some)\b)", re.I)


def _reads_a_whole_part(text: str) -> bool:
    """'any chance of a 25 mm sphere?': a part named with every size it needs, asked as a question, is a part
    asked for ('why is a 25 mm sphere ...' and 'how do I ...' stay questions)."""
    if re.match(r"^\s*(?:why|how come|how (?:do|does|can|should|would) (?:i|you|we|one))\b", text, re.I):
        return False
    from ..tools.understand import understand
    u = understand(text)
    return u.spec is not None and not u.missing and not u.unsupported and u.body is not None


def _announces_another_part(text: str) -> bool:
    """'next part: 30mm cube', 'Different question, I need a spacer 8 ID 14 OD 6 long': words that announce
    another part, followed by a part named with its sizes (never 'make the other hole 6')."""
    from cadagent.tools.understand.intent import ANOTHER_PART

    m = ANOTHER_PART.search(text)
    if not m or _REFERS_BACK.search(text) or re.search(r"\b(?:make|change|turn)\s+(?:it|this|that)\b", text, re.I):
        return False
    rest = text[m.start():]
    return _mentions_a_part(rest) and len(_NUMBER.findall(rest)) >= 1 and (
        _reads_a_whole_part(text[m.end():].lstrip(" :,-–—.")) or len(_NUMBER.findall(rest)) >= 2)


def _announces_a_variant(text: str) -> bool:
    """'also need a second one that's 12 x 12 cm, same thickness': another part announced, said as the current one
    with other sizes (never 'one more hole the same size', 'another one the same on the other side')."""
    from cadagent.tools.understand.derived import derived
    from cadagent.tools.understand.intent import ANOTHER_PART

    m = ANOTHER_PART.search(text)
    if not m or m.group(0).lower().startswith("one more") or re.match(
            r"\s*(?:[\w.]+\s+){0,2}?(?:holes?|slots?|pockets?|boss(?:es)?|fillets?|chamfers?|grooves?|keyways?|ribs?|"
            r"counterbores?|bores?)\b", text[m.end():], re.I):
        return False
    return derived(text) is not None


def _asks_new(text: str) -> bool:
    """A message that starts something new ('a 20 mm cube', 'make me a flange'), not 'make it ...'."""
    low = text.lower()
    if re.search(r"\b(make|change|turn)\s+(it|this|that|the\b)", low):
        return False
    first = re.match(r"\s*(?:(?:i|we)\s+(?:also\s+)?(?:need|want|'d like|would like)\s+|give me\s+|make me\s+|make\s+|"
                     r"(?:can|could) you (?:please )?(?:make|add|drill|cut|put)\s+)?"
                     r"(?:a|an|another|one more)\s+(?:(?:[\dø⌀.,/\"-]+\s*(?:mm|cm|in|inch|\"|x|by)?|m\d+|tapped|"
                     r"threaded|clearance|through|thru|blind|small|big|large|little|round|square|cent(?:er|re)|middle|"
                     r"counterbored|countersunk|deep|wide|long|dia|diameter)\s*)*(\w+)", low)
    if first:
        from cadagent.tools.understand.vocab import find

        if find("features", first.group(1)) and not _mentions_a_part(first.group(1)):
            return False        # "a 12 mm hole in the middle too": a feature for the part there, not a new part
    if re.match(r"\s*(?:and\s+|also\s+|plus\s+)?(?:another|one more)\s+(?:one|1)\b", low) and re.search(
            r"\b(?:other|opposite|far|near)\s+(?:side|end|edge|face|corner)s?\b|\bfrom the\b|\bnext to\b|\bbeside\b|"
            r"\b(?:left|right|either side) of\b|\bapart\b|\bin the (?:middle|cent(?:er|re))\b", low):
        return False      # "another one the same on the other side": a copy of the feature there, placed
    return bool(_NEW.search(text) or re.search(r"\b(new part|new design|another one|start over|from scratch)\b", low)
                or re.search(r"\b(make|design|create|build|model|draw)\s+(me\s+)?(a|an|another)\b", low))


@lru_cache(maxsize=1)
def _body_nouns_alternation() -> str:
    """The shape nouns of the understanding vocabulary (tools/understand/vocab.yaml), longest first."""
    from cadagent.tools.understand.vocab import vocab

    nouns = sorted({n for names in vocab()["bodies"].values() for n in names}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in nouns) + ")"


@lru_cache(maxsize=1)
def _body_nouns() -> re.Pattern:
    """A shape noun first, after its sizes ('100x60x5 plate', 'Ø40 disc')."""
    return re.compile(r"^\s*(?:[ø⌀]?\s*[\d.,/\"]+\s*(?:mm|cm|in|inch|inches|\")?\s*(?:dia\.?|diameter|od|long|wide|thick|tall|high|"
                      r"deep)?\s*(?:x|by)?\s*)*"
                      + _body_nouns_alternation() + r"\b", re.I)


@lru_cache(maxsize=1)
def _body_nouns_anywhere() -> re.Pattern:
    return re.compile(r"\b" + _body_nouns_alternation() + r"\b", re.I)


# parts an edit can be tried on: a change that applies to one of them and names no part of its own is a
# change, never a new part (after a first turn that made nothing, 'chamfer the top edges 1 mm' made a block)
_PROBES = (
    {"schema_version": "1.0", "name": "probe", "units": "mm", "body": {"kind": "box", "id": "block", "length": 100,
     "width": 60, "height": 30}, "features": []},
    {"schema_version": "1.0", "name": "probe", "units": "mm", "body": {"kind": "box", "id": "plate", "length": 100,
     "width": 60, "height": 10}, "features": [{"id": "holes", "kind": "hole", "size": 6, "at": {"kind": "center"}}]},
    {"schema_version": "1.0", "name": "probe", "units": "mm", "body": {"kind": "profile", "id": "angle", "shape": "L",
     "width": 50, "height": 50, "thickness": 5, "length": 40}, "features": []},
)
_NAMES_A_THING = re.compile(r"^\s*(?:(?:i need|i want|i'd like|make me|can you make|could you make|please make|design|"
                            r"model|draw|create|build)\s+)?(?:a|an|one|some)\s+(?!(?:\d|bit\b|little\b|few\b|couple\b))\w",
                            re.I)
_REFERS_BACK = re.compile(r"^\s*(?:(?:now|then|ok|and|also|just)\s+)?(?:make|set|change|turn|widen|thicken|shorten|lengthen|"
                          r"move|put|go to|bump|drop|cut|trim|increase|decrease|reduce|enlarge)\s+(?:the|it|that|this|"
                          r"those|them|its|all)\b", re.I)


def _a_change_to_nothing(text: str) -> bool:
    """With no part yet: words that change a part ('make the flange 100 dia', 'widen the slots to 10',
    'chamfer the top edges 1 mm') and give no whole part of their own."""
    from cadagent.tools.understand import apply_edit, understand

    if parse_request(text, spec_facts=False).extents or _NAMES_A_THING.match(text):
        return False          # "a cable comb 80 mm long with 10 slots": a thing named, however unknown
    u = understand(text)
    if u.body is not None or u.spec is not None and not u.notes:
        return False          # a shape named ('make the bracket from 3 mm plate, ...'): a new part, asked for
    if _REFERS_BACK.search(text):
        return True
    return any(apply_edit(text, p).spec is not None for p in _PROBES)


def _mentions_a_part(text: str) -> bool:
    """A shape noun anywhere ('spur gear, module 2, 30 teeth', 'hollow ball, 60 outside diameter'),
    common misspellings ('gaer') read as the vocabulary's typo table says."""
    from cadagent.tools.understand.vocab import vocab

    typos = vocab().get("typos") or {}
    words = " ".join(typos.get(w.lower(), w) for w in re.findall(r"[\w.-]+", text))
    return bool(_body_nouns_anywhere().search(words))


def _names_a_new_part(text: str) -> bool:
    """'cylinder 30 mm diameter 50 tall', '100x60x5 plate with 4 holes': a shape noun first, with its sizes."""
    return bool(_body_nouns().search(text)) and len(_NUMBER.findall(text)) >= 2


def json_path(text: str) -> str | None:
    m = _JSON_PATH.search(text)
    return m.group(1) if m else None


# -- the model's decision ----------------------------------------------------------------------
def ask_model(caller, text: str, versions: list[dict], current: int | None) -> tuple[RouteDecision | None, str, dict]:
    """(decision or None, why there is none, token usage). Structured output where the chat model
    supports it, else the same JSON Schema in the prompt, parsed and validated here."""
    from .model_calls import text_of
    from .prompting import route_messages

    messages = route_messages(text, versions, current, RouteDecision.model_json_schema())
    llm = caller.llm
    try:
        structured = llm.with_structured_output(RouteDecision, include_raw=True)
    except (NotImplementedError, AttributeError, ValueError):
        structured = None
    try:
        if structured is not None:
            out = structured.invoke(messages, config=caller.provider.call_config("route"))
            raw = out.get("raw")
            if out.get("parsed") is not None:
                return out["parsed"], "", getattr(raw, "usage_metadata", None) or {}
            if out.get("parsing_error") is None and raw is not None and not text_of(raw.content).strip():
                return None, _refusal(raw), {}
            content = text_of(getattr(raw, "content", "")) if raw is not None else ""
            if content.strip():
                return _parse(content)
            return None, f"its structured answer was not valid ({str(out.get('parsing_error'))[:160]})", {}
        reply = llm.invoke(messages, config=caller.provider.call_config("route"))
    except NotImplementedError:
        reply = llm.invoke(messages, config=caller.provider.call_config("route"))
    except Exception as exc:  # noqa: BLE001 - the parser reads the message instead; the event says why
        return None, f"the model call failed ({type(exc).__name__}: {str(exc)[:120]})", {}
    content = text_of(reply.content)
    if not content.strip():
        return None, _refusal(reply), {}
    decision, why, _ = _parse(content)
    return decision, why, getattr(reply, "usage_metadata", None) or {}


def _refusal(reply) -> str:
    reason = str((getattr(reply, "response_metadata", None) or {}).get("finish_reason") or "")
    return f"the model gave no decision{f' (finish reason {reason})' if reason else ''}"


_JSON_BLOCK = re.compile(r"\{.*\}", re.S)


def _parse(content: str) -> tuple[RouteDecision | None, str, dict]:
    m = _JSON_BLOCK.search(content)
    if not m:
        return None, "its answer was not JSON", {}
    try:
        return RouteDecision.model_validate(json.loads(m.group(0))), "", {}
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0:3]
        return None, f"its answer did not fit the schema ({' '.join(first)[:160]})", {}


def check_decision(decision: RouteDecision, text: str, versions: list[dict], current: int | None,
                   attachment: str | None) -> tuple[Routed | None, str]:
    """The model's decision if the thread allows it, else (None, why not)."""
    has_design = current is not None
    numbers = [v["version"] for v in versions]
    if decision.intent in ("modify", "question", "undo") and not has_design:
        return None, f"the model read '{decision.intent}', but there is no design yet"
    if decision.intent == "undo" and decision.target_version is not None and decision.target_version not in numbers:
        listed = ", ".join(f"v{n}" for n in numbers) or "none"
        return None, f"the model named v{decision.target_version}, which does not exist (versions: {listed})"
    if decision.intent == "explain" and not (has_design or attachment or json_path(text)):
        return None, "the model read 'explain', but there is no design or file to explain"
    notes = []
    if decision.unclear:
        notes.append("the model could not interpret: " + "; ".join(decision.unclear[:5]))
    return Routed(decision.intent, "model", target=decision.target_version, note="; ".join(notes),
                  decision=decision.model_dump()), ""


_EDIT_CUE = re.compile(r"\b(now|instead|too|also|as well|still|same|keep|keeping|stays?|longer|shorter|wider|narrower|"
                       r"taller|thicker|thinner|bigger|smaller|deeper)\b|[+-]\s*\d|\d\s*%", re.I)


def edit_of_current(text: str, parsed: Routed, current_spec: dict | None) -> Routed:
    """'plate 2mm thicker and the holes 1mm bigger', 'cylinder 60 dia, 40 tall instead': a shape noun first, yet a
    change the current part's spec takes (not a whole new part, or said as a change of the same part)."""
    if parsed.intent != "new_design" or not current_spec:
        return parsed
    core = _INTERJECTION.sub("", text) or text
    if _asks_new(core):
        return parsed
    from cadagent.tools.understand import apply_edit, understand
    from cadagent.tools.understand.intent import NEW_CUES

    if NEW_CUES.search(text) or _announces_another_part(text):
        return parsed
    u = understand(text)
    whole = u.spec is not None and u.body is not None and not u.missing
    family = {"tube": "cylinder", "rounded_rect": "box"}
    same = whole and family.get(u.spec["body"]["kind"], u.spec["body"]["kind"]) == family.get(
        (current_spec.get("body") or {}).get("kind"), (current_spec.get("body") or {}).get("kind"))
    if whole and not (same and _EDIT_CUE.search(core)):
        return parsed
    r = apply_edit(text, current_spec)
    if r.spec is None or r.failed:
        return parsed
    return Routed("modify", "parser", note="read as a change of the current part (it takes it)")


UNDO_NAMED = re.compile(r"^\W*(?:(?:ok|okay|hmm+|actually|no|nah)[,.!]?\s+)*(?:undo|revert|take back|reverse)\s+(?:the|that|"
                         r"those|these|my)\s+(?:last\s+|new\s+)?(fillets?|chamfers?|rounds?|bevels?|holes?|slots?|pockets?|"
                         r"counterbores?|countersinks?|boss(?:es)?|hubs?|keyways?|grooves?|shell)\b", re.I)


def _undo_of_the_last_change(text: str, parsed: Routed, versions: list[dict], current: int | None) -> Routed:
    """'undo the chamfer' right after the change that added it: an undo (the version before); after other changes it
    stays a change that removes the chamfer."""
    m = UNDO_NAMED.match(text)
    if parsed.intent != "modify" or not m or current is None:
        return parsed
    cur = next((v for v in versions if v.get("version") == current), None)
    said = ((cur or {}).get("said") or (cur or {}).get("request") or "").lower()
    noun = re.sub(r"(?:es|s)$", "", m.group(1).lower())
    if cur and cur.get("parent") is not None and re.search(rf"\b{re.escape(noun)}", said):
        return Routed("undo", "parser", note=f"read as undoing the last change (it added the {noun})")
    return parsed


def route_message(caller, text: str, versions: list[dict], current: int | None, attachment: str | None,
                  decides: bool, current_spec: dict | None = None) -> tuple[Routed, dict]:
    """The intent of a message: the model's checked decision when the provider decides intent,
    else (or when its decision is unusable) the parser's, with the reason in ``note``."""
    parsed = edit_of_current(text, parse_intent(text, current is not None, attachment), current_spec)
    parsed = _undo_of_the_last_change(text, parsed, versions, current)
    from .nodes.versions import version_named_by_change
    named = version_named_by_change(text, [(v.get("version"), v.get("said") or v.get("request") or "", v.get("parent"))
                                           for v in versions]) if current is not None else None
    if named is not None:
        # "revert to how it was right after I added the hole": that version
        parsed = Routed("undo", "parser", target=named, note=f"read as going back to v{named} (the change it names)")
    if not decides:
        return parsed, {}
    decision, why, usage = ask_model(caller, text, versions, current)
    if decision is not None:
        routed, why = check_decision(decision, text, versions, current, attachment)
        if routed is not None:
            return routed, usage
    parsed.note = f"read by the parser: {why}"
    return parsed, usage
