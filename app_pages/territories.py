"""Territories: an offline map of who held Sakhalin, the Kurils and the four disputed islands in any year, and
each side's position on them."""

import streamlit as st

from relations import data, ui, views
from relations.ui import _

st.title(_("Territories: who held what, when"))
st.markdown(
    _(
        "Southern and northern Sakhalin, the Kuril Islands and the four islands Japan calls the Northern "
        "Territories. Move the slider to see who held each at the end of that year; a dashed outline marks a "
        "territory that another state claims, as that state's own position."
    )
)

boundaries = ui.load(data.boundaries)
year = ui.bound(st.slider, "year", label=_("Year"), min_value=1855, max_value=1999)
names, look, lang = ui.place_names(), ui.look(), ui.language()  # the islands' names follow the sidebar's choice
view = ui.load(lambda: views.territories(year, names, look, lang))
ui.summary(view.sentence)
ui.chart("altair", view.figure, key="map_chart")
ui.chart_downloads(view.export, "map")
line = boundaries.iloc[0]
st.caption(
    _(
        "Map: Natural Earth (public domain), drawn offline. The Sakhalin border of {first}–{last} follows the "
        "{latitude}th parallel, as the Treaty of Portsmouth set it. Coastlines are today's; cities carry their modern "
        "names. On a narrow screen the map leaves the names off: the sentence above gives them, and tapping a "
        "territory shows its name and holder.",
        first=line["valid_from"][:4],
        last=line["valid_to"][:4],
        latitude=int(line["latitude"]),
    )
)

st.subheader(_("Each side's position at the end of {year}", year=year))
claims = view.once("claims", lambda _table: None)
if len(claims):
    st.dataframe(claims, hide_index=True, width="stretch", column_config=ui.headers(list(claims.columns)))
else:
    st.caption(_("No position is recorded for this year: the claims table starts with the end of the war in 1945."))
ui.csv_download(_("Download every position (CSV)"), data.claims, "claims.csv", "download_claims")

st.subheader(_("Territorial changes"))
st.dataframe(view.rows(), hide_index=True, width="stretch", column_config=ui.headers(list(view.table.columns)))
ui.csv_download(_("Download this table (CSV)"), view.table, "territorial_changes.csv", "download_changes")
