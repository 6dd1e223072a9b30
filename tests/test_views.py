"""Views share the loaded tables with every session: no view may change them. And what the Trade page draws
follows its widgets: each flow's name, colour and dash, one trace for the total, a log axis on request."""

import itertools
import json

import pandas as pd
import pytest

from apptest_helpers import open_page
from relations import charts, data, filters, memo, schema, uploads, views
from relations.i18n import LANGUAGES
from relations.theme import DEFAULT_LOOK, Look


def test_no_view_changes_a_shared_table():
    memo.clear_all()  # every view below is built afresh from the shared tables
    before = {name: data.load(name).copy(deep=True) for name in schema.tables()}
    looks = [Look(), Look(present=True, dark=True)]
    look = looks[0]
    for lang in LANGUAGES:
        for cats, unverified in itertools.product([schema.CATEGORIES, ("treaty",), ()], [False, True]):
            views.timeline(cats, (1917, 1991), unverified, look, lang)
        for basis, dollars, log_scale in itertools.product(
            filters.TRADE_CHOICES, ["current", "constant"], [False, True]
        ):
            views.trade(basis, filters.TRADE_MEASURES, dollars, log_scale, (1855, 1999), look, lang)
            views.series_captions(filters.SERIES_FOR_CHOICE[basis], lang)
        for scopes in [schema.TREATY_SCOPES, ("bilateral",), ()]:
            views.treaties(scopes, (1855, 1999), look, lang)
        for year, names in itertools.product([1855, 1905, 1946, 1999], ["ja", "ru"]):
            views.territories(year, names, look, lang)
        for opposite in (True, False):
            views.conflicts((1855, 1999), opposite, look, lang)
        for step, names in itertools.product(range(1, schema.LESSON_STEPS + 1), ["ja", "ru"]):
            views.lesson_text(step, lang)
            views.lesson_step(step, names, look, lang)
        views.eras_strip(look, lang)
        views.headline(look, lang)
        for group, unverified in itertools.product(schema.PEOPLE_GROUPS, [False, True]):
            views.people(group, unverified, lang)
        for name in schema.tables():
            views.data_dictionary(name, lang)
    views.timeline(schema.CATEGORIES, (1917, 1991), False, looks[1], "ja")  # projector and dark theme
    views.territories(1946, "ja", looks[1], "ru")
    for name in schema.tables():
        views.table(name)
    mine = uploads.read_upload(b"date,title,category,source\n1930,Ours,diplomacy,Book\n").events
    views.timeline_with_uploads(mine, list(schema.CATEGORIES), (1917, 1991), False, look, "en")
    for name, frame in before.items():
        pd.testing.assert_frame_equal(data.load(name), frame, obj=name)


@pytest.fixture(scope="module")
def trade_wide():
    return filters.trade_wide(data.trade(), ("cow_usd",), (1950, 1991))


# The colour and dash of each measure, written out here on purpose: a test that read them from the theme would
# not notice the theme swapping exports and imports.
EXPECTED = {
    "Exports": ("#D55E00", "solid"),
    "Imports": ("#0072B2", "dash"),
    "Total": ("#000000", "dot"),
    "Balance": ("#009E73", "dashdot"),
}


def test_each_flow_has_its_own_name_colour_and_dash(trade_wide):
    fig = charts.trade_figure(trade_wide, "million current US$", list(filters.TRADE_MEASURES), trade_wide.iloc[0:0])
    drawn = {trace.name: (trace.line.color, trace.line.dash) for trace in fig.data}
    assert drawn == EXPECTED
    exports = next(trace for trace in fig.data if trace.name == "Exports")
    assert dict(zip(exports.x, exports.y))[1988] == 3444  # COW's 1988 exports (USSR side), million US$


def test_total_alone_is_one_trace_and_log_scale_sets_a_log_axis(trade_wide):
    fig = charts.trade_figure(trade_wide, "million current US$", ["total"], trade_wide.iloc[0:0], log_scale=True)
    assert [trace.name for trace in fig.data] == ["Total"]
    assert fig.layout.yaxis.type == "log"
    assert charts.trade_figure(trade_wide, "", ["total"], trade_wide.iloc[0:0]).layout.yaxis.type == "linear"


def drawn_trade(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_the_trade_page_draws_the_flows_and_scale_its_widgets_ask_for():
    at = open_page("trade")
    assert [t["name"] for t in drawn_trade(at)["data"]] == ["Exports", "Imports", "Key events"]
    at.multiselect(key="flows").set_value(["total", "balance"]).run()
    assert [t["name"] for t in drawn_trade(at)["data"]] == ["Total", "Balance", "Key events"]
    assert drawn_trade(at)["layout"]["yaxis"]["type"] == "linear"
    at.toggle(key="log").set_value(True).run()
    assert drawn_trade(at)["layout"]["yaxis"]["type"] == "log"


def test_trade_markers_are_events_that_start_in_the_chosen_years():
    """Portsmouth (1905) is in force until 1945, but it is not a key event of 1917-1991's trade."""
    at = open_page("trade", {"years": "1917-1991"})
    markers = next(t for t in drawn_trade(at)["data"] if t["name"] == "Key events")
    years = sorted(markers["x"])  # fractional years
    assert years[0] >= 1917 and years[-1] < 1992, years
    assert not any("Portsmouth" in text for text in markers["text"])
    assert any("Neutrality Pact" in text for text in markers["text"])


def _top_level_tables(spec: dict) -> list[str]:
    """The names of a Vega-Lite spec's top-level datasets that hold rows (GeoJSON features are left to Vega)."""
    return [
        name
        for name, rows in spec.get("datasets", {}).items()
        if not (rows and isinstance(rows[0], dict) and rows[0].get("type") == "Feature")
    ]


def test_the_vega_lite_charts_the_pages_draw_keep_their_rows_inline():
    # Streamlit turns every top-level dataset into Arrow through pandas on each run of each session; rows inline
    # in a layer ride in the spec's JSON (relations.charts._altair; bench/run.py, TRICKS "inline chart data").
    look, drawn = Look(), {}
    drawn["timeline"] = views.timeline(schema.CATEGORIES, (1917, 1991), False, look, "ja").figure
    drawn["map"] = views.territory_map(1946, "ja", look, "ru")
    drawn["territories"] = views.territories(1905, "ru", look, "en").figure
    for step in range(1, schema.LESSON_STEPS + 1):
        view, kind = views.lesson_step(step, "ja", look, "en")
        if kind == "altair":
            drawn[f"lesson step {step}"] = view.figure
    assert len(drawn) >= 4
    for name, spec in drawn.items():
        assert _top_level_tables(spec) == [], name
        inline = [layer["data"]["values"] for layer in spec["layer"] if "values" in layer.get("data", {})]
        assert inline and all(isinstance(rows, list) for rows in inline), name
    # and the rows are the real ones: the timeline's last layer draws every shown event of those years
    shown = filters.filter_events(filters.with_bounds(views.events("ja")), list(schema.CATEGORIES), (1917, 1991))
    assert len(drawn["timeline"]["layer"][-1]["data"]["values"]) == len(shown)


def test_the_territories_sentence_names_the_drawn_territories_and_only_occupied_cities():
    """The sentence says what the map colours. Cities with changes of hands but no area on the map appear only
    while occupied (Vladivostok 1918-1922, Chita 1918-1920), never as if the USSR's hold on Vladivostok were in
    dispute. Japanese sets its sentences side by side, with no space after the full stop."""
    en = {year: views.territories(year, "en", DEFAULT_LOOK, "en").sentence for year in (1919, 1921, 1923, 1950)}
    assert en[1919].endswith("Cities under occupation: Japan held Chita, Nikolayevsk-on-Amur and Vladivostok.")
    assert en[1921].endswith("Cities under occupation: Japan held Nikolayevsk-on-Amur and Vladivostok.")
    for year in (1923, 1950):
        assert not any(city in en[year] for city in ("Vladivostok", "Chita", "Nikolayevsk", "Cities")), en[year]
    assert en[1950].startswith(
        "At the end of 1950: USSR held Etorofu (Iturup), Habomai Islands, Kunashiri (Kunashir), Northern Sakhalin, "
        "Northern and central Kuril Islands (Urup to Shumshu), Shikotan and Southern Sakhalin (Karafuto)."
    )
    ru = views.territories(1919, "en", DEFAULT_LOOK, "ru").sentence
    assert "Северный Сахалин. Города под оккупацией — Япония: Владивосток, Николаевск-на-Амуре и Чита." in ru
    ja = views.territories(1919, "en", DEFAULT_LOOK, "ja").sentence
    assert ja.endswith("を保有。占領下の都市：日本がウラジオストク、チタ、尼港を保有。"), ja
