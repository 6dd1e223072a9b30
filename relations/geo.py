"""Map layers and place names for the Territories page (pure; the geometry is prepared at build time)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from relations.i18n import N_, Msg, Translator, tr
from relations.validation import DataError, current_data_dir

LANGUAGE_COLUMNS = {"en": ("name_en", None), "ja": ("name_ja_romaji", "name_ja"), "ru": ("name_ru_latin", "name_ru")}


def layers() -> dict:
    """data/geo/map_layers.geojson, read once per process and data folder (it never changes while running)."""
    return _layers(current_data_dir())


# The same file, served to browsers by Streamlit's static file serving (.streamlit/config.toml). The URL is
# relative, so it works under any host and behind a base path; the build writes both copies.
STATIC = Path(__file__).resolve().parents[1] / "static" / "map_layers.geojson"
STATIC_URL = "app/static/map_layers.geojson"


@lru_cache(maxsize=2)
def _layers(data_dir) -> dict:
    try:
        return json.loads((data_dir / "geo" / "map_layers.geojson").read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(
            "geo/map_layers.geojson",
            Msg(
                N_("the map layers cannot be read ({error}). Rebuild them with python scripts/build_data.py."),
                {"error": type(exc).__name__},
            ),
        ) from None


def drawn_territories() -> frozenset[str]:
    """The territories the map draws as areas (its `territory` layer); the cities are dots, not areas."""
    return frozenset(
        f["properties"]["territory_id"] for f in layers()["features"] if f["properties"]["layer"] == "territory"
    )


def geometry_url() -> str | None:
    """Where browsers can fetch the map geometry, or None when the served copy is not this data folder's file.

    Browsers fetch the geometry once from the static copy instead of receiving 55 kB inside every map. An edited
    data folder (JSR_DATA_DIR) whose geometry differs keeps its own geometry inline in the chart.
    """
    return _geometry_url(current_data_dir())


@lru_cache(maxsize=2)
def _geometry_url(data_dir) -> str | None:
    try:
        same = STATIC.read_bytes() == (data_dir / "geo" / "map_layers.geojson").read_bytes()
    except OSError:
        return None
    return STATIC_URL if same else None


def labels(names: pd.DataFrame, language: str, ui: str = "en") -> dict[str, str]:
    """Label per territory in the chosen names' language: 'Etorofu-tō (択捉島)' for an English reader, '択捉島' for a
    Japanese one; 'Iturup (Итуруп)', or 'Итуруп' for a Russian reader. English where a name is missing."""
    latin, native = LANGUAGE_COLUMNS[language]
    out = {}
    for row in names.itertuples():
        text = getattr(row, latin) or row.name_en
        if native and getattr(row, native):
            text = getattr(row, native) if ui == language else f"{text} ({getattr(row, native)})"
        out[row.territory_id] = text
    return out


def city_labels(cities: pd.DataFrame, ui: str) -> dict[str, str]:
    """The map's city labels in the reader's language (data/city_names.csv); Natural Earth's English names
    stand for English readers and wherever a name is missing."""
    chosen = cities[cities["lang"] == ui]
    return dict(zip(chosen["city"], chosen["name"]))


def names_in(names: pd.DataFrame, ui: str) -> dict[str, str]:
    """Each territory's name in the reader's own language, for sentences (the English name where none is given)."""
    column = {"en": "name_en", "ja": "name_ja", "ru": "name_ru"}[ui]
    return {row.territory_id: getattr(row, column) or row.name_en for row in names.itertuples()}


# A claimant's name as the holders are named on the map (the Russian Federation holds as "Russia").
HOLDER_NAME = {"Russian Federation": "Russia"}
CLAIM_SENTENCES = {
    "claim": N_("{claimant} claims {places}"),
    "renunciation": N_("{claimant} has renounced {places}"),
    "promise": N_("{claimant} has promised to hand over {places}"),
}


def holders_sentence(
    holders: dict[str, dict],
    names: pd.DataFrame,
    year: int,
    claims: pd.DataFrame | None = None,
    t: Translator | None = None,
) -> str:
    """Who held what at the end of `year`, then each side's position on the territories, in its own terms.

    The holdings are the territories the map colours. Places with a change of hands but no area on the map (the
    cities Vladivostok, Chita and Nikolayevsk) are named only while occupied: "the USSR held Vladivostok" beside
    the islands would read as if the city were in dispute.
    """
    t = t or tr("en")
    named = names_in(names, t.lang)
    drawn = drawn_territories()
    areas: dict[str, list[str]] = {}
    occupied: dict[str, list[str]] = {}
    for territory, h in holders.items():
        if territory in drawn and territory in named:
            areas.setdefault(h["holder"], []).append(named[territory])
        elif territory in named and h.get("procedure") == "occupation":
            occupied.setdefault(h["holder"], []).append(named[territory])

    def held(by_holder: dict[str, list[str]]) -> str:
        return t._("; ").join(
            t._("{holder} held {places}", holder=t.word(holder), places=t.join(sorted(places)))
            for holder, places in sorted(by_holder.items())
        )

    if areas:
        sentence = t._("At the end of {year}: {holdings}.", year=year, holdings=held(areas))
    else:
        sentence = t._("No holder recorded for {year}.", year=year)
    if occupied:
        sentence = t.sentences(sentence, t._("Cities under occupation: {holdings}.", holdings=held(occupied)))
    if claims is not None and len(claims):
        positions = []
        for (claimant, kind), rows in claims.groupby(["claimant", "kind"], sort=True):
            places = t.join(sorted(dict.fromkeys(named.get(x, x) for x in rows["territory_id"])))
            positions.append(t._(CLAIM_SENTENCES[kind], claimant=t.word(claimant), places=places))
        sentence = t.sentences(sentence, t._("Each side's position: {positions}.", positions=t._("; ").join(positions)))
    return sentence


def claimed_by_others(holders: dict[str, dict], claims: pd.DataFrame) -> dict[str, str]:
    """Per territory, the claimant whose claim is on a territory that another state holds (drawn outlined)."""
    out: dict[str, list[str]] = {}
    for row in claims[claims["kind"] == "claim"].itertuples():
        holder = holders.get(row.territory_id, {}).get("holder")
        if holder and HOLDER_NAME.get(row.claimant, row.claimant) != holder:
            out.setdefault(row.territory_id, []).append(row.claimant)
    return {territory: " and ".join(sorted(set(claimants))) for territory, claimants in out.items()}


def claims_table(claims: pd.DataFrame, names: pd.DataFrame, language: str, t: Translator | None = None) -> pd.DataFrame:
    """The positions shown for a year, each territory named in the chosen language, the words in the reader's."""
    t = t or tr("en")
    chosen = labels(names, language, t.lang)
    out = claims.assign(
        place=claims["territory_id"].map(chosen).fillna(claims["territory_id"]),
        claimant=claims["claimant"].map(t.word),
        kind=claims["kind"].map(t.word),
    )
    return out[["claimant", "place", "kind", "from_date", "to_date", "position", "source_ids", "note"]]


def changes_table(
    changes: pd.DataFrame, names: pd.DataFrame, language: str, t: Translator | None = None
) -> pd.DataFrame:
    """The territorial changes with each territory named in the chosen language (the other in `also_called`)."""
    t = t or tr("en")
    chosen = labels(names, language, t.lang)
    other = labels(names, "ru" if language == "ja" else "ja", t.lang)
    out = changes.copy()
    for column in ("from_state", "to_state", "procedure"):
        out[column] = out[column].map(lambda v: t.word(v) if v else "")
    out.insert(3, "place", out["territory_id"].map(chosen).fillna(out["territory"]))
    out.insert(4, "also_called", out["territory_id"].map(other).fillna(""))
    return out[
        [
            "date",
            "end_date",
            "place",
            "also_called",
            "from_state",
            "to_state",
            "procedure",
            "area_km2",
            "population",
            "source_ids",
            "note",
        ]
    ]
