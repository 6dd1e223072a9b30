"""Charts in the form Streamlit sends them, prepared once per view instead of on every run of every session.

`st.vega_lite_chart` converts each named dataset of a spec to Arrow bytes on every call, unless the dataset is
already bytes (streamlit/elements/vega_charts.py, `_marshall_chart_data`). `st.plotly_chart` calls
`figure.to_dict()` on every call, which deep-copies the figure and re-encodes its arrays; `st.dataframe`
converts a DataFrame to Arrow on every call. All are the same for every reader of a shared view, so they
are done once: `for_streamlit` when the view is built, `arrow_table` when a view's table is first shown.
Datasets that the app also serves as a file (the map geometry, see `serve`) are swapped for the file's URL.

The JSON-ready spec stays on the view as `figure`: the PNG/SVG export (vl-convert) needs plain values.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any


def _is_records(values: Any) -> bool:
    """A list of flat records (what Altair writes for a DataFrame); GeoJSON features are left as they are."""
    return isinstance(values, list) and all(
        isinstance(row, dict) and not any(isinstance(v, (dict, list)) for v in row.values()) for row in values
    )


# Dataset values that the app also serves as a static file, with the data reference that loads that file instead.
_SERVED: list[tuple[list, dict]] = []


def serve(values: list, reference: dict) -> None:
    """Have charts load `values` from a file the app serves (`reference`, e.g. {"url": ..., "format": ...}).

    Streamlit turns a spec into JSON twice and parses it once on every run, so 60 kB of map geometry inline
    was the largest cost of a map page's rerun, and it was sent to each session again. From a URL, the browser
    fetches the file once and keeps it.
    """
    if not any(known is values for known, _ in _SERVED):
        _SERVED.append((values, reference))


def _served(datasets: dict) -> dict[str, dict]:
    """The named datasets that are also files the app serves, with the reference that loads each file."""
    out = {}
    for name, values in datasets.items():
        for known, reference in _SERVED:
            if values is known or (isinstance(values, list) and len(values) == len(known) and values == known):
                out[name] = reference
    return out


def _by_reference(node: Any, served: dict[str, dict]) -> Any:
    """A copy of a spec in which each use of a served dataset ({"name": ...}) loads its file instead."""
    if isinstance(node, dict):
        if node.keys() == {"name"} and node["name"] in served:
            return served[node["name"]]
        return {key: value if key in ("datasets", "values") else _by_reference(value, served)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_by_reference(item, served) for item in node]
    return node


def vega_spec(spec: dict) -> dict:
    """A copy of a Vega-Lite spec whose tabular datasets are Arrow IPC bytes and served datasets are URLs."""
    from streamlit import dataframe_util

    datasets = spec.get("datasets")
    if not datasets:
        return spec
    served = _served(datasets)
    if served:
        spec = _by_reference(spec, served)
        datasets = {name: values for name, values in datasets.items() if name not in served}
    ready = {
        name: dataframe_util.convert_anything_to_arrow_bytes(values) if _is_records(values) and values else values
        for name, values in datasets.items()
    }
    return {**spec, "datasets": ready}


@cache
def _frozen_class():
    import importlib.util

    import plotly.graph_objects as go
    import plotly.io

    # st.plotly_chart turns the figure into JSON on every run (plotly.io.to_json). Plotly's own encoder makes three
    # passes (encode, parse, encode again); orjson, given values that are already plain JSON, makes one and is about
    # five times faster here. Where orjson is not installed, Plotly's encoder stays.
    if importlib.util.find_spec("orjson") is not None:
        plotly.io.json.config.default_engine = "orjson"

    class FrozenFigure(go.Figure):
        """A figure that is never changed after it is built, so its dict form is made once."""

        def freeze(self) -> FrozenFigure:
            # Plain JSON values (lists, strings, None for a gap), as Plotly's encoder writes them: numpy arrays and
            # NaN would send orjson down Plotly's slow cleaning path on every run.
            self._frozen = json.loads(plotly.io.to_json(super().to_dict(), validate=False, engine="json"))
            return self

        def to_dict(self) -> dict:
            # A new top-level dict each time; the traces inside are shared and only read (plotly.io.to_json
            # pops a trace's "uid", which our figures never set).
            frozen = getattr(self, "_frozen", None)
            return dict(frozen) if frozen is not None else super().to_dict()

    return FrozenFigure


def plotly_figure(figure: Any) -> Any:
    """A read-only copy of a Plotly figure whose `to_dict()` is computed once, as plain JSON values."""
    # From the dict, not the figure: copying a figure re-applies Plotly's current default template (which
    # Streamlit changes when it is imported), while the dict carries the template the figure was built with.
    return _frozen_class()(figure.to_dict()).freeze()


def arrow_table(frame):
    """A DataFrame as the Arrow table st.dataframe would make of it; given Arrow, st.dataframe only serialises."""
    from streamlit import dataframe_util

    return dataframe_util.convert_pandas_df_to_arrow_table(frame.reset_index(drop=True))


def for_streamlit(figure: Any) -> Any:
    """What to hand to st.vega_lite_chart or st.plotly_chart for this figure (other objects pass through)."""
    if isinstance(figure, dict):
        return vega_spec(figure)
    if type(figure).__module__.startswith("plotly."):
        return plotly_figure(figure)
    return figure
