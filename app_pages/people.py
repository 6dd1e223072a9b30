"""People: envoys in both directions, and the leaders and ministers the events mention."""

import streamlit as st

from relations import schema, ui, views

st.title("People")
st.markdown(
    "Ambassadors in both directions, and the leaders and ministers the events mention. Dates are as "
    "precise as the source: a year alone means the source gave only the year."
)

groups = schema.labels("people", "group")
group = ui.bound(st.radio, "group", label="Group", options=list(groups), format_func=groups.get, horizontal=True)
unverified = ui.bound(
    st.toggle,
    "unverified",
    label="Include rows that rest on a single mirror or summary site",
    help="Off by default: such rows need a second source before they are shown to a class.",
)
view = ui.load(lambda: views.people(group, unverified))
ui.summary(view.sentence)
columns = ["name", "name_native", "role", "start", "end", "start_other", "end_other", "source", "note"]
st.dataframe(
    view.rows(columns),
    hide_index=True,
    width="stretch",
    column_config={"start_other": "Start (another source)", "end_other": "End (another source)"},
)
ui.csv_download("Download this table (CSV)", lambda: view.table[columns], "people.csv", "download_people")
