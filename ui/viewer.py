"""The page's 3D viewer: a three.js scene (ui/static/viewer.js, built from ui/viewer_js/src) in a gr.HTML shell.

The shell never changes; what it shows comes from a hidden JSON component (:func:`value`) whose change
hands it to the viewer in the browser. The viewer draws the part with its feature edges, a ground grid
with axes (X red, Y green, Z blue; Z up), fits it to the view, and shows the version and its size.
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

STATIC = Path(__file__).parent / "static"
BUNDLE = STATIC / "viewer.js"

SHELL = """
<div class="cad-viewer" data-state="empty">
  <div class="cad-canvas"></div>
  <div class="cad-overlay" aria-live="polite">
    <div class="cad-version">No part yet</div>
    <div class="cad-size"></div>
    <div class="cad-note"></div>
  </div>
  <div class="cad-tools" role="toolbar" aria-label="View">
    <button type="button" data-view="fit" aria-label="Fit the part to the view">Fit</button>
    <button type="button" data-view="top" aria-label="View from the top">Top</button>
    <button type="button" data-view="front" aria-label="View from the front">Front</button>
  </div>
</div>
"""

# js_on_load: the bundle is an ES module served by Gradio (gr.set_static_paths), never a CDN.
MOUNT = f"""
const url = new URL('gradio_api/file={BUNDLE}', document.baseURI).href;
import(url).then((m) => m.mount(element));
"""

# The hidden JSON's change hands its value to the viewer (kept for a viewer that mounts later).
SHOW = "(v) => { window.cadViewerValue = v; if (window.cadViewer) window.cadViewer.show(v); }"

CSS = """
#viewer {padding: 0 !important}
.cad-viewer {position: relative; height: 440px; border-radius: 8px; overflow: hidden}
.cad-canvas {position: absolute; inset: 0}
.cad-canvas canvas {width: 100%; height: 100%; display: block}
.cad-canvas canvas:focus-visible {outline: 3px solid #1d4ed8; outline-offset: -3px}
.cad-overlay {position: absolute; left: 8px; top: 8px; padding: 4px 10px; border-radius: 6px; font-size: 14px;
  line-height: 1.35; background: rgba(255, 255, 255, .9); color: #111; pointer-events: none; max-width: 70%}
.cad-version {font-weight: 600}
.cad-note {color: #8a2c0d}
.cad-note:empty, .cad-size:empty {display: none}
.cad-tools {position: absolute; right: 8px; top: 8px; display: flex; gap: 4px}
.cad-tools button {padding: 2px 10px; border-radius: 6px; border: 1px solid #4b5563; background: #fff; color: #111;
  font-size: 14px}
.cad-tools button:focus-visible {outline: 3px solid #1d4ed8}
@media (max-width: 700px) { .cad-viewer {height: 320px} }
"""


def serve_static() -> None:
    """Let Gradio serve the viewer's bundle (call before the Blocks are built)."""
    gr.set_static_paths([str(STATIC)])


def components():
    """(shell, data): the HTML shell and the hidden JSON that feeds it; wire ``data.change(**show_event)``."""
    shell = gr.HTML(SHELL, js_on_load=MOUNT, elem_id="viewer", apply_default_css=False, padding=False)
    data = gr.JSON(None, visible=False, elem_id="viewer-data")
    data.change(None, data, None, js=SHOW, queue=False, api_name=False)
    return shell, data


def value(glb: str | None, number: int, count: int, current: int, size, base_note: str = "") -> dict | None:
    """What the viewer shows: the GLB's URL, "v2 of 6 · not current", the measured size."""
    if not glb:
        return None
    label = f"v{number} of {count} · " + ("current" if number == current else "not current")
    note = base_note or ("" if number == current else f"Your next message edits v{current}, the current version.")
    return {"url": f"gradio_api/file={glb}", "label": label, "note": note,
            "size": " × ".join(f"{s:.1f}" for s in size) + " mm" if size else ""}
