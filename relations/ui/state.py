"""Widgets bound to the address bar: every choice a reader might share lives in the URL.

Every widget whose value a reader might want to share is created through `bound()`: its value is read from
the address bar (through relations.params, the one place that checks parameters), kept across pages in the
session, and written back to the address bar, so a copied link opens exactly the same view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from relations import i18n
from relations.filters import FULL_RANGE
from relations.params import PARAMS, Param

T = TypeVar("T")
# Per URL parameter, in one session-state entry: "value" survives page changes, where widget keys are cleared
# when their page is not shown; "written" is what we last put in the address bar, to tell a new link from our
# own write.
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
    text = None if (value == param.default and not param.always_in_link) or value is None else param.format(value)
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


_LANG = "_lang"  # the language this run speaks, set once at its start (app.py)


def start_run() -> str:
    """Settle the reader's language for this run: ?lang= in the address, else the browser's language, else
    English. It is kept in the address from then on, so it follows the reader to every page and shared link."""
    known = _remembered()
    value = _value("lang", PARAMS["lang"], st.query_params.get_all("lang"), known)
    if value is None:
        value = i18n.from_browser(st.context.locale)
        known["value"]["lang"] = value
    st.session_state[_LANG] = value
    return value


def language() -> str:
    return st.session_state.get(_LANG) or i18n.LANGUAGES[0]


def _(message: str, /, **args) -> str:
    """A message in the reader's language (extracted into the catalogs by scripts/i18n.py)."""
    return i18n.tr(language())._(message, **args)


def word(value: str) -> str:
    """A word from the data or the vocabulary (a category, a kind, a page's title) in the reader's language."""
    return i18n.tr(language()).word(value)


def n_(singular: str, plural: str, count: int, /, **args) -> str:
    """A message with a number, in the plural form the reader's language uses for it."""
    return i18n.tr(language()).n_(singular, plural, count, **args)


def year_range() -> tuple[int, int]:
    """The year-range slider shared by every page (?years=1917-1991)."""
    lo, hi = FULL_RANGE
    return bound(
        st.slider,
        "years",
        label=_("Years"),
        min_value=lo,
        max_value=hi,
        help=_("This range follows you to the other pages and is kept in the page address."),
    )


def show_notices() -> None:
    """Polite notices about link parameters that could not be used (shown once, then cleared)."""
    lang = language()
    for text in dict.fromkeys(notice.render(lang) for notice in st.session_state.pop(_NOTICES, [])):
        st.info(text, icon=":material/info:")
