"""What every step of the build shares: paths, CSV in and out, small converters, and the source registry.

The vocabulary (table names, columns, allowed values) comes from data/datapackage.json through
relations.schema, as it does for the app.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from relations import schema

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
CURATED = DATA / "curated"

WIKIPEDIA_HOSTS = ("wikipedia.org",)
US_GOV_HOSTS = ("history.state.gov", "cia.gov", "state.gov")
# Where a curated row names a raw file row instead of a URL (second sources).
LOCAL_REF = re.compile(r"^(?P<file>[\w.]+\.csv)#row=(?P<row>\d+)$")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(rows: list[dict], columns: list[str] | tuple[str, ...]) -> str:
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


def table_csv(table: str, rows: list[dict]) -> str:
    """A data table as CSV, with exactly the columns datapackage.json describes, in its order."""
    return write_csv(rows, schema.fields(table))


def curated(name: str) -> list[dict[str, str]]:
    path = CURATED / name
    return read_csv(path) if path.exists() else []


@cache
def eras() -> list[dict[str, str]]:
    """The seed article's eras (data/curated/eras.csv): labels and years are its section headings."""
    return read_csv(CURATED / "eras.csv")


def era_for(date: str) -> str:
    year = int(date[:4])
    for era in eras():
        if int(era["start_year"]) <= year <= int(era["end_year"]):
            return era["era_id"]
    return ""


# --------------------------------------------------------------------------- sources


def _is_site_root(url: str) -> bool:
    """An address with no path (https://archive.org/): it names a site, not one document."""
    return urlparse(url).path in ("", "/") and not urlparse(url).query


class SourceRegistry:
    """Collects every source a tidy row cites and gives each a stable id; one id names exactly one document.

    A source is keyed by its address, except where the address is only a site's root (the stored copy lost the
    document's own address): there the title tells documents apart, and curated files must cite it by id.
    """

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.by_url: dict[str, str] = {}
        # Datasets and documents (not single web pages) that rows cite by a fixed id.
        for row in read_csv(CURATED / "datasets.csv"):
            self.rows[row["source_id"]] = {**row, "note": ""}
        # Kinds we set ourselves (data/curated/source_kinds.csv), by address, and by host as a default.
        self.kinds = {r["url"]: r["kind"] for r in curated("source_kinds.csv")}
        self.host_kinds = {r["host"]: r["kind"] for r in curated("source_hosts.csv")}
        # A weak source (a mirror, blog, dictionary...) that a reliable one replaces as the first reference.
        self.replacements: dict[str, list[str]] = defaultdict(list)

    def web(self, url: str, title: str, kind: str, note: str = "") -> str:
        url = url.strip()
        root = _is_site_root(url)
        key = f"{url} {title.strip()}" if root else url
        if key in self.by_url:
            return self.by_url[key]

        # One document, one id: a page we registered by id is cited by that id; at a site's root, only the
        # document registered there (data/curated/datasets.csv) under the same title.
        def same(known: dict) -> bool:
            return known["citation"] == title.strip() if root else known["kind"] != "dataset"

        known = next((k for k in self.rows.values() if k["url"] == url and same(k)), None)
        if known:
            self.by_url[key] = known["source_id"]
            return known["source_id"]
        host = urlparse(url).netloc.lower().removeprefix("www.")
        source_id = f"{slug(host, 24)}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"
        kind = self.kinds.get(url) or (kind if kind and kind != "other" else "") or self._host_kind(host) or "other"
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
            "kind": kind,
            "note": note,
        }
        self.by_url[key] = source_id
        return source_id

    def _host_kind(self, host: str) -> str:
        for known, kind in self.host_kinds.items():
            if host == known or host.endswith("." + known):
                return kind
        return ""

    def resolve(self, ref: str) -> str:
        """A curated ref is a dataset id, a URL registered from a raw file, or a page URL that a compiler
        read through the search corpus (registered here with its address as citation)."""
        ref = ref.strip()
        if ref in self.rows:
            return ref
        if ref.startswith("http") and _is_site_root(ref):
            raise SystemExit(f"curated ref {ref!r} is only a site's address: cite the document by its source id")
        if ref in self.by_url:
            return self.by_url[ref]
        if ref.startswith("http"):
            return self.web(ref, title_from_url(ref), "other", "read in the stored-pages search corpus")
        raise SystemExit(f"curated ref {ref!r} is neither a dataset id nor a URL")

    def resolve_all(self, refs: str) -> str:
        return ";".join(dict.fromkeys(self.resolve(r) for r in refs.split(";") if r.strip()))

    def kind(self, source_id: str) -> str:
        return self.rows[source_id]["kind"]

    def is_weak(self, source_id: str) -> bool:
        return self.kind(source_id) in schema.WEAK_SOURCE_KINDS

    def is_strong(self, source_id: str) -> bool:
        return self.kind(source_id) in schema.STRONG_SOURCE_KINDS

    def replace(self, weak_url: str, reliable_url: str) -> None:
        self.replacements[self.resolve(weak_url)].append(self.resolve(reliable_url))

    def strengthen(self, source_ids: str) -> str:
        """A row's sources with the reliable replacement of each weak one put before it: a weak reference may
        stay, but only as a second one."""
        out: list[str] = []
        for source in (s for s in source_ids.split(";") if s):
            out += self.replacements.get(source, [])
            out.append(source)
        # Weak references go after the others (the sort is stable, so each group keeps its order).
        return ";".join(sorted(dict.fromkeys(out), key=self.is_weak))

    def table(self) -> list[dict]:
        return sorted(self.rows.values(), key=lambda r: r["source_id"])


def register_raw_urls(reg: SourceRegistry) -> None:
    """Every page a raw extract quotes becomes a source, so curated files may cite it by URL."""
    # Our curated sources first: where a raw file quotes the same page, the title, kind and quote we recorded win.
    for row in read_csv(CURATED / "sources.csv"):
        reg.web(row["url"], row["title"], row["kind"], f"quote: {row['quote']}" if row["quote"] else "")
    for row in read_csv(RAW / "events" / "dated_events_extended.csv"):
        reg.web(row["source_url"], row["source_title"], row["source_kind"])
    for row in read_csv(RAW / "events" / "wikipedia_dated_events.csv"):
        url = row["source_url"]
        kind = "wikipedia" if "wikipedia.org" in url else "news" if "japantimes" in url else "secondary-mirror"
        reg.web(url, title_from_url(url), kind)
    for row in read_csv(RAW / "events" / "treaties_japan_russia_ussr.csv"):
        reg.web(row["source_url"], row["source_title"], "wikipedia" if "wikipedia" in row["source_url"] else "other")
    for row in read_csv(RAW / "people" / "people_sourced.csv"):
        reg.web(row["source_url"], row["source_title"], row["source_kind"])
    for name in ("japan_ussr_trade_text_figures.csv", "trade_text_figures_more.csv"):
        for row in read_csv(RAW / "trade" / name):
            # An address with words after it (a copy that lost the document's own address) names no document.
            if row["source_url"].startswith("http") and " " not in row["source_url"].strip():
                reg.web(row["source_url"], row["source_title"], "other")
    for row in curated("second_sources.csv"):
        if row["second_source_url"].startswith("http"):
            reg.web(row["second_source_url"], row["second_source_title"], row["second_source_kind"])
    for row in curated("source_replacements.csv"):
        reg.replace(row["weak_url"], row["reliable_url"])


def title_from_url(url: str) -> str:
    from urllib.parse import unquote

    tail = unquote(urlparse(url).path.rsplit("/", 1)[-1]).replace("_", " ")
    return f"{tail} ({urlparse(url).netloc})"


def cited_pages(reg: SourceRegistry, row: dict) -> list[str]:
    """The source ids of the pages a curated row cites: address, title, kind and the quote read there, each
    column ';'-separated in the same order."""
    urls, titles, kinds, quotes = (
        row[c].split(";") if row[c] else [] for c in ("source_urls", "source_titles", "source_kinds", "quotes")
    )
    return [reg.web(u, t, k, f"quote: {q.strip()}") for u, t, k, q in zip(urls, titles, kinds, quotes)]
