"""The project's one vocabulary: table names, fields, allowed values and labels, read from data/datapackage.json.

Code never writes out a list of categories, groups, tables or flows a second time: it asks this module, which
reads the data package that describes the tables. The build (scripts/build/) reads the same file.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "data" / "datapackage.json"


@cache
def package() -> dict:
    """The data package as committed (the vocabulary is part of the code's contract, not of a data copy)."""
    return json.loads(PACKAGE.read_text(encoding="utf-8"))


def tables() -> tuple[str, ...]:
    """Every table's name, in the package's order."""
    return tuple(r["name"] for r in package()["resources"])


def resource(table: str) -> dict:
    for res in package()["resources"]:
        if res["name"] == table:
            return res
    raise KeyError(table)


def field(table: str, name: str) -> dict:
    for f in resource(table)["schema"]["fields"]:
        if f["name"] == name:
            return f
    raise KeyError(f"{table}.{name}")


def fields(table: str) -> tuple[str, ...]:
    return tuple(f["name"] for f in resource(table)["schema"]["fields"])


def enum(table: str, name: str) -> tuple[str, ...]:
    """The allowed values of a field, in the package's order (which is also the order pages show them in)."""
    return tuple(field(table, name)["constraints"]["enum"])


def labels(table: str, name: str) -> dict[str, str]:
    """A readable label per allowed value (`x-labels` in the package; the value itself where none is given)."""
    given = field(table, name).get("x-labels", {})
    return {value: given.get(value, value) for value in enum(table, name)}


def maximum(table: str, name: str) -> int:
    return int(field(table, name)["constraints"]["maximum"])


CATEGORIES = enum("events", "category")
PEOPLE_GROUPS = enum("people", "group")
TRADE_FLOWS = enum("trade", "flow")
TREATY_SCOPES = enum("treaties", "scope")
HOLDERS = enum("territorial_changes", "to_state")
LESSON_STEPS = maximum("lesson", "step")  # the lesson has steps 1..LESSON_STEPS (a test checks the table agrees)
STRONG_SOURCE_KINDS = tuple(field("sources", "kind")["x-strong"])  # enough on its own to show a row
WEAK_SOURCE_KINDS = tuple(field("sources", "kind")["x-weak"])  # mirrors and the like: never enough alone


def translated_fields(table: str) -> tuple[str, ...]:
    """The columns of a table whose text also exists in Japanese and Russian (translations.csv)."""
    return tuple(f["name"] for f in resource(table)["schema"]["fields"] if f.get("x-translated"))


TRANSLATED_TABLES = tuple(name for name in tables() if translated_fields(name))
