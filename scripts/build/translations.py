"""Translations: the Japanese and Russian text of every field marked x-translated in datapackage.json, from
data/curated/translations_<lang>.csv. A translation is kept only while the English it translates is the current
English; an established name (one a source in that language uses) cites where it is used, and the project's own
translation cites the sources of the row it translates (its facts are that row's)."""

from __future__ import annotations

import sys

from build.common import SourceRegistry, curated, title_from_url
from relations import schema
from relations.i18n import LANGUAGES

LANGS = LANGUAGES[1:]  # the languages translated from English


def row_key(table: str, row: dict) -> str:
    key = schema.resource(table)["schema"]["primaryKey"]
    return row[key] if isinstance(key, str) else "|".join(str(row[k]) for k in key)


def must_translate(row: dict) -> bool:
    """Whether a reader can see the row: hidden and never-shown rows may wait for their translation."""
    return row.get("needs_second_source", "false") != "true" and row.get("not_shown", "false") != "true"


def build_translations(reg: SourceRegistry, tables: dict[str, list[dict]]) -> list[dict]:
    out, missing, stale = [], [], []
    for lang in LANGS:
        given = {(r["table"], r["row_id"], r["field"]): r for r in curated(f"translations_{lang}.csv")}
        for table in schema.TRANSLATED_TABLES:
            for row in tables[table]:
                for field in schema.translated_fields(table):
                    english = str(row[field])
                    if not english:
                        continue
                    key = (table, row_key(table, row), field)
                    t = given.get(key)
                    if t is None or t["english"] != english:
                        if must_translate(row):
                            (missing if t is None else stale).append((lang, *key))
                        continue
                    established = t["basis"] == "established" and t["source_url"]
                    if established:
                        quote = f"quote: {t['source_quote']}" if t["source_quote"] else ""
                        sources = reg.web(t["source_url"], title_from_url(t["source_url"]), "other", quote)
                    else:
                        sources = row["source_ids"]
                    out.append(
                        {
                            "table": table,
                            "row_id": key[1],
                            "field": field,
                            "lang": lang,
                            "text": t["text"],
                            "basis": "established" if established else "project",
                            "source_ids": sources,
                            "english": english,
                        }
                    )
    for label, keys in (("no translation", missing), ("a translation of older English", stale)):
        if keys:
            shown = ", ".join("/".join(k) for k in keys[:5])
            print(f"translations: {len(keys)} shown texts have {label} (first: {shown})", file=sys.stderr)
    return sorted(out, key=lambda r: (r["table"], r["row_id"], r["field"], r["lang"]))
