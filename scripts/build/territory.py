"""Treaties and territory: the agreements, who held which territory when, the places' names in three scripts,
and the 50th-parallel border on Sakhalin. Compiled in data/curated/ from raw rows and the pages read; the build
resolves their source references (URLs or dataset ids) to source ids."""

from __future__ import annotations

from build.common import SourceRegistry, cited_pages, curated


def _resolved(name: str, reg: SourceRegistry) -> list[dict]:
    return [{**row, "source_ids": reg.strengthen(reg.resolve_all(row["source_ids"]))} for row in curated(name)]


def build_treaties(reg: SourceRegistry) -> list[dict]:
    return _resolved("treaties.csv", reg)


def build_territorial_changes(reg: SourceRegistry) -> list[dict]:
    return _resolved("territorial_changes.csv", reg)


def build_place_names(reg: SourceRegistry) -> list[dict]:
    return _resolved("place_names.csv", reg)


def build_boundaries(reg: SourceRegistry) -> list[dict]:
    # Natural Earth has no historical lines, so the 1905-1945 Sakhalin border is drawn from the treaty's own
    # words: the ceded area's northern boundary is the 50th parallel (Portsmouth, Art. 9).
    return _resolved("boundaries.csv", reg)


def build_claims(reg: SourceRegistry) -> list[dict]:
    """Each side's position on each territory over time (data/curated/claims.csv), with the sources read."""
    out = []
    for row in curated("claims.csv"):
        cited = cited_pages(reg, row)
        out.append({**row, "source_ids": reg.strengthen(";".join(dict.fromkeys(cited)))})
    return out


def build_city_names(reg: SourceRegistry) -> list[dict]:
    """The map's cities in Japanese and Russian (data/curated/city_names.csv), each name with the pages that
    write it. A name that only weak sources give (mirrors, Q&A sites, student pages) is refused: the build stops."""
    out = []
    for row in curated("city_names.csv"):
        cited = cited_pages(reg, row)
        if all(reg.is_weak(s) for s in cited):
            raise SystemExit(f"city_names.csv: {row['city']} ({row['lang']}) rests on weak sources alone")
        source_ids = reg.strengthen(";".join(dict.fromkeys(cited)))
        out.append(
            {
                "city": row["city"],
                "lang": row["lang"],
                "name": row["name"],
                "source_ids": source_ids,
                "note": row["note"],
            }
        )
    return out
