"""The Lesson page: what `app_pages/lesson.py` draws."""

import streamlit as st

from relations import charts, data, views
from relations.params import PARAMS
from relations.state import chart_downloads, load, look, param_value, set_param, summary
from relations.text import md_escape


def go(to: int) -> None:
    set_param("step", to, PARAMS["step"])


def show() -> None:
    count = len(load(data.lesson))
    step = min(max(int(param_value("step")), 1), count)
    text = load(lambda: views.lesson_text(step))

    st.title(f"Lesson, step {step} of {count}: {text.title}")
    st.caption(f"Era in the article: {md_escape(text.era)}. Share this step with the address bar (step={step}).")

    nav = st.container(horizontal=True)  # one block, where three columns made four
    nav.button("← Previous", on_click=go, args=(step - 1,), disabled=step == 1, key="previous")
    nav.button("Next →", on_click=go, args=(step + 1,), disabled=step == count, key="next")

    st.markdown(md_escape(text.narrative))
    view, kind = load(lambda: views.lesson_step(step, param_value("names"), look()))
    summary(view.sentence)
    if kind == "plotly":
        st.plotly_chart(
            view.drawn, width="stretch", key=f"lesson_chart_{step}", config=charts.PLOTLY_CONFIG, theme=None
        )
    else:
        st.vega_lite_chart(spec=view.drawn, width="stretch", key=f"lesson_chart_{step}")
        chart_downloads(view.figure, f"lesson_step_{step}")

    st.subheader("Key events of this period")
    st.dataframe(view.rows(["date", "title", "description", "source"]), hide_index=True, width="stretch")
