"""The page's handlers against a real agent (sandbox, knowledge base, offline engine), without a browser:
versions and their labels, the parameter card with counted model calls, compare, named downloads,
ratings, wording, interrupted turns. The browser tests (test_ui_browser.py) drive the same page in
Chromium."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from cadagent.agent.offline.engine import OfflineChatModel

PLATE = "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners"


class CountingOffline(OfflineChatModel):
    """The offline engine, counting its calls."""

    calls: list = []

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.calls.append(1)
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


@pytest.fixture()
def page(tmp_path, sandbox, kb):
    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings
    from cadagent.ui.handlers import OUTPUTS, Handlers

    llm = CountingOffline(calls=[])
    agent = Agent(load_settings(workspace=tmp_path / "ws"), llm=llm, kb=kb, sandbox=sandbox)
    h = Handlers(agent, providers=[])

    def last(gen) -> dict:
        *_, out = gen
        return dict(zip(OUTPUTS, out))

    yield h, last, llm
    agent.close()


def _answer(history) -> str:
    return next(m["content"] for m in reversed(history) if m["role"] == "assistant" and not m.get("metadata"))


def test_versions_viewer_labels_restore_and_downloads(page):
    h, last, _ = page
    out = last(h.send(PLATE, [], "s1", 3))
    assert "v1 saved" in _answer(out["chat"])
    steps = [m["metadata"] for m in out["chat"] if m.get("metadata")]
    assert steps and all(s["title"].startswith("✓ ") and s["duration"] >= 0 for s in steps)
    assert out["viewer"]["label"] == "v1 of 1 · current" and out["viewer"]["size"] == "60.0 × 40.0 × 5.0 mm"
    assert out["viewer"]["url"].startswith("gradio_api/file=") and out["viewer"]["url"].endswith(".glb")
    out = last(h.send("make it 10 mm longer", out["chat"], "s1", 3))
    assert "bbox 70.0 x 40.0 x 5.0" in _answer(out["chat"])
    # showing v1 says it is not the version the next message edits
    viewer, code, note, *_ = h.show_version("v1", "s1")
    assert viewer["label"] == "v1 of 2 · not current" and "next message edits v2" in note
    # edit from v1: a restore command, then an edit of the restored copy
    out = last(h.restore("v1", out["chat"], "s1", 3))
    assert "Restored v1" in _answer(out["chat"]) and out["viewer"]["label"] == "v3 of 3 · current"
    out = last(h.restore("v3", out["chat"], "s1", 3))  # the current one: nothing happens
    assert "already the current version" in out["note"] and len(h.agent.versions("s1")) == 3
    out = last(h.send("make it 10 mm longer", out["chat"], "s1", 3))
    assert "v4 saved" in _answer(out["chat"]) and "bbox 70.0 x 40.0 x 5.0" in _answer(out["chat"])
    # downloads: named after the design and the version, and a zip of all of them
    names = {k: Path(out[k]).name for k in ("step", "stl", "glb", "py", "zip")}
    stem = names["zip"].removesuffix(".zip")
    assert stem.endswith("_v4") and names["step"] == f"{stem}.step" and names["py"] == f"{stem}.py"
    with zipfile.ZipFile(out["zip"]) as zf:
        assert sorted(zf.namelist()) == sorted(f"{stem}.{e}" for e in ("step", "stl", "glb", "py"))
        assert zf.read(f"{stem}.step")[:13] == b"ISO-10303-21;"
    table = h.compare("v1", "v4", "s1")
    assert "| size (mm) | 60.0 x 40.0 x 5.0 | 70.0 x 40.0 x 5.0 |" in table and "(+17.2 %)" in table
    assert "| plate.length | 60 | 70 |" in table


def test_parameter_card_rebuilds_without_a_model_call(page):
    h, last, llm = page
    out = last(h.send(PLATE, [], "s2", 3))
    rows = out["card"]
    assert rows and rows[0][0], out["card_title"]
    length = next(r for r in rows if r[0].endswith(".length"))
    assert length[1] == 60 and length[2] == "mm"
    calls = len(llm.calls)
    edited = [[p, 90 if p == length[0] else v, u] for p, v, u in rows]
    out = last(h.set_parameters(edited, "v1", out["chat"], "s2", 3))
    assert len(llm.calls) == calls  # no model call
    assert "v2 saved" in _answer(out["chat"]) and "bbox 90.0 x 40.0 x 5.0" in _answer(out["chat"])
    assert next(r for r in out["card"] if r[0] == length[0])[1] == 90
    assert f"| {length[0]} | 60 | 90 |" in h.compare("v1", "v2", "s2")
    bad = [[p, "ninety" if p == length[0] else v, u] for p, v, u in edited]
    out = last(h.set_parameters(bad, "v2", out["chat"], "s2", 3))
    assert f"{length[0]}: 'ninety' is not a number" in out["note"] and len(h.agent.versions("s2")) == 2
    out = last(h.set_parameters(edited, "v2", out["chat"], "s2", 3))
    assert "No value was changed" in out["note"]


def test_failed_edited_script_keeps_the_text_and_names_the_line(page):
    h, last, _ = page
    last(h.send("a plain rectangular plate 100 x 50 x 10 mm", [], "s3", 3))
    bad = "import cadquery as cq\nwidth = 20\nresult = cq.Workplane().box(30, widht, 5)\n"
    out = last(h.run_code(bad, [], "s3", 3))

    assert out["code"] == {"__type__": "update"}  # the editor keeps the user's text
    assert "Line 3: runtime error: name 'widht' is not defined" in out["code_note"]
    assert _answer(out["chat"]).startswith("✗ ") and len(h.agent.versions("s3")) == 1
    failed = [m for m in out["chat"] if "✗" in (m.get("metadata") or {}).get("title", "")]
    assert failed and "status" not in failed[0]["metadata"]  # failed steps open, not "done"


def test_one_rating_per_answer_in_plain_text(page):
    h, last, _ = page
    out = last(h.send(PLATE, [], "s4", 3))
    history = out["chat"]
    # Gradio hands back content lists; the thumbs of a step point into the answer's group
    history = [{**m, "content": [{"type": "text", "text": m["content"]}]} for m in history]
    first_step = next(i for i, m in enumerate(history) if m.get("metadata"))
    assert "your rating of answer 1 (v1)" in h.feedback(history, "s4", first_step, True)
    assert "saved" in h.feedback(history, "s4", [len(history) - 1], False)
    records = [json.loads(x) for x in (h.workspace / "feedback.jsonl").read_text().splitlines()]
    assert len(records) == 1
    r = records[0]
    assert r["liked"] is False and r["prompt"] == PLATE and r["answer"].startswith("v1 saved")
    assert r["version"] == 1 and r["size"] == pytest.approx([60, 40, 5]) and "cadquery" in r["code"]
    assert h.feedback(history, "s4", 0, True).startswith("Rate an answer")  # the user's own message


def test_page_wording_and_pasted_cad_json(page, tmp_path):
    from cadagent.ui.wording import for_page

    h, last, _ = page
    text = for_page("bad /tmp/gradio/0f3c9a/bracket.json (see /work/main/examples/a.json); 60/40 mm")
    assert text == "bad bracket.json (see a.json); 60/40 mm"
    doc = (Path(__file__).resolve().parents[1] / "ui" / "samples" / "block_with_hole.json").read_text()
    out = last(h.send(doc, [], "s5", 3))
    assert out["chat"][0]["content"] == "(pasted a CAD JSON document)"
    assert "75 x 75 x 20 mm block with a 30 mm through hole" in _answer(out["chat"])
    assert str(h.workspace) not in json.dumps(out["chat"])


def test_a_turn_cut_by_a_restart_says_so_and_keeps_earlier_steps(page):
    from cadagent.ui.handlers import OUTPUTS

    h, last, _ = page
    out = last(h.send(PLATE, [], "s6", 3))
    steps = [m for m in out["chat"] if m.get("metadata")]
    h.traces.save("s6", out["chat"] + [{"role": "user", "content": "make it 10 mm longer"}], pending=True)
    h.running.clear()  # the server restarted: no turn runs
    history = dict(zip(OUTPUTS, h.load("s6")))["chat"]
    assert history[-1]["content"].startswith("Interrupted — nothing saved")
    assert [m for m in history if m.get("metadata", {}).get("status") == "done"] == steps
    assert not h.traces.load("s6")["pending"]


def test_new_design_keeps_the_old_one_reachable(page):
    from cadagent.ui.handlers import OUTPUTS

    h, last, _ = page
    last(h.send(PLATE, [], "s7", 3))
    *outs, designs, menu = h.new_design("s7", [])
    assert dict(zip(OUTPUTS, outs))["chat"] == [] and outs[0] != "s7"
    assert [d["sid"] for d in designs] == ["s7"] and len(menu["choices"]) == 1
    *outs, designs, _ = h.open_design(menu["choices"][0], outs[0], designs)
    reopened = dict(zip(OUTPUTS, outs))
    assert reopened["sid"] == "s7" and "v1 saved" in _answer(reopened["chat"])
    assert reopened["viewer"]["label"] == "v1 of 1 · current"


def test_every_example_chip_builds_a_part(page):
    from cadagent.ui.wording import page_data

    h, last, _ = page
    sizes = []
    for i, chip in enumerate(page_data()["examples"]):
        out = last(h.example(i, [], f"chip-{i}", 3))
        answer = _answer(out["chat"])
        assert not answer.startswith("✗"), (chip["display_text"], answer)
        assert out["viewer"]["label"] == "v1 of 1 · current", chip["display_text"]
        sizes.append(out["viewer"]["size"])
    assert sizes == ["60.0 × 40.0 × 5.0 mm", "80.0 × 80.0 × 10.0 mm", "44.0 × 44.0 × 8.0 mm", "50.0 × 50.0 × 40.0 mm",
                     "75.0 × 75.0 × 20.0 mm"]


def test_model_menu_names_providers_and_refuses_unready_ones(page):
    from cadagent.ui.handlers import Handlers

    h, last, _ = page
    menu = Handlers(h.agent).providers  # the real statuses
    assert ("offline" in [name for _, name in menu]) and all(label.startswith(name) for label, name in menu)
    out = last(h.send("a plate 10 x 10 x 1 mm", [], "s8", 3, provider="gemini"))
    assert "Cannot use that model: the provider 'gemini' is not ready" in _answer(out["chat"])
    assert h.agent.versions("s8") == []
