"""Territories: an offline map of who held Sakhalin, the Kurils and the four disputed islands in any year, and
each side's position on them."""

import streamlit as st

from relations import data, ui, views

st.title("Territories: who held what, when")
st.markdown(
    "Southern and northern Sakhalin, the Kuril Islands and the four islands Japan calls the Northern "
    "Territories. Move the slider to see who held each at the end of that year; a dashed outline marks a "
    "territory that another state claims, as that state's own position."
)

boundaries = ui.load(data.boundaries)
year = ui.bound(st.slider, "year", label="Year", min_value=1855, max_value=1999)
language = ui.param_value("names")  # chosen in the sidebar, followed by every page
look = ui.look()
view = ui.load(lambda: views.territories(year, language, look))
ui.summary(view.sentence)
st.vega_lite_chart(spec=view.figure, width="stretch", key="map_chart")
ui.chart_downloads(view.export, "map")
line = boundaries.iloc[0]
st.caption(
    f"Map: Natural Earth (public domain), drawn offline. The Sakhalin border of {line['valid_from'][:4]}–"
    f"{line['valid_to'][:4]} follows the {int(line['latitude'])}th parallel, as the Treaty of Portsmouth "
    "set it. Coastlines are today's; cities carry their modern names. On a narrow screen the map leaves the "
    "names off: the sentence above gives them, and tapping a territory shows its name and holder."
)

st.subheader(f"Each side's position at the end of {year}")
claims = view.once("claims", lambda _: None)
if len(claims):
    st.dataframe(claims, hide_index=True, width="stretch")
else:
    st.caption("No position is recorded for this year: the claims table starts with the end of the war in 1945.")
ui.csv_download("Download every position (CSV)", data.claims, "claims.csv", "download_claims")

st.subheader("Territorial changes")
st.dataframe(view.rows(), hide_index=True, width="stretch")
ui.csv_download("Download this table (CSV)", view.table, "territorial_changes.csv", "download_changes")
