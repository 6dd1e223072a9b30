"""Events: the dated rows of the raw event files with our own titles and descriptions, the seed article's events,
and one event per COW war or dispute, per agreement signed and per change of who held a territory."""

from __future__ import annotations

from collections import defaultdict

from build.common import LOCAL_REF, RAW, SourceRegistry, curated, era_for, read_csv, slug

# Evidence ranks: a row whose only source is a mirror or summary site is not shown to students until a
# second source confirms it (DEVELOPERS.md, non-negotiable 1).
STRONG_KINDS = {"primary", "wikipedia", "government-report", "encyclopedia", "news", "seed-article", "dataset"}


def _split_range(value: str) -> tuple[str, str]:
    """wikipedia_dated_events writes spans as 'start/end' ('1918/1922', '1945-08/1945-09')."""
    if "/" in value:
        start, end = value.split("/", 1)
        return start.strip(), end.strip()
    return value.strip(), ""


def _text_by_row(name: str, raw_rows: list[dict], date_col: str = "date") -> dict[int, dict]:
    """Our own titles and descriptions, aligned to raw rows; a raw edit that moves rows fails loudly."""
    out = {}
    for row in curated(name):
        i = int(row["raw_row"])
        if raw_rows[i - 1][date_col] != row["date"] or raw_rows[i - 1]["source_url"] != row["source_ids"]:
            raise SystemExit(f"{name}: raw_row {i} no longer matches the raw file (date or source changed)")
        out[i] = row
    return out


def build_events(
    reg: SourceRegistry, conflicts: list[dict], treaties: list[dict], territorial: list[dict]
) -> list[dict]:
    events: list[dict] = []

    def add(**kw):
        kw.setdefault("end_date", "")
        kw.setdefault("treaty_id", "")
        kw.setdefault("conflict_id", "")
        kw.setdefault("change_id", "")
        kw.setdefault("note", "")
        events.append(kw)

    second = defaultdict(list)
    for row in curated("second_sources.csv"):
        second[int(row["raw_row"])].append(row)

    ext = read_csv(RAW / "events" / "dated_events_extended.csv")
    text = {**_text_by_row("event_text_a.csv", ext), **_text_by_row("event_text_b.csv", ext)}
    for i, r in enumerate(ext, 1):
        sources = [reg.web(r["source_url"], r["source_title"], r["source_kind"])]
        evidence = r["source_kind"]
        needs_second = r["source_kind"] not in STRONG_KINDS or i == 107  # 107: URL is only archive.org's root
        notes = [r["note"]] if r["note"] else []
        for s in second.get(i, []):
            if s["verdict"] in ("confirmed", "partial", "date-differs") and s["second_source_url"]:
                ref = s["second_source_url"]
                m = LOCAL_REF.match(ref)
                if ref == "seed_article":
                    sources.append("seed_article")
                elif m and m["file"] == "dated_events_extended.csv":
                    other = ext[int(m["row"]) - 1]
                    sources.append(reg.web(other["source_url"], other["source_title"], other["source_kind"]))
                elif m and m["file"] == "wikipedia_dated_events.csv":
                    other = read_csv(RAW / "events" / "wikipedia_dated_events.csv")[int(m["row"]) - 1]
                    sources.append(reg.resolve(other["source_url"]))
                elif ref.startswith("http"):
                    sources.append(reg.resolve(ref))
                if s["verdict"] == "confirmed":
                    needs_second = False
                    evidence = "corroborated"
                else:
                    notes.append(f"second source ({s['verdict']}): {s['note']}")
        t = text.get(i, {})
        add(
            origin=f"dated_events_extended.csv#row={i}",
            date=r["date"],
            end_date=r["end_date"],
            title=t.get("title") or r["title"],
            category=r["category"],
            description=t.get("description", ""),
            source_ids=";".join(dict.fromkeys(sources)),
            evidence=evidence,
            needs_second_source=needs_second,
            note=" ".join(notes),
        )

    wiki = read_csv(RAW / "events" / "wikipedia_dated_events.csv")
    wtext = _text_by_row("event_text_wiki.csv", wiki)
    for i, r in enumerate(wiki, 1):
        start, end = _split_range(r["date"])
        on_wikipedia = "wikipedia.org" in r["source_url"]
        kind = "wikipedia" if on_wikipedia else "news" if "japantimes" in r["source_url"] else "secondary-mirror"
        t = wtext.get(i, {})
        add(
            origin=f"wikipedia_dated_events.csv#row={i}",
            date=start,
            end_date=end,
            title=t.get("title") or r["event"],
            category=_guess_category(r["event"]),
            description=t.get("description", ""),
            source_ids=reg.resolve(r["source_url"]),
            evidence=kind,
            needs_second_source=kind == "secondary-mirror",
        )

    for i, r in enumerate(curated("seed_events.csv"), 1):
        add(
            origin=f"seed_events.csv#row={i}",
            date=r["date"],
            end_date=r["end_date"],
            title=r["title"],
            category=r["category"],
            description=r["description"],
            source_ids="seed_article",
            evidence="seed-article",
            needs_second_source=False,
        )

    for c in conflicts:
        if c["opposite_sides"] != "true" and c["kind"] != "interstate war":
            continue
        if int(c["start_date"][:4]) >= 2000:
            continue  # the timeline ends with the 1990s epilogue; conflicts.csv keeps the later disputes
        is_war = c["kind"] == "interstate war"
        title = f"{c['name']} (COW war)" if is_war else f"Militarized dispute: {c['highest_action']}"
        desc = (
            f"Correlates of War codes this as an interstate war with both Japan and Russia/USSR taking part"
            f"{' on the same side' if c['opposite_sides'] == 'false' else ' on opposite sides'}."
            if is_war
            else f"Correlates of War records a militarized dispute involving Japan and Russia/USSR; its highest "
            f"action was {c['highest_action']} (hostility: {c['hostility']}"
            f"{', fatalities ' + c['fatality_band'] if c['fatality_band'] else ''})."
        )
        add(
            origin=f"conflicts.csv#{c['conflict_id']}",
            date=c["start_date"],
            end_date=c["end_date"] if c["end_date"] != c["start_date"] else "",
            title=title,
            category="war and conflict",
            description=desc,
            source_ids=c["source_ids"],
            evidence="dataset",
            needs_second_source=False,
            conflict_id=c["conflict_id"],
            note=c["note"],
        )

    for t in treaties:
        if not t["signed_on"]:
            continue
        # A pact's life (signature to its end) is drawn as a span, as wars and occupations are.
        ended = t["ended_on"] if t["ended_on"] and t["ended_on"] >= t["signed_on"] else ""
        add(
            origin=f"treaties.csv#{t['treaty_id']}",
            date=t["signed_on"],
            end_date=ended,
            title=f"{t['name']} signed",
            category="treaty" if t["scope"] == "bilateral" else "international context",
            description=f"{t['name']} ({t['scope']} {t['kind']}) is signed"
            + (f" in {t['place']}" if t["place"] else "")
            + (f" by {t['parties'].replace(';', ',')}" if t["parties"] else "")
            + ".",
            source_ids=t["source_ids"],
            evidence="compiled",
            needs_second_source=False,
            treaty_id=t["treaty_id"],
        )

    # One event per (date, procedure, from, to): the 1946 decree or the 1991 dissolution covers several
    # territories at once and should be one mark on the timeline, not six.
    english = {r["territory_id"]: r["name_en"] for r in curated("place_names.csv")}
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for c in territorial:
        grouped[(c["date"], c["end_date"], c["procedure"], c["from_state"], c["to_state"])].append(c)
    for (date, end_date, procedure, from_state, to_state), rows in grouped.items():
        places = ", ".join(dict.fromkeys(english.get(r["territory_id"]) or r["territory"] for r in rows))
        verb = procedure or "recognition of who held it"
        add(
            origin="territorial_changes.csv#" + "+".join(r["change_id"] for r in rows),
            date=date,
            end_date=end_date,
            title=f"{places}: {from_state + ' to ' if from_state else ''}{to_state} ({verb})"[:120],
            category="territory",
            description=f"{places} {'passes' if len(rows) == 1 else 'pass'} "
            f"{'from ' + from_state + ' ' if from_state else ''}to {to_state}"
            f"{' by ' + procedure if procedure else ''}.",
            source_ids=";".join(dict.fromkeys(s for r in rows for s in r["source_ids"].split(";"))),
            evidence="compiled",
            needs_second_source=False,
            change_id=rows[0]["change_id"],
            note=rows[0]["note"] if len(rows) == 1 else "",
        )

    events = _merge_corroborations(events)
    seen: dict[str, int] = defaultdict(int)
    for e in events:
        base = f"{e['date']}-{slug(e['title'], 40)}"
        seen[base] += 1
        e["event_id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"
        e["era_id"] = era_for(e["date"])
        e["needs_second_source"] = "true" if e["needs_second_source"] else "false"
    events.sort(key=lambda e: (e["date"], e["event_id"]))
    return events


# Merge order: what an extended-file row says is kept; the others add their sources to it.
_PRIORITY = (
    "dated_events_extended",
    "treaties",
    "territorial_changes",
    "wikipedia_dated_events",
    "seed_events",
    "conflicts",
)


def _merge_corroborations(events: list[dict]) -> list[dict]:
    """Rows from different files about the same thing on the same day become one event with all sources.

    Only rows from *different* origin files merge: two rows of the extended file on one date are distinct
    events by the compiler's design (for example two sources that disagree).
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for e in events:
        groups[(e["date"], e["category"])].append(e)
    out = []
    for group in groups.values():
        group.sort(key=lambda e: _PRIORITY.index(e["origin"].split(".csv")[0]))
        kept: list[dict] = []
        for e in group:
            target = next(
                (
                    k
                    for k in kept
                    if k["origin"].split(".csv")[0] != e["origin"].split(".csv")[0]
                    and not any(o.split(".csv")[0] == e["origin"].split(".csv")[0] for o in k["origin"].split(" + "))
                ),
                None,
            )
            if target is None:
                kept.append(e)
                continue
            target["source_ids"] = ";".join(dict.fromkeys(target["source_ids"].split(";") + e["source_ids"].split(";")))
            target["origin"] += " + " + e["origin"]
            for key in ("treaty_id", "conflict_id", "change_id", "end_date"):
                target[key] = target[key] or e[key]
            if target["needs_second_source"] and not e["needs_second_source"]:
                target["needs_second_source"] = False
                target["evidence"] = "corroborated"
            if not target["description"]:
                target["description"] = e["description"]
        out.extend(kept)
    return out


def _guess_category(title: str) -> str:
    t = title.lower()
    if "treaty" in t or "convention" in t or "pact" in t or "declaration" in t or "agreement" in t:
        return "treaty"
    if "occup" in t or "kuril" in t or "sakhalin" in t or "island" in t:
        return "territory"
    if "conflict" in t or "war" in t:
        return "war and conflict"
    return "diplomacy"
