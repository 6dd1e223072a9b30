"""Trade: Japan's exports to and imports from Russia and the USSR, in the series and basis the reader picks."""

import streamlit as st

from relations import charts, filters, ui, views
from relations.ui import _, word

st.title(_("Trade"))
st.markdown(
    _(
        "Japan's exports to and imports from Russia and the USSR, year by year. Choose whose figures to "
        "trust: Japan's own returns, or the Correlates of War dataset built from the partner's side. "
        "**Years without a figure are gaps, never zeros.**"
    )
)

left, right = st.columns([3, 2])
with left:
    years = ui.year_range()
    basis = ui.bound(
        st.radio,
        "basis",
        label=_("Series and basis"),
        options=filters.TRADE_CHOICES,
        format_func=lambda b: word(filters.BASIS_LABELS[b]),
    )
with right:
    flows = ui.bound(
        st.multiselect,
        "flows",
        label=_("Show"),
        options=filters.TRADE_MEASURES,
        format_func=lambda f: word(charts.FLOW_LABELS[f]),
    )
    dollars = ui.bound(
        st.radio,
        "dollars",
        label=_("Dollars"),
        options=["current", "constant"],
        horizontal=True,
        format_func={"current": _("current"), "constant": _("constant 1990")}.get,
        disabled=not basis.endswith("usd"),
        help=_(
            "Constant dollars divide by the US consumer price index (CPI-U, BLS). It is a "
            "consumer index, not a trade-price index: a rough guide to real change only."
        ),
    )
    log_scale = ui.bound(st.toggle, "log", label=_("Logarithmic scale"))

look, lang = ui.look(), ui.language()
view = ui.load(lambda: views.trade(basis, tuple(flows), dollars, log_scale, years, look, lang))
ui.summary(view.sentence)
st.plotly_chart(view.figure, width="stretch", key="trade_chart", config=charts.PLOTLY_CONFIG, theme=None)
notes = ui.load(lambda: views.series_captions(filters.SERIES_FOR_CHOICE[basis], lang))
# One caption element for the note and every series shown (each is a paragraph of it).
st.caption(
    "\n\n".join(
        (_("Triangles at the top mark treaty signings and wars from the events table; hover for each one."), *notes)
    )
)

st.subheader(_("The table behind the chart"))
columns = list(view.table.columns)
shown = view.once(("display", lang), lambda t: t.assign(unit=t["unit"].map(word, na_action="ignore")))
st.dataframe(shown, hide_index=True, width="stretch", column_config=ui.headers(columns))
ui.csv_download(_("Download this table (CSV)"), view.table, "trade.csv", "download_trade")
# Lazy: the table is made and sent only while the reader has the expander open.
statements = st.expander(_("Which series matches the article's trade sentences?"), key="statements", on_change="rerun")
if statements.open:
    with statements:
        st.dataframe(ui.load(lambda: views.table("trade_statements")), hide_index=True, width="stretch")
