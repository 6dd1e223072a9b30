"""Every URL query parameter the app reads, checked and clamped in this one place.

Pure functions, no Streamlit. A `Param` turns the raw text of the address bar into a valid value and
back. `parse` never raises: it returns (value, problem), where problem is None when the text was valid,
else one short, polite sentence (an i18n.Msg, shown in the reader's language) while it falls back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from relations import quiz, schema
from relations.filters import FULL_RANGE, PERIOD, TRADE_CHOICES, TRADE_MEASURES
from relations.i18n import LANGUAGES, N_, Msg

MAX_PARAM_LENGTH = 300  # longer text is refused before any parsing (a 100 kB parameter is never legitimate)


def _printable(text: str) -> bool:
    # Control characters and bidirectional overrides have no place in any of our values.
    return not re.search(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]", text)


@dataclass(frozen=True)
class Param:
    """One URL parameter: its name, default and how to read and write it."""

    name: str
    label: str  # what the notice calls it ("year range", "category"), marked for translation
    default: Any
    always_in_link = False  # a default value is left out of the link, to keep links short

    def parse(self, raw: str | list[str] | None) -> tuple[Any, str | None]:
        if raw is None or raw == "" or raw == []:
            return self.default, None
        if isinstance(raw, list):  # repeated keys (?a=1&a=2): the first one counts
            raw = raw[0]
        if not isinstance(raw, str) or len(raw) > MAX_PARAM_LENGTH or not _printable(raw):
            return self.default, self._notice()
        try:
            return self._parse(raw.strip())
        except (ValueError, OverflowError, TypeError):
            return self.default, self._notice()

    def _notice(self) -> Msg:
        return Msg(
            N_("The {label} in the link could not be used, so the default is shown."), {"label": Msg(self.label)}
        )

    def _parse(self, raw: str) -> tuple[Any, str | None]:
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return str(value)

    def with_default(self, default: Any) -> Param:
        """The same parameter with another default (one that depends on the reader, such as their language)."""
        return replace(self, default=default)


@dataclass(frozen=True)
class YearRange(Param):
    bounds: tuple[int, int] = FULL_RANGE

    def _parse(self, raw):
        m = re.fullmatch(r"(\d{1,4})\s*[-–:,]\s*(\d{1,4})", raw)
        if not m:
            raise ValueError(raw)
        a, b = int(m[1]), int(m[2])
        problem = None
        if a > b:
            a, b = b, a
            problem = Msg(
                N_("The {label} in the link was reversed; it is shown the right way round."), {"label": Msg(self.label)}
            )
        lo, hi = self.bounds
        clamped = (min(max(a, lo), hi), min(max(b, lo), hi))
        if clamped != (a, b):
            problem = Msg(
                N_("The {label} was limited to {first}–{last}, the years this app covers."),
                {"label": Msg(self.label), "first": lo, "last": hi},
            )
        return clamped, problem

    def format(self, value):
        return f"{value[0]}-{value[1]}"


@dataclass(frozen=True)
class Year(Param):
    bounds: tuple[int, int] = FULL_RANGE
    limited: str = N_("The {label} was limited to {first}–{last}.")  # said of years (Russian adds "гг.")

    def _parse(self, raw):
        if not re.fullmatch(r"-?\d{1,6}", raw):
            number = float(raw)  # '1e309', 'nan', '1940.5' reach here; ValueError for words
            if math.isnan(number) or math.isinf(number):
                raise ValueError(raw)
            raw = str(int(number))
        year = int(raw)
        lo, hi = self.bounds
        if not lo <= year <= hi:
            return min(max(year, lo), hi), Msg(self.limited, {"label": Msg(self.label), "first": lo, "last": hi})
        return year, None


@dataclass(frozen=True)
class Choice(Param):
    options: Sequence[str] = ()

    def _parse(self, raw):
        if raw not in self.options:
            raise ValueError(raw)
        return raw, None


@dataclass(frozen=True)
class MultiChoice(Param):
    options: Sequence[str] = ()
    NONE = "none"  # an empty choice (every box cleared) is a view too: an empty parameter would mean the default

    def _parse(self, raw):
        if raw == self.NONE:
            return [], None
        items = [s.strip() for s in raw.split(",") if s.strip()]
        good = list(dict.fromkeys(s for s in items if s in self.options))
        if not good:
            raise ValueError(raw)
        if len(good) != len(items):
            return good, Msg(
                N_("Some {label} values in the link were not recognised and were left out."), {"label": Msg(self.label)}
            )
        return good, None

    def format(self, value):
        return ",".join(value) or self.NONE


@dataclass(frozen=True)
class Flag(Param):
    def _parse(self, raw):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True, None
        if raw.lower() in ("0", "false", "no", "off"):
            return False, None
        raise ValueError(raw)

    def format(self, value):
        return "1" if value else "0"


@dataclass(frozen=True)
class Identifier(Param):
    """An id that must name a row of a table (an event, a treaty); checked against `known` by the page."""

    known: frozenset[str] = field(default_factory=frozenset)

    def _parse(self, raw):
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,119}", raw):
            raise ValueError(raw)
        if self.known and raw not in self.known:
            return self.default, Msg(
                N_("The {label} in the link is not in the data any more, so none is selected."),
                {"label": Msg(self.label)},
            )
        return raw, None

    def with_known(self, known) -> Identifier:
        return Identifier(self.name, self.label, self.default, frozenset(known))


@dataclass(frozen=True)
class Count(Year):
    """A whole number within bounds (how many questions)."""

    limited: str = N_("The {label} in the link was changed to fit between {first} and {last}.")


@dataclass(frozen=True)
class Seed(Param):
    """The self-check's questions: a whole number that everyone who opens the link shares (absent: the page
    draws one and writes it to the link)."""

    largest: int = 999_999_999

    def _parse(self, raw):
        if not re.fullmatch(r"\d{1,9}", raw):
            raise ValueError(raw)
        return min(int(raw), self.largest), None


@dataclass(frozen=True)
class Language(Choice):
    """The reader's language. Absent, the browser's language decides (the page asks st.context); a value that is
    not one of ours falls back to English with a notice. Always written to the link, so that a shared link opens
    in the language it was shared in."""

    always_in_link: bool = True

    def _parse(self, raw):
        if raw not in self.options:
            return self.options[0], self._notice()
        return raw, None


# Every parameter any page reads. Pages take their Param from here; nothing else parses the address bar.
PARAMS: dict[str, Param] = {
    p.name: p
    for p in (
        YearRange("years", N_("year range"), PERIOD),
        MultiChoice("cats", N_("category"), list(schema.CATEGORIES), options=schema.CATEGORIES),
        Flag("unverified", N_("single-source setting"), False),
        Flag("rows", N_("table setting"), False),
        Identifier("event", N_("selected event"), None),
        Choice("basis", N_("trade series"), TRADE_CHOICES[0], options=TRADE_CHOICES),
        MultiChoice("flows", N_("trade flow"), list(schema.TRADE_FLOWS), options=TRADE_MEASURES),
        Choice("dollars", N_("dollar setting"), "current", options=("current", "constant")),
        Flag("log", N_("scale setting"), False),
        MultiChoice("scope", N_("treaty scope"), list(schema.TREATY_SCOPES), options=schema.TREATY_SCOPES),
        Identifier("treaty", N_("selected treaty"), None),
        Year("year", N_("map year"), 1940),
        Choice("names", N_("place-name language"), "ja", options=("ja", "ru")),
        Flag("opposite", N_("dispute setting"), True),
        Choice("group", N_("group of people"), schema.PEOPLE_GROUPS[0], options=schema.PEOPLE_GROUPS),
        Choice("table", N_("table"), "events", options=schema.tables()),
        Flag("present", N_("present-mode setting"), False),
        Language("lang", N_("language"), None, options=LANGUAGES),
        Count("step", N_("lesson step"), 1, bounds=(1, schema.LESSON_STEPS)),
        Seed("quiz", N_("set of questions"), None, largest=quiz.SEED_MAX),
        Count("n", N_("number of questions"), quiz.N_DEFAULT, bounds=quiz.N_RANGE),
        Identifier("era", N_("era"), None),
    )
}
