"""Text from data never becomes markup; downloads never carry live spreadsheet formulas."""

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from relations.text import md_escape, safe_csv


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![remote](http://example.com/x.png)",
    "**bold** _it_ `code` # heading",
])
def test_markdown_from_data_shows_as_typed(hostile):
    at = AppTest.from_string(f"import streamlit as st\nst.markdown({md_escape(hostile)!r})")
    at.run()
    shown = at.markdown[0].value
    assert "<script" not in shown.replace("\\<", "") and "](" not in shown.replace("\\]\\(", "")
    # Escaping only adds backslashes: removing them gives back the original text.
    assert shown.replace("\\", "") == hostile.replace("\\", "")


def test_csv_download_neutralises_formulas_but_not_numbers():
    frame = pd.DataFrame({"title": ["=HYPERLINK(\"x\")", "+1", "-2 sessions", "@SUM(A1)", "\tx", "plain"],
                          "value": [-5.0, 1.5, 2.0, 3.0, 4.0, -0.25]})
    back = pd.read_csv(io.StringIO(safe_csv(frame)))
    assert list(back["title"]) == ["'=HYPERLINK(\"x\")", "'+1", "'-2 sessions", "'@SUM(A1)", "'\tx", "plain"]
    assert list(back["value"]) == [-5.0, 1.5, 2.0, 3.0, 4.0, -0.25]
