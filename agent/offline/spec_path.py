"""The offline engine's first path: words → a part spec (tools.understand) → a compiled, readable
CadQuery script. New designs are read from the request; edits are spec operations on the current
version's spec; a failed attempt is repaired by dropping or shrinking the feature the kernel named.
Returns None where the spec path has nothing to say (the engine then adapts a stored example)."""

from __future__ import annotations

import copy
import dataclasses
import re

from ...tools.part import compile_spec, validate
from ...tools.understand import apply_edit, understand
from ...tools.understand.request import ASSUMED_NOTE
from ..drafts import DesignContext, Draft

PROFILES = ("angle", "tee", "channel", "c_channel", "ibeam", "zee")   # sections whose bounding block is a different part
PROVIDER_HINT = "For this request, choose an LLM provider (Gemini or an OpenAI-compatible server)."
MAX_ATTEMPTS = 3
# words that change a part already there ("make the disc 120 across", "... instead"), not describe a new one
CHANGE_WORDS = re.compile(r"^\s*(?:(?:ok|okay|now|and|also|then|actually|so|but|just)\W+)*(?:make|change|set|increase|"
                          r"decrease|reduce|enlarge|shorten|lengthen|widen|thicken|move|double|halve|bump|drop)\s+"
                          r"(?:the|it|its|that|this|them|those)\b|\binstead\b|^\s*(?:now|also|actually)\b|"
                          r"\bthe same\b(?!(?:[\s,]+\w+){0,8}?\s+as\s+(?:the|that|this|its|a)\s+(?:first|second|third|other|\w+\s+)?"
                          r"(?:part|block|plate|base|body|prism|box|cylinder|one)\b)|\b(?:as well|keep it|another one|again)\b|"
                          r"\bthen\W*$")


def compiled(spec: dict) -> tuple[str | None, list[str], dict | None]:
    """(script, errors, the validated spec as a dict) for a spec dict."""
    part, problems = validate(spec)
    errors = [str(p) for p in problems if p.severity == "error"]
    if part is None or errors:
        return None, errors, None
    return compile_spec(part).script, [], spec


def summary(spec: dict) -> str:
    b = spec["body"]
    sizes = ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in b.items()
                      if isinstance(v, (int, float)) and not isinstance(v, bool))
    if isinstance(b.get("sections"), list):      # a stepped shaft: its sections, diameter x length, in order
        sizes = ", ".join(f"Ø{s['diameter']:g} x {s['length']:g}" for s in b["sections"] if isinstance(s, dict)
                          and isinstance(s.get("diameter"), (int, float)) and isinstance(s.get("length"), (int, float)))
    if isinstance(b.get("standard"), str) and isinstance(b.get("size"), str):    # "M8 washer": ISO 7089 M8
        sizes = ", ".join(x for x in (f"{b['standard']} {b['size']}", sizes) if x)
    feats = ", ".join(f"{f['id']} ({f['kind']})" for f in spec.get("features", []))
    return f"{b['kind'].replace('_', ' ')} ({sizes})" + (f" with {feats}" if feats else "")


def new_design(ctx: DesignContext) -> Draft | None:
    u = understand(ctx.request)
    variant = _variant(ctx, u)
    if variant is not None:
        return variant
    if u.unsupported:
        # a part without the groove (or the lid, the text...) would be a wrong part: not from a spec
        if ctx.examples:
            return None
        return Draft(None, f"I can read the {summary(u.spec) if u.spec else 'part'}, but the spec path does not "
                           f"build {', '.join(repr(w) for w in u.unsupported)}. " + PROVIDER_HINT, path="spec",
                     declined=True)
    if u.body is None and u.unknown and u.spec is not None:
        # a thing named that no shape here is ('a widget', 'a cable tie mount', 'a revolved bowl'): the block or
        # cylinder its sizes span is not that thing; a stored example that names it may be adapted instead
        if ctx.examples:
            return None
        return Draft(None, "I do not know what shape the words " + ", ".join(repr(w) for w in u.unknown) + " describe: the block its "
                     "sizes span would not be it. Name a shape I build (block, plate, cylinder, tube, bracket, ...) "
                     "with its sizes, or " + PROVIDER_HINT[0].lower() + PROVIDER_HINT[1:], path="spec", declined=True)
    hollow = u.body == "tube" and u.spec is not None and re.search(
        r"ring|washer|tube|pipe|sleeve|bushing|bush|collar|grommet", str(u.spec["body"].get("id", ""))) and \
        not re.search(r"\b(?:block|plate|box|bar)\b", ctx.request.lower())    # "a bushing holder block": a block
    if u.approximate and (u.body in PROFILES or hollow):
        # the block an L (a channel, ...) spans is not that part, nor a solid disc a ring or a tube (a standoff or
        # spacer with no hole said may be solid, and is said to be approximated): a stored example that
        # is what the words name may be adapted ('a bearing seat ring for a 608'); else say what is missing
        if ctx.examples and u.unknown and names_an_example(ctx.request, ctx.examples):
            return None
        return Draft(None, f"I read a {u.body.replace('_', ' ')}, but not its section: {u.explain()} Please give "
                           "those sizes. " + PROVIDER_HINT, path="spec", declined=True)
    if u.spec is not None and u.missing:
        # a feature the request names but the words do not size: the part without it is not what was asked
        if ctx.examples and u.unknown and names_an_example(ctx.request, ctx.examples):
            return None       # "a square to round duct adapter, 60 square, 40 dia": a stored example is that thing
        return Draft(None, f"I read the request as a {summary(u.spec)}, but: {u.explain()} Please give those sizes. "
                     + PROVIDER_HINT, spec=u.spec, path="spec", declined=True)
    if u.spec is None:
        if u.body is not None and u.missing and not ctx.examples:
            # a part it recognised but cannot size, and no example to start from: ask, never guess
            return Draft(None, f"I read a {u.body.replace('_', ' ')}, but: {u.explain()} Please give those sizes.",
                         path="spec", declined=True)
        return None
    low = ctx.request.lower()
    if ctx.current is None and re.search(r"[\d.]\s*%\s*(?:bigger|larger|smaller|longer|shorter|wider|narrower|taller|thicker|"
                                         r"thinner|more|less|up|down)\b", low):
        # "cube 50% bigger, hole stays 10" with no part: a change to a part that is not there (not a 50 mm cube)
        return Draft(None, "There is no part yet for this change to apply to: a percentage is not a size of a new part. "
                     "Describe the whole part with its sizes.", spec=u.spec, path="spec", declined=True)
    if ctx.current is None and any(n.startswith("no shape named") for n in u.notes) and \
            sum("assumed" in n for n in u.notes) > 1:
        # "OD 70" alone: neither the part nor its other sizes are said (a disc 5 mm thick would be a guess, twice over;
        # after a first turn that made nothing it may be a change to the part the user has in mind)
        return Draft(None, f"I read only '{ctx.request.strip()[:60]}': which part is it, and its other "
                     f"sizes? (read alone it would be a {summary(u.spec)}, with: {'; '.join(u.notes)})",
                     spec=u.spec, path="spec", declined=True)
    if ctx.current is None and any("assumed" in n for n in u.notes) and CHANGE_WORDS.search(ctx.request.lower()) and \
            len(ctx.request.split()) <= 60:
        # "make the disc 120 across" with no part yet (the first one was declined): a change to a part that is
        # not there; a new part with the rest assumed would be something else, built silently (a whole part
        # described, 'a 6mm hole 20 deep in the other end' and all, assumes nothing and is built; a description of
        # over 60 words, 'the second part ... with the same length and width', is a whole part, not a change)
        return Draft(None, "There is no part yet for this change to apply to. "
                     f"Read as a new part it would be a {summary(u.spec)}, with: {'; '.join(u.notes)}, which is not "
                     "what you described before. Describe the whole part with its sizes.", spec=u.spec, path="spec",
                     declined=True)
    if u.spec is not None and u.asked:
        # "a mounting plate 120 x 80 with four 6.5 holes": no thickness said; a 5 mm plate would be a guess marked
        # right. Ask for it (said alone next, '6mm' completes this request: tools/understand/replies.py)
        what = [ASSUMED_NOTE.match(n).groups() for n in u.asked]
        feats = " and ".join(sorted({f["kind"] + "s" for f in u.spec.get("features", [])}))
        rest = dataclasses.replace(u, notes=[n for n in u.notes if n not in u.asked]).explain()
        name = str(u.spec["body"].get("name") or u.body).replace("_", " ")
        return Draft(None, f"I read a {name}{' with ' + feats if feats else ''}, but the " + " and the ".join(
            w for w, _ in what) + (" was" if len(what) == 1 else " were") + " not given. Say " + (
            "it" if len(what) == 1 else "them") + f" (a size said alone is taken as the {what[0][0]}, e.g. "
            f"'{what[0][1]}') and I will build it. {rest}".rstrip(), spec=u.spec, path="spec", declined=True)
    code, errors, spec = compiled(u.spec)
    left_out: list[str] = []
    candidate = copy.deepcopy(u.spec)
    code, errors, spec, shrunk = _shrink_assumed_edges(candidate, code, errors, spec, set(u.assumed))
    while code is None and candidate.get("features"):
        # a feature the validator refuses is left out (and said), the rest is built
        bad = _bad_features(errors)
        if not bad:
            break
        for i in reversed(bad):
            f = candidate["features"].pop(i)
            why = next((e for e in errors if e.startswith(f"error: $.features[{i}]")), "")
            left_out.append(f"{f['id']} ({f['kind']}): {why.split(': ', 2)[-1]}")
        code, errors, spec = compiled(candidate)
    if left_out:
        # a feature the request asks for cannot be built as read (sized by the words, or with the size or place
        # assumed): the part without it is not what was asked
        assumed = [x for x in left_out if x.split(" ")[0] in u.assumed]
        return Draft(None, "I read the request as a " + summary(u.spec) + ", but these features cannot be built as "
                     "I read them: " + "; ".join(left_out) + ". " + u.explain() + " "
                     + ("Please give their sizes and places. " if assumed else "") + PROVIDER_HINT, spec=u.spec,
                     path="spec", declined=True)
    if code is None:
        return Draft(None, "I read the request as a " + summary(u.spec) + ", but that part cannot be built: "
                     + "; ".join(errors) + ". " + u.explain() + " " + PROVIDER_HINT, spec=u.spec, path="spec",
                     declined=True)
    note = f"Made from a part spec (the spec path): {summary(spec)}."
    if shrunk:
        note += " " + " ".join(shrunk)
    extra = u.explain()
    return Draft(code, f"{note} {extra}".strip(), spec=spec, path="spec", assumed=list(u.notes))


def _variant(ctx: DesignContext, u) -> Draft | None:
    """A new part said as a variant of the current one ("and a gasket for it, same outline and holes, 1.5 thick",
    "a second one that's 12 x 12 cm, same thickness"): the current part's spec with the sizes it gives, as a part of
    its own. Not when the words alone are a whole part, or name what the spec path does not build."""
    from ...tools.understand.derived import derived

    spec = (ctx.current or {}).get("spec")
    if not spec or u.unsupported or (u.spec is not None and u.body is not None and not u.missing and not u.unknown
                                     and not any("assumed" in n for n in u.notes)):
        return None
    d = derived(ctx.request)
    if d is None:
        return None
    base = copy.deepcopy(spec)
    if d.only_holes:
        # "same outline and holes": the outline (its corners' rounding too) and the holes, nothing else
        base["features"] = [f for f in base.get("features", []) if f["kind"] == "hole" or (
            f["kind"] in ("fillet", "chamfer") and f.get("edges") == "vertical")]
    r = apply_edit(d.changes, base) if d.changes else None
    if r is not None and (r.failed or r.spec is None):
        return None
    new = base if r is None else (r.spec if isinstance(r.spec, dict) else r.spec.model_dump(mode="json", exclude_none=True))
    code, errors, new = compiled(new)
    if code is None:
        return None
    kept = f"the same {' and '.join(d.same)}" if d.same else "the same part"
    return Draft(code, f"Made from v{ctx.current.get('version', '?')}'s part spec as a new part ({kept}"
                       + (f"; {r.explain()}" if r is not None else "") + f"): {summary(new)}.",
                 spec=new, path="spec")


def _bad_features(errors: list[str]) -> list[int]:
    """The indices of the features the validator's errors name ("error: $.features[2]...")."""
    return sorted({int(m.group(1)) for e in errors for m in [re.match(r"error: \$\.features\[(\d+)\]", e)] if m})


def _shrink_assumed_edges(candidate: dict, code, errors, spec, assumed: set[str]):
    """A fillet or chamfer whose size was assumed and does not fit is halved (up to three times) before
    anything is declined: 'a rounded box, shelled 2 mm' gets the rounding it asked for, smaller, and says so."""
    first: dict[str, float] = {}
    for _ in range(3):
        if code is not None:
            break
        bad = _bad_features(errors)
        feats = candidate.get("features", [])
        edges = [feats[i] for i in bad if i < len(feats) and feats[i]["kind"] in ("fillet", "chamfer")
                 and feats[i]["id"] in assumed]
        if not edges or len(edges) != len(bad):
            break          # something else is wrong too: the caller says what
        for f in edges:
            key = "radius" if f["kind"] == "fillet" else "size"
            first.setdefault(f["id"], f[key])
            f[key] = round(f[key] / 2, 3)
        code, errors, spec = compiled(candidate)
    said = []
    if code is not None:
        for f in candidate.get("features", []):
            if f["id"] in first:
                key = "radius" if f["kind"] == "fillet" else "size"
                said.append(f"The assumed {first[f['id']]:g} mm {f['kind']} ({f['id']}) did not fit: {f[key]:g} mm "
                            "instead.")
    return code, errors, spec, said


def names_an_example(request: str, examples: list[dict]) -> bool:
    """Does the request name what a stored example is ("a knob" and the example 'knob-knurled')?"""
    from ...tools.understand.roles import role_words
    from ...tools.understand.vocab import vocab

    plain = set(vocab().get("filler", [])) | {w for side in role_words().values() for ps in side.values()
                                              for p in ps for w in p.split()}
    words = {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", request.lower()) if w not in plain}
    text = " ".join(f"{e.get('id', '')} {e.get('title', '')}".lower().replace("-", " ").replace("_", " ")
                    for e in examples)
    return any(re.search(rf"\b{re.escape(w)}", text) for w in words)


# "ok then 12", "fine, 50 then", "try 45 instead": a number alone, said after a change that was not made
_FILLER = re.compile(r"^(?:\s|[,.;:!?-]|\b(?:ok(?:ay)?|fine|alright|sure|well|then|instead|try|let'?s|say|go|with|"
                     r"how|about|what|maybe|so|please|pls|use|make|it|that|one|do|just|hmm|yes|yeah|no|nope|"
                     r"oh|ah|sorry|oops|whoops|my bad|my mistake|typo|i|i'?d|meant|mean|them|should|shall|would|could|"
                     r"fit|fits|work|works|be|better|rather|mm|cm|in)\b)*$")
# a change measured from the part as it is ("twice as long", "10 mm more", "same for the other one")
_RELATIVE = re.compile(r"\b(?:longer|shorter|wider|narrower|taller|higher|lower|thicker|thinner|deeper|shallower|bigger|"
                       r"larger|smaller|more|less|fewer|twice|double|triple|half|halve|third|quarter|times|scale\w*|"
                       r"move|moved|shift|nudge|slide|push|same|other|further|closer)\b|"
                       r"%|\bx\s*$|[\d.]\s*x\b(?!\s*[\d.])")

# "move them 8 in from the edges": a place said outright (measured from the part's edges, not from where it was)
_ABSOLUTE_MOVE = re.compile(r"\b(?:move|moved|shift|slide|put)\s+(?:them|it|the\s+\w+|those|these)\s+(?:to\s+)?[\d.]+\s*"
                            r"(?:mm|cm|in\b|\")?\s*(?:in\s+)?from\s+(?:the|each|both|all)\b")

# a change that adds something, and words that point back at what it added
_ADDED = re.compile(r"\b(?:add|put|drill|cut|punch|machine|place|insert|include|mill|create|give it|also|plus)\b")
_THOSE = re.compile(r"\b(?:them|those|these|they|ones|the new \w+)\b")


# words that drop the change not made: the next one goes on the part as it is
_DROPPED = re.compile(r"\b(?:forget|never ?mind|nevermind|scratch that|skip (?:that|it)|ignore (?:that|it|the last)|"
                      r"leave (?:that|it)(?: out)?|no worries|doesn'?t matter|don'?t bother|cancel|instead|actually|"
                      r"without (?:that|it)|as it (?:is|was)|in that case|not possible|no problem|oh well|my bad|sorry)\b|"
                      r"^\W*(?:ok(?:ay)?|fine|alright|right)\W+(?:then\b|so\b|make it\b|let'?s\b|just\b)|"
                      r"^\W*(?:ok(?:ay)?|fine|alright)\b.*\bthen\W*$")
# ("ok, a 10 mm hole in the middle then", "ok then make it a 3/4 hole": the writer takes the refusal and asks again)


def _meant(not_made: str) -> bool:
    """Was the change not made a definite one the user meant (a size, or a feature or size named), not a slip
    ('sdfgsdfg hjkk') or a wish with no shape to it ('make it nicer')?"""
    from ...tools.understand.numbers import normalize

    return bool(re.search(r"\d", normalize(not_made))) or bool(_about(not_made))


def _redo(request: str, not_made: str) -> bool:
    """Does the request say again what the change not made was about ('make the hole 500' refused, then 'make the
    hole 12'; 'shorten it please', then 'make it 8 in long')? It names every feature and size that change named, so it
    replaces it; 'get rid of the cross holes' after 'make it 150 long, cross holes stay 15 in from the ends' does not."""
    if _THOSE.search(request.lower()) and _ADDED.search(not_made.lower()):
        return False      # "make those M6 clearance": those the change not made would have added
    # ("make the holes 6 mm and move them ..." after 'make the holes 30 mm': them, the holes there)
    if _ADDED.search(not_made.lower()) and not _ADDED.search(request.lower()):
        return False      # "make the holes 8" after 'add a 6 mm hole next to the widget': the holes with the new one
    before = _about(not_made)
    return bool(before) and before <= _about(request)


_SIZE_WORDS = {"length": r"long|length|longer|shorter|shorten|lengthen|extend", "width": r"wide|width|wider|narrower|widen",
               "height": r"tall|taller|high|higher|height|thick|thickness|thicker|thinner|thicken",
               "diameter": r"dia|diameter|od|across|bigger|smaller|larger"}


# the sizes of the whole part: a change to one of them changes where everything else is (not independent of anything)
_BODY_SIZES = {"length", "width", "height", "diameter"}


def _independent(request: str, not_made: str) -> bool:
    """Is the change asked now about other things than the change that was not made ('round the vertical corners R5'
    after 'move the hole so it lines up with the slot')? Then it is the same change on the part the user has in mind
    and on the part as it is, and can be applied and checked, the answer saying the earlier change is still missing.
    Not when the change not made was to the part's own sizes (everything sits somewhere else on that part), when either
    names nothing I read, or when this one points at what the other would have added ('make those 8')."""
    if _THOSE.search(request.lower()) or _retry(request, not_made) is not None:
        return False
    before, now = _about(not_made), _about(request)
    return bool(before) and bool(now) and not (before & now) and not (before & _BODY_SIZES)


# "and 2.5 long", "also 10 wide": a size said on its own, going on from the change before
_CONTINUED = re.compile(r"^\s*(?:and|also|plus|&)\s+(?:make\s+(?:it|them)\s+)?([\d./]+\s*(?:mm|cm|in|inch(?:es)?|\")?\s*(?:long|wide|deep|"
                        r"tall|high|dia\w*|across|thick))\s*(?:too|as well|please|pls)?\W*$")
_SUBJECT = re.compile(r"\b(pocket|slot|counterbore|keyway|groove|boss|hub|window|cut-?out|recess)s?\b")


def _continued(request: str, before: str) -> str | None:
    """'and 2.5 long' right after 'make the pocket 3/4 deep': the same pocket ('the pocket 2.5 long'); None when the change
    before named no feature of that kind (the part's own size, as read)."""
    m = _CONTINUED.match(request.lower())
    subject = _SUBJECT.findall(before.lower())
    if not m or len(set(subject)) != 1:
        return None
    return f"the {subject[0]} {m.group(1)}"


# "and the bottom right one", "same for the right one" after "remove the top left hole": that change, at this place
_PLACE = r"(?:(?:top|bottom|front|back|rear|upper|lower|near|far)[\s-]+)?(?:left|right|top|bottom|front|back|rear|middle|" \
         r"cent(?:re|er)|first|second|third|last|other)"
_CONTINUED_PLACE = re.compile(rf"^\s*(?:and|also|plus|&|same for|same with|same to|ditto for)\s+(?:the\s+)?({_PLACE})\s+"
                              r"(?:one|hole|slot|pocket|boss)?\s*(?:too|as well|also)?\s*(?:please|pls)?\W*$")
_PLACED = re.compile(rf"\bthe\s+({_PLACE})\s+(?=(?:hole|slot|pocket|boss|one)s?\b)")


def _continued_place(request: str, before: str) -> str | None:
    """'and the bottom right one' right after 'remove the top left hole': 'remove the bottom right hole'; None when
    the change before named no feature by its place."""
    m = _CONTINUED_PLACE.match(request.lower())
    b = list(_PLACED.finditer(before.lower()))
    if not m or len(b) != 1:
        return None
    return before[:b[0].start(1)] + m.group(1) + " " + before[b[0].end(1):].lstrip()


_IT_SIZE = re.compile(r"^\W*(?:(?:now|and|also|then|ok(?:ay)?|actually|no|sorry|oops|hmm|wait)\W+)*(?:make|change|set)\s+"
                      r"(?:it|that|those|them|these)\s+(?:to\s+|into\s+)?(?P<size>(?:[ø⌀]\s*)?"
                      r"\d*\.?\d+\s*(?:mm|cm|in|\")?)\s*(?:dia(?:meter)?|across)?\s*(?:please|pls|too|as well)?\W*$", re.I)


def _it_the_feature(request: str, before: str) -> str | None:
    """'make it 12' right after a change that named one feature ('move the hole 10 to the left'): that feature's size
    ('make the hole 12'); None when the change before named no feature, or several."""
    m = _IT_SIZE.match(request.strip())
    nouns = set(re.findall(r"\b(hole|bore|pocket|slot|boss|hub|counterbore|groove|fillet|chamfer)s?\b", before.lower()))
    if not m or len(nouns) != 1:
        return None
    return f"make the {nouns.pop()} {m.group('size').strip()}"


_REMOVES = re.compile(r"\b(?:no|remove|delete|drop|get rid of|lose|ditch|without|take (?:off|out|away)|plain)\b")


def _moot(request: str, missed: list[str]) -> bool:
    """Does the change remove every kind of feature the changes not made were about ('no keyways after all, plain
    shaft' after 'same keyway again on the other end')? The part is then the same whether they were made or not."""
    if not _REMOVES.search(request.lower()) or _THOSE.search(request.lower()):
        return False
    now = _about(request)
    return all(_about(m) and not (_about(m) & _BODY_SIZES) and _about(m) <= now for m in missed)


def _about(text: str) -> set[str]:
    """The features and the sizes the words name ('make it 150 long, holes stay ...': hole, length)."""
    from ...tools.understand.numbers import normalize
    from ...tools.understand.vocab import find

    from ...tools.understand.spelling import correct

    t = correct(normalize(text))[0]          # 'remove the filets' is about the fillets
    t = t + " | " + re.sub(r"(?<=[a-z]{3})s\b", "", t)         # 'keyways' is about keyways too
    return {name for *_, name in find("features", t)} | {k for k, w in _SIZE_WORDS.items() if re.search(rf"\b(?:{w})\b", t)}


_WAYS = {"longer": ("length", 1, "long"), "shorter": ("length", -1, "long"), "wider": ("width", 1, "wide"),
         "narrower": ("width", -1, "wide"), "taller": ("height", 1, "tall"), "higher": ("height", 1, "tall"),
         "thicker": ("height", 1, "thick"), "thinner": ("height", -1, "thick")}
_WAY = r"(longer|shorter|wider|narrower|taller|higher|thicker|thinner)"
_MEANT = re.compile(rf"\b(?:meant|mean|wanted|want(?:ed)? it|should (?:be|have been)|supposed to be)\s+(?:it\s+)?(?:to\s+be\s+)?"
                    rf"{_WAY}\b[^.]*?\bnot\s+{_WAY}\b|\bnot\s+{_WAY}\b\s*[,;-]*\s*(?:but\s+|i meant\s+)?{_WAY}\b", re.I)


# "no, wider" right after "make it 20 longer": the other size was meant
_MEANT_BARE = re.compile(rf"^\W*(?:no|nope|sorry|oops|whoops|my bad)\W+(?:(?:no|wait|i meant|i mean)\W+)*{_WAY}"
                         r"(?:\s+(?:instead|please|pls))?\W*$", re.I)


# "no, I meant the width", "sorry, that should have been the width", "not the length, the width" right after "make it
# 20 longer": the size named, changed the same way (said as the comparative the readers below take)
_SIZE_NOUNS = {"length": ("longer", "shorter"), "width": ("wider", "narrower"), "height": ("taller", "shorter"),
               "thickness": ("thicker", "thinner")}
_CORRECTION = re.compile(r"\b(?:no|nope|sorry|oops|whoops|meant|mean|wanted|should (?:have been|be)|wrong|not|my bad)\b", re.I)


_WAY_RE = re.compile(rf"\b{_WAY}\b", re.I)


def _meant_noun(request: str, before: str) -> str | None:
    low = request.lower()
    ways = _WAY_RE.findall(before.lower())
    if not _CORRECTION.search(low) or len(set(ways)) != 1:
        return None
    key, sign, _ = _WAYS[ways[0]]
    amount = re.findall(r"\d*\.?\d+", before)
    if any(n not in amount for n in re.findall(r"\d*\.?\d+", low)):
        return None       # a new amount is another change, not this one moved
    wrong = {"thickness": "height"}
    named = re.findall(r"\b(length|width|height|thickness)\b", low)
    not_said = set(re.findall(r"\bnot\s+(?:the\s+)?(length|width|height|thickness)\b", low))
    want = {n for n in named if n not in not_said and wrong.get(n, n) != key}
    if len(want) != 1 or _WAY_RE.search(low):
        return None       # (a way said as a comparative is read by _MEANT / _MEANT_BARE)
    (n,) = want
    return f"I meant {_SIZE_NOUNS[n][0 if sign > 0 else 1]}, not {ways[0]}"


def _meant_instead(request: str, before: str, spec: dict) -> str | None:
    """'no, I meant longer, not wider' right after 'make it 20 wider': the size changed put back and the other one
    changed by as much, said as sizes ('make it 50 wide and 20 longer'); None for anything else."""
    if _MEANT.search(request) is None and _MEANT_BARE.match(request.strip()) is None:
        request = _meant_noun(request, before) or request
    m = _MEANT.search(request)
    body = spec.get("body") or {}
    bare = _MEANT_BARE.match(request.strip()) if m is None else None
    ways = re.findall(rf"\b{_WAY}\b", before.lower())
    if (m is None and (bare is None or len(set(ways)) != 1)) or body.get("kind") != "box":
        return None
    want, wrong = (bare.group(1).lower(), ways[0]) if bare else \
        (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    said = re.search(rf"(\d*\.?\d+)\s*(mm|cm|in\b|\")?\s*(?:more\s+|less\s+)?{wrong}\b", before, re.I)
    if want == wrong or said is None or _WAYS[want][0] == _WAYS[wrong][0]:
        return None
    key, sign, word = _WAYS[wrong]
    unit = said.group(2) or ""
    from ...tools.understand.numbers import unit_mm

    k = unit_mm({"mm": "millimeter", "cm": "centimeter", "in": "inch", '"': "inch"}.get(unit.strip(), "millimeter")) if unit \
        else unit_mm({"in": "inch", "cm": "centimeter"}.get(spec.get("units", "mm"), "millimeter"))
    back = round((float(body[key]) - sign * float(said.group(1)) * k) / k, 6)
    return f"make it {back:g}{unit} {word} and {said.group(1)}{unit} {want}"


# "no, only the length", "I meant only double the width", "just the length, width and height stay" right after the
# whole part was scaled: that scale put back, and the one size named scaled (by the factor said, else the same one)
_ONE_WAY_SIZES = {"length": ("length", "long"), "long": ("length", "long"), "width": ("width", "wide"),
                  "wide": ("width", "wide"), "height": ("height", "tall"), "tall": ("height", "tall"),
                  "high": ("height", "tall"), "thickness": ("height", "thick"), "thick": ("height", "thick"),
                  "diameter": ("diameter", "dia"), "dia": ("diameter", "dia")}
_ONLY_ONE_WAY = re.compile(r"\b(?:only|just|solely)\b(?:\s+\w+){0,3}?\s+(?:the\s+)?(?P<way>" + "|".join(_ONE_WAY_SIZES) +
                           r")\b|\b(?P<way2>" + "|".join(_ONE_WAY_SIZES) + r")\s+only\b", re.I)
_FACTOR_WORDS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "halve": 0.5, "half": 0.5}


def _scaled_one_way(request: str, before: str, spec: dict) -> tuple[dict, str, str] | None:
    """The part before the whole-part scale of ``before``, and the change of the one size ``request`` keeps scaled
    ("make it 90 long"), with a note; None when the change before was not a whole-part scale by a factor or the words
    name not exactly one size to scale."""
    m = _ONLY_ONE_WAY.search(request)      # ('only' / 'just' said: a correction of the scale, not another change)
    low = request.lower()
    if m is None:
        return None
    named = {_ONE_WAY_SIZES[w.lower()][0] for w in re.findall(r"\b(?:" + "|".join(_ONE_WAY_SIZES) + r")\b", low)}
    way = _ONE_WAY_SIZES[(m.group("way") or m.group("way2")).lower()]
    stays = re.search(r"\b(?:stays?|unchanged|back|as (?:it )?was|the same|keep)\b", low)
    if len(named) > 1 and not stays:
        return None          # "only the length and width": two sizes, not one
    done = apply_edit(before, spec)
    k = next((float(x) for d in (done.done if done.spec is not None else []) for x in re.findall(
        r"^the whole part scaled x([\d.]+)$", d)), None)
    if k is None or abs(k - 1) < 1e-9:
        return None
    undone = apply_edit(f"scale it by {1 / k!r}", spec)
    body = (undone.spec or {}).get("body") or {}
    if undone.spec is None or undone.failed or not isinstance(body.get(way[0]), (int, float)):
        return None
    said = re.search(r"\b(double|twice|triple|halve|half)\b|(?<![\d.])(\d*\.?\d+)\s*(?:x|times)\b|(\d+)\s*%", low)
    f = _FACTOR_WORDS[said.group(1)] if said and said.group(1) else float(said.group(2)) if said and said.group(2) else \
        1 + float(said.group(3)) / 100 if said else k
    value = round(float(body[way[0]]) * f, 6)
    return undone.spec, f"make it {value:g} {way[1]}", f"the whole part put back as it was before '{before.strip()[:60]}', " \
        f"then only its {way[0]} scaled x{f:g}"


_OPPOSITE = {"deeper": "shallower", "longer": "shorter", "wider": "narrower", "taller": "shorter", "thicker": "thinner",
             "bigger": "smaller", "larger": "smaller", "higher": "lower", "further": "closer", "farther": "closer"}
_OPPOSITE.update({v: k for k, v in list(_OPPOSITE.items()) if v not in ("shorter", "smaller", "closer")})
_OPPOSITE.update({"shorter": "longer", "smaller": "bigger", "closer": "further"})
_OTHER_WAY = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|wait|err|hmm|ah|argh|whoops|my bad)\W+)*(?:i\s+)?(?:meant|mean|wanted|"
                        r"want(?:ed)? it|needed it|should have said|should be)\s+(?:it\s+)?(?:to\s+be\s+)?(?P<way>" +
                        "|".join(_OPPOSITE) + r")\b(?:\s*,?\s*not\s+(?:" + "|".join(_OPPOSITE) + r"))?\W*$|"
                        r"^\W*(?:(?:no|nope|sorry|oops|wait)\W+)*(?:i\s+(?:meant|mean|wanted)\s+)?(?:the\s+)?(?:other\s+way"
                        r"(?:\s+(?:round|around))?|opposite(?:\s+way)?(?:\s+(?:round|around))?)\W*$|"
                        r"^\W*(?:no|nope|sorry|oops|whoops|my bad|(?:the\s+)?opposite|(?:the\s+)?other way)\W+"
                        r"(?:(?:no|nope|sorry|oops|wait)\W+)*(?P<bare>" +
                        "|".join(_OPPOSITE) + r")(?:\s+(?:not\s+\w+|instead|please|pls))?\W*$", re.I)


_OTHER_AMOUNT = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|whoops|wait|actually|my bad|wrong way)\W+)+(?:(?:i\s+)?(?:meant|mean|"
                           r"wanted)\s+|(?:it\s+)?should\s+(?:be|have\s+been)\s+|make\s+(?:it|that)\s+)?(?:it\s+)?"
                           r"(?P<n>\d*\.?\d+)\s*(?P<u>mm|cm|in\b|\")?\s*(?P<way>" + "|".join(_OPPOSITE) + r")\b"
                           r"(?:\s*,?\s*not\s+\w+)?(?:\s+than\s+(?:it\s+)?(?:was\s+)?(?:before|originally|at first|"
                           r"the original|to start with|it started|that|the first one))?\W*$", re.I)


_AMOUNT_WAY = re.compile(r"(?<![\d./])(\d*\.?\d+)(\s*(?:mm|cm|in\b|\"))?\s*(?:more\s+)?(" + "|".join(_OPPOSITE) + r")\b", re.I)


def _said_way(was: str, way: str) -> str:
    """The word for ``way`` along the size ``was`` changed: the opposite of 'taller' is 'lower' (not 'shorter', which
    is read as the length)."""
    return "lower" if was.lower() in ("taller", "higher") and way.lower() == "shorter" else way.lower()


def _meant_other_way(request: str, before: str) -> str | None:
    """'no, I meant shallower' right after 'make the pocket 5 deeper': the change made the other way from where the part
    was ('make the pocket 10 shallower' from the part now); 'no, 3 shorter' after '5 longer': 3 shorter than before it
    ('8 shorter' from now). None unless the change before said one amount and its way."""
    said = list(_AMOUNT_WAY.finditer(before))        # the one amount and way the change before said
    amount = _OTHER_AMOUNT.match(request.strip())
    if amount and len(said) == 1 and _OPPOSITE.get(said[0].group(3).lower()) == amount.group("way").lower() and \
            (amount.group("u") or "").strip() == (said[0].group(2) or "").strip():
        x = said[0]
        total = float(x.group(1)) + float(amount.group("n"))
        return f"{before[:x.start()]}{total:g}{x.group(2) or ''} {_said_way(x.group(3), amount.group('way'))}{before[x.end():]}"
    m = _OTHER_WAY.match(request.strip())
    if m is None or len(said) != 1:
        return None
    x = said[0]
    way = (m.group("way") or m.group("bare") or _OPPOSITE[x.group(3).lower()]).lower()
    if way == x.group(3).lower() or _OPPOSITE.get(x.group(3).lower()) != way and _OPPOSITE.get(way) != x.group(3).lower():
        return None
    return f"{before[:x.start()]}{2 * float(x.group(1)):g}{x.group(2) or ''} {_said_way(x.group(3), way)}{before[x.end():]}"


# a reply that is only sizes ("90 PCD, same Ø11", "Ø8, 20 from the end"): no change of its own
_SIZES_ONLY = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|then|sorry|oh|and|right|well|yes|yeah)\W+)*(?:[ø⌀]\s*|dia\s*|m|r\s*)?\d")
_VERBS = re.compile(r"\b(?:make|add|remove|delete|move|change|drill|cut|put|mirror|copy|undo|scale|shell|fillet|chamfer|round|"
                    r"turn|rotate|drop|get rid|swap|replace|bore|tap)\b")


def _appended(request: str, not_made: str, spec: dict) -> str | None:
    """'change the corner holes to a 6 hole bolt circle' was refused (no diameter said); '90 PCD, same Ø11' gives what
    was missing: the change asked before, with these sizes after it (only when that reads as a whole change)."""
    from ...tools.understand.numbers import normalize

    low = normalize(request)
    if not _SIZES_ONLY.match(low) or _VERBS.search(low) or not re.search(r"\d", low):
        return None
    text = f"{not_made.rstrip(' .!,;')}, {request.strip()}"
    r = apply_edit(text, spec)
    return text if r.spec is not None and not r.failed else None


_ADD_LEAD = re.compile(r"^\W*(?:(?:and|also|then|now|ok(?:ay)?|so|pls|please|can you|could you)\W+)*(?P<verb>add|put|cut|drill|mill|"
                       r"machine)\s+(?:an?|one|1|another|some)\s+", re.I)


def _add_completed(request: str, not_made: str) -> str | None:
    """'add a slot next to it' was not made (no size); 'slot 10 wide, 30 long overall, 30 to the right of the hole' says
    the slot in full: that feature added with these words (a change that adds nothing itself)."""
    from ...tools.understand.numbers import normalize

    lead = _ADD_LEAD.match(not_made)
    if lead is None or re.search(r"\d", normalize(not_made)) or not re.search(r"\d", request) or \
            _ADDED.search(request.lower()) or _THOSE.search(request.lower()) or \
            re.search(r"\b(?:make|change|turn|move|set)\b", request.lower()):
        return None       # (refused for a size missing, and this names the feature with its sizes, nothing else asked)
    kinds = _about(not_made) - _BODY_SIZES
    now = _about(request) - _BODY_SIZES
    if not kinds or not kinds <= now:
        return None
    words = re.sub(r"^\W*(?:(?:ok(?:ay)?|so|sorry|oh|right|well|yes|yeah)\W+)*(?:the\s+|a\s+|an\s+)?", "", request.strip())
    return f"{lead.group('verb')} a {words}"


def _retry(request: str, not_made: str) -> str | None:
    """The change that was not made, with the one number of ``request`` in place of its number:
    "make the centre hole 70" (refused: it runs off the plate), then "ok then 12"."""
    from ...tools.understand.numbers import normalize, numbers

    grown = _add_completed(request, not_made)
    if grown is not None:
        return grown
    t = normalize(request)
    old = numbers(normalize(not_made))
    if len(old) == 1:
        # "whoops, meant 3 not 30": the number said to be wrong is the one asked before, not a size of this change
        t = re.sub(rf"[,\s]*\b(?:not|instead of|rather than)\s+{re.escape(old[0].text.strip())}(?![\d.])", " ", t)
    said = numbers(t)
    if len(said) != 1:
        return None
    rest = t[:said[0].start] + " " + t[said[0].end:]
    before = normalize(not_made)
    nums = numbers(before)
    how = re.match(r"^\W*(?:(?:ok(?:ay)?|so|then|make it|make them)\W+)*(to|by)\b", rest)
    if not nums and (how or _FILLER.match(rest)) and _RELATIVE.search(before):
        # "make the hole bigger" (no size: refused), then "to 10" / "by 2" / "10": that change, with this size
        return f"{before.rstrip(' .!,;')} {how.group(1) if how else 'to'} {said[0].text.strip()}"
    if not _FILLER.match(rest):
        # "oops, 2-1/2\" apart, centred" after "space them 5\" apart": the words of that change said again around the
        # new number (and the apology, and that it stays centred)
        said_before = set(re.findall(r"[a-z]+", before))
        stems = {"wide": ("wid",), "long": ("long", "length", "short"), "deep": ("deep", "depth"), "thick": ("thick", "thin"),
                 "tall": ("tall", "high", "height"), "high": ("tall", "high", "height"), "dia": ("dia", "bore", "hole"),
                 "radius": ("fillet", "round", "radius"), "fillet": ("fillet", "round", "radius"),
                 "round": ("fillet", "round", "radius"), "chamfer": ("chamfer", "bevel"), "bevel": ("chamfer", "bevel")}
        extra = [w for w in re.findall(r"[a-z']+", rest) if w not in said_before and not _FILLER.match(w) and w not in (
            "oops", "sorry", "whoops", "my", "bad", "mistake", "typo", "meant", "i", "centred", "centered", "still", "mm",
            "in", "inch", "inches", "cm", "a", "an", "the", "too", "big", "large", "small", "bigger", "smaller", "larger",
            "guess", "think", "probably", "way", "much", "lets", "let's", "go", "with", "instead", "then", "ok", "okay")
            and not any(s in before for s in stems.get(w, ()))]
        # ("try a 5 mm radius instead", "too big I guess, go with 12", "a smaller fillet, 4" after a fillet refused)
        # ("ok then 8 wide" after "widen the slit to 40": the size the change was about, said with its word)
        if extra:
            return None
    if len(nums) != 1:
        return None
    # (the old number's own text only: the space after it stays, "make the window 270 wide"; a minus sign written
    # before it goes with it: "make it 40 tall" after "make it -5 tall" was refused is no -40)
    head = re.sub(r"[-−]\s*$", "", before[:nums[0].start])
    return head + said[0].text.strip() + before[nums[0].start + len(nums[0].text.rstrip()):]


def edit(ctx: DesignContext) -> Draft | None:
    current = ctx.current or {}
    spec = current.get("spec")
    if not spec:
        return None         # a version made from code: edited through its parameters
    not_made = (current.get("not_made") or "").strip()
    request = ctx.request
    retried = _retry(request, not_made) if not_made else None
    if retried is None and not_made:
        retried = _appended(request, not_made, spec)
    if retried is not None:
        request = retried
    elif not_made and _ADDED.search(not_made.lower()) and _THOSE.search(request.lower()):
        # "put a hole in each side" was not made; "those side ones 10 instead" points at what is not there
        return Draft(None, f"Your last change ('{not_made[:80]}') was not made, so what '{request.strip()[:80]}' points "
                     f"at is not on the part (v{current.get('version', '?')} is still as it was). Add it first, in other "
                     "words, with its size and place.", path="edit", declined=True)
    elif not_made and _moot(request, [not_made, *(current.get("not_made_before") or [])]):
        pass        # "no keyways after all" after 'same keyway again on the other end' was not made: what it was about goes
    elif not_made and all(_independent(request, m) for m in [not_made, *(current.get("not_made_before") or [])]):
        pass        # a change to something else than the change not made: applied, and the answer says what is missing
    elif not_made and _meant(not_made) and _RELATIVE.search(_ABSOLUTE_MOVE.sub(" ", request.lower())):
        # ("move them 8 in from the edges" puts them at a place measured from the part's edges, not from where they
        # are: no part needs guessing for it)
        # the last change was not made: a change measured from the part would start from a part the words
        # may not mean (twice the length it has, not the length asked before); an absolute size is safe
        # (a change not made that said no size and named nothing I read, 'make it purple', changed no size either:
        # a change measured from the part lands on it as it is, the answer saying the other is still missing)
        return Draft(None, f"Your last change ('{not_made[:80]}') was not made, so v{current.get('version', '?')} is "
                     f"still as it was; '{request.strip()[:80]}' is measured from the part and I will not guess which "
                     "part you mean. Say the sizes you want (e.g. 'make it 120 long', 'holes 8 mm'), or repeat the "
                     "change that was not made in other words.", path="edit", declined=True)
    elif not_made and _meant(not_made) and not _DROPPED.search(request.lower()) and not _redo(request, not_made):
        # a change the user meant was not made (not understood, or not buildable as read): the part they have in mind
        # has it, so this change built on the part without it would be another part, marked right. Say so; building
        # on the part as it is takes words that drop the last change ("forget that, ...")
        return Draft(None, f"Your last change ('{not_made[:80]}') was not made, so v{current.get('version', '?')} is not "
                     f"the part you have in mind, and '{request.strip()[:80]}' on it would be another part. Say the last "
                     "change again in other words (or with an LLM provider), or start with 'forget that' to apply this "
                     f"change to v{current.get('version', '?')} as it is.", path="edit", declined=True)
    one_way = _scaled_one_way(request, current.get("request") or "", spec) if not not_made and \
        (current.get("version") or 1) > 1 else None
    if one_way is not None:
        spec, request, scaled_note = one_way     # "no, only the length" right after "scale it up 1.5x"
    instead = _meant_instead(request, current.get("request") or "", spec) if not not_made and one_way is None else None
    if instead is None and not not_made and (current.get("version") or 1) > 1:
        instead = _meant_other_way(request, current.get("request") or "")   # "no, I meant shallower" after '5 deeper'
    if instead is not None:
        request = instead         # "no, I meant longer, not wider" right after "make it 20 wider": that change undone, this one made
    said_before = _continued(request, current.get("request") or "") if not not_made and (current.get("version") or 1) > 1 \
        else None          # (the first version's words describe the whole part: 'and 30 wide' after them is the part's)
    if said_before is None and not not_made and (current.get("version") or 1) > 1:
        said_before = _continued_place(request, current.get("request") or "")
    if said_before is not None:
        request = said_before      # "and 2.5 long" after "make the pocket 3/4 deep": the pocket's length, not the part's
    r = apply_edit(request, spec)
    it = _it_the_feature(request, current.get("request") or "") if said_before is None and not not_made and \
        (current.get("version") or 1) > 1 and (r.spec is None or r.failed) else None
    if it is not None:
        # "make it 12" right after "move the hole 10 to the left": which size of the part was asked; the hole is 'it'
        r2 = apply_edit(it, spec)
        if r2.spec is not None and not r2.failed:
            r, said_before = r2, it
    if said_before is not None:
        r.notes.insert(0, f"read as '{said_before}' (what the change before was about)")
    if instead is not None:
        r.notes.insert(0, f"read as '{instead}' (the last change made the other way)")
    if one_way is not None:
        r.notes.insert(0, scaled_note)
    if retried is not None:
        r.notes.insert(0, f"read as '{retried}' (with the change asked before, which was not made)")
    if r.spec is None:
        return Draft(None, "I could not apply that change to the part spec. " + r.explain() + " " + PROVIDER_HINT,
                     path="edit", declined=True)
    if r.failed:
        # part of what was asked could not be done: the part with only the rest is not what was asked
        return Draft(None, "I could not apply all of that change to the part spec. " + r.explain() + " "
                     + PROVIDER_HINT, spec=spec, path="edit", declined=True)
    code, errors, new = compiled(r.spec)
    if code is None:
        return Draft(None, "That change gives a part that cannot be built: " + "; ".join(errors) + ".",
                     spec=r.spec, path="edit", declined=True)
    if all(" is already " in d for d in r.done):
        # "make it 100 long" on a part 100 long: what was asked is what is there (said, and kept as it is)
        return Draft(code, f"Nothing to change: {r.explain()}", spec=new, path="edit", unchanged=True)
    if not_made and retried is None and all(_independent(request, m) for m in [not_made, *(current.get("not_made_before")
                                                                                          or [])]):
        # the change asked before is still missing: said first, so the part is never taken for the one with both changes
        return Draft(code, f"Your earlier change ('{not_made[:80]}') is still NOT made: this part does not have it. "
                     f"I applied only this change, to v{current.get('version', '?')}: {r.explain()} Say the earlier change "
                     "again in other words (or with an LLM provider) to add it.", spec=new, path="edit")
    if not_made and retried is None:
        # the change asked before was not made: this one lands on the part as it was, and says so (never silently)
        return Draft(code, f"Edited the part spec: {r.explain()} Your last change ('{not_made[:80]}') was not made, so "
                     f"this one is applied to v{current.get('version', '?')} as it was.", spec=new, path="edit")
    return Draft(code, f"Edited the part spec: {r.explain()}", spec=new, path="edit")


def repair(ctx: DesignContext) -> Draft | None:
    """A spec-made attempt failed: drop or shrink the feature the failure names, and say so."""
    prev = ctx.previous or {}
    spec = prev.get("spec")
    if not spec:
        return None
    if ctx.attempt > MAX_ATTEMPTS:
        return Draft(None, "The part spec did not build after several repairs. " + PROVIDER_HINT, path="spec",
                     declined=True)
    fid = failing_feature(spec, prev)
    if fid is None:
        return Draft(None, "The part built from the spec failed and I cannot tell which feature caused it: "
                     + _why(prev) + ". " + PROVIDER_HINT, spec=spec, path="spec", declined=True)
    if fid not in _assumed(ctx):
        # the user sized (or placed) this feature: a part without it, or with it halved, is not what was asked
        return Draft(None, f"The part built from the spec failed ({_why(prev)}); {fid} is sized as asked, so I will "
                     "not leave it out or shrink it. " + PROVIDER_HINT, spec=spec, path="spec", declined=True)
    fixed = copy.deepcopy(spec)
    f = next(g for g in fixed["features"] if g["id"] == fid)
    if f["kind"] in ("fillet", "chamfer") and (f.get("radius") or f.get("size", 0)) > 0.4:
        key = "radius" if f["kind"] == "fillet" else "size"
        f[key] = round(f[key] / 2, 3)
        what = f"halved {fid} to {f[key]:g} mm"
    else:
        if any(g.get("feature") == fid for g in fixed["features"]):
            return Draft(None, f"{fid} failed ({_why(prev)}) and other features copy it. " + PROVIDER_HINT,
                         spec=spec, path="spec", declined=True)
        fixed["features"] = [g for g in fixed["features"] if g["id"] != fid]
        what = f"left out {fid} ({f['kind']})"
    code, errors, new = compiled(fixed)
    if code is None:
        return Draft(None, f"After the failure ({_why(prev)}) no smaller part spec builds: {'; '.join(errors)}. "
                     + PROVIDER_HINT, spec=spec, path="spec", declined=True)
    return Draft(code, f"The first part failed ({_why(prev)}); I {what}. The part is missing what was left out.",
                 spec=new, path="spec")


def _assumed(ctx: DesignContext) -> set[str]:
    """Ids of the features whose size or place the request left open (a new design's assumptions);
    an edit's current features were all asked for, turn by turn."""
    if (ctx.base or ctx.task) == "modify":
        return set()
    return set(understand(ctx.request).assumed)


def failing_feature(spec: dict, prev: dict) -> str | None:
    err = prev.get("error") or {}
    line = err.get("line") if isinstance(err, dict) else None
    code = prev.get("code")
    if isinstance(line, int) and code:
        part, _ = validate(spec)
        if part is not None:
            c = compile_spec(part)
            if c.script == code:
                fid = c.feature_at(line)
                if fid and any(g["id"] == fid for g in spec.get("features", [])):
                    return fid
    text = " ".join([str(err.get("message", "")) if isinstance(err, dict) else "", *map(str, prev.get("problems") or [])])
    for g in reversed(spec.get("features", [])):
        if re.search(rf"\b{re.escape(g['id'])}\b|\b{g['kind']}", text, re.I):
            return g["id"]
    # a kernel failure with no line: fillets and chamfers are the usual cause, the last one first
    return next((g["id"] for g in reversed(spec.get("features", [])) if g["kind"] in ("fillet", "chamfer")), None)


def _why(prev: dict) -> str:
    err = prev.get("error") or {}
    bits = []
    if isinstance(err, dict) and err:
        bits.append(f"{err.get('type', 'error')}: {err.get('message', '')}".strip())
    bits += [str(p) for p in (prev.get("problems") or [])][:3]
    return "; ".join(b for b in bits if b) or "no valid solid"
