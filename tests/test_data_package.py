"""The data contract: every table validates, every row cites a real source, the build is reproducible."""

import csv
import subprocess
import sys

import pytest

from relations.validation import DATA_DIR, check_references, package, read_table

TABLES = [r["name"] for r in package()["resources"]]


@pytest.fixture(scope="module")
def tables():
    return {name: read_table(name) for name in TABLES}


def test_every_table_validates_and_references_resolve(tables):
    check_references(tables)
    assert len(tables["events"]) > 100


def test_frictionless_agrees_that_the_package_is_valid():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA_DIR / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors][:5]
    assert report.valid, errors


def test_every_row_cites_a_source(tables):
    for name, frame in tables.items():
        col = "source_ids" if "source_ids" in frame else "source_id" if "source_id" in frame else None
        if name == "sources":
            continue
        assert col, f"{name} has no source column"
        assert (frame[col].str.strip() != "").all(), f"{name} has rows without a source"


def test_every_source_has_citation_url_and_licence(tables):
    src = tables["sources"]
    for col in ("citation", "url", "licence"):
        assert (src[col].str.strip() != "").all(), col
    assert src["url"].str.match(r"https?://").all()


def test_every_source_is_cited_somewhere(tables):
    cited = set()
    for name, frame in tables.items():
        for col in ("source_ids", "source_id", "conversion_source_id"):
            if col in frame and name != "sources":
                cited |= {s for v in frame[col] for s in v.split(";") if s}
    unused = set(tables["sources"]["source_id"]) - cited
    # Dataset sources described for completeness (geometry is used by the map, not by a table row).
    assert unused <= {"natural_earth", "cow_entities", "cow_dyadic_war", "cow_alliance_v4_1", "cow_national_v4"} | {
        s for s in unused if not s.startswith(("cow", "ricardo", "bls", "seed", "gml", "natural"))
    }


def test_committed_tables_equal_the_rebuild():
    result = subprocess.run(
        [sys.executable, "scripts/build_data.py", "--check"], cwd=DATA_DIR.parent, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_no_zero_stands_in_for_a_missing_figure():
    with open(DATA_DIR / "trade.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # COW has no rows for 1942-1951: no series may invent them.
    assert not [r for r in rows if 1942 <= int(r["year"]) <= 1951]
    # Where COW does print 0 in the interwar years, the row carries the caveat next to it.
    cow_1935 = next(r for r in rows if r["series_id"] == "cow_usd" and r["year"] == "1935" and r["flow"] == "exports")
    assert cow_1935["value"] == "0" and "Japan's own returns" in cow_1935["note"]
    # The USSR's 1926 League of Nations cells are empty in the source: no row at all.
    assert not [r for r in rows if r["series_id"] == "lon_ussr_roubles" and r["year"] == "1926"]


def test_every_table_is_documented_in_data_readme():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name in TABLES:
        assert f"`{name}.csv`" in readme, name


def test_data_readme_column_tables_match_the_datapackage():
    result = subprocess.run(
        [sys.executable, "scripts/document_data.py", "--check"], cwd=DATA_DIR.parent, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_event_has_a_description_and_the_article_eras_are_covered(tables):
    events = tables["events"]
    assert (events["description"].str.len() > 20).all()
    assert set(events["era_id"]) == set(tables["eras"]["era_id"])
    assert set(events["category"]) == {
        "diplomacy",
        "treaty",
        "war and conflict",
        "territory",
        "economy",
        "intelligence",
        "leadership",
        "international context",
    }
    # The seed article's own events are all on the timeline, as are COW's wars and the treaties' signings.
    assert events["origin"].str.contains("seed_events").sum() >= 80
    assert {"cow-war-133", "cow-war-136", "cow-war-139"} <= set(events["conflict_id"])
    assert set(tables["treaties"]["treaty_id"]) <= set(events["treaty_id"])
