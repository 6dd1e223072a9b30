"""Streamlit glue shared by the pages: the year range that follows the user, data errors, summaries."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from relations.data import DataError
from relations.filters import FULL_RANGE
from relations.params import format_year_range, parse_year_range

T = TypeVar("T")
_SHARED = "_shared_years"  # survives page changes; widget keys are cleared when their page is not shown


def year_range(default: tuple[int, int] = (1917, 1991), bounds: tuple[int, int] = FULL_RANGE,
               key: str = "years") -> tuple[int, int]:
    """A year-range slider that keeps its value across pages and in the URL (?years=1917-1991)."""
    if _SHARED not in st.session_state:
        value, problem = parse_year_range(st.query_params.get("years"), default, bounds)
        if problem:
            st.info(problem)
        st.session_state[_SHARED] = value
    lo, hi = st.session_state[_SHARED]
    st.session_state[key] = (max(bounds[0], min(lo, bounds[1])), max(bounds[0], min(hi, bounds[1])))

    def remember():
        st.session_state[_SHARED] = st.session_state[key]

    years = st.slider("Years", bounds[0], bounds[1], key=key, on_change=remember,
                      help="This range follows you to the other pages and is kept in the page address.")
    st.query_params["years"] = format_year_range(years)
    return years


def load(loader: Callable[[], T]) -> T:
    """Run a table loader; on a data problem show what to fix and stop this page only."""
    try:
        return loader()
    except DataError as err:
        st.error(f"**A data file needs fixing.** {err}", icon="⚠️")
        st.caption("Other pages that do not need this file keep working. Nothing was changed on disk.")
        st.stop()


def summary(text: str) -> None:
    """One plain sentence saying what the chart shows: for screen readers and the back row."""
    st.markdown(f"<p class='chart-summary'>{_escape(text)}</p>", unsafe_allow_html=True)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


BASE_CSS = """
<style>
.chart-summary { font-size: 1.05rem; color: #111111; margin: 0.2rem 0 0.8rem 0; }
</style>
"""
