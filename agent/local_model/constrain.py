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
    _CACHE[tokenizer] = data
    return data


_NUMBER_TAIL = re.compile(r"[:\[,]\s*-?(\d*)(\.?)(\d*)$")


class SchemaLogitsProcessor:
    """A ``transformers`` logits processor: only tokens that keep the output a valid prefix of a
    JSON document under ``schema`` stay possible (and EOS once the document is complete)."""

    def __init__(self, tokenizer, schema: dict, prompt_length: int, *, max_whitespace: int = 1,
                 max_int_digits: int = 5, max_decimals: int = 3):
        import torch
        from lmformatenforcer import CharacterLevelParserConfig, JsonSchemaParser, TokenEnforcer

        data = tokenizer_data(tokenizer)
        self.tokenizer = tokenizer
        self.max_int_digits, self.max_decimals = max_int_digits, max_decimals
        size = max(data.cadagent_first_chars, default=-1) + 1
        self.lead_digits = torch.zeros(size, dtype=torch.long)      # digits a token starts with
        self.exp_start = torch.zeros(size, dtype=torch.bool)
        for idx, text in data.cadagent_first_chars.items():
            self.lead_digits[idx] = len(text) - len(text.lstrip("0123456789"))
            self.exp_start[idx] = text[:1] in ("e", "E", "+")

        # compact JSON: at most ``max_whitespace`` blanks in a row (fewer tokens; no whitespace loops)
        config = CharacterLevelParserConfig(max_consecutive_whitespaces=max_whitespace)
        self.enforcer = TokenEnforcer(data, JsonSchemaParser(schema, config=config))
        self.prompt_length = prompt_length
        self.masked_steps = 0

    def __call__(self, input_ids, scores):
        import torch

        mask = torch.full_like(scores, float("-inf"))
        n = min(scores.shape[-1], self.lead_digits.shape[0])
        for row, ids in enumerate(input_ids.tolist()):
            generated = ids[self.prompt_length:]
            allowed = self.enforcer.get_allowed_tokens(generated).allowed_tokens
            allowed = [t for t in allowed if t < scores.shape[-1]]
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
