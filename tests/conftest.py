"""Fixtures shared by the test files: the app's server, and whether a missing browser is a skip or a failure."""

import os

import pytest

from bench.server import ROOT, Server

# In CI a test that needs the browser, axe-core or nginx must run: a green CI means the browser ran.
STRICT = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Skip a test whose tool is missing here; fail it in CI, where scripts/test.sh installs the tool."""
    if STRICT:
        pytest.fail(f"{reason} (CI=true: this must run in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def app_server():
    """One server for the app, shared by every test that needs a real one (browser, many users)."""
    with Server(ROOT / "app.py") as server:
        yield server


@pytest.fixture(scope="session")
def server(app_server) -> str:
    return app_server.url
