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
    "": "svg.eras-strip",
    "lesson": "[data-testid='stVegaLiteChart']",
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


def start_server(env: dict | None = None):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail("streamlit did not become healthy")


@pytest.fixture(scope="module")
def server():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed")
    proc, url = start_server()
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
    """Streamlit's own readiness (as in its e2e tests): connected, and the script has run and stopped."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout * 1000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout * 1000)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=timeout * 1000)


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_its_charts_offline(server, browser, path, tmp_path):
    """As in a classroom without internet: every request that would leave the machine is blocked."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    outside = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL) else route.abort())
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    page.goto(f"{server}/{path}")
    wait_until_idle(page)
    page.wait_for_selector(PAGES[path], state="visible", timeout=30000)
    chart = page.locator(PAGES[path]).first
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 40
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert outside == [], f"requests left the machine: {outside[:3]}"
    page.close()


AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
ALL_PAGES = ["", "lesson", "timeline", "trade", "treaties", "territories", "conflicts", "people", "sources"]
ARTIFACTS = ROOT / "test-artifacts"


def open_idle(browser, url, width=1366, height=900):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    wait_until_idle(page)
    time.sleep(0.5)
    wait_until_idle(page)
    return page


def test_present_mode_uses_large_text(server, browser):
    page = open_idle(browser, f"{server}/timeline?present=1")
    size = page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector('.chart-summary')).fontSize)""")
    body = page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p'))
        .fontSize)""")
    assert size >= 20 and body >= 20
    page.close()


def test_a_copied_url_restores_a_moved_slider(server, browser):
    page = open_idle(browser, f"{server}/territories")
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    thumb.focus()
    for _ in range(30):  # one step per key press; the page may still be settling, so press until 1945
        if thumb.input_value() == "1945":
            break
        thumb.press("ArrowRight")
        time.sleep(0.15)
    assert thumb.input_value() == "1945"
    page.wait_for_function("() => location.search.includes('year=1945')", timeout=30000)
    wait_until_idle(page)
    copied = page.url
    page.close()
    fresh = open_idle(browser, copied)
    assert fresh.locator("[data-testid='stSlider'] input[type='range']").first.input_value() == "1945"
    fresh.close()


def test_lesson_next_button(server, browser):
    page = open_idle(browser, f"{server}/lesson?step=2")
    page.get_by_role("button", name="Next →").click()
    page.wait_for_function("() => location.search.includes('step=3')", timeout=15000)
    wait_until_idle(page)
    assert "step 3 of 7" in page.locator("h1").first.inner_text()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_serious_accessibility_violation(server, browser, path, scheme):
    """axe-core on the page content, in the light and the dark theme (the app follows the reader's setting)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci --prefix tests/js)")
    page = browser.new_page(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page.goto(f"{server}/{path}")
    wait_until_idle(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document.querySelector('[data-testid="stMain"]'),
                                {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,
                                       target: v.nodes[0].target.join(' ')}));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    page.close()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_phone_width_has_no_sideways_scroll(server, browser, path):
    page = open_idle(browser, f"{server}/{path}", width=390, height=844)
    overflow = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
                        main.scrollWidth - main.clientWidth);
    }""")
    assert overflow <= 1
    page.close()


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 768), (1920, 1080)])
def test_screenshot_every_page(server, browser, width, height):
    """Screenshots for a person to look at (test-artifacts/); fails only if a page shows an exception."""
    ARTIFACTS.mkdir(exist_ok=True)
    for path in ALL_PAGES:
        query = "?present=1" if width == 1920 else ""
        page = open_idle(browser, f"{server}/{path}{query}", width, height)
        time.sleep(1)
        page.screenshot(path=str(ARTIFACTS / f"{path or 'overview'}_{width}.png"), full_page=True)
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()


PAYLOADS = {
    "script": "<script>window.__pwned = 1</script>",
    "img": '<img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 2">',
    "link": "[click me](javascript:window.__pwned=3)",
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A copy of the data with script, image and javascript: payloads in the text a page shows."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed")
    import csv
    import io

    folder = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", "curated"))

    def plant(file, key_col, key, edits):
        path = folder / file
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for row in rows:
            if row[key_col] == key:
                row.update(edits)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")

    event = "1941-04-13-sovietjapanese-neutrality-pact-signed"
    plant("events.csv", "event_id", event, {"title": "Pact " + PAYLOADS["script"],
                                            "description": PAYLOADS["img"] + " " + PAYLOADS["link"],
                                            "note": PAYLOADS["link"]})
    plant("treaties.csv", "treaty_id", "neutrality-pact-1941",
          {"name": "Neutrality Pact " + PAYLOADS["img"], "note": PAYLOADS["script"], "place": PAYLOADS["link"]})
    proc, url = start_server({"JSR_DATA_DIR": str(folder)})
    yield url, event
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("path", ["timeline?event={event}&years=1940-1942&cats=treaty",
                                  "treaties?treaty=neutrality-pact-1941&years=1940-1942"])
def test_text_from_the_data_is_shown_as_text_and_runs_nothing(planted, browser, path):
    url, event = planted
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    dialogs, outside = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(LOCAL) and ":9/" not in r.url else outside.append(r.url))
    page.goto(f"{url}/{path.format(event=event)}")
    wait_until_idle(page)
    time.sleep(1.5)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "<script>" in text or "<img" in text  # shown as typed
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("[data-testid='stMain'] script").count() == 0
    assert page.locator("[data-testid='stMain'] img[onerror]").count() == 0
    assert page.locator("[data-testid='stMain'] a[href^='javascript']").count() == 0
    assert dialogs == [] and outside == []
    page.close()


def test_printing_hides_the_sidebar_and_buttons(server, browser):
    page = open_idle(browser, f"{server}/trade")
    page.emulate_media(media="print")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert not page.locator(".stDownloadButton").first.is_visible()
    assert page.locator("[data-testid='stPlotlyChart']").first.is_visible()
    page.close()


@pytest.mark.parametrize("path, controls", [
    ("trade", ["Years", "Series and basis", "Show", "Dollars", "Logarithmic scale", "Present mode",
               "Names of the disputed islands"]),
    ("timeline", ["Years", "Categories", "Include events that rest on a single mirror or summary site",
                  "Event details"]),
])
def test_keyboard_reaches_every_control(server, browser, path, controls):
    """Tab through the page: each labelled control takes the focus at some point."""
    page = open_idle(browser, f"{server}/{path}")
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        label = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el) return "";
            const own = el.getAttribute("aria-label") || "";
            const box = el.closest('[data-testid^="st"]');
            const lab = box && box.closest('.stElementContainer, [data-testid="stElementContainer"]');
            const text = lab ? (lab.querySelector('[data-testid="stWidgetLabel"]') || {}).innerText || "" : "";
            return own + "|" + text;
        }""")
        for control in controls:
            if control in label:
                reached.add(control)
    assert set(controls) <= reached, set(controls) - reached
    page.close()


def _contrast(fg: str, bg: str) -> float:
    def lum(rgb):
        vals = [int(v) / 255 for v in rgb.replace("rgba(", "").replace("rgb(", "").replace(")", "").split(",")[:3]]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in vals]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_present_mode_text_contrast_is_at_least_7_to_1(server, browser):
    page = open_idle(browser, f"{server}/trade?present=1")
    colors = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMainBlockContainer"] p, [data-testid="stCaptionContainer"]')]
        .filter(e => e.offsetParent !== null).slice(0, 40).map(e => {
            const s = getComputedStyle(e);
            return [s.color, parseFloat(s.opacity)];
        })""")
    assert colors
    for color, opacity in colors:
        assert opacity == 1 and _contrast(color, "rgb(255, 255, 255)") >= 7, color
    page.close()
