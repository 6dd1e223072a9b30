import pandas as pd
import streamlit as st

from relations import charts, data, filters, summaries, theme
from relations.params import PARAMS
from relations.state import bound, load, look, summary, year_range
from relations.text import md_escape, safe_csv

st.title("Treaties and agreements")
st.markdown("Each agreement from its signature to its end. Hatched bars have no recorded end in the sources "
            "we read (some are still in force, for others the end is simply unknown).")

treaties, sources = load(data.treaties), load(data.sources)
c1, c2 = st.columns([3, 2])
with c1:
    years = year_range()
with c2:
    scopes = bound(st.multiselect, "scope", label="Scope", options=["bilateral", "multilateral"])
t = filters.treaty_spans(treaties)
t = t[t["scope"].isin(scopes) & (t["start"].dt.year <= years[1]) & (t["end_or_open"].dt.year >= years[0])]
summary(summaries.treaties_sentence(t))
colors = {"bilateral": theme.OKABE_ITO["bluish_green"], "multilateral": theme.OKABE_ITO["orange"]}
st.plotly_chart(charts.span_figure(t, "name", "scope", colors, ["name", "signed_on", "status"],
                                   pd.Timestamp(years[1], 12, 31), look=look()),
                width="stretch", key="treaty_chart", config=charts.PLOTLY_CONFIG)

st.subheader("Details")
names = dict(zip(t["treaty_id"], t["name"]))
choice = bound(st.selectbox, "treaty", PARAMS["treaty"].with_known(names), label="Agreement",
               options=[None, *names], format_func=lambda i: "Choose an agreement…" if i is None else names[i])
if choice:
    row = t[t["treaty_id"] == choice].iloc[0]
    text = row.map(md_escape)
    st.markdown(f"**{text['name']}** ({text['scope']} {text['kind']}), signed {text['signed_on'] or 'date unknown'}"
                f"{' at ' + text['place'] if row['place'] else ''}. Parties: {text['parties'].replace(';', ', ')}.")
    st.markdown(f"Ratified: {text['ratified_on'] or '—'} · In force: {text['in_force_on'] or '—'} · "
                f"Status: {text['status']}")
    if row["note"]:
        st.caption(text["note"])
    st.dataframe(filters.source_list(row["source_ids"], sources)[["citation", "url", "licence"]],
                 column_config={"url": st.column_config.LinkColumn("Link")}, hide_index=True)

st.subheader("All agreements")
table = t.assign(source=filters.first_source_url(t, sources))
columns = ["name", "kind", "scope", "place", "signed_on", "ratified_on", "in_force_on", "status", "source",
           "source_ids"]
st.dataframe(table[columns], hide_index=True, width="stretch",
             column_config={"source": st.column_config.LinkColumn("First source"),
                            "signed_on": "Signed", "ratified_on": "Ratified", "in_force_on": "In force"})
st.download_button("Download this table (CSV)", safe_csv(table[columns]), "treaties.csv", "text/csv",
                   key="download_treaties")
