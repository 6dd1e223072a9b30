"""Read a table of data/ and check it against data/datapackage.json, with messages a teacher can act on.

Pure functions, no Streamlit: `read_table(name)` returns a typed DataFrame or raises `DataError`
naming the file, line and column. Why not frictionless at run time: it takes seconds to import and
validate on every new process (Community Cloud restarts often) and does not check our date order or
';'-separated source lists; the test suite runs frictionless over the package as a second opinion.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from relations.i18n import LANGUAGES, N_, Msg

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def current_data_dir() -> Path:
    """The data folder: JSR_DATA_DIR when set (tests, or a teacher trying an edited copy), else data/."""
    return Path(os.environ.get("JSR_DATA_DIR") or DATA_DIR)


MAX_BYTES = 5_000_000  # our largest table is ~100 kB; a bigger file is a mistake, not data
FIX_HINT = N_("Correct the cell, or restore the original file (git checkout data/{file}).")


def _fix(message: str, **args) -> Msg:
    """A message about one cell, followed by how to put it right: two messages, each translated on its own."""
    return Msg("{problem} {hint}", {"problem": Msg(message, args), "hint": Msg(FIX_HINT, {"file": args["file"]})})


@dataclass
class DataError(Exception):
    """A problem in one data file, said so that someone editing the CSV can fix it (in the reader's language)."""

    file: str
    message: Msg
    line: int | None = None
    column: str | None = None

    def render(self, lang: str) -> str:
        if self.line is not None and self.column:
            where = Msg(
                N_("{file}, line {line}, column '{column}'"),
                {"file": self.file, "line": self.line, "column": self.column},
            )
        elif self.line is not None:
            where = Msg(N_("{file}, line {line}"), {"file": self.file, "line": self.line})
        else:
            where = Msg("{file}", {"file": self.file})
        return Msg(N_("{where}: {message}"), {"where": where, "message": self.message}).render(lang)

    def __str__(self) -> str:
        return self.render(LANGUAGES[0])


def package(data_dir: Path | None = None) -> dict:
    return _package(data_dir or current_data_dir())


@lru_cache(maxsize=4)
def _package(data_dir: Path) -> dict:
    try:
        with open(data_dir / "datapackage.json", encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise DataError(
            "datapackage.json",
            Msg(
                N_("the data description cannot be read ({error}). Restore it (git checkout data/datapackage.json)."),
                {"error": type(exc).__name__},
            ),
        ) from None


def resource(name: str, data_dir: Path | None = None) -> dict:
    for res in package(data_dir)["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(name)


def fields(name: str, data_dir: Path | None = None) -> list[str]:
    return [f["name"] for f in resource(name, data_dir)["schema"]["fields"]]


def is_partial_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a partial ISO date can mean ('1941' -> 1941-01-01 .. 1941-12-31)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def _read_text(path: Path, file: str) -> str:
    if not path.exists():
        raise DataError(
            file,
            Msg(N_("the file is missing. Restore it from the project (git checkout data/{file})."), {"file": file}),
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataError(
            file,
            Msg(
                N_(
                    "the file is {size} MB; tables here are under {limit} MB. It was probably replaced by something "
                    "else: restore it."
                ),
                {"size": f"{size / 1e6:.0f}", "limit": MAX_BYTES // 1_000_000},
            ),
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            file, Msg(N_("this line is not valid UTF-8 text. Save the file as 'CSV UTF-8' and try again.")), line
        ) from None


def read_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Read data/<name>.csv, validate it against its schema and return typed columns."""
    data_dir = data_dir or current_data_dir()
    res = resource(name, data_dir)
    file = res["path"]
    text = _read_text(data_dir / file, file)
    if not text.strip():
        raise DataError(file, Msg(N_("the file is empty; it needs at least its header line. Restore it.")))
    schema = res["schema"]
    expected = [f["name"] for f in schema["fields"]]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise DataError(
            file,
            Msg(N_('the CSV quoting is broken ({error}). Check for a stray double quote (").'), {"error": str(exc)}),
        ) from None
    header, body = rows[0], rows[1:]
    missing = [c for c in expected if c not in header]
    if missing:
        raise DataError(
            file,
            Msg(
                N_(
                    "the header lacks {count} column(s): {columns}. Restore the first line from the original file; "
                    "the data dictionary on the Sources & data page lists every column."
                ),
                {"count": len(missing), "columns": ", ".join(missing[:4]) + (" …" if len(missing) > 4 else "")},
            ),
            1,
        )
    index = {c: header.index(c) for c in expected}
    records = []
    for n, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataError(
                file,
                Msg(
                    N_(
                        "this line has {cells} cells but the header has {header}. A comma inside a text cell needs the "
                        "cell in double quotes."
                    ),
                    {"cells": len(row), "header": len(header)},
                ),
                n,
            )
        records.append((n, {c: row[index[c]] for c in expected}))
    _check(records, res, file)
    frame = _typed(pd.DataFrame([r for _, r in records], columns=expected), schema)
    # Set last: pandas deep-copies attrs into every column assignment and every column read.
    frame.attrs["lines"] = [n for n, _ in records]
    return frame


def _check(records: list[tuple[int, dict]], res: dict, file: str) -> None:
    schema = res["schema"]
    for n, row in records:
        for f in schema["fields"]:
            name, value = f["name"], row[f["name"]]
            cons = f.get("constraints", {})
            if value == "":
                if cons.get("required"):
                    raise DataError(file, _fix(N_("this cell is empty but required."), file=file), n, name)
                continue
            kind = f["type"]
            if kind == "integer" and not re.fullmatch(r"-?\d+", value):
                raise DataError(
                    file, _fix(N_("'{value}' is not a whole number."), value=_short(value), file=file), n, name
                )
            if kind == "number":
                try:
                    number = float(value)
                except ValueError:
                    number = None
                if number is None or number != number or number in (float("inf"), float("-inf")):
                    raise DataError(
                        file, _fix(N_("'{value}' is not a number."), value=_short(value), file=file), n, name
                    )
            if kind == "boolean" and value not in ("true", "false"):
                raise DataError(file, Msg(N_("'{value}' must be true or false."), {"value": _short(value)}), n, name)
            if kind in ("integer", "number"):
                if "minimum" in cons and float(value) < cons["minimum"]:
                    raise DataError(
                        file,
                        Msg(
                            N_("{value} is below the minimum {minimum}."), {"value": value, "minimum": cons["minimum"]}
                        ),
                        n,
                        name,
                    )
                if "maximum" in cons and float(value) > cons["maximum"]:
                    raise DataError(
                        file,
                        Msg(
                            N_("{value} is above the maximum {maximum}."), {"value": value, "maximum": cons["maximum"]}
                        ),
                        n,
                        name,
                    )
            if f.get("x-format") == "partial-date" and not is_partial_date(value):
                raise DataError(
                    file,
                    Msg(
                        N_("'{value}' is not a date. Write YYYY, YYYY-MM or YYYY-MM-DD (for example 1925-01-20)."),
                        {"value": _short(value)},
                    ),
                    n,
                    name,
                )
            elif "pattern" in cons and not re.fullmatch(cons["pattern"], value):
                raise DataError(
                    file, Msg(N_("'{value}' does not have the expected form."), {"value": _short(value)}), n, name
                )
            if "enum" in cons and value not in cons["enum"]:
                raise DataError(
                    file,
                    Msg(
                        N_("'{value}' is not an allowed value. Use one of: {allowed}."),
                        {"value": _short(value), "allowed": ", ".join(cons["enum"])},
                    ),
                    n,
                    name,
                )
        for first, second in res.get("x-dateOrder", []):
            a, b = row[first], row[second]
            if a and b and _ordered(a, b) is False:
                raise DataError(
                    file,
                    Msg(
                        N_("{second} ({b}) is before {first} ({a}). Dates must run in order."),
                        {"second": second, "b": b, "first": first, "a": a},
                    ),
                    n,
                    second,
                )
    key = schema["primaryKey"]
    key = [key] if isinstance(key, str) else key
    seen: dict[tuple, int] = {}
    for n, row in records:
        k = tuple(row[c] for c in key)
        if k in seen:
            raise DataError(
                file,
                Msg(
                    N_("{key} '{value}' appears twice (first on line {first}). Each row needs its own id."),
                    {"key": "/".join(key), "value": "/".join(k), "first": seen[k]},
                ),
                n,
                key[0],
            )
        seen[k] = n


def _ordered(a: str, b: str) -> bool | None:
    """False only when b certainly ends before a starts (partial dates compare by their ranges)."""
    try:
        return date_bounds(b)[1] >= date_bounds(a)[0]
    except ValueError:
        return None


def _short(value: str, limit: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[:limit] + "…"


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    for f in schema["fields"]:
        col = frame[f["name"]]
        if f["type"] == "integer":
            frame[f["name"]] = pd.to_numeric(col.replace("", None)).astype("Int64")
        elif f["type"] == "number":
            frame[f["name"]] = pd.to_numeric(col.replace("", None)).astype("Float64")
        elif f["type"] == "boolean":
            frame[f["name"]] = col == "true"
    return frame


def check_references(tables: dict[str, pd.DataFrame], data_dir: Path | None = None) -> None:
    """Foreign keys between the loaded tables, including ';'-separated source lists.

    A table whose target is not among `tables` is skipped, so a page can check what it loaded.
    """
    for name, frame in tables.items():
        res = resource(name, data_dir)
        lines = frame.attrs.get("lines", range(2, len(frame) + 2))
        if frame.attrs:  # read columns from a view without attrs, which pandas would deep-copy for each column
            frame = frame.copy(deep=False)
            frame.attrs = {}
        links = [
            (f["name"], f["x-references"]["resource"], f["x-references"]["field"], f.get("x-separator"))
            for f in res["schema"]["fields"]
            if "x-references" in f
        ]
        for fk in res["schema"].get("foreignKeys", []):
            col = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
            ref = fk["reference"]
            target = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
            if not any(link[0] == col for link in links):
                links.append((col, ref["resource"], target, None))
        for col, target_res, target_col, sep in links:
            if target_res not in tables:
                continue
            known = set(tables[target_res][target_col])
            target_file = resource(target_res, data_dir)["path"]
            for line, value in zip(lines, frame[col]):
                if not value:
                    continue
                for item in value.split(sep) if sep else [value]:
                    if item.strip() not in known:
                        raise DataError(
                            res["path"],
                            Msg(
                                N_("'{value}' is not in {target} ({column}). Add it there first, or correct the id."),
                                {"value": _short(item), "target": target_file, "column": target_col},
                            ),
                            line,
                            col,
                        )
