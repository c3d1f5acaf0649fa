"""Part-spec candidates beside the free code (issues 15 and 23).

- **A model provider** (gemini, openai-compatible) is asked, on each design attempt, for a part spec
  under the spec's JSON Schema: as structured output where the chat model supports it
  (``with_structured_output(schema, method="json_schema")``: Gemini's ``response_json_schema``, an
  OpenAI-compatible server's ``response_format``), else with the schema in the prompt and the JSON
  parsed from the reply. The spec is validated (``tools.part.validate``); its problems (path and
  message) go back to the model in one repair call; a valid spec is compiled. At most two calls per
  attempt (:func:`write_spec`).
- **The local provider** writes N specs under constrained decoding (``local_model.writer.SpecWriter``);
  with the parser's readings (``tools.understand``) they make one ensemble (:func:`ensemble`), each
  candidate compiled, run and checked, then ranked (``local_model.rank``).

Whichever way, a candidate is checked like any other attempt (size and requested features, by the
design nodes), and :func:`choose` picks the better-checked of the spec candidate and the free code.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from .model_calls import add_usage, text_of
from .prompting import prompt

STRUCTURED_ERRORS = (NotImplementedError, ValueError, TypeError, AttributeError)


@lru_cache(maxsize=1)
def _schema_text() -> str:
    from cadagent.tools.part import part_schema

    return json.dumps(part_schema(), separators=(",", ":"))


def spec_schema() -> dict:
    """The part spec's JSON Schema (``tools.part.part_schema``), a fresh copy, titled with a name that
    OpenAI's ``response_format`` accepts (letters, digits, _ and -)."""
    return {**json.loads(_schema_text()), "title": "PartSpec"}


@dataclass
class SpecTry:
    """One spec candidate: what the model wrote, what was wrong with it, the script compiled from it."""

    source: str = "spec"
    spec: dict | None = None
    code: str | None = None
    problems: list[str] = field(default_factory=list)   # validation / compile problems (path: message)
    calls: int = 0
    mode: str = ""                  # json_schema | prompt
    note: str = ""                  # why there is no spec (a failed call, no JSON, ...)
    repaired: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


# -- one spec from a chat model -----------------------------------------------------------------
def spec_messages(context: dict, *, schema_in_prompt: bool) -> list:
    fmt = ("Answer with one JSON object and nothing else. It must fit this JSON Schema:\n```json\n"
           + _schema_text() + "\n```") if schema_in_prompt else "Answer with the part spec (structured output)."
    body = prompt("spec.md").format(format=fmt, context=json.dumps(context, indent=1, default=str))
    return [SystemMessage(content=prompt("system.md")), HumanMessage(content=body)]


def problem_lines(problems) -> list[str]:
    """``tools.part`` problems as "path: message (expected ...; found ...)" lines (errors only)."""
    out = []
    for p in problems:
        if getattr(p, "severity", "error") != "error":
            continue
        extra = "; ".join(x for x in (f"expected {p.expected}" if p.expected else "",
                                      f"found {p.found}" if p.found else "") if x)
        out.append(f"{p.path}: {p.message}" + (f" ({extra})" if extra else ""))
    return out


def compiled(obj) -> tuple[dict | None, str | None, list[str]]:
    """(the validated spec as a dict, its script, problems) for whatever the model answered."""
    from cadagent.tools.part import compile_spec, validate

    if not isinstance(obj, dict):
        return None, None, ["$: a part spec is a JSON object with body and features"]
    obj = {k: v for k, v in obj.items() if k != "schema_version" or v}
    spec, problems = validate(obj)
    if spec is None:
        return None, None, problem_lines(problems) or ["$: the spec is not valid"]
    try:
        script = compile_spec(spec).script
    except Exception as exc:  # noqa: BLE001 - a spec the compiler refuses is a problem to send back
        return None, None, [f"$: the compiler refused the spec ({type(exc).__name__}: {str(exc)[:200]})"]
    return obj, script, []


_JSON_BLOCK = re.compile(r"\{.*\}", re.S)


def parse_reply(text: str):
    """The JSON object in a reply (fenced or bare), or None."""
    m = _JSON_BLOCK.search(text or "")
    if not m:
        return None
    try:
        return json.loads(m.group(0))
    except ValueError:
        return None


class SpecAsker:
    """Asks a chat model for one spec: structured output while the model supports it (a refusal of the
    schema switches this asker to the prompt for its lifetime, like refused tools), else the prompt."""

    def __init__(self, caller):
        self.caller = caller
        self.requests = 0           # model requests made (a refused structured one counts)

    @property
    def structured(self) -> bool:
        return getattr(self.caller, "spec_structured", True)

    def _off(self):
        self.caller.spec_structured = False

    def ask(self, messages: list, usage: dict, fallback: bool = True) -> tuple[object, str, dict, str]:
        """(the answered object or None, the reply's text, usage, mode). ``fallback``: a refused
        structured request is asked again with the schema in the prompt (else it raises)."""
        config = self.caller.provider.call_config("spec")
        llm = self.caller.llm
        if self.structured:
            try:
                runnable = llm.with_structured_output(spec_schema(), method="json_schema", include_raw=True)
            except STRUCTURED_ERRORS:
                runnable = None
                self._off()
            if runnable is not None:
                self.requests += 1
                try:
                    out = runnable.invoke(messages, config=config)
                except Exception as exc:  # noqa: BLE001 - a server that refuses the schema: the prompt instead
                    from .providers import status_code

                    if status_code(exc) not in (400, 422, 500, 501) and not isinstance(exc, STRUCTURED_ERRORS):
                        raise
                    self._off()
                    if not fallback:
                        raise
                else:
                    raw = out.get("raw") if isinstance(out, dict) else None
                    usage = add_usage(usage, raw) if raw is not None else usage
                    text = text_of(getattr(raw, "content", "")) if raw is not None else ""
                    parsed = out.get("parsed") if isinstance(out, dict) else None
                    return (parsed if parsed is not None else parse_reply(text)), text, usage, "json_schema"
        messages = spec_messages_with_schema(messages)
        self.requests += 1
        reply = llm.invoke(messages, config=config)
        text = text_of(reply.content)
        return parse_reply(text), text, add_usage(usage, reply), "prompt"


def spec_messages_with_schema(messages: list) -> list:
    """The same messages, the schema written into the prompt (for models without structured output)."""
    out = list(messages)
    last = out[-1]
    if "It must fit this JSON Schema" not in str(last.content):
        out[-1] = HumanMessage(content=str(last.content).replace(
            "Answer with the part spec (structured output).",
            "Answer with one JSON object and nothing else. It must fit this JSON Schema:\n```json\n"
            + _schema_text() + "\n```"))
    return out


def write_spec(caller, context: dict, usage: dict | None = None) -> tuple[SpecTry, dict]:
    """One spec from the model: one call, and one repair call when the first spec is not valid; at most
    two model requests (a refused structured request and its prompt retry use up the repair)."""
    asker = SpecAsker(caller)
    usage = dict(usage or {})
    messages = spec_messages(context, schema_in_prompt=not asker.structured)
    out = SpecTry()
    try:
        obj, text, usage, out.mode = asker.ask(messages, usage)
    except Exception as exc:  # noqa: BLE001 - the free code still runs; the step says why there is no spec
        out.calls, out.note = asker.requests, f"the spec call failed ({type(exc).__name__}: {str(exc)[:160]})"
        return out, usage
    out.calls = asker.requests
    spec, code, problems = compiled(obj)
    if spec is None:
        if obj is None:
            problems = ["$: the answer was not a JSON object" + (f" (it began {text[:60]!r})" if text else "")]
        if asker.requests >= 2:
            out.problems = problems
            out.note = ("the server refused the schema as structured output; the spec written with the schema in "
                        "the prompt was not valid, and no repair was asked (two requests an attempt)")
            return out, usage
        repair = [*messages, AIMessage(content=text or json.dumps(obj)), HumanMessage(
            content="That part spec is not valid. Its problems (JSON path: what is wrong):\n- "
                    + "\n- ".join(problems[:12]) + "\nAnswer with the corrected part spec, the whole JSON object.")]
        if out.mode == "prompt":
            repair = spec_messages_with_schema(repair)
        try:
            obj, text, usage, out.mode = asker.ask(repair, usage, fallback=False)
        except Exception as exc:  # noqa: BLE001
            out.calls, out.problems = asker.requests, problems
            out.note = f"the repair call failed ({type(exc).__name__}: {str(exc)[:160]})"
            return out, usage
        out.calls, out.repaired = asker.requests, True
        first = problems
        spec, code, problems = compiled(obj)
        if spec is None:
            out.problems = problems
            out.note = "the spec was still not valid after one repair (first: " + "; ".join(first[:2]) + ")"
            return out, usage
    out.spec, out.code = spec, code
    return out, usage


def spec_context(t: dict, current: dict | None, previous: dict | None) -> dict:
    """What the spec prompt carries: the request, the plan's sizes and features, the current spec
    (an edit), the problems of this turn's last spec candidate (a retry)."""
    plan = t.get("plan") or {}
    ctx = {"task": "modify" if t.get("intent") == "modify" else "new_design", "request": t.get("request", ""),
           "sizes": plan.get("dims") or {}, "features_expected": plan.get("features_expected") or {}}
    if t.get("edits"):
        ctx["edits_read"] = t["edits"]          # what the parser read of the change (a hint, not a rule)
    if current and current.get("spec"):
        ctx["current_spec"] = current["spec"]
        ctx["current_size"] = current.get("size")
    if previous:
        ctx["previous_spec"] = previous.get("spec")
        ctx["problems"] = previous.get("problems") or []
    return ctx


# -- choosing between the free code and the spec ---------------------------------------------
def entry_ok(entry: dict) -> bool:
    return bool(entry.get("code")) and not entry.get("error") and not entry.get("problems")


def _count(entry: dict) -> int:
    return len(entry.get("problems") or []) + (1 if entry.get("error") else 0) + (0 if entry.get("code") else 1)


def _why_not(entry: dict) -> str:
    if not entry.get("code"):
        return entry.get("note") or "no script"
    reasons = list(entry.get("problems") or [])
    if entry.get("error"):
        err = entry["error"]
        reasons.insert(0, f"{err.get('type')}: {str(err.get('message'))[:160]}")
    return "; ".join(reasons) or "passes the checks"


def choose(code_entry: dict, spec_entry: dict) -> tuple[str, str]:
    """("code" | "spec", why): passes the checks > fails; then fewer problems; then the one with a
    spec (later edits compose on it)."""
    def key(e, has_spec):
        return (entry_ok(e), -_count(e), has_spec)

    spec_wins = bool(spec_entry.get("code")) and key(spec_entry, True) > key(code_entry, False)
    a, b = ("spec", "code") if spec_wins else ("code", "spec")
    win, lose = (spec_entry, code_entry) if spec_wins else (code_entry, spec_entry)
    names = {"spec": "the part-spec candidate", "code": "the free-code candidate"}
    if entry_ok(win) and entry_ok(lose):
        why = "both pass the checks, and later edits compose on a spec"
    elif entry_ok(win):
        why = f"it passes the checks, {names[b]} does not ({_why_not(lose)})"
    elif _count(win) < _count(lose):
        why = f"neither passes the checks, it has fewer problems ({_why_not(win)}; {names[b]}: {_why_not(lose)})"
    else:
        why = (f"neither passes the checks ({_why_not(win)}; {names[b]}: {_why_not(lose)})"
               + (", and later edits compose on a spec" if a == "spec" else ""))
    return a, f"{names[a][0].upper()}{names[a][1:]} won: {why}."


# -- the local ensemble ------------------------------------------------------------------------
def parser_readings(request: str, current_spec: dict | None, limit: int = 2) -> list[dict]:
    """The parser's candidates: readings of a new request, or the edit applied to the current spec."""
    from cadagent.tools.understand import apply_edit, understand

    if current_spec:
        r = apply_edit(request, copy.deepcopy(current_spec))
        return [{"source": "parser", "spec": r.spec}] if r.spec is not None else []
    u = understand(request)
    return [{"source": "parser" if k == 0 else f"parser#{k + 1}", "spec": c.spec}
            for k, c in enumerate(u.candidates[:limit]) if c.spec is not None]


def ensemble(writer, request: str, current_spec: dict | None, n: int) -> tuple[list[dict], str]:
    """(candidates, a line on how they were made): the local model's N specs and the parser's readings,
    each with its validation problems (nothing built yet)."""
    gen = writer.candidates(request, n=n, current=current_spec)
    cands = [{"source": c.source, "spec": c.spec, "problems": list(c.problems)} for c in gen.candidates]
    valid = sum(1 for c in cands if not c["problems"] and c["spec"] is not None)
    rate = f", {gen.tokens_per_second:.1f} tokens/s" if getattr(gen, "seconds", 0) else ""
    line = (f"{len(cands)} model candidate(s) ({valid} valid{', after a retry' if gen.retried else ''}"
            f"{', constrained' if gen.constrained else ''}{rate})")
    parsed = parser_readings(request, current_spec)
    for c in parsed:
        c["problems"] = compiled(c["spec"])[2]
    line += f" + {len(parsed)} parser reading(s)" if parsed else "; the parser has no reading"
    return cands + parsed, line


class Checked:
    """A candidate's build and check as ``rank`` wants it (``.ok``, ``.summary()``)."""

    def __init__(self, cand: dict):
        self.ok = bool(cand.get("passed"))
        self._why = _why_not({"code": cand.get("code"), "problems": cand.get("check_problems"),
                              "error": cand.get("error"), "note": "not built"})

    def summary(self) -> str:
        return self._why


def canonical(spec: dict | None) -> str:
    from .local_model.rank import canonical_key

    return canonical_key(spec)
