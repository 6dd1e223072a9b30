"""Figure builders: DataFrame in, Altair chart or Plotly figure out. No Streamlit calls.

Plotly is imported inside the functions that use it: the home page needs none, and importing it costs a
noticeable share of a cold start.

Every builder takes the rows it draws and nothing else, so tests can check what a chart contains.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from relations import schema, theme
from relations.filters import NOT_RECORDED, TRADE_MEASURES, assign_tracks, source_labels
from relations.i18n import N_, Translator, clip, ems, tr

if TYPE_CHECKING:
    import altair as alt
    import plotly.graph_objects as go

LANE_HEIGHT = 13  # px per stacked track in a timeline lane


def _altair():
    """Altair, set to leave each layer's rows inline in the spec (`"data": {"values": [...]}`).

    By default Altair gathers every layer's rows into the spec's top-level `datasets`, and Streamlit turns each of
    those into Arrow through a pandas frame on every run of every session (0.4-0.8 ms a dataset). Rows inline in
    a layer travel as part of the spec's JSON instead. bench/run.py measures what this buys (TRICKS, "inline
    chart data"); tests/test_views.py checks that no chart the pages draw has tabular top-level datasets.
    """
    import altair as alt

    alt.data_transformers.consolidate_datasets = False
    return alt


def _category_scales(look: theme.Look, t: Translator):
    """Colour and shape per category, the categories named in the reader's language."""
    alt = _altair()

    cats = list(schema.CATEGORIES)
    names = [t.word(c) for c in cats]
    color = alt.Scale(domain=names, range=[look.color(theme.CATEGORY_STYLE[c][0]) for c in cats])
    shape = alt.Scale(domain=names, range=[theme.CATEGORY_STYLE[c][1] for c in cats])
    return color, shape, names


def _configure(chart: alt.Chart, look: theme.Look = theme.DEFAULT_LOOK) -> alt.Chart:
    return (
        chart.configure(background=look.background)
        .configure_axis(
            labelFontSize=look.font_size,
            titleFontSize=look.font_size,
            labelFont=theme.FONT,
            titleFont=theme.FONT,
            labelLimit=260,
            labelColor=look.text,
            titleColor=look.text,
            gridColor=look.grid,
            domainColor=look.text,
            tickColor=look.text,
        )
        .configure_legend(
            labelFontSize=look.font_size,
            titleFontSize=look.font_size,
            labelColor=look.text,
            titleColor=look.text,
            symbolSize=160,
            orient="bottom",
            columns=4,
            labelLimit=300,
            titleLimit=36 * look.font_size,  # a long Japanese or Russian legend title, in present mode too
        )
        .configure_text(color=look.text)
        .configure_view(strokeWidth=0)
    )


def era_bands(eras: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Eras clipped to the visible years, as start/end dates for background bands."""
    rows = []
    for i, e in enumerate(eras.itertuples()):
        first, last = max(int(e.start_year), years[0]), min(int(e.end_year), years[1])
        if first > last:
            continue
        rows.append(
            {"era": e.label, "start": pd.Timestamp(first, 1, 1), "end": pd.Timestamp(last, 12, 31), "shade": i % 2}
        )
    return pd.DataFrame(rows)


def timeline_chart(
    events: pd.DataFrame,
    eras: pd.DataFrame,
    sources: pd.DataFrame,
    years: tuple[int, int],
    look: theme.Look = theme.DEFAULT_LOOK,
    t: Translator | None = None,
) -> alt.Chart:
    """Every event on one time axis, in lanes by category; spans as bars; eras as background bands.

    Click selects an event (selection parameter `event`); the x axis zooms and pans (`zoom`).
    """
    alt = _altair()

    t = t or tr("en")
    ev = events.copy()
    ev["track"] = assign_tracks(ev)
    ev["source"] = source_labels(ev, sources, t=t)
    if "source_text" in ev:  # a teacher's uploaded events carry their own source text
        mine = ev["source_text"].fillna("").ne("")
        ev.loc[mine, "source"] = [t._("Your upload: {source}", source=s[:90]) for s in ev.loc[mine, "source_text"]]
    ev["when"] = [t.span(d, e) for d, e in zip(ev["date"], ev["end_date"])]
    ev["category"] = ev["category"].map(t.word)
    # Only what the marks and tooltips use, dates as short strings: every new session is sent this data.
    spans_rows = ev["is_span"]
    ev = ev[["event_id", "start", "end", "category", "title", "when", "source", "track"]].assign(
        start=ev["start"].dt.strftime("%Y-%m-%d"), end=ev["end"].dt.strftime("%Y-%m-%d")
    )
    color, shape, categories = _category_scales(look, t)
    max_track = int(ev["track"].max()) + 1 if len(ev) else 1
    height = max(240, len(schema.CATEGORIES) * max_track * (LANE_HEIGHT + 6 * look.present))
    x_domain = [pd.Timestamp(years[0], 1, 1).isoformat(), pd.Timestamp(years[1], 12, 31).isoformat()]
    x = alt.X(
        "start:T",
        title=None,
        scale=alt.Scale(domain=x_domain),
        axis=alt.Axis(format="%Y", tickCount=12, orient="top", labelFontWeight="bold"),
    )
    y = alt.Y("category:N", title=None, sort=categories, scale=alt.Scale(domain=categories))
    y_offset = alt.YOffset("track:O", scale=alt.Scale(domain=list(range(max_track))))
    pick = alt.selection_point(name="event", fields=["event_id"], on="click", empty=False)
    zoom = alt.selection_interval(name="zoom", bind="scales", encodings=["x"])
    tooltip = [
        alt.Tooltip("when:N", title=t._("Date")),
        alt.Tooltip("title:N", title=t._("Event")),
        alt.Tooltip("category:N", title=t._("Category")),
        alt.Tooltip("source:N", title=t._("Source")),
    ]

    bands = era_bands(eras, years)
    # Two constant-fill layers rather than a colour encoding, so the category colour scale stays the only one.
    background = alt.layer(
        *[
            alt.Chart(bands[bands["shade"] == shade])
            .mark_rect(opacity=0.7, clip=True, fill=look.era_fill[shade], aria=False)
            .encode(x="start:T", x2="end:T", tooltip=[alt.Tooltip("era:N", title=t._("Era"))])
            for shade in (0, 1)
        ]
    )
    spans = (
        alt.Chart(ev[spans_rows])
        .mark_bar(
            height=11 if look.present else 7,
            cornerRadius=3,
            opacity=0.85,
            clip=True,
            description=t._("Events that last for a span of time"),
        )
        .encode(
            x=x,
            x2="end:T",
            y=y,
            yOffset=y_offset,
            color=alt.Color("category:N", scale=color, legend=None),
            tooltip=tooltip,
        )
    )
    points = (
        alt.Chart(ev)
        .mark_point(
            filled=True,
            size=look.point_size,
            strokeWidth=1.5,
            opacity=1,
            clip=True,
            description=t._("Events, one mark each"),
        )
        .encode(
            x=x,
            y=y,
            yOffset=y_offset,
            color=alt.Color("category:N", scale=color, title=t._("Category")),
            shape=alt.Shape("category:N", scale=shape, title=t._("Category")),
            stroke=alt.condition(pick, alt.value(look.text), alt.value(look.background)),
            size=alt.condition(pick, alt.value(look.point_size * 3), alt.value(look.point_size)),
            tooltip=tooltip,
        )
        .add_params(pick, zoom)
    )
    chart = alt.layer(background, spans, points).properties(height=height, width="container")
    return _configure(chart, look)


# --------------------------------------------------------------------------- trade


def trade_figure(
    wide: pd.DataFrame,
    unit: str,
    flows: list[str],
    key_events: pd.DataFrame,
    log_scale: bool = False,
    source_label: str = "",
    look: theme.Look = theme.DEFAULT_LOOK,
    t: Translator | None = None,
) -> go.Figure:
    """Japan's exports, imports, total and balance by year; NaN years are gaps, never joined or zeroed."""
    import plotly.graph_objects as go

    span = int(wide["year"].max() - wide["year"].min()) if len(wide) else 0

    t = t or tr("en")
    unit = t.word(unit) if unit else unit
    fig = go.Figure()
    symbols = {"exports": "circle", "imports": "square", "total": "diamond", "balance": "triangle-up"}
    for flow in flows:
        color, dash = theme.FLOW_STYLE[flow]
        y = wide[flow].astype("float64")  # pd.NA -> NaN so Plotly leaves a gap
        fig.add_trace(
            go.Scatter(
                x=wide["year"],
                y=y,
                name=t.word(FLOW_LABELS[flow]),
                mode="lines+markers",
                line=dict(color=look.color(color), dash=dash, width=look.line_width),
                marker=dict(symbol=symbols[flow], size=look.marker_size),
                connectgaps=False,
                customdata=wide[["series_id", "source_id"]].fillna("").to_numpy(),
                hovertemplate=t._(
                    "<b>{flow}</b> %{{x}}: %{{y:,.1f}} {unit}<br>series: %{{customdata[0]}}<br>"
                    "source: %{{customdata[1]}}",
                    flow=t.word(FLOW_LABELS[flow]),
                    unit=unit,
                )
                + "<extra></extra>",
            )
        )
    if len(key_events):
        for row in key_events.itertuples():
            fig.add_vline(
                x=row.start.year + (row.start.day_of_year - 1) / 365,
                line_width=1,
                line_dash="dot",
                line_color=look.grid,
            )
        fig.add_trace(
            go.Scatter(
                x=[r.start.year + (r.start.day_of_year - 1) / 365 for r in key_events.itertuples()],
                y=[1.0] * len(key_events),
                yaxis="y2",
                mode="markers",
                name=t._("Key events"),
                marker=dict(symbol="triangle-down", size=look.marker_size + 5, color=look.text),
                text=[t._("{date}: {title}", date=t.date(r.date), title=r.title) for r in key_events.itertuples()],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig.update_layout(
        font=dict(family=theme.FONT, size=look.font_size + 1, color=look.text),
        yaxis=dict(
            title=unit,
            automargin=True,
            type="log" if log_scale else "linear",
            gridcolor=look.grid,
            zeroline=True,
            zerolinecolor=look.text,
        ),
        yaxis2=dict(overlaying="y", range=[0, 1.05], visible=False, fixedrange=True),
        # A tick every five years, or every year when only a few are shown (1925-1929 would get one tick).
        xaxis=dict(title=None, gridcolor=look.grid, dtick=1 if span <= 10 else 5),
        legend=dict(orientation="h", y=-0.15),
        margin=dict(l=70, r=20, t=30, b=60),
        height=560 if look.present else 480,
        plot_bgcolor=look.background,
        paper_bgcolor=look.background,
        hovermode="closest",
        separators=t.word(PLOTLY_SEPARATORS),
        annotations=[
            dict(
                text=source_label,
                x=0,
                y=-0.28,
                xref="paper",
                yref="paper",
                showarrow=False,
                font=dict(size=look.font_size - 2, color=look.text),
                xanchor="left",
            )
        ]
        if source_label
        else [],
    )
    return fig


# The trade measures' names on the chart, in TRADE_MEASURES' order (exports, imports, total, balance).
FLOW_LABELS = dict(zip(TRADE_MEASURES, (N_("Exports"), N_("Imports"), N_("Total"), N_("Balance")), strict=True))
# Plotly's decimal and thousands separators, as the reader's language writes numbers.
PLOTLY_SEPARATORS = N_(".,")


# --------------------------------------------------------------------------- treaties, conflicts, people


def span_figure(
    frame: pd.DataFrame,
    label: str,
    color_by: str,
    color_map: dict[str, str],
    hover: list[str],
    height_per_row: int = 28,
    look: theme.Look = theme.DEFAULT_LOOK,
    t: Translator | None = None,
) -> go.Figure:
    """Horizontal bars from `start` to `bar_end`, patterned by `end_status` (filters.treaty_spans): solid where
    the end is recorded, dotted where a source says it is in force today, cross-hatched for a stub whose end no
    source gives, and a short mark for a statement with no term."""
    import plotly.express as px

    t = t or tr("en")
    f = frame.sort_values("start").copy()
    # Legends and hover boxes in the reader's language: the codes become words, the columns get names.
    f[color_by] = f[color_by].map(t.word)
    f["end_status"] = f["end_status"].map(t.word)
    color_map = {t.word(k): v for k, v in color_map.items()}
    f["bar_end"] = f[["bar_end", "start"]].max(axis=1) + pd.Timedelta(days=60)  # one-day agreements stay visible
    f["row_label"] = f[label].map(lambda s: clip(s, 48))
    fig = px.timeline(
        f,
        x_start="start",
        x_end="bar_end",
        y="row_label",
        color=color_by,
        color_discrete_map=color_map,
        pattern_shape="end_status",
        pattern_shape_map={t.word(k): v for k, v in END_PATTERNS.items()},
        category_orders={"end_status": [t.word(k) for k in END_PATTERNS]},
        hover_data={c: True for c in hover} | {"row_label": False, "bar_end": False, "start": False},
        labels={c: t.word(HOVER_LABELS.get(c, c)) for c in [*hover, color_by, "end_status"]},
    )
    fig.update_traces(marker_line_color=look.text, marker_line_width=1)
    fig.update_yaxes(
        automargin=True, title=None, autorange="reversed", categoryorder="array", categoryarray=list(f["row_label"])
    )
    row_height = height_per_row + 10 * look.present
    fig.update_layout(
        font=dict(family=theme.FONT, size=look.font_size, color=look.text),
        xaxis=dict(title=None, gridcolor=look.grid, side="top"),
        height=max(320, 120 + row_height * len(f)),
        legend=dict(orientation="h", y=-0.08, title=None),
        separators=t.word(PLOTLY_SEPARATORS),
        margin=dict(l=10, r=20, t=20, b=40),
        plot_bgcolor=look.background,
        paper_bgcolor=look.background,
    )
    return fig


# The bar's pattern by what the sources say of the end (the legend's order, too).
END_PATTERNS = {
    N_("ended"): "",
    N_("in force today"): ".",
    N_("end not known"): "x",
    N_("a statement with no term"): "|",
}
# Names for the columns a hover box shows.
HOVER_LABELS = {
    "name": N_("Agreement"),
    "signed_on": N_("Signed"),
    "status": N_("Status"),
    "scope": N_("Scope"),
    "end_status": N_("End"),
}


def conflicts_figure(
    conflicts: pd.DataFrame, look: theme.Look = theme.DEFAULT_LOOK, t: Translator | None = None
) -> go.Figure:
    """Wars and disputes over time: x = date, y = COW hostility level; symbol by kind, size by fatalities."""
    import plotly.graph_objects as go

    t = t or tr("en")
    levels = {level: t.word(label) for level, label in HOSTILITY_LEVELS.items()}
    fatal_size = {
        "": 10,
        "none": 10,
        "1–25": 13,
        "26–100": 16,
        "101–250": 19,
        "251–500": 22,
        "501–999": 25,
        "more than 999": 30,
    }
    fig = go.Figure()
    # In datapackage.json's order: interstate war, militarized dispute.
    styles = dict(
        zip(
            schema.enum("conflicts", "kind"),
            (
                (theme.OKABE_ITO["vermillion"], "diamond"),
                (theme.OKABE_ITO["blue"], "circle"),
            ),
            strict=True,
        )
    )
    for kind, group in conflicts.groupby("kind"):
        color, symbol = styles[kind]
        words = group.assign(
            when=[t.span(a, b) for a, b in zip(group["start_date"], group["end_date"])],
            action=group["highest_action"].map(lambda v: t.word(v) if v else ""),
            deaths=group["fatality_band"].map(lambda v: t.word(v) if v else ""),
        )
        fig.add_trace(
            go.Scatter(
                x=group["start"],
                y=group["hostility_level"].astype(int).map(levels),
                mode="markers",
                name=t.word(kind),
                marker=dict(
                    color=color,
                    symbol=symbol,
                    size=group["fatality_band"].map(fatal_size).fillna(10) * (1.4 if look.present else 1),
                    line=dict(color=look.text, width=1),
                    opacity=0.85,
                ),
                customdata=words[["name", "when", "action", "deaths", "note"]].fillna("").to_numpy(),
                hovertemplate=t._(
                    "<b>%{{customdata[0]}}</b><br>%{{customdata[1]}}<br>highest action: %{{customdata[2]}}"
                    "<br>fatalities: %{{customdata[3]}}"
                )
                + "<br>%{customdata[4]}<extra></extra>",
            )
        )
    fig.update_layout(
        font=dict(family=theme.FONT, size=look.font_size, color=look.text),
        yaxis=dict(
            title=t._("COW hostility level"),
            automargin=True,
            categoryorder="array",
            categoryarray=list(levels.values()),
            gridcolor=look.grid,
        ),
        xaxis=dict(type="date", title=None, gridcolor=look.grid),
        height=500 if look.present else 420,
        legend=dict(orientation="h", y=-0.15),
        margin=dict(l=10, r=20, t=20, b=40),
        plot_bgcolor=look.background,
        paper_bgcolor=look.background,
        separators=t.word(PLOTLY_SEPARATORS),
    )
    return fig


HOSTILITY_LEVELS = {
    1: N_("1 no militarized action"),
    2: N_("2 threat"),
    3: N_("3 display of force"),
    4: N_("4 use of force"),
    5: N_("5 war"),
}


# --------------------------------------------------------------------------- map


# The four disputed islands sit a few kilometres apart: their labels are stacked in a column beside them.
SOUTHERN_ISLANDS = ("etorofu", "kunashiri", "shikotan", "habomai")
WEST_OF_POINT = ("kuril_north_central",)  # its label point is at the chain's north-east end, by the map's edge
# On a narrow screen (a phone) the map zooms out just enough to keep the whole Kuril chain in view: the chain
# reaches about 11.5 degrees east of the map's centre, i.e. 0.2 x scale pixels, so the scale may be at most about
# 2.4 x the chart's width. Below NARROW_PX the territory names are left off the map, where they would run past its
# edge; the sentence above the map and each territory's tooltip still name them and their holder.
FIT_PER_PX = 2.4
NARROW_PX = 600


def _stack_labels(labels: pd.DataFrame, ids: tuple[str, ...], scale: float, font_px: int) -> pd.DataFrame:
    """Give the labels of `ids` one line each, top to bottom in the given order, east of the islands."""
    out = labels.copy()
    rows = out[out["territory_id"].isin(ids)]
    if rows.empty:
        return out
    top = rows["lat"].max() + 0.3
    lat = top
    for territory in ids:
        idx = out.index[out["territory_id"] == territory]
        if len(idx) == 0:
            continue
        px_per_degree = scale * math.pi / 180 / math.cos(math.radians(lat))
        out.loc[idx, "lat"] = lat
        out.loc[idx, "lon"] = rows["lon"].max() + 0.4
        lat -= font_px * 1.35 / px_per_degree
    return out


MAP_SHAPES = "map_shapes"  # the name of the GeoJSON features in a map spec's datasets


EAST_EDGE_LON = 155  # degrees east: city names beyond it read westwards


def map_chart(
    layers: dict,
    holders: dict[str, dict],
    names: dict[str, str],
    year: int,
    look: theme.Look = theme.DEFAULT_LOOK,
    other_names: dict[str, str] | None = None,
    geometry_url: str | None = None,
    claimed: dict[str, str] | None = None,
    t: Translator | None = None,
    city_labels: dict[str, str] | None = None,
) -> dict:
    """Who held each territory in `year`: Natural Earth land drawn offline with Altair geoshape.

    `holders` comes from filters.holders_in_year, `names` maps territory_id to the label in the chosen
    language (with the other language in the tooltip). Returns the finished Vega-Lite spec. With
    `geometry_url` (a file the app serves, the same features as `layers`), the browser fetches the geometry
    from there, once, instead of receiving it inside every map; without it (exports, tests), the geometry joins
    the spec as the named dataset MAP_SHAPES, added only after Altair has built the chart, because Altair
    deep-copies inline data at every step of building a layered chart. `claimed` names, per territory, a state
    whose position is that a territory another state holds is its own (geo.claimed_by_others): those territories
    get a thick dashed outline in that state's colour, with a legend, beside the holder's fill.
    """
    alt = _altair()

    t = t or tr("en")
    states = list(theme.STATE_STYLE)
    color = alt.Scale(domain=[t.word(s) for s in states], range=[theme.STATE_STYLE[s][0] for s in states])
    # Both geoshape layers read the same GeoJSON (context land, and the territories whose holder changed), each
    # keeping its own features; the holders for `year` are joined on by territory id. The geometry is thus the
    # same for every year and language, so the browser can fetch it once (`geometry_url`).
    features = layers["features"]
    territory = [
        {
            "territory_id": p["territory_id"],
            "holder": t.word(holders.get(p["territory_id"], {}).get("holder", NOT_RECORDED)),
            "name": names.get(p["territory_id"], ""),
            "other_name": (other_names or {}).get(p["territory_id"], ""),
            "sources": holders.get(p["territory_id"], {}).get("source_ids", ""),
            "claimed_by": t.word((claimed or {}).get(p["territory_id"], ""))
            if (claimed or {}).get(p["territory_id"])
            else "",
            "lon": p["label_lon"],
            "lat": p["label_lat"],
        }
        for p in (f["properties"] for f in features)
        if p["layer"] == "territory"
    ]
    cities = [
        {"name": (city_labels or {}).get(f["properties"]["name"], f["properties"]["name"]), "lon": lon, "lat": lat}
        for f in features
        if f["properties"]["layer"] == "city"
        for lon, lat in [f["geometry"]["coordinates"]]
    ]
    projection = dict(type="mercator", center=[145.5, 48.2], scale=1600 if look.present else 1250)
    if geometry_url:
        shapes = alt.UrlData(geometry_url, format=alt.DataFormat(type="json", property="features"))
    else:
        shapes = alt.Data(name=MAP_SHAPES)
    land = (
        alt.Chart(shapes)
        .transform_filter("datum.properties.layer == 'context'")
        .mark_geoshape(fill=look.era_fill[1], stroke="#9A9A9A", aria=False, strokeWidth=0.6)
    )
    info = ["holder", "name", "other_name", "sources", "claimed_by"]
    # What each territory's shape is joined to: who held it, its names, sources, and who else claimed it.
    facts = alt.LookupData(
        alt.Data(values=[{k: row[k] for k in ["territory_id", *info]} for row in territory]), "territory_id", info
    )
    held = (
        alt.Chart(shapes)
        .transform_filter("datum.properties.layer == 'territory'")
        .transform_lookup(lookup="properties.territory_id", from_=facts)
        .mark_geoshape(stroke=look.text, strokeWidth=1.2, description=t._("Territories coloured by who held them"))
        .encode(
            color=alt.Color(
                "holder:N",
                scale=color,
                title=t._("Held at the end of {year}", year=year),
                legend=alt.Legend(
                    orient="bottom",
                    columns=4,
                    symbolType="square",
                    values=sorted({row["holder"] for row in territory}),
                ),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t._("Territory")),
                alt.Tooltip("other_name:N", title=t._("Also called")),
                alt.Tooltip("holder:N", title=t._("Held in {year} by", year=year)),
                alt.Tooltip("sources:N", title=t._("Source ids")),
            ],
        )
    )
    claimants = sorted(set((claimed or {}).values()))  # in English, as theme.STATE_STYLE names them
    outlined = (
        alt.Chart(shapes)
        .transform_filter("datum.properties.layer == 'territory'")
        .transform_lookup(lookup="properties.territory_id", from_=facts)
        .transform_filter("datum.claimed_by != ''")
        .mark_geoshape(
            filled=False, strokeWidth=4, strokeDash=[7, 4], description=t._("Territories another state claims")
        )
        .encode(
            stroke=alt.Stroke(
                "claimed_by:N",
                scale=alt.Scale(
                    domain=[t.word(c) for c in claimants],
                    range=[theme.STATE_STYLE.get(c, ("#000000",))[0] for c in claimants],
                ),
                title=t._("Also claimed, at the end of {year}, by (that side's position)", year=year),
                legend=alt.Legend(orient="bottom", symbolType="stroke", symbolStrokeWidth=4, symbolDash=[7, 4]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t._("Territory")),
                alt.Tooltip("holder:N", title=t._("Held in {year} by", year=year)),
                alt.Tooltip("claimed_by:N", title=t._("Also claimed by")),
            ],
        )
    )
    labels = pd.DataFrame(
        [
            # The holder is written next to the name: colour is never the only cue.
            {
                "territory_id": row["territory_id"],
                "lon": row["lon"],
                "lat": row["lat"],
                "name": t._("{place}: {holder}", place=row["name"], holder=row["holder"]),
            }
            for row in territory
        ]
    )
    labels = _stack_labels(labels, SOUTHERN_ISLANDS, projection["scale"], look.font_size + 1)
    # Labels read from their point eastwards, except near the map's right edge, where they would be cut off:
    # those read westwards, over the open Sea of Okhotsk.
    west = labels["territory_id"].isin(WEST_OF_POINT)
    text = [
        alt.Chart(labels[rows])
        .mark_text(
            fontSize=look.font_size + 1,
            fontWeight="bold",
            align=align,
            dx=dx,
            color=look.text,
            aria=False,
            opacity=alt.ExprRef(f"width < {NARROW_PX} ? 0 : 1"),
        )
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        for rows, align, dx in ((~west, "left", 10), (west, "right", -10))
    ]
    city_points = (
        alt.Chart(pd.DataFrame(cities))
        .mark_circle(size=40, color=look.text, description=t._("Cities (modern names)"))
        .encode(longitude="lon:Q", latitude="lat:Q", tooltip=[alt.Tooltip("name:N", title=t._("City (modern name)"))])
    )
    city_text = (
        alt.Chart(pd.DataFrame(cities))
        # East of 155°E a name reads westwards from its point, as the territories' labels do, so that a long
        # name (Петропавловск-Камчатский) is not cut off at the map's right edge.
        .mark_text(
            fontSize=look.font_size - 3,
            dx=alt.ExprRef(f"datum.lon > {EAST_EDGE_LON} ? -6 : 6"),
            align=alt.ExprRef(f"datum.lon > {EAST_EDGE_LON} ? 'right' : 'left'"),
            aria=False,
            color=look.text,
        )
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    )
    chart = (
        alt.layer(land, held, *([outlined] if claimants else []), city_points, city_text, *text)
        .project(**projection | {"scale": alt.ExprRef(f"min({projection['scale']}, width * {FIT_PER_PX})")})
        .properties(height=800 if look.present else 640, width="container")
    )
    spec = _configure(chart, look).to_dict()
    if not geometry_url:
        spec.setdefault("datasets", {})[MAP_SHAPES] = features
    return spec


# Plotly's camera button saves PNG; the same button can save SVG (set per chart by the page if wanted).
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToAdd": ["toImage"],
}
PLOTLY_CONFIG_SVG = {**PLOTLY_CONFIG, "toImageButtonOptions": {"format": "svg"}}


def eras_strip_svg(
    eras: pd.DataFrame, years: tuple[int, int] = (1917, 1999), look: theme.Look = theme.DEFAULT_LOOK
) -> str:
    """The article's eras as a small inline SVG: no chart library to load, so the home page opens fast.

    Labels are escaped (they come from a data file); the SVG has a text alternative for screen readers.
    """
    from html import escape

    bands = era_bands(eras, years)
    span = (pd.Timestamp(years[1], 12, 31) - pd.Timestamp(years[0], 1, 1)).days
    width, height = 1000, 64 if look.present else 52
    font = 20 if look.present else 15
    parts = []
    for i, band in enumerate(bands.itertuples()):
        x0 = (band.start - pd.Timestamp(years[0], 1, 1)).days / span * width
        x1 = (band.end - pd.Timestamp(years[0], 1, 1)).days / span * width
        label = band.era.replace("：", ":").split(":")[0]  # the years; a Japanese label may use a full-width colon
        fits = (x1 - x0 - 6) / ems(label)  # a narrow era gets a smaller label rather than overflow
        size = min(font, fits)
        parts.append(
            f"<g><title>{escape(band.era)}</title>"
            f'<rect x="{x0:.1f}" y="0" width="{max(x1 - x0 - 2, 1):.1f}" height="{height}" '
            f'fill="{theme.ERA_TINTS[i % len(theme.ERA_TINTS)]}"/>'
            f'<text x="{(x0 + x1) / 2:.1f}" y="{height / 2 + size / 3:.1f}" text-anchor="middle" '
            f'font-size="{size:.1f}" font-weight="bold" fill="#000000">{escape(label)}</text></g>'
        )
    summary = "; ".join(escape(e) for e in bands["era"])
    return (
        f'<svg class="eras-strip" role="img" aria-label="{summary}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="none" style="font-family: {theme.FONT}">{"".join(parts)}</svg>'
    )
