"""Real browser: every page renders in Debian's Chromium, charts are on screen, nothing leaves the machine.

Skipped where /usr/bin/chromium or Playwright is missing (scripts/test.sh installs both on Debian).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser

PAGES = {
    "": "[data-testid='stVegaLiteChart']",
    "timeline": "[data-testid='stVegaLiteChart']",
    "trade": "[data-testid='stPlotlyChart']",
    "treaties": "[data-testid='stPlotlyChart']",
    "territories": "[data-testid='stVegaLiteChart']",
    "conflicts": "[data-testid='stPlotlyChart']",
    "people": "[data-testid='stDataFrame']",
    "sources": "[data-testid='stDataFrame']",
}
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not become healthy")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def wait_until_idle(page, timeout=45):
    """Streamlit's own readiness: the app is connected and its script is not running."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout * 1000)
    deadline = time.time() + timeout
    while time.time() < deadline:
        running = page.locator("[data-testid='stStatusWidget']").count()
        if not running and page.locator("[data-testid='stMainBlockContainer']").count():
            return
        time.sleep(0.25)
    raise AssertionError("page never became idle")


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_its_charts_offline(server, browser, path, tmp_path):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    outside = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    page.goto(f"{server}/{path}")
    wait_until_idle(page)
    page.wait_for_selector(PAGES[path], state="visible", timeout=30000)
    chart = page.locator(PAGES[path]).first
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert outside == [], f"requests left the machine: {outside[:3]}"
    page.close()
