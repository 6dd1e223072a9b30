"""The dashboard in English, Japanese and Russian: every page in every language, nothing left in English where a
translation exists, complete catalogs, translated content for every shown row, locale formats and plurals, the
language chosen and kept, and a font that draws Japanese on any machine."""

import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from apptest_helpers import PAGES, ROOT, open_app, open_page, summary_text
from relations import content, data, schema
from relations.i18n import LANGUAGES, LOCALE_DIR, from_browser, tr
from relations.ui.frame import page_file

OTHER = [lang for lang in LANGUAGES if lang != "en"]


def visible_texts(at) -> list[str]:
    """What a reader sees on the page: titles, headings, text, captions, notices, widget labels and options."""
    texts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
        for e in at.get(kind)
    ]
    for kind in ("selectbox", "multiselect", "radio", "slider", "toggle", "button", "expander", "download_button"):
        for widget in at.get(kind):
            texts.append(getattr(widget, "label", "") or getattr(widget.proto, "label", ""))
            texts += [str(o) for o in getattr(widget, "options", []) or []]
    texts += [m.proto.label for m in at.get("metric")]
    return [re.sub(r"<[^>]+>|\\", "", t) for t in texts if t]


@pytest.fixture(scope="module")
def english_messages():
    """The English messages that have a translation: none of them may appear on a Japanese or Russian page."""
    with open(LOCALE_DIR / "messages.pot", "rb") as f:
        ids = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id]
    # Whole phrases only: single words such as "USSR" or "COW" can stand in any language.
    return [m for m in ids if len(m.split()) >= 3 and "{" not in m and not m.startswith(("http", "#"))]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_in_every_language(page, lang, english_messages):
    at = open_page(page, {"lang": lang})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value
    if lang != "en":
        shown = "\n".join(visible_texts(at))
        left = [m for m in english_messages if m in shown]
        assert left == [], left[:3]
        # And no English sentence that never reached the catalogs (a label written without _()).
        latin = [t for t in visible_texts(at) if re.fullmatch(r"[A-Za-z0-9 ,.;:'’()&/–-]+", t) and len(t.split()) >= 3]
        assert latin == [], latin[:3]
        assert tr(lang)._("Language · 言語 · Язык") and at.selectbox(key="lang").value == lang


def test_a_japanese_page_really_is_in_japanese():
    at = open_page("timeline", {"lang": "ja"})
    assert at.title[0].value == tr("ja")._("Timeline") != "Timeline"
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", summary_text(at))  # kana or kanji in the sentence
    assert summary_text(at).startswith("1917～1991年")  # the years in Japanese word order, not glued English


def test_the_catalogs_are_complete_and_compiled():
    """No untranslated or fuzzy entry, the template matches the code, the .mo files match the .po files."""
    result = subprocess.run([sys.executable, "scripts/i18n.py", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-1000:]


@pytest.mark.parametrize("lang", OTHER)
def test_every_shown_row_has_its_japanese_and_russian_text(lang):
    for table in schema.TRANSLATED_TABLES:
        frame = data.load(table)
        localized = content.localize(frame, table, lang)  # raises DataError for a shown row without its text
        shown = content.visible(frame)
        for field in schema.translated_fields(table):
            changed = (localized[field] != frame[field]) | (frame[field] == "")
            assert changed[shown].all(), (table, field, frame[shown & ~changed].iloc[:1].to_dict("records"))


def test_translations_mark_established_names_and_cite_them():
    rows = data.load("translations")
    established = rows[rows["basis"] == "established"]
    assert len(established) > 50 and (established["source_ids"] != "").all()
    treaty = rows[(rows["table"] == "treaties") & (rows["row_id"] == "neutrality-pact-1941") & (rows["lang"] == "ja")]
    assert treaty.iloc[0]["text"] == "日ソ中立条約" and treaty.iloc[0]["basis"] == "established"


def test_the_projects_own_translations_cite_the_sources_of_the_row_they_translate():
    rows = data.load("translations")
    own = rows[rows["basis"] == "project"]
    assert len(own) > 1000 and (own["source_ids"] != "").all()
    event = data.events().set_index("event_id").loc["1941-06-22-germany-invades-the-soviet-union"]
    title = own[(own["row_id"] == "1941-06-22-germany-invades-the-soviet-union") & (own["field"] == "title")]
    assert sorted(title["lang"]) == ["ja", "ru"]
    assert set(title["source_ids"]) == {event["source_ids"]}


MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
WORDS = dict(
    (w, i)
    for i, group in enumerate(
        [
            "",
            "one first",
            "two second twice both ii",
            "three third iii",
            "four fourth iv",
            "five fifth",
            "six",
            "seven",
            "eight",
            "nine",
            "ten decade",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
    for w in group.split()
) | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def numbers_in_english(text: str) -> set[int]:
    """Every number an English text states: in digits, as a word, a month, a roman numeral, a range's end, or an
    amount in millions or billions."""
    text = text.replace(",", "")
    found = {int(n) for n in re.findall(r"\d+", text)}
    found |= {int(a + b) for a, b in re.findall(r"(\d+)\.(\d+)", text)}  # 1.05 as the Russian 1,05 reads
    found |= {int(a[: 4 - len(b)] + b) for a, b in re.findall(r"\b(\d{4})[–-](\d{2})\b", text)}  # 1904–05
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)\s*(million|billion)", text):
        found.add(round(float(amount) * (10**6 if unit == "million" else 10**9)))
    found |= {int(h) + 12 for h in re.findall(r"(\d+)\s*p\.m\.", text)}  # 4 p.m. as 16:00
    words = re.findall(r"[a-z]+", text.lower())
    found |= {MONTHS.index(w[:3]) + 1 for w in words if w[:3] in MONTHS}
    found |= {WORDS[w] for w in words if w in WORDS}
    found |= {10**3 for w in words if w.startswith("thousand")} | {10**6 for w in words if w.startswith("million")}
    # 0 and 1 say nothing on their own: ":00" in 16:00, and "a day later" written 1日後 or "the past year" 1年間.
    return found | {0, 1}


def numbers_in_translation(text: str) -> set[int]:
    """The numbers a Japanese or Russian text states; 7万 and 10億5000万 (Japanese myriads) and 7 000 (Russian
    digit groups) are read as the numbers they write."""
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)
    found = set()
    for oku, man, rest in re.findall(r"(?:(\d+)億)?(?:(\d[\d,]*)万)?(\d[\d,]*)?", text):
        if oku or man:
            value = int(oku or 0) * 10**8 + int((man or "0").replace(",", "")) * 10**4
            found.add(value + int((rest or "0").replace(",", "")))
        elif rest:
            found.add(int(rest.replace(",", "")))
    return found


# Numbers a translation works out from its English, read and checked by hand.
SUMS = {
    ("1978-up-to-12-000-soviet-troops-deployed-on-s", "title"): {3},  # "Shikotan and two other isles"
    ("1938-07-14-japan-demands-soviet-exit-from-lake-khas", "description"): {2},  # "Bezymyannaya and Zaozernaya hills"
}


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_the_projects_translations_add_no_number_the_english_row_lacks(lang):
    """A translation of ours carries no fact of its own: every number in it (a year, a day, a count) is one the
    English row states, which its sources back. Dates written another way (Aug -> 8月, 70,000 -> 7万) count."""
    rows = data.load("translations")
    own = rows[(rows["basis"] == "project") & (rows["lang"] == lang)]
    added = []
    for row in own.itertuples():
        english = numbers_in_english(row.english)
        extra = numbers_in_translation(row.text) - english - SUMS.get((row.row_id, row.field), set())
        if extra:
            added.append((row.table, row.row_id, row.field, sorted(extra)))
    assert added == []


def test_locale_formats_and_plural_rules():
    ja, ru, en = tr("ja"), tr("ru"), tr("en")
    assert (en.date("1941-04-13"), ja.date("1941-04-13"), ru.date("1941-04-13")) == (
        "13 April 1941",
        "1941年4月13日",
        "13 апреля 1941\u202fг.",
    )
    assert ru.number(4400.5, 1) == "4\xa0400,5" and ja.number(4400.5, 1) == "4,400.5"
    one, many = (
        "{count} event added to the timeline for this session.",
        "{count} events added to the timeline for this session.",
    )
    # Russian picks one of three forms by the number (1 and 21; 2-4; 5-20), as Babel's plural rules for ru say.
    said = {n: ru.n_(one, many, n) for n in (1, 3, 5, 21)}
    assert len({said[1].replace("1", ""), said[3].replace("3", ""), said[5].replace("5", "")}) == 3
    assert said[21].replace("21", "") == said[1].replace("1", "")
    assert ja.n_(one, many, 1).replace("1", "") == ja.n_(one, many, 5).replace("5", "")  # one form in Japanese


@pytest.mark.parametrize(
    ("params", "expected", "notice"),
    [
        ({"lang": "ru"}, "ru", False),
        ({"lang": "ja"}, "ja", False),
        ({"lang": "xx"}, "en", True),  # unknown: English, with the polite notice the other parameters use
        ({"lang": "<script>"}, "en", True),
    ],
)
def test_the_language_comes_from_the_link_and_an_unknown_one_falls_back(params, expected, notice):
    at = open_app(params)
    assert at.selectbox(key="lang").value == expected
    assert at.query_params["lang"] in (expected, [expected])  # always in the address, so it goes into every link
    assert bool(at.info) == notice


def test_the_language_follows_the_reader_from_page_to_page_and_into_links():
    at = open_app({"lang": "ru"})
    at.switch_page(page_file("trade")).run()
    assert at.title[0].value == tr("ru")._("Trade") and at.query_params["lang"] in ("ru", ["ru"])
    links = [link.proto for link in open_page("overview", {"lang": "ja"}).get("page_link")]
    assert links and all("lang=ja" in link.query_string for link in links)


def test_the_browser_language_decides_when_the_link_says_nothing():
    assert [from_browser(x) for x in ("ja-JP", "ru", "ru-RU", "en-GB", "de-DE", None, "")] == [
        "ja",
        "ru",
        "ru",
        "en",
        "en",
        "en",
        "en",
    ]


def test_the_islands_names_follow_the_interface_language_by_default():
    assert open_page("territories", {"lang": "ru"}).radio(key="names").value == "ru"
    assert open_page("territories", {"lang": "ja"}).radio(key="names").value == "ja"
    # The reader may still choose the other names: the choice is its own control.
    assert open_page("territories", {"lang": "ru", "names": "ja"}).radio(key="names").value == "ja"


def map_city_labels(spec: dict) -> set[str]:
    """The city labels a map spec draws (the layer of text marks over the city points)."""
    return {
        row["name"]
        for layer in spec["layer"]
        if layer.get("mark", {}).get("type") == "text"
        and "EAST_EDGE" not in str(layer["mark"].get("dx"))
        and "datum.lon" in str(layer["mark"].get("dx"))
        for row in layer["data"]["values"]
    }


def test_the_map_names_its_cities_in_the_readers_language():
    from relations import geo, views
    from relations.theme import Look

    cities = {f["properties"]["name"] for f in geo.layers()["features"] if f["properties"]["layer"] == "city"}
    names = data.city_names()
    for lang in OTHER:  # every city the map marks has a sourced name in each language
        assert set(names.loc[names["lang"] == lang, "city"]) == cities
    labels = {lang: map_city_labels(views.territories(1945, "ja", Look(), lang).figure) for lang in LANGUAGES}
    assert labels["en"] == cities
    assert {"ハバロフスク", "ユジノサハリンスク", "函館"} <= labels["ja"] and not labels["ja"] & cities
    assert {"Хабаровск", "Южно-Сахалинск", "Хакодатэ"} <= labels["ru"] and not labels["ru"] & cities
    lesson_map = views.lesson_step(1, "ja", Look(), "ja")[0].figure  # the lesson's maps too
    assert "ウラジオストク" in map_city_labels(lesson_map)


def test_no_message_hides_inside_an_f_string():
    """Babel's extractor does not look inside f-strings: a message written there would never be translated."""
    hidden = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("app_pages", "relations")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""\bf(["']).*\{[^}]*\b_\(""", line)
    ]
    assert hidden == []


def test_the_font_covers_every_character_the_app_shows():
    result = subprocess.run(
        [sys.executable, "scripts/build_font.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_exported_map_in_japanese_draws_real_glyphs():
    """The export is drawn on the server: without the app's font, every kanji is the same empty box, so two
    different names would make the same picture."""
    from relations import export, views
    from relations.theme import FONT, Look

    def word(text):
        return {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": 200,
            "height": 60,
            "data": {"values": [{"t": text}]},
            "mark": {"type": "text", "fontSize": 30, "font": FONT},
            "encoding": {"text": {"field": "t"}},
            "config": {"view": {"stroke": None}},
        }

    assert export.png(word("択捉島")) != export.png(word("国後島"))
    view = views.territories(1960, "ja", Look(), "ja")
    png = export.png(view.export())
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
    # The SVG carries the glyphs' outlines, not text in a font the reader's machine may lack.
    assert export.svg(word("択捉島")) != export.svg(word("国後島"))
