"""Colours and shapes used everywhere, so a category or a country looks the same on every page.

Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), each colour paired with a
second cue (a shape or a dash) so that nothing is told by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from relations import schema
from relations.filters import NOT_RECORDED, TRADE_MEASURES

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Category -> (colour, Vega shape), in the order datapackage.json lists the categories. Shapes differ for every
# category.
CATEGORY_STYLE: dict[str, tuple[str, str]] = dict(
    zip(
        schema.CATEGORIES,
        (
            (OKABE_ITO["blue"], "circle"),
            (OKABE_ITO["bluish_green"], "square"),
            (OKABE_ITO["vermillion"], "triangle-up"),
            (OKABE_ITO["orange"], "diamond"),
            (OKABE_ITO["sky_blue"], "triangle-down"),
            (OKABE_ITO["reddish_purple"], "cross"),
            (OKABE_ITO["black"], "triangle-right"),
            ("#6E6E6E", "triangle-left"),
        ),
        strict=True,
    )
)

# Holders of territory on the map (datapackage.json's order: Japan, Russian Empire, Soviet Russia, Far Eastern
# Republic, USSR, Russia), then "not recorded": colour + pattern/dash.
STATE_STYLE: dict[str, tuple[str, str]] = dict(
    zip(
        (*schema.HOLDERS, NOT_RECORDED),
        (
            (OKABE_ITO["vermillion"], "solid"),
            (OKABE_ITO["reddish_purple"], "dot"),
            (OKABE_ITO["sky_blue"], "dash"),
            (OKABE_ITO["sky_blue"], "dashdot"),
            (OKABE_ITO["blue"], "solid"),
            (OKABE_ITO["bluish_green"], "longdash"),
            ("#BBBBBB", "dot"),
        ),
        strict=True,
    )
)

# The Trade page's measures (exports and imports from Japan's side, then total and balance): colour + dash.
FLOW_STYLE: dict[str, tuple[str, str]] = dict(
    zip(
        TRADE_MEASURES,
        (
            (OKABE_ITO["vermillion"], "solid"),  # exports: goods leaving Japan
            (OKABE_ITO["blue"], "dash"),
            (OKABE_ITO["black"], "dot"),
            (OKABE_ITO["bluish_green"], "dashdot"),
        ),
        strict=True,
    )
)

ERA_FILL = ["#F2F2F2", "#E0E0E0"]  # alternating neutral bands: eras are context, not data
# Light tints of the Okabe-Ito hues for the eras strip: black labels on them stay above 10:1.
ERA_TINTS = ["#F5DDA8", "#C4E3F6", "#A8DCCB", "#F9F4B8", "#A9CBE5", "#F3C3A3", "#EDCDE0", "#E0E0E0"]

# Text sizes readable from the back of a classroom at projector resolution.
FONT = "Source Sans, Source Sans Pro, Arial, Noto Sans JP App, sans-serif"  # the last for Japanese (static/fonts/)


@dataclass(frozen=True)
class Look:
    """Sizes and text colours for one way of showing the app: laptop or projector, light or dark theme."""

    present: bool = False
    dark: bool = False

    @property
    def font_size(self) -> int:  # chart text; >= 18 px in present mode
        return 20 if self.present else 15

    @property
    def line_width(self) -> float:
        return 5 if self.present else 3

    @property
    def marker_size(self) -> int:  # Plotly marker diameter, px
        return 12 if self.present else 7

    @property
    def point_size(self) -> int:  # Vega point area, px²
        return 260 if self.present else 110

    @property
    def text(self) -> str:  # >= 7:1 against the background in both themes
        return "#F5F5F5" if self.dark else "#111111"

    @property
    def background(self) -> str:
        return "#000000" if self.dark else "#FFFFFF"

    @property
    def grid(self) -> str:
        return "#3A3F4B" if self.dark else "#DDDDDD"

    def color(self, color: str) -> str:
        """Black marks would vanish on a dark background: they turn near-white there."""
        return "#F5F5F5" if self.dark and color == OKABE_ITO["black"] else color

    @property
    def era_fill(self) -> list[str]:
        return ["#1C212B", "#262C38"] if self.dark else ERA_FILL


DEFAULT_LOOK = Look()
