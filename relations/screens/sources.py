"""The Sources & data page: what `app_pages/sources.py` draws."""

import streamlit as st

from relations import data, views
from relations.state import bound, load
from relations.text import md_escape, safe_csv
from relations.validation import package


def show() -> None:
    st.title("Sources & data")
    st.markdown(
        "Every table behind this app, its data dictionary, and the full bibliography. The tables are "
        "rebuilt from raw extracts by `scripts/build_data.py`; see `data/README.md` in the project."
    )

    described = load(package)
    names = [r["name"] for r in described["resources"]]
    name = bound(st.selectbox, "table", label="Table", options=names)
    res = next(r for r in described["resources"] if r["name"] == name)
    frame = load(getattr(data, name))
    st.markdown(f"**{md_escape(res['title'])}.** {md_escape(res['description'])} ({len(frame)} rows)")
    st.download_button(
        f"Download {res['path']}", lambda: safe_csv(frame), res["path"], "text/csv", key="download", on_click="ignore"
    )
    st.dataframe(views.data_dictionary(name), hide_index=True, width="stretch")

    st.subheader("Bibliography")
    st.dataframe(
        load(lambda: views.table_rows("sources", ["source_id", "citation", "url", "licence", "kind"])),
        column_config={"url": st.column_config.LinkColumn("Link")},
        hide_index=True,
        width="stretch",
    )

    st.subheader("How to cite")
    st.markdown(
        "> Japan and the Soviet Union, 1917–1991: a sourced dashboard (2026). Data: Correlates of War; "
        "RICardo; Natural Earth; Wikipedia and the pages listed in sources.csv."
    )
