"""Conflicts: Correlates of War wars and militarized disputes in which both Japan and Russia/the USSR took part."""

from __future__ import annotations

from collections import defaultdict

from build.common import RAW, cow_date, read_csv

HOSTLEV = {
    "1": "no militarized action",
    "2": "threat to use force",
    "3": "display of force",
    "4": "use of force",
    "5": "war",
}
FATALITY = {
    "0": "none",
    "1": "1–25",
    "2": "26–100",
    "3": "101–250",
    "4": "251–500",
    "5": "501–999",
    "6": "more than 999",
    "-9": "",
}
HIACT = {
    "0": "no militarized action",
    "1": "threat to use force",
    "7": "show of force",
    "10": "mobilization",
    "12": "border violation",
    "14": "occupation of territory",
    "15": "seizure",
    "16": "attack",
    "17": "clash",
    "20": "beginning of interstate war",
    "21": "joining interstate war",
}


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
            start, end = (
                cow_date(ru["StartYear2"], ru["StartMonth2"], ru["StartDay2"]),
                cow_date(ru["EndYear2"], ru["EndMonth2"], ru["EndDay2"]),
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
