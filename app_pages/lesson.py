"""Lesson: the article's eras one step at a time, each with its chart and key events; the step is in the URL."""

import streamlit as st

from relations import schema, ui, views
from relations.text import md_escape
from relations.ui import _

count = schema.LESSON_STEPS
step = min(max(int(ui.param_value("step")), 1), count)
lang = ui.language()
text = ui.load(lambda: views.lesson_text(step, lang))

st.title(_("Lesson, step {step} of {count}: {title}", step=step, count=count, title=text.title))
st.caption(
    _(
        "Era in the article: {era}. Share this step with the address bar (step={step}).",
        era=md_escape(text.era),
        step=step,
    )
)

nav = st.container(horizontal=True)
nav.button(_("← Previous"), on_click=ui.set_param, args=("step", step - 1), disabled=step == 1, key="previous")
nav.button(_("Next →"), on_click=ui.set_param, args=("step", step + 1), disabled=step == count, key="next")

st.markdown(md_escape(text.narrative))
names, look = ui.place_names(), ui.look()
view, kind = ui.load(lambda: views.lesson_step(step, names, look, lang))
ui.summary(view.sentence)
ui.chart(kind, view.figure, key=f"lesson_chart_{step}")
if kind == "altair":
    ui.chart_downloads(view.export or view.figure, f"lesson_step_{step}")

st.subheader(_("Key events of this period"))
st.dataframe(
    view.rows(["date", "title", "description", "source"]),
    hide_index=True,
    width="stretch",
    column_config=ui.headers(["date", "title", "description", "source"]),
)

# After the story, practice: the self-check on this step's era, and on the whole lesson after its last step.
st.subheader(_("Check yourself"))
ui.link("selfcheck", _("Questions on this era: {era}", era=text.era), {"era": text.era_id})
if step == count:
    ui.link("selfcheck", _("Questions on the whole lesson"))
