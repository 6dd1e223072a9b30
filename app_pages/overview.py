"""Overview: what the app is, the headline numbers, the article's eras, and where to go next."""

import streamlit as st

from relations import ui, views
from relations.ui import _

st.title(_("Japan and the Soviet Union, 1917–1991"))
st.markdown(
    _(
        "From the Siberian intervention to the Kuril dispute: the events, treaties, trade, territory and people "
        "of a tense relationship, with the Russian Empire before it and the 1990s after it as context. "
        "**Every figure and date links to the source it comes from.**"
    )
)

look, lang = ui.look(), ui.language()
facts = ui.load(lambda: views.headline(look, lang))
for column, (label, value, note) in zip(st.columns(4), facts):
    column.metric(label, value, help=note)

st.subheader(_("The article's eras"))
strip = ui.load(lambda: views.eras_strip(look, lang))
ui.summary(strip.sentence)
st.markdown(strip.figure, unsafe_allow_html=True)  # escaped inline SVG built by charts.eras_strip_svg
# Lazy: the table is sent only while the expander is open. A plain table: the home page then needs no
# data-grid code in the browser, which shortens a cold start.
eras_table = st.expander(_("The eras as a table"), key="eras_table", on_change="rerun")
if eras_table.open:
    with eras_table:
        st.table(
            strip.rows(["label", "start_year", "end_year"]).rename(
                columns={"label": _("Era"), "start_year": _("From"), "end_year": _("To")}
            ),
            hide_index=True,
        )

st.subheader(_("Where to go next"))
ui.link("lesson", _("Lesson: the story in seven steps, one era at a time"))
ui.link("timeline", _("Timeline: every event, click one to read its sources"))
ui.link("trade", _("Trade: exports and imports year by year, in yen or dollars"))
ui.link("territories", _("Territories: who held Sakhalin and the Kurils in any year"))
ui.link("sources", _("Sources & data: downloads, data dictionary and how to cite"))
