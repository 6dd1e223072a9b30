"""The article's eras and the lesson: our own editorial tables, copied through with their sources."""

from __future__ import annotations

from build.common import CURATED, SourceRegistry, eras, read_csv


def build_eras() -> list[dict]:
    return eras()


def build_lesson(reg: SourceRegistry) -> list[dict]:
    # Our own narrative per era; its facts are from the seed article's body and, where the article is wrong,
    # from the better sources the row also cites.
    return [{**row, "source_ids": reg.resolve_all(row["source_ids"])} for row in read_csv(CURATED / "lesson.csv")]
