"""Streamlit glue shared by the pages: widgets bound to the URL, present mode, data errors, summaries.

Every widget whose value a reader might want to share is created through `bound()`: its value is read from
the address bar (through relations.params, the one place that checks parameters), kept across pages in the
session, and written back to the address bar, so a copied link opens exactly the same view.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from relations.data import DataError
from relations.params import PARAMS, Param

T = TypeVar("T")
# The favicon as a data URL, encoded once per process: given a file path, Streamlit would decode and re-encode
# the PNG on every run of every session.
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parents[1] / "assets" / "icon.png").read_bytes()).decode()
# Per URL parameter, in one session-state entry (Streamlit scans every entry whenever some widgets are drawn):
# "value" survives page changes, where widget keys are cleared when their page is not shown; "written" is what
# we last put in the address bar, to tell a new link from our own write.
_PARAMS = "_params"
_NOTICES = "_notices"


def _remembered() -> dict[str, dict[str, Any]]:
    try:
        return st.session_state[_PARAMS]
    except KeyError:
        st.session_state[_PARAMS] = known = {"value": {}, "written": {}}
        return known


def _value(name: str, param: Param, raw: list[str], known: dict[str, dict[str, Any]]) -> Any:
    """The remembered value, unless the address bar holds a parameter we did not write (a new link)."""
    raw_text = raw[0] if raw else None
    if name not in known["value"] or (raw_text is not None and raw_text != known["written"].get(name)):
        value, problem = param.parse(raw)
        if problem:
            st.session_state.setdefault(_NOTICES, []).append(problem)
        known["value"][name] = value
        known["written"][name] = raw_text
    return known["value"][name]


def _store(name: str, value: Any, param: Param, raw: list[str], known: dict[str, dict[str, Any]]) -> None:
    """Remember a value and, if it changed, put it in the address bar (`raw`: what the address bar holds now)."""
    known["value"][name] = value
    text = None if value == param.default or value is None else param.format(value)
    # Every write to st.query_params sends the browser a message, so the address bar is only touched on a change.
    if raw != ([] if text is None else [text]):
        if text is None:
            del st.query_params[name]
        else:
            st.query_params[name] = text
    known["written"][name] = text


def param_value(name: str, param: Param | None = None) -> Any:
    """The current value of a URL-backed setting (without drawing a widget)."""
    return _value(name, param or PARAMS[name], st.query_params.get_all(name), _remembered())


def set_param(name: str, value: Any, param: Param | None = None) -> None:
    """Remember a value and put it in the address bar (defaults are left out to keep links short)."""
    _store(name, value, param or PARAMS[name], st.query_params.get_all(name), _remembered())


def _remember_widget(name: str, param: Param) -> None:
    """A bound widget's on_change: its new value becomes the remembered one before the page runs."""
    set_param(name, st.session_state[name], param)


def bound(widget: Callable[..., T], name: str, param: Param | None = None, **kwargs: Any) -> T:
    """Draw `widget` with key `name`, its value taken from and written to the URL parameter `name`."""
    param = param or PARAMS[name]
    known = _remembered()
    raw = st.query_params.get_all(name)  # read once: drawing the widget does not change the address bar
    value = _value(name, param, raw, known)
    options = kwargs.get("options")
    if options is not None:  # a remembered choice that the current data or filters no longer offer
        allowed = set(options)
        if isinstance(value, list):
            value = [v for v in value if v in allowed]
        elif value not in allowed:
            value = param.default
    st.session_state[name] = value
    value = widget(key=name, on_change=_remember_widget, args=(name, param), **kwargs)
    _store(name, value, param, raw, known)
    return value


def year_range(bounds: tuple[int, int] | None = None) -> tuple[int, int]:
    """The year-range slider shared by every page (?years=1917-1991)."""
    from relations.filters import FULL_RANGE

    lo, hi = bounds or FULL_RANGE
    return bound(st.slider, "years", label="Years", min_value=lo, max_value=hi,
                 help="This range follows you to the other pages and is kept in the page address.")


def show_notices() -> None:
    """Polite notices about link parameters that could not be used (shown once, then cleared)."""
    for text in dict.fromkeys(st.session_state.pop(_NOTICES, [])):
        st.info(text, icon=":material/info:")


def load(loader: Callable[[], T]) -> T:
    """Run a table loader; on a data problem show what to fix and stop this page only."""
    try:
        return loader()
    except DataError as err:
        st.error(f"**A data file needs fixing.** {escape(str(err), quote=False)}", icon=":material/error:")
        st.caption("Other pages that do not need this file keep working. Nothing was changed on disk.")
        st.stop()


def summary(text: str) -> None:
    """One plain sentence saying what the chart shows: for screen readers and the back row."""
    st.markdown(f"<p class='chart-summary'>{escape(text, quote=False)}</p>", unsafe_allow_html=True)



def is_dark() -> bool:
    try:
        return st.context.theme.type == "dark"
    except AttributeError:
        return False


def present() -> bool:
    return bool(param_value("present"))


def look():
    """How charts should look right now: projector or laptop, light or dark theme."""
    from relations.theme import Look

    return Look(present=present(), dark=is_dark())


def sidebar() -> None:
    """Controls that apply to every page: present mode and the language of disputed place names."""
    with st.sidebar:
        bound(st.toggle, "present", label="Present mode", help="Large text and marks for a projector.")
        bound(st.radio, "names", label="Names of the disputed islands", options=["ja", "ru"],
              format_func={"ja": "Japanese (Etorofu…)", "ru": "Russian (Iturup…)"}.get)
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
PRESENT_CSS = BASE_CSS + """
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


def chart_downloads(spec: dict, name: str) -> None:
    """'Save as PNG' and 'Save as SVG' for a Vega-Lite chart; the file is made only when clicked."""
    from relations import export

    row = st.container(horizontal=True)  # one block, where two columns made three
    row.download_button("Save chart as PNG", lambda: export.png(spec), f"{name}.png", "image/png",
                         key=f"png_{name}", on_click="ignore", icon=":material/image:")
    row.download_button("Save chart as SVG", lambda: export.svg(spec), f"{name}.svg", "image/svg+xml",
                          key=f"svg_{name}", on_click="ignore", icon=":material/draw:")
