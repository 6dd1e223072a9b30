"""The Territories page: what `app_pages/territories.py` draws."""

import streamlit as st

from relations import data, views
from relations.state import bound, chart_downloads, load, look, param_value, summary
from relations.text import safe_csv


def show() -> None:
    st.title("Territories: who held what, when")
    st.markdown(
        "Southern and northern Sakhalin, the Kuril Islands and the four islands Japan calls the Northern "
        "Territories. Move the slider to see who held each at the end of that year."
    )

    boundaries = load(data.boundaries)
    year = bound(st.slider, "year", label="Year", min_value=1855, max_value=1999)
    language = param_value("names")  # chosen in the sidebar, followed by every page
    view = load(lambda: views.territories(year, language, look()))
    summary(view.sentence)
    st.vega_lite_chart(spec=view.drawn, width="stretch", key="map_chart")
    chart_downloads(view.figure, "map")
    line = boundaries.iloc[0]
    st.caption(
        f"Map: Natural Earth (public domain), drawn offline. The Sakhalin border of {line['valid_from'][:4]}–"
        f"{line['valid_to'][:4]} follows the {int(line['latitude'])}th parallel, as the Treaty of Portsmouth "
        "set it. Coastlines are today's; cities carry their modern names. On a narrow screen the map leaves the "
        "names off: the sentence above gives them, and tapping a territory shows its name and holder."
    )

    st.subheader("Territorial changes")
    table = view.table
    st.dataframe(view.rows(), hide_index=True, width="stretch")
    st.download_button(
        "Download this table (CSV)",
        lambda: safe_csv(table),
        "territorial_changes.csv",
        "text/csv",
        key="download_changes",
    )
