"""AppTest: every page renders through the navigation, and each filter changes what the page shows."""

import pytest

from apptest_helpers import PAGES, open_page, summary_text
from relations.pages import PAGES as PAGE_LIST
from relations.validation import read_table


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value


def test_overview_links_open_the_pages_they_name():
    at = open_page("overview")
    assert not at.exception  # st.page_link raises for a page that st.navigation did not register
    links = [link.proto for link in at.get("page_link")]
    icons = {page.name: page.icon for page in PAGE_LIST}
    assert [link.page for link in links] == ["lesson", "timeline", "trade", "territories", "sources"]
    assert all(link.icon == icons[link.page] for link in links)
    assert all(link.label.startswith(link.page.capitalize()) for link in links)
    for link in links:
        target = open_page(link.page)
        assert not target.exception and target.title[0].value


@pytest.mark.parametrize(
    "page, key, element, check",
    [
        ("overview", "eras_table", "table", lambda at: at.table[0].value.shape == (8, 3)),
        ("trade", "statements", "dataframe", lambda at: at.dataframe[-1].value.shape[0] == 5),
        ("timeline", "my_events", "file_uploader", lambda at: len(at.get("file_uploader")) == 1),
    ],
)
def test_expanders_send_their_content_only_when_opened(page, key, element, check):
    at = open_page(page)
    closed = len(at.get(element))
    assert [e for e in at.expander if e.proto.label]  # the expander itself is always there
    at.session_state[key] = True  # what a click on the expander does
    at.run()
    assert not at.exception
    assert len(at.get(element)) == closed + 1 and check(at)


def test_timeline_category_filter_changes_the_event_count():
    at = open_page("timeline")
    before = summary_text(at)
    at.multiselect(key="cats").set_value(["intelligence"]).run()
    after = summary_text(at)
    events = read_table("events")
    expected = events[
        (events.category == "intelligence")
        & ~events.needs_second_source
        & ~events.not_shown
        & events.date.str[:4].between("1917", "1991")
    ]
    assert before != after
    assert after.startswith(f"{len(expected)} events between 1917 and 1991")


def test_timeline_year_range_and_single_source_toggle():
    at = open_page("timeline")
    at.slider(key="years").set_value((1930, 1945)).run()
    assert "between 1930 and 1945" in summary_text(at)
    n_strict = int(summary_text(at).split()[0])
    at.toggle(key="unverified").set_value(True).run()
    assert int(summary_text(at).split()[0]) > n_strict


def test_year_range_follows_the_user_to_another_page():
    at = open_page("timeline")
    at.slider(key="years").set_value((1936, 1941)).run()
    at.switch_page("app_pages/conflicts.py").run()
    assert at.slider(key="years").value == (1936, 1941)
    assert at.query_params["years"] in ("1936-1941", ["1936-1941"])


def test_year_range_is_read_from_the_url_and_bad_values_fall_back_politely():
    assert open_page("timeline", {"years": "1925-1930"}).slider(key="years").value == (1925, 1930)
    at = open_page("timeline", {"years": "<script>"})
    assert at.slider(key="years").value == (1917, 1991)
    assert any("could not be used" in i.value for i in at.info)


def test_trade_basis_changes_the_unit_and_years():
    at = open_page("trade")
    assert "million current US$" in summary_text(at)
    at.radio(key="basis").set_value("japan-yen").run()
    text = summary_text(at)
    assert "million yen" in text and "from 1917 to 1938" in text


def test_trade_constant_dollars_change_the_peak_value():
    at = open_page("trade")
    current = summary_text(at)
    at.radio(key="dollars").set_value("constant").run()
    constant = summary_text(at)
    assert "1990 US$" in constant and current != constant


def test_trade_flows_and_log_scale_widgets_exist_and_apply():
    at = open_page("trade")
    at.multiselect(key="flows").set_value(["total"]).run()
    at.toggle(key="log").set_value(True).run()
    assert not at.exception


def test_conflicts_opposite_sides_toggle_changes_count():
    at = open_page("conflicts", {"years": "1855-1993"})
    strict = int(summary_text(at).split()[0])
    at.toggle(key="opposite").set_value(False).run()
    assert int(summary_text(at).split()[0]) > strict


def test_people_group_filter():
    at = open_page("people")
    at.radio(key="group").set_value("ambassador_japan_to_ussr").run()
    people = read_table("people")
    envoys = people.group == "ambassador_japan_to_ussr"
    n = int((envoys & ~people.needs_second_source).sum())
    assert summary_text(at).startswith(f"Japanese envoys in Moscow: {n} in the table;")  # names keep capitals
    at.toggle(key="unverified").set_value(True).run()  # with the rows that rest on a mirror alone
    assert summary_text(at).startswith(f"Japanese envoys in Moscow: {int(envoys.sum())} in the table;")


def test_sources_page_table_choice_changes_the_dictionary():
    at = open_page("sources")
    at.selectbox(key="table").set_value("trade").run()
    assert any("Japan–Russia/USSR trade" in m.value for m in at.markdown)


def test_timeline_table_is_shown_on_request():
    at = open_page("timeline")
    assert not at.dataframe or all(len(d.value) != 276 for d in at.dataframe)
    at.toggle(key="rows").set_value(True).run()
    assert any(len(d.value) == int(summary_text(at).split()[0]) for d in at.dataframe)


@pytest.mark.parametrize(
    ("page", "key", "placeholder"),
    [("timeline", "event", "Choose an event…"), ("treaties", "treaty", "Choose an agreement…")],
)
def test_details_choice_says_what_to_choose_while_nothing_is_chosen(page, key, placeholder):
    at = open_page(page)
    box = at.selectbox(key=key)
    # With nothing chosen Streamlit shows the placeholder, not the None option's label ("Choose an option" before).
    assert box.value is None and box.placeholder == placeholder
