"""Small pieces every page uses: a data loader that reports broken files, the chart summary, downloads."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from relations.data import DataError
from relations.text import safe_csv

T = TypeVar("T")


def load(loader: Callable[[], T]) -> T:
    """Run a loader or view; on a data problem show what to fix and stop this page only."""
    try:
        return loader()
    except DataError as err:
        st.error(f"**A data file needs fixing.** {escape(str(err), quote=False)}", icon=":material/error:")
        st.caption("Other pages that do not need this file keep working. Nothing was changed on disk.")
        st.stop()


def summary(text: str) -> None:
    """One plain sentence saying what the chart shows: for screen readers and the back row."""
    st.markdown(f"<p class='chart-summary'>{escape(text, quote=False)}</p>", unsafe_allow_html=True)


def csv_download(label: str, frame: Callable[[], pd.DataFrame] | pd.DataFrame, file_name: str, key: str) -> None:
    """A CSV download of a table, made only when clicked, with spreadsheet formulas neutralised."""
    make = frame if callable(frame) else (lambda: frame)
    st.download_button(label, lambda: safe_csv(make()), file_name, "text/csv", key=key, on_click="ignore")


def chart_downloads(spec: dict[str, Any], name: str) -> None:
    """'Save as PNG' and 'Save as SVG' for a Vega-Lite chart; the file is made only when clicked."""
    from relations import export

    row = st.container(horizontal=True)
    row.download_button(
        "Save chart as PNG",
        lambda: export.png(spec),
        f"{name}.png",
        "image/png",
        key=f"png_{name}",
        on_click="ignore",
        icon=":material/image:",
    )
    row.download_button(
        "Save chart as SVG",
        lambda: export.svg(spec),
        f"{name}.svg",
        "image/svg+xml",
        key=f"svg_{name}",
        on_click="ignore",
        icon=":material/draw:",
    )
