"""Pure DataFrame functions behind the pages: dates, filtering, trade arithmetic, who held what.

No Streamlit here, so every function is unit-tested on the real tables without a server.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relations import schema
from relations.i18n import N_, Translator, clip, tr
from relations.validation import date_bounds

PERIOD = (1917, 1991)  # the dashboard's subject; context runs 1855-1993
FULL_RANGE = (1855, 1999)  # context before 1917, the 1990s epilogue after 1991
NOT_RECORDED = "not recorded"  # the holder of a territory before its first recorded change


def with_bounds(frame: pd.DataFrame, start: str = "date", end: str = "end_date") -> pd.DataFrame:
    """Add `start` (first day of the start date) and `end` (last day of the end date, or of the start)."""
    out = frame.copy()
    out["start"] = pd.to_datetime([date_bounds(v)[0] if v else pd.NaT for v in out[start]])
    ends = out[end] if end in out else pd.Series([""] * len(out), index=out.index)
    out["end"] = pd.to_datetime(
        [date_bounds(e)[1] if e else (date_bounds(s)[1] if s else pd.NaT) for s, e in zip(out[start], ends)]
    )
    out["is_span"] = ends.ne("") & ends.ne(out[start])
    return out


def filter_events(
    events: pd.DataFrame,
    categories: list[str] | None = None,
    years: tuple[int, int] = FULL_RANGE,
    include_single_source: bool = False,
) -> pd.DataFrame:
    """Events in any of `categories` that overlap `years`; single-mirror rows only when asked; rows that are
    never shown (`not_shown`), never."""
    ev = events if "start" in events else with_bounds(events)
    keep = (ev["start"].dt.year <= years[1]) & (ev["end"].dt.year >= years[0])
    if categories is not None:
        keep &= ev["category"].isin(categories)
    if not include_single_source:
        keep &= ~ev["needs_second_source"]
    keep &= ~ev["not_shown"]  # kept in the data to document a disagreement, never drawn
    return ev[keep].sort_values(["start", "event_id"])


def assign_tracks(events: pd.DataFrame, min_gap_days: int = 200) -> pd.Series:
    """Stack marks within a lane so that no two overlap: greedy interval packing by start date.

    Each event occupies [start, max(end, start + min_gap)]; it takes the lowest track that is free.
    """
    tracks = pd.Series(0, index=events.index, dtype="int64")
    for _category, group in events.groupby("category"):
        free_from: list[pd.Timestamp] = []
        for idx, row in group.sort_values("start").iterrows():
            busy_until = max(row["end"], row["start"] + pd.Timedelta(days=min_gap_days))
            for t, until in enumerate(free_from):
                if row["start"] > until:
                    free_from[t] = busy_until
                    tracks[idx] = t
                    break
            else:
                free_from.append(busy_until)
                tracks[idx] = len(free_from) - 1
    return tracks


def source_list(source_ids: str, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources rows one cell cites, in the order cited."""
    ids = [s for s in source_ids.split(";") if s]
    indexed = sources.set_index("source_id")
    return indexed.loc[[i for i in ids if i in indexed.index]].reset_index()


def source_labels(
    frame: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids", t: Translator | None = None
) -> pd.Series:
    """A short human label for each row's sources (for tooltips): first citation, + N more."""
    t = t or tr("en")
    cite = dict(zip(sources["source_id"], sources["citation"]))

    def label(value: str) -> str:
        ids = [s for s in value.split(";") if s]
        if not ids:
            return ""
        first = cite.get(ids[0], ids[0])
        first = clip(first, 70)
        # Not a plural form: the number only says how many more, and a single source needs no count at all.
        return first if len(ids) == 1 else t._("{first} (+{more} more)", first=first, more=t.number(len(ids) - 1))

    return frame[column].map(label)


# --------------------------------------------------------------------------- trade

SERIES_FOR_CHOICE = {
    # The Trade page's "series and basis" choice -> series ids, first one preferred where both have a year.
    "japan-usd": ("harmonised_usd",),
    "japan-yen": ("japan_returns_yen", "lon_japan_yen"),
    "cow-usd": ("cow_usd",),
    "ussr-roubles": ("lon_ussr_roubles",),
}
TRADE_CHOICES = tuple(SERIES_FOR_CHOICE)
# What the Trade page can draw: the two flows of the data, and the two figures computed from them here.
TRADE_MEASURES = (*schema.TRADE_FLOWS, "total", "balance")
BASIS_LABELS = {
    "japan-usd": N_("Japan-reported, US$ (converted 1924–38; COW from 1952)"),
    "japan-yen": N_("Japan-reported, yen (1913–1938)"),
    "cow-usd": N_("Correlates of War, US$ (partner-based exports)"),
    "ussr-roubles": N_("USSR-reported, roubles (1927–1937)"),
}
# The units the trade table uses, named here so that they are translated (filters and views write them).
UNITS = (
    N_("million current US$"),
    N_("million yen"),
    N_("million roubles (pre-1936)"),
    N_("million new roubles (1936-)"),
    N_("million 1990 US$ (CPI-U)"),
)


def trade_wide(trade: pd.DataFrame, series_ids: tuple[str, ...], years: tuple[int, int] = FULL_RANGE) -> pd.DataFrame:
    """One row per year with exports, imports, total and balance; years without figures kept as NaN.

    Where two series are given (Japan's own returns and the League's compilation), the first one that has a
    year wins, and `series_id` says which was used.
    """
    t = trade[trade["series_id"].isin(series_ids)].copy()
    t["rank"] = t["series_id"].map({s: i for i, s in enumerate(series_ids)})
    t = t.sort_values("rank").drop_duplicates(["year", "flow"])
    wide = t.pivot(index="year", columns="flow", values="value")
    for flow in schema.TRADE_FLOWS:
        if flow not in wide:
            wide[flow] = pd.NA
    meta = t.drop_duplicates("year").set_index("year")[["series_id", "unit", "source_id"]]
    first = max(years[0], int(t["year"].min())) if len(t) else years[0]
    last = min(years[1], int(t["year"].max())) if len(t) else years[1]
    index = pd.RangeIndex(first, last + 1, name="year")
    wide = wide.reindex(index).astype("Float64")
    wide["total"] = wide["exports"] + wide["imports"]
    wide["balance"] = wide["exports"] - wide["imports"]
    out = wide[["exports", "imports", "total", "balance"]].join(meta, how="left")
    return out.reset_index()


def series_unit(wide: pd.DataFrame) -> str:
    """The unit of the figures in a trade_wide frame ("" when the chosen years have none)."""
    return wide["unit"].dropna().iloc[0] if wide["unit"].notna().any() else ""


def deflate(wide: pd.DataFrame, cpi: pd.DataFrame, base_year: int = 1990) -> pd.DataFrame:
    """Current US$ -> constant base-year US$ with the CPI-U (a consumer index: a rough guide only)."""
    index = dict(zip(cpi["year"].astype(int), cpi["cpi_u"].astype(float)))
    factor = wide["year"].map(lambda y: index[base_year] / index[y] if y in index else pd.NA).astype("Float64")
    out = wide.copy()
    for col in ("exports", "imports", "total", "balance"):
        out[col] = out[col] * factor
    out["unit"] = out["unit"].where(out["unit"].isna(), f"million {base_year} US$ (CPI-U)")
    return out


# --------------------------------------------------------------------------- territory


def holders_in_year(changes: pd.DataFrame, year: int, on: str | None = None) -> dict[str, dict]:
    """Who held each territory at the end of `year` (or on date `on`), with the change that decided it.

    The holder is the `to_state` of the latest change that had begun by then. An occupation's end is its own
    (withdrawal) row, so a row's end_date (the length of an operation) does not change the holder. Before a
    territory's first recorded change the holder is "not recorded" (Sakhalin was undivided until 1875).
    """
    when = pd.Timestamp(on) if on else pd.Timestamp(dt.date(year, 12, 31))
    ch = with_bounds(changes[changes["territory_id"] != ""])
    out: dict[str, dict] = {}
    for territory, group in ch.sort_values(["start", "change_id"]).groupby("territory_id"):
        begun = group[group["start"] <= when]
        if begun.empty:
            out[territory] = {"holder": NOT_RECORDED, "change_id": None, "source_ids": "", "procedure": None}
        else:
            last = begun.iloc[-1]
            out[territory] = {
                "holder": last["to_state"],
                "change_id": last["change_id"],
                "source_ids": last["source_ids"],
                "procedure": last["procedure"],
            }
    return out


CLAIMS_FROM = 1945  # the map shows claims beside control from the end of the war, when the two came apart


def claims_in_year(claims: pd.DataFrame, year: int) -> pd.DataFrame:
    """The positions in force at the end of `year` (from CLAIMS_FROM on): begun by then (an empty start means
    before the period) and not yet replaced. One row per claimant and territory."""
    if year < CLAIMS_FROM:
        return claims.iloc[0:0]
    when = pd.Timestamp(dt.date(year, 12, 31))
    c = with_bounds(claims, "from_date", "to_date")
    begun = claims["from_date"].eq("") | (c["start"] <= when)
    # to_date is the day the position changed: from then on the next row of that claimant says what it is.
    ended = claims["to_date"].ne("") & (
        pd.to_datetime([date_bounds(v)[0] if v else pd.NaT for v in claims["to_date"]]) <= when
    )
    return claims[begun & ~ended]


# How each agreement's life is drawn, by what the sources say of its end (treaties.csv, end_kind).
END_SHOWN = {
    "in-force": N_("in force today"),
    "no-term": N_("a statement with no term"),
    "unknown": N_("end not known"),
}
UNKNOWN_STUB = pd.Timedelta(days=365)  # an agreement whose end no source gives: a short hatched stub, never "open"


def treaty_spans(
    treaties: pd.DataFrame, range_end: pd.Timestamp | None = None, t: Translator | None = None
) -> pd.DataFrame:
    """Treaties with `start` (signature), `bar_end` (where the chart's bar stops) and `end_status` for the chart.

    An agreement with a recorded end runs to it; one a source says is in force today runs to the end of the range;
    a statement with no term is a mark at its signature; one whose end no source gives is a one-year stub, drawn
    and labelled so that nobody reads it as still in force.
    """
    range_end = range_end or pd.Timestamp(FULL_RANGE[1], 12, 31)
    words = t or tr("en")
    t = treaties[treaties["signed_on"] != ""].copy()
    t = with_bounds(t, "signed_on", "ended_on")
    t["end_known"] = t["ended_on"] != ""
    t["end_status"] = [
        N_("ended") if known else END_SHOWN.get(kind, N_("end not known"))
        for known, kind in zip(t["end_known"], t["end_kind"])
    ]
    bar_end = t["end"].where(t["end_known"], t["start"])
    bar_end = bar_end.where(t["end_kind"] != "in-force", range_end)
    bar_end = bar_end.where(t["end_known"] | (t["end_kind"] != "unknown"), t["start"] + UNKNOWN_STUB)
    t["bar_end"] = bar_end
    t["end_or_open"] = t["bar_end"]
    t["status"] = [
        words._("ended {date} ({how})", date=words.date(e), how=words.word(k))
        if e
        else words.word(END_SHOWN.get(k, "end not known"))
        for e, k in zip(t["ended_on"], t["end_kind"])
    ]
    return t.sort_values("start")


def first_source_url(frame: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids") -> pd.Series:
    """The address of each row's first source, for a link column in tables."""
    url = dict(zip(sources["source_id"], sources["url"]))
    return frame[column].map(lambda v: url.get(v.split(";")[0], ""))
