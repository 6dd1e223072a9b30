"""Every bound widget survives a shared link: set it through the widget, open a fresh app with the address it
produced, and find the same value. Falsy values (a toggle turned off, every box cleared) and the ends of the
sliders are included, because those are the values a careless write to the address loses."""

import pytest

from apptest_helpers import open_page
from relations import schema
from relations.filters import FULL_RANGE
from relations.params import PARAMS
from relations.validation import read_table


def some_event() -> str:
    events = read_table("events")
    shown = events[
        (events["category"] == "treaty")
        & ~events["needs_second_source"]
        & events["date"].str[:4].between("1917", "1991")
    ]  # on the timeline's default years
    return shown["event_id"].iloc[3]


ROUND_TRIPS = [
    ("timeline", "years", "slider", FULL_RANGE),  # both ends of the slider
    ("timeline", "years", "slider", (1930, 1945)),
    ("timeline", "cats", "multiselect", ["intelligence"]),
    ("timeline", "cats", "multiselect", []),  # every box cleared
    ("timeline", "unverified", "toggle", True),
    ("timeline", "rows", "toggle", True),
    ("timeline", "event", "selectbox", "some_event"),
    ("trade", "basis", "radio", "cow-usd"),
    ("trade", "flows", "multiselect", ["total"]),
    ("trade", "flows", "multiselect", []),
    ("trade", "dollars", "radio", "constant"),
    ("trade", "log", "toggle", True),
    ("treaties", "scope", "multiselect", ["multilateral"]),
    ("treaties", "scope", "multiselect", []),
    ("treaties", "treaty", "selectbox", "neutrality-pact-1941"),
    ("territories", "year", "slider", FULL_RANGE[1]),  # the slider's last year
    ("territories", "year", "slider", FULL_RANGE[0]),
    ("territories", "names", "radio", "ru"),
    ("conflicts", "opposite", "toggle", False),  # on by default: off is the falsy value
    ("people", "group", "radio", schema.PEOPLE_GROUPS[-1]),
    ("sources", "table", "selectbox", schema.tables()[-1]),
    ("overview", "present", "toggle", True),
]


def address(at) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}


@pytest.mark.parametrize("page, name, kind, value", ROUND_TRIPS, ids=[f"{p}-{n}-{v}" for p, n, _, v in ROUND_TRIPS])
def test_a_value_set_through_the_widget_comes_back_from_the_link(page, name, kind, value):
    value = some_event() if value == "some_event" else value
    assert value != PARAMS[name].default  # the default is never written, so it would prove nothing
    at = open_page(page)
    getattr(at, kind)(key=name).set_value(value).run()
    assert not at.exception
    assert getattr(at, kind)(key=name).value == value
    link = address(at)
    assert name in link, link

    fresh = open_page(page, link)
    assert not fresh.exception and not fresh.info  # no notice: the link was valid
    assert getattr(fresh, kind)(key=name).value == value


def test_the_last_lesson_step_comes_back_from_the_link():
    at = open_page("lesson")
    for _ in range(schema.LESSON_STEPS - 1):
        at.button(key="next").click().run()
    last = f"Lesson, step {schema.LESSON_STEPS} of {schema.LESSON_STEPS}:"
    assert at.title[0].value.startswith(last)
    assert open_page("lesson", address(at)).title[0].value.startswith(last)


def test_the_lesson_length_is_the_lesson_table():
    assert sorted(read_table("lesson")["step"]) == list(range(1, schema.LESSON_STEPS + 1))


@pytest.mark.parametrize(
    "page, params, read, expected",
    [
        ("territories", {"year": "2500"}, lambda at: at.slider(key="year").value, FULL_RANGE[1]),
        ("territories", {"year": "1000"}, lambda at: at.slider(key="year").value, FULL_RANGE[0]),
        (
            "lesson",
            {"step": "99"},
            lambda at: at.title[0].value.split(":")[0],
            f"Lesson, step {schema.LESSON_STEPS} of {schema.LESSON_STEPS}",
        ),
        (
            "lesson",
            {"step": "0"},
            lambda at: at.title[0].value.split(":")[0],
            f"Lesson, step 1 of {schema.LESSON_STEPS}",
        ),
        ("timeline", {"years": "1800-2500"}, lambda at: at.slider(key="years").value, FULL_RANGE),
    ],
)
def test_out_of_range_values_are_clamped_to_the_very_ends_with_a_notice(page, params, read, expected):
    at = open_page(page, params)
    assert not at.exception
    assert read(at) == expected
    # Years are "limited to 1855–1999"; a count (the lesson's step) is "changed to fit between 1 and 7".
    assert len(at.info) == 1 and ("limited to" in at.info[0].value or "changed to fit between" in at.info[0].value)
