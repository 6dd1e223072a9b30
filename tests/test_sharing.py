"""Classroom features through AppTest: present mode, the lesson, views restored from the URL, uploads."""

import pytest
from streamlit.testing.v1 import AppTest

from apptest_helpers import PAGES, ROOT, open_page, summary_text
from relations import uploads
from relations.validation import read_table


def count_in_summary(at: AppTest) -> int:
    return int(summary_text(at).split()[0])


@pytest.mark.parametrize("page", PAGES)
def test_present_mode_renders_every_page_with_large_text(page):
    at = open_page(page, {"present": "1"})
    assert not at.exception
    assert at.toggle(key="present").value is True
    css = "".join(m.value for m in at.markdown if "<style>" in m.value)
    assert "font-size: 22px" in css


@pytest.mark.parametrize("step", range(1, 8))
def test_each_lesson_step_shows_its_period(step):
    lesson = read_table("lesson").set_index("step")
    at = open_page("lesson", {"step": str(step)})
    assert not at.exception
    assert at.title[0].value == f"Lesson, step {step} of 7: {lesson.loc[step, 'title']}"
    assert lesson.loc[step, "narrative"][:40].replace(".", "\\.") in at.markdown[1].value.replace(
        "\\-", "-"
    ) or lesson.loc[step, "narrative"][:20] in at.markdown[1].value.replace("\\", "")


def test_lesson_next_button_moves_one_step_and_updates_the_url():
    at = open_page("lesson", {"step": "4"})
    at.button(key="next").click().run()
    assert at.title[0].value.startswith("Lesson, step 5 of 7")
    assert at.query_params["step"] in ("5", ["5"])
    at.button(key="previous").click().run()
    assert at.title[0].value.startswith("Lesson, step 4 of 7")


URL_STATE = [
    (
        "timeline",
        "cats",
        "intelligence,economy",
        lambda at: at.multiselect(key="cats").value,
        ["intelligence", "economy"],
    ),
    ("timeline", "unverified", "1", lambda at: at.toggle(key="unverified").value, True),
    ("timeline", "years", "1930-1945", lambda at: at.slider(key="years").value, (1930, 1945)),
    ("trade", "basis", "cow-usd", lambda at: at.radio(key="basis").value, "cow-usd"),
    ("trade", "flows", "total,balance", lambda at: at.multiselect(key="flows").value, ["total", "balance"]),
    ("trade", "dollars", "constant", lambda at: at.radio(key="dollars").value, "constant"),
    ("trade", "log", "1", lambda at: at.toggle(key="log").value, True),
    ("treaties", "scope", "multilateral", lambda at: at.multiselect(key="scope").value, ["multilateral"]),
    ("treaties", "treaty", "neutrality-pact-1941", lambda at: at.selectbox(key="treaty").value, "neutrality-pact-1941"),
    ("territories", "year", "1905", lambda at: at.slider(key="year").value, 1905),
    ("territories", "names", "ru", lambda at: at.radio(key="names").value, "ru"),
    ("conflicts", "opposite", "0", lambda at: at.toggle(key="opposite").value, False),
    ("people", "group", "soviet_leader", lambda at: at.radio(key="group").value, "soviet_leader"),
    ("sources", "table", "trade", lambda at: at.selectbox(key="table").value, "trade"),
    ("timeline", "present", "1", lambda at: at.toggle(key="present").value, True),
]


@pytest.mark.parametrize("page, name, raw, read, expected", URL_STATE, ids=[f"{p}-{n}" for p, n, *_ in URL_STATE])
def test_every_bound_widget_restores_its_value_from_the_url(page, name, raw, read, expected):
    if name == "treaty":
        assert raw in set(read_table("treaties")["treaty_id"])
    at = open_page(page, {name: raw})
    assert not at.exception
    assert read(at) == expected


def test_selected_event_is_restored_from_the_url():
    event_id = read_table("events").query("category == 'treaty'")["event_id"].iloc[5]
    at = open_page("timeline", {"event": event_id, "years": "1855-1999"})
    assert at.selectbox(key="event").value == event_id
    assert at.subheader and event_id[:4] in at.subheader[0].value
    cited = read_table("events").set_index("event_id").loc[event_id, "source_ids"].split(";")
    shown = at.dataframe[0].value  # the sources of the chosen event, with their links
    assert list(shown.columns) == ["citation", "url", "licence"] and len(shown) == len(cited)


def test_chosen_treaty_shows_its_dates_and_sources():
    at = open_page("treaties", {"treaty": "neutrality-pact-1941"})
    assert any("signed 13 April 1941 at Moscow. Parties: USSR, Empire of Japan." in m.value for m in at.markdown)
    cited = read_table("treaties").set_index("treaty_id").loc["neutrality-pact-1941", "source_ids"].split(";")
    shown = next(d.value for d in at.dataframe if list(d.value.columns) == ["citation", "url", "licence"])
    assert len(shown) == len(cited) and shown["url"].str.startswith("http").all()


HOSTILE = ["<script>alert(1)</script>", "1e309", "NaN", "../../etc/passwd", "\u202eevil", "x" * 5000, "-5", "🗾"]


@pytest.mark.parametrize(
    "name, page",
    [
        ("years", "timeline"),
        ("cats", "timeline"),
        ("basis", "trade"),
        ("year", "territories"),
        ("step", "lesson"),
        ("treaty", "treaties"),
        ("group", "people"),
        ("table", "sources"),
        ("event", "timeline"),
    ],
)
def test_hostile_parameter_values_fall_back_with_a_notice(name, page):
    for raw in HOSTILE[:4]:
        at = open_page(page, {name: raw})
        assert not at.exception, (name, raw)
        assert at.info, f"no notice for {name}={raw!r}"


def test_the_upload_template_is_accepted_as_it_is():
    """The template (made only when its button is clicked) reads back as one valid treaty row."""
    from relations.ui import my_events
    from relations.validation import read_table

    events = read_table("events")
    first_treaty = events[events["category"] == "treaty"].iloc[0]
    result = uploads.read_upload(my_events.template().encode("utf-8"))
    assert not result.problems and len(result.events) == 1
    row = result.events.iloc[0]
    assert row["title"] == "Example: " + first_treaty["title"] and row["date"] == first_treaty["date"]
    at = open_page("timeline")
    assert at.get("download_button")  # the template button is drawn without building the file


def test_valid_upload_adds_its_events_to_the_timeline():
    at = open_page("timeline", {"cats": "diplomacy"})
    before = count_in_summary(at)
    result = uploads.read_upload(
        b"date,end_date,title,category,description,source\n"
        b"1930-05-01,,Class visit to the archive,diplomacy,Our note,School library\n"
        b"1931,,Second event,diplomacy,,Textbook p. 12\n"
    )
    at.session_state["uploaded_events"] = result.events
    at.run()
    after = count_in_summary(at)
    assert after == before + 2


def test_upload_lists_bad_rows_with_their_reason():
    result = uploads.read_upload(
        b"date,title,category,source\n1930-13-01,Bad month,diplomacy,x\n"
        b"1931,No category,,x\n1932,Fine,economy,Book\n1933,No source,economy,\n"
    )
    assert len(result.events) == 1 and result.events["title"].iloc[0] == "Fine"
    assert [line for line, _ in result.problems] == [2, 3, 5]
    assert "not YYYY" in str(result.problems[0][1]) and "category" in str(result.problems[1][1])
    assert "source is empty" in str(result.problems[2][1])


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"date,title,category,source\n" + b"1930,x,diplomacy,y\n" * 20000, "limit"),
        ("date,title,category,source\n1930,caf\xe9,diplomacy,y\n".encode("latin-1"), "UTF-8"),
        (b"when,what\n1930,x\n", "header needs"),
    ],
)
def test_binary_oversized_or_foreign_files_are_refused_politely(data, message):
    with pytest.raises(uploads.UploadRefused, match=message):
        uploads.read_upload(data)


DEFAULT_AFTER_HOSTILE = [
    ("timeline", "years", lambda at: at.slider(key="years").value, (1917, 1991)),
    ("trade", "basis", lambda at: at.radio(key="basis").value, "japan-usd"),
    ("treaties", "scope", lambda at: at.multiselect(key="scope").value, ["bilateral", "multilateral"]),
    ("territories", "year", lambda at: at.slider(key="year").value, 1940),
    ("conflicts", "opposite", lambda at: at.toggle(key="opposite").value, True),
    ("people", "group", lambda at: at.radio(key="group").value, "ambassador_ussr_to_japan"),
    ("sources", "table", lambda at: at.selectbox(key="table").value, "events"),
    ("lesson", "step", lambda at: at.title[0].value.split(":")[0], "Lesson, step 1 of 7"),
    ("overview", "present", lambda at: at.toggle(key="present").value, False),
]


@pytest.mark.parametrize("page, name, read, default", DEFAULT_AFTER_HOSTILE, ids=[p for p, *_ in DEFAULT_AFTER_HOSTILE])
def test_every_page_shows_the_default_and_a_notice_for_a_hostile_value(page, name, read, default):
    params = {name: "<script>alert(1)</script>", "unknown_key": "x", "years2": "1e309"}
    if page == "overview":  # the default page: its first run is the one that reads the link
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
    else:
        at = open_page(page, params)
    assert not at.exception
    assert read(at) == default
    assert len(at.info) == 1 and len(at.info[0].value) < 120
