"""Fixtures shared by the test files: the app's server, and whether a missing browser is a skip or a failure."""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.server import ROOT, Server

# In CI a test that needs the browser, axe-core or nginx must run: a green CI means the browser ran.
STRICT = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Skip a test whose tool is missing here; fail it in CI, where scripts/test.sh installs the tool."""
    if STRICT:
        pytest.fail(f"{reason} (CI=true: this must run in CI)")
    pytest.skip(reason)


def run_async(coroutine):
    """asyncio.run in a thread of its own: the browser tests' Playwright keeps an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="session")
def app_server():
    """One server for the app, shared by every test that needs a real one (browser, many users)."""
    with Server(ROOT / "app.py") as server:
        yield server


@pytest.fixture(scope="session")
def server(app_server) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, once per test run: Playwright's sync API allows one per thread, so every test file that
    needs a browser shares this one (and asyncio work in those files runs in threads of its own)."""
    from browsing import launch, need_chromium

    need_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe() -> str:
    from browsing import AXE

    if not AXE.exists():
        unavailable("axe-core is not installed (npm ci --prefix tests/js)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per way of looking at the app: its tabs share a cache, as a reader's tabs would, so
    Streamlit's scripts are fetched once per context rather than once per test. A kind is a VIEWS key, optionally
    with a browser language after a colon ("laptop:ja-JP")."""
    from browsing import VIEWS

    made = {}

    def get(kind: str):
        if kind not in made:
            view, _, locale = kind.partition(":")
            width, height, scheme = VIEWS[view]
            made[kind] = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme, locale=locale or "en-GB"
            )
        return made[kind]

    yield get
    for context in made.values():
        context.close()
