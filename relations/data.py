"""One cached, validated loader per table. Pages call these; tests call `load_table` directly.

Each loader also checks the table's references (for example every source id it cites), so a page that
needs a broken table gets a DataError naming file, line and column, and pages that do not, keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from relations.memo import shared
from relations.validation import DataError, check_references, current_data_dir, read_table

__all__ = ["DataError", "load_table", "sources", "events", "treaties", "territorial_changes", "place_names",
           "trade", "trade_series", "trade_statements", "conflicts", "people", "cpi", "eras", "boundaries", "lesson"]

# Which other tables each table's references point to (from datapackage.json's foreign keys).
_NEEDS = {
    "territorial_changes": ("sources", "place_names"),
    "trade": ("sources", "trade_series"),
    "lesson": ("sources", "eras"),
}


def _needs(name: str) -> set[str]:
    return ({"sources"} - {name}) | set(_NEEDS.get(name, ()))


def _checked(name: str, folder: Path | None, dependency: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    """Read and validate one table, and check its references against `dependency(name)` of each target."""
    frame = read_table(name, folder)
    check_references({name: frame, **{n: dependency(n) for n in _needs(name)}}, folder)
    # The line numbers were only needed for the messages above. Left in attrs, pandas would deep-copy the list
    # on every operation on the frame or a slice of it, which was a fifth of a timeline rerun.
    frame.attrs.pop("lines", None)
    return frame


def load_table(name: str) -> pd.DataFrame:
    """Read, validate and cross-check one table (no caching, no Streamlit)."""
    return _checked(name, None, read_table)


@shared(max_entries=64, also_keyed_by=current_data_dir)
def _cached(name: str) -> pd.DataFrame:
    # One shared, validated frame per process: st.cache_data would unpickle a fresh copy on every hit, which
    # for a class of 40 costs more than the page itself. The frames are treated as read-only: every function
    # in relations/ that changes columns works on a copy (with_bounds, trade_wide, ...), and
    # tests/test_charts.py checks that the loaded tables come out of the builders unchanged.
    # The folder is part of the key so that a test or an edited copy never sees another folder's data.
    # The tables a reference points to come from this cache too, so sources.csv is read once, not per table.
    return _checked(name, current_data_dir(), _cached)


def sources() -> pd.DataFrame:
    return _cached("sources")


def events() -> pd.DataFrame:
    return _cached("events")


def treaties() -> pd.DataFrame:
    return _cached("treaties")


def territorial_changes() -> pd.DataFrame:
    return _cached("territorial_changes")


def place_names() -> pd.DataFrame:
    return _cached("place_names")


def trade() -> pd.DataFrame:
    return _cached("trade")


def trade_series() -> pd.DataFrame:
    return _cached("trade_series")


def trade_statements() -> pd.DataFrame:
    return _cached("trade_statements")


def conflicts() -> pd.DataFrame:
    return _cached("conflicts")


def people() -> pd.DataFrame:
    return _cached("people")


def cpi() -> pd.DataFrame:
    return _cached("cpi")


def eras() -> pd.DataFrame:
    return _cached("eras")


def boundaries() -> pd.DataFrame:
    return _cached("boundaries")


def lesson() -> pd.DataFrame:
    return _cached("lesson")
