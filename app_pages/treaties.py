import pandas as pd
import streamlit as st

from relations import charts, data, filters, summaries, theme
from relations.state import load, summary, year_range
from relations.text import md_escape

st.title("Treaties and agreements")
st.markdown("Each agreement from its signature to its end. Hatched bars have no recorded end in the sources "
            "we read (some are still in force, for others the end is simply unknown).")

treaties, sources = load(data.treaties), load(data.sources)
c1, c2 = st.columns([3, 2])
with c1:
    years = year_range(default=(1855, 1993))
with c2:
    scopes = st.multiselect("Scope", ["bilateral", "multilateral"], default=["bilateral", "multilateral"],
                            key="scopes")
t = filters.treaty_spans(treaties)
t = t[t["scope"].isin(scopes) & (t["start"].dt.year <= years[1]) & (t["end_or_open"].dt.year >= years[0])]
summary(summaries.treaties_sentence(t))
colors = {"bilateral": theme.OKABE_ITO["bluish_green"], "multilateral": theme.OKABE_ITO["orange"]}
st.plotly_chart(charts.span_figure(t, "name", "scope", colors, ["name", "signed_on", "ended_on", "end_reason"],
                                   pd.Timestamp(years[1], 12, 31)), width="stretch", key="treaty_chart")

st.subheader("Details")
choice = st.selectbox("Agreement", t["name"].tolist(), index=None, key="treaty",
                      placeholder="Choose an agreement to see its dates, status and sources")
if choice:
    row = t[t["name"] == choice].iloc[0].map(md_escape)
    st.markdown(f"**{row['name']}** ({row['scope']} {row['kind']}), signed {row['signed_on'] or 'date unknown'}"
                f"{' at ' + row['place'] if row['place'] else ''}. Parties: {row['parties'].replace(';', ', ')}.")
    st.markdown(f"Ratified: {row['ratified_on'] or '—'} · In force: {row['in_force_on'] or '—'} · "
                f"Ended: {row['ended_on'] or '—'} {('(' + row['end_reason'] + ')') if row['end_reason'] else ''}")
    if row["note"]:
        st.caption(row["note"])
    row = t[t["name"] == choice].iloc[0]
    st.dataframe(filters.source_list(row["source_ids"], sources)[["citation", "url", "licence"]],
                 column_config={"url": st.column_config.LinkColumn("Link")}, hide_index=True)

st.subheader("All agreements")
table = t.assign(source=filters.first_source_url(t, sources))
st.dataframe(table[["name", "kind", "scope", "place", "signed_on", "ratified_on", "in_force_on", "status", "source",
                    "source_ids"]], hide_index=True, width="stretch",
             column_config={"source": st.column_config.LinkColumn("First source"),
                            "signed_on": "Signed", "ratified_on": "Ratified", "in_force_on": "In force"})
