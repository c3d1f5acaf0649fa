"""The UI during a turn: everything that starts a turn is disabled until the turn ends (no double
submit; the message box stays free, Stop is on), and the queue serves one turn per sandbox worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import serve_app

CONTROLS = ("send", "run-code", "explain", "restore", "rebuild", "new-design")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, sandbox, kb):
    from cadagent.agent.runtime import Agent
    from cadagent.config import load_settings
    from cadagent.ui.app import build_app

    agent = Agent(load_settings(workspace=tmp_path_factory.mktemp("uiturn")), kb=kb, sandbox=sandbox)
    yield build_app(agent)
    agent.close()


def _chain(deps: list[dict], first: dict) -> list[dict]:
    """The dependencies that run after ``first`` (its .then() chain), in order."""
    out, frontier = [], [first["id"]]
    while frontier:
        nxt = [d for d in deps if d.get("trigger_after") in frontier]
        out += nxt
        frontier = [d["id"] for d in nxt]
    return out


@pytest.mark.parametrize("trigger", [("send", "click"), ("message", "submit"), ("run-code", "click"),
                                     ("explain", "click"), ("restore", "click"), ("rebuild", "click")])
def test_every_turn_disables_its_controls_until_it_ends(demo, trigger):
    ids = {b.elem_id: k for k, b in demo.blocks.items() if getattr(b, "elem_id", None)}
    controls = sorted(ids[c] for c in CONTROLS)
    deps = demo.config["dependencies"]
    first = next(d for d in deps if (ids[trigger[0]], trigger[1]) in [tuple(t) for t in d["targets"]])
    assert set(controls) <= set(first["outputs"]) and ids["stop"] in first["outputs"]
    assert first["queue"] is False  # at once, not queued
    fn = demo.fns[first["id"]].fn
    updates = fn("a message", "no-turn-running") if fn.__code__.co_argcount == 2 else fn()
    assert [u["interactive"] for u in updates[:len(controls)]] == [False] * len(controls)
    assert updates[len(controls)]["interactive"] is True  # Stop
    chain = _chain(deps, first)
    turn = next(d for d in chain if d["queue"])
    assert ids["chat"] in turn["outputs"] and ids["message"] not in turn["outputs"]  # typed text survives
    assert demo.fns[turn["id"]].concurrency_id == "turn"  # all kinds of turn share the sandbox's limit
    idle = [d for d in chain if set(controls) <= set(d["outputs"]) and d["trigger_after"] == turn["id"]]
    assert idle and not idle[0]["trigger_only_on_success"]  # back on, even after an error
    updates = demo.fns[idle[0]["id"]].fn("no-turn-running")
    assert [u["interactive"] for u in updates] == [True] * len(controls) + [False]


def test_reading_a_session_never_waits_behind_turns(demo):
    light = {fn.name: fn.concurrency_limit for fn in demo.fns.values() if fn.queue and fn.concurrency_id != "turn"}
    assert {"loaded", "show_version", "new_design", "compare", "on_like", "poll"} <= set(light)
    assert set(light.values()) == {None}  # no limit: served at once


def test_the_queue_serves_one_turn_per_sandbox_worker():
    from cadagent.config import load_settings
    from cadagent.ui.app import concurrency

    assert concurrency(load_settings(sandbox={"workers": 3})) == 3
    assert concurrency(load_settings()) == load_settings().sandbox.workers


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_send_is_disabled_in_the_browser_while_a_turn_runs(tmp_path, sandbox, kb):
    sync_api = pytest.importorskip("playwright.sync_api")
    url, close = serve_app(tmp_path / "ws", sandbox, kb)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--headless=new", "--no-sandbox", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("#message textarea", timeout=30_000)
            page.fill("#message textarea", "a 60 x 40 mm plate, 5 mm thick")
            page.click("#send")
            page.wait_for_function("document.querySelector('#send').disabled === true", timeout=5_000)
            page.fill("#message textarea", "typed during the turn")
            page.get_by_text("v1 saved").last.wait_for(timeout=90_000)
            page.wait_for_function("document.querySelector('#send').disabled === false", timeout=10_000)
            assert page.input_value("#message textarea") == "typed during the turn"
            browser.close()
    finally:
        close()


def test_an_upload_error_names_the_file_not_the_servers_temp_path(agents, tmp_path):
    from cadagent.ui.handlers import Handlers

    agent = agents()
    upload = tmp_path / "gradio-temp" / "0f3c9a" / "bracket.json"
    upload.parent.mkdir(parents=True)
    upload.write_text('{"parts": [1, 2,')  # cut short
    h = Handlers(agent, providers=[])
    *_, last = h.upload_explain(str(upload), [], "s-upload", 3)
    answer = last[1][-1]["content"]
    assert answer.startswith("✗ bracket.json is not a valid CAD JSON document")  # a failed turn
    assert str(tmp_path) not in answer and "uploads" not in answer and "gradio-temp" not in answer
    kept = list((tmp_path / "ws" / "uploads").glob("*/bracket.json"))
    assert len(kept) == 1 and kept[0].read_text() == '{"parts": [1, 2,'  # a copy the pruner manages
