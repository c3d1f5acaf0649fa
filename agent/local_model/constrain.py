"""JSON-Schema constrained decoding for ``transformers`` models, with lm-format-enforcer.

Why lm-format-enforcer: it is pure Python (no triton, ~100 KB), so the tests run it in CI; xgrammar
pulls ~1 GB of triton the CPU path never uses, and outlines had the highest per-token overhead here.
Its own ``transformers`` integration does not import with transformers 5 (a moved tokenizer base
class), so this module is that integration: the tokenizer's vocabulary as the enforcer wants it
(built once per tokenizer and cached), and a ``LogitsProcessor`` that masks every token the schema
does not allow at that point. Every row of a batch (best-of-N samples) is followed on its own.

Numeric bounds (``exclusiveMinimum`` …) are not enforced by the library; the caller validates the
result against the full schema afterwards and retries with the problems.
"""

from __future__ import annotations

import json
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
    _CACHE[tokenizer] = data
    return data


class SchemaLogitsProcessor:
    """A ``transformers`` logits processor: only tokens that keep the output a valid prefix of a
    JSON document under ``schema`` stay possible (and EOS once the document is complete)."""

    def __init__(self, tokenizer, schema: dict, prompt_length: int):
        from lmformatenforcer import JsonSchemaParser, TokenEnforcer

        self.enforcer = TokenEnforcer(tokenizer_data(tokenizer), JsonSchemaParser(schema))
        self.prompt_length = prompt_length
        self.masked_steps = 0

    def __call__(self, input_ids, scores):
        import torch

        mask = torch.full_like(scores, float("-inf"))
        for row, ids in enumerate(input_ids.tolist()):
            allowed = self.enforcer.get_allowed_tokens(ids[self.prompt_length:]).allowed_tokens
            allowed = [t for t in allowed if t < scores.shape[-1]]
            mask[row, allowed] = 0.0
        self.masked_steps += 1
        return scores + mask


def parse_json(text: str):
    """The first JSON value in ``text`` (constrained output is exactly one; free output may trail)."""
    try:
        return json.JSONDecoder().raw_decode(text.strip())[0]
    except (json.JSONDecodeError, ValueError):
        return None
