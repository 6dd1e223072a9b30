"""The guided lesson: for one step, the chart that tells the period best and its key events (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from relations import charts, filters, summaries
from relations.i18n import Translator, tr
from relations.theme import Look

# Which trade series tells each period best: Japan's yen figures before the war, COW dollars after it.
TRADE_SERIES_BEFORE_1940 = ("japan_returns_yen", "lon_japan_yen")
TRADE_SERIES_AFTER_1945 = ("cow_usd",)


@dataclass
class ChartSpec:
    kind: str  # "altair" or "plotly"
    figure: Any  # the finished Vega-Lite dict, or a Plotly figure
    sentence: str


def key_events(events: pd.DataFrame, step: pd.Series, limit: int = 12) -> pd.DataFrame:
    """The article's own events in the step's years and categories (the lesson follows the article)."""
    cats = [c for c in str(step["categories"]).split(";") if c]
    ev = filters.filter_events(
        filters.with_bounds(events), cats or None, (int(step["start_year"]), int(step["end_year"]))
    )
    from_article = ev[ev["origin"].str.contains("seed_events", regex=False)]
    return from_article.head(limit)


def chart_for(step: pd.Series, trade, events, eras, sources, look: Look, t: Translator | None = None) -> ChartSpec:
    """The chart of a step whose chart is a trade or timeline chart (a map step is the Territories page's map of
    its year: relations.views.lesson_step)."""
    t = t or tr("en")
    years = (int(step["start_year"]), int(step["end_year"]))
    if step["chart"] == "trade":
        series = TRADE_SERIES_BEFORE_1940 if years[1] < 1940 else TRADE_SERIES_AFTER_1945
        wide = filters.trade_wide(trade, series, years)
        unit = filters.series_unit(wide)
        figure = charts.trade_figure(
            wide, unit, ["exports", "imports", "total"], key_events(events, step).iloc[0:0], look=look, t=t
        )
        return ChartSpec("plotly", figure, summaries.trade_sentence(wide, unit, t))
    cats = [c for c in str(step["categories"]).split(";") if c]
    shown = filters.filter_events(filters.with_bounds(events), cats, years)
    return ChartSpec(
        "altair",
        charts.timeline_chart(shown, eras, sources, years, look, t).to_dict(),
        summaries.timeline_sentence(shown, years, t),
    )
