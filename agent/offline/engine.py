"""The offline engine: a LangChain chat model that needs no network and no weights.

It reads the JSON context block the generate node puts in every prompt (the same prompt a
real LLM gets), and answers like one: a fenced Python script, or plain words when it cannot
do what was asked. Its skills: adapt the best retrieved example by filling its named
parameters from the plan; apply edit rules to the current design ("10 mm longer", "twice
as wide", "holes 6 mm", "add 2 mm fillets", "shell it 2 mm"); on a retry, try the next
example or back off a failing fillet. Deterministic.
"""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from .params import ROLE_PARAMS, coverage, fill, parameters, set_parameters

_CONTEXT = re.compile(r"CONTEXT\s*```json\s*(\{.*\})\s*```", re.S)
SIZE_ROLES = ("length", "width", "height", "thickness", "diameter")
CANNOT = ("The offline engine can only adapt the examples in its knowledge base and apply simple edits "
          "(longer / wider / taller, hole size, fillets, shell). For this request, choose an LLM provider "
          "(e.g. --llm gemini or --llm openai).")


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
        attempt = int(ctx.get("attempt", 1))
        if attempt > len(examples):
            return "None of the examples I know could be adapted to this request. " + CANNOT
        plan = ctx.get("plan") or {}
        # the example that can take most of the requested sizes; retrieval rank breaks ties
        ranked = sorted(enumerate(examples), key=lambda ie: (-coverage(plan.get("dims", {}), plan.get("counts", {}),
                                                                        parameters(ie[1]["code"])), ie[0]))
        example = ranked[attempt - 1][1]
        code = example["code"]
        values, missing = fill(plan.get("dims", {}), plan.get("counts", {}), parameters(code))
        code = set_parameters(code, values)
        for feature in ("fillet",):
            if feature in missing and "fillet" in plan.get("dims", {}):
                code += f"\nresult = result.edges(\"|Z\").fillet({plan['dims']['fillet']:g})\n"
                missing.remove(feature)
        note = f"Adapted the example '{example['id']}'"
        if values:
            note += " with " + ", ".join(f"{k} = {v:g}" for k, v in values.items())
        counts = [m for m in missing if m in (plan.get("counts") or {})]
        sizes = [m for m in missing if m not in counts]
        if sizes:
            note += f". I could not place: {', '.join(sizes)} (the example has no such parameter)"
        if counts:
            note += ". The number of " + ", ".join(counts) + " is the example's own (not a parameter)"
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
