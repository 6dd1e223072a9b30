"""Self-check: questions made from the project's tables; one link (?quiz=<seed>) gives a class the same ones."""

import streamlit as st

from relations import quiz, ui, views
from relations.params import PARAMS
from relations.ui import _
from relations.ui import selfcheck as check

lang, names, look = ui.language(), ui.place_names(), ui.look()
eras = ui.load(lambda: views.quiz_eras(lang))

st.title(_("Check yourself"))
st.markdown(
    _(
        "Questions made from this app's own tables, so every answer has a source. Everyone who opens the same "
        "link gets the same questions in the same order, in any of the three languages. Nothing is stored: "
        "reloading the page starts again."
    )
)

seed = ui.param_value("quiz")
if seed is None:  # no set of questions in the link (or one that could not be read): draw one and share it
    seed = check.new_seed()
    ui.set_param("quiz", seed)

left, middle, right = st.columns([3, 2, 2], vertical_alignment="bottom")
with left:
    era = ui.bound(
        st.selectbox,
        "era",
        PARAMS["era"].with_known(eras),
        label=_("Era"),
        options=[None, *eras],
        format_func=lambda e: _("All eras of the lesson") if e is None else eras[e],
        placeholder=_("All eras of the lesson"),
    )
with middle:
    n = ui.bound(st.slider, "n", label=_("Number of questions"), min_value=quiz.N_RANGE[0], max_value=quiz.N_RANGE[1])
with right:
    st.button(_("New questions"), on_click=check.new_questions, key="new_questions", icon=":material/casino:")

questions = ui.load(lambda: views.quiz_questions(seed, n, era))
worded = ui.load(lambda: views.quiz_worded(seed, n, era, names, lang))
share = "?" + "&".join(f"{k}={v}" for k, v in {"quiz": seed, "n": n, "era": era, "lang": lang}.items() if v)
st.caption(
    _("Give the class this link: everyone gets these questions. The set of questions is number {seed}.", seed=seed)
)
st.code(((st.context.url or "").split("?")[0] or "/selfcheck") + share, language=None, wrap_lines=True)
if len(questions) < n:
    st.info(
        ui.n_(
            "This era gives only {count} question that the data answer for certain.",
            "This era gives only {count} questions that the data answer for certain.",
            len(questions),
        )
    )

key = (seed, n, era)
for number, (question, words) in enumerate(zip(questions, worded)):
    check.question(key, number, len(questions), question, words, names, look)
if questions:
    check.score(key, questions, worded)

# For the teacher: an answer key with sources, which prints on a page of its own after the questions.
if st.toggle(_("Show the answer key (for the teacher; it prints on its own page)"), key="answer_key"):
    check.answer_key(seed, worded)
st.markdown(check.PRINT_CSS, unsafe_allow_html=True)
