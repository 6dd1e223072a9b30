"""Small pieces every page uses: a data loader that reports broken files, the chart summary, downloads."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from relations.charts import PLOTLY_CONFIG
from relations.data import DataError
from relations.i18n import N_
from relations.text import safe_csv
from relations.ui.state import _, language, word

T = TypeVar("T")


def load(loader: Callable[[], T]) -> T:
    """Run a loader or view; on a data problem show what to fix and stop this page only."""
    try:
        return loader()
    except DataError as err:
        problem = escape(err.render(language()), quote=False)
        heading = _("A data file needs fixing.")  # outside the f-string, where the extractor finds it
        st.error(f"**{heading}** {problem}", icon=":material/error:")
        st.caption(_("Other pages that do not need this file keep working. Nothing was changed on disk."))
        st.stop()


def summary(text: str) -> None:
    """One plain sentence saying what the chart shows: for screen readers and the back row."""
    st.markdown(f"<p class='chart-summary'>{escape(text, quote=False)}</p>", unsafe_allow_html=True)


def csv_download(label: str, frame: Callable[[], pd.DataFrame] | pd.DataFrame, file_name: str, key: str) -> None:
    """A CSV download of a table, made only when clicked, with spreadsheet formulas neutralised."""
    make = frame if callable(frame) else (lambda: frame)
    st.download_button(label, lambda: safe_csv(make()), file_name, "text/csv", key=key, on_click="ignore")


def chart_downloads(spec: dict[str, Any] | Callable[[], dict[str, Any]], name: str) -> None:
    """'Save as PNG' and 'Save as SVG' for a Vega-Lite chart (or what makes it); the file is made only when clicked."""
    from relations import export

    make = spec if callable(spec) else (lambda: spec)
    row = st.container(horizontal=True)
    row.download_button(
        _("Save chart as PNG"),
        lambda: export.png(make()),
        f"{name}.png",
        "image/png",
        key=f"png_{name}",
        on_click="ignore",
        icon=":material/image:",
    )
    row.download_button(
        _("Save chart as SVG"),
        lambda: export.svg(make()),
        f"{name}.svg",
        "image/svg+xml",
        key=f"svg_{name}",
        on_click="ignore",
        icon=":material/draw:",
    )


# Column headers for tables on screen, in the reader's language (CSV downloads keep the machine names, which the
# data dictionary explains).
HEADERS = {
    "date": N_("Date"),
    "end_date": N_("End"),
    "title": N_("Event"),
    "category": N_("Category"),
    "description": N_("Description"),
    "source": N_("Source"),
    "source_ids": N_("Source ids"),
    "evidence": N_("Evidence"),
    "note": N_("Note"),
    "name": N_("Name"),
    "name_native": N_("Native script"),
    "role": N_("Office"),
    "start": N_("From"),
    "end": N_("To"),
    "start_other": N_("From (another source)"),
    "end_other": N_("To (another source)"),
    "kind": N_("Kind"),
    "scope": N_("Scope"),
    "place": N_("Place"),
    "signed_on": N_("Signed"),
    "ratified_on": N_("Ratified"),
    "in_force_on": N_("In force"),
    "status": N_("Status"),
    "also_called": N_("Also called"),
    "from_state": N_("From state"),
    "to_state": N_("To state"),
    "procedure": N_("Procedure (as coded)"),
    "area_km2": N_("Area (km²)"),
    "population": N_("Population"),
    "claimant": N_("Claimant"),
    "from_date": N_("Since"),
    "to_date": N_("Until"),
    "position": N_("Position (that side's own)"),
    "start_date": N_("Start"),
    "hostility": N_("Hostility"),
    "highest_action": N_("Highest action"),
    "fatality_band": N_("Fatalities"),
    "japan_battle_deaths": N_("Japan's battle deaths"),
    "russia_battle_deaths": N_("Russia's/USSR's battle deaths"),
    "year": N_("Year"),
    "exports": N_("Exports"),
    "imports": N_("Imports"),
    "total": N_("Total"),
    "balance": N_("Balance"),
    "series_id": N_("Series"),
    "unit": N_("Unit"),
    "source_id": N_("Source id"),
    "column": N_("Column"),
    "type": N_("Type"),
    "citation": N_("Citation"),
    "url": N_("Link"),
    "licence": N_("Licence"),
}


def headers(columns: list[str]) -> dict[str, str]:
    """st.dataframe column_config giving each column a header in the reader's language."""
    return {c: word(HEADERS[c]) for c in columns if c in HEADERS}


def chart(kind: str, figure: Any, key: str) -> None:
    """A figure as the views make it: 'plotly' (a Plotly figure) or 'altair' (a finished Vega-Lite dict)."""
    if kind == "plotly":
        st.plotly_chart(figure, width="stretch", key=key, config=PLOTLY_CONFIG, theme=None)
    else:
        st.vega_lite_chart(spec=figure, width="stretch", key=key)
