"""The People page: what `app_pages/people.py` draws."""

import streamlit as st

from relations import views
from relations.state import bound, load, summary
from relations.text import safe_csv

GROUPS = {
    "ambassador_ussr_to_japan": "Soviet envoys in Tokyo",
    "ambassador_japan_to_ussr": "Japanese envoys in Moscow",
    "soviet_leader": "Soviet leaders",
    "head_of_government_japan": "Japanese prime ministers",
    "foreign_minister_ussr": "Soviet foreign ministers",
    "foreign_minister_japan": "Japanese foreign ministers",
    "other_figure": "Other figures",
    "russia_president": "Russian president",
}


def show() -> None:
    st.title("People")
    st.markdown(
        "Ambassadors in both directions, and the leaders and ministers the events mention. Dates are as "
        "precise as the source: a year alone means the source gave only the year."
    )

    group = bound(st.radio, "group", label="Group", options=list(GROUPS), format_func=GROUPS.get, horizontal=True)
    view = load(lambda: views.people(group))
    rows = view.table
    summary(
        f"{GROUPS[group]}: {len(rows)} in the table; {int((rows['start'].str.len() == 4).sum())} have start dates "
        "known only to the year."
    )
    columns = ["name", "name_native", "role", "start", "end", "source", "note"]
    st.dataframe(view.rows(columns), hide_index=True, width="stretch")
    st.download_button(
        "Download this table (CSV)", lambda: safe_csv(rows[columns]), "people.csv", "text/csv", key="download_people"
    )
