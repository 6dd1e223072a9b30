import streamlit as st

from relations import data, filters
from relations.state import load, summary

st.title("People")
st.markdown("Ambassadors in both directions, and the leaders and ministers the events mention. Dates are as "
            "precise as the source: a year alone means the source gave only the year.")

people, sources = load(data.people), load(data.sources)
GROUPS = {
    "Soviet envoys in Tokyo": "ambassador_ussr_to_japan",
    "Japanese envoys in Moscow": "ambassador_japan_to_ussr",
    "Soviet leaders": "soviet_leader",
    "Japanese prime ministers": "head_of_government_japan",
    "Soviet foreign ministers": "foreign_minister_ussr",
    "Japanese foreign ministers": "foreign_minister_japan",
    "Other figures": "other_figure",
    "Russian president": "russia_president",
}
group = st.radio("Group", list(GROUPS), horizontal=True, key="people_group")
rows = people[people["group"] == GROUPS[group]].copy()
rows["source"] = filters.source_labels(rows, sources)
summary(f"{len(rows)} {group.lower()} in the table; {int((rows['start'].str.len() == 4).sum())} have "
        "start dates known only to the year.")
st.dataframe(rows[["name", "name_native", "role", "start", "end", "source", "note"]], hide_index=True,
             width="stretch")
