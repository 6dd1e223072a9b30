"""The reader's language: gettext catalogs (Babel) for every interface string, and Babel's locale formats for
numbers, dates and plurals. Pure: a page asks for `tr(lang)` and gets an object whose `_` translates.

Messages are whole English sentences with named placeholders (`{count} events`); the catalogs live in
relations/locale/<lang>/LC_MESSAGES/messages.po, extracted, updated and compiled by `python scripts/i18n.py`.
Code that must say something before it knows the reader's language (a broken data file, a link parameter that
could not be used) returns a `Msg`, which the page renders in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import gettext as gettext_module
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

LANGUAGES = ("en", "ja", "ru")  # English first: the fallback for a browser in any other language
LANGUAGE_NAMES = {"en": "English", "ja": "日本語", "ru": "Русский"}  # each in its own language, as readers look for it
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return message


def from_browser(locale: str | None) -> str:
    """The app's language for a browser locale ('ja-JP' -> 'ja'); English for anything else."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else LANGUAGES[0]


class Translator:
    """Everything that says something in one language: messages, plurals, numbers and dates."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        # British English formats (13 April 1941), as the app's English is written.
        self.locale = Locale.parse({"en": "en_GB"}.get(self.lang, self.lang))
        self._catalog = _catalog(self.lang)

    def _(self, message: str, /, **args: Any) -> str:
        """The message in this language, its {placeholders} filled. Values are put in as given: format numbers
        with `number` and dates with `date` first (a year stays a plain 1941)."""
        text = self._catalog.gettext(message)
        return text.format(**args) if args else text

    def word(self, value: str) -> str:
        """A word from the data or the vocabulary (a category, a state, a unit) in this language. Use `_` for
        messages written in the code: the extractor collects those, and these are collected from the data package
        and the N_ marks."""
        return self._catalog.gettext(value) if value else value

    def n_(self, singular: str, plural: str, count: int, /, **args: Any) -> str:
        """A message with a number in it, in the plural form this language uses for `count` (Babel's rules);
        {count} is written in the locale's format."""
        text = self._catalog.ngettext(singular, plural, count)
        return text.format(**{"count": self.number(count), **args})

    def number(self, value: float, digits: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def money_short(self, value: float, currency: str) -> str:
        """A large sum in the locale's short form, for a headline figure: US$6.4B, $63.7億, 6,4 млрд $."""
        from babel.numbers import format_compact_currency

        return format_compact_currency(value, currency, locale=self.locale, fraction_digits=1)

    def date(self, value: str) -> str:
        """A partial ISO date ('1941', '1941-04', '1941-04-13') in the reader's long format, at its precision:
        1941年4月13日, 13 апреля 1941 г., 13 April 1941."""
        if not value:
            return ""
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return format_skeleton("y", dt.date(parts[0], 1, 1), locale=self.locale)
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=self.locale)
        return format_date(dt.date(*parts), format="long", locale=self.locale)

    def span(self, start: str, end: str) -> str:
        """A date, or a span of dates, in the reader's format."""
        return (
            self.date(start)
            if not end or end == start
            else self._("{start} – {end}", start=self.date(start), end=self.date(end))
        )

    def sentences(self, *parts: str) -> str:
        """Sentences one after another: Japanese sets them side by side after its full stop (。), with no space."""
        return ("" if self.lang == "ja" else " ").join(part for part in parts if part)

    def join(self, items: list[str]) -> str:
        """A list in the language's own way (A, B and C; A、B、C; A, B и C)."""
        from babel.lists import format_list

        return format_list(list(items), locale=self.locale) if items else ""


@cache
def _catalog(lang: str) -> gettext_module.NullTranslations:
    if lang == LANGUAGES[0]:
        return gettext_module.NullTranslations()  # the messages are written in English
    return gettext_module.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang])


def is_wide(ch: str) -> bool:
    """A character that takes a full em (kanji, kana, full-width punctuation), about twice a Latin letter."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def ems(text: str) -> float:
    """About how many ems `text` takes in a sans-serif font: a Latin or Cyrillic letter 0.56, a kanji 1."""
    return sum(1.0 if is_wide(ch) else 0.56 for ch in text)


def clip(text: str, width: int) -> str:
    """`text` cut to about `width` Latin letters' room, with an ellipsis: a kanji or kana takes the room of two,
    so a Japanese label is cut at as many pixels as an English one (chart axes, tooltips)."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if is_wide(ch) else 1
        if used > width:
            return text[: max(i - 1, 1)] + "…"
    return text


@cache
def tr(lang: str) -> Translator:
    return Translator(lang)


@dataclass(frozen=True)
class Msg:
    """A message to show in whatever language the reader has: an English template (marked with N_) and its
    values. Raised or returned by code that runs before the reader's language is known."""

    text: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The message in `lang`; a value that is itself a Msg (a label, say) is translated too."""
        args = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.args.items()}
        return tr(lang)._(self.text, **args)

    def __str__(self) -> str:
        return self.render(LANGUAGES[0])
