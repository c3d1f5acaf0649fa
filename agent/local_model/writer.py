"""The local model writing part specs: N candidates under the spec target's JSON Schema, each
parsed, given the request's unit, and validated; then ranked (:mod:`.rank`) with whatever other
sources the caller adds (the parser's readings).

    writer = SpecWriter(chat_model)            # a LocalChatModel: base + adapters, loaded once
    cands = writer.candidates("a 60 x 40 x 5 plate with a 6 mm hole in the middle", n=4)
    ranking = rank(request, [(c.source, c.spec) for c in cands] + parser_pairs, build=builder)

Candidate 1 is greedy; the others are sampled (``temperature``) in one batch. Every candidate that
the part rules (or the schema's values) refuse is rejected, and a bounded retry (``retries`` rounds,
default 1) writes as many new ones with the rejected candidates' problems in the prompt; the retry's
first is greedy again. ``Generation.raw`` keeps the first round and ``Generation.rejected`` what was
dropped, so a report can say how valid the model was before and after. The retry's prompt lists the
refused candidates' problems; ``show_refused=True`` shows the first refused spec with them instead
(:func:`retry_messages`), as the repair pairs train it. Without a ``spec`` adapter
(the bare base) the prompt carries three worked examples.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field

from .constrain import SchemaLogitsProcessor, parse_json, restricted_head, vocabulary_subset
from .normalize import normalize
from .prompts import FEW_SHOT, repair_messages, spec_messages
from .schemas import spec_bounds, spec_schema

SPEC_ADAPTER = "spec"


@dataclass
class Candidate:
    source: str
    text: str
    spec: dict | None
    problems: list[str] = field(default_factory=list)
    tokens: int = 0
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return self.spec is not None and not self.problems


@dataclass
class Generation:
    candidates: list[Candidate]
    seconds: float
    tokens: int
    constrained: bool
    retried: bool = False
    raw: list[Candidate] = field(default_factory=list)        # the first round, before any rejection
    rejected: list[Candidate] = field(default_factory=list)   # refused by the rules, replaced by a retry

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


class SpecWriter:
    """Spec candidates from a :class:`cadagent.agent.local_llm.LocalChatModel` (its base model and
    its ``spec`` adapter when loaded; the bare base otherwise)."""

    def __init__(self, chat_model, *, adapter: str = SPEC_ADAPTER, temperature: float = 0.7,
                 max_new_tokens: int = 160, constrained: bool = True, restrict_vocab: bool = True,
                 value_rules: bool = True, show_refused: bool = False):
        self.llm = chat_model
        # under the constraint, project only the tokens the schema can ever use (same choices, ~2x faster)
        self.restrict_vocab = restrict_vocab
        self.adapter = adapter
        self.temperature = temperature
        self.max_new_tokens = max_new_tokens
        self.constrained = constrained
        self.value_rules = value_rules
        # the retry prompt: the refused candidates' problems (default), or the first refused spec shown with
        # its problems (the repair pairs' format; on the held-out refusals it fixed 0/21, problems only 4/21)
        self.show_refused = show_refused

    max_decimals = 3            # the spec target's numbers are whole or short decimals

    @staticmethod
    def schema() -> dict:
        return spec_schema()

    def bounds(self) -> dict | None:
        """The value rules the decoder keeps beyond the schema (``value_rules=False``: none)."""
        return spec_bounds() if self.value_rules else None

    def _context(self):
        model = self.llm._model
        loaded = self.llm.loaded_adapters
        if self.adapter in loaded:
            model.set_adapter(self.adapter)
            return contextlib.nullcontext()
        return model.disable_adapter() if loaded else contextlib.nullcontext()

    def generate(self, messages: list[dict], n: int = 1, *, seed: int = 0) -> Generation:
        import torch

        from cadagent.agent.local_llm import render_prompt

        tok, model = self.llm._tokenizer, self.llm._model
        prompt = render_prompt(tok, messages)
        inputs = tok(prompt, return_tensors="pt").to(self.llm._device)
        plen = inputs["input_ids"].shape[1]
        pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
        outs, t0 = [], time.time()
        runs = [(1, False)] + ([(n - 1, True)] if n > 1 else [])
        schema = self.schema()
        subset = vocabulary_subset(tok, schema) if self.constrained and self.restrict_vocab else None
        for count, sample in runs:
            procs = [SchemaLogitsProcessor(tok, schema, plen, max_decimals=self.max_decimals,
                                           bounds=self.bounds())] if self.constrained else []
            torch.manual_seed(seed)
            kwargs = dict(do_sample=True, temperature=self.temperature, top_p=None, top_k=None) if sample else \
                dict(do_sample=False, temperature=None, top_p=None, top_k=None)
            with self._context(), torch.no_grad(), restricted_head(model, subset):
                out = model.generate(**inputs, max_new_tokens=self.max_new_tokens, num_return_sequences=count,
                                     logits_processor=procs or None, pad_token_id=pad, **kwargs)
            for row in out:
                new = row[plen:]
                new = new[new != pad] if pad != tok.eos_token_id else new
                outs.append((tok.decode(new, skip_special_tokens=True), int((new != tok.eos_token_id).sum())))
        seconds = time.time() - t0
        cands = [Candidate(source=f"model#{i + 1}", text=text, spec=None, tokens=k) for i, (text, k) in
                 enumerate(outs)]
        return Generation(cands, seconds, sum(c.tokens for c in cands), self.constrained)

    def candidates(self, request: str, n: int = 4, *, current: dict | None = None, seed: int = 0,
                   retries: int = 1) -> Generation:
        from cadagent.finetune.spec_data import canonical

        norm = normalize(request)
        cur = canonical(current) if current else None
        shots = 0 if self.adapter in self.llm.loaded_adapters else len(FEW_SHOT)
        gen = self.generate(spec_messages(request, cur, shots=shots), n, seed=seed)
        self._check(gen, norm.units)
        gen.raw = list(gen.candidates)
        for round_ in range(1, retries + 1):
            bad = [c for c in gen.candidates if not c.valid]
            if not bad:
                break
            msgs = retry_messages(request, bad, cur, shots=shots, show_refused=self.show_refused)
            again = self.generate(msgs, len(bad), seed=seed + round_)
            self._check(again, norm.units)
            for c in again.candidates:
                c.source += "-retry" if round_ == 1 else f"-retry{round_}"
            gen = Generation([c for c in gen.candidates if c.valid] + again.candidates, gen.seconds + again.seconds,
                             gen.tokens + again.tokens, gen.constrained, retried=True, raw=gen.raw,
                             rejected=gen.rejected + bad)
        return gen

    @staticmethod
    def _check(gen: Generation, units: str) -> None:
        from cadagent.tools.part.validation import validate

        for c in gen.candidates:
            obj = parse_json(c.text)
            if not isinstance(obj, dict):
                c.problems = ["the output is not a JSON object" + (" (cut at max_new_tokens)" if c.text else "")]
                continue
            obj = {"units": units, **obj}
            ok, problems = validate(obj)
            c.spec = obj
            c.problems = [str(p) for p in problems if p.severity == "error"]


def retry_messages(request: str, bad: list[Candidate], current: str | None = None, *, shots: int = 0,
                   show_refused: bool = False) -> list[dict]:
    """The retry's prompt: the request with the refused candidates' problems (each rule once, numbers
    kept); with ``show_refused``, the first refused spec (the greedy one when it was refused) shown with
    its own problems instead (:func:`.prompts.repair_messages`, the format the repair pairs train)."""
    from cadagent.finetune.spec_data import canonical

    shown = next((c for c in bad if c.spec is not None and c.problems), None)
    if show_refused and shown is not None:
        return repair_messages(request, canonical(shown.spec), shown.problems, current, shots=shots)
    msgs = spec_messages(request, current, shots=shots)
    msgs[-1]["content"] += "\nFix these problems of the last answer: " + "; ".join(retry_problems(bad))
    return msgs


def retry_problems(bad: list[Candidate], limit: int = 3) -> list[str]:
    """The rejected candidates' problems for the retry prompt: the first of each, one per rule (numbers
    kept, so "hole 1 at (30, 0) runs off the 60 x 40 mm top face" says where), ``limit`` at most."""
    from cadagent.finetune.spec_eval import failure_rule

    out, seen = [], set()
    for c in bad:
        if not c.problems:
            continue
        text = c.problems[0].removeprefix("error: ").removeprefix("$.")
        rule = failure_rule(c.problems[0])
        if rule not in seen:
            seen.add(rule)
            out.append(text.split(". Fix:")[0][:240])
    return out[:limit] or ["the answer was not a complete spec"]
