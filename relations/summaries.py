"""Headline numbers and one-sentence chart summaries, computed from the tables (never typed in), each written in
the reader's language as a whole sentence, with the language's plural forms and number formats."""

from __future__ import annotations

import pandas as pd

from relations.filters import PERIOD, trade_wide
from relations.i18n import Translator


def headline_facts(
    events: pd.DataFrame, treaties: pd.DataFrame, trade: pd.DataFrame, changes: pd.DataFrame, t: Translator
) -> list[tuple[str, str, str]]:
    """(label, value, explanation) for the Overview's metric cards."""
    first, last = str(PERIOD[0]), str(PERIOD[1])
    bilateral = treaties[(treaties["scope"] == "bilateral") & treaties["signed_on"].str[:4].between(first, last)]
    wide = trade_wide(trade, ("cow_usd",), PERIOD).dropna(subset=["total"])
    peak = wide.loc[wide["total"].idxmax()]
    shown = events[~events["needs_second_source"] & ~events["not_shown"]]
    waiting = int((events["needs_second_source"] & ~events["not_shown"]).sum())
    in_period = changes[changes["date"].str[:4].between(first, last)]
    return [
        (
            t._("Events on the timeline"),
            t.number(len(shown)),
            t.n_(
                "{count} sourced event from {first} to {last}; {waiting} more await a second source.",
                "{count} sourced events from {first} to {last}; {waiting} more await a second source.",
                len(shown),
                first=shown["date"].min()[:4],
                last=shown["date"].max()[:4],
                waiting=t.number(waiting),
            ),
        ),
        (
            t._("Bilateral agreements signed"),
            t.number(len(bilateral)),
            t._(
                "Agreements between Japan and Soviet Russia/the USSR signed {first}–{last} (Treaties page).",
                first=first,
                last=last,
            ),
        ),
        (
            t._("Peak trade ({year})", year=int(peak["year"])),
            t.money_short(float(peak["total"]) * 1e6, "USD"),  # the table holds million US$
            t._("Exports plus imports, Correlates of War v4.0, current US$ (exports on the USSR's import side)."),
        ),
        (
            t._("Territorial changes"),
            t.number(len(in_period)),
            t._(
                "Changes of holder recorded {first}–{last} (occupations, seizures, incorporations).",
                first=first,
                last=last,
            ),
        ),
    ]


def eras_sentence(eras: pd.DataFrame, t: Translator) -> str:
    core = eras[eras["era_id"] != "before-1917"]
    return t.n_(
        "The article divides the relationship into {count} era, from '{first}' to '{last}'.",
        "The article divides the relationship into {count} eras, from '{first}' to '{last}'.",
        len(core),
        first=core.iloc[0]["label"],
        last=core.iloc[-1]["label"],
    )


def timeline_sentence(events: pd.DataFrame, years: tuple[int, int], t: Translator) -> str:
    if events.empty:
        return t._("No events match these filters between {first} and {last}.", first=years[0], last=years[1])
    counts = events["category"].value_counts()
    busiest = events["start"].dt.year.value_counts()
    return t.n_(
        "{count} event between {first} and {last}; the largest lane is '{lane}' ({lane_count}), and the busiest "
        "year is {year} ({year_count} events).",
        "{count} events between {first} and {last}; the largest lane is '{lane}' ({lane_count}), and the busiest "
        "year is {year} ({year_count} events).",
        len(events),
        first=years[0],
        last=years[1],
        lane=t.word(counts.index[0]),
        lane_count=t.number(int(counts.iloc[0])),
        year=int(busiest.index[0]),
        year_count=t.number(int(busiest.iloc[0])),
    )


def trade_sentence(wide: pd.DataFrame, unit: str, t: Translator) -> str:
    known = wide.dropna(subset=["total"])
    if known.empty:
        return t._("This series has no figures in the chosen years.")
    peak = known.loc[known["total"].idxmax()]
    missing = int(wide["total"].isna().sum())
    sentence = t.n_(
        "Trade figures for {count} year from {first} to {last}; the total peaks in {year} at {amount} {unit}.",
        "Trade figures for {count} years from {first} to {last}; the total peaks in {year} at {amount} {unit}.",
        len(known),
        first=int(known["year"].min()),
        last=int(known["year"].max()),
        year=int(peak["year"]),
        amount=t.number(float(peak["total"]), 1),
        unit=t.word(unit),
    )
    if missing:
        sentence = t.sentences(
            sentence,
            t.n_(
                "No figures for {count} of these years (shown as gaps).",
                "No figures for {count} of these years (shown as gaps).",
                missing,
            ),
        )
    return sentence


def treaties_sentence(treaties: pd.DataFrame, t: Translator) -> str:
    if treaties.empty:
        return t._("No agreements match these filters.")
    status = treaties["end_status"].value_counts()
    return t.n_(
        "{count} agreement, the first signed in {first} and the last in {last}: {ended} with a recorded end, "
        "{in_force} in force today, {no_term} statements with no term, and {unknown} whose end no source gives.",
        "{count} agreements, the first signed in {first} and the last in {last}: {ended} with a recorded end, "
        "{in_force} in force today, {no_term} statements with no term, and {unknown} whose end no source gives.",
        len(treaties),
        first=treaties["start"].min().year,
        last=treaties["start"].max().year,
        ended=t.number(int(status.get("ended", 0))),
        in_force=t.number(int(status.get("in force today", 0))),
        no_term=t.number(int(status.get("a statement with no term", 0))),
        unknown=t.number(int(status.get("end not known", 0))),
    )


def people_sentence(rows: pd.DataFrame, group_label: str, t: Translator) -> str:
    year_only = int((rows["start"].str.len() == 4).sum())
    return t.n_(
        "{group}: {count} in the table; {year_only} have start dates known only to the year.",
        "{group}: {count} in the table; {year_only} have start dates known only to the year.",
        len(rows),
        group=group_label,
        year_only=t.number(year_only),
    )


def conflicts_sentence(conflicts: pd.DataFrame, years: tuple[int, int], t: Translator) -> str:
    wars = int((conflicts["kind"] == "interstate war").sum())
    return t.n_(
        "{count} war or dispute between {first} and {last}, {wars} of them wars; {force} reached the use of force.",
        "{count} wars and disputes between {first} and {last}, {wars} of them wars; {force} reached the use of force.",
        len(conflicts),
        first=years[0],
        last=years[1],
        wars=t.number(wars),
        force=t.number(int((conflicts["hostility_level"] >= 4).sum())),
    )
