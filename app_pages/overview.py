import streamlit as st

from relations import charts, data, summaries
from relations.state import load, summary

st.title("Japan and the Soviet Union, 1917–1991")
st.markdown(
    "From the Siberian intervention to the Kuril dispute: the events, treaties, trade, territory and people "
    "of a tense relationship, with the Russian Empire before it and the 1990s after it as context. "
    "**Every figure and date links to the source it comes from.**"
)

facts = summaries.headline_facts(load(data.events), load(data.treaties), load(data.trade),
                                 load(data.territorial_changes))
cols = st.columns(4)
for col, (label, value, note) in zip(cols, facts):
    col.metric(label, value, help=note)

st.subheader("The article's eras")
eras = load(data.eras)
summary(summaries.eras_sentence(eras))
st.altair_chart(charts.eras_strip(eras), width="stretch")

st.subheader("Where to go next")
st.markdown(
    "- **Timeline**: every event in lanes by category; click one to read its sources.\n"
    "- **Trade**: exports and imports year by year, in yen or dollars, with the events that moved them.\n"
    "- **Treaties**: each agreement from signature to its end.\n"
    "- **Territories**: a map of who held Sakhalin and the Kurils in any year.\n"
    "- **Conflicts**, **People**, and **Sources & data** (downloads and how to cite)."
)
