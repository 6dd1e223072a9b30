"""The content in the reader's language: the Japanese and Russian text of translations.csv put in place of a
table's translated fields (those datapackage.json marks x-translated). English is the tables' own text."""

from __future__ import annotations

import pandas as pd

from relations import data, schema
from relations.i18n import LANGUAGES, N_, Msg
from relations.memo import shared
from relations.validation import DataError, current_data_dir


@shared(max_entries=8, also_keyed_by=current_data_dir)
def _texts(lang: str) -> dict[tuple[str, str, str], str]:
    rows = data.load("translations")
    rows = rows[rows["lang"] == lang]
    return dict(zip(zip(rows["table"], rows["row_id"], rows["field"]), rows["text"]))


def visible(frame: pd.DataFrame) -> pd.Series:
    """The rows a reader can see: not waiting for a second source, not kept out of view."""
    shown = pd.Series(True, index=frame.index)
    for flag in ("needs_second_source", "not_shown"):
        if flag in frame:
            shown &= ~frame[flag].astype(bool)
    return shown


def localize(frame: pd.DataFrame, table: str, lang: str) -> pd.DataFrame:
    """A copy of `frame` with its translated fields in `lang`. A row a reader can see must have its text: a
    missing one is a data problem, said so (file, row, column) like any other."""
    fields = [f for f in schema.translated_fields(table) if f in frame]
    if lang == LANGUAGES[0] or not fields or frame.empty:
        return frame
    texts = _texts(lang)
    key = schema.resource(table)["schema"]["primaryKey"]
    ids = frame[key].astype(str) if isinstance(key, str) else frame[key].astype(str).agg("|".join, axis=1)
    out = frame.copy()
    shown = visible(frame)
    for field in fields:
        found = pd.Series([texts.get((table, i, field)) for i in ids], index=frame.index, dtype=object)
        lacking = found.isna() & frame[field].astype(str).ne("") & shown
        if lacking.any():
            row = ids[lacking].iloc[0]
            raise DataError(
                "translations.csv",
                Msg(
                    N_(
                        "the {language} text of {table} row '{row}' ({field}) is missing. Add it to "
                        "data/curated/translations_{language}.csv and rebuild."
                    ),
                    {"language": lang, "table": table, "row": row, "field": field},
                ),
                column="text",
            )
        out[field] = found.where(found.notna(), frame[field])
    return out
