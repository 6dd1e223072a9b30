"""Sources & data: every table as CSV, its data dictionary, the bibliography and how to cite."""

import streamlit as st

from relations import schema, ui, views
from relations.text import md_escape
from relations.ui import _, word

st.title(_("Sources & data"))
st.markdown(
    _(
        "Every table behind this app, its data dictionary, and the full bibliography. The tables are "
        "rebuilt from raw extracts by `scripts/build_data.py`; see `data/README.md` in the project."
    )
)

name = ui.bound(
    st.selectbox,
    "table",
    label=_("Table"),
    options=schema.tables(),
    format_func=lambda n: f"{n} · {word(schema.resource(n)['title'])}",
)
described = schema.resource(name)
frame = ui.load(lambda: views.table(name))
st.markdown(
    ui.n_(
        "**{title}.** {description} ({count} row)",
        "**{title}.** {description} ({count} rows)",
        len(frame),
        title=md_escape(word(described["title"])),
        description=md_escape(word(described["description"])),
    )
)
ui.csv_download(_("Download {file}", file=described["path"]), frame, described["path"], "download")
st.caption(_("Downloads keep the columns' own names, which the data dictionary below explains."))
lang = ui.language()
st.dataframe(
    views.data_dictionary(name, lang),
    hide_index=True,
    width="stretch",
    column_config=ui.headers(["column", "type", "unit", "description"]) | {"unit": _("Unit")},
)

st.subheader(_("Bibliography"))
columns = ["source_id", "citation", "url", "licence", "kind"]
st.dataframe(
    ui.load(lambda: views.table("sources")[columns]),
    column_config=ui.headers(columns) | {"url": st.column_config.LinkColumn(_("Link"))},
    hide_index=True,
    width="stretch",
)

st.subheader(_("How to cite"))
st.markdown(
    "> "
    + _(
        "Japan and the Soviet Union, 1917–1991: a sourced dashboard (2026). Data: Correlates of War; "
        "RICardo; Natural Earth; Wikipedia and the pages listed in sources.csv."
    )
)
