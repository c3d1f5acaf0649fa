"""The local model writing CAD JSON for construction steps (the ``cadjson`` adapter), under the CAD
JSON target's schema (:func:`.schemas.cadjson_schema`), then through the CAD JSON validator:

    doc = CadJsonWriter(chat_model).write(steps)      # a LocalChatModel with a ``cadjson`` adapter
    doc.document, doc.problems, doc.tokens_per_second

The prompt is the one the adapter was trained on (``finetune/cadjson_system.md`` + the steps). One
greedy document; when the validator refuses it, ``retries`` more with its problems in the prompt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from .constrain import parse_json
from .schemas import cadjson_schema
from .writer import SpecWriter

CADJSON_ADAPTER = "cadjson"


def cadjson_messages(steps: str, problems: list[str] | None = None) -> list[dict]:
    system = resources.files("cadagent.finetune").joinpath("cadjson_system.md").read_text(encoding="utf-8").strip()
    user = steps + ("\nFix these problems of the last answer: " + "; ".join(problems) if problems else "")
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


@dataclass
class CadJsonDoc:
    text: str
    document: dict | None            # parsed and validated (None when either failed)
    parsed: bool
    problems: list[str] = field(default_factory=list)
    tokens: int = 0
    seconds: float = 0.0
    tries: int = 1

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


class CadJsonWriter(SpecWriter):
    """CAD JSON from a :class:`cadagent.agent.local_llm.LocalChatModel` (its ``cadjson`` adapter when
    loaded), constrained by the CAD JSON target schema unless ``constrained=False``."""

    max_decimals = 6                 # Text2CAD coordinates carry 4–6 decimals

    def __init__(self, chat_model, *, adapter: str = CADJSON_ADAPTER, max_new_tokens: int = 900, **kw):
        super().__init__(chat_model, adapter=adapter, max_new_tokens=max_new_tokens, **kw)

    @staticmethod
    def schema() -> dict:
        return cadjson_schema()

    def bounds(self) -> dict | None:
        """No negative depth, no zero sketch scale (the schema's bounds the enforcer leaves out)."""
        from .constrain import numeric_bounds

        return numeric_bounds(cadjson_schema()) if self.value_rules else None

    def write(self, steps: str, *, retries: int = 0) -> CadJsonDoc:
        from cadagent.tools.cadjson.validate import validate

        problems: list[str] = []
        tokens, seconds = 0, 0.0
        for attempt in range(retries + 1):
            gen = self.generate(cadjson_messages(steps, problems[:3] or None), 1, seed=attempt)
            c = gen.candidates[0]
            tokens, seconds = tokens + c.tokens, seconds + gen.seconds
            obj = parse_json(c.text)
            if not isinstance(obj, dict):
                problems = ["the output is not a complete JSON document" + (" (cut at max_new_tokens)" if c.text else "")]
                doc = CadJsonDoc(c.text, None, False, problems, tokens, seconds, attempt + 1)
                continue
            ok, found = validate(obj)
            problems = [str(p) for p in found if p.severity == "error"]
            doc = CadJsonDoc(c.text, obj if ok is not None else None, True, problems, tokens, seconds, attempt + 1)
            if ok is not None:
                break
        return doc
