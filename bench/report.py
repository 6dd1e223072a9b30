"""How a measured figure is printed beside its budget in BENCHMARKS.md."""

from __future__ import annotations

import math


def figure(value: float, at_most: bool) -> str:
    """`value` with two decimals, rounded towards missing its budget, so that the figure never contradicts its
    verdict: a speed-up of 1.4997 against "at least 1.5" shows as 1.49, not 1.50; a ratio of 1.5041 against
    "at most 1.5" as 1.51. (The rounding is done on value x 100 to six places first, so that 1.44 stays 1.44.)"""
    hundredths = round(value * 100, 6)
    return f"{(math.ceil(hundredths) if at_most else math.floor(hundredths)) / 100:.2f}"
