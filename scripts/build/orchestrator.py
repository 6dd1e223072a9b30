"""Run every step of the build in order and write (or, with --check, compare) the tables.

Raw extracts are never edited: every number and date in the tidy tables is read from them here. The curated
tables hold what we wrote ourselves (descriptions in our own words, the treaty and territory tables compiled
from the raw rows) and refer to sources by URL or by a dataset id from data/curated/datasets.csv.
"""

from __future__ import annotations

import argparse
import sys

from build.common import DATA, ROOT, SourceRegistry, register_raw_urls, table_csv
from build.conflicts import build_conflicts
from build.events import build_events
from build.geo import build_layers
from build.people import build_people
from build.reference import build_eras, build_lesson
from build.territory import (
    build_boundaries,
    build_city_names,
    build_claims,
    build_place_names,
    build_territorial_changes,
    build_treaties,
)
from build.trade import build_cpi, build_trade, build_trade_statements
from build.translations import build_translations
from relations import schema


def build_all() -> dict[str, str]:
    """Every output file (path relative to data/) and its text."""
    reg = SourceRegistry()
    register_raw_urls(reg)
    trade, series = build_trade()
    rows = {
        "trade": trade,
        "trade_series": series,
        "trade_statements": build_trade_statements(trade),
        "conflicts": build_conflicts(),
        "people": build_people(reg),
        "cpi": build_cpi(),
        "eras": build_eras(),
        "lesson": build_lesson(reg),
        "boundaries": build_boundaries(reg),
        "treaties": build_treaties(reg),
        "territorial_changes": build_territorial_changes(reg),
        "place_names": build_place_names(reg),
        "city_names": build_city_names(reg),
        "claims": build_claims(reg),
    }
    rows["events"] = build_events(reg, rows["conflicts"], rows["treaties"], rows["territorial_changes"])
    rows["translations"] = build_translations(reg, rows)
    rows["sources"] = reg.table()  # last: every step above has registered the sources it cites
    missing = set(schema.tables()) ^ set(rows)
    if missing:
        raise SystemExit(f"the build and datapackage.json disagree on these tables: {', '.join(sorted(missing))}")
    out = {schema.resource(name)["path"]: table_csv(name, table) for name, table in rows.items()}
    out["geo/map_layers.geojson"] = build_layers()
    out["../static/map_layers.geojson"] = out["geo/map_layers.geojson"]  # what browsers fetch (relations/geo.py)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild data/ from data/raw/ and data/curated/.")
    parser.add_argument("--check", action="store_true", help="compare with the committed tables, write nothing")
    args = parser.parse_args(argv)
    files = build_all()
    stale = []
    for name, text in files.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python scripts/build_data.py)", file=sys.stderr)
        return 1
    print(("checked " if args.check else "wrote ") + ", ".join(sorted(files)))
    return 0


__all__ = ["ROOT", "build_all", "main"]
