import streamlit as st

from relations import charts, data, filters, geo
from relations.state import load, summary

st.title("Territories: who held what, when")
st.markdown("Southern and northern Sakhalin, the Kuril Islands and the four islands Japan calls the Northern "
            "Territories. Move the slider to see who held each in that year (at the year's end).")

changes, names, boundaries = load(data.territorial_changes), load(data.place_names), load(data.boundaries)
c1, c2 = st.columns([3, 2])
with c1:
    year = st.slider("Year", 1855, 1993, 1940, key="map_year")
with c2:
    language = st.radio("Place names", ["English", "Japanese", "Russian"], horizontal=True, key="names")
holders = filters.holders_in_year(changes, year)
labels = geo.labels(names, language)
summary(geo.holders_sentence(holders, names, year))
st.altair_chart(charts.map_chart(geo.layers(), holders, labels, year), width="stretch")
st.caption(f"Map: Natural Earth (public domain), drawn offline. The Sakhalin border of "
           f"{boundaries.iloc[0]['valid_from'][:4]}–{boundaries.iloc[0]['valid_to'][:4]} follows the "
           f"{int(boundaries.iloc[0]['latitude'])}th parallel, as the Treaty of Portsmouth set it. Coastlines are "
           "today's; cities carry their modern names.")

st.subheader("Territorial changes")
st.dataframe(changes[["date", "end_date", "territory", "from_state", "to_state", "procedure", "area_km2",
                      "population", "source_ids", "note"]], hide_index=True, width="stretch")
