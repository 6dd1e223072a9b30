"""Charts prepared once for Streamlit (relations/wire.py) carry exactly the data of the figures they stand for."""

import io
import json

import plotly.io
import pyarrow as pa
import pytest

from relations import charts, filters, geo, wire
from relations.theme import Look
from relations.validation import DATA_DIR, read_table


@pytest.fixture(scope="module")
def t():
    names = ["events", "eras", "sources", "trade", "territorial_changes", "place_names", "conflicts"]
    return {n: read_table(n) for n in names}


def test_timeline_datasets_become_arrow_with_the_same_rows(t):
    ev = filters.filter_events(filters.with_bounds(t["events"]), None, (1917, 1991))
    spec = charts.timeline_chart(ev, t["eras"], t["sources"], (1917, 1991)).to_dict()
    ready = wire.vega_spec(spec)
    assert ready is not spec and spec["datasets"] is not ready["datasets"]
    points = spec["layer"][-1]["data"]["name"]
    table = pa.ipc.open_stream(io.BytesIO(ready["datasets"][points])).read_all()
    assert table.num_rows == len(ev) == len(spec["datasets"][points])
    assert sorted(table.column("event_id").to_pylist()) == sorted(ev["event_id"])
    # The JSON spec is left as it was, for the PNG/SVG export.
    assert isinstance(spec["datasets"][points], list)
    assert {k: v for k, v in ready.items() if k != "datasets"} == {k: v for k, v in spec.items() if k != "datasets"}


def test_map_labels_become_arrow_and_geometry_is_fetched_from_the_static_copy(t):
    holders = filters.holders_in_year(t["territorial_changes"], 1950)
    names = t["place_names"]
    spec = charts.map_chart(geo.layers(), holders, geo.labels(names, "ja"), 1950, Look(),
                            geo.labels(names, "ru"))
    ready = wire.vega_spec(spec)
    # Labels and cities become Arrow; the geometry leaves the spec, and both shape layers load the served file.
    assert set(spec["datasets"]) - set(ready["datasets"]) == {charts.MAP_SHAPES}
    assert ready["datasets"] and all(isinstance(v, bytes) for v in ready["datasets"].values())
    served = {"url": "app/static/map_layers.geojson", "format": {"type": "json", "property": "features"}}
    assert [layer["data"] for layer in ready["layer"][:2]] == [served, served]
    # The spec kept for export still carries the geometry itself, the very features of the data file.
    features = spec["datasets"][charts.MAP_SHAPES]
    assert features[0]["type"] == "Feature" and features == geo.layers()["features"]
    assert spec["layer"][0]["data"] == {"name": charts.MAP_SHAPES}
    assert geo.STATIC.read_bytes() == (DATA_DIR / "geo" / "map_layers.geojson").read_bytes()
    assert len(json.dumps(ready, default=len)) < 10_000 < len(json.dumps(spec))
    # GeoJSON features are never taken for table rows.
    assert not wire._is_records(features)


def test_edited_geometry_stays_inline(t):
    """A teacher's edited copy of the geometry is not the served file, so its chart carries its own shapes."""
    edited = json.loads(json.dumps(geo.layers()))
    edited["features"][0]["properties"]["label_lon"] += 0.5
    spec = charts.map_chart(edited, {}, {}, 1950)
    ready = wire.vega_spec(spec)
    assert ready["layer"][0]["data"] == {"name": charts.MAP_SHAPES}
    assert ready["datasets"][charts.MAP_SHAPES] == edited["features"]


def _plain(figure: dict):
    """A figure dict as JSON values, without the empty objects Plotly drops when it copies a figure."""

    def prune(value):
        if isinstance(value, dict):
            kept = {k: prune(v) for k, v in value.items()}
            return {k: v for k, v in kept.items() if v != {}}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    return prune(json.loads(plotly.io.to_json(figure, validate=False)))


def test_frozen_plotly_figure_gives_the_same_dict_every_time(t):
    fig = charts.conflicts_figure(filters.with_bounds(t["conflicts"], "start_date", "end_date"))
    frozen = wire.plotly_figure(fig)
    first, second = frozen.to_dict(), frozen.to_dict()
    assert _plain(first) == _plain(fig.to_dict())
    assert first is not second and first["data"] is second["data"]  # shared, never rebuilt
    assert len(first["data"]) == len(fig.data) > 0


def test_frozen_plotly_figure_holds_plain_json_that_orjson_encodes_in_one_pass(t):
    import orjson
    import plotly.io

    fig = charts.conflicts_figure(filters.with_bounds(t["conflicts"], "start_date", "end_date"))
    frozen = wire.plotly_figure(fig).to_dict()
    # Plain values only: orjson without numpy support raises TypeError on arrays, NaN or dates objects, which is
    # what sends Plotly to its slow cleaning pass on every run.
    assert _plain(json.loads(orjson.dumps(frozen))) == _plain(fig.to_dict())
    assert plotly.io.json.config.default_engine == "orjson"
    x = frozen["data"][0]["x"]
    assert isinstance(x, list) and isinstance(x[0], str) and x[0][:4].isdigit()  # dates as ISO text, not numpy
