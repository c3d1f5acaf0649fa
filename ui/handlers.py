"""UI event handlers: a thin adapter from Gradio events to the agent's stream.

No prompts and no LLM calls here: everything goes through :class:`cadagent.agent.runtime.Agent`.
Each browser session has its own thread id (a random uuid kept in the browser). A turn runs in a
worker thread (:mod:`.turns`): a Stop ends the page's wait at once, and a reload mid-turn does not lose
the answer.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

from cadagent.agent.contract import Explain, Message, Restore, RunCode, SetParameters
from cadagent.agent.diskfaults import describe as describe_fault
from cadagent.tools.results import thousands

from . import card, compare, downloads, feedback, viewer
from .traces import Traces
from .turns import Turn
from .wording import for_page, pasted_cadjson

# The order of a turn's outputs (app.py wires the components in this order).
OUTPUTS = ("sid", "chat", "code", "code_note", "versions", "pick", "compare", "viewer", "card_title", "card",
           "step", "stl", "glb", "py", "zip", "note")
DOWNLOADS = ("step", "stl", "glb", "py", "zip")
SHOWN = ("viewer", "code", "note", "card_title", "card", *DOWNLOADS)  # what showing another version changes


def new_session_id() -> str:
    return uuid.uuid4().hex


def skip():
    import gradio as gr

    return gr.skip()


class Handlers:
    def __init__(self, agent, providers: list | None = None) -> None:
        from cadagent.agent.providers import status

        self.agent = agent
        self.statuses = providers if providers is not None else status(agent.settings)
        self.providers = [(st.label(), st.name) for st in self.statuses]  # (what the menu shows, the name)
        self.workspace = Path(agent.workspace)
        self.traces = Traces(self.workspace / "ui")
        self.running: dict[str, Turn] = {}
        self._agents = {agent.settings.agent.llm: agent}
        self._agents_lock = threading.Lock()

    def agent_for(self, name: str | None):
        """The agent for the chosen provider (built once, sharing the sandbox, store and checkpoints);
        raises ValueError with the provider's status when it is not ready."""
        name = name or self.agent.settings.agent.llm
        with self._agents_lock:
            if name in self._agents:
                return self._agents[name]
            st = next((x for x in self.statuses if x.name == name), None)
            if st is None or not st.ready:
                raise ValueError(f"the provider {name!r} is not ready: {st.detail if st else 'unknown provider'}")
            from cadagent.agent.runtime import Agent

            self._agents[name] = Agent(self.agent.settings.with_agent(llm=name), kb=self.agent.kb,
                                       sandbox=self.agent.sandbox)
            return self._agents[name]

    # -- what the page shows -----------------------------------------------------------------
    def _versions(self, sid: str | None):
        """(versions, current number) of a session."""
        if not sid:
            return [], None
        versions = self.agent.versions(sid)
        cur = self.agent.current(sid)
        return versions, (cur.number if cur else (versions[-1].number if versions else None))

    def view(self, sid: str, number: int | None = None) -> dict:
        """Every output but the chat for the shown version (the current one unless ``number``)."""
        versions, current = self._versions(sid)
        out = {"code": "", "code_note": "", "versions": [], "pick": _choices([], None), "compare": _choices([], None),
               "viewer": None, "note": "", **card.empty()}
        out.update({k: None for k in DOWNLOADS})
        if not versions:
            return out
        v = next((x for x in versions if x.number == (number or current)), versions[-1])
        glb = v.file("glb")
        out["viewer"] = viewer.value(str(glb) if glb else None, v.number, len(versions), current, v.size)
        out["code"] = v.code
        out["versions"] = [[f"v{x.number}" + (" (current)" if x.number == current else ""),
                            " x ".join(f"{s:.1f}" for s in x.size), thousands(x.volume), for_page(x.request)[:60]]
                           for x in versions]
        names = [f"v{x.number}" for x in versions]
        out["pick"] = _choices(names, f"v{v.number}")
        out["compare"] = _choices(names, None)
        out.update(card.show(v))
        out.update(downloads.files(sid, v))
        if v.number != current:
            out["note"] = (f"Showing v{v.number}; your next message edits v{current} (the current version). "
                           f"Press *Edit from this version* to continue from v{v.number}.")
        return out

    def _outputs(self, sid: str, history: list, **override) -> tuple:
        values = {"sid": sid, "chat": history, **self.view(sid)}
        values.update(override)
        return tuple(values[k] for k in OUTPUTS)

    def _history(self, sid: str) -> list[dict]:
        """The chat as shown last time (steps included), else the thread's messages."""
        messages = self.agent.messages(sid) if sid else []
        record = self.traces.load(sid)
        said = sum(1 for role, _ in messages if role == "user")
        if record["history"] and sum(1 for m in record["history"] if m["role"] == "user") >= said:
            history = record["history"]
        else:
            history = [{"role": "user" if role == "user" else "assistant", "content": for_page(text)}
                       for role, text in messages]
        turn = self.running.get(sid)
        if turn is not None and not turn.done.is_set():
            history = turn.snapshot() + [_note("This turn is still running. Its answer will show here when it "
                                               "ends (it is not lost if you reload).")]
        elif record["pending"]:
            history = history + [_note("Interrupted — nothing saved. The server stopped during this turn; send "
                                       "the message again.")]
            self.traces.save(sid, history)
        return history

    # -- events ------------------------------------------------------------------------------
    def load(self, sid: str | None):
        sid = sid or new_session_id()
        return self._outputs(sid, self._history(sid))

    def busy(self, sid: str | None) -> bool:
        """A page is following a turn of this session now."""
        turn = self.running.get(sid or "")
        return turn is not None and turn.followed and not turn.done.is_set()

    def poll(self, sid: str | None):
        """While a turn of this session runs with no page following it (after a reload): its chat so far."""
        import gradio as gr

        turn = self.running.get(sid or "")
        if turn is None:
            return skip(), gr.Timer(active=False)
        if turn.done.is_set():
            self.running.pop(sid, None)
            return self._history(sid), gr.Timer(active=False)
        return turn.snapshot() + [_note("This turn is still running …")], gr.Timer(active=True)

    def new_design(self, sid: str | None, designs: list | None):
        """A fresh thread; the old design stays in the browser's list of designs."""
        designs = self._remember(sid, designs)
        new = new_session_id()
        return (*self._outputs(new, []), designs, _designs(designs, None))

    def open_design(self, choice: str | None, sid: str | None, designs: list | None):
        designs = self._remember(sid, designs)
        target = next((d["sid"] for d in designs if _design_label(d) == choice), None)
        if not target:
            return (*self._outputs(sid, skip()), designs, _designs(designs, None))
        return (*self._outputs(target, self._history(target)), designs, _designs(designs, None))

    def _remember(self, sid: str | None, designs: list | None) -> list:
        designs = [d for d in designs or [] if isinstance(d, dict) and d.get("sid")]
        versions = self._versions(sid)[0]
        if sid and versions:
            entry = {"sid": sid, "title": versions[-1].title or "part", "versions": len(versions)}
            designs = [d for d in designs if d["sid"] != sid] + [entry]
        return designs[-30:]

    def designs(self, sid: str | None, designs: list | None):
        designs = self._remember(sid, designs)
        return designs, _designs(designs, None)

    def send(self, message: str, history: list, sid: str, attempts: int, provider: str | None = None):
        """Stream one turn of a typed message (CAD JSON pasted as a message is explained as a file)."""
        text = (message or "").strip()
        if not text:  # nothing to send (or a submit during a turn, which leaves the page as it is)
            yield (sid, *[skip()] * (len(OUTPUTS) - 1))
            return
        if pasted_cadjson(text) is not None:
            path = self._keep_text(text, "pasted.json")
            yield from self.command(Explain(str(path)),
                                    "(pasted a CAD JSON document)", history, sid, attempts, provider)
            return
        yield from self.command(Message(text), text, history, sid, attempts, provider)

    def command(self, turn_input, shown: str, history: list, sid: str, attempts: int, provider: str | None = None):
        """Stream one turn: the step messages as they happen, then the answer and the new version."""
        history = list(history or [])
        sid = sid or new_session_id()  # an event that raced the page load still gets its own thread
        record = self.traces.load(sid)
        if not record["pending"] and len(record["history"]) > len(history):  # a stopped turn ended after the page
            history = record["history"]                                      # moved on: its end is in the trace
        history.append({"role": "user", "content": shown})
        yield (sid, history, *[skip()] * (len(OUTPUTS) - 2))
        try:
            agent = self.agent_for(provider)
        except ValueError as exc:
            history.append({"role": "assistant", "content": f"Cannot use that model: {exc}. Pick a ready one "
                                                            "in the Model menu under *Model and settings*."})
            yield self._outputs(sid, history)
            return
        turn = Turn(agent, sid, history, self.traces, turn_input, max_attempts=int(attempts) if attempts else None)
        self.running[sid] = turn
        turn.followed = True
        try:
            for snapshot in turn.follow():
                yield (sid, snapshot, *[skip()] * (len(OUTPUTS) - 2))
        finally:
            turn.followed = False
        final = turn.snapshot()
        if turn.done.is_set():
            self.running.pop(sid, None)
        if isinstance(turn_input, RunCode) and turn.error is not None:  # keep the edit, say where it failed
            yield self._outputs(sid, final, code=skip(), code_note=_code_note(turn.error))
            return
        yield self._outputs(sid, final)

    def stop(self, sid: str | None):
        turn = self.running.get(sid or "")
        if turn is not None:
            turn.stop()
        return "Stopping …" if turn is not None else ""

    def run_code(self, code: str, history: list, sid: str, attempts: int):
        if not (code or "").strip():
            yield self._outputs(sid, list(history or []), note="The Code tab is empty: nothing to run.")
            return
        yield from self.command(RunCode(code), "(ran the edited script)", history, sid, attempts)

    def upload_explain(self, file, history: list, sid: str, attempts: int):
        if file is None:
            yield self._outputs(sid, list(history or []) + [{"role": "assistant", "content": "Choose a .json (CAD "
                                                                                        "JSON) or .py file first."}])
            return
        name = Path(str(file)).name
        if name.endswith(".py"):
            code = Path(str(file)).read_text(encoding="utf-8", errors="replace")
            yield from self.command(RunCode(code), f"(uploaded {name})", history, sid, attempts)
            return
        try:
            path = self._keep_upload(Path(str(file)))
        except OSError as exc:
            message = describe_fault(exc, self.workspace) or f"The upload {name} could not be read ({exc.strerror})."
            yield self._outputs(sid, list(history or []) + [{"role": "assistant", "content": for_page(message)}])
            return
        yield from self.command(Explain(str(path)), f"(uploaded {name})",
                                history, sid, attempts)

    def example(self, index: int, history: list, sid: str, attempts: int, provider: str | None = None):
        """A click on one of the empty page's example chips."""
        from .wording import page_data

        chip = page_data()["examples"][index]
        if chip.get("cadjson"):
            src = Path(__file__).parent / "samples" / chip["cadjson"]
            path = self._keep_upload(src)
            yield from self.command(Explain(str(path)),
                                    f"(example: {src.name})", history, sid, attempts, provider)
            return
        yield from self.send(chip["text"], history, sid, attempts, provider)

    def _keep_upload(self, src: Path) -> Path:
        """A copy of an upload in <workspace>/uploads (pruned with the workspace; Gradio's own copy in
        its temp folder is removed by the app's delete_cache)."""
        folder = self.workspace / "uploads" / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / src.name
        shutil.copyfile(src, dest)
        return dest

    def _keep_text(self, text: str, name: str) -> Path:
        folder = self.workspace / "uploads" / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / name
        dest.write_text(text.strip().strip("`").removeprefix("json").strip(), encoding="utf-8")
        return dest

    def show_version(self, label: str | None, sid: str):
        number = int(label[1:]) if label else None
        view = self.view(sid, number)
        return tuple(view[k] for k in SHOWN)

    def restore(self, label: str | None, history: list, sid: str, attempts: int):
        """Edit from the picked version: it becomes current as a new version (nothing is deleted); picking
        the current version changes nothing."""
        history = list(history or [])
        if not label:
            yield self._outputs(sid, history, note="Pick a version first.")
            return
        if int(label[1:]) == self._versions(sid)[1]:
            yield self._outputs(sid, history, note=f"{label} is already the current version: nothing to restore.")
            return
        yield from self.command(Restore(int(label[1:])), f"(edit from {label})", history, sid, attempts)

    def set_parameters(self, rows, label: str | None, history: list, sid: str, attempts: int):
        """The parameter card's edits: a new version built from the spec, with no model call."""
        versions, current = self._versions(sid)
        number = int(label[1:]) if label else current
        v = next((x for x in versions if x.number == number), None)
        try:
            changes = card.changes(v, rows)
        except ValueError as exc:
            yield self._outputs(sid, list(history or []), note=str(exc))
            return
        if not changes:
            yield self._outputs(sid, list(history or []), note="No value was changed: nothing to rebuild.")
            return
        shown = f"(set on v{number}: " + ", ".join(f"{k} = {val:g}" for k, val in changes.items()) + ")"
        yield from self.command(SetParameters(changes, version=number), shown, history, sid, attempts)

    def compare(self, a: str | None, b: str | None, sid: str) -> str:
        versions = {f"v{v.number}": v for v in self._versions(sid)[0]}
        if a not in versions or b not in versions:
            return "Pick two versions to compare."
        return compare.table(versions[a], versions[b])

    def feedback(self, history: list, sid: str, index, liked) -> str:
        """One record per answer: a new rating of the same answer replaces its record."""
        versions = self._versions(sid)[0]
        turns = self.traces.load(sid)["turns"]
        rec = feedback.entry(history or [], index, liked, sid, versions, turns)
        if rec is None:
            return "Rate an answer with its thumbs (the steps above it are not answers)."
        feedback.record(self.workspace / "feedback.jsonl", rec)
        if rec["liked"] is None:
            return f"Rating of answer {rec['turn']} removed."
        return f"Thanks — your rating of answer {rec['turn']}" + (f" (v{rec['version']})" if rec["version"] else "") \
            + " is saved."


def _code_note(error: dict) -> str:
    line = error.get("line")
    where = f"Line {line}: " if line else ""
    kind = str(error.get("type") or "error")
    kind = f"{kind} error" if kind.islower() else kind  # "runtime" -> "runtime error"; NameError stays
    return f"**Your script failed and was kept as you wrote it.** {where}{kind}: " \
           f"{for_page(str(error.get('message', '')))[:300]}"


def _note(text: str) -> dict:
    return {"role": "assistant", "content": text, "metadata": {"title": "⚠ Note"}}


def _choices(choices, selected):
    import gradio as gr

    return gr.update(choices=choices, value=selected)


def _design_label(d: dict) -> str:
    return f"{d.get('title') or 'part'} · {d.get('versions', 0)} versions · {d['sid'][:6]}"


def _designs(designs: list, selected):
    import gradio as gr

    return gr.update(choices=[_design_label(d) for d in reversed(designs)], value=selected)
