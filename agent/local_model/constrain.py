"""JSON-Schema constrained decoding for ``transformers`` models, with lm-format-enforcer.

Why lm-format-enforcer: it is pure Python (no triton, ~100 KB), so the tests run it in CI; xgrammar
pulls ~1 GB of triton the CPU path never uses, and outlines had the highest per-token overhead here.
Its own ``transformers`` integration does not import with transformers 5 (a moved tokenizer base
class), so this module is that integration: the tokenizer's vocabulary as the enforcer wants it
(built once per tokenizer and cached), and a ``LogitsProcessor`` that masks every token the schema
does not allow at that point. Every row of a batch (best-of-N samples) is followed on its own.

Numeric bounds (``exclusiveMinimum`` …) are not enforced by the library, and a number could grow
digits for ever (an untrained model does exactly that). So the processor also caps a number at
``max_int_digits`` digits before the point and ``max_decimals`` after it, with no exponent: every
output ends, within the token budget, as a JSON document of the schema's structure. The caller
still validates the values (zero, negative) against the full schema and retries with the problems.
"""

from __future__ import annotations

import json
import re
import weakref

_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def tokenizer_data(tokenizer):
    """lm-format-enforcer's per-tokenizer tables (every regular token's text and whether it starts
    a word), cached for the tokenizer's life: ~10 s for a 262k vocabulary, once."""
    from lmformatenforcer import TokenEnforcerTokenizerData

    hit = _CACHE.get(tokenizer)
    if hit is not None:
        return hit
    special = set(tokenizer.all_special_ids)
    zero = tokenizer.encode("0", add_special_tokens=False)[-1]
    vocab = len(tokenizer)
    regular = []
    for idx in range(vocab):
        if idx in special:
            continue
        after_zero = tokenizer.decode([zero, idx])[1:]
        alone = tokenizer.decode([idx])
        regular.append((idx, after_zero, len(after_zero) > len(alone)))

    def decode(tokens: list[int]) -> str:
        return tokenizer.decode(tokens).rstrip("\ufffd")

    data = TokenEnforcerTokenizerData(regular, decode, tokenizer.eos_token_id, False, vocab)
    data.cadagent_first_chars = {idx: text[:12] for idx, text, _ in regular}
    data.cadagent_texts = {idx: text for idx, text, _ in regular}
    import torch

    size = max(data.cadagent_first_chars, default=-1) + 1
    data.cadagent_lead_digits = torch.zeros(size, dtype=torch.long)      # digits a token starts with
    data.cadagent_exp_start = torch.zeros(size, dtype=torch.bool)
    for idx, text in data.cadagent_first_chars.items():
        data.cadagent_lead_digits[idx] = len(text) - len(text.lstrip("0123456789"))
        data.cadagent_exp_start[idx] = text[:1] in ("e", "E", "+")
    _CACHE[tokenizer] = data
    return data


_NUMBER_TAIL = re.compile(r"[:\[,]\s*-?(\d*)(\.?)(\d*)$")
_JSON_CHARS = set('{}[]":,.-+0123456789 eE')
_ALPHA = re.compile(r"[A-Za-z_]+")
_SUBSETS: dict = {}


def _schema_words(schema) -> set[str]:
    """Every property name and string enum / const value of a schema; None when it has a free string
    (then any text can appear, and no vocabulary subset is sound)."""
    words: set[str] = set()

    def walk(node) -> bool:
        if isinstance(node, dict):
            if node.get("type") == "string" and "enum" not in node and "const" not in node:
                return False
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    words.update(v)
                if k in ("enum", "const"):
                    words.update(e for e in (v if isinstance(v, list) else [v]) if isinstance(e, str))
                if not walk(v):
                    return False
        elif isinstance(node, list):
            return all(walk(v) for v in node)
        return True

    return words if walk(schema) else None


def vocabulary_subset(tokenizer, schema: dict):
    """The token ids that can ever appear in a document of this (closed) schema, as a sorted tensor, or
    None when the schema has a free string. A token qualifies when its text is JSON punctuation, digits
    and blanks around letter runs that each occur inside a property name or enum value; EOS always.
    A superset of what the enforcer can allow, so projecting only these ids onto the vocabulary gives
    the same constrained choices: 1.5k of Gemma's 262k tokens for the spec target."""
    import torch

    key = (id(tokenizer), json.dumps(schema, sort_keys=True))
    if key in _SUBSETS:
        return _SUBSETS[key]
    words = _schema_words(schema)
    ids = None
    if words is not None:
        blob = "\n".join(words)
        extra = {c for w in words for c in w if not (c.isalpha() or c == "_")}
        allowed_chars = _JSON_CHARS | extra
        keep = {tokenizer.eos_token_id} if tokenizer.eos_token_id is not None else set()
        for idx, text in tokenizer_data(tokenizer).cadagent_texts.items():
            if text and all(c in allowed_chars for c in _ALPHA.sub("", text)) and \
                    all(run in blob for run in _ALPHA.findall(text)):
                keep.add(idx)
        ids = torch.tensor(sorted(keep), dtype=torch.long)
    _SUBSETS[key] = ids
    return ids


class _SubsetHead:
    """An output projection onto a few token ids; every other logit is -inf."""

    def __new__(cls, head, ids):
        import torch

        class SubsetHead(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.out_features = head.weight.shape[0]
                self.ids = ids
                self.weight_sub = head.weight.detach()[ids].clone()
                self.bias_sub = head.bias.detach()[ids].clone() if getattr(head, "bias", None) is not None else None

            def forward(self, hidden):
                part = torch.nn.functional.linear(hidden, self.weight_sub.to(hidden.dtype), None if self.bias_sub
                                                  is None else self.bias_sub.to(hidden.dtype))
                out = hidden.new_full((*hidden.shape[:-1], self.out_features), float("-inf"))
                out[..., self.ids] = part
                return out

        return SubsetHead()


class restricted_head:
    """``with restricted_head(model, ids):`` the model's output projection computes only ``ids``
    (``None``: unchanged). For a 262k vocabulary that projection is ~40% of a 270M model's step."""

    def __init__(self, model, ids):
        self.model, self.ids, self.parent, self.head = model, ids, None, None

    def __enter__(self):
        if self.ids is None:
            return self
        head = self.model.get_output_embeddings()
        for module in self.model.modules():
            if getattr(module, "lm_head", None) is head:
                self.parent, self.head = module, head
                break
        if self.parent is not None:
            cache = getattr(self.parent, "_cadagent_subset_heads", None)
            if cache is None:
                cache = {}
                object.__setattr__(self.parent, "_cadagent_subset_heads", cache)
            key = (id(head.weight), int(self.ids.numel()), int(self.ids.sum()))
            if key not in cache:
                cache[key] = _SubsetHead(head, self.ids)
            self.parent.lm_head = cache[key]
        return self

    def __exit__(self, *exc):
        if self.parent is not None:
            self.parent.lm_head = self.head
        return False


_KEY_NUMBER = re.compile(r'"(\w+)":\s*(?:\[(?:\s*-?[\d.]+\s*,)*)?\s*(-?[\d.]*)$')
_LEAD_NUMBER = re.compile(r"-?[\d.]*")


def numeric_bounds(schema: dict, below: dict | None = None) -> dict:
    """Per property name, the value bounds a number (or each number of an array) must keep that the
    enforcer leaves out: ``{"radius": {"min": 0, "exclusive": True}, "count": {"min": 1, "integer": True},
    "inner_diameter": {..., "below": "outer_diameter"}}``. Only lower bounds of 0 or 1 are kept
    (a value can be refused when it ends; larger ones would force extra digits instead); a name whose
    definitions disagree keeps the loosest. ``below``: a name whose value must stay under the last
    value written for another name (a tube's bore under its outside)."""
    found: dict[str, list] = {}

    def numeric(node):
        if not isinstance(node, dict):
            return None
        if node.get("type") in ("number", "integer"):
            return node
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            return numeric(node["items"])
        return next((n for n in map(numeric, node.get("anyOf", [])) if n is not None), None)

    def walk(node):
        if isinstance(node, dict):
            for name, sub in (node.get("properties") or {}).items():
                n = numeric(sub)
                if n is not None:
                    lo, ex = (n["exclusiveMinimum"], True) if "exclusiveMinimum" in n else (n.get("minimum"), False)
                    found.setdefault(name, []).append((lo, ex, n.get("type") == "integer"))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    out = {}
    for name, rows in found.items():
        if any(lo is None for lo, _, _ in rows):
            continue
        lo = min(r[0] for r in rows)
        if lo not in (0, 1):
            continue
        out[name] = {"min": lo, "exclusive": all(r[1] for r in rows if r[0] == lo) and all(r[0] == lo for r in rows),
                     "integer": all(r[2] for r in rows)}
    for name, other in (below or {}).items():
        out.setdefault(name, {})["below"] = other
    return out


def _value_ok(text: str, ends: bool, bound: dict, upper: float | None) -> bool:
    """Whether a number written so far (``text``; ``ends``: the token closes it) can still keep the bound."""
    lo = bound.get("min")
    if text.startswith("-") and lo is not None:
        return False
    digits = text.lstrip("-").rstrip(".")
    if not digits or digits == ".":
        return True
    try:
        value = float(digits)
    except ValueError:
        return True
    if upper is not None and value >= upper:     # every completion of a prefix is at least its value
        return False
    if lo is not None and bound.get("integer") and lo >= 1 and text == "0":
        return False                             # an integer cannot go on after 0
    if ends and lo is not None and (value <= lo if bound.get("exclusive") else value < lo):
        return False
    return True


class SchemaLogitsProcessor:
    """A ``transformers`` logits processor: only tokens that keep the output a valid prefix of a
    JSON document under ``schema`` stay possible; once the document is complete, only EOS.

    ``bounds`` (from :func:`numeric_bounds`) adds the value rules the enforcer leaves out: no zero or
    negative size, no count below 1, and a value kept under another one written before it (a bore
    under its outside). A rule that would leave no token at all is dropped for that step."""

    def __init__(self, tokenizer, schema: dict, prompt_length: int, *, max_whitespace: int = 1,
                 max_int_digits: int = 5, max_decimals: int = 3, bounds: dict | None = None):
        import torch
        from lmformatenforcer import CharacterLevelParserConfig, JsonSchemaParser, TokenEnforcer

        data = tokenizer_data(tokenizer)
        self.tokenizer = tokenizer
        self.max_int_digits, self.max_decimals = max_int_digits, max_decimals
        self.lead_digits, self.exp_start = data.cadagent_lead_digits, data.cadagent_exp_start  # once per tokenizer

        # compact JSON: at most ``max_whitespace`` blanks in a row (fewer tokens; no whitespace loops)
        config = CharacterLevelParserConfig(max_consecutive_whitespaces=max_whitespace)
        self.enforcer = TokenEnforcer(data, JsonSchemaParser(schema, config=config))
        self.prompt_length = prompt_length
        self.eos = tokenizer.eos_token_id
        self.masked_steps = 0
        self.bounds = bounds or {}
        self.texts = data.cadagent_texts
        self.bounded_steps = 0       # steps where a value rule removed a token the schema allowed

    def _bounded(self, text: str, allowed: list[int]) -> list[int]:
        m = _KEY_NUMBER.search(text[-120:])
        bound = self.bounds.get(m.group(1)) if m else None
        if not bound:
            return allowed
        current, upper = m.group(2), None
        if bound.get("below"):
            prior = re.findall(rf'"{bound["below"]}":\s*(\d+(?:\.\d+)?)', text)
            upper = float(prior[-1]) if prior else None
        keep = []
        for t in allowed:
            tt = self.texts.get(t)
            if tt is None:
                keep.append(t)
                continue
            body = tt if current else tt.lstrip()     # a value may start after a blank in the same token (" -9")
            num = _LEAD_NUMBER.match(body).group(0)
            rest = body[len(num):].lstrip()
            if not num and not (current and rest[:1] in (",", "}", "]")):
                keep.append(t)           # not a number's character (a blank, a bracket, null)
                continue
            if _value_ok(current + num, bool(rest) and rest[:1] in (",", "}", "]"), bound, upper):
                keep.append(t)
        if keep and len(keep) < len(allowed):
            self.bounded_steps += 1
            return keep
        return allowed

    def __call__(self, input_ids, scores):
        import torch

        mask = torch.full_like(scores, float("-inf"))
        n = min(scores.shape[-1], self.lead_digits.shape[0])
        for row, ids in enumerate(input_ids.tolist()):
            generated = ids[self.prompt_length:]
            allowed = self.enforcer.get_allowed_tokens(generated).allowed_tokens
            allowed = [t for t in allowed if t < scores.shape[-1]]
            if self.bounds and generated:
                allowed = self._bounded(self.tokenizer.decode(generated), allowed)
            if self.eos is not None and self.eos in allowed:
                allowed = [self.eos]      # the document is complete: end it (no trailing blank lines)
            mask[row, allowed] = 0.0
            tail = _NUMBER_TAIL.search(self.tokenizer.decode(generated[-12:])) if generated else None
            if tail:                      # in a number, or where a value starts
                digits, point, decimals = tail.groups()
                room = self.max_decimals - len(decimals) if point else self.max_int_digits - len(digits)
                banned = self.lead_digits[:n] > room
                if digits or point:
                    banned |= self.exp_start[:n]
                mask[row, :n][banned] = float("-inf")
        self.masked_steps += 1
        return scores + mask


def parse_json(text: str):
    """The first JSON value in ``text`` (constrained output is exactly one; free output may trail)."""
    try:
        return json.JSONDecoder(strict=False).raw_decode(text.strip())[0]
    except (json.JSONDecodeError, ValueError):
        return None
