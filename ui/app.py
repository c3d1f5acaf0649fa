"""The Gradio page: chat with live steps, 3D viewer, code, versions, downloads, CAD JSON upload.

``cadagent ui`` builds the agent once and serves this page; every browser session has its own
thread (its id lives in the browser's localStorage, so a reload or a server restart brings the
conversation, the versions and the viewer back).
"""

from __future__ import annotations

import gradio as gr

from .handlers import Handlers

CSS = """
#viewer {min-height: 420px}
footer {display: none !important}
"""


def build_app(agent, providers: list | None = None) -> gr.Blocks:
    h = Handlers(agent, providers)
    # Gradio's own copies of uploads and served files: removed after a day, and all at a restart.
    with gr.Blocks(title="CadAgent", delete_cache=(3600, 86400)) as demo:
        sid = gr.BrowserState(None, storage_key="cadagent-session")
        gr.Markdown("## CadAgent — describe a part, refine it, download it")
        with gr.Row():
            with gr.Column(scale=5):
                chat = gr.Chatbot(label="Conversation", height=560, elem_id="chat",
                                  feedback_options=("Like", "Dislike"),
                                  placeholder="Try: *a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from "
                                              "the corners* — then *make it 10 mm longer*")
                with gr.Row():
                    box = gr.Textbox(placeholder="Describe a part or a change…", show_label=False, scale=8,
                                     elem_id="message", autofocus=True)
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
                with gr.Row(equal_height=True):
                    new = gr.Button("New design", elem_id="new-design", scale=1)
                    comment = gr.Textbox(placeholder="Optional comment on the last answer", show_label=False, scale=3,
                                         elem_id="comment")
                    rate_up = gr.Button("Helpful", scale=1, elem_id="thumbs-up")
                    rate_down = gr.Button("Not helpful", scale=1, elem_id="thumbs-down")
                feedback_note = gr.Markdown("")
                with gr.Accordion("Upload CAD JSON or a CadQuery script", open=False):
                    upload = gr.File(file_types=[".json", ".py"], label="File", elem_id="upload")
                    explain_btn = gr.Button("Explain / build", elem_id="explain")
                with gr.Accordion("Model and settings", open=False):
                    provider = gr.Dropdown(h.providers, value=h.providers[0], elem_id="provider",
                                           label="Model (providers with their status)", interactive=True)
                    attempts = gr.Slider(1, 6, value=agent.deps.max_attempts, step=1, label="Attempts per turn")
            with gr.Column(scale=5):
                with gr.Tabs():
                    with gr.Tab("3D"):
                        viewer = gr.Model3D(label="Current version", elem_id="viewer", height=440)
                    with gr.Tab("Code"):
                        code = gr.Code(language="python", label="CadQuery script (edit and run)", elem_id="code",
                                       interactive=True)
                        run = gr.Button("Run edited script", elem_id="run-code")
                    with gr.Tab("Versions"):
                        versions = gr.Dataframe(headers=["version", "size (mm)", "volume (mm³)", "request"],
                                                interactive=False, elem_id="versions")
                        pick = gr.Dropdown([], label="Version", elem_id="pick-version")
                        with gr.Row():
                            restore = gr.Button("Restore as current (new version)", elem_id="restore")
                downloads = gr.File(label="Downloads: STEP, STL, GLB, script", file_count="multiple",
                                    interactive=False, elem_id="downloads")

        outs = [sid, chat, code, versions, pick, downloads]  # streamed; the viewer follows in .then()
        # Only turns are limited (one per sandbox worker, see launch); reading a session, the viewer and
        # ratings never wait behind other sessions' turns.
        light = {"concurrency_limit": None}
        demo.load(h.load, [sid], [sid, chat, viewer, code, versions, pick, downloads], api_name="load", **light)
        # While a turn runs, everything that starts one is disabled: a double submit cannot happen.
        turn_controls = [send, box, run, explain_btn, restore]

        def busy():
            return [gr.update(interactive=False)] * len(turn_controls)

        def idle():
            return [gr.update(interactive=True)] * len(turn_controls)

        def turn(trigger, fn, inputs, api_name, clear_box=False):
            event = (trigger(busy, None, turn_controls, api_name=False, queue=False)
                     .then(fn, inputs, outs, api_name=api_name, concurrency_id="turn"))  # one group: all turns
            if clear_box:
                event = event.then(lambda: "", None, box, api_name=False, queue=False)
            event.then(idle, None, turn_controls, api_name=False, queue=False)
            event.then(h.viewer, [sid], [viewer], api_name=False, **light)

        def send_fn(message, history, session, n, model):
            yield from h.send(message, history, session, n, provider=model)

        turn(send.click, send_fn, [box, chat, sid, attempts, provider], "send", clear_box=True)
        turn(box.submit, send_fn, [box, chat, sid, attempts, provider], False, clear_box=True)
        turn(run.click, h.run_code, [code, chat, sid, attempts], "run_code")
        turn(explain_btn.click, h.upload_explain, [upload, chat, sid, attempts], "upload")
        viewer_api = gr.Button(visible=False)
        viewer_api.click(h.viewer, [sid, pick], [viewer], api_name="viewer", **light)
        pick.input(h.show_version, [pick, sid], [viewer, code, downloads], api_name="show_version", **light)
        turn(restore.click, h.restore, [pick, chat, sid, attempts], "restore")

        new.click(h.new_design, None, [sid, chat, viewer, code, versions, pick, downloads], api_name="new_design",
                  **light)

        def rate(liked):
            def fn(history, session, note):
                idx = next((i for i in range(len(history or []) - 1, -1, -1)
                            if history[i]["role"] == "assistant" and not history[i].get("metadata")), None)
                if idx is None:
                    return "Nothing to rate yet.", ""
                return h.feedback(history, session, idx, liked, note), ""
            return fn

        rate_up.click(rate(True), [chat, sid, comment], [feedback_note, comment], api_name="rate_up", **light)
        rate_down.click(rate(False), [chat, sid, comment], [feedback_note, comment], api_name="rate_down", **light)

        def on_like(history, session, data: gr.LikeData):
            return h.feedback(history, session, data.index, data.liked)

        chat.like(on_like, [chat, sid], [feedback_note], **light)
    return demo


def concurrency(settings) -> int:
    """Turns served at once: one per sandbox worker (each turn's heavy part runs in the sandbox;
    more at once would only queue there, fewer would leave workers idle)."""
    return max(1, int(settings.sandbox.workers))


def launch(settings, host: str = "127.0.0.1", port: int = 7860, block: bool = True):
    """Build the agent from the settings and serve the page."""
    from cadagent.agent.runtime import Agent

    import threading

    agent = Agent(settings)
    agent.sandbox.warm()
    if agent.kb is not None:  # load the embedding model and the store while the page opens
        threading.Thread(target=agent.kb.ensure_built, daemon=True).start()
    sessions = agent.workspace / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    demo = build_app(agent)
    demo.queue(default_concurrency_limit=concurrency(settings))
    demo.launch(server_name=host, server_port=port, allowed_paths=[str(sessions)], prevent_thread_lock=not block,
                quiet=True, css=CSS, show_error=False)
    return demo, agent
