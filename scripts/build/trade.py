"""Trade: the COW series, Japan's own returns and the League of Nations figures, a harmonised US$ series, the
seed article's trade sentences, and the US consumer price index used to deflate."""

from __future__ import annotations

from collections import defaultdict

from build.common import RAW, num, read_csv


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
            "source_ids": "ricardo_japan_annual_return;ricardo_lon_japan_reported;ricardo_exchange_rates;cow_trade_v4",
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


def build_cpi() -> list[dict]:
    return [
        {"year": r["year"], "cpi_u": r["cpi_u_annual_average"], "source_id": "bls_cpi_u"}
        for r in read_csv(RAW / "trade" / "us_cpi_u_annual.csv")
    ]
