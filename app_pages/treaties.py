"""Treaties: each agreement's life from signature to its end; details and sources for the one chosen."""

import streamlit as st

from relations import charts, data, schema, ui, views
from relations.params import PARAMS
from relations.ui import _, details, word

st.title(_("Treaties and agreements"))
st.markdown(
    _(
        "Each agreement from its signature to its end. Solid bars stop where the sources record the end; dotted bars "
        "are agreements a source says are in force today; a short cross-hatched bar marks an agreement whose end no "
        "source we read gives (it may have lapsed long ago); a thin striped mark is a joint statement, which has no "
        "term."
    )
)

sources = ui.load(data.sources)
left, right = st.columns([3, 2])
with left:
    years = ui.year_range()
with right:
    scopes = ui.bound(st.multiselect, "scope", label=_("Scope"), options=schema.TREATY_SCOPES, format_func=word)
look, lang = ui.look(), ui.language()
view = ui.load(lambda: views.treaties(tuple(scopes), years, look, lang))
ui.summary(view.sentence)
st.plotly_chart(view.figure, width="stretch", key="treaty_chart", config=charts.PLOTLY_CONFIG, theme=None)

st.subheader(_("Details"))
names = view.once("names", lambda t: dict(zip(t["treaty_id"], t["name"])))
choice = ui.bound(
    st.selectbox,
    "treaty",
    view.once("treaty_param", lambda t: PARAMS["treaty"].with_known(names)),
    label=_("Agreement"),
    options=[None, *names],
    format_func=lambda i: _("Choose an agreement…") if i is None else names[i],
    placeholder=_("Choose an agreement…"),
)
if choice:
    details.treaty(view.table[view.table["treaty_id"] == choice].iloc[0], sources)

st.subheader(_("All agreements"))
columns = [
    "name",
    "kind",
    "scope",
    "place",
    "signed_on",
    "ratified_on",
    "in_force_on",
    "status",
    "source",
    "source_ids",
]
shown = view.once("display", lambda t: t[columns].assign(kind=t["kind"].map(word), scope=t["scope"].map(word)))
st.dataframe(
    shown.reset_index(drop=True),
    hide_index=True,
    width="stretch",
    column_config=ui.headers(columns) | {"source": st.column_config.LinkColumn(_("First source"))},
)
ui.csv_download(_("Download this table (CSV)"), lambda: view.table[columns], "treaties.csv", "download_treaties")
