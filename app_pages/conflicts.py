"""Conflicts: wars and militarized disputes as the Correlates of War project codes them."""

import streamlit as st

from relations import charts, ui, views
from relations.ui import _, word

st.title(_("Wars, border battles and militarized disputes"))
st.markdown(
    _(
        "As the Correlates of War project codes them. Each mark is a war or a militarized dispute in "
        "which both Japan and Russia/the USSR took part; its height is the highest hostility level, its size "
        "the fatality band."
    )
)

years = ui.year_range()
opposite = ui.bound(st.toggle, "opposite", label=_("Only disputes where Japan and Russia/USSR were on opposite sides"))
look, lang = ui.look(), ui.language()
view = ui.load(lambda: views.conflicts(years, opposite, look, lang))
ui.summary(view.sentence)
st.plotly_chart(view.figure, width="stretch", key="conflicts_chart", config=charts.PLOTLY_CONFIG, theme=None)
st.warning(
    _(
        "Caveats from the sources: battle deaths for the World Wars are each country's whole-war totals, "
        "not Soviet–Japanese fighting only. Dispute dates are dispute-wide. Most Cold War disputes are "
        "seizures of fishing boats."
    ),
    icon=":material/info:",
)
columns = [
    "name",
    "kind",
    "start_date",
    "end_date",
    "hostility",
    "highest_action",
    "fatality_band",
    "japan_battle_deaths",
    "russia_battle_deaths",
    "source_ids",
    "note",
]
words = ("kind", "hostility", "highest_action", "fatality_band")
shown = view.once("display", lambda t: t[columns].assign(**{c: t[c].map(lambda v: word(v) if v else v) for c in words}))
st.dataframe(shown.reset_index(drop=True), hide_index=True, width="stretch", column_config=ui.headers(columns))
ui.csv_download(_("Download this table (CSV)"), lambda: view.table[columns], "conflicts.csv", "download_conflicts")
