"""The Treaties page: what `app_pages/treaties.py` draws."""

import streamlit as st

from relations import charts, data, details, views
from relations.params import PARAMS
from relations.state import bound, load, look, summary, year_range
from relations.text import safe_csv


def show() -> None:
    st.title("Treaties and agreements")
    st.markdown(
        "Each agreement from its signature to its end. Hatched bars have no recorded end in the sources "
        "we read (some are still in force, for others the end is simply unknown)."
    )

    sources = load(data.sources)
    c1, c2 = st.columns([3, 2])
    with c1:
        years = year_range()
    with c2:
        scopes = bound(st.multiselect, "scope", label="Scope", options=["bilateral", "multilateral"])
    view = load(lambda: views.treaties(tuple(scopes), years, look()))
    t = view.table
    summary(view.sentence)
    st.plotly_chart(view.drawn, width="stretch", key="treaty_chart", config=charts.PLOTLY_CONFIG, theme=None)

    st.subheader("Details")
    names = view.once("names", lambda table: dict(zip(table["treaty_id"], table["name"])))
    choice = bound(
        st.selectbox,
        "treaty",
        view.once("treaty_param", lambda table: PARAMS["treaty"].with_known(names)),
        label="Agreement",
        options=[None, *names],
        format_func=lambda i: "Choose an agreement…" if i is None else names[i],
        placeholder="Choose an agreement…",
    )
    if choice:
        details.treaty(t[t["treaty_id"] == choice].iloc[0], sources)

    st.subheader("All agreements")
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
    st.dataframe(
        view.rows(columns),
        hide_index=True,
        width="stretch",
        column_config={
            "source": st.column_config.LinkColumn("First source"),
            "signed_on": "Signed",
            "ratified_on": "Ratified",
            "in_force_on": "In force",
        },
    )
    st.download_button(
        "Download this table (CSV)",
        lambda: safe_csv(t[columns]),
        "treaties.csv",
        "text/csv",
        key="download_treaties",
    )
