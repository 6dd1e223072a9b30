"""The one package besides app.py and app_pages/ that imports Streamlit: what the pages draw with.

Pages write `from relations import ui` and call `ui.bound(...)`, `ui.load(...)`, `ui.summary(...)`; the rest of
relations/ is plain Python that tests call without Streamlit.
"""

from relations.ui.frame import link, look, place_names, present
from relations.ui.state import _, bound, language, n_, param_value, set_param, word, year_range
from relations.ui.widgets import chart, chart_downloads, csv_download, headers, load, summary

__all__ = [
    "_",
    "language",
    "n_",
    "place_names",
    "bound",
    "chart",
    "chart_downloads",
    "csv_download",
    "headers",
    "link",
    "load",
    "look",
    "param_value",
    "present",
    "set_param",
    "summary",
    "word",
    "year_range",
]
