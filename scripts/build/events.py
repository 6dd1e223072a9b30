"""Events: the dated rows of the raw event files with our own titles and descriptions, the seed article's events,
and one event per COW war or dispute, per agreement signed and per change of who held a territory."""

from __future__ import annotations

from collections import defaultdict

from build.common import LOCAL_REF, RAW, SourceRegistry, curated, era_for, read_csv, slug


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


class _Events:
    """The events being built, with what decides whether each is shown."""

    def __init__(self, reg: SourceRegistry) -> None:
        self.reg = reg
        self.rows: list[dict] = []
        self.second: dict[str, list[dict]] = defaultdict(list)
        for row in curated("second_sources.csv"):
            self.second[row["origin"]].append(row)

    def add(self, *, confirmable: bool, **kw) -> None:
        """One event. `confirmable` rows (from the raw event files and our additions) are shown only when a
        strong source or a confirmed second source backs them; compiled rows only when not all sources are weak.
        """
        kw.setdefault("end_date", "")
        for key in ("treaty_id", "conflict_id", "change_id", "note", "not_shown_reason"):
            kw.setdefault(key, "")
        kw.setdefault("date_disputed", False)
        own = self.reg.strengthen(kw["source_ids"]).split(";")  # the row's sources, reliable replacements first
        extra, notes, confirmed = [], [kw["note"]] if kw["note"] else [], False
        for s in self.second.get(kw["origin"], []):
            if s["verdict"] in ("confirmed", "partial", "date-differs") and s["second_source_url"]:
                extra.append(self._second_ref(s["second_source_url"]))
            if s["verdict"] == "confirmed":
                confirmed = True
                kw["evidence"] = "corroborated"
            elif s["verdict"] in ("partial", "date-differs"):
                notes.append(f"second source ({s['verdict']}): {s['note']}")
                kw["date_disputed"] = kw["date_disputed"] or s["verdict"] == "date-differs"
        kw["source_ids"] = ";".join(dict.fromkeys(x for x in own + extra if x))
        kw["note"] = " ".join(notes)
        # A second source that confirms only part of a row, or gives another date, is cited but does not count.
        if confirmable:
            kw["needs_second_source"] = not (confirmed or any(self.reg.is_strong(x) for x in own))
        else:
            kw["needs_second_source"] = all(self.reg.is_weak(x) for x in own)
        self.rows.append(kw)

    def _second_ref(self, ref: str) -> str:
        m = LOCAL_REF.match(ref)
        if ref == "seed_article":
            return ref
        if m:
            other = read_csv(RAW / "events" / m["file"])[int(m["row"]) - 1]
            return self.reg.resolve(other["source_url"])
        return self.reg.resolve(ref)


def _flag(value: str) -> bool:
    return value.strip().lower() == "true"


def build_events(
    reg: SourceRegistry, conflicts: list[dict], treaties: list[dict], territorial: list[dict]
) -> list[dict]:
    events = _Events(reg)

    ext = read_csv(RAW / "events" / "dated_events_extended.csv")
    text = {**_text_by_row("event_text_a.csv", ext), **_text_by_row("event_text_b.csv", ext)}
    for i, r in enumerate(ext, 1):
        t = text.get(i, {})
        events.add(
            confirmable=True,
            origin=f"dated_events_extended.csv#row={i}",
            date=r["date"],
            end_date=r["end_date"],
            title=t.get("title") or r["title"],
            category=r["category"],
            description=t.get("description", ""),
            source_ids=reg.web(r["source_url"], r["source_title"], r["source_kind"]),
            evidence=r["source_kind"],
            note=r["note"],
            not_shown_reason=t.get("not_shown_reason", ""),
            date_disputed=_flag(t.get("date_disputed", "")),
        )

    wiki = read_csv(RAW / "events" / "wikipedia_dated_events.csv")
    wtext = _text_by_row("event_text_wiki.csv", wiki)
    for i, r in enumerate(wiki, 1):
        start, end = _split_range(r["date"])
        source = reg.resolve(r["source_url"])
        t = wtext.get(i, {})
        events.add(
            confirmable=True,
            origin=f"wikipedia_dated_events.csv#row={i}",
            date=start,
            end_date=end,
            title=t.get("title") or r["event"],
            category=t.get("category") or _guess_category(r["event"]),
            description=t.get("description", ""),
            source_ids=source,
            evidence=reg.kind(source),
            note=t.get("note", ""),
            not_shown_reason=t.get("not_shown_reason", ""),
            date_disputed=_flag(t.get("date_disputed", "")),
        )

    for i, r in enumerate(curated("seed_events.csv"), 1):
        events.add(
            confirmable=False,
            origin=f"seed_events.csv#row={i}",
            date=r["date"],
            end_date=r["end_date"],
            title=r["title"],
            category=r["category"],
            description=r["description"],
            source_ids=reg.resolve_all(r["source_ids"]),
            evidence="seed-article",
            note=r.get("note", ""),
            not_shown_reason=r.get("not_shown_reason", ""),
        )

    # Events a published chronology lists that no raw file had (data/curated/coverage.csv says which).
    for i, r in enumerate(curated("events_added.csv"), 1):
        sources = reg.resolve_all(r["source_ids"])
        events.add(
            confirmable=True,
            origin=f"events_added.csv#row={i}",
            date=r["date"],
            end_date=r["end_date"],
            title=r["title"],
            category=r["category"],
            description=r["description"],
            source_ids=sources,
            evidence="compiled",
            note=r["note"],
            date_disputed=_flag(r["date_disputed"]),
        )

    war_titles = {r["conflict_id"]: r for r in curated("war_titles.csv")}
    for c in conflicts:
        if c["opposite_sides"] != "true" and c["kind"] != "interstate war":
            continue
        if int(c["start_date"][:4]) >= 2000:
            continue  # the timeline ends with the 1990s epilogue; conflicts.csv keeps the later disputes
        if c["highest_action"] in WAR_ACTIONS:
            # The dispute around a war: its dates are dispute-wide (for MID 258, the whole Second World War), so
            # it must not read as a bilateral event of its own; the war's own event stands for it.
            continue
        is_war = c["kind"] == "interstate war"
        coded = f"COW {'war' if is_war else 'militarized dispute'} {c['conflict_id'].rsplit('-', 1)[1]}"
        if is_war:
            title, description = war_titles[c["conflict_id"]]["title"], war_titles[c["conflict_id"]]["description"]
        else:
            title = f"Dispute between Japan and Russia/the USSR: {PLAIN_ACTIONS[c['highest_action']]}"
            description = (
                f"The Correlates of War project records a dispute in which the two states threatened, displayed "
                f"or used force; the most serious step was {PLAIN_ACTIONS[c['highest_action']]}"
                f"{' (deaths: ' + c['fatality_band'] + ')' if c['fatality_band'] not in ('', 'none') else ''}."
            )
        coder = f"{coded}; coders' terms: highest action '{c['highest_action'] or 'war'}', hostility '{c['hostility']}'"
        events.add(
            confirmable=False,
            origin=f"conflicts.csv#{c['conflict_id']}",
            date=c["start_date"],
            end_date=c["end_date"] if c["end_date"] != c["start_date"] else "",
            title=title,
            category="war and conflict",
            description=description,
            source_ids=c["source_ids"],
            evidence="dataset",
            conflict_id=c["conflict_id"],
            note="; ".join(x for x in (coder, c["note"]) if x),
        )

    for t in treaties:
        if not t["signed_on"]:
            continue
        # A pact's life (signature to its end) is drawn as a span, as wars and occupations are.
        ended = t["ended_on"] if t["ended_on"] and t["ended_on"] >= t["signed_on"] else ""
        events.add(
            confirmable=False,
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
            treaty_id=t["treaty_id"],
        )

    # One event per group of changes (data/curated/territorial_changes.csv, column `event`): the 1946 decree or
    # the 1991 dissolution covers several territories at once and is one mark on the timeline, not six. Titles
    # and descriptions are written there in plain words; the coders' procedure term goes in the note.
    grouped: dict[str, list[dict]] = defaultdict(list)
    for c in territorial:
        grouped[c["event"]].append(c)
    for rows in grouped.values():
        first = rows[0]
        procedures = ", ".join(dict.fromkeys(r["procedure"] for r in rows if r["procedure"]))
        coded = f"Procedure as coded: {procedures}." if procedures else ""
        events.add(
            confirmable=False,
            origin="territorial_changes.csv#" + "+".join(r["change_id"] for r in rows),
            date=first["date"],
            end_date=first["end_date"],
            title=first["event_title"],
            category="territory",
            description=first["event_description"],
            source_ids=";".join(dict.fromkeys(s for r in rows for s in r["source_ids"].split(";"))),
            evidence="compiled",
            change_id=first["change_id"],
            note=" ".join(x for x in (coded, first["event_note"]) if x),
            not_shown_reason=first["event_not_shown_reason"],
        )

    rows = _merge_corroborations(events.rows)
    seen: dict[str, int] = defaultdict(int)
    for e in rows:
        e["source_ids"] = reg.strengthen(e["source_ids"])  # merged and second sources: weak ones last
        base = f"{e['date']}-{slug(e['title'], 40)}"
        seen[base] += 1
        e["event_id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"
        e["era_id"] = era_for(e["date"])
        e["not_shown"] = bool(e["not_shown_reason"])
        for key in ("needs_second_source", "not_shown", "date_disputed"):
            e[key] = "true" if e[key] else "false"
    rows.sort(key=lambda e: (e["date"], e["event_id"]))
    return rows


# COW's highest action in a dispute, in plain words for a title (the coders' term stays in the note).
PLAIN_ACTIONS = {
    "threat to use force": "a threat of force",
    "show of force": "a show of force",
    "mobilization": "troops mobilised",
    "border violation": "a border crossing",
    "occupation of territory": "territory occupied",
    "seizure": "ships or people seized",
    "attack": "an attack",
    "clash": "armed clashes",
}
WAR_ACTIONS = ("beginning of interstate war", "joining interstate war")


# Merge order: what an extended-file row says is kept; the others add their sources to it.
_PRIORITY = (
    "dated_events_extended",
    "treaties",
    "territorial_changes",
    "wikipedia_dated_events",
    "seed_events",
    "events_added",
    "conflicts",
)


def _merge_corroborations(events: list[dict]) -> list[dict]:
    """Rows from different files about the same thing on the same day become one event with all sources.

    Only rows from *different* origin files merge: two rows of the extended file on one date are distinct
    events by the compiler's design (for example two sources that disagree).
    """
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for e in events:
        # A row kept out of view stays a row of its own: merging it would show it, or hide what it joined.
        groups[(e["date"], e["category"], e["not_shown_reason"], e["origin"] if e["not_shown_reason"] else "")].append(
            e
        )
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
            target["date_disputed"] = target["date_disputed"] or e["date_disputed"]
            if e["note"] and e["note"] not in target["note"]:
                target["note"] = " ".join(x for x in (target["note"], e["note"]) if x)
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
