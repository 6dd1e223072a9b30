import streamlit as st

from relations import charts, data, filters, summaries
from relations.state import load, summary, year_range
from relations.text import md_escape, safe_csv

st.title("Trade")
st.markdown("Japan's exports to and imports from Russia and the USSR, year by year. Choose whose figures to "
            "trust: Japan's own returns, or the Correlates of War dataset built from the partner's side. "
            "**Years without a figure are gaps, never zeros.**")

trade, series, cpi, events = load(data.trade), load(data.trade_series), load(data.cpi), load(data.events)
BASES = {
    "Japan-reported, US$ (converted 1924–38; COW from 1952)": ("japan", "usd"),
    "Japan-reported, yen (1913–1938)": ("japan", "yen"),
    "Correlates of War, US$ (partner-based exports)": ("cow", "usd"),
    "USSR-reported, roubles (1927–1937)": ("ussr", "roubles"),
}
c1, c2 = st.columns([3, 2])
with c1:
    years = year_range(default=(1913, 1991))
    basis = st.radio("Series and basis", list(BASES), key="basis", horizontal=False)
with c2:
    flows = st.multiselect("Show", ["exports", "imports", "total", "balance"], default=["exports", "imports"],
                           key="flows")
    dollars = st.radio("Dollars", ["current", "constant 1990"], key="dollars", horizontal=True,
                       disabled=BASES[basis][1] != "usd",
                       help="Constant dollars divide by the US consumer price index (CPI-U, BLS). It is a "
                       "consumer index, not a trade-price index: a rough guide to real change only.")
    log_scale = st.toggle("Logarithmic scale", key="log_scale")

series_ids = filters.SERIES_FOR_CHOICE[BASES[basis]]
wide = filters.trade_wide(trade, series_ids, years)
unit = wide["unit"].dropna().iloc[0] if wide["unit"].notna().any() else ""
if BASES[basis][1] == "usd" and dollars.startswith("constant"):
    wide = filters.deflate(wide, cpi, 1990)
    unit = "million 1990 US$ (CPI-U)"
key_events = filters.filter_events(filters.with_bounds(events), ["treaty", "war and conflict"], years)
key_events = key_events[(key_events["treaty_id"] != "") | key_events["conflict_id"].str.startswith("cow-war")]
summary(summaries.trade_sentence(wide, unit))
st.plotly_chart(charts.trade_figure(wide, unit, flows, key_events, log_scale,
                                    "Triangles mark treaty signings and wars from the events table."),
                width="stretch", key="trade_chart")
for row in series[series["series_id"].isin(series_ids)].itertuples():
    st.caption(f"**{md_escape(row.label)}.** {md_escape(row.description)}")

st.subheader("The table behind the chart")
st.dataframe(wide, hide_index=True, width="stretch")
st.download_button("Download this table (CSV)", safe_csv(wide), "trade.csv", "text/csv")
with st.expander("Which series matches the article's trade sentences?"):
    st.dataframe(load(data.trade_statements), hide_index=True, width="stretch")
