"""Text from data never becomes markup; downloads never carry live spreadsheet formulas."""

import csv
import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from relations.text import md_escape, neutralise_formula, safe_csv


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "![remote](http://example.com/x.png)",
        "**bold** _it_ `code` # heading",
    ],
)
def test_markdown_from_data_shows_as_typed(hostile):
    at = AppTest.from_string(f"import streamlit as st\nst.markdown({md_escape(hostile)!r})")
    at.run()
    shown = at.markdown[0].value
    assert "<script" not in shown.replace("\\<", "") and "](" not in shown.replace("\\]\\(", "")
    # Escaping only adds backslashes: removing them gives back the original text.
    assert shown.replace("\\", "") == hostile.replace("\\", "")


def test_csv_download_neutralises_formulas_but_not_numbers():
    frame = pd.DataFrame(
        {
            "title": ['=HYPERLINK("x")', "+1", "-2 sessions", "@SUM(A1)", "\tx", "\r=cmd", "plain"],
            "value": [-5.0, 1.5, 2.0, 3.0, 4.0, 5.0, -0.25],
        }
    )
    header, *rows = csv.reader(io.StringIO(safe_csv(frame), newline=""))
    assert header == ["title", "value"]
    assert [r[0] for r in rows] == ['\'=HYPERLINK("x")', "'+1", "'-2 sessions", "'@SUM(A1)", "'\tx", "'\r=cmd", "plain"]
    assert [float(r[1]) for r in rows] == [-5.0, 1.5, 2.0, 3.0, 4.0, 5.0, -0.25]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    """OWASP's list of characters that make a spreadsheet read a cell as a formula, each one on its own."""
    assert neutralise_formula(start + "1+1") == "'" + start + "1+1"
    assert neutralise_formula("a" + start) == "a" + start
