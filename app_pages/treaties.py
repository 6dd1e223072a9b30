"""Treaties: each agreement's life from signature to its end; details and sources for the one chosen."""

import streamlit as st

from relations import charts, data, schema, ui, views
from relations.params import PARAMS
from relations.ui import details

st.title("Treaties and agreements")
st.markdown(
    "Each agreement from its signature to its end. Solid bars stop where the sources record the end; dotted bars "
    "are agreements a source says are in force today; a short cross-hatched bar marks an agreement whose end no "
    "source we read gives (it may have lapsed long ago); a thin striped mark is a joint statement, which has no term."
)

sources = ui.load(data.sources)
left, right = st.columns([3, 2])
with left:
    years = ui.year_range()
with right:
    scopes = ui.bound(st.multiselect, "scope", label="Scope", options=schema.TREATY_SCOPES)
look = ui.look()
view = ui.load(lambda: views.treaties(tuple(scopes), years, look))
ui.summary(view.sentence)
st.plotly_chart(view.figure, width="stretch", key="treaty_chart", config=charts.PLOTLY_CONFIG, theme=None)

st.subheader("Details")
names = view.once("names", lambda t: dict(zip(t["treaty_id"], t["name"])))
choice = ui.bound(
    st.selectbox,
    "treaty",
    view.once("treaty_param", lambda t: PARAMS["treaty"].with_known(names)),
    label="Agreement",
    options=[None, *names],
    format_func=lambda i: "Choose an agreement…" if i is None else names[i],
    placeholder="Choose an agreement…",
)
if choice:
    details.treaty(view.table[view.table["treaty_id"] == choice].iloc[0], sources)

st.subheader("All agreements")
columns = [
    "name",
    "kind",
    "scope",
    "place",
    "signed_on",
    "ratified_on",
    "in_force_on",
    "status",
    "source",
    "source_ids",
]
st.dataframe(
    view.rows(columns),
    hide_index=True,
    width="stretch",
    column_config={
        "source": st.column_config.LinkColumn("First source"),
        "signed_on": "Signed",
        "ratified_on": "Ratified",
        "in_force_on": "In force",
    },
)
ui.csv_download("Download this table (CSV)", lambda: view.table[columns], "treaties.csv", "download_treaties")
