"""A teacher's own events, uploaded as CSV: checked row by row, kept only in that browser session.

Pure functions: `read_upload(data)` returns the valid rows as an events-shaped DataFrame and the invalid
rows with the reason, or raises UploadRefused for a file that is not a small UTF-8 CSV at all.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import pandas as pd

from relations import schema
from relations.i18n import N_, Msg
from relations.schema import CATEGORIES
from relations.validation import date_bounds, is_partial_date

MAX_BYTES = 200_000
MAX_ROWS = 300
COLUMNS = ("date", "end_date", "title", "category", "description", "source")
REQUIRED = ("date", "title", "category", "source")
LIMITS = {"title": 200, "description": 1000, "source": 500}


class UploadRefused(ValueError):
    """The whole file is refused; the message (an i18n.Msg) says why in one sentence."""

    def __init__(self, text: str, **args):
        self.msg = Msg(text, args)
        super().__init__(str(self.msg))


@dataclass
class UploadResult:
    events: pd.DataFrame
    problems: list[tuple[int, Msg]]  # (line number in the file, reason)


def template(example: dict[str, str]) -> str:
    """The downloadable template: the header and one example row taken from our own events table."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow({c: example.get(c, "") for c in COLUMNS})
    return buf.getvalue()


def read_upload(data: bytes) -> UploadResult:
    if len(data) > MAX_BYTES:
        raise UploadRefused(
            N_("The file is {size} kB; the limit is {limit} kB (about {rows} events)."),
            size=f"{len(data) / 1000:.0f}",
            limit=MAX_BYTES // 1000,
            rows=MAX_ROWS,
        )
    if b"\x00" in data[:4096]:
        raise UploadRefused(N_("This does not look like a CSV text file (it contains binary data)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRefused(N_("The file is not UTF-8 text. In a spreadsheet, save it as 'CSV UTF-8'.")) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise UploadRefused(
            N_("The CSV could not be read ({error}); check for a stray double quote."), error=exc
        ) from None
    if not rows:
        raise UploadRefused(N_("The file is empty."))
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise UploadRefused(
            N_("The header needs the columns {required}; missing: {missing}. Download the template to start from."),
            required=", ".join(REQUIRED),
            missing=", ".join(missing),
        )
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise UploadRefused(N_("The file has {rows} rows; the limit is {limit}."), rows=len(body), limit=MAX_ROWS)
    good, problems = [], []
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                (
                    line,
                    Msg(N_("{cells} cells where the header has {header}"), {"cells": len(row), "header": len(header)}),
                )
            )
            continue
        record = {c: (row[header.index(c)].strip() if c in header else "") for c in COLUMNS}
        reason = _row_problem(record)
        if reason:
            problems.append((line, reason))
        else:
            good.append(record | {"line": line})
    return UploadResult(_as_events(good), problems)


def _row_problem(r: dict[str, str]) -> Msg | None:
    if not is_partial_date(r["date"]):
        return Msg(N_("date '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD"), {"value": r["date"][:20]})
    if not 1800 <= int(r["date"][:4]) <= 2100:
        return Msg(N_("date must be between 1800 and 2100"))
    if r["end_date"]:
        if not is_partial_date(r["end_date"]):
            return Msg(N_("end_date '{value}' is not a date"), {"value": r["end_date"][:20]})
        if date_bounds(r["end_date"])[1] < date_bounds(r["date"])[0]:
            return Msg(N_("end_date is before date"))
    if not r["title"]:
        return Msg(N_("title is empty"))
    if r["category"] not in CATEGORIES:
        return Msg(
            N_("category '{value}' is not one of: {allowed}"),
            {"value": r["category"][:30], "allowed": ", ".join(CATEGORIES)},
        )
    if not r["source"]:
        return Msg(N_("source is empty: say where the event comes from"))
    for col, limit in LIMITS.items():
        if len(r[col]) > limit:
            return Msg(N_("{column} is longer than {limit} characters"), {"column": col, "limit": limit})
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "".join(r.values())):
        return Msg(N_("contains control characters"))
    return None


def _as_events(rows: list[dict]) -> pd.DataFrame:
    columns = [*schema.fields("events"), "source_text"]  # an events row, plus the source as the reader typed it
    out = pd.DataFrame(
        [
            {
                "event_id": f"upload-{r['line']}",
                "date": r["date"],
                "end_date": r["end_date"],
                "title": r["title"],
                "category": r["category"],
                "era_id": "",
                "description": r["description"],
                "source_ids": "",
                "evidence": "your upload",
                "needs_second_source": False,
                "not_shown": False,
                "not_shown_reason": "",
                "date_disputed": False,
                "treaty_id": "",
                "conflict_id": "",
                "change_id": "",
                "origin": f"upload line {r['line']}",
                "note": "",
                "source_text": r["source"],
            }
            for r in rows
        ],
        columns=columns,
    )
    for flag in ("needs_second_source", "not_shown", "date_disputed"):
        out[flag] = out[flag].astype(bool)
    return out
