"""A process-wide memo for what every session shares: validated tables and finished views.

It exists because the core is plain Python: relations/ outside relations/ui must not import Streamlit, so it
cannot use st.cache_resource, and the build, the exports and the tests call the same loaders and views without a
server. It is not kept for speed: bench/run.py measures it against st.cache_resource doing the same job and finds
them within a few per cent (BENCHMARKS.md). A hit is one dict lookup on the arguments themselves, so they must be
hashable (strings, numbers, tuples, frozen dataclasses).

Like st.cache_resource, a value is built once even when forty sessions ask for it at the same moment (the others
wait for the first), an exception is not remembered (a fixed data file is read again on the next run), and values
are shared objects that callers must not change.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_MEMOS: list[Callable[[], None]] = []


def shared(max_entries: int = 256, also_keyed_by: Callable[[], Hashable] | None = None) -> Callable[[F], F]:
    """Remember `fn(*args)` per distinct positional arguments, for the whole process (oldest dropped first).

    `also_keyed_by`, when given, is called on every call and its result joins the key: something `fn` depends
    on without taking it as an argument, such as the data folder its tables are read from.
    """

    def decorate(fn: F) -> F:
        values: OrderedDict[Hashable, Any] = OrderedDict()
        guard = threading.Lock()
        building: dict[Hashable, threading.Lock] = {}

        @wraps(fn)
        def memoised(*args: Hashable) -> Any:
            key = args if also_keyed_by is None else (*args, also_keyed_by())
            try:
                return values[key]
            except KeyError:
                pass
            with guard:
                lock = building.setdefault(key, threading.Lock())
            with lock:  # the first caller builds; others asking for the same value wait, then read it
                try:
                    return values[key]
                except KeyError:
                    pass
                value = fn(*args)
                with guard:
                    values[key] = value
                    building.pop(key, None)
                    while len(values) > max_entries:
                        values.popitem(last=False)
                return value

        def clear() -> None:
            with guard:
                values.clear()

        _MEMOS.append(clear)
        return memoised  # type: ignore[return-value]

    return decorate


def clear_all() -> None:
    """Forget every shared value (tests that swap the data folder, or a teacher's edited copy)."""
    for clear in _MEMOS:
        clear()
