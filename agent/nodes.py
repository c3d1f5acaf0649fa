"""The graph's nodes. Each takes the state and returns the keys it changes.

Dependencies (chat model, knowledge base, sandbox, session store) are bound in
:func:`agent.graph.build_graph`; nodes never build prompts inline (see prompting.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.messages import AIMessage

from cadagent.tools.results import ExecResult

from . import from_text
from .answers import answer_question
from .local_llm import ADAPTER_KEY
from .plan import Plan, parse_edits, parse_request
from .prompting import adapter_for, build_messages, explain_messages, extract_code

MAX_TOOL_ROUNDS = 3
REFUSALS = {"SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "CONTENT_FILTER", "REFUSAL"}
READ_ONLY_TOOLS = ("search_knowledge", "check_size")
TOOL_OUTPUT_CHARS = 6000

_UNDO = re.compile(r"^\s*(undo|revert|go back|back to|restore)\b|\b(go back to|restore|back to)\s+v(?:ersion)?\s*(\d+)", re.I)
_EXPLAIN = re.compile(r"\b(explain|describe|what is this|what's this)\b", re.I)
_QUESTION = re.compile(r"^\s*(how|what|why|which|is|are|does|do|can|could|would)\b|\?\s*$", re.I)
_DECLINES = re.compile(r"\b(cannot|can't|can not|unable|not able|sorry|choose|please|which|clarify)\b|\?\s*$", re.I)
_JSON_PATH = re.compile(r"(\S+\.json)\b")
_CHANGE = re.compile(r"^\s*(make|add|change|remove|delete|move|put|set|increase|decrease|reduce|enlarge|round|"
                     r"fillet|chamfer|shell|drill|cut|mirror|rotate|scale|use|double|halve)\b", re.I)
_NEW = re.compile(r"^\s*(a|an|new|another|design|create|build|model|make (?:me )?(?:a|an)|i need|i want|give me)\b", re.I)


@dataclass
class Deps:
    llm: object                 # a LangChain chat model
    sandbox: object             # tools.sandbox.Sandbox
    sessions: object            # agent.sessions.SessionStore
    kb: object | None = None    # knowledge.search.KnowledgeBase
    max_attempts: int = 3
    settings: object | None = None  # for readable provider failures
    tools: dict = field(default_factory=dict)  # agent.lc_tools: run_cadquery, search_knowledge, check_size
    use_tools: bool = False     # offer the read-only tools to the model natively (providers.uses_tools)
    handbook: bool = False      # send the large cacheable system prefix (providers.caches_prefix)
    compact: bool = False       # send the compact prompt (providers.compact_prompts)
    llm_explains: bool = False  # the model writes explanations of CAD JSON (grounded on our facts)

    def __post_init__(self) -> None:
        from .lc_tools import make_tools

        self.tools = self.tools or make_tools(self.sandbox, self.kb)

    def ask(self, messages: list, task: str) -> tuple[object, list[dict]]:
        """One model answer for a task, running the read-only tools it calls natively on the way.

        Returns (final AI message, tool log). A server that refuses tools (e.g. an Ollama model
        without tool support, vLLM without --enable-auto-tool-choice) is asked again without them,
        and not offered tools again."""
        config = {"metadata": {ADAPTER_KEY: adapter_for(task)}}
        log: list[dict] = []
        if not self.use_tools:
            return self.llm.invoke(messages, config=config), log
        tools = [self.tools[n] for n in READ_ONLY_TOOLS]
        try:
            bound = self.llm.bind_tools(tools)
            for _ in range(MAX_TOOL_ROUNDS):
                reply = bound.invoke(messages, config=config)
                calls = getattr(reply, "tool_calls", None) or []
                if not calls:
                    return reply, log
                messages = [*messages, reply, *[self._run_tool(c, log) for c in calls]]
            return self.llm.bind_tools(tools, tool_choice="none").invoke(messages, config=config), log
        except Exception as exc:  # noqa: BLE001 - only a refusal of tools is handled here
            if not _refuses_tools(exc):
                raise
            self.use_tools = False
            log.append({"tool": None, "note": f"tools switched off: the server refused them ({str(exc)[:120]})"})
            plain = [m for m in messages if getattr(m, "type", "") not in ("tool",) and not getattr(m, "tool_calls", None)]
            return self.llm.invoke(plain, config=config), log

    def _run_tool(self, call: dict, log: list[dict]):
        import json

        from langchain_core.messages import ToolMessage

        name = call.get("name")
        if name not in READ_ONLY_TOOLS:
            out = {"error": f"unknown tool {name!r}; available: {', '.join(READ_ONLY_TOOLS)}"}
        else:
            try:
                out = self.tools[name].invoke(call.get("args") or {})
            except Exception as exc:  # noqa: BLE001 - bad arguments are the model's to fix
                out = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
        log.append({"tool": name, "args": call.get("args"), "ok": not (isinstance(out, dict) and "error" in out)})
        text = json.dumps(out, default=str)[:TOOL_OUTPUT_CHARS]
        return ToolMessage(content=text, tool_call_id=call.get("id") or name, name=name or "unknown")


def _refuses_tools(exc: Exception) -> bool:
    from .providers import status_code

    return isinstance(exc, NotImplementedError) or (status_code(exc) == 400 and "tool" in str(exc).lower())


def _thread(config) -> str:
    return (config or {}).get("configurable", {}).get("thread_id", "default")


def _current(state) -> dict | None:
    for v in state.get("versions") or []:
        if v["version"] == state.get("current"):
            return v
    return None


def route(state, config=None):
    text = state.get("request", "")
    attachment = state.get("attachment")
    has_design = _current(state) is not None
    if state.get("code_input"):
        intent = "run_code"
    elif _UNDO.search(text) and has_design:
        intent = "undo"
    elif (attachment and attachment.endswith(".json")) or (_EXPLAIN.search(text) and
                                                           (_JSON_PATH.search(text) or has_design)):
        intent = "explain"
    elif from_text.is_instructions(text):
        intent = "new_design"  # precise construction steps: a new part through CAD JSON
    elif has_design and _QUESTION.search(text) and not parse_edits(text):
        intent = "question"
    elif has_design and (parse_edits(text) or _CHANGE.search(text)) and not (
            _NEW.search(text) and "make it" not in text.lower()):
        intent = "modify"
    elif not has_design and parse_edits(text) and not _NEW.search(text) and not parse_request(text).extents:
        intent = "question"  # a change, but nothing to change yet: the question node says so
    else:
        intent = "new_design"
    return {"intent": intent, "attempts": 0, "history": [], "code": None, "exec": None, "check": {},
            "hits": [], "fixes": [], "edits": [], "answer": "", "model_note": "", "usage": {}, "tool_log": [],
            "model_failed": False, "cadjson": None,
            "messages": [("human", text)]}


def plan_node(state, config=None):
    if state["intent"] == "modify":
        edits = [e.to_dict() for e in parse_edits(state["request"])]
        return {"edits": edits, "plan": Plan(text=state["request"]).to_dict()}
    if from_text.is_instructions(state["request"]):
        document, note = from_text.read_instructions(state["request"])
        if document is not None:  # sizes come from the document, not from words: no size plan
            return {"plan": Plan(text=state["request"]).to_dict(), "edits": [], "cadjson": document,
                    "model_note": note}
    return {"plan": parse_request(state["request"]).to_dict(), "edits": []}


def make_retrieve(deps: Deps):
    def retrieve(state, config=None):
        if deps.kb is None:
            return {"hits": []}
        query = state["request"]
        if state["intent"] == "modify":
            cur = _current(state) or {}
            query = f"{cur.get('title', '')} {query}"
        search = deps.tools["search_knowledge"]
        hits = search.invoke({"query": query, "k": 4, "kind": "example"}) + \
            search.invoke({"query": query, "k": 2, "kind": "doc"})
        return {"hits": hits}
    return retrieve


def make_generate(deps: Deps):
    def generate(state, config=None):
        if state.get("cadjson"):  # construction steps: the compiled document, never a guess instead
            if state.get("history"):  # it did not build: say why; a model's guess would not follow the steps
                last = state["history"][-1]
                why = "; ".join([*([f"{last['error'].get('type')}: {last['error'].get('message')}"]
                                   if last.get("error") else []), *(last.get("problems") or [])])
                return {"code": None, "model_failed": True, "attempts": state.get("attempts", 1),
                        "model_note": f"{state.get('model_note') or ''}\nThe part built from this CAD JSON is not "
                                      f"valid: {why or 'no solid'}. Check the steps' coordinates and depths."}
            return {"code": from_text.script_for(state["cadjson"]), "attempts": 1, "model_failed": False}
        if not state.get("history") and _is_model(deps.llm) and from_text.is_instructions(state["request"]):
            # steps our parser could not read: the model writes the CAD JSON, the validator checks it
            document, note, calls = from_text.ask_model(lambda m: _text(deps.ask(m, "gen")[0].content),
                                                        state["request"])
            if document is not None:
                return {"code": from_text.script_for(document), "cadjson": document, "attempts": 1,
                        "model_failed": False, "model_note": note}
        task = "fix" if state.get("history") else state["intent"]
        fixes = state.get("fixes") or []
        if task == "fix" and deps.kb is not None and not fixes:
            err = (state["history"][-1].get("error") or {})
            query = f"{err.get('exception') or ''} {err.get('message') or ''} " + " ".join(state["history"][-1].get("problems") or [])
            fixes = deps.tools["search_knowledge"].invoke({"query": query.strip() or "error", "k": 2,
                                                          "kind": "error_fix"})
        messages = build_messages(task, {**state, "fixes": fixes}, with_handbook=deps.handbook, compact=deps.compact)
        attempts = state.get("attempts", 0) + 1
        try:
            reply, tool_log = deps.ask(messages, task)
        except Exception as exc:  # noqa: BLE001 - a failed model call is a readable answer, the thread lives on
            from .providers import explain_failure

            return {"code": None, "model_note": explain_failure(exc, deps.settings), "model_failed": True,
                    "attempts": attempts, "fixes": fixes}
        text = _text(reply.content)
        reason = str((getattr(reply, "response_metadata", None) or {}).get("finish_reason") or "")
        usage = _usage(state.get("usage"), reply)
        if not text.strip() and reason.upper() in REFUSALS:
            return {"code": None, "model_failed": True, "attempts": attempts, "fixes": fixes, "usage": usage,
                    "tool_log": tool_log, "model_note": f"The model refused to answer (finish reason {reason}). "
                                                        "Rephrase the request, or choose another model."}
        code, note = extract_code(text)
        if code is None and reason.upper() in ("LENGTH", "MAX_TOKENS"):
            note = (note + "\n" if note else "") + "(The answer was cut off at agent.max_tokens; raise it if this repeats.)"
        return {"code": code, "model_note": note, "attempts": attempts, "fixes": fixes, "tool_log": tool_log,
                "model_failed": False, "usage": usage}
    return generate


def _is_model(llm) -> bool:
    """A configured model, not the built-in offline engine."""
    from .offline.engine import OfflineChatModel

    return not isinstance(llm, OfflineChatModel)


def _text(content) -> str:
    """A reply's text (some providers answer with a list of content parts)."""
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def _usage(before: dict | None, reply) -> dict:
    """Tokens reported by the provider, summed over this turn's calls."""
    total = dict(before or {})
    usage = getattr(reply, "usage_metadata", None) or {}
    flat = {k: usage.get(k) for k in ("input_tokens", "output_tokens", "total_tokens")}
    flat["cache_read"] = (usage.get("input_token_details") or {}).get("cache_read")
    for k, v in flat.items():
        if isinstance(v, int):
            total[k] = total.get(k, 0) + v
    return total


def make_execute(deps: Deps):
    def execute(state, config=None):
        return {"exec": deps.tools["run_cadquery"].invoke({"code": state["code"]})}
    return execute


def make_validate(deps: Deps):
    def validate(state, config=None):
        return _validate(state, deps.tools["check_size"])
    return validate


def _validate(state, check_size):
    ex = state.get("exec")
    code = state.get("code")
    entry = {"code": code, "error": None, "problems": []}
    if code is None:
        entry["problems"] = ["the model returned no code"]
    elif not ex["ok"]:
        entry["error"] = ex["error"]
    else:
        report = ex["report"]
        if not report["valid"] or report["solids"] < 1 or report["volume"] <= 0:
            entry["problems"] += ["not a valid solid: " + "; ".join(report["problems"] or ["no volume"])]
        bodies = (state.get("plan") or {}).get("bodies", 1)   # how many solids the plan asks for ("any")
        if state.get("cadjson"):
            bodies = "any"  # the steps say how many bodies there are
        if report["solids"] > 1 and state["intent"] == "new_design" and bodies != "any" and report["solids"] != bodies:
            entry["problems"].append(f"{report['solids']} separate solids; "
                                     + ("a single part was expected" if bodies == 1 else f"{bodies} were expected"))
        if state["intent"] == "new_design" and not state.get("cadjson"):
            entry["problems"] += check_size.invoke({"size": report["size"], "plan": state.get("plan") or {}})
    ok = code is not None and ex is not None and ex["ok"] and not entry["problems"]
    return {"check": {"ok": ok, "problems": entry["problems"], "error": entry["error"]},
            "history": (state.get("history") or []) + [entry]}


def make_after_validate(deps: Deps):
    def after_validate(state) -> str:
        if state["check"]["ok"]:
            return "save"
        if state.get("code") is None and (state.get("model_failed") or _DECLINES.search(state.get("model_note") or "")):
            return "respond"  # the call failed after the SDK's retries, or the model said why it cannot
        if state["intent"] == "run_code":
            return "respond"  # the user's own script: report, do not rewrite it
        budget = state.get("max_attempts") or deps.max_attempts
        return "generate" if state.get("attempts", 0) < budget else "respond"
    return after_validate


def make_save(deps: Deps):
    def save(state, config=None):
        versions = list(state.get("versions") or [])
        number = (versions[-1]["version"] + 1) if versions else 1
        ex = state["exec"]
        report = ex["report"]
        title = next((h["title"] for h in state.get("hits", []) if h.get("kind") == "example"), "part")
        if state["intent"] in ("modify", "run_code"):
            title = (_current(state) or {}).get("title", title)
        if state.get("cadjson"):
            title = from_text.part_name(state["cadjson"])
        path = deps.sessions.save(_thread(config), number, state["code"], ex,
                                  {"request": state["request"], "intent": state["intent"], "title": title,
                                   "parent": state.get("current")})
        number = int(path.name[1:])  # the number claimed on disk (taken atomically; see SessionStore.claim)
        summary = ExecResult.from_dict(ex).report.summary()
        versions.append({"version": number, "code": state["code"], "summary": summary, "dir": str(path),
                         "title": title, "request": state["request"], "size": report["size"],
                         "volume": report["volume"], "parent": state.get("current")})
        if state.get("cadjson"):
            versions[-1]["cadjson"] = str(from_text.save_beside(path, state["cadjson"]))
        return {"versions": versions, "current": number}
    return save


def respond(state, config=None):
    intent = state["intent"]
    if state.get("check", {}).get("ok") and intent in ("new_design", "modify", "explain", "run_code"):
        cur = _current(state)
        kept = f" (v{cur['parent']} kept)" if cur.get("parent") else ""
        head = state.get("answer") or ""
        text = (f"{head}\n" if head else "") + f"v{cur['version']} saved{kept}: {cur['summary']}."
        if state.get("model_note"):
            text += f"\n{state['model_note']}"
    elif state.get("answer"):
        text = state["answer"]
    elif state.get("code") is None and (state.get("model_note") or "").strip() and state.get("attempts", 0) <= 1:
        text = state["model_note"]  # the model said plainly why it cannot: no retries were spent
    else:
        last = (state.get("history") or [{}])[-1]
        reasons = last.get("problems") or []
        if last.get("error"):
            err = last["error"]
            reasons = [f"{err['type']}: {err['message']}" + (f" (line {err['line']})" if err.get("line") else "")] + reasons
        note = state.get("model_note") or ""
        text = (f"I could not make a valid part after {state.get('attempts', 0)} attempt(s). "
                f"Last problem: {'; '.join(reasons) or 'none reported'}.")
        if note:
            text += f"\n{note}"
        if last.get("code"):
            text += "\nThe best attempt's code is kept in this turn's history; no version was saved."
    return {"answer": text, "messages": [AIMessage(content=text)]}


def make_explain(deps: Deps):
    def explain_node(state, config=None):
        from cadagent.tools.cadjson import build, load_document
        from cadagent.tools.cadjson.explain import explain

        source = state.get("attachment") or (_JSON_PATH.search(state["request"]) or [None, None])[1]
        if not source:
            cur = _current(state)
            if cur is None:
                return {"answer": "There is nothing to explain yet: attach a CAD JSON file or design a part first.",
                        "check": {"ok": False}}
            return {"answer": f"The current design (v{cur['version']}): {cur['summary']}. Its script:\n```python\n"
                              f"{cur['code']}```", "check": {"ok": False}}
        shown = Path(source).name if state.get("attachment") else source  # an upload's server path stays private
        if not Path(source).exists():
            return {"answer": f"I cannot find {shown}. Give the path of a CAD JSON file.", "check": {"ok": False}}
        doc, problems, fmt = load_document(Path(source))
        if doc is None:
            listed = "\n".join(f"- {p}" for p in problems if p.severity == "error").replace(str(source), shown)
            return {"answer": f"{shown} is not a valid CAD JSON document:\n{listed}", "check": {"ok": False}}
        script, res = build(doc, deps.sandbox)
        explanation = explain(doc, res.report if res.ok else None)
        text = explanation.text("steps")
        if deps.llm_explains:
            text = _model_explanation(deps, state["request"], explanation, Path(source))
        if not res.ok:
            return {"answer": text + f"\n(The part could not be built: {res.error})", "check": {"ok": False}}
        return {"answer": text, "code": script, "exec": res.to_dict(),
                "check": {"ok": res.valid_solid, "problems": [], "error": None},
                "hits": [{"kind": "example", "title": f"CAD JSON {Path(source).name}"}]}
    return explain_node


def _model_explanation(deps: Deps, request: str, explanation, source: Path) -> str:
    """The model's explanation (the explain adapter) from the document and the measured summary,
    then our grounded step-by-step explanation. A failed or empty answer leaves ours alone."""
    import json

    facts = explanation.text("steps")
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
        prompt = explain_messages(request, explanation.summary, raw if isinstance(raw, dict) else {})
        reply, _ = deps.ask(prompt, "explain")
        words = _text(reply.content).strip()
    except Exception:  # noqa: BLE001 - the grounded explanation stands on its own
        words = ""
    return f"{words}\n\nChecked against the built part:\n{facts}" if words else facts


def question(state, config=None):
    cur = _current(state)
    if cur is None:
        return {"answer": "There is no design in this conversation yet, so there is nothing to change or measure. "
                          "Describe a part first, e.g. 'a 60 x 40 mm plate, 5 mm thick'.", "check": {"ok": False}}
    report = {}
    if cur:
        path = Path(cur["dir"]) / "report.json"
        if path.exists():
            import json

            data = json.loads(path.read_text())
            report = {**(data.get("report") or {})}
    return {"answer": answer_question(state["request"], report, cur["code"] if cur else ""), "check": {"ok": False}}


def take_code(state, config=None):
    return {"code": state["code_input"], "attempts": 1, "code_input": None}


def make_undo(deps: Deps):
    def undo(state, config=None):
        versions = state.get("versions") or []
        m = re.search(r"v(?:ersion)?\s*(\d+)", state["request"], re.I)
        cur = _current(state)
        target = int(m.group(1)) if m else (cur or {}).get("parent")
        source = next((v for v in versions if v["version"] == target), None)
        if source is None:
            return {"answer": f"There is no version {target} to go back to. Versions: "
                              + ", ".join(f"v{v['version']}" for v in versions) + ".", "check": {"ok": False}}
        res = deps.sandbox.run_script(source["code"])
        if not res.ok:
            return {"answer": f"v{target} no longer builds: {res.error}", "check": {"ok": False}}
        return {"code": source["code"], "exec": res.to_dict(), "intent": "modify",
                "check": {"ok": True, "problems": [], "error": None},
                "answer": f"Restored v{target} as a new version (nothing is deleted)."}
    return undo
