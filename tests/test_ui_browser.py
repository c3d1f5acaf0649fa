"""End to end in a real browser: Debian's chromium driven by Playwright (never a downloaded browser),
one server for the module. Skipped when /usr/bin/chromium is absent; `.ci/run` installs it.

Screenshots at 1440x900 and 390x844, and the measured latencies, go to test-artifacts/.
"""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, serve_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
SLOW = "import cadquery as cq\nn = 0\nfor i in range(60_000_000):\n    n += 1\nresult = cq.Workplane().box(10, 10, 10)\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory, sandbox, kb):
    ws = tmp_path_factory.mktemp("browserws")
    url, close = serve_app(ws, sandbox, kb)
    yield url, ws
    close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, url, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#message textarea", timeout=30_000)
    page.wait_for_function("window.cadViewer !== undefined", timeout=30_000)
    return context, page


def _viewer(page) -> dict:
    """What the three.js viewer holds: its state, the grid step, edge and mesh objects, the overlay."""
    return page.evaluate("""() => { const v = window.cadViewer; const kids = v.model ? v.model.children : [];
        return {state: v.host.dataset.state, grid: v.host.dataset.grid, overlay: v.host.innerText,
                edges: kids.filter((c) => c.isLineSegments).length, meshes: kids.filter((c) => c.isMesh).length}; }""")


def _pixels_vary(page) -> bool:
    from PIL import Image, ImageStat

    shot = Image.open(io.BytesIO(page.locator("#viewer canvas").screenshot())).convert("L")
    return ImageStat.Stat(shot).stddev[0] > 8


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found
            if v["impact"] in ("serious", "critical")]


def _send(page, text, expect, timeout=90_000):
    page.fill("#message textarea", text)
    page.click("#send")
    page.get_by_text(expect).last.wait_for(timeout=timeout)


def test_workbench_on_a_desktop(browser, server, tmp_path):
    url, ws = server
    ARTIFACTS.mkdir(exist_ok=True)
    context, page = _open(browser, url)
    page.get_by_role("button", name="A plate with four holes").click()  # an example chip
    page.get_by_text("v1 saved").last.wait_for(timeout=90_000)
    page.wait_for_function("window.cadViewer.host.dataset.state === 'shown'", timeout=30_000)
    v = _viewer(page)
    assert v["edges"] == v["meshes"] > 0 and float(v["grid"]) > 0 and _pixels_vary(page)
    assert "v1 of 1 · current" in v["overlay"] and "60.0 × 40.0 × 5.0 mm" in v["overlay"]

    # a follow-up: Send is off during the turn, text typed meanwhile stays; latencies measured
    t0 = time.perf_counter()
    page.fill("#message textarea", "make it 10 mm longer")
    page.click("#send")
    page.wait_for_function("document.querySelector('#send').disabled === true", timeout=5_000)
    page.fill("#message textarea", "typed during the turn")
    page.get_by_text("✓ Understand").nth(1).wait_for(timeout=60_000)
    first_step = time.perf_counter() - t0
    page.get_by_text("v2 saved (v1 kept)").last.wait_for(timeout=60_000)
    answer = time.perf_counter() - t0
    (ARTIFACTS / "ui-timings.json").write_text(json.dumps({"send_to_first_step_s": round(first_step, 3),
                                                          "send_to_answer_s": round(answer, 3)}))
    page.wait_for_function("document.querySelector('#send').disabled === false", timeout=10_000)
    assert page.input_value("#message textarea") == "typed during the turn"

    # the viewed version: v1 shown is "not current"; "Edit from this version" makes the next edit start there
    page.get_by_role("tab", name="Versions").click()
    page.click("#pick-version input")
    page.get_by_role("option", name="v1", exact=True).click()
    page.wait_for_function("window.cadViewer.host.innerText.includes('v1 of 2 · not current')", timeout=20_000)
    assert "your next message edits v2" in page.inner_text("#turn-note")
    page.click("#restore")
    page.get_by_text("v3 saved").last.wait_for(timeout=60_000)
    _send(page, "make it 10 mm longer", "v4 saved")
    assert "bbox 70.0 x 40.0 x 5.0" in page.inner_text("#chat")
    page.wait_for_function("window.cadViewer.host.innerText.includes('v4 of 4 · current')", timeout=20_000)

    # the parameter card: change a value, rebuild (no model call: a Set parameters step, no Write step)
    page.get_by_role("tab", name="What I understood").click()
    row = page.locator("#card [role=row]").filter(has_text="plate.length").first
    row.locator("[role=gridcell]").nth(1).dblclick()
    page.keyboard.press("Control+A")
    page.keyboard.type("85")
    page.keyboard.press("Enter")
    page.click("#rebuild")
    page.get_by_text("v5 saved").last.wait_for(timeout=60_000)
    last_turn = page.inner_text("#chat").rsplit("(set on v4", 1)[1]
    assert "bbox 85.0 x 40.0 x 5.0" in last_turn and "Set parameters" in last_turn and "Write" not in last_turn

    # downloads: named after the design and the version, a zip of all of them, a STEP of the right size
    page.get_by_role("tab", name="3D").click()
    with page.expect_download(timeout=30_000) as info:
        page.click("#dl-zip")
    name = info.value.suggested_filename
    assert name.endswith("_v5.zip")
    archive = tmp_path / name
    info.value.save_as(archive)
    stem = name.removesuffix(".zip")
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == sorted(f"{stem}.{e}" for e in ("glb", "py", "step", "stl"))
        zf.extract(f"{stem}.step", tmp_path)
    import cadquery as cq

    bb = cq.importers.importStep(str(tmp_path / f"{stem}.step")).val().BoundingBox()
    assert (bb.xlen, bb.ylen, bb.zlen) == pytest.approx((85, 40, 5), abs=1e-3)
    assert page.locator("#downloads-row [aria-label*='Remove'], #downloads-row :text('Remove')").count() == 0

    # the answer's own thumbs: like, then dislike = one record, plain text, with its version
    page.locator("#chat button[aria-label='Like']").last.click()
    page.get_by_text("your rating of answer").last.wait_for(timeout=10_000)
    page.locator("#chat button[aria-label='Dislike']").last.click()
    page.wait_for_timeout(1000)
    records = [json.loads(x) for x in (ws / "feedback.jsonl").read_text().splitlines()]
    rated = [r for r in records if r["prompt"].startswith("(set on v4")]
    assert len(rated) == 1 and [r for r in records if r["thread"] == rated[0]["thread"]] == rated
    assert rated[0]["liked"] is False and rated[0]["version"] == 5 and rated[0]["turn"] == 5
    assert isinstance(rated[0]["answer"], str) and rated[0]["answer"].startswith("v5 saved")

    page.screenshot(path=str(ARTIFACTS / "ui-desktop-1440x900.png"))
    assert _serious(page) == []
    context.close()


def test_phone_layout_and_accessibility(browser, server):
    url, _ = server
    context, page = _open(browser, url, PHONE)
    assert _serious(page) == []
    _send(page, "a round standoff 8 mm diameter and 15 mm tall", "v1 saved")
    page.wait_for_function("window.cadViewer.host.dataset.state === 'shown'", timeout=30_000)
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator("#viewer canvas").bounding_box()
    assert box["y"] + box["height"] / 2 < PHONE["height"] and box["width"] <= PHONE["width"]  # above the fold
    assert _pixels_vary(page)
    page.screenshot(path=str(ARTIFACTS / "ui-phone-390x844.png"))
    assert _serious(page) == []
    page.goto(url + "?__theme=dark")  # the same session in the dark theme
    page.wait_for_function("window.cadViewer && window.cadViewer.host.dataset.state === 'shown'", timeout=30_000)
    assert _serious(page) == []
    context.close()


def test_stop_reload_and_a_failed_script(browser, server):
    url, _ = server
    context, page = _open(browser, url)
    _send(page, "a plain rectangular plate 100 x 50 x 10 mm", "v1 saved")
    page.get_by_role("tab", name="Code").click()
    editor = page.locator("#code .cm-content")

    # a failing edited script stays in the editor, with its line named
    editor.fill("import cadquery as cq\nwidth = 20\nresult = cq.Workplane().box(30, widht, 5)\n")
    page.click("#run-code")
    page.get_by_text("Your script failed and was kept as you wrote it").wait_for(timeout=60_000)
    assert "Line 3" in page.inner_text("#code-note") and "widht, 5)" in editor.inner_text()

    # Stop: the page is free again at once; the turn ends after its current step, nothing saved
    editor.fill(SLOW)
    page.click("#run-code")
    page.wait_for_function("document.querySelector('#stop').disabled === false", timeout=10_000)
    page.click("#stop")
    t0 = time.perf_counter()
    page.wait_for_function("document.querySelector('#send').disabled === false", timeout=10_000)
    chat = page.inner_text("#chat")
    # (the stop said while the step runs, or, when the step had not started yet on a loaded machine, the turn's end)
    assert time.perf_counter() - t0 < 5 and ("Stopping after the current step" in chat or
                                             "Stopped — nothing from this turn was saved." in chat)

    # a reload mid-turn: the turn goes on, the page says so and shows its end; earlier steps are kept
    page.wait_for_timeout(5_000)  # the stopped turn's job ends (sandbox limit)
    editor.fill(SLOW)
    page.click("#run-code")
    page.wait_for_timeout(1_500)
    page.reload()
    page.get_by_text("This turn is still running").first.wait_for(timeout=20_000)
    page.get_by_text("Stopped — nothing from this turn was saved.").first.wait_for(timeout=10_000)
    page.get_by_text("Failed — ran: timeout").last.wait_for(timeout=30_000)  # the turn's end, polled in
    chat = page.inner_text("#chat")
    assert chat.count("✓ Understand") >= 3 and "v2 saved" not in chat  # steps of earlier turns; nothing saved
    context.close()
