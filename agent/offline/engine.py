"""The offline engine: needs no network and no weights; deterministic.

The design loop calls :meth:`OfflineChatModel.draft` with a :class:`DesignContext` and gets a
:class:`Draft`. Two paths, the first that fits wins, and the draft says which (``path``):

1. **spec** (``spec_path``): the request read into a part spec (``tools.understand``) and compiled
   to a readable script; edits are spec operations on the current version's spec ("edit"); a
   failed attempt drops or shrinks the feature the kernel named.
2. **example**: adapt the best retrieved example by filling its named parameters from the plan;
   a version made from code is edited through its parameters ("10 mm longer", "holes 6 mm",
   "add 2 mm fillets", "shell it 2 mm"); on a retry, the next example or a smaller fillet.

It also still answers as a LangChain chat model from the JSON context block of a rendered
prompt (the example path only), for callers that send prompts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from ..drafts import DesignContext, Draft
from ..plan import unread_numbers
from . import spec_path
from .params import ROLE_PARAMS, coverage, fill, parameters, set_parameters

_FENCE = re.compile(r"```python\n(.*?)```", re.S)
_CONTEXT = re.compile(r"CONTEXT\s*```json\s*(\{.*\})\s*```", re.S)
SIZE_ROLES = ("length", "width", "height", "thickness", "diameter")
CANNOT = ("The offline engine can only adapt the examples in its knowledge base and apply simple edits "
          "(longer / wider / taller, hole size, fillets, shell). For this request, choose an LLM provider "
          "(Gemini or an OpenAI-compatible server).")


def _unplaced(dims: dict, counts: dict, code: str) -> list[str]:
    """The requested sizes and counts an example has no parameter for (a fillet can be added)."""
    _, missing = fill(dims, counts, parameters(code))
    return [m for m in missing if m != "fillet"]


def _sized(request: str) -> bool:
    """Does the request give any size or count at all (a number, a number word, an M-size, a fraction)?"""
    from ...tools.understand.numbers import normalize, numbers

    t = normalize(request)
    return bool(numbers(t)) or bool(re.search(r"\bm\d|#\d", t))


def _fence(code: str, note: str) -> str:
    return f"```python\n{code.rstrip()}\n```\n{note}".strip()


class OfflineChatModel(BaseChatModel):
    """Deterministic template engine behind the standard chat-model interface."""

    @property
    def _llm_type(self) -> str:
        return "cadagent-offline"

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        text = str(messages[-1].content) if messages else ""
        m = _CONTEXT.search(text)
        if not m:
            answer = "I only work inside CadAgent's design loop (no context block found). " + CANNOT
        else:
            answer = self.answer(json.loads(m.group(1)))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=answer))])

    # -- the engine ------------------------------------------------------------------------
    def draft(self, ctx: DesignContext) -> Draft:
        """The spec path first; the stored examples (or a code version's parameters) as the fallback."""
        base = ctx.base or ctx.task
        if ctx.task == "fix" and (ctx.previous or {}).get("spec"):
            d = spec_path.repair(ctx)
            if d is not None:
                return d
        elif ctx.task == "modify" or (ctx.task == "fix" and base == "modify"):
            d = spec_path.edit(ctx) if ctx.task == "modify" else None
            if d is not None:
                return d
        elif ctx.task in ("new_design", "fix") and ctx.attempt == 1:
            d = spec_path.new_design(ctx)
            if d is not None:
                return d
            if ctx.examples and not _sized(ctx.request) and spec_path.names_an_example(ctx.request, ctx.examples):
                # "a spur gear please", "I need a washer": no size at all; the stored example's sizes would be a guess
                # marked right. Say which example it names and ask for the sizes (keyboard mash names none: it is
                # told that nothing was read, never pointed at the nearest example)
                return Draft(None, f"No sizes were given. The nearest stored example is '{ctx.examples[0]['title']}'; "
                             "say the sizes you want (e.g. 'a washer, 16 OD, 8.4 ID, 1.6 thick', 'a spur gear, module 2, "
                             "20 teeth, 10 thick') and I will build it.", path="spec", declined=True)
            if ctx.examples and not spec_path.names_an_example(ctx.request, ctx.examples):
                # nothing read, and no stored example is what the words name: adapting one would be a guess
                u = spec_path.understand(ctx.request)
                why = u.explain(assumed=False)
                return Draft(None, "I could not read a part from these words. " + (why + " " if why else "")
                             + "Name the shape and its sizes (e.g. 'a 40 x 20 x 10 block with a 5 mm hole'), or "
                             + spec_path.PROVIDER_HINT[0].lower() + spec_path.PROVIDER_HINT[1:], path="spec",
                             declined=True)
        return self._fallback(ctx, base)

    def _fallback(self, ctx: DesignContext, base: str) -> Draft:
        current, previous = ctx.current or {}, ctx.previous or {}
        legacy = {"task": ctx.task, "base": base, "request": ctx.request, "plan": ctx.plan, "edits": ctx.edits,
                  "examples": ctx.examples, "current_code": current.get("code"), "attempt": ctx.attempt,
                  "last_error": previous.get("error"), "previous_code": previous.get("code")}
        if ctx.task == "new_design" or (ctx.task == "fix" and base != "modify"):
            # attempts count the examples: the spec path, when it answered, was attempt 1
            legacy["attempt"] = max(1, ctx.attempt)
        answer = self.answer(legacy)
        m = _FENCE.search(answer)
        code = m.group(1) if m else None
        note = _FENCE.sub("", answer).strip()
        path = "example" if base != "modify" else "code-edit"
        if code is None:
            u = spec_path.understand(ctx.request) if base != "modify" else None
            if u is not None and u.missing:
                # what the part needs comes first: the example fallback's reason is the lesser one
                return Draft(None, f"{u.explain()} {note}", path=path, declined=True)
            extra = f" {u.explain()}" if u is not None and u.explain() else ""
            return Draft(None, note + extra, path=path, declined=True)
        if base != "modify":
            u = spec_path.understand(ctx.request)
            why = u.explain() or "no shape I can build from a spec was named"
            note = f"{note} (The spec path could not read this request: {why})"
        return Draft(code, note, path=path)

    def answer(self, ctx: dict) -> str:
        task = ctx.get("task")
        if task == "modify":
            return self._modify(ctx)
        if task == "fix" and ctx.get("base") == "modify":
            return self._fix_modify(ctx)
        return self._new_design(ctx)

    def _new_design(self, ctx: dict) -> str:
        examples = [e for e in ctx.get("examples", []) if e.get("code")]
        if not examples:
            return "I found no example to start from. " + CANNOT
        plan = ctx.get("plan") or {}
        dims, counts = plan.get("dims", {}), plan.get("counts", {})
        unread = unread_numbers(ctx.get("request") or plan.get("text") or "", dims, counts)
        if unread:
            # an example filled from the sizes that were read keeps its own where the others were meant
            return (f"I could not tell what {', '.join(repr(u) for u in unread)} "
                    f"{'is' if len(unread) == 1 else 'are'} for, so no stored example can be filled with every "
                    "size you gave; adapting one would give a part that is not the one you asked for. " + CANNOT)
        # a round part asked for ("a tube 40 OD, 30 ID") is never made from a rectangular example
        text = (ctx.get("request") or "").lower()
        if re.search(r"\b(?:od|id|dia(?:meter)?|round|circular|ø)\b|ø", text) and \
                not re.search(r"\b(?:rect\w*|square|box)\b", text):
            examples = [e for e in examples if not re.search(r"\b(?:rect\w*|square|box)\b",
                                                             f"{e.get('id', '')} {e.get('title', '')}".replace("-", " "))]
            if not examples:
                return ("The stored examples for this are rectangular; the part you describe is round. " + CANNOT)
        # the examples that can take every requested size and count; retrieval rank breaks ties
        ranked = sorted(enumerate(examples), key=lambda ie: (-coverage(dims, counts, parameters(ie[1]["code"])),
                                                             ie[0]))
        unplaced = [(e, _unplaced(dims, counts, e["code"])) for _, e in ranked]
        # those that take every size first; then those whose only misses are overall sizes the size check
        # measures on the part (a U clip whose own depth is the asked length): kept only if it has that extent
        measured = set(plan.get("must_have") or []) | set(plan.get("extents") or [])
        fitting = [(e, []) for e, miss in unplaced if not miss] + [
            (e, miss) for e, miss in unplaced if miss and all(r in SIZE_ROLES and dims.get(r) in measured for r in miss)]
        attempt = int(ctx.get("attempt", 1))
        if not fitting:
            # an example that keeps its own size where the request gave one is not the asked part
            best = ranked[0][1]
            what = ", ".join(unplaced[0][1])
            return (f"The nearest stored example, '{best['id']}', has no parameter for: {what}. Adapting it would "
                    "give a part that is not the one you asked for, so I made none. " + CANNOT)
        if attempt > len(fitting):
            return "None of the examples I know could be adapted to this request. " + CANNOT
        example, kept = fitting[attempt - 1]
        code = example["code"]
        values, missing = fill(dims, counts, parameters(code))
        code = set_parameters(code, values)
        if "fillet" in missing and "fillet" in dims:
            code += f"\nresult = result.edges(\"|Z\").fillet({dims['fillet']:g})\n"
        note = f"Adapted the example '{example['id']}'"
        if values:
            note += " with " + ", ".join(f"{k} = {v:g}" for k, v in values.items())
        if kept:
            note += (". It has no parameter for the " + ", ".join(f"{r} ({dims[r]:g} mm)" for r in kept)
                     + ": its own size is kept, and the part is accepted only if it measures that")
        return _fence(code, note + ".")

    def _modify(self, ctx: dict) -> str:
        code = ctx.get("current_code") or ""
        edits = ctx.get("edits") or []
        if not code or not edits:
            return ("I could not tell what to change. I understand changes like '10 mm longer', 'twice as wide', "
                    "'holes 6 mm', 'add 2 mm fillets' or 'shell it 2 mm'. " + CANNOT)
        params = parameters(code)
        changed, skipped = {}, []
        for e in edits:
            role, kind, value = e["role"], e["kind"], float(e["value"])
            if kind == "feature":
                name = next((n for n in ROLE_PARAMS.get(role, ()) if n in params), None)
                if name:
                    changed[name] = value
                elif role == "fillet":
                    code += f"\nresult = result.edges(\"|Z\").fillet({value:g})  # added: {value:g} mm fillets\n"
                elif role == "shell":
                    code += f"\nresult = result.faces(\">Z\").shell(-{value:g})  # added: shelled, {value:g} mm walls\n"
                continue
            roles = [r for r in SIZE_ROLES if any(n in params for n in ROLE_PARAMS[r])] if role == "size" else [role]
            hit = False
            for r in roles:
                name = next((n for n in ROLE_PARAMS.get(r, (r,)) if n in params and n not in changed), None)
                if name is None and r == "height":
                    name = next((n for n in ROLE_PARAMS["thickness"] if n in params), None)
                if name is None and r == "thickness":
                    name = next((n for n in ROLE_PARAMS["height"] if n in params), None)
                if name is None:
                    continue
                old = float(params[name])
                new = {"set": value, "add": old + value, "scale": old * value}[kind]
                if new <= 0:
                    return f"That would make {name} {new:g} mm, which is not a real size. Please choose another value."
                changed[name] = int(round(new)) if isinstance(params[name], int) else new
                hit = True
            if not hit:
                skipped.append(role)
        if not changed and code == ctx.get("current_code"):
            return (f"The current design has no parameter for {', '.join(skipped) or 'that change'}. " + CANNOT)
        code = set_parameters(code, changed)
        added = [ln.split("# added: ", 1)[1] for ln in code.splitlines() if "# added: " in ln
                 and ln not in (ctx.get("current_code") or "")]
        parts = ([("changed " + ", ".join(f"{k} to {v:g}" for k, v in changed.items()))] if changed else []) + \
            [f"added {a.split(':')[0]}" for a in added]
        note = "I " + " and ".join(parts) if parts else "No change"
        if skipped:
            note += f"; could not change {', '.join(skipped)} (no such parameter)"
        return _fence(code, note + ".")

    def _fix_modify(self, ctx: dict) -> str:
        code = ctx.get("previous_code") or ""
        err = json.dumps(ctx.get("last_error") or {}).lower()
        if "fillet" in err or "notdone" in err or "command not done" in err:
            lines = [ln for ln in code.splitlines() if "# added:" not in ln or "fillet" not in ln]
            if len(lines) != len(code.splitlines()):
                return _fence("\n".join(lines) + "\n", "The fillet failed; I removed it (the radius is too large "
                              "for the edges it touches).")
            params = parameters(code)
            name = next((n for n in ROLE_PARAMS["fillet"] if n in params), None)
            if name:
                return _fence(set_parameters(code, {name: float(params[name]) / 2}),
                              f"The fillet failed; I halved {name}.")
        return "I could not repair this change automatically. " + CANNOT
