"""Server start: `streamlit run app.py` serves app.py's st.App, which builds the home page before any visitor."""

import pytest

from relations import memo, views
from relations.theme import Look
from relations.validation import DATA_DIR, DataError

ROOT = DATA_DIR.parent


def test_streamlit_run_finds_the_app_with_its_warm_up():
    """Imported (not run as __main__), app.py defines `app`, the st.App that `streamlit run` serves."""
    import importlib.util

    import streamlit as st

    spec = importlib.util.spec_from_file_location("app_module", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert isinstance(module.app, st.App)


def test_warm_up_builds_the_home_page_figures_once(monkeypatch):
    memo.clear_all()
    built = []
    real = views.summaries.headline_facts
    monkeypatch.setattr(views.summaries, "headline_facts", lambda *a: built.append(1) or real(*a))
    views.warm_up()
    facts = views.headline(Look(present=False, dark=False), "en")  # what the first visitor's home page asks for
    assert built == [1]
    assert [label for label, *_ in facts][:2] == ["Events on the timeline", "Bilateral agreements signed"]


def test_warm_up_never_stops_the_server_on_broken_data(tmp_path, monkeypatch):
    monkeypatch.setenv("JSR_DATA_DIR", str(tmp_path))  # an empty folder: every table is missing
    memo.clear_all()
    try:
        views.warm_up()  # returns quietly...
        with pytest.raises(DataError):  # ...although the home page's tables cannot be read: the page says so
            views.headline(Look(present=False, dark=False), "en")
    finally:
        monkeypatch.delenv("JSR_DATA_DIR")
        memo.clear_all()


def test_the_server_skips_streamlits_full_garbage_collection_after_every_run():
    """With pandas, pyarrow, Plotly and Altair loaded that collection took about 40 ms of every run (see the
    comment in .streamlit/config.toml and BENCHMARKS.md)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
    assert config["server"]["fileWatcherType"] == "none"
