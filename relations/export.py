"""Charts saved as files: Streamlit hides Vega's own export menu, so Altair charts are rendered to SVG and PNG
here, offline, with vl-convert (a Rust build of Vega that needs no browser or network). Plotly charts save
PNG from their own camera button.
"""

from __future__ import annotations

import copy

EXPORT_WIDTH = 1200  # px: a chart that fills its container on screen needs a real width in a file


def _sized(spec: dict) -> dict:
    out = copy.deepcopy(spec)
    if out.get("width") == "container":
        out["width"] = EXPORT_WIDTH
    return out


def svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(_sized(spec))


def png(spec: dict) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(_sized(spec), scale=2)
