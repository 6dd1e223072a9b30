"""Property-based fuzzing of the one place that reads URL parameters: whatever arrives, a valid value comes out."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relations.i18n import LANGUAGES, Msg
from relations.params import PARAMS, Choice, Flag, Identifier, Language, MultiChoice, Seed, Year, YearRange

HOSTILE = st.one_of(
    st.text(max_size=400),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "1e309",
            "-1e309",
            "NaN",
            "nan",
            "inf",
            "-0",
            "1917-1991-2000",
            "1991-1917",
            "-5--3",
            "99999-1",
            "0-0",
            "../../etc/passwd",
            "..\\..\\windows",
            "\u202e1991-1917",
            "\u200f1940",
            "1940\x00",
            "\r\n1940",
            "x" * 100_000,
            "1940.5",
            "0x7B0",
            "٣١٩١",
            "１９４０",
            " 1940 ",
            "true",
            "1,2,3",
            "",
            ",",
            "treaty,,treaty",
            "%3Cscript%3E",
            "' OR 1=1 --",
            "{{7*7}}",
            "${jndi:ldap://x}",
        ]
    ),
    st.lists(st.text(max_size=50), min_size=2, max_size=4),  # repeated keys (?a=1&a=2)
    st.from_regex(r"-?\d{1,6}(\s*[-–:,]\s*-?\d{1,6})?", fullmatch=True),
)


def valid(param, value) -> bool:
    if isinstance(param, Language):  # absent: the browser's language decides (None until the page asks it)
        return value is None or value in param.options
    if isinstance(param, YearRange):
        lo, hi = param.bounds
        return isinstance(value, tuple) and len(value) == 2 and lo <= value[0] <= value[1] <= hi
    if isinstance(param, Year):
        return isinstance(value, int) and param.bounds[0] <= value <= param.bounds[1]
    if isinstance(param, Choice):
        return value in param.options
    if isinstance(param, MultiChoice):
        return isinstance(value, list) and set(value) <= set(param.options) and len(set(value)) == len(value)
    if isinstance(param, Flag):
        return isinstance(value, bool)
    if isinstance(param, Identifier):
        return value is None or (isinstance(value, str) and len(value) <= 120 and value.isprintable())
    if isinstance(param, Seed):  # absent or unreadable: the page draws a new one
        return value is None or (isinstance(value, int) and 0 <= value <= param.largest)
    raise AssertionError(type(param))


def make_test(name):
    param = PARAMS[name]

    @settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(raw=HOSTILE)
    def test(raw):
        value, problem = param.parse(raw)
        assert valid(param, value), (raw, value)
        assert problem is None or isinstance(problem, Msg)
        assert problem is None or all(len(problem.render(lang)) < 200 for lang in LANGUAGES)
        if isinstance(value, float):
            assert math.isfinite(value)

    return test


for _name in PARAMS:
    globals()[f"test_fuzz_{_name}"] = make_test(_name)


def test_known_values_round_trip():
    for param in PARAMS.values():
        if param.default is None:
            continue
        assert param.parse(param.format(param.default)) == (param.default, None)


def test_reversed_and_out_of_range_year_ranges_are_mended_with_a_notice():
    years = PARAMS["years"]
    assert years.parse("1991-1917")[0] == (1917, 1991) and years.parse("1991-1917")[1]
    assert years.parse("1200-3000")[0] == (1855, 1999) and "limited" in str(years.parse("1200-3000")[1])
    value, problem = years.parse("x" * 100_000)
    assert value == (1917, 1991)
    assert str(problem) == "The year range in the link could not be used, so the default is shown."
