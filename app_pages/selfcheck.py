"""Self-check: questions made from the project's tables; one link (?quiz=<seed>) gives a class the same ones."""

import secrets
from html import escape

import streamlit as st

from relations import charts, quiz, ui, views
from relations.params import PARAMS
from relations.text import md_escape
from relations.ui import _

lang, names, look = ui.language(), ui.place_names(), ui.look()
pool = ui.load(views.quiz_pool)
eras = ui.load(lambda: views.quiz_eras(lang))

ANSWERS = "_quiz_answers"  # per set of questions: question number -> the option the student checked


def new_seed() -> int:
    return secrets.randbelow(quiz.SEED_MAX) + 1


def new_questions() -> None:
    ui.set_param("quiz", new_seed())


def record(key: tuple, number: int, widget: str) -> None:
    """The Check button: the option chosen becomes this question's answer (the first check counts)."""
    if st.session_state.get(widget) is not None:
        st.session_state.setdefault(ANSWERS, {}).setdefault(key, {}).setdefault(number, st.session_state[widget])


def start_again(key: tuple) -> None:
    st.session_state.setdefault(ANSWERS, {}).pop(key, None)
    for name in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"answer-{key}")]:
        del st.session_state[name]


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
    seed = new_seed()
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
    n = ui.bound(
        st.slider,
        "n",
        label=_("Number of questions"),
        min_value=quiz.N_RANGE[0],
        max_value=quiz.N_RANGE[1],
    )
with right:
    st.button(_("New questions"), on_click=new_questions, key="new_questions", icon=":material/casino:")

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
answers = st.session_state.setdefault(ANSWERS, {}).get(key, {})
for number, (question, words) in enumerate(zip(questions, worded)):
    widget = f"answer-{key}-{number}"
    done = answers.get(number)
    with st.container(border=True, key=f"question-{number}"):  # .st-key-question-N in the page
        st.subheader(_("Question {number} of {count}", number=number + 1, count=len(questions)))
        st.markdown(md_escape(words.prompt))
        if words.items:
            st.markdown("\n".join(f"- {md_escape(item)}" for item in words.items))
        figure = ui.load(lambda question=question: views.quiz_figure(question, names, look, lang))
        if figure and figure[0] == "altair":
            st.vega_lite_chart(spec=figure[1], width="stretch", key=f"quiz_chart_{seed}_{number}")
        elif figure:
            st.plotly_chart(
                figure[1], width="stretch", key=f"quiz_chart_{seed}_{number}", config=charts.PLOTLY_CONFIG, theme=None
            )
        checked = False
        if done is None:  # once checked, the question shows the answer given instead of a form
            with st.form(key=f"form-{key}-{number}", border=False):
                st.radio(
                    _("Your answer"),
                    options=range(len(words.options)),
                    format_func=lambda k, words=words: words.options[k],
                    index=None,
                    key=widget,
                )
                checked = st.form_submit_button(_("Check"), on_click=record, args=(key, number, widget))
        if checked and answers.get(number) is None:
            st.warning(_("Choose an answer first."))
        done = answers.get(number)
        if done is not None:
            right = question.options[done] == question.answer
            verdict = _("Right.") if right else _("Not quite. The answer is: {answer}.", answer=words.answer)
            st.markdown(md_escape(_("Your answer: {answer}", answer=words.options[done])))
            (st.success if right else st.error)(
                f"{md_escape(verdict)} {md_escape(words.explanation)}",
                icon=":material/check_circle:" if right else ":material/cancel:",
            )
            links = st.container(horizontal=True)
            with links:
                if words.source_url:
                    st.markdown(
                        _("Source: [{citation}]({url})", citation=md_escape(words.source_label), url=words.source_url)
                    )
                ui.link(words.page, words.page_label, words.page_query)

if questions and len(answers) == len(questions):
    wrong = [i for i, q in enumerate(questions) if q.options[answers[i]] != q.answer]
    st.subheader(_("Your score"))
    ui.summary(
        ui.n_(
            "You answered {right} of {count} question correctly.",
            "You answered {right} of {count} questions correctly.",
            len(questions),
            right=len(questions) - len(wrong),
        )
    )
    with st.expander(_("Review your mistakes"), expanded=bool(wrong)):
        if not wrong:
            st.markdown(_("No mistakes to review."))
        for i in wrong:
            words = worded[i]
            label = _("Question {number}", number=i + 1)
            st.markdown(
                f"**{md_escape(label)}.** {md_escape(words.prompt)}  \n"
                + md_escape(_("Your answer: {answer}", answer=words.options[answers[i]]))
                + "  \n"
                + md_escape(_("The answer: {answer}", answer=words.answer))
                + "  \n"
                + md_escape(words.explanation)
            )
    st.button(_("Try these questions again"), on_click=start_again, args=(key,), key="again")
elif questions:
    st.caption(
        _(
            "{answered} of {count} answered. Your score appears when every question is checked.",
            answered=len(answers),
            count=len(questions),
        )
    )

# For the teacher: an answer key with sources, which prints on a page of its own after the questions.
if st.toggle(_("Show the answer key (for the teacher; it prints on its own page)"), key="answer_key"):
    rows = "".join(
        f"<li><p><strong>{escape(w.answer)}</strong>. {escape(w.explanation)}"
        + (f' <a href="{escape(w.source_url)}">{escape(w.source_label)}</a>' if w.source_url else "")
        + "</p></li>"
        for w in worded
    )
    heading, subtitle = _("Answer key"), _("Set of questions {seed}", seed=seed)
    st.markdown(
        f"<section class='answer-key'><h2>{escape(heading)}</h2><p>{escape(subtitle)}</p><ol>{rows}</ol></section>",
        unsafe_allow_html=True,
    )
st.markdown(
    """<style>
@media print {
  .answer-key { break-before: page; page-break-before: always; }
  [data-testid="stFormSubmitButton"], [data-testid="stButton"], [data-testid="stCode"],
  [data-testid="stCheckbox"], [data-testid="stSlider"], [data-testid="stSelectbox"] { display: none !important; }
  [data-testid="stVerticalBlockBorderWrapper"] { break-inside: avoid; }
}
</style>""",
    unsafe_allow_html=True,
)
