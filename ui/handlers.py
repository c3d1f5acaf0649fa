"""UI event handlers: a thin adapter from Gradio events to the agent's stream.

No prompts and no LLM calls here: everything goes through :class:`agent.runtime.Agent`.
Each browser session has its own thread id (a random uuid kept in the browser).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import traceback
import uuid
from pathlib import Path

from cadagent.agent.diskfaults import WorkspaceError, describe as describe_fault
from cadagent.agent.locking import TurnBusy
from cadagent.tools.results import thousands

STEP_NODES = ("wait", "recover", "plan", "retrieve", "generate", "execute", "validate", "save", "take_code")
STEP_TITLES = {"wait": "Waiting for the previous turn", "recover": "Recovered", "plan": "Plan",
               "retrieve": "Examples", "generate": "Attempt", "execute": "Run", "validate": "Check", "save": "Saved",
               "take_code": "Your script"}


def new_session_id() -> str:
    return uuid.uuid4().hex


class Handlers:
    def __init__(self, agent, providers: list | None = None) -> None:
        from cadagent.agent.providers import status

        self.agent = agent
        self.statuses = providers if providers is not None else status(agent.settings)
        self.providers = [st.label() for st in self.statuses]
        self.workspace = Path(agent.workspace)
        self._feedback_lock = threading.Lock()
        self._agents = {agent.settings.agent.llm: agent}
        self._agents_lock = threading.Lock()

    def agent_for(self, label: str | None):
        """The agent for the chosen provider (built once, sharing the sandbox, store and checkpoints);
        raises ValueError with the provider's status when it is not ready."""
        name = (label or "").split(" ", 1)[0] or self.agent.settings.agent.llm
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

    # -- helpers ---------------------------------------------------------------------------
    def _state(self, sid: str) -> dict:
        return self.agent.state(sid) if sid else {}

    def _view(self, sid: str, version: int | None = None):
        """(glb path, code, versions table, version choices, selected, downloads) for a version."""
        state = self._state(sid)
        versions = state.get("versions") or []
        if not versions:
            return None, "", [], [], None, []
        number = version or state.get("current") or versions[-1]["version"]
        v = next((x for x in versions if x["version"] == number), versions[-1])
        folder = Path(v["dir"])
        glb = folder / "part.glb"
        downloads = [str(folder / n) for n in ("part.step", "part.stl", "part.glb", "part.py") if (folder / n).exists()]
        table = [[f"v{x['version']}", " x ".join(f"{s:.1f}" for s in x["size"]), thousands(x["volume"]),
                  x["request"][:60]] for x in versions]
        choices = [f"v{x['version']}" for x in versions]
        return (str(glb) if glb.exists() else None), v["code"], table, choices, f"v{v['version']}", downloads

    def _history(self, sid: str) -> list[dict]:
        out = []
        for m in self._state(sid).get("messages") or []:
            role = "user" if m.type == "human" else "assistant"
            out.append({"role": role, "content": str(m.content)})
        return out

    # -- events ----------------------------------------------------------------------------
    def load(self, sid: str | None):
        sid = sid or new_session_id()
        glb, code, table, choices, selected, downloads = self._view(sid)
        return (sid, self._history(sid), glb, code, table, _choices(choices, selected), downloads)

    def new_design(self):
        sid = new_session_id()
        return sid, [], None, "", [], _choices([], None), []

    def send(self, message: str, history: list, sid: str, attempts: int, attachment: str | None = None,
             code: str | None = None, provider: str | None = None):
        """Stream one turn: step messages as they happen, then the answer; refresh the viewer."""
        history = list(history or [])
        sid = sid or new_session_id()  # an event that raced the page load still gets its own thread
        text = (message or "").strip()
        if not text and not attachment and not code:
            yield sid, history, *self._outputs(sid)
            return
        history.append({"role": "user", "content": text or ("(uploaded " + Path(attachment).name + ")"
                                                             if attachment else "(ran the edited script)")})
        yield sid, history, *_unchanged()
        t0 = time.perf_counter()
        try:
            agent = self.agent_for(provider)
        except ValueError as exc:
            history.append({"role": "assistant", "content": f"Cannot use that model: {exc}. Pick a ready one "
                                                            "under *Model and settings*."})
            yield sid, history, *self._outputs(sid)
            return
        try:
            for ev in agent.stream(sid, text or "explain this file", attachment, code=code,
                                   max_attempts=int(attempts) if attempts else None):
                if ev.node in STEP_NODES:
                    title = STEP_TITLES[ev.node]
                    history.append({"role": "assistant", "content": ev.text,
                                    "metadata": {"title": f"{title} · {time.perf_counter() - t0:.1f} s",
                                                 "status": "done"}})
                    # only the chat changes between steps: the other outputs (files among them, which
                    # Gradio would process again on every update) are sent once, when the turn ends
                    yield sid, history, *_unchanged()
                elif ev.node == "respond":
                    history.append({"role": "assistant", "content": ev.data.get("answer", "")})
        except (WorkspaceError, TurnBusy) as exc:  # says what happened and what to do
            history.append({"role": "assistant", "content": str(exc)})
        except Exception as exc:  # noqa: BLE001 - the page must keep working after any error
            traceback.print_exc()
            history.append({"role": "assistant", "content": f"Something went wrong on our side "
                            f"({type(exc).__name__}: {exc}). The saved versions of this conversation are kept "
                            "on disk; the next message starts from the latest one."})
        yield sid, history, *self._outputs(sid)

    def _outputs(self, sid: str):
        """Streamed outputs (no viewer: Gradio's Model3D does not mount from a streamed update)."""
        glb, code, table, choices, selected, downloads = self._view(sid)
        return code, table, _choices(choices, selected), downloads

    def viewer(self, sid: str | None, label: str | None = None):
        """The viewer's model, set by a plain (non-streaming) event after each turn."""
        if not sid:
            return None
        number = int(label[1:]) if label else None
        return self._view(sid, number)[0]

    def run_code(self, code: str, history: list, sid: str, attempts: int):
        yield from self.send("", history, sid, attempts, code=code)

    def upload_explain(self, file, history: list, sid: str, attempts: int):
        if file is None:
            yield sid, list(history or []) + [{"role": "assistant", "content": "Choose a .json (CAD JSON) or .py "
                                                                            "file first."}], *self._outputs(sid)
            return
        name = Path(str(file)).name
        if name.endswith(".py"):
            code = Path(str(file)).read_text(encoding="utf-8", errors="replace")
            yield from self.send("", history, sid, attempts, code=code)
            return
        try:
            path = self._keep_upload(Path(str(file)))
        except OSError as exc:
            message = describe_fault(exc, self.workspace) or f"The upload {name} could not be read ({exc.strerror})."
            yield sid, list(history or []) + [{"role": "assistant", "content": message}], *self._outputs(sid)
            return
        yield from self.send(f"explain this: {name}", history, sid, attempts, attachment=str(path))

    def _keep_upload(self, src: Path) -> Path:
        """A copy of an upload in <workspace>/uploads (pruned with the workspace; Gradio's own copy in
        its temp folder is removed by the app's delete_cache)."""
        folder = self.workspace / "uploads" / uuid.uuid4().hex[:12]
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / src.name
        shutil.copyfile(src, dest)
        return dest

    def show_version(self, label: str | None, sid: str):
        number = int(label[1:]) if label else None
        glb, code, table, choices, selected, downloads = self._view(sid, number)
        return glb, code, downloads

    def restore(self, label: str | None, history: list, sid: str, attempts: int):
        if not label:
            yield sid, list(history or []), *self._outputs(sid)
            return
        yield from self.send(f"go back to {label}", history, sid, attempts)

    def feedback(self, history: list, sid: str, index, liked: bool, comment: str = "") -> str:
        """Store a rating with the prompt, the code and the measurements (raw material for fine-tuning)."""
        history = history or []
        idx = index[0] if isinstance(index, (list, tuple)) else index
        answer = history[idx]["content"] if isinstance(idx, int) and idx < len(history) else ""
        prompt = next((m["content"] for m in reversed(history[:idx] if isinstance(idx, int) else history)
                       if m["role"] == "user"), "")
        state = self._state(sid)
        cur = next((v for v in state.get("versions") or [] if v["version"] == state.get("current")), None)
        record = {"time": time.time(), "thread": sid, "liked": bool(liked), "comment": comment,
                  "prompt": prompt, "answer": answer, "code": cur["code"] if cur else None,
                  "version": cur["version"] if cur else None,
                  "size": cur["size"] if cur else None, "volume": cur["volume"] if cur else None}
        path = self.workspace / "feedback.jsonl"
        with self._feedback_lock, open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
        return "Thanks — feedback saved."


def _unchanged() -> tuple:
    import gradio as gr

    return (gr.skip(),) * 4


def _choices(choices, selected):
    import gradio as gr

    return gr.update(choices=choices, value=selected)
