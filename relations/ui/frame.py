"""What surrounds every page: the navigation, the sidebar's settings, present mode and the page's CSS."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import streamlit as st

from relations import i18n, replicas
from relations.pages import PAGES
from relations.params import PARAMS
from relations.theme import Look
from relations.ui.state import _, bound, language, param_value, word

ROOT = Path(__file__).resolve().parents[2]
# The favicon as a data URL, encoded once per process: given a file path, Streamlit would decode and re-encode
# the PNG on every run of every session.
FAVICON = "data:image/png;base64," + base64.b64encode((ROOT / "assets" / "icon.png").read_bytes()).decode()


def page_file(name: str) -> str:
    return f"app_pages/{name}.py"


def navigation() -> st.navigation:
    """st.navigation over relations.pages.PAGES, the first page being the default one. Titles are in the reader's
    language; addresses (/timeline) are the same in every language, so a link works for everyone."""
    return st.navigation(
        [
            st.Page(
                page_file(p.name), title=word(p.title), icon=p.icon, default=i == 0, url_path=None if i == 0 else p.name
            )
            for i, p in enumerate(PAGES)
        ]
    )


def link(name: str, label: str, query: dict[str, str] | None = None) -> None:
    """A link to another page of the app, with that page's icon; the language goes with it in the address, and
    `query` opens the page on a view (?event=..., ?year=...)."""
    page = next(p for p in PAGES if p.name == name)
    st.page_link(page_file(name), label=label, icon=page.icon, query_params={**(query or {}), "lang": language()})


def names_param():
    """The place-name choice, whose default follows the interface: Russian names for a Russian reader."""
    return PARAMS["names"].with_default("ru" if language() == "ru" else "ja")


def place_names() -> str:
    """The language of the disputed islands' names on the map and in tables ('ja' or 'ru')."""
    return param_value("names", names_param())


def replica_notice() -> None:
    """Once per session: say so when the reader was moved to another replica because theirs stopped."""
    if st.session_state.get("_moved_said"):
        return
    st.session_state["_moved_said"] = True
    if replicas.moved(st.context.headers.get(replicas.HEADER), os.environ.get(replicas.ENVIRONMENT)):
        st.warning(
            _(
                "The server that held your session stopped, so you were moved to another one. Everything in the "
                "address came back; events you uploaded were not kept: please upload them again."
            ),
            icon=":material/sync_problem:",
        )


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
    """Controls that apply to every page, the language first; then present mode and the islands' names."""
    with st.sidebar:
        bound(
            st.selectbox,
            "lang",
            label="Language · 言語 · Язык",  # in all three, so that a reader who cannot read the page finds it
            options=i18n.LANGUAGES,
            format_func=i18n.LANGUAGE_NAMES.get,
        )
        bound(st.toggle, "present", label=_("Present mode"), help=_("Large text and marks for a projector."))
        names = {"ja": _("Japanese (Etorofu…)"), "ru": _("Russian (Iturup…)")}
        bound(
            st.radio,
            "names",
            names_param(),
            label=_("Names of the disputed islands"),
            options=list(names),
            format_func=names.get,
        )
    st.markdown(PRESENT_CSS if present() else BASE_CSS, unsafe_allow_html=True)


BASE_CSS = """
<style>
.chart-summary { font-size: 1.05rem; margin: 0.2rem 0 0.8rem 0; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2rem !important; font-weight: 700; }
/* A metric's label wraps rather than ending in "…": Russian and Japanese labels are longer than English. */
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *
{ white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important; }
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
