"""Shared AppTest helpers: open a page through the navigation, read its one-sentence chart summary."""

import re

from streamlit.testing.v1 import AppTest

from bench.server import ROOT
from relations.pages import NAMES as PAGES
from relations.ui.frame import page_file

__all__ = ["PAGES", "ROOT", "open_app", "open_page", "summary_text"]


def open_app(params: dict | None = None) -> AppTest:
    """The app at its default page, with `params` in the address, as a visitor's first run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    return at


def open_page(page: str, params: dict | None = None) -> AppTest:
    """Start the app with `params` in the address, then go to `page` as a reader would."""
    at = open_app(params)
    if page != PAGES[0]:
        at.switch_page(page_file(page)).run()
    return at


def summary_text(at: AppTest) -> str:
    html = next(m.value for m in at.markdown if "<p class='chart-summary'>" in m.value)
    return re.sub(r"<[^>]+>", "", html).strip()
