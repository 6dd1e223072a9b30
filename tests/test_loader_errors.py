"""A corrupted copy of a table gives a DataError naming file, line and column, never a traceback."""

import shutil

import pytest

from relations.validation import DATA_DIR, DataError, check_references, read_table


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("raw", "curated"))
    return target


def corrupt(data_dir, file, old, new):
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(data_dir, file, needle):
    for n, line in enumerate((data_dir / file).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_bad_date(data_copy):
    corrupt(data_copy, "events.csv", "basic-convention-signed,1925-01-20,", "basic-convention-signed,1925-13-20,")
    line = line_of(data_copy, "events.csv", "1925-13-20")
    with pytest.raises(DataError) as err:
        read_table("events", data_copy)
    assert (err.value.file, err.value.line, err.value.column) == ("events.csv", line, "date")
    assert "YYYY-MM-DD" in str(err.value)


def test_unknown_category(data_copy):
    corrupt(data_copy, "events.csv", ",intelligence,", ",espionage,")
    with pytest.raises(DataError) as err:
        read_table("events", data_copy)
    assert err.value.column == "category"
    assert "'espionage' is not an allowed value" in str(err.value)


def test_duplicate_key(data_copy):
    path = data_copy / "treaties.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table("treaties", data_copy)
    assert err.value.line == len(lines) + 1
    assert "appears twice (first on line 2)" in str(err.value)


def test_dangling_source_id(data_copy):
    corrupt(data_copy, "conflicts.csv", "cow_mid_v4_3", "cow_mid_v9")
    tables = {"conflicts": read_table("conflicts", data_copy), "sources": read_table("sources", data_copy)}
    with pytest.raises(DataError) as err:
        check_references(tables, data_copy)
    assert err.value.column == "source_ids"
    assert "'cow_mid_v9' is not in sources.csv" in str(err.value)


def test_broken_quoting(data_copy):
    path = data_copy / "people.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'x-1,x,"unterminated,role\n', encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table("people", data_copy)
    assert err.value.file == "people.csv"
    assert "quot" in str(err.value)


def test_date_order(data_copy):
    corrupt(data_copy, "conflicts.csv", "1938-07-29,1938-08-11", "1938-08-29,1938-08-11")
    with pytest.raises(DataError) as err:
        read_table("conflicts", data_copy)
    assert err.value.column == "end_date" and "before start_date" in str(err.value)


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda p: p.unlink(), "missing"),
        (lambda p: p.write_text("", encoding="utf-8"), "empty"),
        (lambda p: p.write_bytes(p.read_bytes().replace(b"Japan", b"Jap\xe1n", 1)), "UTF-8"),
        (lambda p: p.write_text("a,b\n1,2\n", encoding="utf-8"), "header lacks"),
    ],
    ids=["missing", "empty", "not-utf8", "wrong-header"],
)
def test_file_level_problems(data_copy, mutate, expected):
    mutate(data_copy / "people.csv")
    with pytest.raises(DataError) as err:
        read_table("people", data_copy)
    assert expected in str(err.value) and str(err.value).startswith("people.csv")


def test_a_cell_problem_and_its_fix_are_said_in_the_readers_language(data_copy):
    corrupt(data_copy, "trade.csv", "\n1960,", "\n19x0,")
    with pytest.raises(DataError) as err:
        read_table("trade", data_copy)
    assert err.value.column == "year"
    english = err.value.render("en")
    assert "'19x0' is not a whole number. Correct the cell" in english and "git checkout data/trade.csv" in english
    for lang in ("ja", "ru"):
        said = err.value.render(lang)
        assert "19x0" in said and "git checkout data/trade.csv" in said
        assert "whole number" not in said and "Correct the cell" not in said, said
