"""The article's eras and the lesson: our own editorial tables, copied through with their sources."""

from __future__ import annotations

from build.common import CURATED, eras, read_csv


def build_eras() -> list[dict]:
    return eras()


def build_lesson() -> list[dict]:
    # Our own narrative per era; every fact in it is from the seed article's body (the lesson's source).
    return read_csv(CURATED / "lesson.csv")
