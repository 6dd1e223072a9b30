"""Timeline: every event on one time axis in lanes by category; click or choose one for its sources."""

import streamlit as st

from relations import data, schema, ui, views
from relations.params import PARAMS
from relations.ui import _, details, my_events, word

st.title(_("Timeline"))
st.markdown(
    _(
        "Every dated event in one view, in lanes by category. Wars, occupations and pacts in force are "
        "bars; the grey bands are the article's eras. **Click a mark** (or choose below) to read its "
        "description and sources; scroll or drag on the chart to zoom and pan."
    )
)

sources = ui.load(data.sources)
mine = my_events.mine()
left, right = st.columns([3, 2])
with left:
    years = ui.year_range()
with right:
    categories = ui.bound(st.multiselect, "cats", label=_("Categories"), options=schema.CATEGORIES, format_func=word)
unverified = ui.bound(
    st.toggle,
    "unverified",
    label=_("Include events that rest on a single mirror or summary site"),
    help=_("Off by default: such rows need a second source before they are shown to a class."),
)
look, lang = ui.look(), ui.language()
if mine is None:
    view = ui.load(lambda: views.timeline(tuple(categories), years, unverified, look, lang))
else:
    view = ui.load(lambda: views.timeline_with_uploads(mine, categories, years, unverified, look, lang))
shown = view.table
ui.summary(view.sentence)

# A click on a mark selects its event, as choosing it in the box below does.
clicked = st.session_state.get("timeline_chart", {}).get("selection", {}).get("event", [])
event_param = view.once("event_param", lambda t: PARAMS["event"].with_known(t["event_id"]))
if clicked and clicked[0].get("event_id") in event_param.known:
    ui.set_param("event", clicked[0]["event_id"], event_param)
st.vega_lite_chart(spec=view.figure, width="stretch", on_select="rerun", key="timeline_chart")
ui.chart_downloads(view.figure, "timeline")
ui.csv_download(
    _("Download these events (CSV)"),
    lambda: shown.drop(columns=["start", "end", "is_span"]),
    "events.csv",
    "download_events",
)

labels = view.once("labels", lambda t: dict(zip(t["event_id"], t["date"] + " · " + t["title"])))
choice = ui.bound(
    st.selectbox,
    "event",
    event_param,
    label=_("Event details"),
    options=[None, *labels],
    format_func=lambda i: _("Choose an event…") if i is None else labels.get(i, i),
    placeholder=_("Choose an event…"),  # shown while nothing is chosen; the None option lets a reader clear it
)
if choice:
    details.event(shown[shown["event_id"] == choice].iloc[0], sources)

# The table is sent only when asked for: it is the largest thing on the page, and a class opens it at once.
if ui.bound(
    st.toggle,
    "rows",
    label=ui.n_("Show the {count} event as a table", "Show the {count} events as a table", len(shown)),
):
    columns = ["date", "end_date", "title", "category", "description", "source_ids", "evidence"]
    rows = view.once("table", lambda t: t[columns].assign(category=t["category"].map(word)).reset_index(drop=True))
    st.dataframe(rows, hide_index=True, width="stretch", column_config=ui.headers(columns))

my_events.panel()
