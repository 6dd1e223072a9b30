"""What the browser tests share: Debian's Chromium, Streamlit's readiness, axe-core, screenshots.

The fixtures (browser, contexts, axe) live in conftest.py so that every test file reaches the one Chromium that
Playwright's sync API allows per thread.
"""

import os
import time

from bench.server import CHROMIUM, ROOT, launch_chromium
from conftest import unavailable

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:", "about:")

VIEWS = {
    "laptop": (1366, 900, "light"),
    "dark": (1366, 900, "dark"),
    "phone": (390, 844, "light"),
    "projector": (1920, 1080, "light"),
}


launch = launch_chromium


def need_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        unavailable("Debian chromium is not installed (scripts/test.sh installs it)")


def wait_until_idle(page, timeout=45):
    """Streamlit's own readiness (as in its e2e tests): connected, and the script has run and stopped."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout * 1000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout * 1000)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=timeout * 1000)


def open_idle(contexts, url, kind="laptop", offline=False):
    """A new tab on `url`, waited until Streamlit is idle. `offline` blocks (and records) any request that would
    leave the machine, as in a classroom without internet."""
    page = contexts(kind).new_page()
    page.outside = []
    if offline:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL) else route.abort())
        page.on("request", lambda r: None if r.url.startswith(LOCAL) else page.outside.append(r.url))
    page.goto(url)
    wait_until_idle(page)
    time.sleep(0.2)  # a run that the first one triggers (a parameter written to the address) starts within this
    wait_until_idle(page)
    return page


def serious_violations(page, axe: str) -> list[dict]:
    """axe-core on the page content (the main area; the sidebar is Streamlit's own)."""
    page.add_script_tag(content=axe)
    result = page.evaluate("""async () => {
        const r = await axe.run(document.querySelector('[data-testid="stMain"]'), {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,
                                       target: v.nodes[0].target.join(' ')}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def screenshot(page, name: str) -> None:
    """For a person to look at (test-artifacts/); the image must hold more than a blank page."""
    ARTIFACTS.mkdir(exist_ok=True)
    png = page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert len(png) > 20_000, f"{name}: the screenshot is nearly empty ({len(png)} bytes)"


def shows_no_error(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
