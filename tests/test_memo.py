"""relations.memo.shared: what every session shares is built once, even when a class asks at the same moment."""

import threading
import time

import pytest

from relations import data, memo, views


def test_forty_callers_at_once_build_the_value_once():
    calls = []
    start = threading.Barrier(40)

    @memo.shared()
    def slow(x):
        calls.append(x)
        time.sleep(0.05)  # long enough for all forty threads to arrive while the first is still building
        return [x]

    results = []

    def student():
        start.wait()
        results.append(slow(7))

    threads = [threading.Thread(target=student) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [7]
    assert len(results) == 40 and all(r is results[0] for r in results)  # one shared object


def test_an_exception_is_not_remembered():
    attempts = []

    @memo.shared()
    def flaky(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise ValueError("broken file")
        return x * 2

    with pytest.raises(ValueError):
        flaky(3)
    assert flaky(3) == 6 and flaky(3) == 6
    assert attempts == [3, 3]


def test_oldest_value_is_dropped_and_clear_all_forgets():
    calls = []

    @memo.shared(max_entries=2)
    def square(x):
        calls.append(x)
        return x * x

    assert [square(1), square(2), square(3)] == [1, 4, 9]
    square(3), square(2)
    assert calls == [1, 2, 3]
    square(1)  # dropped when 3 came in
    assert calls == [1, 2, 3, 1]
    memo.clear_all()
    square(1)
    assert calls == [1, 2, 3, 1, 1]


def test_real_tables_and_views_are_shared_between_calls():
    assert data.events() is data.events()
    first = views.series_captions(("japan_returns_yen", "lon_japan_yen"), "en")
    assert first is views.series_captions(("japan_returns_yen", "lon_japan_yen"), "en")
    assert len(first) == 2 and all(c.startswith("**") for c in first)


def test_also_keyed_by_keeps_one_value_per_folder():
    folder = ["data"]
    calls = []

    @memo.shared(also_keyed_by=lambda: folder[0])
    def view(x):
        calls.append((x, folder[0]))
        return f"{x} from {folder[0]}"

    assert view(1) == "1 from data" and view(1) == "1 from data"
    folder[0] = "edited copy"
    assert view(1) == "1 from edited copy"
    folder[0] = "data"
    assert view(1) == "1 from data"
    assert calls == [(1, "data"), (1, "edited copy")]
