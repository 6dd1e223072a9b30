"""Charts saved as files: Streamlit hides Vega's own export menu, so Altair charts are rendered to SVG and PNG
here, offline, with vl-convert (a Rust build of Vega that needs no browser or network). Plotly charts save
PNG from their own camera button.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

EXPORT_WIDTH = 1200  # px: a chart that fills its container on screen needs a real width in a file


def _sized(spec: dict) -> dict:
    out = copy.deepcopy(spec)
    if out.get("width") == "container":
        out["width"] = EXPORT_WIDTH
    return out


FONTS = Path(__file__).resolve().parents[1] / "static" / "fonts"


@cache
def _converter():
    """vl-convert, with the app's own font registered once: Japanese labels need it on a machine without CJK
    fonts (the exports are drawn on the server, for every user of a deployment)."""
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def svg(spec: dict) -> str:
    return _converter().vegalite_to_svg(_sized(spec))


def png(spec: dict) -> bytes:
    return _converter().vegalite_to_png(_sized(spec), scale=2)
