"""What surrounds every page: the navigation, the sidebar's settings, present mode and the page's CSS."""

from __future__ import annotations

import base64
from pathlib import Path

import streamlit as st

from relations.pages import PAGES
from relations.theme import Look
from relations.ui.state import bound, param_value

ROOT = Path(__file__).resolve().parents[2]
# The favicon as a data URL, encoded once per process: given a file path, Streamlit would decode and re-encode
# the PNG on every run of every session.
FAVICON = "data:image/png;base64," + base64.b64encode((ROOT / "assets" / "icon.png").read_bytes()).decode()


def page_file(name: str) -> str:
    return f"app_pages/{name}.py"


def navigation() -> st.navigation:
    """st.navigation over relations.pages.PAGES, the first page being the default one."""
    return st.navigation(
        [st.Page(page_file(p.name), title=p.title, icon=p.icon, default=i == 0) for i, p in enumerate(PAGES)]
    )


def link(name: str, label: str) -> None:
    """A link to another page of the app, with that page's icon."""
    page = next(p for p in PAGES if p.name == name)
    st.page_link(page_file(name), label=label, icon=page.icon)


def is_dark() -> bool:
    try:
        return st.context.theme.type == "dark"
    except AttributeError:
        return False


def present() -> bool:
    return bool(param_value("present"))


def look() -> Look:
    """How charts should look right now: projector or laptop, light or dark theme."""
    return Look(present=present(), dark=is_dark())


def sidebar() -> None:
    """Controls that apply to every page: present mode and the language of disputed place names."""
    with st.sidebar:
        bound(st.toggle, "present", label="Present mode", help="Large text and marks for a projector.")
        bound(
            st.radio,
            "names",
            label="Names of the disputed islands",
            options=["ja", "ru"],
            format_func={"ja": "Japanese (Etorofu…)", "ru": "Russian (Iturup…)"}.get,
        )
    st.markdown(PRESENT_CSS if present() else BASE_CSS, unsafe_allow_html=True)


BASE_CSS = """
<style>
.chart-summary { font-size: 1.05rem; margin: 0.2rem 0 0.8rem 0; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2rem !important; font-weight: 700; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], .stDownloadButton
  { display: none !important; }
  [data-testid="stMain"] { overflow: visible !important; }
  .stMainBlockContainer, [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 !important; }
}
</style>
"""

# Present mode: body text >= 20 px, near-black on white (contrast > 15:1), less chrome.
PRESENT_CSS = (
    BASE_CSS
    + """
<style>
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label, [data-testid="stCaptionContainer"], .chart-summary
{ font-size: 22px !important; line-height: 1.45 !important; }
/* Captions and help text are greyed by default (about 4.5:1): in present mode they take the full text colour. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, [data-testid="stWidgetLabel"] p,
[data-testid="stSliderThumbValue"], [data-testid="stSliderThumbValue"] p, [data-testid="stSliderTickBar"]
{ opacity: 1 !important; color: inherit !important; }
h1, h1 span { font-size: 3rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2.6rem !important; }
h2, h3, h2 span, h3 span { font-size: 2rem !important; }
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
</style>
"""
)
