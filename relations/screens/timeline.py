"""The Timeline page: what `app_pages/timeline.py` draws."""

import streamlit as st

from relations import data, details, my_events, theme, views
from relations.params import PARAMS
from relations.state import bound, chart_downloads, load, look, set_param, summary, year_range
from relations.text import safe_csv


def show() -> None:
    st.title("Timeline")
    st.markdown(
        "Every dated event in one view, in lanes by category. Wars, occupations and pacts in force are "
        "bars; the grey bands are the article's eras. **Click a mark** (or choose below) to read its "
        "description and sources; scroll or drag on the chart to zoom and pan."
    )

    sources = load(data.sources)
    mine = my_events.mine()
    c1, c2 = st.columns([3, 2])
    with c1:
        years = year_range()
    with c2:
        categories = bound(st.multiselect, "cats", label="Categories", options=theme.CATEGORIES)
    unverified = bound(
        st.toggle,
        "unverified",
        label="Include events that rest on a single mirror or summary site",
        help="Off by default: such rows need a second source before they are shown to a class.",
    )
    if mine is None:
        view = load(lambda: views.timeline(tuple(categories), years, unverified, look()))
    else:
        view = load(lambda: views.timeline_with_uploads(mine, categories, years, unverified, look()))
    shown = view.table
    summary(view.sentence)

    clicked = st.session_state.get("timeline_chart", {}).get("selection", {}).get("event", [])
    event_param = view.once("event_param", lambda t: PARAMS["event"].with_known(t["event_id"]))
    if clicked and clicked[0].get("event_id") in event_param.known:
        set_param("event", clicked[0]["event_id"], event_param)
    st.vega_lite_chart(spec=view.drawn, width="stretch", on_select="rerun", key="timeline_chart")
    chart_downloads(view.figure, "timeline")
    st.download_button(
        "Download these events (CSV)",
        lambda: safe_csv(shown.drop(columns=["start", "end", "is_span"])),
        "events.csv",
        "text/csv",
        key="download_events",
        on_click="ignore",
    )

    labels = view.once("labels", lambda t: dict(zip(t["event_id"], t["date"] + " · " + t["title"])))
    choice = bound(
        st.selectbox,
        "event",
        event_param,
        label="Event details",
        options=[None, *labels],
        format_func=lambda i: "Choose an event…" if i is None else labels.get(i, i),
        placeholder="Choose an event…",  # shown while nothing is chosen; the None option lets a reader clear it
    )
    if choice:
        details.event(shown[shown["event_id"] == choice].iloc[0], sources)

    # The table is sent only when asked for: it is the largest thing on the page, and a class opens it at once.
    if bound(st.toggle, "rows", label=f"Show the {len(shown)} events as a table"):
        st.dataframe(
            shown[["date", "end_date", "title", "category", "description", "source_ids", "evidence"]],
            hide_index=True,
            width="stretch",
        )

    my_events.panel()
