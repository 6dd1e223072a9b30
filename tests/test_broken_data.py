"""Broken or edited data: for every table, every kind of damage gives a clear message, never a traceback.

Loader level for every table x case; page level (AppTest) for one case per table: the page that needs the
table names file, line and column, a page that does not need it keeps working, and no data file changes.
"""

import hashlib
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from relations import memo
from relations.i18n import tr
from relations.validation import DATA_DIR, DataError, check_references, package, read_table

TABLES = [r["name"] for r in package()["resources"]]


def first_data_line(path):
    return path.read_text(encoding="utf-8").splitlines()[1]


def set_cell(path, column, value, line=2):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[line - 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def field_of(name, predicate):
    for f in package()["resources"][TABLES.index(name)]["schema"]["fields"]:
        if predicate(f):
            return f["name"]
    return None


def damage(name, case, path):
    """Apply one kind of damage; return the column it should be blamed on (or None for file-level)."""
    if case == "missing":
        path.unlink()
    elif case == "empty":
        path.write_text("", encoding="utf-8")
    elif case == "wrong_header":
        path.write_text(
            "a,b,c\n" + "\n".join(path.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8"
        )
    elif case == "wrong_type":
        col = field_of(name, lambda f: f["type"] in ("integer", "number") and "x-references" not in f)
        if col is None:
            pytest.skip(f"{name} has no numeric column")
        set_cell(path, col, "twelve")
        return col
    elif case == "unknown_category":
        col = field_of(name, lambda f: "enum" in f.get("constraints", {}))
        if col is None:
            pytest.skip(f"{name} has no column with allowed values")
        set_cell(path, col, "not-a-value")
        return col
    elif case == "duplicate_key":
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    elif case == "dangling_source":
        col = field_of(name, lambda f: "x-references" in f and f["x-references"]["resource"] == "sources")
        if col is None:
            pytest.skip(f"{name} cites no sources")
        set_cell(path, col, "no-such-source")
        return col
    elif case == "bad_date":
        col = field_of(name, lambda f: f.get("x-format") == "partial-date")
        if col is None:
            pytest.skip(f"{name} has no date column")
        set_cell(path, col, "1945-02-30")
        return col
    elif case == "non_utf8":
        path.write_bytes(path.read_bytes().replace(b"\n", b"\n\xff\xfe", 1))
    elif case == "huge":
        with open(path, "ab") as f:
            f.write(b"x" * 50_000_000)
    return None


CASES = [
    "missing",
    "empty",
    "wrong_header",
    "wrong_type",
    "unknown_category",
    "duplicate_key",
    "dangling_source",
    "bad_date",
    "non_utf8",
    "huge",
]


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("raw", "curated"))
    return target


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", TABLES)
def test_every_table_and_damage_gives_a_clear_error(data_copy, name, case):
    path = data_copy / f"{name}.csv"
    column = damage(name, case, path)
    with pytest.raises(DataError) as err:
        frame = read_table(name, data_copy)
        tables = {name: frame} | {
            other: read_table(other, data_copy)
            for other in ("sources", "trade_series", "place_names", "eras")
            if other != name
        }
        check_references(tables, data_copy)
    text = str(err.value)
    assert text.startswith(f"{name}.csv")
    if column:
        assert err.value.column == column and err.value.line == 2
        assert text.startswith(f"{name}.csv, line 2, column '{column}': ")
    assert len(text) < 400 and text.endswith((".", ")"))  # one readable sentence, not a dump


# One page that needs the table, and one that does not (when there is such a page).
NEEDS = {
    "events": ("timeline", "people"),
    "treaties": ("treaties", "people"),
    "people": ("people", "trade"),
    "trade": ("trade", "people"),
    "conflicts": ("conflicts", "people"),
    "eras": ("overview", "people"),
    "lesson": ("lesson", "people"),
    "territorial_changes": ("territories", "people"),
    "place_names": ("territories", "people"),
    "city_names": ("territories", "people"),
    "claims": ("territories", "people"),
    "translations": ("timeline", "sources"),  # read only for a Japanese or Russian reader (the test asks in ja)
    "boundaries": ("territories", "people"),
    "cpi": ("trade", "people"),
    "trade_series": ("trade", "people"),
    "trade_statements": ("trade", "people"),
    "sources": ("people", None),
}


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def test_every_table_has_a_page_that_needs_it():
    assert sorted(NEEDS) == sorted(TABLES)


def page_damage(name):
    """The first kind of damage that applies to this table and is blamed on a cell (a duplicate key otherwise)."""
    for case, has in (
        ("bad_date", lambda f: f.get("x-format") == "partial-date"),
        ("wrong_type", lambda f: f["type"] in ("integer", "number") and "x-references" not in f),
        ("unknown_category", lambda f: "enum" in f.get("constraints", {})),
    ):
        if field_of(name, has):
            return case
    return "duplicate_key"


@pytest.mark.parametrize("name", sorted(NEEDS))
def test_page_shows_the_error_and_other_pages_keep_working(data_copy, monkeypatch, name):
    path = data_copy / f"{name}.csv"
    column = damage(name, page_damage(name), path)
    monkeypatch.setenv("JSR_DATA_DIR", str(data_copy))
    memo.clear_all()
    before = digest(data_copy)
    try:
        broken, healthy = NEEDS[name]
        at = AppTest.from_file(str(DATA_DIR.parent / "app.py"), default_timeout=60)
        if name == "cpi":
            at.query_params["dollars"] = "constant"  # the trade page reads the CPI only for constant dollars
        if name == "translations":
            at.query_params["lang"] = "ja"
        at.run()
        if name == "trade_statements":
            at.session_state["statements"] = True  # the table is read only while its expander is open
        at.switch_page(f"app_pages/{broken}.py").run()
        assert not at.exception, at.exception
        message = " ".join(e.value for e in at.error)
        if name == "translations":  # said in the reader's language: the file, the line and the column are in it
            t = tr("ja")
            assert t._("A data file needs fixing.") in message and "translations.csv" in message
            where = t._("{file}, line {line}, column '{column}'", file="translations.csv", line=2, column=column)
            assert where in message
        else:
            assert f"{name}.csv, line" in message and "data file needs fixing" in message
            if column:
                assert f"column '{column}'" in message
        if healthy:
            at.switch_page(f"app_pages/{healthy}.py").run()
            assert not at.exception and not at.error
    finally:
        memo.clear_all()
    assert digest(data_copy) == before  # the app never writes to the data files
