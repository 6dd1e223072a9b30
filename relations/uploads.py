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
from relations.schema import CATEGORIES
from relations.validation import date_bounds, is_partial_date

MAX_BYTES = 200_000
MAX_ROWS = 300
COLUMNS = ("date", "end_date", "title", "category", "description", "source")
REQUIRED = ("date", "title", "category", "source")
LIMITS = {"title": 200, "description": 1000, "source": 500}


class UploadRefused(ValueError):
    """The whole file is refused; the message says why in one sentence."""


@dataclass
class UploadResult:
    events: pd.DataFrame
    problems: list[tuple[int, str]]  # (line number in the file, reason)


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
            f"The file is {len(data) / 1000:.0f} kB; the limit is {MAX_BYTES // 1000} kB (about {MAX_ROWS} events)."
        )
    if b"\x00" in data[:4096]:
        raise UploadRefused("This does not look like a CSV text file (it contains binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRefused("The file is not UTF-8 text. In a spreadsheet, save it as 'CSV UTF-8'.") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise UploadRefused(f"The CSV could not be read ({exc}); check for a stray double quote.") from None
    if not rows:
        raise UploadRefused("The file is empty.")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise UploadRefused(
            f"The header needs the columns {', '.join(REQUIRED)}; missing: {', '.join(missing)}. "
            "Download the template to start from."
        )
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise UploadRefused(f"The file has {len(body)} rows; the limit is {MAX_ROWS}.")
    good, problems = [], []
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append((line, f"{len(row)} cells where the header has {len(header)}"))
            continue
        record = {c: (row[header.index(c)].strip() if c in header else "") for c in COLUMNS}
        reason = _row_problem(record)
        if reason:
            problems.append((line, reason))
        else:
            good.append(record | {"line": line})
    return UploadResult(_as_events(good), problems)


def _row_problem(r: dict[str, str]) -> str | None:
    if not is_partial_date(r["date"]):
        return f"date '{r['date'][:20]}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    if not 1800 <= int(r["date"][:4]) <= 2100:
        return "date must be between 1800 and 2100"
    if r["end_date"]:
        if not is_partial_date(r["end_date"]):
            return f"end_date '{r['end_date'][:20]}' is not a date"
        if date_bounds(r["end_date"])[1] < date_bounds(r["date"])[0]:
            return "end_date is before date"
    if not r["title"]:
        return "title is empty"
    if r["category"] not in CATEGORIES:
        return f"category '{r['category'][:30]}' is not one of: {', '.join(CATEGORIES)}"
    if not r["source"]:
        return "source is empty: say where the event comes from"
    for col, limit in LIMITS.items():
        if len(r[col]) > limit:
            return f"{col} is longer than {limit} characters"
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "".join(r.values())):
        return "contains control characters"
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
