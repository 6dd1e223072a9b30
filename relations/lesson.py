"""The guided lesson: for one step, the chart that tells the period best and its key events (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from relations import charts, filters, geo, summaries
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
    export: Any = None  # what to save as a file, where it differs from `figure` (the map with its geometry inline)


def key_events(events: pd.DataFrame, step: pd.Series, limit: int = 12) -> pd.DataFrame:
    """The article's own events in the step's years and categories (the lesson follows the article)."""
    cats = [c for c in str(step["categories"]).split(";") if c]
    ev = filters.filter_events(
        filters.with_bounds(events), cats or None, (int(step["start_year"]), int(step["end_year"]))
    )
    from_article = ev[ev["origin"].str.contains("seed_events", regex=False)]
    return from_article.head(limit)


def chart_for(
    step: pd.Series,
    trade,
    changes,
    names,
    events,
    eras,
    sources,
    look: Look,
    layers: dict,
    language: str,
    geometry_url: str | None = None,
    claims: pd.DataFrame | None = None,
    t: Translator | None = None,
    cities: dict[str, str] | None = None,
) -> ChartSpec:
    t = t or tr("en")
    years = (int(step["start_year"]), int(step["end_year"]))
    if step["chart"] == "map":
        year = int(step["map_year"])
        holders = filters.holders_in_year(changes, year)
        held = filters.claims_in_year(claims, year) if claims is not None else None
        claimed = geo.claimed_by_others(holders, held) if held is not None else None
        chosen = geo.labels(names, language, t.lang)
        also = geo.labels(names, "ru" if language == "ja" else "ja", t.lang)
        figure = charts.map_chart(layers, holders, chosen, year, look, also, geometry_url, claimed, t, cities)
        inline = (
            charts.map_chart(layers, holders, chosen, year, look, also, None, claimed, t, cities)
            if geometry_url
            else None
        )
        return ChartSpec("altair", figure, geo.holders_sentence(holders, names, year, held, t), inline)
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
