"""One cached, validated loader per table. Pages reach these through relations.views; tests call `load_table`.

Each loader also checks the table's references (for example every source id it cites), so a page that needs a
broken table gets a DataError naming file, line and column, and pages that do not, keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from relations import schema
from relations.memo import shared
from relations.validation import DataError, check_references, current_data_dir, read_table

__all__ = ["DataError", "load", "load_table"]


def _needs(name: str) -> set[str]:
    """The tables `name` refers to, from datapackage.json's references and foreign keys."""
    res = schema.resource(name)
    targets = {f["x-references"]["resource"] for f in res["schema"]["fields"] if "x-references" in f}
    targets |= {fk["reference"]["resource"] for fk in res["schema"].get("foreignKeys", [])}
    return targets - {name}


def _checked(name: str, folder: Path | None, dependency: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    """Read and validate one table, and check its references against `dependency(name)` of each target."""
    frame = read_table(name, folder)
    check_references({name: frame, **{n: dependency(n) for n in _needs(name)}}, folder)
    # The line numbers were only needed for the messages above. Left in attrs, pandas would deep-copy the list
    # on every operation on the frame or a slice of it.
    frame.attrs.pop("lines", None)
    return frame


def load_table(name: str) -> pd.DataFrame:
    """Read, validate and cross-check one table (no caching)."""
    return _checked(name, None, read_table)


@shared(max_entries=64, also_keyed_by=current_data_dir)
def load(name: str) -> pd.DataFrame:
    """The validated table `name`, read once per process and data folder and shared by every session.

    Shared frames are read-only: every function in relations/ that changes columns works on a copy (with_bounds,
    trade_wide, ...), and tests/test_views.py checks that the loaded tables come out of every view unchanged.
    The folder is part of the key so that a test or an edited copy never sees another folder's data. The tables
    a reference points to come from this cache too, so sources.csv is read once, not per table.
    """
    if name not in schema.tables():
        raise KeyError(name)
    return _checked(name, current_data_dir(), load)


def sources() -> pd.DataFrame:
    return load("sources")


def events() -> pd.DataFrame:
    return load("events")


def treaties() -> pd.DataFrame:
    return load("treaties")


def territorial_changes() -> pd.DataFrame:
    return load("territorial_changes")


def claims() -> pd.DataFrame:
    return load("claims")


def place_names() -> pd.DataFrame:
    return load("place_names")


def city_names() -> pd.DataFrame:
    return load("city_names")


def trade() -> pd.DataFrame:
    return load("trade")


def trade_series() -> pd.DataFrame:
    return load("trade_series")


def conflicts() -> pd.DataFrame:
    return load("conflicts")


def people() -> pd.DataFrame:
    return load("people")


def cpi() -> pd.DataFrame:
    return load("cpi")


def eras() -> pd.DataFrame:
    return load("eras")


def boundaries() -> pd.DataFrame:
    return load("boundaries")


def lesson() -> pd.DataFrame:
    return load("lesson")
