"""The trade series reproduce the seed article's statements, each on the basis the data says it matches."""

import pytest

from relations.validation import read_table


@pytest.fixture(scope="module")
def cow():
    t = read_table("trade")
    t = t[t.series_id == "cow_usd"]
    return {(int(r.year), r.flow): float(r.value) for r in t.itertuples() if r.value == r.value}


def test_total_1979_is_about_4_4_billion(cow):
    total = cow[(1979, "exports")] + cow[(1979, "imports")]
    assert total == pytest.approx(4400, rel=0.02)  # 4,338 million US$


def test_imports_nearly_1_9_billion_in_1980_and_almost_3_4_in_1990(cow):
    assert 1850 <= cow[(1980, "imports")] < 1900  # 1,873
    assert 3350 <= cow[(1990, "imports")] < 3400  # 3,370


def test_exports_statements_are_japan_reported_and_cow_is_8_to_11_percent_higher(cow):
    # "over US$3.1 billion in 1988", "US$2.6 billion in 1990" are Japan's FOB figures; COW's exports are
    # the USSR-side CIF-type estimate, so COW sits above them by the margin PROVENANCE §1 describes.
    assert 1.05 <= cow[(1988, "exports")] / 3100 <= 1.12
    assert 1.05 <= cow[(1990, "exports")] / 2600 <= 1.12


def test_statements_table_says_which_basis_matches_which_statement():
    s = read_table("trade_statements").set_index("statement_id")
    assert s.loc["imports-1980", "cow_matches"] == "yes"
    assert s.loc["exports-1988", "cow_matches"].startswith("no")
    assert "Japan-reported" in s.loc["exports-1990", "matching_basis"]
    assert float(s.loc["total-1979", "cow_value_million_usd"]) == 4338


def test_interwar_yen_series_shows_trade_where_cow_says_zero(cow):
    t = read_table("trade")
    lon = t[(t.series_id == "lon_japan_yen") & (t.year == 1935) & (t.flow == "exports")]
    assert float(lon.value.iloc[0]) == 28  # million yen, Japan-reported
    assert cow[(1935, "exports")] == 0


def test_harmonised_usd_converts_yen_with_sourced_rates_and_says_so():
    t = read_table("trade")
    h = t[(t.series_id == "harmonised_usd") & (t.year == 1927) & (t.flow == "exports")].iloc[0]
    # 8.645594 million yen x 4.861 US$/£ / 10.2553 yen/£ (RICardo), Japan's own annual return
    assert float(h.value) == pytest.approx(8.645594 * 4.861 / 10.2552742616, rel=1e-4)
    assert h.conversion_source_id == "ricardo_exchange_rates"
    assert "yen/£" in h.note
    assert t[(t.series_id == "harmonised_usd") & (t.year < 1924)].empty  # no sourced dollar rate before 1924
