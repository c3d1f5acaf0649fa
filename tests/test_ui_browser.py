"""End to end in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

Skipped when /usr/bin/chromium is absent; `.ci/run` installs it. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from .conftest import ROOT, serve_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
ARGS = ["--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
PLATE = "a 60 x 40 mm plate, 5 mm thick, four 5 mm holes 8 mm in from the corners"


@pytest.fixture(scope="module")
def server(tmp_path_factory, sandbox, kb):
    url, close = serve_app(tmp_path_factory.mktemp("browserws"), sandbox, kb)
    yield url
    close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#message textarea", timeout=30_000)
    return context, page


def _viewer_shows_a_model(page, tries: int = 20) -> bool:
    """The viewer's pixels vary once the GLB is drawn (a blank canvas is one colour)."""
    import io

    from PIL import Image, ImageStat

    for _ in range(tries):
        page.wait_for_timeout(500)
        shot = Image.open(io.BytesIO(page.locator("#viewer canvas").screenshot())).convert("L")
        if ImageStat.Stat(shot).stddev[0] > 8:
            return True
    return False


def _send(page, text, expect, timeout=90_000):
    page.fill("#message textarea", text)
    page.click("#send")
    page.get_by_text(expect).last.wait_for(timeout=timeout)


def test_design_refine_restore_download_upload(browser, server, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    context, page = _open(browser, server)
    _send(page, PLATE, "v1 saved")
    page.wait_for_selector("#viewer canvas", timeout=30_000)
    assert _viewer_shows_a_model(page), "the 3D viewer stayed blank"
    page.screenshot(path=str(ARTIFACTS / "ui-1-first-part.png"))

    t0 = time.perf_counter()
    page.fill("#message textarea", "make it 10 mm longer")
    page.click("#send")
    page.get_by_text("Plan ·").nth(1).wait_for(timeout=60_000)
    first_step = time.perf_counter() - t0
    page.get_by_text("v2 saved (v1 kept)").last.wait_for(timeout=60_000)
    (ARTIFACTS / "ui-timings.json").write_text(json.dumps({"send_to_first_step_s": round(first_step, 3),
                                                          "send_to_answer_s": round(time.perf_counter() - t0, 3)}))
    assert "bbox 70.0 x 40.0 x 5.0" in page.inner_text("#chat")

    page.get_by_role("tab", name="Versions").click()
    page.click("#pick-version input")
    page.get_by_role("option", name="v1").click()
    page.click("#restore")
    page.get_by_text("Restored v1").last.wait_for(timeout=60_000)
    page.get_by_text("v3 saved").last.wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "ui-2-restored.png"))

    with page.expect_download(timeout=30_000) as info:
        page.locator("#downloads a[href*='part.step']").first.click()
    step = tmp_path / "part.step"
    info.value.save_as(step)
    assert b"ISO-10303-21" in step.read_bytes()[:200]
    import cadquery as cq

    bb = cq.importers.importStep(str(step)).val().BoundingBox()
    assert (bb.xlen, bb.ylen, bb.zlen) == pytest.approx((60, 40, 5), abs=1e-3)

    page.get_by_text("Upload CAD JSON or a CadQuery script").click()
    page.set_input_files("#upload input[type=file]", str(ROOT / "examples" / "cadjson" / "block_with_hole.json"))
    page.wait_for_timeout(500)
    page.click("#explain")
    page.get_by_text("A 75 x 75 x 20 mm block with a 30 mm through hole").last.wait_for(timeout=90_000)
    page.screenshot(path=str(ARTIFACTS / "ui-3-explained.png"))
    context.close()


def test_two_browser_sessions_do_not_see_each_other(browser, server):
    ctx_a, page_a = _open(browser, server)
    ctx_b, page_b = _open(browser, server)
    _send(page_a, "a round standoff 8 mm diameter and 15 mm tall", "v1 saved")
    page_b.wait_for_timeout(500)
    assert "standoff" not in page_b.inner_text("#chat")
    _send(page_b, "a plain rectangular plate 100 x 50 x 10 mm", "v1 saved")
    assert "100.0 x 50.0 x 10.0" not in page_a.inner_text("#chat")
    # a reload keeps each browser's own conversation
    page_a.reload()
    page_a.get_by_text("8.0 x 8.0 x 15.0").first.wait_for(timeout=30_000)
    assert "100.0 x 50.0" not in page_a.inner_text("#chat")
    page_a.screenshot(path=str(ARTIFACTS / "ui-4-session-a.png"))
    ctx_a.close()
    ctx_b.close()
