"""The app's pages, listed once: app.py builds the navigation from this list, and the tests and the benchmark
visit the same pages. A page's name is its file in app_pages/ and the path of its address (/timeline)."""

from __future__ import annotations

from typing import NamedTuple

from relations.i18n import N_


class Page(NamedTuple):
    name: str  # file stem in app_pages/ and URL path; the first page is the default one, at /
    title: str
    icon: str


PAGES = (
    Page("overview", N_("Overview"), ":material/home:"),
    Page("lesson", N_("Lesson"), ":material/school:"),
    Page("selfcheck", N_("Self-check"), ":material/quiz:"),
    Page("timeline", N_("Timeline"), ":material/timeline:"),
    Page("trade", N_("Trade"), ":material/show_chart:"),
    Page("treaties", N_("Treaties"), ":material/history_edu:"),
    Page("territories", N_("Territories"), ":material/map:"),
    Page("conflicts", N_("Conflicts"), ":material/swords:"),
    Page("people", N_("People"), ":material/groups:"),
    Page("sources", N_("Sources & data"), ":material/menu_book:"),
)
NAMES = tuple(page.name for page in PAGES)


def url_path(name: str) -> str:
    """The page's path in an address: '' for the default page, else its name."""
    return "" if name == PAGES[0].name else name
