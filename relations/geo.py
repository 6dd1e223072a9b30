"""Map layers and place names for the Territories page (pure; the geometry is prepared at build time)."""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd

from relations.validation import DataError, current_data_dir

LANGUAGE_COLUMNS = {"en": ("name_en", None), "ja": ("name_ja_romaji", "name_ja"), "ru": ("name_ru_latin", "name_ru")}


def layers() -> dict:
    """data/geo/map_layers.geojson, read once per process and data folder (it never changes while running)."""
    return _layers(current_data_dir())


@lru_cache(maxsize=2)
def _layers(data_dir) -> dict:
    try:
        with open(data_dir / "geo" / "map_layers.geojson", encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise DataError("geo/map_layers.geojson", f"the map layers cannot be read ({type(exc).__name__}). "
                        "Rebuild them with python scripts/build_data.py.") from None


def labels(names: pd.DataFrame, language: str) -> dict[str, str]:
    """Label per territory in the chosen language: 'Etorofu (択捉島)'; English where a name is missing."""
    latin, native = LANGUAGE_COLUMNS[language]
    out = {}
    for row in names.itertuples():
        text = getattr(row, latin) or row.name_en
        if native and getattr(row, native):
            text = f"{text} ({getattr(row, native)})"
        out[row.territory_id] = text
    return out


def holders_sentence(holders: dict[str, dict], names: pd.DataFrame, year: int) -> str:
    english = dict(zip(names["territory_id"], names["name_en"]))
    by_holder: dict[str, list[str]] = {}
    for territory, h in holders.items():
        if territory in english:
            by_holder.setdefault(h["holder"], []).append(english[territory])
    parts = [f"{holder} held {', '.join(sorted(places))}" for holder, places in sorted(by_holder.items())]
    return f"At the end of {year}: " + "; ".join(parts) + "." if parts else f"No holder recorded for {year}."


def changes_table(changes: pd.DataFrame, names: pd.DataFrame, language: str) -> pd.DataFrame:
    """The territorial changes with each territory named in the chosen language (the other in `also_called`)."""
    chosen, other = labels(names, language), labels(names, "ru" if language == "ja" else "ja")
    out = changes.copy()
    out.insert(3, "place", out["territory_id"].map(chosen).fillna(out["territory"]))
    out.insert(4, "also_called", out["territory_id"].map(other).fillna(""))
    return out[["date", "end_date", "place", "also_called", "from_state", "to_state", "procedure", "area_km2",
                "population", "source_ids", "note"]]
