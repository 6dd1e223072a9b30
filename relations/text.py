"""Text from the data and from uploads, made safe to show and to download.

Streamlit renders Markdown: a description containing `![x](http://...)` would load a remote image and
`[x](javascript:...)` would make a live link. Everything that comes from a CSV is escaped before it reaches
st.markdown, and CSV downloads neutralise spreadsheet formulas.
"""

from __future__ import annotations

import re

import pandas as pd

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_escape(text: object) -> str:
    """Plain text for st.markdown: every Markdown and HTML character is escaped, so it shows as typed."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def neutralise_formula(value: object) -> object:
    """A text cell starting with = + - @ tab or CR is prefixed with ' so a spreadsheet shows it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> str:
    """CSV for download: text columns neutralised, numbers (including negative ones) untouched."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_formula)
    # CRLF line ends, as RFC 4180 has them: a cell holding a bare CR is then quoted (with "\n" line ends, pandas
    # leaves it bare and a spreadsheet splits the row there).
    return out.to_csv(index=False, lineterminator="\r\n")
