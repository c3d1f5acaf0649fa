"""The Gradio app through gradio_client against a server launched on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, serve_app

PLATE = "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners"


@pytest.fixture(scope="module")
def ui(tmp_path_factory, sandbox, kb):
    ws = tmp_path_factory.mktemp("uiws")
    url, close = serve_app(ws, sandbox, kb)
    yield {"url": url, "workspace": ws}
    close()


@pytest.fixture()
def client(ui):
    from gradio_client import Client

    return Client(ui["url"], verbose=False)


def _text(message) -> str:
    content = message["content"]
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def send(client, sid, text, history=None):
    _, hist, code, versions, pick, downloads = client.predict(text, history or [], sid, 3,
                                                              "offline (ready: built in: no key, no network)",
                                                              api_name="/send")
    viewer = client.predict(sid, None, api_name="/viewer")
    return hist, viewer, code, versions, pick, downloads


def test_design_follow_up_restore(client):
    sid = "ui-test-a"
    hist, viewer, code, versions, pick, downloads = send(client, sid, PLATE)
    assert "v1 saved: valid solid, bbox 60.0 x 40.0 x 5.0 mm" in _text(hist[-1])
    steps = [m for m in hist if m.get("metadata")]
    assert [m["metadata"]["title"].split(" ·")[0] for m in steps][:3] == ["Plan", "Examples", "Attempt"]
    assert viewer.endswith("part.glb") and Path(viewer).read_bytes()[:4] == b"glTF"
    assert {Path(d).suffix for d in downloads} == {".step", ".stl", ".glb", ".py"}
    assert "length = 60" in code
    hist, viewer, code, versions, pick, downloads = send(client, sid, "make it 10 mm longer", hist)
    assert "v2 saved (v1 kept)" in _text(hist[-1]) and "bbox 70.0 x 40.0 x 5.0" in _text(hist[-1])
    assert [row[0] for row in versions["data"]] == ["v1", "v2"]
    viewer1, code1, _ = client.predict("v1", sid, api_name="/show_version")
    assert "length = 60" in code1
    _, hist, code, versions, pick, downloads = client.predict("v1", hist, sid, 3, api_name="/restore")
    assert "Restored v1" in _text(hist[-1]) and pick["value"] == "v3"
    assert versions["data"][-1][1] == "60.0 x 40.0 x 5.0"


def test_edited_code_becomes_a_version_and_errors_are_readable(client):
    sid = "ui-test-b"
    send(client, sid, "a plain rectangular plate 100 x 50 x 10 mm")
    good = "import cadquery as cq\nthickness = 10.0\nresult = cq.Workplane().box(30, 20, thickness)\n"
    _, hist, code, versions, pick, downloads = client.predict(good, [], sid, 3, api_name="/run_code")
    assert "v2 saved" in _text(hist[-1]) and "30.0 x 20.0 x 10.0" in _text(hist[-1])
    bad = "import os\nresult = 1\n"
    _, hist, code, versions, pick, downloads = client.predict(bad, hist, sid, 3, api_name="/run_code")
    answer = _text(hist[-1])
    assert "module 'os' is not allowed" in answer and "Traceback" not in answer
    assert len(versions["data"]) == 2  # no version for the failed run
    hist, *_ = send(client, sid, "make it 5 mm thicker", hist)  # the page keeps working
    assert "v3 saved" in _text(hist[-1]) and "30.0 x 20.0 x 15.0" in _text(hist[-1])


def test_upload_cad_json_and_feedback(client, ui):
    from gradio_client import handle_file

    sid = "ui-test-c"
    path = ROOT / "examples" / "cadjson" / "block_with_hole.json"
    _, hist, code, versions, pick, downloads = client.predict(handle_file(str(path)), [], sid, 3,
                                                              api_name="/upload")
    assert "A 75 x 75 x 20 mm block with a 30 mm through hole" in _text(hist[-1])
    viewer = client.predict(sid, None, api_name="/viewer")
    assert viewer and viewer.endswith(".glb")
    note, comment = client.predict(hist, sid, "nice", api_name="/rate_up")
    assert "feedback saved" in note
    records = [json.loads(line) for line in (ui["workspace"] / "feedback.jsonl").read_text().splitlines()]
    mine = [r for r in records if r["thread"] == sid]
    assert mine and mine[-1]["liked"] is True and mine[-1]["comment"] == "nice"
    assert mine[-1]["size"] == pytest.approx([75, 75, 20]) and "cut" in mine[-1]["code"]


def test_sessions_are_isolated_and_restored(client):
    send(client, "ui-test-d", "a round standoff 8 mm diameter and 15 mm tall")
    sid, hist, viewer, code, versions, pick, downloads = client.predict("ui-test-d", api_name="/load")
    assert sid == "ui-test-d" and any("v1 saved" in _text(m) for m in hist) and viewer.endswith(".glb")
    sid_e, hist_e, viewer_e, code_e, _, pick_e, downloads_e = client.predict("ui-test-e", api_name="/load")
    assert sid_e == "ui-test-e" and hist_e == [] and viewer_e is None and code_e == ""
    assert pick_e["choices"] == [] and not downloads_e
    new = client.predict(api_name="/new_design")
    assert len(new[0]) == 32 and new[0] not in ("ui-test-d", "ui-test-e")


def test_model_selector_lists_providers_and_refuses_unready_ones(client):
    label = "gemini (not ready: set GOOGLE_API_KEY or GEMINI_API_KEY (or CADAGENT_GOOGLE_API_KEY))"
    _, hist, *_ = client.predict("a plate 10 x 10 x 1 mm", [], "ui-test-f", 3, label, api_name="/send")
    assert "Cannot use that model: the provider 'gemini' is not ready: set GOOGLE_API_KEY" in _text(hist[-1])
    hist, *_ = send(client, "ui-test-f", "a plain rectangular plate 100 x 50 x 10 mm", hist)
    assert "v1 saved" in _text(hist[-1])
