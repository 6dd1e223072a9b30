"""People: envoys both ways, leaders and ministers, from the raw people extract."""

from __future__ import annotations

from collections import defaultdict

from build.common import RAW, SourceRegistry, read_csv, slug


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
        precision = "year" if r["start"] and len(r["start"]) == 4 else ""
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
                "source_ids": ";".join(source_ids),
                "evidence": {"wikipedia": "wikipedia", "mirror": "mirror", "other": "other"}.get(
                    r["source_kind"], r["source_kind"]
                ),
                "note": ("dates to the year only. " if precision else "") + r["note"],
            }
        )
    return rows
