import streamlit as st

from relations import charts, data, filters
from relations.state import bound, load, look, summary, year_range
from relations.text import safe_csv

st.title("Wars, border battles and militarized disputes")
st.markdown("As the Correlates of War project codes them. Each mark is a war or a militarized dispute in "
            "which both Japan and Russia/the USSR took part; its height is the highest hostility level, its size "
            "the fatality band.")

conflicts = load(data.conflicts)
years = year_range()
opposite = bound(st.toggle, "opposite", label="Only disputes where Japan and Russia/USSR were on opposite sides")
c = filters.with_bounds(conflicts, "start_date", "end_date")
c = c[(c["start"].dt.year <= years[1]) & (c["end"].dt.year >= years[0])]
if opposite:
    c = c[c["opposite_sides"]]
wars = c[c["kind"] == "interstate war"]
summary(f"{len(c)} wars and disputes between {years[0]} and {years[1]}, {len(wars)} of them wars; "
        f"{int((c['hostility_level'] >= 4).sum())} reached the use of force.")
st.plotly_chart(charts.conflicts_figure(c, look()), width="stretch", key="conflicts_chart",
                config=charts.PLOTLY_CONFIG)
st.warning("Caveats from the sources: battle deaths for the World Wars are each country's whole-war totals, "
           "not Soviet–Japanese fighting only. Dispute dates are dispute-wide. Most Cold War disputes are "
           "seizures of fishing boats.", icon=":material/info:")
columns = ["name", "kind", "start_date", "end_date", "hostility", "highest_action", "fatality_band",
           "japan_battle_deaths", "russia_battle_deaths", "source_ids", "note"]
st.dataframe(c[columns], hide_index=True, width="stretch")
st.download_button("Download this table (CSV)", safe_csv(c[columns]), "conflicts.csv", "text/csv",
                   key="download_conflicts")
