"""Sources & data: every table as CSV, its data dictionary, the bibliography and how to cite."""

import streamlit as st

from relations import schema, ui, views
from relations.text import md_escape

st.title("Sources & data")
st.markdown(
    "Every table behind this app, its data dictionary, and the full bibliography. The tables are "
    "rebuilt from raw extracts by `scripts/build_data.py`; see `data/README.md` in the project."
)

name = ui.bound(st.selectbox, "table", label="Table", options=schema.tables())
described = schema.resource(name)
frame = ui.load(lambda: views.table(name))
st.markdown(f"**{md_escape(described['title'])}.** {md_escape(described['description'])} ({len(frame)} rows)")
ui.csv_download(f"Download {described['path']}", frame, described["path"], "download")
st.dataframe(views.data_dictionary(name), hide_index=True, width="stretch")

st.subheader("Bibliography")
st.dataframe(
    ui.load(lambda: views.table("sources")[["source_id", "citation", "url", "licence", "kind"]]),
    column_config={"url": st.column_config.LinkColumn("Link")},
    hide_index=True,
    width="stretch",
)

st.subheader("How to cite")
st.markdown(
    "> Japan and the Soviet Union, 1917–1991: a sourced dashboard (2026). Data: Correlates of War; "
    "RICardo; Natural Earth; Wikipedia and the pages listed in sources.csv."
)
