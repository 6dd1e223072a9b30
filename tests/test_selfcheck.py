"""The self-check: questions made from the tables, each with exactly one right answer that the tables confirm,
the same for everyone who opens a link (in any language), answered, scored and reviewed on the page."""

import functools
import random
import re

import pytest

from apptest_helpers import open_page
from relations import data, filters, geo, quiz, views
from relations.i18n import LANGUAGES

SEEDS = range(1, 501)


@pytest.fixture(scope="module")
def pool():
    return views.quiz_pool()


@pytest.fixture(scope="module")
def tables():
    """The tables as plain rows by key (5,000 questions are checked, so lookups must be cheap)."""
    changes = data.territorial_changes()
    trade = filters.trade_wide(data.trade(), filters.SERIES_FOR_CHOICE[quiz.TRADE_BASIS])

    @functools.cache
    def holders(year):
        return filters.holders_in_year(changes, year)

    starts = filters.with_bounds(changes[changes["territory_id"] != ""])
    return {
        "events": data.events().set_index("event_id").to_dict("index"),
        "treaties": data.treaties().set_index("treaty_id").to_dict("index"),
        "people": data.people().set_index("position_id").to_dict("index"),
        "trade": trade.set_index("year").to_dict("index"),
        "holders": holders,
        "changed": set(zip(starts["territory_id"], starts["start"].dt.year)),
        "mapped": {
            f["properties"]["territory_id"] for f in geo.layers()["features"] if "territory_id" in f["properties"]
        },
    }


def signed_year(treaty) -> int:
    return int(treaty["signed_on"][:4])


def doubtful(event) -> bool:
    return event["needs_second_source"] or event["not_shown"] or event["date_disputed"]


def check(q: quiz.Question, t: dict, pool: quiz.Pool) -> None:
    """The question's one right answer, worked out again from the tables, not from the generator's pool."""
    assert q.answer in q.options and len(set(q.options)) == len(q.options) >= 2, q
    lo, hi = pool.eras[q.era_id]
    if q.kind == "order":
        rows = {e: t["events"][e] for e in q.subject}
        assert not any(doubtful(r) for r in rows.values())
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and r["era_id"] == q.era_id for r in rows.values())
        assert len({r["date"] for r in rows.values()}) == 4
        assert not any(re.search(r"\d{4}", r["title"]) for r in rows.values())  # no title gives a year away
        truth = "".join(quiz.LETTERS[list(q.subject).index(e)] for e in sorted(rows, key=lambda e: rows[e]["date"]))
        assert [o for o in q.options if o == truth] == [q.answer]
        assert all(sorted(o) == list(quiz.LETTERS) for o in q.options)
    elif q.kind == "treaty_year":
        treaty = t["treaties"][q.subject[0]]
        assert q.answer == str(signed_year(treaty)) and lo <= signed_year(treaty) <= hi
        assert not re.search(r"\d{4}", treaty["name"])  # "... of 1956" would answer the question
        linked = [e for e in t["events"].values() if e["treaty_id"] == q.subject[0]]
        assert not any(doubtful(e) for e in linked)
    elif q.kind == "treaty_in_year":
        year = q.subject[0]
        assert [o for o in q.options if t["treaties"][o]["signed_on"][:4] == year] == [q.answer]
        assert not re.search(r"\d{4}", t["treaties"][q.answer]["name"])
        # No other agreement of that year, shown or not.
        assert [i for i, r in t["treaties"].items() if r["signed_on"][:4] == year] == [q.answer]
    elif q.kind == "holder":
        territory, year = q.subject[0], int(q.subject[1])
        assert t["holders"](year)[territory]["holder"] == q.answer
        assert (territory, year) not in t["changed"] and lo <= year <= hi
        assert territory in t["mapped"]  # the question is read off the map, so the map must draw it
    elif q.kind == "trade_largest":
        totals = {o: float(t["trade"][int(o)]["total"]) for o in q.options}
        assert max(totals, key=totals.get) == q.answer
        ordered = sorted(totals.values())
        assert all(b >= a * quiz.READABLE for a, b in zip(ordered, ordered[1:]))
        assert all(lo <= int(o) <= hi for o in q.options)
    elif q.kind == "trade_balance":
        row = t["trade"][int(q.subject[0])]
        assert q.answer == ("yes" if row["exports"] > row["imports"] else "no")
        assert max(row["exports"], row["imports"]) >= min(row["exports"], row["imports"]) * quiz.READABLE
    else:
        group, year = q.subject[0], int(q.subject[1])
        people = {o: t["people"][o] for o in q.options}
        assert all(r["group"] == group and not r["needs_second_source"] for r in people.values())
        right = people.pop(q.answer)
        assert int(right["start"][:4]) < year < int(right["end"][:4]) and not right["start_other"] + right["end_other"]
        for other, row in people.items():  # held the post wholly before or after that year
            assert row["start"] and row["end"], other
            assert int(row["end"][:4]) < year or int(row["start"][:4]) > year, other


def test_five_hundred_seeds_give_questions_the_tables_answer_exactly_once(pool, tables):
    eras = [None, *pool.eras]
    kinds = set()
    for seed in SEEDS:
        chooser = random.Random(seed)
        n, era = chooser.randint(*quiz.N_RANGE), chooser.choice(eras)
        questions = quiz.make(seed, n, era, pool)
        assert questions == quiz.make(seed, n, era, pool)  # the same seed, the same questions
        assert 1 <= len(questions) <= n and len({(q.kind, q.subject) for q in questions}) == len(questions)
        if era is None:
            assert len(questions) == n
        for q in questions:
            assert era in (None, q.era_id)
            check(q, tables, pool)
            kinds.add(q.kind)
    assert kinds == set(quiz.KINDS)


def test_different_seeds_give_different_questions(pool):
    sets = {quiz.make(seed, 8, None, pool) for seed in range(1, 41)}
    assert len(sets) == 40


def test_the_same_link_asks_the_same_questions_in_every_language():
    worded = {lang: views.quiz_worded(777, 8, None, "ja", lang) for lang in LANGUAGES}
    questions = views.quiz_questions(777, 8, None)
    for lang, words in worded.items():
        assert len(words) == len(questions)
        for q, w in zip(questions, words):
            # The right answer sits at the same place among the options in every language.
            assert w.options.index(w.answer) == q.options.index(q.answer), (lang, q)
    assert worded["ja"][0].prompt != worded["en"][0].prompt != worded["ru"][0].prompt


def test_every_question_links_its_source_and_a_page_that_shows_it(pool):
    sources = data.sources().set_index("source_id")
    for seed in range(1, 31):
        for q, w in zip(views.quiz_questions(seed, 8, None), views.quiz_worded(seed, 8, None, "ja", "en")):
            assert w.source_url == sources.loc[q.source_ids[0], "url"] and w.source_url.startswith("http")
            assert w.page in ("timeline", "treaties", "territories", "trade", "people")
            if q.kind == "order":
                assert w.page_query["event"] in q.subject
            if q.kind == "holder":
                assert w.page_query == {"year": q.subject[1]}


def test_a_sentence_ending_in_a_russian_date_has_one_full_stop():
    for seed in range(1, 60):
        for w in views.quiz_worded(seed, 8, None, "ru", "ru"):
            assert not w.explanation.endswith(".."), w.explanation


# --------------------------------------------------------------------------- the page (AppTest)


def plain(markdown: str) -> str:
    """Text as the reader sees it: without the backslashes md_escape puts before markdown characters."""
    return markdown.replace("\\", "")


def quiz_radios(at):
    """The questions still open (a checked question shows its answer instead of a form)."""
    return [r for r in at.radio if r.key and r.key.startswith("answer-")]


def check_button(at, number: int):
    return next(
        b for b in at.get("button") if b.key and b.key.startswith(f"FormSubmitter:form-{current(at)}-{number}-")
    )


def answer(at, number: int, right: bool):
    q = views.quiz_questions(*current(at))[number]
    wanted = q.options.index(q.answer) if right else next(i for i, o in enumerate(q.options) if o != q.answer)
    at.radio(key=f"answer-{current(at)}-{number}").set_value(wanted)
    check_button(at, number).click()
    at.run()


def current(at) -> tuple:
    params = dict(at.query_params)
    first = lambda v: v[0] if isinstance(v, list) else v  # noqa: E731
    return int(first(params["quiz"])), int(first(params.get("n", [quiz.N_DEFAULT]))), first(params.get("era")) or None


def test_answering_right_and_wrong_gives_feedback_then_a_score_and_a_review():
    at = open_page("selfcheck", {"quiz": "2024", "n": "5", "lang": "en"})
    assert not at.exception
    assert len(quiz_radios(at)) == 5
    answer(at, 0, right=True)
    assert plain(at.success[0].value).startswith("Right.")
    answer(at, 1, right=False)
    words = views.quiz_worded(2024, 5, None, "ja", "en")[1]
    assert any(f"The answer is: {words.answer}" in plain(e.value) for e in at.error)
    assert len(quiz_radios(at)) == 3  # a checked question shows the answer given, which stands
    given = next(label for label in words.options if label != words.answer)  # what answer() chose
    assert f"Your answer: {given}" in [plain(m.value) for m in at.markdown]
    assert not any("You answered" in m.value for m in at.markdown)
    for number in (2, 3, 4):
        answer(at, number, right=True)
    score = next(m.value for m in at.markdown if "You answered" in m.value)
    assert "You answered 4 of 5 questions correctly." in score
    review = at.expander[-1]
    assert review.label == "Review your mistakes"
    assert any(words.explanation.replace(".", "") in plain(m.value).replace(".", "") for m in review.markdown)
    at.button(key="again").click().run()
    assert not any("You answered" in m.value for m in at.markdown) and len(quiz_radios(at)) == 5


def test_check_without_an_answer_asks_for_one():
    at = open_page("selfcheck", {"quiz": "5", "lang": "en"})
    check_button(at, 0).click()
    at.run()
    assert any("Choose an answer first" in w.value for w in at.warning)
    assert not at.success and not at.error


def test_n_and_era_choose_how_many_and_which_questions():
    at = open_page("selfcheck", {"quiz": "99", "n": "12", "era": "1930-1945", "lang": "en"})
    assert len(quiz_radios(at)) == 12
    assert {q.era_id for q in views.quiz_questions(99, 12, "1930-1945")} == {"1930-1945"}
    assert at.selectbox(key="era").value == "1930-1945" and at.slider(key="n").value == 12


def test_new_questions_changes_the_link_and_the_questions():
    at = open_page("selfcheck", {"quiz": "42", "lang": "en"})
    before = [s.value for s in at.markdown if s.value.startswith(("In which", "Who", "Put", "Look", "Which"))]
    at.button(key="new_questions").click().run()
    seed = current(at)[0]
    assert seed != 42
    after = [s.value for s in at.markdown if s.value.startswith(("In which", "Who", "Put", "Look", "Which"))]
    assert after != before


def test_without_a_seed_the_page_draws_one_and_puts_it_in_the_link():
    at = open_page("selfcheck", {"lang": "en"})
    seed = current(at)[0]
    assert 1 <= seed <= quiz.SEED_MAX and not at.info


@pytest.mark.parametrize(
    "params, expect",
    [
        ({"quiz": "-5"}, "set of questions"),
        ({"quiz": "12abc"}, "set of questions"),
        ({"n": "50"}, "number of questions in the link was changed to fit between 5 and 20"),
        ({"n": "two"}, "number of questions"),
        ({"era": "1812"}, "era in the link is not in the data"),
        ({"era": "<script>"}, "era"),
    ],
)
def test_hostile_parameters_fall_back_with_a_notice(params, expect):
    at = open_page("selfcheck", {"lang": "en", **params})
    assert not at.exception and not at.error
    assert any(expect in i.value for i in at.info), [i.value for i in at.info]
    seed, n, era = current(at)
    assert quiz.N_RANGE[0] <= n <= quiz.N_RANGE[1] and era in (None, *views.quiz_pool().eras)
    assert len(quiz_radios(at)) == len(views.quiz_questions(seed, n, era))


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_the_page_in_japanese_and_russian(lang):
    at = open_page("selfcheck", {"quiz": "2024", "n": "5", "lang": lang})
    assert not at.exception
    words = views.quiz_worded(2024, 5, None, "ja" if lang == "ja" else "ru", lang)
    shown = "\n".join(m.value for m in at.markdown)
    assert words[0].prompt.split("?")[0][:12] in plain(shown)
    answer(at, 0, right=False)
    assert any(words[0].answer in plain(e.value) for e in at.error)


def test_the_lessons_steps_link_to_the_self_check_on_their_era():
    at = open_page("lesson", {"step": "7", "lang": "en"})
    links = [(p.proto.label, p.proto.page) for p in at.get("page_link")]
    era = data.lesson().set_index("step").loc[7, "era_id"]
    assert any("Questions on this era" in label and "selfcheck" in page for label, page in links), links
    assert any("whole lesson" in label for label, _ in links)
    assert era in views.quiz_pool().eras
