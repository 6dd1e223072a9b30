"""Parsing of URL query parameters, in one place: every value is checked and clamped, never trusted.

Pure functions: each returns (value, problem). `problem` is None when the text was valid, else a short,
polite sentence for the page to show while it falls back to the default.
"""

from __future__ import annotations

import re

from relations.filters import FULL_RANGE

MAX_PARAM_LENGTH = 200


def parse_year_range(text: str | None, default: tuple[int, int],
                     bounds: tuple[int, int] = FULL_RANGE) -> tuple[tuple[int, int], str | None]:
    """'1917-1991' -> (1917, 1991), clamped to bounds; anything else falls back to `default`."""
    if text is None or text == "":
        return default, None
    if len(text) > MAX_PARAM_LENGTH:
        return default, "The year range in the link was too long to read, so the default range is shown."
    m = re.fullmatch(r"\s*(\d{4})\s*[-–:]\s*(\d{4})\s*", text)
    if not m:
        return default, "The year range in the link was not understood (use e.g. years=1917-1991)."
    a, b = sorted((int(m[1]), int(m[2])))
    clamped = (max(bounds[0], min(a, bounds[1])), max(bounds[0], min(b, bounds[1])))
    if clamped != (a, b):
        return clamped, f"The year range was limited to {bounds[0]}–{bounds[1]}, the years this app covers."
    return clamped, None


def format_year_range(years: tuple[int, int]) -> str:
    return f"{years[0]}-{years[1]}"
