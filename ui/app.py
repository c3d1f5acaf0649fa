"""The Gradio page: chat with live steps, a 3D viewer with edges, grid and sizes, code, versions with
compare, downloads, CAD JSON upload.

``cadagent ui`` builds the agent once and serves this page; every browser session has its own
thread (its id lives in the browser's localStorage, so a reload or a server restart brings the
conversation, its steps, the versions and the viewer back).
"""

from __future__ import annotations

import gradio as gr

from . import viewer as viewer_mod
from .card import HEADERS as CARD_HEADERS
from .handlers import OUTPUTS, SHOWN, Handlers
from .wording import page_data

CSS = viewer_mod.CSS + """
footer {display: none !important}
/* one rule per selector: Gradio scopes each rule's first selector, and .dark must win over the light one */
#title h1 {font-size: 1.4rem; margin: 0}
#title p {margin: 0; color: #374151}
#send button, button#send {background: #1d4ed8; color: #fff; border-color: #1d4ed8}
#send:disabled, #stop:disabled {opacity: .55}
#composer, #design-row, #downloads-row {flex-wrap: nowrap; gap: 8px}
#turn-note:empty, #feedback-note:empty {display: none}
#turn-note, #turn-note *, #feedback-note, #feedback-note *, #code-note, #code-note * {overflow: visible !important}
#turn-note p, #feedback-note p {margin: 0}
#code-note {color: #8a2c0d}
#chat .duration {color: #4b5563 !important}
#chat [role=button] .icon-button {pointer-events: none}
.dark #title p {color: #d1d5db !important}
.dark #chat .duration {color: #d1d5db !important}
.dark input.subdued {color: #d1d5db !important}
.dark #code-note {color: #fdba74 !important}
.dark button[role=tab].selected {color: #fdba74 !important}
input.subdued {color: #4b5563 !important}
button[role=tab].selected {color: #9a3412 !important}
@media (max-width: 700px) {
  #work-col {order: -1}
  #main-row {flex-direction: column}
  #downloads-row {flex-wrap: wrap}
}
"""


# Two fixes of Gradio's chat markup found by axe-core: its examples are buttons in a role=list box (a group
# is right), and each step's title (a role=button) holds an unnamed arrow button (nested, no name): the arrow
# is decoration, so it leaves the tab order and the accessibility tree (clicks go through it to the title).
A11Y = """
const fix = () => {
  document.querySelectorAll('.examples[role=list]').forEach((e) => {
    e.setAttribute('role', 'group'); e.setAttribute('aria-label', 'Examples');
  });
  document.querySelectorAll('[role=button] .icon-button:not([aria-hidden])').forEach((b) => {
    b.setAttribute('tabindex', '-1'); b.setAttribute('aria-hidden', 'true'); b.disabled = true;
  });
};
fix();
new MutationObserver(fix).observe(document.body, {childList: true, subtree: true});
"""


def build_app(agent, providers: list | None = None) -> gr.Blocks:
    h = Handlers(agent, providers)
    viewer_mod.serve_static()
    # Gradio's own copies of uploads and served files: removed after a day, and all at a restart.
    with gr.Blocks(title="CadAgent", delete_cache=(3600, 86400)) as demo:
        sid = gr.BrowserState(None, storage_key="cadagent-session")
        designs = gr.BrowserState([], storage_key="cadagent-designs")
        gr.HTML("<h1>CadAgent</h1><p>Describe a part, refine it, download it.</p>", elem_id="title",
                js_on_load=A11Y)
        with gr.Row(elem_id="main-row"):
            with gr.Column(scale=5, elem_id="chat-col"):
                chat = gr.Chatbot(label="Conversation", height=470, elem_id="chat", buttons=["copy", "copy_all"],
                                  feedback_options=("Like", "Dislike"),
                                  examples=[{"text": c["display_text"], "display_text": c["display_text"]}
                                            for c in page_data()["examples"]],
                                  placeholder="Describe a part in plain words, then refine it: *make it 10 mm "
                                              "longer*. Or start from an example:")
                with gr.Row(elem_id="composer"):
                    box = gr.Textbox(placeholder="Describe a part or a change…", label="Message", show_label=False,
                                     scale=8, elem_id="message", autofocus=True, lines=1, max_lines=6)
                    send = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="send")
                    stop = gr.Button("Stop", scale=1, min_width=80, elem_id="stop", interactive=False)
                pending = gr.Textbox(visible=False)  # the message being sent (the box is free for the next one)
                chip = gr.Number(visible=False, precision=0)  # the example chip being sent
                note = gr.Markdown("", elem_id="turn-note")
                feedback_note = gr.Markdown("", elem_id="feedback-note")
                with gr.Row(equal_height=False):
                    with gr.Accordion("Upload CAD JSON or a CadQuery script", open=False):
                        upload = gr.File(file_types=[".json", ".py"], label="File", elem_id="upload")
                        explain_btn = gr.Button("Explain / build", elem_id="explain")
                    with gr.Accordion("Model and settings", open=False):
                        provider = gr.Dropdown(h.providers, value=(h.providers[0][1] if h.providers else None), elem_id="provider",
                                               label="Model (providers with their status)", interactive=True)
                        attempts = gr.Slider(1, 6, value=agent.deps.max_attempts, step=1,
                                             label="Attempts per turn")
                with gr.Row(elem_id="design-row", equal_height=True):
                    new = gr.Button("New design", elem_id="new-design", scale=1, min_width=120, size="sm")
                    reopen = gr.Dropdown([], label="Your designs (this browser)", elem_id="designs", scale=3,
                                         interactive=True)
            with gr.Column(scale=5, elem_id="work-col"):
                with gr.Tabs():
                    with gr.Tab("3D"):
                        _, view = viewer_mod.components()
                        with gr.Row(elem_id="downloads-row"):
                            dls = {k: gr.DownloadButton(label, value=None, size="sm", elem_id=f"dl-{k}",
                                                        min_width=60)
                                   for k, label in (("step", "STEP"), ("stl", "STL"), ("glb", "GLB"),
                                                    ("py", "Script"), ("zip", "All (zip)"))}
                    with gr.Tab("What I understood", elem_id="card-tab"):
                        card_title = gr.Markdown("", elem_id="card-title")
                        card = gr.Dataframe(headers=CARD_HEADERS, interactive=True, elem_id="card", wrap=True,
                                            static_columns=[0, 2], datatype=["str", "number", "str"])
                        rebuild = gr.Button("Rebuild with these values", elem_id="rebuild")
                    with gr.Tab("Code"):
                        code = gr.Code(language="python", label="CadQuery script (edit and run)", elem_id="code",
                                       interactive=True)
                        code_note = gr.Markdown("", elem_id="code-note")
                        run = gr.Button("Run edited script", elem_id="run-code")
                    with gr.Tab("Versions"):
                        versions = gr.Dataframe(headers=["version", "size (mm)", "volume (mm³)", "request"],
                                                interactive=False, elem_id="versions", wrap=True)
                        with gr.Row():
                            pick = gr.Dropdown([], label="Show version", elem_id="pick-version", scale=2)
                            restore = gr.Button("Edit from this version", elem_id="restore", scale=1)
                        with gr.Row():
                            other = gr.Dropdown([], label="Compare with", elem_id="compare-with", scale=2)
                            compare = gr.Button("Compare", elem_id="compare", scale=1)
                        compared = gr.Markdown("", elem_id="compared")
        timer = gr.Timer(1.0, active=False)

        parts = {"sid": sid, "chat": chat, "code": code, "code_note": code_note, "versions": versions,
                 "pick": pick, "compare": other, "viewer": view, "note": note, "card_title": card_title,
                 "card": card, **dls}
        outs = [parts[k] for k in OUTPUTS]
        light = {"concurrency_limit": None}  # reading never waits behind other sessions' turns

        def loaded(session, saved):
            values = h.load(session)
            remembered, menu = h.designs(values[0], saved)
            return (*values, remembered, menu, gr.Timer(active=values[0] in h.running))

        demo.load(loaded, [sid, designs], outs + [designs, reopen, timer], api_name="load", **light)
        timer.tick(h.poll, [sid], [chat, timer], api_name=False, **light)

        # While a turn runs, everything that starts one is disabled (Stop is on); the message box stays
        # free, and what is typed in it during a turn stays there.
        controls = [send, run, explain_btn, restore, rebuild, new]

        def busy():
            return [gr.update(interactive=False)] * len(controls) + [gr.update(interactive=True), ""]

        def idle(session):
            if h.busy(session):  # a second submit during a turn: the first one still owns the controls
                return [gr.skip()] * (len(controls) + 1)
            return [gr.update(interactive=True)] * len(controls) + [gr.update(interactive=False)]

        def take(message, session):  # Send / Enter: the message leaves the box, the controls go off at once
            if h.busy(session):
                return [gr.skip()] * (len(controls) + 2) + [
                    "", "A turn is running: your text stays in the box; send it when the answer is in."]
            return [*busy()[:-1], "", message, ""]

        def chosen(evt: gr.SelectData):  # an example chip: its number (only this first step gets the event)
            return [evt.index, *busy()]

        def turn(trigger, fn, inputs, api_name, take_box=False, chip_first=False):
            if chip_first:
                first = trigger(chosen, None, [chip] + controls + [stop, note], api_name=False, queue=False)
            elif take_box:
                first = trigger(take, [box, sid], controls + [stop, box, pending, note], api_name=False, queue=False)
            else:
                first = trigger(busy, None, controls + [stop, note], api_name=False, queue=False)
            event = first.then(fn, inputs, outs, api_name=api_name, concurrency_id="turn")  # one group: all turns
            event.then(idle, [sid], controls + [stop], api_name=False, queue=False)
            return event

        def send_fn(message, history, session, n, model):
            yield from h.send(message, history, session, n, provider=model)

        def example_fn(index, history, session, n, model):
            yield from h.example(int(index), history, session, n, model)

        turn(send.click, send_fn, [pending, chat, sid, attempts, provider], "send", take_box=True)
        turn(box.submit, send_fn, [pending, chat, sid, attempts, provider], False, take_box=True)
        turn(chat.example_select, example_fn, [chip, chat, sid, attempts, provider], False, chip_first=True)
        turn(run.click, h.run_code, [code, chat, sid, attempts], "run_code")
        turn(explain_btn.click, h.upload_explain, [upload, chat, sid, attempts], "upload")
        turn(restore.click, h.restore, [pick, chat, sid, attempts], "restore")
        turn(rebuild.click, h.set_parameters, [card, pick, chat, sid, attempts], "set_parameters")
        stop.click(h.stop, [sid], [note], api_name="stop", queue=False)

        pick.input(h.show_version, [pick, sid], [parts[k] for k in SHOWN], api_name="show_version", **light)
        compare.click(h.compare, [pick, other, sid], [compared], api_name="compare", **light)

        new.click(h.new_design, [sid, designs], outs + [designs, reopen], api_name="new_design", **light)
        # the chat's trash icon is "new design" too: the conversation it clears stays under Your designs
        chat.clear(h.new_design, [sid, designs], outs + [designs, reopen], api_name=False, **light)
        reopen.input(h.open_design, [reopen, sid, designs], outs + [designs, reopen], api_name="open_design",
                     **light)

        def on_like(history, session, data: gr.LikeData):
            return h.feedback(history, session, data.index, data.liked)

        chat.like(on_like, [chat, sid], [feedback_note], api_name="rate", **light)
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
    sessions = agent.sessions.root  # the versions: the workspace's, or the CADAGENT_FILES volume's
    sessions.mkdir(parents=True, exist_ok=True)
    demo = build_app(agent)
    demo.queue(default_concurrency_limit=concurrency(settings))
    demo.launch(server_name=host, server_port=port, allowed_paths=[str(sessions)], prevent_thread_lock=not block,
                quiet=True, css=CSS, show_error=False)
    return demo, agent
