import streamlit as st

from relations import charts, data, filters, summaries, theme
from relations.state import load, summary, year_range
from relations.text import md_escape

st.title("Timeline")
st.markdown("Every dated event in one view, in lanes by category. Wars, occupations and visits are bars; "
            "the grey bands are the article's eras. **Click a mark** to read its description and sources; "
            "scroll or drag on the chart to zoom and pan.")

events, eras, sources = load(data.events), load(data.eras), load(data.sources)
c1, c2 = st.columns([3, 2])
with c1:
    years = year_range()
with c2:
    categories = st.multiselect("Categories", theme.CATEGORIES, default=theme.CATEGORIES, key="categories")
unverified = st.toggle("Include events that rest on a single mirror or summary site", key="unverified",
                       help="Off by default: such rows need a second source before they are shown to a class.")
shown = filters.filter_events(filters.with_bounds(events), categories, years, unverified)
summary(summaries.timeline_sentence(shown, years))
picked = st.altair_chart(charts.timeline_chart(shown, eras, sources, years), width="stretch",
                         on_select="rerun", key="timeline_chart")

selected = [p.get("event_id") for p in picked.selection.get("event", [])] if picked else []
if selected:
    event = shown[shown["event_id"] == selected[0]].iloc[0]
    when = event["date"] + (" – " + event["end_date"] if event["end_date"] else "")
    st.subheader(md_escape(f"{when}: {event['title']}"))
    st.markdown(md_escape(event["description"]) or "No description yet.")
    if event["note"]:
        st.caption("Note from the sources: " + md_escape(event["note"]))
    st.markdown("**Sources**")
    st.dataframe(filters.source_list(event["source_ids"], sources)[["citation", "url", "licence"]],
                 column_config={"url": st.column_config.LinkColumn("Link")}, hide_index=True)

with st.expander(f"The {len(shown)} events as a table"):
    st.dataframe(shown[["date", "end_date", "title", "category", "description", "source_ids", "evidence"]],
                 hide_index=True, width="stretch")
