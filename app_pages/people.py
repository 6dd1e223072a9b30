"""People: envoys in both directions, and the leaders and ministers the events mention."""

import streamlit as st

from relations import schema, ui, views
from relations.ui import _, word

st.title(_("People"))
st.markdown(
    _(
        "Ambassadors in both directions, and the leaders and ministers the events mention. Dates are as "
        "precise as the source: a year alone means the source gave only the year."
    )
)

groups = schema.labels("people", "group")
group = ui.bound(
    st.radio, "group", label=_("Group"), options=list(groups), format_func=lambda g: word(groups[g]), horizontal=True
)
unverified = ui.bound(
    st.toggle,
    "unverified",
    label=_("Include rows that rest on a single mirror or summary site"),
    help=_("Off by default: such rows need a second source before they are shown to a class."),
)
lang = ui.language()
view = ui.load(lambda: views.people(group, unverified, lang))
ui.summary(view.sentence)
columns = ["name", "name_native", "role", "start", "end", "start_other", "end_other", "source", "note"]
st.dataframe(view.rows(columns), hide_index=True, width="stretch", column_config=ui.headers(columns))
ui.csv_download(_("Download this table (CSV)"), lambda: view.table[columns], "people.csv", "download_people")
