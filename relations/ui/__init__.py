"""The one package besides app.py and app_pages/ that imports Streamlit: what the pages draw with.

Pages write `from relations import ui` and call `ui.bound(...)`, `ui.load(...)`, `ui.summary(...)`; the rest of
relations/ is plain Python that tests call without Streamlit.
"""

from relations.ui.frame import link, look, present
from relations.ui.state import bound, param_value, set_param, year_range
from relations.ui.widgets import chart_downloads, csv_download, load, summary

__all__ = [
    "bound",
    "chart_downloads",
    "csv_download",
    "link",
    "load",
    "look",
    "param_value",
    "present",
    "set_param",
    "summary",
    "year_range",
]
