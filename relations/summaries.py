"""Headline numbers and one-sentence chart summaries, computed from the tables (never typed in)."""

from __future__ import annotations

import pandas as pd

from relations.filters import PERIOD, trade_wide


def headline_facts(
    events: pd.DataFrame, treaties: pd.DataFrame, trade: pd.DataFrame, changes: pd.DataFrame
) -> list[tuple[str, str, str]]:
    """(label, value, explanation) for the Overview's metric cards."""
    bilateral = treaties[
        (treaties["scope"] == "bilateral") & treaties["signed_on"].str[:4].between(str(PERIOD[0]), str(PERIOD[1]))
    ]
    wide = trade_wide(trade, ("cow_usd",), PERIOD).dropna(subset=["total"])
    peak = wide.loc[wide["total"].idxmax()]
    shown = events[~events["needs_second_source"] & ~events["not_shown"]]
    in_period = changes[changes["date"].str[:4].between(str(PERIOD[0]), str(PERIOD[1]))]
    return [
        (
            "Events on the timeline",
            f"{len(shown)}",
            f"{len(shown)} sourced events from {shown['date'].min()[:4]} to {shown['date'].max()[:4]}; "
            f"{int(events['needs_second_source'].sum())} more await a second source.",
        ),
        (
            "Bilateral agreements signed",
            f"{len(bilateral)}",
            f"Agreements between Japan and Soviet Russia/the USSR signed {PERIOD[0]}–{PERIOD[1]} (Treaties page).",
        ),
        (
            f"Peak trade ({int(peak['year'])})",
            f"US${float(peak['total']) / 1000:.1f} bn",
            "Exports plus imports, Correlates of War v4.0, current US$ (exports on the USSR's import side).",
        ),
        (
            "Territorial changes",
            f"{len(in_period)}",
            f"Changes of holder recorded {PERIOD[0]}–{PERIOD[1]} (occupations, seizures, incorporations).",
        ),
    ]


def eras_sentence(eras: pd.DataFrame) -> str:
    core = eras[eras["era_id"] != "before-1917"]
    return (
        f"The article divides the relationship into {len(core)} eras, from "
        f"'{core.iloc[0]['label']}' to '{core.iloc[-1]['label']}'."
    )


def timeline_sentence(events: pd.DataFrame, years: tuple[int, int]) -> str:
    if events.empty:
        return f"No events match these filters between {years[0]} and {years[1]}."
    counts = events["category"].value_counts()
    busiest = events["start"].dt.year.value_counts()
    return (
        f"{len(events)} events between {years[0]} and {years[1]}; the largest lane is "
        f"'{counts.index[0]}' ({counts.iloc[0]}), and the busiest year is {busiest.index[0]} "
        f"({busiest.iloc[0]} events)."
    )


def trade_sentence(wide: pd.DataFrame, unit: str) -> str:
    known = wide.dropna(subset=["total"])
    if known.empty:
        return "This series has no figures in the chosen years."
    peak = known.loc[known["total"].idxmax()]
    missing = wide[wide["total"].isna()]["year"]
    gap = f" No figures for {len(missing)} of these years (shown as gaps)." if len(missing) else ""
    return (
        f"Trade figures for {len(known)} years from {int(known['year'].min())} to {int(known['year'].max())}; "
        f"the total peaks in {int(peak['year'])} at {float(peak['total']):,.1f} {unit}.{gap}"
    )


def treaties_sentence(treaties: pd.DataFrame) -> str:
    if treaties.empty:
        return "No agreements match these filters."
    status = treaties["end_status"].value_counts()
    return (
        f"{len(treaties)} agreements, the first signed in {treaties['start'].min().year} and the last in "
        f"{treaties['start'].max().year}: {status.get('ended', 0)} with a recorded end, "
        f"{status.get('in force today', 0)} in force today, {status.get('a statement with no term', 0)} statements "
        f"with no term, and {status.get('end not known', 0)} whose end no source gives."
    )


def people_sentence(rows: pd.DataFrame, group_label: str) -> str:
    year_only = int((rows["start"].str.len() == 4).sum())
    return f"{group_label}: {len(rows)} in the table; {year_only} have start dates known only to the year."
