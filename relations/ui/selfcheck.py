"""What the Self-check page draws: one question with its form and feedback, the score, the answer key.

The answers live in the session only (st.session_state), per set of questions: nothing is stored on the server
beyond the visit, and a reload starts again.
"""

from __future__ import annotations

import secrets
from html import escape

import streamlit as st

from relations import quiz, views
from relations.text import md_escape
from relations.theme import Look
from relations.ui.frame import link
from relations.ui.state import _, language, n_, set_param
from relations.ui.widgets import chart, load, summary

ANSWERS = "_quiz_answers"  # per set of questions (seed, n, era): question number -> the option checked

# On paper: no buttons or settings, each question whole on its page, the answer key from a new page.
PRINT_CSS = """<style>
@media print {
  .answer-key { break-before: page; page-break-before: always; }
  [data-testid="stFormSubmitButton"], [data-testid="stButton"], [data-testid="stCode"],
  [data-testid="stCheckbox"], [data-testid="stSlider"], [data-testid="stSelectbox"] { display: none !important; }
  [class*="st-key-question-"] { break-inside: avoid; }
}
</style>"""


def new_seed() -> int:
    return secrets.randbelow(quiz.SEED_MAX) + 1


def new_questions() -> None:
    """The "New questions" button: another set, written to the address so that it can be shared."""
    set_param("quiz", new_seed())


def answers(key: tuple) -> dict[int, int]:
    return st.session_state.setdefault(ANSWERS, {}).get(key, {})


def _record(key: tuple, number: int, widget: str) -> None:
    """The Check button: the option chosen becomes this question's answer (the first check counts)."""
    if st.session_state.get(widget) is not None:
        st.session_state.setdefault(ANSWERS, {}).setdefault(key, {}).setdefault(number, st.session_state[widget])


def _start_again(key: tuple) -> None:
    st.session_state.setdefault(ANSWERS, {}).pop(key, None)
    for name in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"answer-{key}")]:
        del st.session_state[name]


def question(key: tuple, number: int, count: int, q: quiz.Question, words: quiz.Worded, names: str, look: Look) -> None:
    """One question in a bordered box (.st-key-question-N): its wording, the map or chart it is read from, a
    form to answer it, then, once checked, the answer given, right or wrong, why, the source and the page."""
    lang = language()
    with st.container(border=True, key=f"question-{number}"):
        st.subheader(_("Question {number} of {count}", number=number + 1, count=count))
        st.markdown(md_escape(words.prompt))
        if words.items:
            st.markdown("\n".join(f"- {md_escape(item)}" for item in words.items))
        figure = load(lambda: views.quiz_figure(q, names, look, lang))
        if figure:
            chart(*figure, key=f"quiz_chart_{key[0]}_{number}")
        widget = f"answer-{key}-{number}"
        checked = False
        if answers(key).get(number) is None:  # once checked, the question shows the answer given instead
            with st.form(key=f"form-{key}-{number}", border=False):
                st.radio(
                    _("Your answer"),
                    options=range(len(words.options)),
                    format_func=lambda k: words.options[k],
                    index=None,
                    key=widget,
                )
                checked = st.form_submit_button(_("Check"), on_click=_record, args=(key, number, widget))
        done = answers(key).get(number)
        if checked and done is None:
            st.warning(_("Choose an answer first."))
        if done is None:
            return
        right = q.options[done] == q.answer
        verdict = _("Right.") if right else _("Not quite. The answer is: {answer}.", answer=words.answer)
        st.markdown(md_escape(_("Your answer: {answer}", answer=words.options[done])))
        # An error is announced at once by screen readers (role alert), a success politely (role status).
        (st.success if right else st.error)(
            f"{md_escape(verdict)} {md_escape(words.explanation)}",
            icon=":material/check_circle:" if right else ":material/cancel:",
        )
        with st.container(horizontal=True):
            if words.source_url:
                st.markdown(
                    _("Source: [{citation}]({url})", citation=md_escape(words.source_label), url=words.source_url)
                )
            link(words.page, words.page_label, words.page_query)


def score(key: tuple, questions: tuple[quiz.Question, ...], worded: tuple[quiz.Worded, ...]) -> None:
    """The score once every question is checked, with a review of the mistakes; else how many are left."""
    given = answers(key)
    if len(given) < len(questions):
        st.caption(
            _(
                "{answered} of {count} answered. Your score appears when every question is checked.",
                answered=len(given),
                count=len(questions),
            )
        )
        return
    wrong = [i for i, q in enumerate(questions) if q.options[given[i]] != q.answer]
    st.subheader(_("Your score"))
    summary(
        n_(
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
            lines = [
                _("Your answer: {answer}", answer=words.options[given[i]]),
                _("The answer: {answer}", answer=words.answer),
                words.explanation,
            ]
            label = _("Question {number}", number=i + 1)
            st.markdown(
                f"**{md_escape(label)}.** {md_escape(words.prompt)}  \n" + "  \n".join(md_escape(x) for x in lines)
            )
    st.button(_("Try these questions again"), on_click=_start_again, args=(key,), key="again")


def answer_key(seed: int, worded: tuple[quiz.Worded, ...]) -> None:
    """For the teacher: each answer, why, and its source, as one block that prints on a page of its own."""
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
