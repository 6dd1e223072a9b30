"""People: envoys both ways, leaders and ministers, from the raw people extract, with the dates, additions and
disagreements we found later (data/curated/people.csv)."""

from __future__ import annotations

from collections import defaultdict

from build.common import RAW, SourceRegistry, cited_pages, curated, read_csv, slug


def build_people(reg: SourceRegistry) -> list[dict]:
    seed = (RAW / "seed" / "japan_soviet_union_relations_wikipedia.txt").read_text(encoding="utf-8")
    # The seed article's ambassador list (body lines, not glosses) names these men with their years.
    seed_ambassadors = ("Shigemitsu", "Togo", "Tōgō", "Tatekawa", "Sato", "Satō", "Vinogradov")
    rows, seen = [], defaultdict(int)
    for r in read_csv(RAW / "people" / "people_sourced.csv"):
        person_id = slug(r["name_en"], 40)
        seen[person_id] += 1
        source_ids = [reg.web(r["source_url"], r["source_title"], r["source_kind"])]
        if r["group"].startswith("ambassador") and any(n in r["name_en"] for n in seed_ambassadors):
            surname = r["name_en"].split()[-1] if r["country"] == "USSR" else r["name_en"].split()[0]
            if surname.replace("ō", "o") in seed.replace("ō", "o"):
                source_ids.append("seed_article")
        rows.append(
            {
                "position_id": f"{person_id}-{seen[person_id]}",
                "person_id": person_id,
                "name": r["name_en"],
                "name_native": r["name_native"],
                "role": r["role"],
                "group": r["group"],
                "country": r["country"],
                "start": r["start"],
                "end": r["end"],
                "start_other": "",
                "end_other": "",
                "source_ids": source_ids,
                "evidence": r["source_kind"],
                "note": r["note"],
            }
        )
    by_id = {row["position_id"]: row for row in rows}
    for c in curated("people.csv"):
        found = cited_pages(reg, c)
        if c["action"] == "confirm":
            # A reliable source for the row as it stands; where it gives another date, that date is kept beside.
            row = by_id[c["position_id"]]
            row["source_ids"] += found
            for key in ("start_other", "end_other"):
                row[key] = row[key] or c[key]
            row["note"] = " ".join(x for x in (row["note"], c["note"]) if x)
        elif c["action"] == "update":
            row = by_id[c["position_id"]]
            # Our later reading decides the dates; the raw row's own source and note stay.
            for key in ("start", "end", "start_other", "end_other"):
                row[key] = c[key]
            row["name_native"] = row["name_native"] if _native(row) else c["name_native"] or row["name_native"]
            row["source_ids"] += found
            row["note"] = " ".join(x for x in (c["note"], row["note"]) if x)
        else:
            person_id = slug(c["name"], 40)
            seen[person_id] += 1
            rows.append(
                {
                    "position_id": f"{person_id}-{seen[person_id]}",
                    "person_id": person_id,
                    "name": c["name"],
                    "name_native": c["name_native"],
                    "role": c["role"],
                    "group": c["group"],
                    "country": c["country"],
                    "start": c["start"],
                    "end": c["end"],
                    "start_other": c["start_other"],
                    "end_other": c["end_other"],
                    "source_ids": found,
                    "evidence": "compiled",
                    "note": c["note"],
                }
            )
    for row in rows:
        cited = reg.strengthen(";".join(dict.fromkeys(row["source_ids"]))).split(";")
        row["source_ids"] = ";".join(cited)
        row["needs_second_source"] = "true" if all(reg.is_weak(s) for s in cited) else "false"
        if row["start"] and len(row["start"]) == 4 and "year only" not in row["note"]:
            row["note"] = "Dates to the year only. " + row["note"]
    return rows


def _native(row: dict) -> bool:
    """Whether the name in native script is in the person's own script (kanji for Japan, Cyrillic for the USSR)."""
    text = row["name_native"]
    if row["country"] == "Japan":
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
