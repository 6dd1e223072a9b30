"""The Trade page: what `app_pages/trade.py` draws."""

import streamlit as st

from relations import charts, filters, views
from relations.state import bound, load, look, summary, year_range
from relations.text import safe_csv


def show() -> None:
    st.title("Trade")
    st.markdown(
        "Japan's exports to and imports from Russia and the USSR, year by year. Choose whose figures to "
        "trust: Japan's own returns, or the Correlates of War dataset built from the partner's side. "
        "**Years without a figure are gaps, never zeros.**"
    )

    c1, c2 = st.columns([3, 2])
    with c1:
        years = year_range()
        basis = bound(
            st.radio,
            "basis",
            label="Series and basis",
            options=list(filters.BASIS_LABELS),
            format_func=filters.BASIS_LABELS.get,
        )
    with c2:
        flows = bound(st.multiselect, "flows", label="Show", options=["exports", "imports", "total", "balance"])
        dollars = bound(
            st.radio,
            "dollars",
            label="Dollars",
            options=["current", "constant"],
            horizontal=True,
            format_func={"current": "current", "constant": "constant 1990"}.get,
            disabled=not basis.endswith("usd"),
            help="Constant dollars divide by the US consumer price index (CPI-U, BLS). It is a "
            "consumer index, not a trade-price index: a rough guide to real change only.",
        )
        log_scale = bound(st.toggle, "log", label="Logarithmic scale")

    series_ids = filters.SERIES_FOR_CHOICE[basis]
    view, _unit = load(lambda: views.trade(basis, tuple(flows), dollars, log_scale, years, look()))
    wide = view.table
    summary(view.sentence)
    st.plotly_chart(view.drawn, width="stretch", key="trade_chart", config=charts.PLOTLY_CONFIG, theme=None)
    # One caption element for the note and every series shown (each is a paragraph of it).
    notes = load(lambda: views.series_captions(series_ids))
    st.caption("\n\n".join(
        ("Triangles at the top mark treaty signings and wars from the events table; hover for each one.", *notes)
    ))

    st.subheader("The table behind the chart")
    st.dataframe(view.rows(), hide_index=True, width="stretch")
    st.download_button(
        "Download this table (CSV)",
        lambda: safe_csv(wide),
        "trade.csv",
        "text/csv",
        key="download_trade",
        on_click="ignore",
    )
    # Lazy: the table is made and sent only while the reader has the expander open.
    statements = st.expander("Which series matches the article's trade sentences?", key="statements", on_change="rerun")
    if statements.open:
        with statements:
            st.dataframe(load(lambda: views.table_rows("trade_statements")), hide_index=True, width="stretch")
