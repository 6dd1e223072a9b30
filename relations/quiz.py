"""The self-check: questions made from the project's own tables, the same for everyone who opens one link.

Pure code, no Streamlit. `make(seed, n, era, pool)` draws the questions with Python's seeded `random.Random`, from
ids only (events, agreements, territories, years, people), so one seed gives the same questions in the same order
in every language; `render` then words a question in the reader's language.

A question is asked only where the data make its answer certain: events with a day-precise, undisputed date and
no waiting for a second source; agreements whose signing no such row puts in doubt; a territory's holder in a year
in which it did not change hands; trade figures far enough apart to read off the chart; an envoy who held the post
for the whole year. Distractors come from the same era and the same kind of thing, and are never also right.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from relations import filters, schema
from relations.i18n import N_, Translator

KINDS = ("order", "treaty_year", "treaty_in_year", "holder", "trade_largest", "trade_balance", "envoy")
N_RANGE = (5, 20)  # how many questions a link may ask for
N_DEFAULT = 8
SEED_MAX = 999_999_999
READABLE = 1.15  # two trade figures are told apart on the chart only if one is 15% above the other
MIN_DAYS_APART = 90  # events to put in order are at least this far apart
LETTERS = "ABCD"
ENVOY_GROUPS = ("ambassador_ussr_to_japan", "ambassador_japan_to_ussr")
TRADE_BASIS = filters.TRADE_CHOICES[0]  # the Trade page's default series, which the chart in the question shows
TRADE_FLOWS = ("exports", "imports", "total")
LAST_YEAR = 1991  # the lesson's story ends with the Soviet Union


@dataclass(frozen=True)
class Question:
    """One question, in ids: what it asks about, its options (ids too) and which one is right."""

    kind: str
    era_id: str
    subject: tuple[str, ...]  # the ids the question names: event ids, a treaty id, (territory, year), years, ...
    options: tuple[str, ...]
    answer: str
    source_ids: tuple[str, ...] = field(default=())  # what backs the answer

    @property
    def year(self) -> int | None:
        """The year a map or an envoy question is about (the trade chart's years come from the era)."""
        if self.kind in ("holder", "envoy", "treaty_in_year", "trade_balance"):
            return int(self.subject[-1])
        return None


class Event(NamedTuple):
    date: str
    event_id: str
    source: str


class Treaty(NamedTuple):
    treaty_id: str
    year: int
    source: str


class TradeYear(NamedTuple):
    year: int
    exports: float
    imports: float
    total: float
    source: str


class Envoy(NamedTuple):
    position_id: str
    group: str
    first_year: int
    last_year: int
    source: str


@dataclass(frozen=True)
class Pool:
    """The rows questions may be made from, per kind, already checked, as plain records (drawing a set of
    questions then takes a millisecond or two); built once per data folder."""

    eras: dict[str, tuple[int, int]]  # the lesson's eras and their years
    events: dict[str, tuple[Event, ...]]  # per era: day-precise, undisputed, shown, single-day events, by date
    treaties: tuple[Treaty, ...]  # agreements with a signing year and nothing doubtful about it
    all_treaty_years: dict[str, int]  # every agreement's signing year, to keep "signed in that year" unique
    holders: dict[tuple[str, int], dict]  # (territory, year) -> holder at the end of a year without a change
    states: tuple[str, ...]  # every state that held a territory on the map
    trade: pd.DataFrame  # one row per year of the Trade page's default series (for the explanations)
    trade_years: tuple[TradeYear, ...]  # the same, as records
    envoys: tuple[Envoy, ...]  # envoys with both ends of their term known and not disputed


def _strong_enough(source_ids: str, kinds: dict[str, str]) -> bool:
    """At least one source that is not weak (a row that rests on mirrors alone waits for a second source)."""
    return any(kinds.get(s, "other") not in schema.WEAK_SOURCE_KINDS for s in source_ids.split(";") if s)


def _first(source_ids: str) -> str:
    return source_ids.split(";")[0]


def _year(value: str) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def build_pool(
    events: pd.DataFrame,
    treaties: pd.DataFrame,
    changes: pd.DataFrame,
    trade: pd.DataFrame,
    people: pd.DataFrame,
    eras: pd.DataFrame,
    lesson: pd.DataFrame,
    sources: pd.DataFrame,
    translations: pd.DataFrame | None = None,
    mapped: frozenset[str] | None = None,
) -> Pool:
    """`translations` (the translations table): a title or name with a year in it in any language gives the
    answer away, so such events and agreements are left out of the questions that ask for dates. `mapped`: the
    territories the map draws (a holder question is read off the map)."""
    kinds = dict(zip(sources["source_id"], sources["kind"]))
    texts = [events[["event_id", "title"]].set_axis(["row_id", "text"], axis=1)]
    texts.append(treaties[["treaty_id", "name"]].set_axis(["row_id", "text"], axis=1))
    if translations is not None:
        named = translations[translations["field"].isin(["title", "name"])]
        texts.append(named[named["table"].isin(["events", "treaties"])][["row_id", "text"]])
    texts = pd.concat(texts)
    dated = set(texts.loc[texts["text"].str.contains(r"\d{4}", regex=True), "row_id"])
    lesson_eras = list(dict.fromkeys(lesson.sort_values("step")["era_id"]))
    era_years = {
        row.era_id: (int(row.start_year), min(int(row.end_year), LAST_YEAR))
        for row in eras.itertuples()
        if row.era_id in lesson_eras
    }

    shown = events[~events["needs_second_source"] & ~events["not_shown"]]
    doubtful = events[events["needs_second_source"] | events["not_shown"] | events["date_disputed"]]
    ev = shown[
        ~shown["date_disputed"]
        & shown["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")
        & ((shown["end_date"] == "") | (shown["end_date"] == shown["date"]))
        & shown["era_id"].isin(era_years)
        & shown["source_ids"].map(lambda s: _strong_enough(s, kinds))
        & ~shown["event_id"].isin(dated)
    ].sort_values(["date", "event_id"])
    by_era = {
        era: tuple(Event(r.date, r.event_id, _first(r.source_ids)) for r in ev[ev["era_id"] == era].itertuples())
        for era in era_years
    }

    doubted_treaties = set(doubtful["treaty_id"]) - {""}
    all_years = {row.treaty_id: _year(row.signed_on) for row in treaties.itertuples() if _year(row.signed_on)}
    signed = tuple(
        Treaty(row.treaty_id, all_years[row.treaty_id], _first(row.source_ids))
        for row in treaties.itertuples()
        if row.treaty_id in all_years
        and row.treaty_id not in doubted_treaties
        and row.treaty_id not in dated
        and _strong_enough(row.source_ids, kinds)
    )

    holders: dict[tuple[str, int], dict] = {}
    ch = filters.with_bounds(changes[changes["territory_id"] != ""])
    changed_in = {(row.territory_id, row.start.year) for row in ch.itertuples()}
    first, last = min(a for a, _ in era_years.values()), max(b for _, b in era_years.values())
    change_years = {year for _, year in changed_in}
    held_now: dict[str, dict] = {}
    for year in range(first, last + 1):
        if year == first or year in change_years:  # holders change only in a year some change begins
            held_now = filters.holders_in_year(changes, year)
        for territory, held in held_now.items():
            if (
                (mapped is None or territory in mapped)
                and held["holder"] != filters.NOT_RECORDED
                and (territory, year) not in changed_in
                and _strong_enough(held["source_ids"], kinds)
            ):
                holders[(territory, year)] = held
    states = tuple(sorted({h["holder"] for h in holders.values()}))

    wide = filters.trade_wide(trade, filters.SERIES_FOR_CHOICE[TRADE_BASIS], (first, last))
    wide = wide.dropna(subset=["exports", "imports", "total"])
    wide = wide[wide["source_id"].map(lambda s: _strong_enough(s, kinds))].reset_index(drop=True)
    trade_years = tuple(
        TradeYear(int(r.year), float(r.exports), float(r.imports), float(r.total), r.source_id)
        for r in wide.itertuples()
    )

    envoys = tuple(
        Envoy(r.position_id, r.group, int(r.start[:4]), int(r.end[:4]), _first(r.source_ids))
        for r in people.itertuples()
        if r.group in ENVOY_GROUPS
        and not r.needs_second_source
        and r.start
        and r.end
        and not r.start_other
        and not r.end_other
        and _strong_enough(r.source_ids, kinds)
    )
    return Pool(era_years, by_era, signed, all_years, holders, states, wide, trade_years, envoys)


# --------------------------------------------------------------------------- one question of each kind


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _order(rng: random.Random, era: str, pool: Pool) -> Question | None:
    ev = pool.events[era]
    if len(ev) < 4:
        return None
    for _ in range(20):
        picked = sorted(rng.sample(ev, 4))  # by date
        if all(_days(a.date, b.date) >= MIN_DAYS_APART for a, b in zip(picked, picked[1:])):
            break
    else:
        return None
    ids = [e.event_id for e in picked]  # in the order they happened
    shown = ids[:]
    rng.shuffle(shown)  # the order the question lists them in, lettered A-D
    right = "".join(LETTERS[shown.index(i)] for i in ids)
    options = {right}
    while len(options) < 4:
        options.add("".join(rng.sample(LETTERS, 4)))
    options = sorted(options)
    rng.shuffle(options)
    return Question("order", era, tuple(shown), tuple(options), right, tuple(e.source for e in picked))


def _distractor_years(rng: random.Random, year: int, near: list[int], lo: int, hi: int) -> list[int]:
    """Three other years: other signings of the era first, else years close by within the era."""
    pool = sorted({y for y in near if y != year})
    rng.shuffle(pool)
    picked = pool[:3]
    step = 1
    while len(picked) < 3 and step < 30:
        for y in (year - step, year + step):
            if lo <= y <= hi and y != year and y not in picked and len(picked) < 3:
                picked.append(y)
        step += 1
    return picked


def _treaty_year(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    tr = [t for t in pool.treaties if lo <= t.year <= hi]
    if not tr:
        return None
    row = rng.choice(tr)
    signed = [y for y in pool.all_treaty_years.values() if lo <= y <= hi]  # other signings of the same era
    others = _distractor_years(rng, row.year, signed, lo, hi)
    if len(others) < 3:
        return None
    options = [str(y) for y in [row.year, *others]]
    rng.shuffle(options)
    return Question("treaty_year", era, (row.treaty_id,), tuple(options), str(row.year), (row.source,))


def _treaty_in_year(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    counts = Counter(pool.all_treaty_years.values())
    tr = [t for t in pool.treaties if lo <= t.year <= hi and counts[t.year] == 1]
    if not tr:
        return None
    row = rng.choice(tr)
    others = [t for t in pool.treaties if t.year != row.year]
    near = [t for t in others if lo - 10 <= t.year <= hi + 10]
    if len(near) < 3:
        near = others
    distractors = rng.sample(sorted(t.treaty_id for t in near), 3)
    options = [row.treaty_id, *distractors]
    rng.shuffle(options)
    return Question("treaty_in_year", era, (str(row.year),), tuple(options), row.treaty_id, (row.source,))


def _holder(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    keys = sorted(k for k in pool.holders if lo <= k[1] <= hi)
    if not keys:
        return None
    territory, year = rng.choice(keys)
    held = pool.holders[(territory, year)]
    others = [s for s in pool.states if s != held["holder"]]
    if len(others) < 2:
        return None
    options = [held["holder"], *rng.sample(others, min(3, len(others)))]
    rng.shuffle(options)
    return Question(
        "holder", era, (territory, str(year)), tuple(options), held["holder"], (_first(held["source_ids"]),)
    )


def _readable(values: list[float]) -> bool:
    ordered = sorted(values)
    return all(b >= a * READABLE for a, b in zip(ordered, ordered[1:]))


def _trade_largest(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    rows = [r for r in pool.trade_years if lo <= r.year <= hi]
    if len(rows) < 4:
        return None
    for _ in range(30):
        picked = rng.sample(rows, 4)
        if _readable([r.total for r in picked]) and min(r.total for r in picked) > 0:
            break
    else:
        return None
    best = max(picked, key=lambda r: r.total)
    options = [str(r.year) for r in picked]
    sources = tuple(dict.fromkeys(r.source for r in picked))
    return Question("trade_largest", era, tuple(sorted(options)), tuple(options), str(best.year), sources)


def _trade_balance(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    rows = [
        r for r in pool.trade_years if max(lo, 1923) <= r.year <= hi and _readable([r.exports, r.imports])
    ]  # the USSR: from 1923
    if not rows:
        return None
    row = rng.choice(rows)
    answer = "yes" if row.exports > row.imports else "no"
    return Question("trade_balance", era, (str(row.year),), ("yes", "no"), answer, (row.source,))


def _envoy(rng: random.Random, era: str, pool: Pool) -> Question | None:
    lo, hi = pool.eras[era]
    candidates = [
        (e.group, year, e.position_id)
        for e in pool.envoys
        for year in range(max(e.first_year + 1, lo), min(e.last_year - 1, hi) + 1)
    ]
    if not candidates:
        return None
    group, year, answer = rng.choice(sorted(candidates))
    # Distractors: envoys of the same post whose whole known term lies outside the year, the nearest first.
    outside = sorted(
        (abs(e.first_year - year), e.position_id)
        for e in pool.envoys
        if e.group == group and e.position_id != answer and (e.last_year < year or e.first_year > year)
    )
    if len(outside) < 2:
        return None
    near = [position for _, position in outside[:5]]
    options = [answer, *rng.sample(near, min(3, len(near)))]
    rng.shuffle(options)
    source = next(e.source for e in pool.envoys if e.position_id == answer)
    return Question("envoy", era, (group, str(year)), tuple(options), answer, (source,))


MAKERS = {
    "order": _order,
    "treaty_year": _treaty_year,
    "treaty_in_year": _treaty_in_year,
    "holder": _holder,
    "trade_largest": _trade_largest,
    "trade_balance": _trade_balance,
    "envoy": _envoy,
}


def make(seed: int, n: int, era: str | None, pool: Pool) -> tuple[Question, ...]:
    """`n` questions (fewer if the era cannot give that many different ones), the kinds taking turns."""
    rng = random.Random(f"self-check:{seed}")
    eras = [era] if era else sorted(pool.eras)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    out: list[Question] = []
    seen: set[tuple] = set()
    tries = 0
    while len(out) < n and tries < n * 40:
        kind = kinds[tries % len(kinds)]
        tries += 1
        question = MAKERS[kind](rng, rng.choice(eras), pool)
        if question is None:
            continue
        key = (question.kind, question.subject)
        if key in seen:
            continue
        seen.add(key)
        out.append(question)
    return tuple(out)


# --------------------------------------------------------------------------- words, in the reader's language


@dataclass(frozen=True)
class Worded:
    """A question as a reader sees it."""

    prompt: str
    items: tuple[str, ...]  # lines listed under the prompt (the events to order), else empty
    options: tuple[str, ...]  # each option's label, in the question's order
    answer: str  # the right option's label
    explanation: str  # one sentence: why
    page: str  # where to see it in the app (a page name)
    page_query: dict[str, str]  # with these parameters
    page_label: str
    source_url: str
    source_label: str


ENVOY_PROMPTS = {
    "ambassador_ussr_to_japan": N_("Who was the Soviet envoy in Tokyo throughout {year}?"),
    "ambassador_japan_to_ussr": N_("Who was Japan's envoy in Moscow throughout {year}?"),
}


def word(
    q: Question,
    t: Translator,
    events: pd.DataFrame,
    treaties: pd.DataFrame,
    people: pd.DataFrame,
    places: dict[str, str],
    trade: pd.DataFrame,
    sources: pd.DataFrame,
) -> Worded:
    """`events`, `treaties` and `people` in the reader's language (content.localize), `places` the territories'
    names as the reader chose them (geo.labels)."""
    cite = sources.set_index("source_id")
    source_id = q.source_ids[0] if q.source_ids else ""
    source_url = cite.loc[source_id, "url"] if source_id in cite.index else ""
    source_label = cite.loc[source_id, "citation"] if source_id in cite.index else ""
    ev = events.set_index("event_id")
    tr = treaties.set_index("treaty_id")
    pp = people.set_index("position_id")
    items: tuple[str, ...] = ()

    if q.kind == "order":
        items = tuple(f"{LETTERS[i]}. {ev.loc[e, 'title']}" for i, e in enumerate(q.subject))
        labels = [" → ".join(option) for option in q.options]
        in_order = sorted(q.subject, key=lambda e: ev.loc[e, "date"])
        prompt = t._("Put these events in the order they happened (first to last).")
        explanation = t._(
            "In order: {events}.",
            events=t.join([f"{ev.loc[e, 'title']} ({t.date(ev.loc[e, 'date'])})" for e in in_order]),
        )
        answer = " → ".join(q.answer)
        page, query, page_label = (
            "timeline",
            {"event": in_order[0], "years": "-".join(map(str, _era_years(ev, in_order)))},
            t._("See them on the Timeline"),
        )
    elif q.kind == "treaty_year":
        row = tr.loc[q.subject[0]]
        prompt = t._("In which year was this agreement signed: {name}?", name=row["name"])
        labels = list(q.options)
        answer = q.answer
        explanation = t._("{name} was signed on {date}.", name=row["name"], date=t.date(row["signed_on"]))
        page, query, page_label = "treaties", {"treaty": q.subject[0]}, t._("See it on the Treaties page")
    elif q.kind == "treaty_in_year":
        row = tr.loc[q.answer]
        prompt = t._("Which of these agreements was signed in {year}?", year=q.subject[0])
        labels = [tr.loc[o, "name"] for o in q.options]
        answer = row["name"]
        explanation = t._("{name} was signed on {date}.", name=row["name"], date=t.date(row["signed_on"]))
        page, query, page_label = "treaties", {"treaty": q.answer}, t._("See it on the Treaties page")
    elif q.kind == "holder":
        territory, year = q.subject
        prompt = t._(
            "Look at the map of {year}. Who held {place} at the end of that year?", year=year, place=places[territory]
        )
        labels = [t.word(o) for o in q.options]
        answer = t.word(q.answer)
        explanation = t._(
            "At the end of {year}, {place} was held by {holder}.",
            year=year,
            place=places[territory],
            holder=t.word(q.answer),
        )
        page, query, page_label = "territories", {"year": year}, t._("See the map of that year")
    elif q.kind == "trade_largest":
        by_year = trade.set_index("year")
        best = by_year.loc[int(q.answer)]
        prompt = t._("Look at the trade chart. In which of these years was trade (exports plus imports) largest?")
        labels = list(q.options)
        answer = q.answer
        explanation = t._(
            "Of these years, trade was largest in {year}: {amount} {unit}.",
            year=q.answer,
            amount=t.number(float(best["total"]), 1),
            unit=t.word(best["unit"]),
        )
        a, b = q.subject[0], q.subject[-1]
        page, query, page_label = "trade", {"years": f"{a}-{b}"}, t._("See these years on the Trade page")
    elif q.kind == "trade_balance":
        year = q.subject[0]
        row = trade.set_index("year").loc[int(year)]
        prompt = t._(
            "Look at the trade chart. In {year}, did Japan export more to the USSR than it imported from it?",
            year=year,
        )
        words = {"yes": t._("Yes"), "no": t._("No")}
        labels = [words[o] for o in q.options]
        answer = words[q.answer]
        explanation = t._(
            "In {year} Japan exported {exports} and imported {imports} ({unit}).",
            year=year,
            exports=t.number(float(row["exports"]), 1),
            imports=t.number(float(row["imports"]), 1),
            unit=t.word(row["unit"]),
        )
        page, query, page_label = "trade", {"years": f"{year}-{year}"}, t._("See that year on the Trade page")
    else:  # envoy
        group, year = q.subject
        row = pp.loc[q.answer]
        prompt = t._(ENVOY_PROMPTS[group], year=year)
        labels = [pp.loc[o, "name"] for o in q.options]
        answer = row["name"]
        explanation = t._(
            "{name} held the post from {start} to {end}.",
            name=row["name"],
            start=t.date(row["start"]),
            end=t.date(row["end"]),
        )
        page, query, page_label = "people", {"group": group}, t._("See the envoys on the People page")
    # A sentence that ends with an abbreviated date ("7 августа 1990 г.") takes no second full stop.
    explanation = explanation[:-1] if explanation.endswith("..") else explanation
    return Worded(prompt, items, tuple(labels), answer, explanation, page, query, page_label, source_url, source_label)


def _era_years(ev: pd.DataFrame, ids: list[str]) -> tuple[int, int]:
    years = [int(ev.loc[e, "date"][:4]) for e in ids]
    return min(years), max(years)
