"""Shared AppTest helpers: open a page through the navigation, read its one-sentence chart summary."""

import re

from streamlit.testing.v1 import AppTest

from relations.validation import DATA_DIR

ROOT = DATA_DIR.parent
PAGES = ["overview", "lesson", "timeline", "trade", "treaties", "territories", "conflicts", "people", "sources"]


def open_page(page: str, params: dict | None = None) -> AppTest:
    """Start the app with `params` in the address, then go to `page` as a reader would."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"app_pages/{page}.py").run()
    return at


def summary_text(at: AppTest) -> str:
    html = next(m.value for m in at.markdown if "<p class='chart-summary'>" in m.value)
    return re.sub(r"<[^>]+>", "", html).strip()
