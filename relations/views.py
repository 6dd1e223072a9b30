"""What each page shows for a given set of choices, built once per process and shared by every session.

When a class opens the same link, forty sessions ask for the same chart. Each function here is a pure
builder (relations.charts, relations.filters) wrapped in relations.memo.shared and keyed by the choices (and the
data folder) only, so the first student pays for building the figure and the other thirty-nine reuse it. Altair
charts are returned as their finished Vega-Lite dict, which skips Altair's schema validation on every run.
Results are shared objects: pages must not change them (tests/test_views.py checks that no view changes a loaded
table). Timeline views that include a teacher's uploaded events are not cached.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from relations import charts, content, data, filters, geo, lesson, quiz, schema, summaries
from relations.i18n import tr
from relations.memo import shared
from relations.text import md_escape
from relations.theme import OKABE_ITO, Look
from relations.validation import current_data_dir


def per_data_folder(max_entries: int = 256):
    """relations.memo.shared, keyed by the data folder too: a test or an edited copy never sees another's views."""
    return shared(max_entries, also_keyed_by=current_data_dir)


@dataclass(frozen=True)
class View:
    figure: Any  # Vega-Lite spec dict or Plotly figure, as the page draws it
    sentence: str  # the one-sentence summary
    table: pd.DataFrame  # the rows behind the chart
    # Makes the figure to save as a file where it differs from `figure` (the map with its geometry inline), only
    # when a reader asks for the file.
    export: Callable[[], Any] | None = None

    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def once(self, name: Hashable, make: Callable[[pd.DataFrame], Any]) -> Any:
        """Something derived from the table (labels for a select box, ...), made once per view."""
        if name not in self._memo:
            self._memo[name] = make(self.table)
        return self._memo[name]

    def rows(self, columns: list[str] | None = None) -> pd.DataFrame:
        """The table, or some of its columns, made once per view."""
        chosen = list(columns or self.table.columns)
        return self.once(("rows", *chosen), lambda table: table[chosen].reset_index(drop=True))


def _timeline(events, categories, years, unverified, look, lang) -> View:
    t = tr(lang)
    shown = filters.filter_events(filters.with_bounds(events), list(categories), years, unverified)
    eras = content.localize(data.eras(), "eras", lang)
    spec = charts.timeline_chart(shown, eras, data.sources(), years, look, t).to_dict()
    return View(spec, summaries.timeline_sentence(shown, years, t), shown)


@per_data_folder()
def events(lang: str) -> pd.DataFrame:
    """The events in the reader's language (titles and descriptions)."""
    return content.localize(data.events(), "events", lang)


@per_data_folder()
def timeline(categories: tuple[str, ...], years: tuple[int, int], unverified: bool, look: Look, lang: str) -> View:
    return _timeline(events(lang), categories, years, unverified, look, lang)


def timeline_with_uploads(uploaded: pd.DataFrame, categories, years, unverified, look, lang) -> View:
    return _timeline(pd.concat([events(lang), uploaded], ignore_index=True), categories, years, unverified, look, lang)


@per_data_folder()
def trade(
    basis: str, flows: tuple[str, ...], dollars: str, log_scale: bool, years: tuple[int, int], look: Look, lang: str
) -> View:
    t = tr(lang)
    wide = filters.trade_wide(data.trade(), filters.SERIES_FOR_CHOICE[basis], years)
    unit = filters.series_unit(wide)
    if basis.endswith("usd") and dollars == "constant":
        wide = filters.deflate(wide, data.cpi(), 1990)
        unit = "million 1990 US$ (CPI-U)"
    key = filters.filter_events(filters.with_bounds(events(lang)), ["treaty", "war and conflict"], years)
    key = key[(key["treaty_id"] != "") | key["conflict_id"].str.startswith("cow-war")]
    # A marker stands at the event's start: an agreement signed before the range and in force during it (say
    # Portsmouth, 1905-1945) is not a key event of these years.
    key = key[key["start"].dt.year >= years[0]]
    figure = charts.trade_figure(wide, unit, list(flows), key, log_scale, look=look, t=t)
    return View(figure, summaries.trade_sentence(wide, unit, t), wide)


@per_data_folder(max_entries=48)
def series_captions(series_ids: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """One caption per trade series shown: its label in bold, then what it measures and where it comes from."""
    series = content.localize(data.trade_series(), "trade_series", lang)
    shown = series[series["series_id"].isin(series_ids)]
    return tuple(f"**{md_escape(row.label)}.** {md_escape(row.description)}" for row in shown.itertuples())


@per_data_folder()
def treaties(scopes: tuple[str, ...], years: tuple[int, int], look: Look, lang: str) -> View:
    t = tr(lang)
    named = content.localize(data.treaties(), "treaties", lang)
    spans = filters.treaty_spans(named, pd.Timestamp(years[1], 12, 31), t)
    spans = spans[
        spans["scope"].isin(scopes) & (spans["start"].dt.year <= years[1]) & (spans["bar_end"].dt.year >= years[0])
    ]
    colors = {"bilateral": OKABE_ITO["bluish_green"], "multilateral": OKABE_ITO["orange"]}
    figure = charts.span_figure(spans, "name", "scope", colors, ["name", "signed_on", "status"], look=look, t=t)
    table = spans.assign(source=filters.first_source_url(spans, data.sources()))
    return View(figure, summaries.treaties_sentence(spans, t), table)


@per_data_folder()
def territories(year: int, names_language: str, look: Look, lang: str) -> View:
    """The map of `year`; its table is the territorial changes, and `claims` the positions held that year."""
    t, names = tr(lang), data.place_names()
    spec = territory_map(year, names_language, look, lang)
    table = geo.changes_table(data.territorial_changes(), names, names_language, t)
    view = View(spec, _map_sentence(year, lang), table, export=_map_file(year, names_language, look, lang))
    view.once("claims", lambda _: geo.claims_table(_claims(year, lang), names, names_language, t))
    return view


@per_data_folder()
def conflicts(years: tuple[int, int], opposite: bool, look: Look, lang: str) -> View:
    t = tr(lang)
    c = content.localize(data.conflicts(), "conflicts", lang)
    c = filters.with_bounds(c, "start_date", "end_date")
    c = c[(c["start"].dt.year <= years[1]) & (c["end"].dt.year >= years[0])]
    if opposite:
        c = c[c["opposite_sides"]]
    return View(charts.conflicts_figure(c, look, t), summaries.conflicts_sentence(c, years, t), c)


@per_data_folder()
def eras_strip(look: Look, lang: str) -> View:
    eras = content.localize(data.eras(), "eras", lang)
    return View(charts.eras_strip_svg(eras, look=look), summaries.eras_sentence(eras, tr(lang)), eras)


class LessonText(NamedTuple):
    title: str
    era: str  # the label of the article's era the step belongs to
    narrative: str
    era_id: str


@per_data_folder(max_entries=64)
def lesson_text(step: int, lang: str) -> LessonText:
    """The words of one lesson step (its chart is `lesson_step`)."""
    row = content.localize(data.lesson(), "lesson", lang).set_index("step").loc[step]
    era = content.localize(data.eras(), "eras", lang).set_index("era_id").loc[row["era_id"], "label"]
    return LessonText(row["title"], era, row["narrative"], row["era_id"])


@per_data_folder()
def lesson_step(step: int, names_language: str, look: Look, lang: str) -> tuple[View, str]:
    """(view, chart kind 'altair' or 'plotly') for one lesson step; the view's table is its key events. A map step
    shows the Territories page's map of its year (the same shared view)."""
    t = tr(lang)
    row = data.lesson().set_index("step").loc[step].copy()
    row["step"] = step
    key = lesson.key_events(events(lang), row)
    key = key.assign(source=filters.source_labels(key, data.sources(), t=t))
    if row["chart"] == "map":
        year = int(row["map_year"])
        view = View(
            territory_map(year, names_language, look, lang),
            _map_sentence(year, lang),
            key,
            export=_map_file(year, names_language, look, lang),
        )
        return view, "altair"
    eras = content.localize(data.eras(), "eras", lang)
    spec = lesson.chart_for(row, data.trade(), events(lang), eras, data.sources(), look, t)
    return View(spec.figure, spec.sentence, key), spec.kind


def table(name: str) -> pd.DataFrame:
    """A whole data table, by its name in datapackage.json."""
    return data.load(name)


@per_data_folder(max_entries=64)
def data_dictionary(name: str, lang: str) -> pd.DataFrame:
    """One table's columns as datapackage.json describes them (name, type, unit, description), in `lang`."""
    t = tr(lang)
    fields = schema.resource(name)["schema"]["fields"]
    rows = [(f["name"], f["type"], f.get("unit", ""), t.word(f["description"])) for f in fields]
    return pd.DataFrame(rows, columns=["column", "type", "unit", "description"])


@per_data_folder()
def people(group: str, unverified: bool, lang: str) -> View:
    t = tr(lang)
    rows = content.localize(data.people(), "people", lang)
    rows = rows[(rows["group"] == group) & (unverified | ~rows["needs_second_source"])]
    rows = rows.assign(source=lambda r: filters.source_labels(r, data.sources(), t=t))
    label = t.word(schema.labels("people", "group")[group])
    return View(None, summaries.people_sentence(rows, label, t), rows)


@per_data_folder()
def headline(look: Look, lang: str) -> list[tuple[str, str, str]]:
    return summaries.headline_facts(data.events(), data.treaties(), data.trade(), data.territorial_changes(), tr(lang))


# --------------------------------------------------------------------------- self-check


@per_data_folder(max_entries=4)
def quiz_pool() -> quiz.Pool:
    """What questions may be made from, checked once per data folder."""
    return quiz.build_pool(
        data.events(),
        data.treaties(),
        data.territorial_changes(),
        data.trade(),
        data.people(),
        data.eras(),
        data.lesson(),
        data.sources(),
        data.load("translations"),
        geo.drawn_territories(),
    )


@per_data_folder()
def quiz_questions(seed: int, n: int, era: str | None) -> tuple[quiz.Question, ...]:
    """The questions of one link: the same for every reader and every language."""
    return quiz.make(seed, n, era, quiz_pool())


@per_data_folder()
def quiz_worded(seed: int, n: int, era: str | None, names_language: str, lang: str) -> tuple[quiz.Worded, ...]:
    t = tr(lang)
    places = geo.labels(data.place_names(), names_language, lang)
    treaties = content.localize(data.treaties(), "treaties", lang)
    people = content.localize(data.people(), "people", lang)
    return tuple(
        quiz.word(q, t, events(lang), treaties, people, places, quiz_pool().trade, data.sources())
        for q in quiz_questions(seed, n, era)
    )


@per_data_folder()
def quiz_eras(lang: str) -> dict[str, str]:
    """The eras a self-check may be limited to (the lesson's), with their labels in the reader's language."""
    labels = content.localize(data.eras(), "eras", lang).set_index("era_id")["label"]
    return {era: labels[era] for era in quiz_pool().eras}


@per_data_folder()
def territory_map(year: int, names_language: str, look: Look, lang: str) -> dict:
    """The map of a year, as the Territories page and the self-check's map questions show it (the geometry fetched
    from static/); built once per year, names, look and language and shared by both."""
    return _map(year, names_language, look, lang, geometry_url=geo.geometry_url())


def _map_file(year: int, names_language: str, look: Look, lang: str) -> Callable[[], dict]:
    """Makes the map to save as a file, its geometry inside (a file must stand alone), when it is asked for."""
    return lambda: _map(year, names_language, look, lang, geometry_url=None)


def _map_sentence(year: int, lang: str) -> str:
    """Who held what at the end of `year` and each side's position: the sentence above the map of that year."""
    return geo.holders_sentence(_holders(year), data.place_names(), year, _claims(year, lang), tr(lang))


def _holders(year: int) -> dict[str, dict]:
    return filters.holders_in_year(data.territorial_changes(), year)


def _claims(year: int, lang: str) -> pd.DataFrame:
    return content.localize(filters.claims_in_year(data.claims(), year), "claims", lang)


def _map(year: int, names_language: str, look: Look, lang: str, geometry_url: str | None) -> dict:
    """The map's Vega-Lite dict: the geometry fetched from `geometry_url`, or inside the spec when it is None (the
    exported file, which must stand alone)."""
    names, holders = data.place_names(), _holders(year)
    other = "ru" if names_language == "ja" else "ja"
    chosen, also = geo.labels(names, names_language, lang), geo.labels(names, other, lang)
    claimed = geo.claimed_by_others(holders, _claims(year, lang))
    cities = geo.city_labels(data.city_names(), lang)
    return charts.map_chart(geo.layers(), holders, chosen, year, look, also, geometry_url, claimed, tr(lang), cities)


def quiz_figure(question: quiz.Question, names_language: str, look: Look, lang: str) -> tuple[str, Any] | None:
    """('altair' | 'plotly', figure) for a question read off a chart: the map of its year or the trade chart of
    its era, the very views the Territories and Trade pages show (so shared with them)."""
    if question.kind == "holder":
        return "altair", territory_map(question.year, names_language, look, lang)
    if question.kind in ("trade_largest", "trade_balance"):
        years = quiz_pool().eras[question.era_id]
        if question.kind == "trade_balance":  # the year asked about must be on the chart
            year = question.year
            years = (min(years[0], year), max(years[1], year))
        view = trade(quiz.TRADE_BASIS, quiz.TRADE_FLOWS, "current", False, years, look, lang)
        return "plotly", view.figure
    return None


def warm_up() -> None:
    """Build what the home page shows, once, when the server starts (see app.py).

    The first visitor after a restart would otherwise wait for pandas to import and the tables to be read and
    checked while the server is also sending the browser its code. Best effort: a broken data file is reported
    on the pages that need it, as always, not here.
    """
    try:
        look = Look(present=False, dark=False)
        headline(look, "en")
        eras_strip(look, "en")
    except Exception:  # noqa: BLE001 - the pages show data problems; the server must start regardless
        pass
